import escapeHtml from 'escape-html';
import { AGENDA_PAD, bijeenkomstPad } from '../bijeenkomst/paden.ts';
import { kleuren } from '../styles/kleuren.ts';
import type { Fouten } from './aanmelding.ts';
import { formulierHtml, foutoverzichtHtml } from './formulier.ts';

/**
 * The Dutch HTML page a form post without JavaScript gets when it fails. Where the
 * person can try again, the form comes back with their values and the errors (the
 * same markup as on the event page), so nothing has to be retyped; the browser's back
 * button keeps the input as well.
 */
export interface FoutPaginaInvoer {
  status: number;
  melding: string;
  fouten?: Fouten;
  bijeenkomst?: { slug: string; titel: string; contact: string };
  waarden: Record<string, string>;
  formulierTonen: boolean;
  wachtlijst: boolean;
}

const koppen: Record<number, string> = {
  403: 'Inschrijven kan alleen via de website',
  404: 'Bijeenkomst niet gevonden',
  405: 'Zo werkt inschrijven niet',
  409: 'Inschrijven is niet (meer) mogelijk',
  413: 'Je inschrijving is te groot',
  415: 'Je inschrijving kon niet worden gelezen',
  422: 'Controleer je inschrijving',
  429: 'Te veel inschrijvingen tegelijk',
  502: 'Je inschrijving is niet ontvangen',
  503: 'Je inschrijving is niet ontvangen',
};

/** A few rules in the site's colours: this page is not built by Astro and has no stylesheet of its own. */
export const foutPaginaStijl = `
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:1.125rem;line-height:1.6;color:${kleuren.tekst};margin:0}
main{max-width:42rem;margin:0 auto;padding:2rem 1rem}
a{color:${kleuren.link}}:focus-visible{outline:3px solid ${kleuren.focus};box-shadow:0 0 0 6px ${kleuren['focus-tekst']}}
.foutoverzicht{border:4px solid ${kleuren.fout};padding:1rem 1.5rem;margin:0 0 2rem}.foutoverzicht__kop{margin-top:0}
.foutoverzicht a{color:${kleuren.fout};font-weight:700}.melding{border-left:6px solid ${kleuren.fout};padding:.5rem 1rem;background:${kleuren.vlak}}
.veld{margin:0 0 1.5rem}.veld--fout{border-left:4px solid ${kleuren.fout};padding-left:1rem}.veld__label{display:block;font-weight:700}
.veld__hint{color:${kleuren['tekst-zacht']};margin:0}.veld__fout{color:${kleuren.fout};font-weight:700;margin:0}.veld__optioneel{font-weight:400}
.veld__invoer{font:inherit;width:100%;max-width:30rem;box-sizing:border-box;padding:.4rem;border:2px solid ${kleuren.tekst}}
fieldset{border:0;padding:0;margin:0}legend{padding:0}.keuze{display:flex;gap:.5rem;align-items:flex-start;margin:.25rem 0}
.keuze input{width:1.5rem;height:1.5rem;margin:.15rem 0 0}
.knop{font:inherit;font-weight:700;background:${kleuren.merk};color:${kleuren['op-merk']};border:0;padding:.6rem 1.2rem;cursor:pointer}
.vangnet,.visueel-verborgen{position:absolute!important;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
[hidden]{display:none!important}`;

export function foutPagina(p: FoutPaginaInvoer): string {
  const e = escapeHtml;
  const kop = koppen[p.status] ?? 'Er ging iets mis';
  const terug = p.bijeenkomst
    ? `<p>Ga met de terugknop van je browser terug naar het formulier: wat je had ingevuld staat er dan nog. Of open <a href="${e(bijeenkomstPad(p.bijeenkomst.slug))}#inschrijven">de pagina van ${e(p.bijeenkomst.titel)}</a>.</p>`
    : `<p>Ga met de terugknop van je browser terug naar het formulier, of bekijk <a href="${AGENDA_PAD}">de bijeenkomsten</a>.</p>`;
  const formulier =
    p.formulierTonen && p.bijeenkomst
      ? formulierHtml({
          bijeenkomst: p.bijeenkomst.slug,
          contact: p.bijeenkomst.contact,
          wachtlijst: p.wachtlijst,
          waarden: p.waarden,
          fouten: p.fouten ?? {},
        }).replace('data-foutoverzicht', 'data-foutoverzicht autofocus')
      : '';
  const contact = p.bijeenkomst
    ? `<p>Aanmelden kan ook per e-mail via <a href="mailto:${e(p.bijeenkomst.contact)}">${e(p.bijeenkomst.contact)}</a>.</p>`
    : '';
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${e(kop)} – Inschrijven</title><style>${foutPaginaStijl}</style></head>
<body><main>
<h1>${e(kop)}</h1>
${
  p.fouten && formulier
    ? // As GOV.UK: the error summary first, in the form, with the person's values; help below.
      `${formulier}\n${terug}\n${contact}`
    : `${p.fouten ? foutoverzichtHtml(p.fouten).replace(' hidden', '') : `<p class="melding" role="alert">${e(p.melding)}</p>`}
${terug}
${contact}
${formulier ? `<h2>Opnieuw versturen</h2>${formulier}` : ''}`
}
</main></body></html>
`;
}

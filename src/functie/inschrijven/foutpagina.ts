import escapeHtml from 'escape-html';
import { AGENDA_PAD, bijeenkomstPad } from '../../bijeenkomst/paden.ts';
import { formulierHtml, foutoverzichtHtml } from '../../components/inschrijfformulier/formulier.ts';
import { meldingHtml, type Pagina } from '../sjabloon.ts';
import type { Fouten } from './aanmelding.ts';

/**
 * The Dutch HTML page a form post without JavaScript gets when it fails. Where the
 * person can try again, the form comes back with their values and the errors (the
 * same markup as on the event page), so nothing has to be retyped. Only where it does
 * not come back, the page points to the browser's back button, which keeps the input too.
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

/** The content is the heading, the message or error summary, the form with the person's values, and help. */
export function foutPagina(p: FoutPaginaInvoer): Pagina {
  const e = escapeHtml;
  const kop = koppen[p.status] ?? 'Er ging iets mis';
  const formulier =
    p.formulierTonen && p.bijeenkomst
      ? formulierHtml({
          bijeenkomst: p.bijeenkomst.slug,
          contact: p.bijeenkomst.contact,
          wachtlijst: p.wachtlijst,
          waarden: p.waarden,
          fouten: p.fouten ?? {},
          // Without JavaScript the summary takes focus on load, as the script gives it focus after a check.
          focusOpFouten: true,
          kopNiveau: 2,
        })
      : '';
  // Where the form is right here, with what the person typed, it is the way on: advice to go
  // back to another copy of it would only compete with it.
  const terug = formulier
    ? ''
    : p.bijeenkomst
      ? `<p>Ga met de terugknop van je browser terug naar het formulier: wat je had ingevuld staat er dan nog. Of open <a href="${e(bijeenkomstPad(p.bijeenkomst.slug))}#inschrijven">de pagina van ${e(p.bijeenkomst.titel)}</a>.</p>`
      : `<p>Ga met de terugknop van je browser terug naar het formulier, of bekijk <a href="${AGENDA_PAD}">de bijeenkomsten</a>.</p>`;
  const contact = p.bijeenkomst
    ? `<p>Aanmelden kan ook per e-mail via <a href="mailto:${e(p.bijeenkomst.contact)}">${e(p.bijeenkomst.contact)}</a>.</p>`
    : '';
  const bovenkop = p.bijeenkomst
    ? `<p class="bovenkop"><a href="${e(bijeenkomstPad(p.bijeenkomst.slug))}">${e(p.bijeenkomst.titel)}</a></p>`
    : '';
  const inhoud =
    p.fouten && formulier
      ? // As GOV.UK: the error summary first, in the form, with the person's values; help below.
        `${bovenkop}<h1>${e(kop)}</h1>${formulier}${terug}${contact}`
      : `${bovenkop}<h1>${e(kop)}</h1>${p.fouten ? foutoverzichtHtml(p.fouten, { zichtbaar: true, kopNiveau: 2 }) : `<p class="melding melding--fout" role="alert">${meldingHtml(p.melding)}</p>`}${terug}${contact}${formulier ? `<h2>Opnieuw versturen</h2>${formulier}` : ''}`;
  return { titel: p.bijeenkomst ? `${kop} – ${p.bijeenkomst.titel}` : kop, inhoud };
}

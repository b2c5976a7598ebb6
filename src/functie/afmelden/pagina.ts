import escapeHtml from 'escape-html';
import { AGENDA_PAD, bijeenkomstPad } from '../../bijeenkomst/paden.ts';
import { meldingHtml, type Pagina } from '../sjabloon.ts';

/**
 * The Dutch page the afmeld function answers when it cannot cancel: a heading that
 * says what went wrong, what to do, and always the way that still works (reply to the
 * confirmation, or mail the organiser). Like the sign-up's pages it goes into the site's
 * own layout (../sjabloon.ts); this gives its title and content.
 */
export interface AfmeldPaginaInvoer {
  kop: string;
  melding: string;
  bijeenkomst?: { slug: string; titel: string; contact: string } | undefined;
  /** The organiser's address when the event is not known (one address for every event). */
  contact?: string | undefined;
  /** Under "Wat nu?"; by default: reply to the confirmation, or mail the organiser. */
  hulp?: string | undefined;
}

export function afmeldPagina(p: AfmeldPaginaInvoer): Pagina {
  const e = escapeHtml;
  const b = p.bijeenkomst;
  const adres = b?.contact ?? p.contact;
  const contact = adres ? `<a href="mailto:${e(adres)}">${e(adres)}</a>` : 'de organisator (het adres staat in je bevestigingsmail)';
  const hulp =
    p.hulp ?? 'Afmelden kan ook door de bevestigingsmail van je inschrijving te beantwoorden: je bericht gaat naar de organisator.';
  const terug = b
    ? `<p><a href="${e(bijeenkomstPad(b.slug))}">Naar de pagina van ${e(b.titel)}</a></p>`
    : `<p><a href="${AGENDA_PAD}">Naar de bijeenkomsten</a></p>`;
  return {
    titel: b ? `${p.kop} – ${b.titel}` : p.kop,
    inhoud: `<h1>${e(p.kop)}</h1><p class="melding melding--fout" role="alert">${meldingHtml(p.melding)}</p><h2>Wat nu?</h2><p>${e(hulp)} Of mail naar ${contact}.</p>${terug}`,
  };
}

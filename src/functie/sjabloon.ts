import escapeHtml from 'escape-html';
import { meldingDelen } from './nadruk.ts';

/**
 * The pages the function renders (errors, a refused post) are the site's own:
 * the same header, navigation, footer, CSS and favicon as every page. The build renders
 * one page with the site's layout and two markers (src/pages/inschrijven/sjabloon.astro);
 * the function bundle carries that page (netlify/functie-bouw.ts) and fills in a title
 * and the content. There is no second copy of the layout or its styles.
 */
export const SJABLOON_PAD = '/inschrijven/sjabloon/';
export const TITEL_MARKER = '%%inschrijving-titel%%';
export const INHOUD_MARKER = '<!--%%inschrijving-inhoud%%-->';

export interface Sjabloon {
  /** The page before and after the content; the title marker may stand in both (title, og:title). */
  delen: [string, string];
  /** The inline <style> blocks of the page, for the function's Content-Security-Policy. */
  stijlen: string[];
}

/** Splits the built template page at its content marker; throws when the markers are not there. */
export function leesSjabloon(html: string): Sjabloon {
  const [voor, na, ...teVeel] = html.split(INHOUD_MARKER);
  if (na === undefined || teVeel.length) throw new Error(`Het sjabloon moet ${INHOUD_MARKER} precies één keer bevatten`);
  if (!voor!.includes(`<title>${TITEL_MARKER}`)) throw new Error(`Het sjabloon mist ${TITEL_MARKER} in <title>`);
  return { delen: [voor!, na], stijlen: stijlBlokken(html) };
}

/**
 * The content of every <style> element, in linear time (src/redos.test.ts): the page is cut
 * at each `</style>`, and a block is what follows the last `<style …>` tag before that cut.
 * A pattern that looked for the end from each `<style` would read an unclosed one to the end
 * of the page again, once per `<style` (quadratic).
 */
function stijlBlokken(html: string): string[] {
  return html
    .split(/<\/style>/i)
    .slice(0, -1)
    .flatMap((stuk) => {
      const begin = stuk.toLowerCase().lastIndexOf('<style');
      const tag = begin === -1 ? null : /^<style(?:[^\w<>][^<>]*)?>/i.exec(stuk.slice(begin));
      return tag ? [stuk.slice(begin + tag[0].length)] : [];
    });
}

/** The page with this title (escaped) and this content (HTML, escaped by its maker). */
function vulSjabloon({ delen: [voor, na] }: Sjabloon, titel: string, inhoud: string): string {
  const t = escapeHtml(titel);
  return `${voor.replaceAll(TITEL_MARKER, t)}${inhoud}${na.replaceAll(TITEL_MARKER, t)}`;
}

/** A page of the function: its title and the content of <main>. */
export interface Pagina {
  titel: string;
  /** HTML, escaped by its maker. */
  inhoud: string;
}

/**
 * Only when no template was built in (a handler called in-process without one): the same
 * content in a bare document, with no styles of its own. Every deploy and `astro dev`
 * have the site's layout.
 */
function kalePagina({ titel, inhoud }: Pagina): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(titel)}</title></head><body><main>${inhoud}</main></body></html>\n`;
}

/** The whole document: the page in the site's layout, or bare without one. */
export function paginaHtml(sjabloon: Sjabloon | undefined, pagina: Pagina): string {
  return sjabloon ? vulSjabloon(sjabloon, pagina.titel, pagina.inhoud) : kalePagina(pagina);
}

/** A message for a page of the function: escaped, with the "niet" of its outcome in <strong> (nadruk.ts). */
export function meldingHtml(melding: string): string {
  return meldingDelen(melding)
    .map((d) => (d.nadruk ? `<strong>${escapeHtml(d.tekst)}</strong>` : escapeHtml(d.tekst)))
    .join('');
}

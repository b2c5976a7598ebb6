import escapeHtml from 'escape-html';
import { kleuren } from '../styles/kleuren.ts';

/**
 * A mail of the function, as plain data: the endpoints write theirs (inschrijven/mails.ts,
 * afmelden/mails.ts) and hand them to a Mailer (mailer.ts). Each mail is written once as
 * blocks and rendered to text and to HTML here, so both parts always say the same.
 */

export type MailSoort = 'organisator' | 'bevestiging';

export interface Mail {
  soort: MailSoort;
  van: string;
  aan: string;
  antwoordAan: string;
  onderwerp: string;
  tekst: string;
  html: string;
}

/** What goes to the mail service as one request, under one idempotency key. */
export interface Zending {
  mails: Mail[];
  /** The same for every retry and every identical submit; another for any other submission. */
  sleutel: string;
}

export type Blok =
  | { kop?: string; rij: { kolommen: string[]; waarden: string[] } }
  | { kop?: string; alinea: string }
  | { kop?: string; gegevens: [string, string][] }
  | { kop?: string; links: [string, string][] };

export function naarTekst(blokken: Blok[]): string {
  return blokken
    .map((b) => {
      const kop = b.kop ? `${b.kop}\n${'-'.repeat(b.kop.length)}\n` : '';
      const romp =
        'alinea' in b
          ? b.alinea
          : 'rij' in b
            ? tabRegels(b.rij)
            : 'links' in b
              ? b.links.map(([label, url]) => `${label}: ${url}`).join('\n')
              : b.gegevens.map(([k, v]) => `${k}:${v.includes('\n') ? `\n${v}` : ` ${v}`}`).join('\n');
      return kop + romp;
    })
    .join('\n\n')
    .concat('\n');
}

const link = (href: string, tekst: string) => `<a href="${href}" style="color:${kleuren.link}">${tekst}</a>`;

/**
 * Web and mail addresses in a paragraph (already HTML-escaped) as links. Paragraphs hold
 * only the mail's own sentences, the event's details and validated addresses and names;
 * what a person typed freely is shown in the data table, never linked.
 *
 * One pass, provably linear (src/redos.test.ts): a web address runs to the next space or
 * `<`, without the punctuation that closes a sentence; every other run of the characters a
 * mail address is made of is a mail address when it starts with one, and what follows the
 * address in the run (the full stop of a sentence) stays outside the link. A web address
 * is taken whole, so an `@` inside it is never a mail address of its own.
 */
function metLinks(html: string): string {
  return html.replace(/https?:\/\/[^\s<]+[^\s<.,;:)]|[\w.+@-]+/g, (stuk) => {
    if (stuk.includes('://')) return link(stuk, stuk);
    const adres = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(stuk)?.[0];
    return adres ? link(`mailto:${adres}`, adres) + stuk.slice(adres.length) : stuk;
  });
}

/** A spreadsheet cell: tabs and line breaks become spaces; what a spreadsheet would read as a formula starts with an apostrophe. */
function cel(waarde: string): string {
  const plat = waarde.replace(/[\t\r\n]+/g, ' ');
  return /^[=+\-@]/.test(plat) ? `'${plat}` : plat;
}

/**
 * The sign-up as one spreadsheet row in plain text: a header line and a value line,
 * separated by tabs. Pasting a season's rows into a spreadsheet gives the attendee list.
 */
function tabRegels({ kolommen, waarden }: { kolommen: string[]; waarden: string[] }): string {
  return `${kolommen.join('\t')}\n${waarden.map(cel).join('\t')}`;
}

/** Text blocks keep a readable line length; the spreadsheet row may use the whole width of the mail. */
const KOLOM = 'max-width:40em';
const CEL = `text-align:left;vertical-align:top;padding:4px 6px;border:1px solid ${kleuren.rand}`;

/**
 * The spreadsheet row as an HTML table: copied from the mail, a spreadsheet pastes it as
 * cells under the header's columns. Wider than a phone, it scrolls sideways in its own box,
 * so the mail itself stays as wide as the screen.
 */
function spreadsheetTabel({ kolommen, waarden }: { kolommen: string[]; waarden: string[] }): string {
  const e = escapeHtml;
  const kop = kolommen.map((k) => `<th scope="col" style="${CEL};background-color:${kleuren.vlak}">${e(k)}</th>`).join('');
  const rij = waarden.map((w) => `<td style="${CEL}">${e(cel(w))}</td>`).join('');
  return `<div style="overflow-x:auto;margin:0 0 12px"><table style="border-collapse:collapse;font-size:13px;line-height:1.4"><thead><tr>${kop}</tr></thead><tbody><tr>${rij}</tr></tbody></table></div>`;
}

export function naarHtml(titel: string, blokken: Blok[]): string {
  const e = escapeHtml;
  const romp = blokken
    .map((b) => {
      const kop = b.kop ? `<h2 style="font-size:18px;margin:24px 0 8px;${KOLOM}">${e(b.kop)}</h2>` : '';
      if ('alinea' in b) return `${kop}<p style="margin:0 0 12px;${KOLOM}">${metLinks(e(b.alinea)).replaceAll('\n', '<br>')}</p>`;
      if ('rij' in b) return `${kop}${spreadsheetTabel(b.rij)}`;
      if ('links' in b)
        return `${kop}<ul style="margin:0 0 12px;padding-left:20px;${KOLOM}">${b.links.map(([label, url]) => `<li><a href="${e(url)}" style="color:${kleuren.link}">${e(label)}</a></li>`).join('')}</ul>`;
      // One line per field, as in the text part: a table column cannot be narrower than the longest
      // word in it (an e-mail address without a hyphen), and the CSS that would break it there
      // (table-layout, word-break, overflow-wrap) is not supported by Outlook and Gmail. In a
      // paragraph, `word-wrap` breaks it on a phone.
      const regels = b.gegevens
        .map(
          ([k, v]) =>
            `<p style="margin:0 0 4px"><strong>${e(k)}:</strong>${v.includes('\n') ? '<br>' : ' '}${e(v).replaceAll('\n', '<br>')}</p>`,
        )
        .join('');
      return `${kop}<div style="margin:0 0 12px;${KOLOM}">${regels}</div>`;
    })
    .join('\n');
  // The styles sit on a <div>, not on <body>: Gmail replaces <body> by a <div> of its own,
  // and Outlook's apps drop it. `word-wrap` (not `overflow-wrap`) is what every client reads.
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(titel)}</title></head><body>\n<div style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:${kleuren.tekst};word-wrap:break-word">\n${romp}\n</div>\n</body></html>\n`;
}

/** Subjects are single lines whatever the input: no CR/LF can reach a header. */
export function eenRegel(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must never reach a header.
  return s.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

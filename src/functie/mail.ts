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

/**
 * The sign-up as one spreadsheet row: a header line and a value line, separated by tabs.
 * Pasting a season's rows into a spreadsheet gives the attendee list. Tabs and line breaks
 * in a value become spaces; a value that a spreadsheet would read as a formula starts
 * with an apostrophe.
 */
function tabRegels({ kolommen, waarden }: { kolommen: string[]; waarden: string[] }): string {
  const cel = (w: string) => {
    const plat = w.replace(/[\t\r\n]+/g, ' ');
    return /^[=+\-@]/.test(plat) ? `'${plat}` : plat;
  };
  return `${kolommen.join('\t')}\n${waarden.map(cel).join('\t')}`;
}

export function naarHtml(titel: string, blokken: Blok[]): string {
  const e = escapeHtml;
  const romp = blokken
    .map((b) => {
      const kop = b.kop ? `<h2 style="font-size:18px;margin:24px 0 8px">${e(b.kop)}</h2>` : '';
      if ('alinea' in b) return `${kop}<p style="margin:0 0 12px">${metLinks(e(b.alinea)).replaceAll('\n', '<br>')}</p>`;
      if ('rij' in b)
        return `${kop}<pre style="margin:0 0 12px;white-space:pre;overflow-x:auto;font-size:13px">${e(tabRegels(b.rij))}</pre>`;
      if ('links' in b)
        return `${kop}<ul style="margin:0 0 12px;padding-left:20px">${b.links.map(([label, url]) => `<li><a href="${e(url)}" style="color:${kleuren.link}">${e(label)}</a></li>`).join('')}</ul>`;
      const rijen = b.gegevens
        .map(
          ([k, v]) =>
            `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0;white-space:nowrap">${e(k)}</th><td style="padding:4px 0">${e(v).replaceAll('\n', '<br>')}</td></tr>`,
        )
        .join('');
      return `${kop}<table role="presentation" style="border-collapse:collapse;margin:0 0 12px">${rijen}</table>`;
    })
    .join('\n');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${e(titel)}</title></head><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:${kleuren.tekst};max-width:40em">\n${romp}\n</body></html>\n`;
}

/** Subjects are single lines whatever the input: no CR/LF can reach a header. */
export function eenRegel(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must never reach a header.
  return s.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

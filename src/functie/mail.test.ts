import { describe, expect, test } from 'vitest';
import { kleuren } from '../styles/kleuren.ts';
import { naarHtml } from './mail.ts';

/** A paragraph of a mail as HTML, without the paragraph's own tag. */
const alinea = (tekst: string) =>
  naarHtml('Titel', [{ alinea: tekst }]).match(/<p style="margin:0 0 12px">(.*)<\/p>/s)?.[1] ?? 'geen alinea gevonden';
const link = (href: string, tekst = href) => `<a href="${href}" style="color:${kleuren.link}">${tekst}</a>`;

describe('web- en mailadressen in een alinea worden links', () => {
  test.each([
    [
      'een mailadres, de punt erachter niet',
      'Mail naar t.routers@vpng.nl.',
      `Mail naar ${link('mailto:t.routers@vpng.nl', 't.routers@vpng.nl')}.`,
    ],
    [
      'een adres met + en hoofdletters',
      'Van Anna+vpng@Gemeente.NL, dank',
      `Van ${link('mailto:Anna+vpng@Gemeente.NL', 'Anna+vpng@Gemeente.NL')}, dank`,
    ],
    [
      'een webadres zonder de leestekens erachter',
      'Kijk op https://vpng.nl/pad. Of niet',
      `Kijk op ${link('https://vpng.nl/pad')}. Of niet`,
    ],
    ['een webadres tussen haakjes', '(zie https://vpng.nl/a)', `(zie ${link('https://vpng.nl/a')})`],
    ['een webadres met & (ge-escapet)', 'https://vpng.nl/?a=1&b=2', link('https://vpng.nl/?a=1&amp;b=2')],
    ['een @ in een webadres is geen mailadres', 'https://vpng.nl/x@y.nl/z', link('https://vpng.nl/x@y.nl/z')],
    ['een mailadres tussen markup die ge-escapet is', '<b>a@b.nl</b>', `&lt;b&gt;${link('mailto:a@b.nl', 'a@b.nl')}&lt;/b&gt;`],
    ['twee adressen', 'a@b.nl en c@d.nl', `${link('mailto:a@b.nl', 'a@b.nl')} en ${link('mailto:c@d.nl', 'c@d.nl')}`],
  ])('%s', (_, tekst, html) => {
    expect(alinea(tekst)).toBe(html);
  });

  test.each([
    ['zonder domein', 'naam@'],
    ['zonder punt in het domein', 'naam@localhost'],
    ['een @ los', 'a @ b.nl'],
    ['http zonder adres', 'http en https: gewoon woorden'],
  ])('geen link: %s', (_, tekst) => {
    expect(alinea(tekst)).toBe(tekst);
  });

  test('een lange reeks tekens van een mailadres zonder @ blijft tekst', () => {
    const tekst = `${'.-'.repeat(20_000)}+./`;
    expect(alinea(tekst)).toBe(tekst);
  });
});

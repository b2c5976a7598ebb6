import { doIUseEmail } from 'doiuse-email';
import { describe, expect, test } from 'vitest';
import { bijeenkomstSchema } from '../bijeenkomst/schema.ts';
import { kleuren } from '../styles/kleuren.ts';
import { afmeldZending } from './afmelden/mails.ts';
import { controleer } from './inschrijven/aanmelding.ts';
import { inschrijfZending, type MailContext, organisatorZending } from './inschrijven/mails.ts';
import { type Mail, naarHtml } from './mail.ts';

/**
 * What mail clients make of the HTML of every mail the function sends, checked against
 * the Can I email database (doiuse-email) for the clients the organiser and the
 * attendees use: Outlook, Gmail and Apple Mail, on every platform.
 */

const r = controleer({
  bijeenkomst: 'opgavegericht-besturen',
  voornaam: 'Anna',
  tussenvoegsel: 'van der',
  achternaam: 'Berg',
  email: 'e2e-desktop-1700000000000-abcdef+inschrijven@gemeente.example',
  organisatie: 'Gemeente Zwolle',
  functie: 'anders',
  functieomschrijving: 'Beleidsadviseur',
  telefoon: '038 123 45 67',
  dieetwensen: 'Vegetarisch',
  opmerkingen: 'Ik neem een collega mee.\nTweede regel.',
  privacy: true,
});
if (!r.ok) throw new Error(JSON.stringify(r.fouten));

const bijeenkomst = bijeenkomstSchema.parse({
  titel: 'Opgavegericht besturen, speciaal voor wethouders en opgavemanagers',
  samenvatting: 'Een sessie.',
  datum: '2027-11-04',
  organisatoren: ['VPNG'],
  doelgroep: 'Wethouders',
  contact: 't.routers@vpng.nl',
  inschrijving: { status: 'open' },
});

const context: MailContext = {
  slug: 'opgavegericht-besturen',
  bijeenkomst,
  aanmelding: r.aanmelding,
  wachtlijst: false,
  ontvangen: new Date('2026-11-27T12:00:00Z'),
  organisator: 't.routers@vpng.nl',
  van: 'VPNG <inschrijving@vpng.nl>',
  paginaUrl: 'https://example.nl/bijeenkomsten/opgavegericht-besturen/',
  kalenderUrl: 'https://example.nl/bijeenkomsten/opgavegericht-besturen.ics',
  privacyUrl: 'https://example.nl/privacy/',
  afmeldUrl: 'https://example.nl/bijeenkomsten/opgavegericht-besturen/afmelden/?t=v1.opgavegericht-besturen.1.abc.def',
};

const elkeMail: [string, Mail][] = [
  ...inschrijfZending(context).mails.map((m) => [`inschrijving: ${m.soort}`, m] as [string, Mail]),
  ...inschrijfZending({ ...context, wachtlijst: true }).mails.map((m) => [`wachtlijst: ${m.soort}`, m] as [string, Mail]),
  ['organisatormail alleen', organisatorZending(context, 'limiet').mails[0]!],
  ...afmeldZending({
    slug: context.slug,
    bijeenkomst,
    gegevens: { voornaam: 'Anna', tussenvoegsel: 'van der', achternaam: 'Berg', email: r.aanmelding.email, wachtlijst: false },
    organisator: 't.routers@vpng.nl',
    van: 'VPNG <inschrijving@vpng.nl>',
  }).mails.map((m) => [`afmelding: ${m.soort}`, m] as [string, Mail]),
];

/**
 * What may stay: the <body> element, which some apps replace by a <div> (the mail's
 * styles sit on an element inside it), and the `role` attribute on layout tables, which
 * screen readers need and Windows Mail merely drops.
 */
const toegestaan = /^`(<body> element|role attribute)` is not supported by /;

describe.each(elkeMail)('%s', (_naam, mail) => {
  test('doiuse-email: geen fouten voor Outlook, Gmail en Apple Mail, behalve <body> en role', () => {
    const uitkomst = doIUseEmail(mail.html, { emailClients: ['outlook.*', 'gmail.*', 'apple-mail.*'] });
    const fouten = uitkomst.success ? [] : uitkomst.errors;
    expect(fouten.filter((f) => !toegestaan.test(f))).toEqual([]);
  });

  test('een viewport-metatag, zodat een telefoon de mail niet als desktoppagina verkleint', () => {
    expect(mail.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  test('geen stijl op <body>: Gmail vervangt het element en Outlook op Windows negeert de marges ervan', () => {
    expect(mail.html).toMatch(/<body>/);
  });
});

/** A paragraph of a mail as HTML, without the paragraph's own tag. */
const alinea = (tekst: string) =>
  naarHtml('Titel', [{ alinea: tekst }]).match(/<p style="margin:0 0 12px[^"]*">(.*?)<\/p>/s)?.[1] ?? 'geen alinea gevonden';
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

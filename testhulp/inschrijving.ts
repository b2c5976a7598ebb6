import { type Bijeenkomst, bijeenkomstSchema } from '../src/bijeenkomst/schema.ts';
import type { Zending } from '../src/functie/mail.ts';
import type { Mailer } from '../src/functie/mailer.ts';
import type { Bijeenkomsten } from '../src/inhoud/bijeenkomsten-voor-functie.ts';

/**
 * Fixtures for tests and benchmarks of the sign-up handler: a fixed clock, a set of
 * events in every registration state at that moment, a valid sign-up, and requests
 * shaped like the form and like a JSON client.
 */

const basis = {
  samenvatting: 'Een bijeenkomst.',
  organisatoren: ['VPNG'],
  doelgroep: 'Wethouders',
  contact: 'organisator@vpng.nl',
};

const event = (slug: string, extra: Record<string, unknown>): [string, Bijeenkomst] => [
  slug,
  bijeenkomstSchema.parse({ ...basis, titel: `Titel ${slug}`, datum: '2027-11-04', inschrijving: { status: 'open' }, ...extra }),
];

/** At NU: open, vol = wachtlijst, dicht = gesloten by the editor, termijn = deadline passed, vandaag = started, voorbij = afgelopen. */
export const testBijeenkomsten: Bijeenkomsten = new Map([
  event('open', {}),
  event('vol', { inschrijving: { status: 'wachtlijst' } }),
  event('dicht', { inschrijving: { status: 'gesloten' } }),
  event('termijn', { inschrijving: { status: 'open', tot: '2026-10-01' } }),
  event('vandaag', { datum: '2026-11-27', begintijd: '09:00' }),
  event('voorbij', { datum: '2026-01-15' }),
]);

export const NU = new Date('2026-11-27T12:00:00Z');

/** A secret as a deploy has one (INSCHRIJVING_GEHEIM), for runs that should make afmeldlinks as production does. */
export const TESTGEHEIM = 'test-geheim-van-minstens-tweeendertig-tekens-lang';

export const geldig = {
  bijeenkomst: 'open',
  voornaam: 'Anna',
  tussenvoegsel: 'van der',
  achternaam: 'Berg',
  email: 'Anna+vpng@Gemeente.NL',
  organisatie: 'Gemeente Zwolle',
  functie: 'wethouder',
  telefoon: '+31 (0)38 123 45 67',
  opmerkingen: 'Ik neem <b>een</b> collega mee',
  privacy: 'on',
  website: '',
};

export const post = (body: BodyInit | null, headers: Record<string, string>) =>
  new Request('https://site.test/api/inschrijven', { method: 'POST', body, headers });
export const alsJson = (velden: object) => post(JSON.stringify(velden), { 'content-type': 'application/json', accept: 'application/json' });
export const alsFormulier = (velden: Record<string, string>) =>
  post(new URLSearchParams(velden), { 'content-type': 'application/x-www-form-urlencoded' });

/** A Mailer that accepts everything and keeps what it was given, without any I/O. */
export function opnemendeMailer(): Mailer & { zendingen: Zending[] } {
  const zendingen: Zending[] = [];
  return {
    zendingen,
    verstuur: async (zending) => {
      zendingen.push(zending);
      return { ok: true, ids: zending.mails.map((_, i) => `opgenomen-${zendingen.length}-${i}`) };
    },
  };
}

/**
 * Time of the sign-up handler itself: real Request objects through
 * `maakInschrijfHandler`, with a mailer that accepts at once (no I/O), so the figure is
 * parsing, validation, state and building both mails. Measures only; the bench judges.
 */
import { performance } from 'node:perf_hooks';
import { MAX_BYTES, maakInschrijfHandler } from '../../src/functie/inschrijven/handler.ts';
import type { Mailer } from '../../src/functie/mailer.ts';
import { alsJson, geldig, NU, post, TESTGEHEIM, testBijeenkomsten } from '../../testhulp/inschrijving.ts';
import { mediaan, percentiel } from './meting.ts';

export interface HandlerTijden {
  /** Measured sign-ups (warm-up not counted). */
  n: number;
  p50Ms: number;
  p99Ms: number;
}

/** Budget the bench holds p99 to. */
export const HANDLER_P99_BUDGET_MS = 5;

function handler() {
  const mailer: Mailer = { verstuur: async () => ({ ok: true, ids: ['gemeten', 'gemeten'] }) };
  return maakInschrijfHandler({
    // As in production: a sender and a secret, so each sign-up also makes its afmeldlink.
    env: (naam) => (({ MAIL_FROM: 'VPNG <inschrijving@vpng.nl>', INSCHRIJVING_GEHEIM: TESTGEHEIM }) as Record<string, string>)[naam],
    site: 'https://site.test',
    nu: () => NU,
    bijeenkomsten: async () => testBijeenkomsten,
    mailer,
    log: () => {},
  });
}

/** One request through the handler, body read to the end: milliseconds and status. */
async function eenVerzoek(h: (req: Request) => Promise<Response>, verzoek: Request): Promise<{ ms: number; status: number }> {
  const start = performance.now();
  const antwoord = await h(verzoek);
  await antwoord.arrayBuffer();
  return { ms: performance.now() - start, status: antwoord.status };
}

export async function meetHandlerTijden(opties: { n?: number; opwarmen?: number } = {}): Promise<HandlerTijden> {
  const n = opties.n ?? 2000;
  const opwarmen = opties.opwarmen ?? 200;
  const h = handler();
  const tijden: number[] = [];
  for (let i = 0; i < opwarmen + n; i++) {
    // Distinct addresses: every sign-up is a new person with its own idempotency keys.
    const { ms, status } = await eenVerzoek(h, alsJson({ ...geldig, email: `deelnemer-${i}@gemeente.nl` }));
    if (status !== 200) throw new Error(`Inschrijving ${i} gaf status ${status} in plaats van 200`);
    if (i >= opwarmen) tijden.push(ms);
  }
  return { n, p50Ms: percentiel(tijden, 50), p99Ms: percentiel(tijden, 99) };
}

/** The hostile sign-up may cost at most this many times a normal sign-up's p50. */
export const VIJANDIG_FACTOR_BUDGET = 2;

/** How a sign-up arrives: JSON (a client), or the form posted without JavaScript (answered with a page). */
type Soort = 'json' | 'formulier';

export interface Vijandig {
  naam: string;
  soort: Soort;
  /** Bytes of the body as sent (UTF-8). */
  bytes: number;
  verzoek: () => Request;
}

const alsFormulierBody = (body: string) => post(body, { 'content-type': 'application/x-www-form-urlencoded' });

const bytesVan = (tekst: string) => new TextEncoder().encode(tekst).length;

/**
 * A JSON body just under the handler's 16 kB limit: `veld` holds `begin`, then `stuk` as
 * often as fits, then `eind`. A body over the limit is refused before any check runs (413),
 * so the largest one the checks see is the hostile one.
 */
function vol(veld: string, stuk: string, begin = '', eind = '', extra: Record<string, string> = {}): Vijandig {
  const basis = { ...geldig, ...extra };
  const maak = (n: number) => JSON.stringify({ ...basis, [veld]: begin + stuk.repeat(n) + eind });
  let n = Math.floor((MAX_BYTES - bytesVan(maak(0))) / bytesVan(JSON.stringify(stuk).slice(1, -1)));
  while (n > 0 && bytesVan(maak(n)) > MAX_BYTES) n--;
  const body = maak(n);
  return {
    naam: `${veld}: ${JSON.stringify(begin)} + ${JSON.stringify(stuk)} × ${n}${eind ? ` + ${JSON.stringify(eind)}` : ''}`,
    soort: 'json',
    bytes: bytesVan(body),
    verzoek: () => post(body, { 'content-type': 'application/json', accept: 'application/json' }),
  };
}

/**
 * The costliest bodies a stranger can send: each just under 16 kB, built against a
 * pattern the checks run (a long run of letters for the web-address and sentence rules,
 * dots, hyphens, combining marks, a long e-mail address, free text with a control
 * character at the very end), and one with every field at its maximum that is accepted
 * (both mails are built). The form post without JavaScript gets the HTML error page,
 * which repeats what was typed.
 */
export function vijandigeVerzoeken(): Vijandig[] {
  const maximum = {
    ...geldig,
    voornaam: `Anna-${'a'.repeat(95)}`,
    tussenvoegsel: 'v'.repeat(20),
    achternaam: 'b'.repeat(100),
    organisatie: 'o'.repeat(200),
    telefoon: '0'.repeat(30),
    dieetwensen: 'd'.repeat(500),
    opmerkingen: 'x'.repeat(2000),
  };
  // A new address each time: the same mailbox gets at most three confirmations an hour.
  let volgende = 0;
  const maximumBody = () => JSON.stringify({ ...maximum, email: `maximum-${volgende++}@gemeente.nl` });
  const formulierLetters = { ...geldig, voornaam: 'a'.repeat(MAX_BYTES - bytesVan(`${new URLSearchParams(geldig)}&voornaam=`) - 64) };
  const formulierBody = `${new URLSearchParams(formulierLetters)}`;
  return [
    vol('voornaam', 'a'),
    vol('achternaam', 'aa', '', '.'),
    vol('voornaam', 'ab.'),
    vol('achternaam', 'abcdefg.'),
    vol('voornaam', 'a-'),
    vol('tussenvoegsel', '\u0301', 'a'),
    vol('voornaam', 'aꓸ'),
    vol('email', 'a', '', '@gemeente'),
    vol('email', 'a.', '', '@gemeente.nl'),
    vol('telefoon', '0', '', 'x'),
    vol('opmerkingen', 'x', '', '\u0000'),
    vol('organisatie', 'o'),
    {
      naam: `formulier zonder JavaScript: voornaam van ${formulierLetters.voornaam.length} letters`,
      soort: 'formulier',
      bytes: bytesVan(formulierBody),
      // The body made up front, as for the JSON bodies: encoding is the sender's work, not the handler's.
      verzoek: () => alsFormulierBody(formulierBody),
    },
    {
      naam: 'elk veld op zijn maximum (aangenomen)',
      soort: 'json',
      bytes: bytesVan(maximumBody()),
      verzoek: () => post(maximumBody(), { 'content-type': 'application/json', accept: 'application/json' }),
    },
  ];
}

export interface Uitslag {
  naam: string;
  soort: Soort;
  bytes: number;
  p50Ms: number;
  status: number;
  /** p50 over that of a normal sign-up that arrives the same way. */
  factor: number;
}

export interface VijandigeTijden {
  /** Normal sign-ups, per way of arriving: JSON (200) and the form without JavaScript (303). */
  normaal: Record<Soort, HandlerTijden>;
  uitslagen: Uitslag[];
  /** The hostile body with the highest factor. */
  zwaarste: Uitslag;
}

/**
 * Normal sign-ups and every hostile body, in the same process, interleaved per round so load
 * hits both alike. Each hostile body is set beside a normal sign-up that arrives the same
 * way: the form without JavaScript gets a whole page back (a 303 or the error page), JSON a
 * short answer. The first rounds only warm up.
 */
export async function meetVijandig(
  opties: { rondes?: number; opwarmrondes?: number; normaalPerRonde?: number } = {},
): Promise<VijandigeTijden> {
  const rondes = opties.rondes ?? 15;
  const opwarmrondes = opties.opwarmrondes ?? 3;
  const normaalPerRonde = opties.normaalPerRonde ?? 50;
  const h = handler();
  const verzoeken = vijandigeVerzoeken();
  for (const v of verzoeken) {
    if (v.bytes > MAX_BYTES) throw new Error(`${v.naam}: ${v.bytes} bytes, meer dan de grens van ${MAX_BYTES}`);
  }
  const normaal: Record<Soort, number[]> = { json: [], formulier: [] };
  const per = verzoeken.map(() => [] as number[]);
  const statussen = verzoeken.map(() => 0);
  let volgnummer = 0;
  for (let ronde = -opwarmrondes; ronde < rondes; ronde++) {
    for (let i = 0; i < normaalPerRonde; i++) {
      // Distinct addresses: every sign-up is a new person (and no mailbox reaches its limit of confirmations).
      const velden = { ...geldig, email: `deelnemer-${volgnummer++}@gemeente.nl` };
      for (const [soort, verwacht, verzoek] of [
        ['json', 200, alsJson(velden)],
        ['formulier', 303, alsFormulierBody(`${new URLSearchParams(velden)}`)],
      ] as const) {
        const { ms, status } = await eenVerzoek(h, verzoek);
        if (status !== verwacht) throw new Error(`Normale inschrijving (${soort}) gaf status ${status} in plaats van ${verwacht}`);
        if (ronde >= 0) normaal[soort].push(ms);
      }
    }
    for (const [i, v] of verzoeken.entries()) {
      const { ms, status } = await eenVerzoek(h, v.verzoek());
      statussen[i] = status;
      if (ronde >= 0) per[i]!.push(ms);
    }
  }
  const tijden = (lijst: number[]): HandlerTijden => ({ n: lijst.length, p50Ms: percentiel(lijst, 50), p99Ms: percentiel(lijst, 99) });
  const normaalTijden = { json: tijden(normaal.json), formulier: tijden(normaal.formulier) };
  const uitslagen = verzoeken.map((v, i) => {
    const p50Ms = mediaan(per[i]!);
    return { naam: v.naam, soort: v.soort, bytes: v.bytes, p50Ms, status: statussen[i]!, factor: p50Ms / normaalTijden[v.soort].p50Ms };
  });
  return { normaal: normaalTijden, uitslagen, zwaarste: uitslagen.reduce((a, b) => (b.factor > a.factor ? b : a)) };
}

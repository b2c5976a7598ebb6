/**
 * Time of the sign-up handler itself: real Request objects through
 * `maakInschrijfHandler`, with a mailer that accepts at once (no I/O), so the figure is
 * parsing, validation, state and building both mails. Measures only; the bench judges.
 */
import { performance } from 'node:perf_hooks';
import type { Mailer } from '../../src/inschrijving/mailer.ts';
import { alsJson, geldig, NU, TESTGEHEIM, testBijeenkomsten } from '../../src/inschrijving/testhulp/inschrijving.ts';
import { maakInschrijfHandler } from '../../src/inschrijving/verwerk.ts';
import { percentiel } from './meting.ts';

export interface HandlerTijden {
  /** Measured sign-ups (warm-up not counted). */
  n: number;
  p50Ms: number;
  p99Ms: number;
}

/** Budget the bench holds p99 to. */
export const HANDLER_P99_BUDGET_MS = 5;

export async function meetHandlerTijden(opties: { n?: number; opwarmen?: number } = {}): Promise<HandlerTijden> {
  const n = opties.n ?? 2000;
  const opwarmen = opties.opwarmen ?? 200;
  const mailer: Mailer = { verstuur: async () => ({ ok: true, ids: ['gemeten', 'gemeten'] }) };
  const handler = maakInschrijfHandler({
    // As in production: a sender and a secret, so each sign-up also makes its afmeldlink.
    env: (naam) => (({ MAIL_FROM: 'VPNG <inschrijving@vpng.nl>', INSCHRIJVING_GEHEIM: TESTGEHEIM }) as Record<string, string>)[naam],
    site: 'https://site.test',
    nu: () => NU,
    bijeenkomsten: async () => testBijeenkomsten,
    mailer,
    log: () => {},
  });
  const tijden: number[] = [];
  for (let i = 0; i < opwarmen + n; i++) {
    // Distinct addresses: every sign-up is a new person with its own idempotency keys.
    const verzoek = alsJson({ ...geldig, email: `deelnemer-${i}@gemeente.nl` });
    const start = performance.now();
    const antwoord = await handler(verzoek);
    await antwoord.arrayBuffer();
    const duur = performance.now() - start;
    if (antwoord.status !== 200) throw new Error(`Inschrijving ${i} gaf status ${antwoord.status} in plaats van 200`);
    if (i >= opwarmen) tijden.push(duur);
  }
  return { n, p50Ms: percentiel(tijden, 50), p99Ms: percentiel(tijden, 99) };
}

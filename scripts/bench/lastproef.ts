/**
 * Load run of the sign-up handler against a failing mail service: many sign-ups at
 * once, in-process with real Request objects, through the real Resend SDK over real
 * HTTP to a local fake Resend API (127.0.0.1 only) that fails a share of calls at
 * random — 500, 429, answers that never come, answers that come too late for a mail
 * it did accept, and connections dropped before or after accepting. Counts what
 * matters: no person told "gelukt" whose organiser mail did not arrive, and no mail
 * sent twice. Measures only; callers judge.
 */
import { performance } from 'node:perf_hooks';
import { maakInschrijfHandler } from '../../src/functie/inschrijven/handler.ts';
import type { Herhaling } from '../../src/functie/mailer.ts';
import { alsJson, geldig, NU, TESTGEHEIM, testBijeenkomsten } from '../../testhulp/inschrijving.ts';
import { type Script, startNepResend } from '../../testhulp/nep-resend.ts';
import { willekeur } from './meting.ts';

/** A sign-up function given its environment: in-process from the sources, or the deployed bundle. */
export type MaakHandler = (env: Record<string, string>) => (req: Request) => Promise<Response>;

/** The handler from the sources, with the test events at a fixed clock. */
export const bronHandler =
  (herhaling: Herhaling): MaakHandler =>
  (env) =>
    maakInschrijfHandler({
      env: (naam) => env[naam],
      site: 'https://site.test',
      nu: () => NU,
      bijeenkomsten: async () => testBijeenkomsten,
      herhaling,
      log: () => {},
    });

export interface LastproefOpties {
  /** Sign-ups, each from a different address. Default 1000. */
  n?: number;
  /** Sign-ups in flight at once. Default 50. */
  gelijktijdig?: number;
  /** Share of mail API calls that fail. Default 0.3. */
  storingskans?: number;
  /** Seed of the random failures, so a run can be repeated. */
  zaad?: number;
  /** Retry timing of the handler from the sources; default: production's number of attempts with shorter pauses and time-outs. */
  herhaling?: Herhaling;
  /** The function under load; default the handler from the sources with `herhaling`. */
  handler?: MaakHandler;
  /** The event signed up for. Default 'open' (of the test events). */
  bijeenkomst?: string;
}

export interface LastproefUitkomst {
  n: number;
  gelijktijdig: number;
  storingskans: number;
  /** Responses by HTTP status, e.g. { "200": 981, "502": 19 }. */
  statussen: Record<string, number>;
  /** 2xx answers whose organiser mail the mail API never accepted: must be 0. */
  verloren: number;
  /** Mails accepted more than once for the same sign-up and kind: must be 0. */
  dubbel: number;
  /** 502 answers: the person was told the sign-up failed. */
  mislukt: number;
  /** Of those, how many organiser mails did arrive after all (harmless: a retry by the person sends nothing twice). */
  misluktMaarAangekomen: number;
  /** Calls the fake mail API received, and how many of them it failed on purpose. */
  mailApiVerzoeken: number;
  mailApiStoringen: number;
  totaalMs: number;
}

/**
 * Production's three attempts and total budget, with short pauses so back-off does not
 * dominate the run. The attempt time-out stays well above the fake API's answer time on a
 * busy machine: at 500 ms, answers that were merely queued counted as time-outs.
 */
export const lastproefHerhaling: Herhaling = { pauzes: [30, 90, 180], pogingMs: 1500, budgetMs: 6000, spreidingMs: 100, bezigMs: 50 };

/** How a failing call fails, with weights. */
const storingen: [Script, number][] = [
  [500, 0.25],
  [429, 0.2],
  ['traag', 0.15],
  ['hang', 0.1],
  ['verbreek', 0.15],
  ['verbreek-na', 0.15],
];

export async function lastproef(opties: LastproefOpties = {}): Promise<LastproefUitkomst> {
  const n = opties.n ?? 1000;
  const gelijktijdig = opties.gelijktijdig ?? 50;
  const storingskans = opties.storingskans ?? 0.3;
  const herhaling = opties.herhaling ?? lastproefHerhaling;
  const kans = willekeur(opties.zaad ?? 20261127);

  // "traag" answers arrive after the attempt's time-out, for a mail that was accepted.
  const nep = await startNepResend(0, { traagMs: herhaling.pogingMs * 2 });
  let mailApiStoringen = 0;
  nep.storing = () => {
    if (kans() >= storingskans) return 200;
    mailApiStoringen++;
    let r = kans();
    for (const [stap, gewicht] of storingen) {
      if (r < gewicht) return stap;
      r -= gewicht;
    }
    return 500;
  };

  const env: Record<string, string> = {
    RESEND_API_KEY: 're_lastproef',
    RESEND_BASE_URL: nep.url,
    MAIL_FROM: 'VPNG <inschrijving@vpng.nl>',
    INSCHRIJVING_AAN: 'organisator@vpng.nl',
    INSCHRIJVING_GEHEIM: TESTGEHEIM,
  };
  const handler = (opties.handler ?? bronHandler(herhaling))(env);
  const bijeenkomst = opties.bijeenkomst ?? 'open';

  const statussen: Record<string, number> = {};
  const gelukt = new Set<string>();
  const mislukt = new Set<string>();
  const start = performance.now();
  try {
    let volgende = 0;
    await Promise.all(
      Array.from({ length: gelijktijdig }, async () => {
        while (volgende < n) {
          const i = volgende++;
          const email = `deelnemer-${i}@gemeente.nl`;
          const antwoord = await handler(alsJson({ ...geldig, bijeenkomst, email }));
          await antwoord.arrayBuffer();
          statussen[antwoord.status] = (statussen[antwoord.status] ?? 0) + 1;
          if (antwoord.ok) gelukt.add(email);
          else if (antwoord.status === 502) mislukt.add(email);
        }
      }),
    );
  } finally {
    await nep.stop();
  }
  const totaalMs = performance.now() - start;

  // What the fake API really delivered (once per idempotency key), per person and kind.
  const organisatorMails = new Map<string, number>();
  const bevestigingen = new Map<string, number>();
  for (const mail of nep.verstuurd) {
    const organisator = mail.to === 'organisator@vpng.nl';
    const persoon = organisator ? String(mail.reply_to) : String(mail.to);
    const telling = organisator ? organisatorMails : bevestigingen;
    telling.set(persoon, (telling.get(persoon) ?? 0) + 1);
  }
  let dubbel = 0;
  for (const telling of [organisatorMails, bevestigingen]) for (const aantal of telling.values()) dubbel += Math.max(0, aantal - 1);

  return {
    n,
    gelijktijdig,
    storingskans,
    statussen,
    verloren: [...gelukt].filter((email) => !organisatorMails.has(email)).length,
    dubbel,
    mislukt: mislukt.size,
    misluktMaarAangekomen: [...mislukt].filter((email) => organisatorMails.has(email)).length,
    mailApiVerzoeken: nep.verzoeken.length,
    mailApiStoringen,
    totaalMs: Math.round(totaalMs),
  };
}

/**
 * A newsletter burst: many sign-ups arriving within a few seconds, each a separate
 * request (as separate function instances would get them), against the Resend stand-in
 * with Resend's default rate limit (2 requests per second for the whole team, 429 with
 * retry-after) and its idempotency rules. Counts what matters to the people signing up
 * and the organiser; measures only, callers judge.
 */
import { echteKlok, type Klok } from '../../src/functie/mailer.ts';
import { alsJson, geldig, TESTGEHEIM } from '../../testhulp/inschrijving.ts';
import { startNepResend } from '../../testhulp/nep-resend.ts';
import type { MaakHandler } from './lastproef.ts';
import { willekeur } from './meting.ts';

export interface StootOpties {
  handler: MaakHandler;
  /** Sign-ups. Default 30. */
  n?: number;
  /** They arrive at random moments within this window. Default 10 000 ms. */
  vensterMs?: number;
  /** The mail service's rate limit. Default 2 (Resend's default). */
  perSeconde?: number;
  /** The mail service's time to accept a request. Default 150 ms. */
  verwerkingMs?: number;
  /** The event to sign up for. */
  bijeenkomst: string;
  /** Seed of the arrival moments. */
  zaad?: number;
  /**
   * The clock of the arrivals, the stand-in's rate limit and the times reported; pass the
   * handler the same one. Default the real clock (the bench); a test passes a virtual one.
   */
  klok?: Klok;
}

export interface StootUitkomst {
  n: number;
  vensterMs: number;
  perSeconde: number;
  /** 2xx answers. */
  aangenomen: number;
  /** 502/503 answers that say "niet ontvangen" with the organiser's address. */
  duidelijkMislukt: number;
  /** Any other answer. */
  anders: Record<string, number>;
  /** 2xx answers whose organiser mail never arrived: must be 0. */
  verloren: number;
  /** Mails delivered more than once for the same sign-up and kind: must be 0. */
  dubbel: number;
  /** Slowest answer, and the median. */
  maxMs: number;
  p50Ms: number;
  /** Requests the stand-in refused with 429. */
  rateLimit: number;
  verzoeken: number;
}

const ORGANISATOR = 'organisator@vpng.nl';

export async function stoot(o: StootOpties): Promise<StootUitkomst> {
  const n = o.n ?? 30;
  const vensterMs = o.vensterMs ?? 10_000;
  const perSeconde = o.perSeconde ?? 2;
  const kans = willekeur(o.zaad ?? 20261129);
  const klok = o.klok ?? echteKlok;
  const nep = await startNepResend(0, { perSeconde, verwerkingMs: o.verwerkingMs ?? 150, klok });
  const env = {
    RESEND_API_KEY: 're_stoot',
    RESEND_BASE_URL: nep.url,
    MAIL_FROM: 'VPNG <inschrijving@vpng.nl>',
    INSCHRIJVING_AAN: ORGANISATOR,
    INSCHRIJVING_GEHEIM: TESTGEHEIM,
  };
  const handler = o.handler(env);
  const momenten = Array.from({ length: n }, () => kans() * vensterMs).sort((a, b) => a - b);

  const tijden: number[] = [];
  const gelukt = new Set<string>();
  let duidelijkMislukt = 0;
  const anders: Record<string, number> = {};
  try {
    await Promise.all(
      momenten.map(async (moment, i) => {
        await klok.slaap(moment);
        const email = `stoot-${i}@gemeente.nl`;
        const begin = klok.nu();
        const antwoord = await handler(alsJson({ ...geldig, bijeenkomst: o.bijeenkomst, email }));
        const body = (await antwoord.json()) as { melding?: string };
        tijden.push(klok.nu() - begin);
        if (antwoord.ok) gelukt.add(email);
        else if (
          (antwoord.status === 502 || antwoord.status === 503) &&
          /niet ontvangen/.test(body.melding ?? '') &&
          /@/.test(body.melding ?? '')
        )
          duidelijkMislukt++;
        else anders[antwoord.status] = (anders[antwoord.status] ?? 0) + 1;
      }),
    );
  } finally {
    await nep.stop();
  }

  const organisator = new Map<string, number>();
  const bevestiging = new Map<string, number>();
  for (const mail of nep.verstuurd) {
    const naarOrganisator = mail.to === ORGANISATOR;
    const telling = naarOrganisator ? organisator : bevestiging;
    const wie = String(naarOrganisator ? mail.reply_to : mail.to);
    telling.set(wie, (telling.get(wie) ?? 0) + 1);
  }
  let dubbel = 0;
  for (const telling of [organisator, bevestiging]) for (const aantal of telling.values()) dubbel += Math.max(0, aantal - 1);
  const gesorteerd = [...tijden].sort((a, b) => a - b);
  return {
    n,
    vensterMs,
    perSeconde,
    aangenomen: gelukt.size,
    duidelijkMislukt,
    anders,
    verloren: [...gelukt].filter((e) => !organisator.has(e)).length,
    dubbel,
    maxMs: Math.round(gesorteerd.at(-1) ?? 0),
    p50Ms: Math.round(gesorteerd[Math.floor(gesorteerd.length / 2)] ?? 0),
    rateLimit: nep.teller.rateLimit,
    verzoeken: nep.verzoeken.length,
  };
}

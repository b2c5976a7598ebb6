import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Resend } from 'resend';
import type { Omgeving } from '../omgeving.ts';
import { logWaarde } from './log.ts';
import type { Mail, Zending } from './mail.ts';
import { isLokaal, isNetlifyDeploy } from './omgeving.ts';

/**
 * Where mails go: Resend in production, a folder of files locally. The function only
 * knows this interface, so tests and the benchmark can pass their own.
 *
 * A failure is `tijdelijk` when trying again later may work (time-out, 5xx, rate limit
 * beyond the time the person can wait) and `geweigerd` when the mail service refused
 * this request as it is (4xx): then the caller may send less (the organiser's mail alone).
 */
export type Verzending = { ok: true; ids: string[] } | { ok: false; soort: 'tijdelijk' | 'geweigerd'; melding: string };

export interface Mailer {
  /** Resolves once the mail service accepted the mails (or finally refused them); never rejects. */
  verstuur(zending: Zending): Promise<Verzending>;
}

/**
 * The time the retries count in. The function uses the real one; a test passes a clock that
 * moves only when something waits (testhulp/klok.ts), so a test that waits for a retry takes
 * milliseconds and says the same on a busy machine.
 */
export interface Klok {
  /** Milliseconds, like Date.now(). */
  nu(): number;
  slaap(ms: number): Promise<void>;
  /** A signal that aborts once `ms` have passed: the time-out of one attempt. */
  tijdslimiet(ms: number): AbortSignal;
}

export const echteKlok: Klok = {
  nu: () => Date.now(),
  slaap: (ms) => new Promise((r) => setTimeout(r, ms)),
  tijdslimiet: (ms) => AbortSignal.timeout(ms),
};

export interface Herhaling {
  /** Pauses before a new attempt after a server error or a failed connection. */
  pauzes: number[];
  /** Time-out of one attempt. */
  pogingMs: number;
  /** No attempt runs past this much time since the first: the person is waiting. */
  budgetMs: number;
  /** After a 429: a random extra wait up to this, on top of `retry-after`, so instances do not all come back at once. */
  spreidingMs: number;
  /** After a 409 for a request with the same key still in flight: wait this long, then ask again. */
  bezigMs: number;
  /** The clock all of the above is counted on; the real one unless a test passes its own. */
  klok?: Klok;
}

/**
 * Netlify stops a synchronous function after 10 s, and the person is waiting: the mail
 * service gets 8.5 s in all, in attempts of at most 3 s (Resend answers in well under
 * one), which leaves cold start and the rest of the request well inside 9 s. After a 429
 * the wait is what Resend asks (`retry-after`) plus at most 0.1 s: in a burst measured
 * by `npm run bench` a wider spread let newer sign-ups overtake older ones and left
 * freed slots unused (26–28 of 30 accepted at 0.6 s, 29–30 at 0–0.1 s).
 */
export const standaardHerhaling: Herhaling = {
  pauzes: [300, 900, 1800, 2700],
  pogingMs: 3000,
  budgetMs: 8500,
  spreidingMs: 100,
  bezigMs: 300,
};

/** Seconds from `retry-after`, else from `ratelimit-reset`, else one second (Resend's window). */
function wachtNaRateLimit(headers: Record<string, string> | null | undefined): number {
  for (const naam of ['retry-after', 'ratelimit-reset']) {
    const seconden = Number(headers?.[naam]);
    if (Number.isFinite(seconden) && seconden >= 0) return seconden * 1000;
  }
  return 1000;
}

function resendMailer(opties: { apiKey: string; baseUrl?: string | undefined; herhaling?: Herhaling; willekeur?: () => number }): Mailer {
  const resend = new Resend(opties.apiKey, opties.baseUrl ? { baseUrl: opties.baseUrl } : undefined);
  const h = opties.herhaling ?? standaardHerhaling;
  const willekeur = opties.willekeur ?? Math.random;
  const klok = h.klok ?? echteKlok;
  return {
    async verstuur({ mails, sleutel }) {
      const begin = klok.nu();
      const einde = begin + h.budgetMs;
      let fouten = 0;
      let laatste = '';
      for (let poging = 1; ; poging++) {
        const over = einde - klok.nu();
        const { data, error, headers } = await resend.batch
          .send(
            mails.map((m) => ({ from: m.van, to: m.aan, replyTo: m.antwoordAan, subject: m.onderwerp, text: m.tekst, html: m.html })),
            // The same key on every attempt: if an attempt did reach Resend, a retry sends nothing twice.
            { idempotencyKey: sleutel, signal: klok.tijdslimiet(Math.max(1, Math.min(h.pogingMs, over))) },
          )
          .catch((e: unknown) => ({
            data: null,
            error: { statusCode: null, name: 'netwerk', message: e instanceof Error ? e.message : String(e) },
            headers: null,
          }));
        if (data) return { ok: true, ids: data.data.map((d) => d.id) };

        const status = error && 'statusCode' in error ? error.statusCode : null;
        const naam = error?.name ?? '';
        laatste = `${status ?? 'geen antwoord'} ${naam}: ${error?.message ?? 'onbekende fout'}`;
        let wacht: number;
        // The longer a sign-up has waited, the less it spreads: it comes back first, so the
        // queue drains roughly in order of arrival instead of by luck.
        if (status === 429)
          wacht = wachtNaRateLimit(headers) + willekeur() * h.spreidingMs * Math.max(0, 1 - (klok.nu() - begin) / (h.budgetMs / 2));
        else if (status === 409 && naam === 'concurrent_idempotent_requests') wacht = h.bezigMs + willekeur() * h.bezigMs;
        else if (status == null || status >= 500) {
          const pauze = h.pauzes[fouten++];
          if (pauze === undefined) return { ok: false, soort: 'tijdelijk', melding: `Resend na ${poging} poging(en): ${laatste}` };
          wacht = pauze;
        }
        // Any other 4xx (a refused address, a key used with another body, a bad API key): no retry helps.
        else return { ok: false, soort: 'geweigerd', melding: `Resend weigert (poging ${poging}): ${laatste}` };

        // Only wait if an attempt after the wait still has a useful time to run.
        if (klok.nu() + wacht + 250 >= einde)
          return { ok: false, soort: 'tijdelijk', melding: `Resend na ${poging} poging(en), tijd op: ${laatste}` };
        await klok.slaap(wacht);
      }
    },
  };
}

/** What a mail looks like in the outbox: the fields of a Resend send, readable. */
function alsBestand(mail: Mail, sleutel: string) {
  return {
    from: mail.van,
    to: mail.aan,
    replyTo: mail.antwoordAan,
    subject: mail.onderwerp,
    idempotencyKey: sleutel,
    text: mail.tekst,
    html: mail.html,
  };
}

/**
 * Local stand-in for Resend: one readable JSON file per mail. Like Resend it honours the
 * idempotency key: the same key with the same mails writes nothing new; the same key
 * with other mails is refused, as Resend refuses it with 409.
 */
function outboxMailer(map: string, log: (bericht: string) => void = console.log): Mailer {
  const pad = resolve(map);
  return {
    async verstuur({ mails, sleutel }) {
      await mkdir(pad, { recursive: true });
      const bestanden = mails.map((m) => ({
        bestand: join(pad, `${sleutel}.${m.soort}.json`),
        inhoud: `${JSON.stringify(alsBestand(m, sleutel), null, 2)}\n`,
      }));
      for (const { bestand, inhoud } of bestanden) {
        try {
          await writeFile(bestand, inhoud, { flag: 'wx' });
          log(`Mail niet verstuurd maar bewaard (geen RESEND_API_KEY): ${logWaarde(bestand)}`);
        } catch (fout) {
          if ((fout as NodeJS.ErrnoException).code !== 'EEXIST')
            return { ok: false, soort: 'tijdelijk', melding: `outbox: ${String(fout)}` };
          if ((await readFile(bestand, 'utf8')) !== inhoud)
            return { ok: false, soort: 'geweigerd', melding: `outbox: sleutel ${sleutel} al gebruikt voor een andere mail` };
          log(`Zelfde inschrijving, zelfde mail: niets nieuws in de outbox (${logWaarde(bestand)})`);
        }
      }
      return { ok: true, ids: bestanden.map((b) => b.bestand) };
    },
  };
}

/** How the mails of a request go out: transport, sender and the organiser's address. */
export interface Mailroute {
  mailer: Mailer;
  /** The sender. */
  van: string;
  /** Where the organiser's mail goes: INSCHRIJVING_AAN, else the event's own contact. */
  organisator: (contact: string) => string;
}

/**
 * The mail route for a request: the injected mailer, Resend with a key, the outbox only
 * with the explicit local switch; the sender from MAIL_FROM, or locally (switch only) an
 * address that can never be delivered from. Or the reason there is none (the endpoint
 * answers 503): without the switch and without a key the function may well be on a server
 * that simply does not know its context, and a sign-up written to a folder nobody reads
 * would be a silent loss.
 */
export function mailrouteVoor(env: Omgeving, o: { mailer?: Mailer | undefined; herhaling?: Herhaling | undefined }): Mailroute | string {
  const mailer = o.mailer ?? kiesMailer(env, o.herhaling);
  if (typeof mailer === 'string') return mailer;
  const van = env('MAIL_FROM') ?? (isLokaal(env) ? 'Opgavegericht besturen <inschrijving@localhost.invalid>' : undefined);
  if (!van) return 'MAIL_FROM ontbreekt';
  return { mailer, van, organisator: (contact) => env('INSCHRIJVING_AAN') ?? contact };
}

function kiesMailer(env: Omgeving, herhaling: Herhaling | undefined): Mailer | string {
  const sleutel = env('RESEND_API_KEY');
  if (sleutel) return resendMailer({ apiKey: sleutel, baseUrl: env('RESEND_BASE_URL'), ...(herhaling ? { herhaling } : {}) });
  if (isLokaal(env)) return outboxMailer(env('INSCHRIJVING_OUTBOX') ?? '.outbox', (b) => console.log(b));
  return isNetlifyDeploy(env)
    ? 'RESEND_API_KEY ontbreekt in deze Netlify-omgeving'
    : 'RESEND_API_KEY ontbreekt (en INSCHRIJVING_LOKAAL=1 staat niet aan: geen outbox buiten een lokale ontwikkelomgeving)';
}

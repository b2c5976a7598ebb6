import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { echteKlok, type Klok } from '../src/functie/mailer.ts';

/**
 * A local stand-in for the Resend API (POST /emails and POST /emails/batch), for tests
 * and the benchmark that go through the real SDK via RESEND_BASE_URL. It behaves like
 * Resend where the sign-up depends on it:
 *
 * - **Idempotency** (24 h in Resend; here until `reset`): the same Idempotency-Key with
 *   the same body is answered with the first answer and sends nothing; with another
 *   body → 409 `invalid_idempotent_request`; while the first request with that key is
 *   still being processed → 409 `concurrent_idempotent_requests`.
 * - **Rate limit**: at most `perSeconde` requests in any second for the whole team (all
 *   function instances share it) → 429 `rate_limit_exceeded` with `retry-after` and
 *   `ratelimit-reset` in whole seconds, as Resend sends them.
 * - **Processing time**: each accepted request takes `verwerkingMs` before it answers.
 *
 * On top, each answer can be scripted for failure tests: a status, "hang" (never
 * answers), "traag" (accepts but answers only after `traagMs`), "verbreek" (drops the
 * connection without accepting) or "verbreek-na" (accepts, then drops the connection).
 *
 * Time is the real clock, or the test's own (`klok`, testhulp/klok.ts): then the rate
 * limit's second, the processing time and a "traag" answer count on the clock the mailer
 * waits on, and a retry after `retry-after` takes no real second. A test's clock moves only
 * when something waits, so there a "hang" waits `traagMs` on it (and still never answers):
 * the caller's time-out passes, as it would in real time.
 */
export interface NepMail {
  from: string;
  to: string | string[];
  reply_to?: string | string[];
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string; content_type?: string }[];
}

export interface Verzoek {
  pad: string;
  headers: IncomingHttpHeaders;
  /** The mails of the request: one for /emails, all of them for /emails/batch. */
  mails: NepMail[];
  /** Milliseconds since the stand-in started. */
  opMs: number;
}

export type Script = number | 'hang' | 'traag' | 'verbreek' | 'verbreek-na';

export interface NepResendOpties {
  /** How late a "traag" answer comes. Default 3000 ms. */
  traagMs?: number;
  /** Resend's default limit is 2 requests per second per team. Default: no limit. */
  perSeconde?: number;
  /** Time Resend takes to accept a request. Default 0. */
  verwerkingMs?: number;
  /** The clock the stand-in counts on. Default the real one. */
  klok?: Pick<Klok, 'nu' | 'slaap'>;
}

export interface NepResend {
  url: string;
  verzoeken: Verzoek[];
  /** Mails really delivered: each accepted once per idempotency key. */
  verstuurd: NepMail[];
  /** Requests answered 429 by the rate limit, and 409 by the idempotency rules. */
  teller: { rateLimit: number; gelijktijdig: number; andereInhoud: number };
  /** Answers for the next requests, in order; after that `storing` decides, or normal handling. */
  script: Script[];
  /** Asked for each request once the script is used up: for random failures under load. */
  storing: (() => Script) | undefined;
  /** Changes the rate limit and processing time from now on. */
  stel(opties: Pick<NepResendOpties, 'perSeconde' | 'verwerkingMs'>): void;
  /** Forgets every request, script step, storing and idempotency key (a fresh 24 h window). */
  reset(): void;
  stop(): Promise<void>;
}

interface Sleutel {
  inhoud: string;
  /** Undefined while the first request with this key is still being processed. */
  antwoord?: string;
}

const fout = (res: ServerResponse, status: number, name: string, message: string, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ statusCode: status, name, message }));

export async function startNepResend(poort = 0, opties: NepResendOpties = {}): Promise<NepResend> {
  const traagMs = opties.traagMs ?? 3000;
  let perSeconde = opties.perSeconde ?? Number.POSITIVE_INFINITY;
  let verwerkingMs = opties.verwerkingMs ?? 0;
  const klok = opties.klok ?? echteKlok;
  const verzoeken: Verzoek[] = [];
  const verstuurd: NepMail[] = [];
  const sleutels = new Map<string, Sleutel>();
  /** When the requests that counted against the limit came in (ms), for a sliding one-second window. */
  let venster: number[] = [];
  const script: Script[] = [];
  const hangend = new Set<() => void>();
  const teller = { rateLimit: 0, gelijktijdig: 0, andereInhoud: 0 };
  const begin = klok.nu();
  let ids = 0;
  /** Runs `doe` after `ms` on the stand-in's clock; the result calls it off. */
  const straks = (ms: number, doe: () => void): (() => void) => {
    // Real timers can be cleared, so a stopped stand-in leaves none behind.
    if (klok === echteKlok) {
      const timer = setTimeout(doe, ms);
      return () => clearTimeout(timer);
    }
    let afgezegd = false;
    void klok.slaap(ms).then(() => {
      if (!afgezegd) doe();
    });
    return () => {
      afgezegd = true;
    };
  };

  const server: Server = createServer((req, res) => {
    const delen: Buffer[] = [];
    req.on('data', (d: Buffer) => delen.push(d));
    req.on('end', (): void => {
      const ruw = Buffer.concat(delen).toString('utf8');
      const pad = (req.url ?? '').split('?')[0]!;
      const body = JSON.parse(ruw) as NepMail | NepMail[];
      const mails = Array.isArray(body) ? body : [body];
      const nu = klok.nu();
      verzoeken.push({ pad, headers: req.headers, mails, opMs: nu - begin });

      if (pad !== '/emails' && pad !== '/emails/batch') return void fout(res, 404, 'not_found', `onbekend pad ${pad}`);

      // Rate limit first, as Resend does: a refused request is not processed at all.
      venster = venster.filter((t) => t > nu - 1000);
      if (venster.length >= perSeconde) {
        teller.rateLimit++;
        const vrijOver = Math.max(1, Math.ceil((venster[0]! + 1000 - nu) / 1000));
        return void fout(res, 429, 'rate_limit_exceeded', 'Too many requests. You can only make 2 requests per second.', {
          'retry-after': String(vrijOver),
          'ratelimit-limit': String(perSeconde),
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(vrijOver),
        });
      }
      venster.push(nu);

      const stap = script.shift() ?? nep.storing?.() ?? 200;
      if (stap === 'hang') {
        const sluit = () => res.destroy();
        hangend.add(sluit);
        res.on('close', () => hangend.delete(sluit));
        if (klok !== echteKlok) void klok.slaap(traagMs);
        return;
      }
      if (stap === 'verbreek') return void res.destroy();
      if (typeof stap === 'number' && stap !== 200)
        return void fout(res, stap, stap === 422 ? 'validation_error' : 'application_error', `nep-fout ${stap}`);

      const sleutel = String(req.headers['idempotency-key'] ?? '');
      const eerder = sleutel ? sleutels.get(sleutel) : undefined;
      if (eerder && eerder.inhoud !== ruw) {
        teller.andereInhoud++;
        return void fout(
          res,
          409,
          'invalid_idempotent_request',
          'Same idempotency key used with a different request payload. Change your idempotency key or payload.',
        );
      }
      if (eerder && eerder.antwoord === undefined) {
        teller.gelijktijdig++;
        return void fout(
          res,
          409,
          'concurrent_idempotent_requests',
          'Same idempotency key used while original request is still in progress. Try the request again later.',
        );
      }

      const antwoorden = (antwoord: string) => {
        if (stap === 'verbreek-na') return void res.destroy();
        if (stap !== 'traag') return void res.writeHead(200, { 'content-type': 'application/json' }).end(antwoord);
        const afzeggen = straks(traagMs, () => {
          hangend.delete(sluit);
          if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(antwoord);
        });
        const sluit = () => {
          afzeggen();
          res.destroy();
        };
        hangend.add(sluit);
      };
      if (eerder?.antwoord) {
        antwoorden(eerder.antwoord);
        return;
      }

      const nieuw: Sleutel = { inhoud: ruw };
      if (sleutel) sleutels.set(sleutel, nieuw);
      straks(verwerkingMs, () => {
        const id = () => `nep-${++ids}`;
        nieuw.antwoord = JSON.stringify(Array.isArray(body) ? { data: mails.map(() => ({ id: id() })) } : { id: id() });
        verstuurd.push(...mails);
        antwoorden(nieuw.antwoord);
      });
    });
  });
  await new Promise<void>((r) => server.listen(poort, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const nep: NepResend = {
    url: `http://127.0.0.1:${port}`,
    verzoeken,
    verstuurd,
    teller,
    script,
    storing: undefined,
    stel: (o) => {
      if (o.perSeconde !== undefined) perSeconde = o.perSeconde;
      if (o.verwerkingMs !== undefined) verwerkingMs = o.verwerkingMs;
    },
    reset: () => {
      verzoeken.length = 0;
      verstuurd.length = 0;
      script.length = 0;
      nep.storing = undefined;
      sleutels.clear();
      venster = [];
      Object.assign(teller, { rateLimit: 0, gelijktijdig: 0, andereInhoud: 0 });
    },
    stop: async () => {
      for (const sluit of hangend) sluit();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return nep;
}

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Resend API (POST /emails), for tests that go through the
 * real SDK via RESEND_BASE_URL. Each answer can be scripted: a status, "hang" (never
 * answers, for time-outs), "traag" (accepts the mail but answers only after `traagMs`,
 * so the client gives up on a mail that did arrive), "verbreek" (drops the connection
 * without accepting) or "verbreek-na" (accepts, then drops the connection). Like
 * Resend, a repeated Idempotency-Key that was accepted before is answered with the
 * first result and sends nothing new.
 */
export interface Verzoek {
  headers: IncomingHttpHeaders;
  body: {
    from: string;
    to: string | string[];
    reply_to?: string;
    subject: string;
    text: string;
    html: string;
    attachments?: { filename: string; content: string; content_type?: string }[];
  };
}

export type Script = number | 'hang' | 'traag' | 'verbreek' | 'verbreek-na';

export interface NepResend {
  url: string;
  verzoeken: Verzoek[];
  /** Mails accepted once per idempotency key: what would really be delivered. */
  verstuurd: Verzoek[];
  /** Answers for the next requests, in order; after that `storing` decides, or 200. */
  script: Script[];
  /** Asked for each request once the script is used up: for random failures under load. */
  storing: (() => Script) | undefined;
  /** Forgets every request, script step, storing and idempotency key (a fresh 24 h window). */
  reset(): void;
  stop(): Promise<void>;
}

export async function startNepResend(poort = 0, opties: { traagMs?: number } = {}): Promise<NepResend> {
  const traagMs = opties.traagMs ?? 3000;
  const verzoeken: Verzoek[] = [];
  const verstuurd: Verzoek[] = [];
  const geaccepteerd = new Map<string, string>();
  const script: Script[] = [];
  const hangend = new Set<() => void>();
  let teller = 0;

  const server: Server = createServer((req, res) => {
    const delen: Buffer[] = [];
    req.on('data', (d: Buffer) => delen.push(d));
    req.on('end', () => {
      const verzoek: Verzoek = { headers: req.headers, body: JSON.parse(Buffer.concat(delen).toString('utf8')) as Verzoek['body'] };
      verzoeken.push(verzoek);
      const stap = script.shift() ?? nep.storing?.() ?? 200;
      if (stap === 'hang') {
        const sluit = () => res.destroy();
        hangend.add(sluit);
        res.on('close', () => hangend.delete(sluit));
        return;
      }
      if (stap === 'verbreek') {
        res.destroy();
        return;
      }
      if (typeof stap === 'number' && stap !== 200) {
        res.writeHead(stap, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: stap, name: 'application_error', message: `nep-fout ${stap}` }));
        return;
      }
      const sleutel = String(req.headers['idempotency-key'] ?? '');
      let id = sleutel ? geaccepteerd.get(sleutel) : undefined;
      if (!id) {
        id = `nep-${++teller}`;
        if (sleutel) geaccepteerd.set(sleutel, id);
        verstuurd.push(verzoek);
      }
      const antwoord = JSON.stringify({ id });
      if (stap === 'verbreek-na') {
        res.destroy();
        return;
      }
      if (stap === 'traag') {
        const klok = setTimeout(() => {
          hangend.delete(sluit);
          if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(antwoord);
        }, traagMs);
        const sluit = () => {
          clearTimeout(klok);
          res.destroy();
        };
        hangend.add(sluit);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(antwoord);
    });
  });
  await new Promise<void>((r) => server.listen(poort, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const nep: NepResend = {
    url: `http://127.0.0.1:${port}`,
    verzoeken,
    verstuurd,
    script,
    storing: undefined,
    reset: () => {
      verzoeken.length = 0;
      verstuurd.length = 0;
      script.length = 0;
      nep.storing = undefined;
      geaccepteerd.clear();
    },
    stop: async () => {
      for (const sluit of hangend) sluit();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return nep;
}

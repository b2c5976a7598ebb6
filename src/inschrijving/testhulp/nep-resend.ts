import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Resend API (POST /emails), for tests that go through the
 * real SDK via RESEND_BASE_URL. Each answer can be scripted: a status, or "hang"
 * (never answers, for time-outs). Like Resend, a repeated Idempotency-Key that was
 * accepted before is answered with the first result and sends nothing new.
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

export type Script = number | 'hang';

export interface NepResend {
  url: string;
  verzoeken: Verzoek[];
  /** Mails accepted once per idempotency key: what would really be delivered. */
  verstuurd: Verzoek[];
  /** Answers for the next requests, in order; after that every request gets 200. */
  script: Script[];
  /** Forgets every request, script step and idempotency key (a fresh 24 h window). */
  reset(): void;
  stop(): Promise<void>;
}

export async function startNepResend(poort = 0): Promise<NepResend> {
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
      const stap = script.shift() ?? 200;
      if (stap === 'hang') {
        hangend.add(() => res.destroy());
        return;
      }
      if (stap !== 200) {
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
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((r) => server.listen(poort, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    verzoeken,
    verstuurd,
    script,
    reset: () => {
      verzoeken.length = 0;
      verstuurd.length = 0;
      script.length = 0;
      geaccepteerd.clear();
    },
    stop: async () => {
      for (const sluit of hangend) sluit();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

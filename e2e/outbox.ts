import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the served site writes its mails during end-to-end runs (no mail key there):
 * playwright.config.ts passes it to scripts/serve.ts, the tests read the files.
 */
export const outboxMap = process.env.E2E_OUTBOX ?? join(tmpdir(), `opgavegericht-e2e-outbox-${process.env.E2E_PORT ?? 4322}`);

export interface OutboxMail {
  to: string;
  replyTo: string;
  subject: string;
  idempotencyKey: string;
  text: string;
  html: string;
}

/** Every mail in the outbox to or from (reply-to) an address; compared wholly lower-cased, as the function sends it. */
export async function outboxMailsVoor(adres: string): Promise<OutboxMail[]> {
  const bestanden = await readdir(outboxMap).catch(() => []);
  const mails = await Promise.all(bestanden.map(async (b) => JSON.parse(await readFile(join(outboxMap, b), 'utf8')) as OutboxMail));
  const genormaliseerd = adres.toLowerCase();
  return mails.filter((m) => m.to === genormaliseerd || m.replyTo === genormaliseerd);
}

import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the served site writes its mails during end-to-end runs (no mail key there):
 * playwright.config.ts passes it to scripts/serve.ts, the tests read the files.
 */
export const outboxMap = process.env.E2E_OUTBOX ?? join(tmpdir(), `opgavegericht-e2e-outbox-${process.env.E2E_PORT ?? 4322}`);

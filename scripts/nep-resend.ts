/**
 * A local fake of the Resend API, to try the sign-up form against "Resend" without
 * sending real mail, including failures:
 *
 *   node scripts/nep-resend.ts --port 4351 --script 500,429,hang
 *   RESEND_API_KEY=re_test RESEND_BASE_URL=http://127.0.0.1:4351 npm start
 *
 * --script gives the answers to the first requests (a status code, "hang", "traag",
 * "verbreek" or "verbreek-na"; see testhulp/nep-resend.ts); every request after that
 * is accepted. Each request is printed.
 */
import { startNepResend, type Script } from '../src/inschrijving/testhulp/nep-resend.ts';

const arg = (naam: string) => {
  const i = process.argv.indexOf(naam);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const nep = await startNepResend(Number(arg('--port') ?? 4351));
const woorden: readonly Script[] = ['hang', 'traag', 'verbreek', 'verbreek-na'];
for (const stap of (arg('--script') ?? '').split(',').filter(Boolean)) nep.script.push(woorden.find((w) => w === stap) ?? Number(stap));
console.log(`Nep-Resend op ${nep.url} (zet RESEND_BASE_URL=${nep.url})`);
let gezien = 0;
setInterval(() => {
  for (const v of nep.verzoeken.slice(gezien)) console.log(`${v.headers['idempotency-key'] ?? '-'}  aan ${String(v.body.to)}  "${v.body.subject}"`);
  gezien = nep.verzoeken.length;
}, 250);

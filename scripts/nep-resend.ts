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
import { type Script, startNepResend } from '../testhulp/nep-resend.ts';

const arg = (naam: string) => {
  const i = process.argv.indexOf(naam);
  return i > 0 ? process.argv[i + 1] : undefined;
};

// --per-seconde 2 gives Resend's default rate limit; --verwerking 200 its time to accept a request.
const nep = await startNepResend(Number(arg('--port') ?? 4351), {
  perSeconde: Number(arg('--per-seconde') ?? Number.POSITIVE_INFINITY),
  verwerkingMs: Number(arg('--verwerking') ?? 0),
});
const woorden: readonly Script[] = ['hang', 'traag', 'verbreek', 'verbreek-na'];
for (const stap of (arg('--script') ?? '').split(',').filter(Boolean)) nep.script.push(woorden.find((w) => w === stap) ?? Number(stap));
console.log(`Nep-Resend op ${nep.url} (zet RESEND_BASE_URL=${nep.url})`);
let gezien = 0;
setInterval(() => {
  for (const v of nep.verzoeken.slice(gezien)) {
    console.log(`${v.pad}  ${v.headers['idempotency-key'] ?? '-'}  ${v.mails.map((m) => `aan ${String(m.to)} "${m.subject}"`).join('; ')}`);
  }
  gezien = nep.verzoeken.length;
}, 250);

/**
 * Cold start of the deployed function: a fresh Node process imports the function file
 * from the package Netlify's bundler made and answers one real sign-up (schema, state,
 * both mails, one request to the Resend stand-in). Node's own start-up and the Request
 * object are not counted: Netlify's runtime is up, and has built the Request, before it
 * loads the function.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Pakket } from '../../netlify/functie-pakket.ts';
import { TESTGEHEIM } from '../../testhulp/inschrijving.ts';
import { startNepResend } from '../../testhulp/nep-resend.ts';

const kind = `
// Netlify's runtime builds the Request before it calls the function: that is not the function's start.
const verzoek = new Request('https://site.test/api/inschrijven', {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: JSON.stringify({ bijeenkomst: process.env.BIJEENKOMST, voornaam: 'Anna', achternaam: 'Berg', email: 'koud-' + process.pid + '@gemeente.nl', organisatie: 'Gemeente Zwolle', functie: 'wethouder', privacy: true }),
});
const begin = performance.now();
const { default: handler } = await import(process.env.FUNCTIE);
const geladen = performance.now();
const antwoord = await handler(verzoek);
await antwoord.text();
console.log(JSON.stringify({ status: antwoord.status, importMs: geladen - begin, totaalMs: performance.now() - begin }));
`;

export interface KoudeStart {
  status: number;
  importMs: number;
  totaalMs: number;
}

export async function koudeStarts(pakket: Pakket, bijeenkomst: string, keer = 5): Promise<KoudeStart[]> {
  const nep = await startNepResend();
  const hoofd = pakket.bestanden.find((b) => b.naam.endsWith('.mjs') && !b.naam.startsWith('___netlify-'))!;
  const uit: KoudeStart[] = [];
  try {
    for (let i = 0; i < keer; i++) {
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', kind], {
        env: {
          ...process.env,
          FUNCTIE: join(pakket.pad, hoofd.naam),
          BIJEENKOMST: bijeenkomst,
          RESEND_API_KEY: 're_koud',
          RESEND_BASE_URL: nep.url,
          MAIL_FROM: 'VPNG <inschrijving@vpng.nl>',
          INSCHRIJVING_GEHEIM: TESTGEHEIM,
        },
      });
      uit.push(JSON.parse(stdout.trim().split('\n').pop()!) as KoudeStart);
    }
  } finally {
    await nep.stop();
  }
  return uit;
}

/**
 * A sign-up on `npm start`, as a developer or editor trying the form gets it: `astro dev`
 * in its own process, the function served in-process from its bundle
 * (integraties/inschrijffunctie.ts), mails into a temporary outbox. Times one sign-up
 * after another, then several at once. Measures only; the bench judges.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LokaleTijden {
  na: number[];
  tegelijk: number[];
}

async function inschrijving(basis: string, i: number): Promise<number> {
  const begin = performance.now();
  const antwoord = await fetch(`${basis}/api/inschrijven`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      bijeenkomst: 'opgavegericht-besturen',
      voornaam: 'Anna',
      achternaam: 'Berg',
      email: `lokaal-${i}@gemeente.nl`,
      organisatie: 'Gemeente',
      functie: 'wethouder',
      privacy: true,
    }),
  });
  await antwoord.text();
  if (antwoord.status !== 200) throw new Error(`lokale inschrijving ${i}: status ${antwoord.status}`);
  return performance.now() - begin;
}

export async function lokaleInschrijvingen(root: URL, poort: number, n = 20, tegelijk = 10): Promise<LokaleTijden> {
  const outbox = await mkdtemp(join(tmpdir(), 'bench-lokaal-outbox-'));
  const dev = spawn(
    process.execPath,
    [fileURLToPath(new URL('node_modules/astro/bin/astro.mjs', root)), 'dev', '--host', '127.0.0.1', '--port', String(poort)],
    {
      cwd: fileURLToPath(root),
      env: {
        ...process.env,
        INSCHRIJVING_OUTBOX: outbox,
        RESEND_API_KEY: '',
        CONTEXT: '',
        INSCHRIJVING_LOKAAL: '1',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    await new Promise<void>((klaar, fout) => {
      const tijd = setTimeout(() => fout(new Error('astro dev startte niet binnen 60 s')), 60_000);
      let uitvoer = '';
      dev.stdout.on('data', (d: Buffer) => {
        uitvoer += String(d);
        // The server listens once it prints its address (the editor's terminal shows only that).
        if (new RegExp(`127\\.0\\.0\\.1:${poort}`).test(uitvoer)) {
          clearTimeout(tijd);
          klaar();
        }
      });
      dev.once('exit', (code) => fout(new Error(`astro dev stopte (code ${code})`)));
    });
    const basis = `http://127.0.0.1:${poort}`;
    // The first request warms the server up (Vite's first page and middleware) and waits for the
    // function's first build, which the terminal no longer announces: not counted.
    const opgeven = performance.now() + 60_000;
    for (;;) {
      try {
        await inschrijving(basis, -1);
        break;
      } catch (e) {
        if (performance.now() > opgeven) throw e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    const na: number[] = [];
    for (let i = 0; i < n; i++) na.push(await inschrijving(basis, i));
    const gelijk = await Promise.all(Array.from({ length: tegelijk }, (_, i) => inschrijving(basis, n + i)));
    return { na, tegelijk: gelijk };
  } finally {
    dev.kill('SIGTERM');
    await rm(outbox, { recursive: true, force: true });
  }
}

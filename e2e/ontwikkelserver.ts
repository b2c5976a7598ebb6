import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `astro dev` as an editor runs it (`npm start`), in a temporary copy of the project, so
 * a test can break and fix Markdown files without touching the real src/content. The
 * copy holds what the dev server reads, and links to the project's installed packages.
 */
const project = fileURLToPath(new URL('..', import.meta.url));
const delen = ['src', 'public', 'integraties', 'netlify', 'scripts', 'astro.config.ts', 'package.json', 'tsconfig.json'];

export interface Ontwikkelserver {
  /** Root of the copy. */
  map: string;
  basis: string;
  /** Everything the server printed, for a failing test's message. */
  uitvoer: () => string;
  lees: (bestand: string) => Promise<string>;
  schrijf: (bestand: string, tekst: string) => Promise<void>;
  /** Replaces `van` by `naar` in a file of the copy; throws when `van` is not there. */
  pasAan: (bestand: string, van: string | RegExp, naar: string) => Promise<void>;
  stop: () => Promise<void>;
}

function vrijePoort(): Promise<number> {
  return new Promise((klaar, mis) => {
    const s = createServer();
    s.once('error', mis);
    s.listen(0, '127.0.0.1', () => {
      const adres = s.address();
      s.close(() => (typeof adres === 'object' && adres ? klaar(adres.port) : mis(new Error('geen poort'))));
    });
  });
}

/** Caches that tools keep in node_modules: Vite's dependencies and config bundles, Astro's build cache. */
const caches = new Set(['.vite', '.vite-temp', '.astro']);

/**
 * The copy's node_modules: a folder with a link to each of the project's packages, not one
 * link to the whole folder, so the caches in it are the copy's own. Vite keys its dependency
 * cache by the project's root: copies that shared one threw it out and rebuilt it on every
 * start, while a dev server of another copy, running beside it, was still serving from it.
 */
async function koppelPakketten(map: string): Promise<void> {
  await mkdir(join(map, 'node_modules'));
  for (const naam of await readdir(join(project, 'node_modules'))) {
    if (!caches.has(naam)) await symlink(join(project, 'node_modules', naam), join(map, 'node_modules', naam));
  }
}

export interface Opties {
  /** More arguments for `astro dev`, e.g. `--host`. */
  argumenten?: string[];
  /** More environment variables for the server. */
  omgeving?: Record<string, string>;
}

/** Copies the project, lets `voorbereiden` change the copy, starts `astro dev` and waits until it answers. */
export async function startOntwikkelserver(
  voorbereiden: (map: string) => Promise<void> = async () => {},
  { argumenten = [], omgeving = {} }: Opties = {},
): Promise<Ontwikkelserver> {
  const map = await mkdtemp(join(tmpdir(), 'redactie-dev-'));
  for (const deel of delen) await cp(join(project, deel), join(map, deel), { recursive: true });
  await koppelPakketten(map);
  await voorbereiden(map);

  const poort = await vrijePoort();
  const basis = `http://localhost:${poort}`;
  let uitvoer = '';
  // Its own process group, so stop() ends the server and the helpers it started, and nothing else.
  const server: ChildProcess = spawn(
    process.execPath,
    [join(map, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(poort), ...argumenten],
    {
      cwd: map,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        // No mail service: a sign-up lands as a file in the copy (the outbox needs the local switch).
        RESEND_API_KEY: '',
        CONTEXT: '',
        INSCHRIJVING_LOKAAL: '1',
        INSCHRIJVING_OUTBOX: join(map, '.outbox'),
        ...omgeving,
      },
    },
  );
  server.stdout?.on('data', (d) => (uitvoer += String(d)));
  server.stderr?.on('data', (d) => (uitvoer += String(d)));

  const stop = async () => {
    if (server.exitCode === null && server.pid) {
      const weg = new Promise((klaar) => server.once('exit', klaar));
      process.kill(-server.pid, 'SIGTERM');
      await Promise.race([weg, new Promise((klaar) => setTimeout(klaar, 10_000))]);
      if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
    }
    await rm(map, { recursive: true, force: true });
  };

  // A loaded machine may need a minute: Vite optimises its dependencies on the first start.
  const tot = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`astro dev stopte (code ${server.exitCode}):\n${uitvoer}`);
    }
    const antwoord = await fetch(`${basis}/`).catch(() => undefined);
    if (antwoord?.ok) break;
    if (Date.now() > tot) {
      await stop();
      throw new Error(`astro dev antwoordde niet binnen twee minuten:\n${uitvoer}`);
    }
    await new Promise((klaar) => setTimeout(klaar, 250));
  }

  const lees = (bestand: string) => readFile(join(map, bestand), 'utf8');
  const schrijf = (bestand: string, tekst: string) => writeFile(join(map, bestand), tekst);
  return {
    map,
    basis,
    uitvoer: () => uitvoer,
    lees,
    schrijf,
    pasAan: async (bestand, van, naar) => {
      const tekst = await lees(bestand);
      const nieuw = tekst.replace(van, naar);
      if (nieuw === tekst) throw new Error(`${String(van)} staat niet in ${bestand}`);
      await schrijf(bestand, nieuw);
    },
    stop,
  };
}

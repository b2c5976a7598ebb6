import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Build time for many bijeenkomsten, in a temporary copy of the project (src/ is
 * never touched): the one real event file is cloned `aantal` times with other
 * titles, dates and times, then `astro build` runs once, timed from the outside.
 */
export interface BouwTijd {
  /** Wall-clock seconds: what the budget counts. */
  seconden: number;
  /** CPU seconds (user + system) of the build: steadier when other work shares the machine. */
  cpu: number;
}

/** Runs a command under bash and returns its wall and CPU time (bash's `times` for children). */
export async function getimed(cmd: string[], cwd: string): Promise<BouwTijd> {
  const begin = performance.now();
  const { stdout } = await promisify(execFile)('bash', ['-c', '"$@" >/dev/null 2>&1 || exit $?; times', 'bash', ...cmd], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const seconden = (performance.now() - begin) / 1000;
  const kinderen = stdout.trim().split('\n').pop() ?? '';
  const cpu = [...kinderen.matchAll(/(\d+)m([\d.]+)s/g)].reduce((n, m) => n + Number(m[1]) * 60 + Number(m[2]), 0);
  return { seconden, cpu };
}

export async function bouwTijd(root: URL, aantal: number): Promise<BouwTijd> {
  const map = await mkdtemp(join(tmpdir(), `bench-bouw-${aantal}-`));
  try {
    for (const deel of ['src', 'public', 'scripts', 'integraties', 'netlify', 'astro.config.ts', 'package.json', 'tsconfig.json']) {
      await cp(fileURLToPath(new URL(deel, root)), join(map, deel), { recursive: true });
    }
    await symlink(fileURLToPath(new URL('node_modules', root)), join(map, 'node_modules'), 'dir');

    const bijeenkomsten = join(map, 'src/content/bijeenkomsten');
    const voorbeeld = await readFile(join(bijeenkomsten, 'opgavegericht-besturen.md'), 'utf8');
    const start = Date.UTC(2027, 0, 4);
    for (let i = 0; i < aantal; i++) {
      const datum = new Date(start + (i % 1400) * 86_400_000).toISOString().slice(0, 10);
      const tijden =
        i % 2 ? `begintijd: "${String(9 + (i % 8)).padStart(2, '0')}:30"\neindtijd: "${String(11 + (i % 8)).padStart(2, '0')}:00"\n` : '';
      const tekst = voorbeeld
        .replace(/^titel: .*$/m, `titel: Bijeenkomst ${i + 1} over opgavegericht werken in gemeente ${i % 342}`)
        .replace(/^datum: .*$/m, `datum: ${datum}\n${tijden}`);
      await writeFile(join(bijeenkomsten, `bench-${String(i).padStart(4, '0')}.md`), tekst);
    }

    return await getimed([process.execPath, join(map, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], map);
  } finally {
    await rm(map, { recursive: true, force: true });
  }
}

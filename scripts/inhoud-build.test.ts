import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A real `astro build` of a temporary copy of the project: the one slow test that shows
 * the content check is wired into the build, and that "Bewerk deze pagina" appears when
 * REPO_BEWERK_URL is set.
 */
const project = join(import.meta.dirname, '..');
const nietMee = new Set(['node_modules', 'dist', '.astro', '.git', '.netlify', '.outbox', 'test-results', 'playwright-report']);
const bijeenkomst = 'src/content/bijeenkomsten/opgavegericht-besturen.md';

let kopie: string;
beforeAll(async () => {
  kopie = await mkdtemp(join(tmpdir(), 'build-'));
  await cp(project, kopie, { recursive: true, filter: (bron) => bron === project || !nietMee.has(basename(bron)) });
  await symlink(join(project, 'node_modules'), join(kopie, 'node_modules'), 'dir');
});
afterAll(() => rm(kopie, { recursive: true, force: true }));

function bouw(env: Record<string, string> = {}) {
  return promisify(execFile)(process.execPath, [join(kopie, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: kopie,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
}

describe('astro build', () => {
  it('zet "Bewerk deze pagina" bij elke pagina uit Markdown, en stopt bij een fout van de redactie', async () => {
    await bouw({ REPO_BEWERK_URL: 'https://github.com/voorbeeld/site/edit/main/' });
    const pagina = await readFile(join(kopie, 'dist/bijeenkomsten/opgavegericht-besturen/index.html'), 'utf8');
    expect(pagina).toMatch(new RegExp(`<a href="https://github.com/voorbeeld/site/edit/main/${bijeenkomst}"[^>]*>Bewerk deze pagina</a>`));
    const privacy = await readFile(join(kopie, 'dist/privacy/index.html'), 'utf8');
    expect(privacy).toContain('href="https://github.com/voorbeeld/site/edit/main/src/content/paginas/privacy.md"');

    const pad = join(kopie, bijeenkomst);
    await writeFile(
      pad,
      (await readFile(pad, 'utf8')).replace('datum: 2027-11-04', 'datum: 2027-11-04\nbegintijd: "14:00"\neindtijd: "13:00"'),
    );
    const fout: { code?: number; stdout?: string; stderr?: string } = await bouw().then(
      () => ({}),
      (f: unknown) => f as object,
    );
    expect(fout.code).toBe(1);
    expect(`${fout.stdout}${fout.stderr}`).toContain(
      `${bijeenkomst}: veld "eindtijd": ligt niet na de begintijd (14:00). Voorbeeld: eindtijd: "17:00"`,
    );
  }, 180_000);
});

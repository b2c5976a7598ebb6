/**
 * Checks whether the three things the site adds to Astro's own dev behaviour for content
 * (docs/ontwikkelaars/architectuur.md, "Inhoud in astro dev") are still needed with the Astro and Vite in
 * node_modules. It makes a project of a few files in a temporary folder, with Astro's own
 * glob() loader and nothing of this site, runs `astro dev` in it, and says per check what it
 * saw. A few minutes; nothing in the project changes.
 *
 *   node scripts/dev-proef.ts [leeg|bewaren|herladen|opslag]...   (default: the first three)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, open, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPad } from '../e2e/browser.ts';

const slaap = (ms: number) => new Promise((klaar) => setTimeout(klaar, ms));
const tekst = (titel: string) => `---\ntitel: ${titel}\n---\n\nTekst\n`;

const bestanden: Record<string, string> = {
  'package.json': '{ "type": "module" }',
  'astro.config.mjs': 'export default { devToolbar: { enabled: false } };',
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const posts = defineCollection({ loader: glob({ pattern: '*.md', base: './src/content/posts' }), schema: z.object({ titel: z.string() }) });
// Stores nothing, as the site's loader when every file of a collection is a draft.
const leeg = defineCollection({ loader: { name: 'leeg', load: async () => {} }, schema: z.object({}) });
// The same, with what src/inhoud/lader.ts does then: one entry in and out.
const geleegd = defineCollection({
  loader: { name: 'geleegd', load: async ({ store }) => { store.set({ id: 'leeg', data: {} }); store.delete('leeg'); } },
  schema: z.object({}),
});
export const collections = { posts, leeg, geleegd };`,
  // Reads the store at once and, with TRAAG_MS, answers that much later: a page on a busy machine.
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
const posts = await getCollection('posts');
await getCollection('leeg');
await getCollection('geleegd');
const traag = Number(process.env.TRAAG_MS ?? 0);
if (traag) await new Promise((klaar) => setTimeout(klaar, traag));
---
<html><body><ul>{posts.map((p) => <li data-id={p.id}>{p.data.titel}</li>)}</ul></body></html>`,
  'src/content/posts/a.md': tekst('start'),
};

const project = join(import.meta.dirname, '..');
const map = await mkdtemp(join(tmpdir(), 'dev-proef-'));
for (const [naam, inhoud] of Object.entries(bestanden)) {
  await mkdir(join(map, naam, '..'), { recursive: true });
  await writeFile(join(map, naam), inhoud);
}
await symlink(join(project, 'node_modules'), join(map, 'node_modules'), 'dir');
const md = join(map, 'src/content/posts/a.md');
/** A port nothing else on this machine uses now. */
const poort = await new Promise<number>((klaar, mis) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const adres = s.address();
    s.close(() => (typeof adres === 'object' && adres ? klaar(adres.port) : mis(new Error('geen vrije poort'))));
  });
});
const basis = `http://localhost:${poort}`;

let uitvoer = '';
let server: ChildProcess | undefined;
async function start(env: Record<string, string> = {}): Promise<void> {
  server = spawn(process.execPath, [join(map, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(poort)], {
    cwd: map,
    detached: true,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  server.stdout?.on('data', (d) => (uitvoer += String(d)));
  server.stderr?.on('data', (d) => (uitvoer += String(d)));
  await writeFile(md, tekst('start'));
  while (!(await fetch(`${basis}/`).catch(() => undefined))?.ok) await slaap(250);
}
async function stop(): Promise<void> {
  if (server?.pid && server.exitCode === null) {
    const weg = new Promise((klaar) => server?.once('exit', klaar));
    process.kill(-server.pid, 'SIGTERM');
    await weg;
  }
}
const getoond = async () => (await (await fetch(`${basis}/`)).text()).match(/<li data-id="a">([^<]*)</)?.[1];
/** Saved in one step (written beside it, then renamed), so the watcher sees only the result. */
const bewaar = async (titel: string) => {
  await writeFile(`${md}.tmp`, tekst(titel));
  await rename(`${md}.tmp`, md);
};
let n = 0;

const proeven: Record<string, () => Promise<string>> = {
  /** src/inhoud/lader.ts: the placeholder entry of a collection no entry reached. */
  leeg: async () => {
    await fetch(`${basis}/`);
    const waarschuwt = (collectie: string) => uitvoer.includes(`collection "${collectie}" does not exist or is empty`);
    return (
      `een collectie zonder entries: getCollection() ${waarschuwt('leeg') ? 'waarschuwt in het Engels: nog nodig' : 'waarschuwt niet meer: niet meer nodig'}; ` +
      `één entry erin en eruit ${waarschuwt('geleegd') ? 'helpt niet meer: zoek een andere weg' : 'houdt de waarschuwing weg'}`
    );
  },
  /** src/inhoud/lader.ts, totRust: saved as emptied, then written. */
  bewaren: async () => {
    let achter = 0;
    const pogingen = 12;
    for (let i = 0; i < pogingen; i++) {
      const nieuw = `bewaren${++n}`;
      const f = await open(md, 'w');
      await slaap([1, 5, 20][i % 3] ?? 0);
      await f.write(tekst(nieuw));
      await f.close();
      await slaap(2500);
      if ((await getoond()) !== nieuw) achter++;
    }
    return `leegmaken en dan schrijven: ${achter} van ${pogingen} keer bleef de pagina achter bij het bestand: ${achter > 0 ? 'nog nodig' : 'niet meer nodig'}`;
  },
  /** integraties/inhoudscontrole.ts, the page script: a page reloading while Astro sends its reload. */
  herladen: async () => {
    const pad = chromiumPad();
    const browser = await chromium.launch({ ...(pad ? { executablePath: pad } : {}), args: chromiumArgs });
    const page = await browser.newPage();
    let achter = 0;
    const rondes = 4;
    for (let i = 0; i < rondes; i++) {
      const verbonden = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected') });
      await page.goto(`${basis}/`);
      await verbonden;
      await bewaar(`herladen${++n}`);
      await slaap(650);
      const laatste = `herladen${++n}`;
      await bewaar(laatste);
      await slaap(5000);
      if ((await page.locator('li[data-id="a"]').textContent()) !== laatste) achter++;
    }
    await browser.close();
    return `twee keer bewaren, pagina van 700 ms: ${achter} van ${rondes} keer bleef de open pagina achter: ${achter > 0 ? 'nog nodig' : 'niet meer nodig'}`;
  },
  /** What the site no longer does: invalidate Astro's store in the page renderer once more. */
  opslag: async () => {
    let bezig = true;
    const lus = async () => {
      while (bezig)
        await fetch(`${basis}/`).then(
          (r) => r.text(),
          () => '',
        );
    };
    const lussen = [lus(), lus(), lus(), lus()];
    let achter = 0;
    const rondes = 20;
    for (let i = 0; i < rondes; i++) {
      const nieuw = `opslag${++n}`;
      await bewaar(nieuw);
      await slaap(5000);
      if ((await getoond()) !== nieuw) achter++;
    }
    bezig = false;
    await Promise.all(lussen);
    return `bewaren onder voortdurende verzoeken: ${achter} van ${rondes} keer bleef de site achter: ${achter > 0 ? 'de extra invalidatie is weer nodig' : 'Astro houdt zijn store zelf bij'}`;
  },
};

const gekozen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['leeg', 'bewaren', 'herladen'];
try {
  for (const naam of gekozen) {
    const proef = proeven[naam];
    if (!proef) throw new Error(`onbekende proef ${naam}; kies uit ${Object.keys(proeven).join(', ')}`);
    await start(naam === 'herladen' ? { TRAAG_MS: '700' } : {});
    console.log(`${naam}: ${await proef()}`);
    await stop();
  }
} finally {
  await stop();
  await rm(map, { recursive: true, force: true });
}

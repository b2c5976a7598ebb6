import { execFile } from 'node:child_process';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import { sjabloon } from '../scripts/nieuw.ts';
import { frontmatterPatroon } from '../src/inhoud/frontmatter.ts';
import { type Ontwikkelserver, startOntwikkelserver } from './ontwikkelserver.ts';
import { klikOpslaan, openBestand } from './redactieomgeving.ts';

/**
 * Every Markdown file of the site, through the real editing UI at /admin/ with `npm start`:
 * one word added to the summary, or to a line of the text, changes that one line and
 * nothing else, comments included (a file as `npm run nieuw` writes it is among them); the
 * word taken out again leaves the file byte for byte as it was. (Decap offers no save
 * without a change: a field put back as it was counts as unchanged.) Runs `astro dev` in a
 * temporary copy of the project that is a git repository, so `git diff` says what a save
 * changed, as it would for an editor.
 */

test.describe.configure({ timeout: 900_000 });
test.use({ screenshot: 'only-on-failure' });
const lang = { timeout: 30_000 };

let server: Ontwikkelserver;
const git = (...args: string[]) =>
  promisify(execFile)('git', ['-c', 'user.name=Redactie', '-c', 'user.email=redactie@voorbeeld.nl', ...args], { cwd: server.map });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOntwikkelserver(async (map) => {
    await promisify(execFile)('git', ['init', '-q'], { cwd: map });
    // Beside the site's own files, one as `npm run nieuw` writes it: its many lines of `#` explanation stay too.
    await writeFile(join(map, 'src/content/bijeenkomsten/kennismiddag.md'), sjabloon('Kennismiddag', '2027-12-08'));
  });
  await git('add', 'src/content');
  await git('commit', '-qm', 'Inhoud zoals in de repository');
});
test.afterAll(async () => server?.stop());
test.afterEach(async () => {
  const info = test.info();
  if (info.status !== info.expectedStatus) await info.attach('astro dev', { body: server.uitvoer(), contentType: 'text/plain' });
});

/** Lines removed and added per file since the last commit, as git counts them; the diff itself in the test's report. */
async function verschil(): Promise<string[]> {
  const { stdout } = await git('diff', '--numstat');
  const { stdout: diff } = await git('diff');
  if (diff) await test.info().attach('git diff', { body: diff, contentType: 'text/plain' });
  return stdout.trim() ? stdout.trim().split('\n') : [];
}

/** Saves through the toolbar and waits until the file was written (its time changes, even when its text does not). */
async function bewaar(page: Page, bestand: string): Promise<void> {
  const voor = (await stat(join(server.map, bestand))).mtimeMs;
  await klikOpslaan(page);
  await expect(page.getByText('Wijzigingen opgeslagen')).toBeVisible(lang);
  await expect.poll(async () => (await stat(join(server.map, bestand))).mtimeMs, lang).toBeGreaterThan(voor);
}

/** The lines of the text in the editor (the Markdown as it is in the file, one element per line). */
const tekstRegels = (page: Page) => page.locator('[data-slate-editor="true"] [data-slate-node="element"]');

/**
 * Makes line `index` of the text read `naar` by typing at its end, as an editor would: each
 * key is checked on screen, and where one did not arrive (the editor was still settling
 * after opening) the caret is put at the end of the line again.
 */
async function typOpRegel(page: Page, index: number, naar: string): Promise<void> {
  const regel = tekstRegels(page).nth(index);
  const tekst = async () => (await regel.textContent()) ?? '';
  for (let poging = 0; poging < 5 && (await tekst()) !== naar; poging++) {
    // At the end of its last line on screen, which is the end of the line in the file.
    const vak = await regel.boundingBox();
    await regel.click({ position: { x: (vak?.width ?? 1) - 1, y: (vak?.height ?? 1) - 2 } });
    for (let nu = await tekst(); nu !== naar; ) {
      const erbij = naar.startsWith(nu);
      const volgende = erbij ? naar.slice(0, nu.length + 1) : nu.slice(0, -1);
      if (!erbij && !nu.startsWith(naar)) throw new Error(`"${nu}" wordt niet "${naar}" door te typen aan het eind`);
      if (erbij) await page.keyboard.type(naar.charAt(nu.length));
      else await page.keyboard.press('Backspace');
      const aangekomen = await expect
        .poll(tekst, { timeout: 2000 })
        .toBe(volgende)
        .then(
          () => true,
          () => false,
        );
      if (!aangekomen) break;
      nu = volgende;
    }
  }
  expect(await tekst()).toBe(naar);
}

test('elk inhoudsbestand: één woord erbij verandert één regel, het woord weer weg laat het bestand gelijk', async ({ page }) => {
  const bestanden: { collectie: string; slug: string }[] = [];
  for (const collectie of ['bijeenkomsten', 'gids', 'paginas']) {
    for (const naam of (await readdir(join(server.map, 'src/content', collectie))).filter((n) => n.endsWith('.md')).sort()) {
      bestanden.push({ collectie, slug: naam.slice(0, -3) });
    }
  }
  expect(bestanden.length).toBeGreaterThanOrEqual(10);

  await page.goto(`${server.basis}/admin/`);
  await page.getByRole('button', { name: 'Inloggen' }).click(lang);
  page.setDefaultTimeout(30_000);

  for (const { collectie, slug } of bestanden) {
    const bestand = `src/content/${collectie}/${slug}.md`;
    await test.step(bestand, async () => {
      await openBestand(page, server.basis, collectie, slug);
      const samenvatting = page.getByLabel('Samenvatting', { exact: true });

      // One word at the end of the summary, which runs over several lines in the file.
      await samenvatting.press('Control+End');
      await samenvatting.pressSequentially(' zeker');
      await bewaar(page, bestand);
      expect(await verschil(), `${bestand}: een woord erbij in de samenvatting`).toEqual([`1\t1\t${bestand}`]);
      expect(await server.lees(bestand)).toMatch(/^samenvatting:[\s\S]* zeker\n/m);
      // Opened again and the word taken out: the file as it was, read and saved by the CMS.
      await openBestand(page, server.basis, collectie, slug);
      await samenvatting.press('Control+End');
      for (let i = 0; i < ' zeker'.length; i++) await samenvatting.press('Backspace');
      await bewaar(page, bestand);
      expect(await verschil(), `${bestand}: het woord weer weg`).toEqual([]);

      // One word at the end of the first line of the text (the editor shows the Markdown as it is in the file).
      const tekst = (await server.lees(bestand)).replace(frontmatterPatroon, '');
      const regel = tekst.split('\n').find((r) => /^\p{L}/u.test(r)) ?? '';
      expect(regel).not.toBe('');
      const index = (await tekstRegels(page).allTextContents()).indexOf(regel);
      expect(index).toBeGreaterThanOrEqual(0);
      await typOpRegel(page, index, `${regel} zeker`);
      await bewaar(page, bestand);
      expect(await verschil(), `${bestand}: een woord erbij in de tekst`).toEqual([`1\t1\t${bestand}`]);
      expect(await server.lees(bestand)).toContain(`\n${regel} zeker\n`);
      await openBestand(page, server.basis, collectie, slug);
      await typOpRegel(page, index, regel);
      await bewaar(page, bestand);
      expect(await verschil(), `${bestand}: het woord weer weg`).toEqual([]);
    });
  }
  // Every comment line of the template was there all along: each save above left the file with no diff.
  expect(bestanden).toContainEqual({ collectie: 'bijeenkomsten', slug: 'kennismiddag' });
});

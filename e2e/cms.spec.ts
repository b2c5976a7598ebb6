import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import { controleerInhoud } from '../src/inhoud/controle.ts';
import { frontmatterPatroon, leesVelden } from '../src/inhoud/frontmatter.ts';
import { volgSchendingen } from './browser.ts';
import { type Ontwikkelserver, startOntwikkelserver } from './ontwikkelserver.ts';

/**
 * The editing UI at /admin/ as an editor uses it with `npm start`: no account, the CMS
 * writes the working copy through the dev server's local API. Creates an event in the
 * browser, finds the Markdown file, checks it with the editors' content check, sees it on
 * the site as a draft, publishes it in the CMS, and builds the copy: the event is a page.
 * Runs `astro dev` in a temporary copy of the project (e2e/ontwikkelserver.ts).
 */

test.describe.configure({ mode: 'serial', timeout: 240_000 });
// What the CMS showed when a step failed: its own messages say more than a timeout.
test.use({ screenshot: 'only-on-failure' });
const lang = { timeout: 30_000 };

const slug = 'kennissessie-programmasturing-en-begroting';
const bestand = `src/content/bijeenkomsten/${slug}.md`;
let server: Ontwikkelserver;
const schendingen: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOntwikkelserver();
});
test.afterAll(async () => server?.stop());
test.afterEach(async () => {
  const info = test.info();
  if (info.status !== info.expectedStatus) await info.attach('astro dev', { body: server.uitvoer(), contentType: 'text/plain' });
});

/** Opens the CMS on `pad` (a route of its own, after #), logs in locally, and records every CSP violation. */
async function openCms(page: Page, pad: string): Promise<void> {
  await volgSchendingen(page, schendingen);
  await page.goto(`${server.basis}/admin/#${pad}`);
  // The local mode's login: one button, no account.
  await page.getByRole('button', { name: 'Inloggen' }).click(lang);
  page.setDefaultTimeout(30_000);
}

async function frontmatter(): Promise<Record<string, unknown>> {
  // Read as the site reads it (src/inhoud/frontmatter.ts).
  const [, kop] = (await server.lees(bestand)).match(frontmatterPatroon) ?? [];
  return leesVelden(kop ?? '') as Record<string, unknown>;
}

async function publiceer(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publiceer' }).click();
  await page.getByRole('menuitem', { name: 'Publiceer nu' }).click();
  await expect(page.getByText('Wijzigingen opgeslagen')).toBeVisible();
}

test('een nieuwe bijeenkomst in de CMS wordt een concept-bestand dat de inhoudscontrole doorstaat en op de site staat', async ({
  page,
}) => {
  await openCms(page, '/collections/bijeenkomsten/new');

  await page.getByLabel('Titel', { exact: true }).fill('Kennissessie programmasturing en begroting');
  await page.getByLabel('Samenvatting').fill('Een middag over programmasturing en de programmabegroting, voor raadsleden en griffiers.');
  await page.getByLabel('Datum', { exact: true }).fill('2027-12-08');
  await page.getByLabel('Begintijd (optioneel)').fill('13:30');
  await page.getByLabel('Eindtijd (optioneel)').fill('16:00');
  await page.getByRole('button', { name: 'Voeg organisator toe' }).click();
  await page.getByLabel('organisator', { exact: true }).fill('VPNG');
  await page.getByLabel('Doelgroep').fill('Raadsleden en griffiers');
  await page.getByLabel('E-mailadres voor vragen').fill('t.routers@vpng.nl');
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Open', exact: true }).click();
  // The text, in the editor's rich-text mode.
  await page.getByRole('textbox').last().click();
  await page.keyboard.type('Een middag over sturen met programma’s.');
  await publiceer(page);

  // The file, where an editor working with files would have made it.
  await expect.poll(() => server.lees(bestand).catch(() => ''), lang).toContain('Kennissessie');
  const kop = await frontmatter();
  expect(kop).toMatchObject({
    concept: true,
    titel: 'Kennissessie programmasturing en begroting',
    datum: '2027-12-08',
    begintijd: '13:30',
    eindtijd: '16:00',
    organisatoren: ['VPNG'],
    contact: 't.routers@vpng.nl',
    inschrijving: { status: 'open' },
  });
  expect(await server.lees(bestand)).toMatch(/\n---\n\s*Een middag over sturen met programma’s\.\s*$/);
  // Nothing the editor left empty is written as an empty value the schema would refuse.
  expect(kop).not.toHaveProperty('locatie');

  // The editors' content check: no mistakes, and the new file is among what it read.
  const { fouten } = await controleerInhoud(server.map);
  expect(fouten).toEqual([]);

  // On the site with `npm start`, in a tab of its own as an editor would look, marked as a draft.
  const site = await page.context().newPage();
  await site.goto(`${server.basis}/bijeenkomsten/${slug}/`);
  await expect(site.getByRole('heading', { level: 1 })).toHaveText('Kennissessie programmasturing en begroting', lang);
  await expect(site.getByText('Concept — niet gepubliceerd')).toBeVisible();
  expect(schendingen).toEqual([]);
});

test('dezelfde bijeenkomst gepubliceerd in de CMS: het concept-vinkje is weg en de build maakt er een pagina van', async ({ page }) => {
  await openCms(page, `/collections/bijeenkomsten/entries/${slug}`);
  const concept = page.getByRole('switch', { name: /^Concept/ });
  await expect(concept).toBeVisible(lang);
  await concept.click();
  await page.getByLabel('Naam van het gebouw').fill('Stadhuis');
  await page.getByLabel(/^Plaats/).fill('Utrecht');
  await publiceer(page);

  await expect.poll(async () => (await frontmatter()).concept, lang).toBe(false);
  const kop = await frontmatter();
  expect(kop.locatie).toEqual({ naam: 'Stadhuis', plaats: 'Utrecht' });
  expect((await controleerInhoud(server.map)).fouten).toEqual([]);

  // `astro build` in the copy, as Netlify builds a commit: the event is a page of the site.
  await promisify(execFile)(process.execPath, [join(server.map, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: server.map,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const html = await readFile(join(server.map, 'dist/bijeenkomsten', slug, 'index.html'), 'utf8');
  expect(html).toContain('Kennissessie programmasturing en begroting');
  expect(html).toContain('Stadhuis');
  expect(await readFile(join(server.map, 'dist/bijeenkomsten/index.html'), 'utf8')).toContain(`/bijeenkomsten/${slug}/`);
  expect(schendingen).toEqual([]);
});

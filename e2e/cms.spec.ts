import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import { controleerBestand, controleerInhoud } from '../src/inhoud/controle.ts';
import { frontmatterPatroon, leesVelden } from '../src/inhoud/frontmatter.ts';
import { volgSchendingen } from './browser.ts';
import { type Ontwikkelserver, startOntwikkelserver } from './ontwikkelserver.ts';
import { klikOpslaan, openBestand } from './redactieomgeving.ts';

/**
 * The editing UI at /admin/ as an editor uses it with `npm start`: no account, the CMS
 * writes the working copy through the dev server's local API. Creates an event in the
 * browser, finds the Markdown file, checks it with the editors' content check, sees it on
 * the site as a draft, publishes it in the CMS, and builds the copy: the event is a page.
 * Also: the CMS page is never reloaded by the dev server, it refuses to save what the
 * content check refuses (with the check's own lines, and without writing), and a draft
 * says so in the list. Runs `astro dev` in a temporary copy of the project
 * (e2e/ontwikkelserver.ts).
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

/**
 * Opens the CMS on `pad` (a route of its own, after #). The first time in a page: logs in
 * locally and records every CSP violation; after that a route within the same page, as
 * an editor clicks through it.
 */
async function openCms(page: Page, pad: string): Promise<void> {
  const eerst = !page.url().startsWith(`${server.basis}/admin/`);
  if (eerst) await volgSchendingen(page, schendingen);
  await page.goto(`${server.basis}/admin/#${pad}`);
  // The local mode's login: one button, no account.
  if (eerst) await page.getByRole('button', { name: 'Inloggen' }).click(lang);
  page.setDefaultTimeout(30_000);
}

async function frontmatter(): Promise<Record<string, unknown>> {
  // Read as the site reads it (src/inhoud/frontmatter.ts).
  const [, kop] = (await server.lees(bestand)).match(frontmatterPatroon) ?? [];
  return leesVelden(kop ?? '') as Record<string, unknown>;
}

/** Saves through the toolbar: with `npm start` that writes the file, nothing more. */
async function bewaar(page: Page): Promise<void> {
  await klikOpslaan(page);
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
  // The text, as Markdown.
  await page.getByRole('textbox').last().click();
  await page.keyboard.type('Een middag over sturen met programma’s.');
  await bewaar(page);

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

test('een concept staat als concept in de lijst, met gewone woorden: opgeslagen, niet gepubliceerd, en een link naar de eigen pagina', async ({
  page,
}) => {
  await openCms(page, '/collections/bijeenkomsten');
  const kaarten = page.getByRole('link', { name: /Kennissessie programmasturing|Opgavegericht besturen/ });
  await expect(kaarten).toHaveCount(2, lang);
  await expect(page.getByRole('link', { name: /^Concept — Kennissessie programmasturing en begroting — 08-12-2027/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Opgavegericht besturen, speciaal voor wethouders/ })).toBeVisible();

  // Only the drafts, with the list's own filter.
  await page.getByRole('button', { name: 'Filteren op' }).click();
  await page.getByRole('menuitem', { name: 'Alleen concepten' }).click();
  await expect(kaarten).toHaveCount(1);
  await expect(kaarten).toHaveText(/^Concept — /);

  await openCms(page, `/collections/bijeenkomsten/entries/${slug}`);
  const concept = page.getByRole('switch', { name: 'Concept', exact: true });
  await expect(concept).toBeChecked(lang);
  // A draft that is saved says "Opgeslagen", never "Gepubliceerd".
  await expect(page.getByRole('button', { name: 'Opgeslagen' })).toBeVisible();
  await expect(page.getByText(/gepubliceerd/i).and(page.locator('button, [role="button"]'))).toHaveCount(0);
  const hint = page.getByText(/^Aan: het komt nog niet op de echte site\./);
  await expect(hint).toBeVisible();
  await expect(hint).not.toContainText('npm start');
  // "Bekijk de pagina" opens the entry's own page on the dev server.
  await expect(page.getByRole('link', { name: 'Bekijk de pagina' })).toHaveAttribute('href', `${server.basis}/bijeenkomsten/${slug}/`);
  expect(schendingen).toEqual([]);
});

test('dezelfde bijeenkomst in de CMS zonder concept: het schuifje uit, en de build maakt er een pagina van', async ({ page }) => {
  await openCms(page, `/collections/bijeenkomsten/entries/${slug}`);
  const concept = page.getByRole('switch', { name: 'Concept', exact: true });
  await expect(concept).toBeVisible(lang);
  await concept.click();
  await page.getByLabel('Naam van het gebouw').fill('Stadhuis');
  await page.getByLabel(/^Plaats/).fill('Utrecht');
  await bewaar(page);

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

test('de redactieomgeving laadt één keer: bewaren en een bestand dat op schijf verandert, herladen haar niet', async ({ page }) => {
  const bestand = 'src/content/gids/leren.md';
  // The site in a tab of its own, with the dev server's live reload: it shows that the server did send its reloads.
  const site = await page.context().newPage();
  const verbonden = site.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 60_000 });
  await site.goto(`${server.basis}/gids/leren/`);
  await verbonden;

  let geladen = 0;
  const viteClient: string[] = [];
  page.on('load', () => geladen++);
  page.on('request', (r) => {
    if (r.url().includes('/@vite/client') || r.url().includes('/@id/')) viteClient.push(r.url());
  });
  await openCms(page, '/collections/gids/entries/leren');
  const titel = page.getByLabel('Titel', { exact: true });
  await expect(titel).toHaveValue(/^Opgavegericht leren/, lang);

  // Saving writes the file: the site's tab reloads, the CMS does not.
  await titel.press('End');
  await titel.pressSequentially(' (bewaard)');
  await bewaar(page);
  await expect(site.getByRole('heading', { level: 1 })).toHaveText(/\(bewaard\)$/, lang);

  // Typing on, then the file changes on disk: again only the site reloads, and what was typed stays.
  const samenvatting = page.getByLabel('Samenvatting', { exact: true });
  await samenvatting.press('Control+End');
  await samenvatting.pressSequentially(' Nog niet opgeslagen.');
  await server.pasAan(bestand, /^titel: .*$/m, 'titel: Op schijf veranderd');
  await expect(site.getByRole('heading', { level: 1 })).toHaveText('Op schijf veranderd', lang);

  await expect(samenvatting).toHaveValue(/ Nog niet opgeslagen\.$/);
  expect(geladen).toBe(1);
  expect(viteClient).toEqual([]);
  expect(schendingen).toEqual([]);
});

test('wat de controle weigert, slaat de CMS niet op: de regel van npm run check:inhoud staat erbij, en er is geen bestand geschreven', async ({
  page,
}) => {
  const opslagen: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/v1') && r.postData()?.includes('"persistEntry"')) opslagen.push(r.postData() ?? '');
  });
  const regels = page.locator('[data-controle] [role="alert"] li');
  // Leaving a form with changes the CMS did not save: yes, leave.
  page.on('dialog', (d) => void d.accept());

  // A new event whose end time is before its start time.
  await openCms(page, '/collections/bijeenkomsten/new');
  await page.getByLabel('Titel', { exact: true }).fill('Avond over sturen');
  await page.getByLabel('Samenvatting').fill('Een avond over sturen op opgaven.');
  await page.getByLabel('Datum', { exact: true }).fill('2027-12-08');
  await page.getByLabel('Begintijd (optioneel)').fill('14:00');
  await page.getByLabel('Eindtijd (optioneel)').fill('13:00');
  await page.getByRole('button', { name: 'Voeg organisator toe' }).click();
  await page.getByLabel('organisator', { exact: true }).fill('VPNG');
  await page.getByLabel('Doelgroep').fill('Raadsleden');
  await page.getByLabel('E-mailadres voor vragen').fill('t.routers@vpng.nl');
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Open', exact: true }).click();
  await page.getByRole('textbox').last().click();
  await page.keyboard.type('Tekst.');
  await klikOpslaan(page);

  const nieuw = 'src/content/bijeenkomsten/avond-over-sturen.md';
  const zoalsBestand = [
    '---',
    'concept: true',
    'titel: Avond over sturen',
    'samenvatting: Een avond over sturen op opgaven.',
    'datum: 2027-12-08',
    'begintijd: "14:00"',
    'eindtijd: "13:00"',
    'organisatoren:',
    '  - VPNG',
    'doelgroep: Raadsleden',
    'contact: t.routers@vpng.nl',
    'inschrijving:',
    '  status: open',
    '---',
    '',
    'Tekst.',
    '',
  ].join('\n');
  const verwacht = controleerBestand('bijeenkomsten', nieuw, zoalsBestand);
  expect(verwacht).toEqual([
    expect.stringMatching(/^src\/content\/bijeenkomsten\/avond-over-sturen\.md: veld "eindtijd": ligt niet na de begintijd \(14:00\)/),
  ]);
  await expect(regels).toHaveText(verwacht, lang);
  await expect(page.getByText('Niet opgeslagen. De controle van de site vindt 1 fout:', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Opslaan', exact: true })).toBeVisible();
  expect(await server.lees(nieuw).catch(() => 'geen bestand')).toBe('geen bestand');
  expect(opslagen).toEqual([]);

  // Fixed, the line goes, and the save goes through.
  await page.getByLabel('Eindtijd (optioneel)').fill('16:00');
  await bewaar(page);
  await expect.poll(() => server.lees(nieuw).catch(() => ''), lang).toContain('eindtijd: "16:00"');
  await expect(regels).toHaveCount(0);
  expect(opslagen).toHaveLength(1);

  // An existing event: each mistake refused with the check's line, the file unchanged.
  const bijeenkomst = 'src/content/bijeenkomsten/opgavegericht-besturen.md';
  const origineel = await server.lees(bijeenkomst);
  const gevallen: { wat: string; doe: () => Promise<void>; bestand: string }[] = [
    {
      wat: 'inschrijven tot na de bijeenkomst',
      doe: () => page.getByLabel('Inschrijven kan tot en met (optioneel)').fill('2027-11-05'),
      bestand: origineel.replace('  status: open\n', '  status: open\n  tot: 2027-11-05\n'),
    },
    {
      wat: 'een locatie zonder plaats',
      doe: () => page.getByLabel('Naam van het gebouw').fill('Stadhuis'),
      bestand: origineel.replace('vorm: fysiek\n', 'locatie:\n  naam: Stadhuis\nvorm: fysiek\n'),
    },
    {
      wat: 'geen organisator',
      doe: async () => {
        const namen = page.getByLabel('organisator', { exact: true });
        await expect(namen).toHaveCount(2);
        while ((await namen.count()) > 0) {
          // The list item's own bar: its last button removes it.
          await namen.first().locator('xpath=ancestor::*[.//button][1]').locator('button').last().click();
        }
      },
      bestand: origineel.replace('organisatoren:\n  - VPNG\n  - Wethoudersvereniging\n', 'organisatoren: []\n'),
    },
  ];
  for (const { wat, doe, bestand } of gevallen) {
    await test.step(wat, async () => {
      await openBestand(page, server.basis, 'bijeenkomsten', 'opgavegericht-besturen');
      await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(/^Opgavegericht besturen/, lang);
      await doe();
      await klikOpslaan(page);
      const lijnen = controleerBestand('bijeenkomsten', bijeenkomst, bestand);
      expect(lijnen.length, wat).toBeGreaterThan(0);
      await expect(regels).toHaveText(lijnen, lang);
      expect(await server.lees(bijeenkomst)).toBe(origineel);
      expect(opslagen).toHaveLength(1);
    });
  }
  expect(schendingen).toEqual([]);
});

import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import { Resvg } from '@resvg/resvg-js';
import { controleerInhoud } from '../src/inhoud/controle.ts';
import { geldig } from '../testhulp/inschrijving.ts';
import { type Ontwikkelserver, startOntwikkelserver } from './ontwikkelserver.ts';

/**
 * What an editor sees with `npm start` open in the browser while editing Markdown: a
 * mistake appears on the page in Dutch, the server keeps running, and the page recovers
 * by itself once the file is fixed. A draft is there, marked as one. Runs `astro dev` in
 * a temporary copy of the project (e2e/ontwikkelserver.ts), never on the real content.
 * That the build leaves a draft out is shown in scripts/inhoud-build.test.ts.
 */

// One dev server for the whole file; the steps build on each other. A loaded machine
// needs time for the first start and for every reload.
test.describe.configure({ mode: 'serial', timeout: 180_000 });
const herladen = { timeout: 60_000 };

const bijeenkomst = 'src/content/bijeenkomsten/opgavegericht-besturen.md';
let server: Ontwikkelserver;
let origineel: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Started with the mistake the issue reported: a day that does not exist.
  server = await startOntwikkelserver(async (map) => {
    origineel = await readFile(join(map, bijeenkomst), 'utf8');
    await writeFile(join(map, bijeenkomst), origineel.replace('datum: 2027-11-04', 'datum: 2027-02-30'));
  });
});
test.afterAll(async () => server?.stop());
test.afterEach(async () => {
  const info = test.info();
  if (info.status !== info.expectedStatus) await info.attach('astro dev', { body: server.uitvoer(), contentType: 'text/plain' });
});

/** Opens a page and waits until Vite's client in it listens, so a later save reloads it by itself. */
async function open(page: Page, pad: string): Promise<void> {
  const verbonden = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 60_000 });
  await page.goto(`${server.basis}${pad}`);
  await verbonden;
}

const meldingen = (page: Page) => page.locator('[data-inhoud-meldingen]');

/** Nothing an editor cannot read: no English error words, no stack trace. */
async function zonderEngels(page: Page): Promise<void> {
  // What is on screen, not the text of scripts and hidden elements.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what an editor reads
  const tekst = await page.locator('body').innerText();
  expect(tekst).not.toMatch(/\berror\b|exception|stack|undefined|\bat .+:\d+:\d+/i);
}

test('een fout bij het starten: de server draait, de pagina toont de Nederlandse regel, en herstelt zich na het verbeteren', async ({
  page,
}) => {
  // The very lines `npm run check:inhoud` prints.
  const { fouten } = await controleerInhoud(server.map);
  expect(fouten).toEqual([`${bijeenkomst}: veld "datum": bestaat niet in de kalender. Voorbeeld: datum: 2027-11-04`]);

  await open(page, '/');
  await expect(meldingen(page)).toBeVisible();
  await expect(meldingen(page)).toContainText('De inhoud bevat 1 fout.');
  await expect(meldingen(page).locator('li')).toHaveText(fouten);
  // The impossible day is not shown as another one.
  await expect(page.locator('main')).not.toContainText('maart 2027');
  await expect(page.locator('main')).not.toContainText('Eerstvolgende bijeenkomst');
  await zonderEngels(page);

  // The editor fixes the file; the page follows without a click.
  await server.schrijf(bijeenkomst, origineel);
  await expect(meldingen(page)).toHaveCount(0, herladen);
  await expect(page.getByRole('heading', { name: 'Eerstvolgende bijeenkomst' })).toBeVisible(herladen);
  await expect(page.locator('.volgende time')).toHaveText(/4 november 2027/, herladen);
  expect(server.uitvoer()).not.toMatch(/InvalidContentEntryDataError|Failed to reload|Internal server error/);
});

test('een fout terwijl de pagina open staat: de melding verschijnt vanzelf, en de pagina komt terug', async ({ page }) => {
  await open(page, '/bijeenkomsten/opgavegericht-besturen/');
  await expect(page.locator('h1')).toHaveText(/^Opgavegericht besturen/);

  await server.pasAan(bijeenkomst, 'vorm: fysiek', 'vorm: fysiek\ntijd: "13:30"');
  await expect(meldingen(page)).toBeVisible(herladen);
  await expect(meldingen(page).locator('li')).toHaveText(
    [new RegExp(`^${bijeenkomst}: veld "tijd": is een onbekend veld; bedoel je "begintijd"\\? .*Voorbeeld: begintijd: "13:30"$`)],
    herladen,
  );
  // The file is left out until it is fixed; the page says so.
  await expect(page.locator('main')).toContainText(`Deze pagina komt uit ${bijeenkomst}, en in dat bestand zit een fout`, herladen);
  await zonderEngels(page);

  await server.schrijf(bijeenkomst, origineel);
  await expect(meldingen(page)).toHaveCount(0, herladen);
  await expect(page.locator('h1')).toHaveText(/^Opgavegericht besturen/, herladen);
  expect(server.uitvoer()).not.toMatch(/glob-loader|data does not match collection schema/);
});

test('een pagina die herlaadt terwijl er opnieuw bewaard wordt, blijft niet achter bij het bestand', async ({ page }) => {
  // Vite's messages to the page pass through here; `onderweg` drops them, as a page that
  // is reloading no longer acts on them (the reload it would start is not made).
  let onderweg = false;
  let verbindingen = 0;
  await page.routeWebSocket(
    () => true,
    (pagina) => {
      verbindingen++;
      const vite = pagina.connectToServer();
      pagina.onMessage((bericht) => vite.send(bericht));
      vite.onMessage((bericht) => {
        if (!onderweg) pagina.send(bericht);
      });
    },
  );
  await open(page, '/bijeenkomsten/opgavegericht-besturen/');
  await expect(page.locator('h1')).toHaveText(/^Opgavegericht besturen/);
  expect(verbindingen).toBe(1);

  // After the first save Astro reloads the page. That reload is slow, as on a busy machine:
  // the page is made with the first save, and while it is on its way the editor saves
  // again, so Astro's reload for the second save (and every other message) reaches no page.
  const adres = `${server.basis}/bijeenkomsten/opgavegericht-besturen/`;
  let eerst = true;
  await page.route(adres, async (route) => {
    if (!eerst) return route.continue();
    eerst = false;
    onderweg = true;
    const metEersteVersie = await route.fetch();
    await server.pasAan(bijeenkomst, /^titel: .*$/m, 'titel: Tweede versie');
    await expect.poll(async () => (await fetch(adres)).text(), herladen).toMatch(/<h1[^>]*>Tweede versie<\/h1>/);
    // Longer than the second after a save in which the pages hear that the content changed.
    await new Promise((klaar) => setTimeout(klaar, 2000));
    onderweg = false;
    await route.fulfill({ response: metEersteVersie });
  });
  await server.pasAan(bijeenkomst, /^titel: .*$/m, 'titel: Eerste versie');

  await expect(page.locator('h1')).toHaveText('Tweede versie', herladen);
  // The slow reload happened, and the page it brought connected through here too.
  expect(eerst).toBe(false);
  expect(verbindingen).toBeGreaterThanOrEqual(2);
  await page.unroute(adres);
  await server.schrijf(bijeenkomst, origineel);
  await expect(page.locator('h1')).toHaveText(/^Opgavegericht besturen/, herladen);
});

test('een concept uit npm run nieuw staat in dev op de site, met de balk, en de inschrijffunctie van dev kent het', async ({
  page,
  request,
}) => {
  const nieuw = await promisify(execFile)(process.execPath, ['scripts/nieuw.ts', 'Concept bijeenkomst'], { cwd: server.map });
  expect(nieuw.stdout).toContain('Nieuwe bijeenkomst, als concept: src/content/bijeenkomsten/concept-bijeenkomst.md');
  // The address of the server that runs, on the port it got (not 4321).
  expect(nieuw.stdout).toContain(`Bekijk hem op ${server.basis}/bijeenkomsten/concept-bijeenkomst/\n`);

  await expect(async () => {
    await open(page, '/bijeenkomsten/concept-bijeenkomst/');
    await expect(page.locator('h1')).toHaveText('Concept bijeenkomst', { timeout: 1000 });
  }).toPass(herladen);
  await expect(page.locator('[data-concept]')).toHaveText(/^Concept — niet gepubliceerd\./, herladen);
  // The template's placeholder texts are fine in a draft.
  await expect(meldingen(page)).toHaveCount(0, herladen);

  await open(page, '/');
  await expect(page.locator('.kaart', { hasText: 'Concept bijeenkomst' })).toContainText('Concept — niet gepubliceerd', herladen);

  // Dev shows drafts, so its function knows them: the form on the draft's page works (the mail lands in the copy's outbox).
  await expect(async () => {
    const antwoord = await request.post(`${server.basis}/api/inschrijven`, {
      data: { ...geldig, bijeenkomst: 'concept-bijeenkomst' },
      headers: { accept: 'application/json' },
    });
    expect(antwoord.status()).toBe(200);
  }).toPass(herladen);
});

test('zonder concept: true noemt de pagina elke voorbeeldtekst uit het sjabloon, met het veld', async ({ page }) => {
  const concept = 'src/content/bijeenkomsten/concept-bijeenkomst.md';
  await open(page, '/bijeenkomsten/concept-bijeenkomst/');
  await expect(page.locator('[data-concept]')).toBeVisible();

  await server.pasAan(concept, /^concept: true\n/m, '');
  await expect(meldingen(page)).toBeVisible(herladen);
  await expect(meldingen(page).locator('li')).toHaveText(
    [
      new RegExp(`^${concept}: veld "samenvatting": is nog de voorbeeldzin uit het sjabloon \\("Pas deze zin aan\\. …"\\)`),
      new RegExp(`^${concept}: tekst onder de velden: bevat nog voorbeeldtekst uit het sjabloon`),
    ],
    herladen,
  );
  // Still shown while the editor works on it, no longer as a draft. The placeholder date is no mistake:
  // it is marked as not confirmed (onbevestigd: [datum]), and the page says so.
  await expect(page.locator('h1')).toHaveText('Concept bijeenkomst', herladen);
  await expect(page.locator('main')).toContainText('(datum nog te bevestigen)');
  await expect(page.locator('[data-concept]')).toHaveCount(0, herladen);
  await zonderEngels(page);
  // Its mistakes would stay on every page of the tests below.
  await rm(join(server.map, concept));
});

test('de terminal van npm start toont alleen de Nederlandse regels die ertoe doen, ook terwijl een bestand een fout heeft', async ({
  page,
  request,
}) => {
  // As the editor reads it: without the colours.
  const bij = (vanaf: number) => stripVTControlCharacters(server.uitvoer().slice(vanaf));
  // At the start: where the site runs, in Dutch; no invitation to upgrade Astro, no English banner.
  expect(server.uitvoer()).toContain(`De site draait op ${server.basis}/\nDe redactie: ${server.basis}/admin/\n`);
  expect(server.uitvoer()).not.toMatch(/New version of Astro|@astrojs\/upgrade|ready in|watching for file changes/);

  await server.schrijf(bijeenkomst, origineel);
  await open(page, '/bijeenkomsten/opgavegericht-besturen/');
  await expect(meldingen(page)).toHaveCount(0, herladen);
  await expect.poll(() => server.uitvoer(), herladen).toMatch(/Inhoud in orde|Nog te bevestigen/);
  const voor = server.uitvoer().length;

  // A broken save, with the page open: it reloads, and is asked for again while the file is broken.
  await server.pasAan(bijeenkomst, 'vorm: fysiek', 'vorm: fysiek\ntijd: "13:30"');
  await expect(meldingen(page)).toBeVisible(herladen);
  await expect.poll(() => bij(voor), herladen).toContain('De inhoud bevat 1 fout:');
  // The route list follows the broken file a moment after the check's line: wait for its 404, then ask twice more.
  const status = async () => (await request.get(`${server.basis}/bijeenkomsten/opgavegericht-besturen/`)).status();
  await expect.poll(status, herladen).toBe(404);
  for (let i = 0; i < 2; i++) expect(await status()).toBe(404);
  // Fixed again: its line comes after everything the broken file made the server print.
  await server.schrijf(bijeenkomst, origineel);
  await expect.poll(() => bij(voor), herladen).toContain('Inhoud in orde');

  const regels = bij(voor).split('\n');
  expect(bij(voor)).not.toMatch(/getStaticPaths|Possible dynamic routes|Reloaded data|\[\d{3}\]|\[(vite|content|types|router)\]|gebouwd/);
  // Every line the server started is the content check's; the others are its lines' continuation.
  const begonnen = regels.filter((r) => /^\d\d:\d\d:\d\d /.test(r));
  expect(begonnen.length).toBeGreaterThanOrEqual(2);
  for (const r of begonnen) expect(r).toMatch(/^\d\d:\d\d:\d\d (\[WARN\] )?\[inhoud-controle\] (De inhoud bevat 1 fout:|Inhoud in orde)/);
  expect(regels).toContain(
    `${bijeenkomst}: veld "tijd": is een onbekend veld; bedoel je "begintijd"? Velden hier: titel, samenvatting, datum, begintijd, eindtijd, locatie, onbevestigd, vorm, sprekers, organisatoren, doelgroep, contact, inschrijving, concept. Voorbeeld: begintijd: "13:30"`,
  );
});

/** A wide photo as a PNG, as an editor would upload one: far wider than any text column. */
function brederFoto(): Buffer {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="800">' +
    '<rect width="2400" height="800" fill="#0b3d6e"/><circle cx="1200" cy="400" r="300" fill="#ffbf47"/></svg>';
  return new Resvg(svg).render().asPng();
}

test('een afbeelding zoals een redacteur hem toevoegt, wordt gecontroleerd en blijft in de tekstkolom, op 390 en 1280 px', async ({
  page,
}) => {
  // In the editing UI's media folder (src/redactie/config.ts), referenced from the Markdown.
  await mkdir(join(server.map, 'public/afbeeldingen'), { recursive: true });
  await writeFile(join(server.map, 'public/afbeeldingen/zaal.png'), brederFoto());
  const kop = '## Gemeenten gaan opgavegericht werken';
  await server.schrijf(bijeenkomst, origineel);
  await open(page, '/bijeenkomsten/opgavegericht-besturen/');
  await expect(meldingen(page)).toHaveCount(0, herladen);

  // Without a description the check says so, on the page, in Dutch.
  await server.pasAan(bijeenkomst, kop, `![](/afbeeldingen/zaal.png)\n\n${kop}`);
  await expect(meldingen(page).locator('li')).toHaveText(
    [new RegExp(`^${bijeenkomst}: regel \\d+: de afbeelding /afbeeldingen/zaal\\.png heeft geen beschrijving \\(alt-tekst\\)\\.`)],
    herladen,
  );
  await server.pasAan(bijeenkomst, '![](/afbeeldingen/zaal.png)', '![Een zaal vol mensen](/afbeeldingen/zaal.png)');
  await expect(meldingen(page)).toHaveCount(0, herladen);
  expect((await controleerInhoud(server.map)).fouten).toEqual([]);

  const beeld = page.getByRole('img', { name: 'Een zaal vol mensen' });
  const praktisch = page.getByRole('complementary', { name: 'Praktisch' });
  for (const breedte of [1280, 390]) {
    await page.setViewportSize({ width: breedte, height: 900 });
    await expect(beeld).toBeVisible(herladen);
    await expect.poll(() => beeld.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2400);
    const b = await beeld.boundingBox();
    const p = await praktisch.boundingBox();
    const tekst = await page.getByRole('heading', { name: 'Gemeenten gaan opgavegericht werken' }).boundingBox();
    if (!b || !p || !tekst) throw new Error('afbeelding, tekstkolom of Praktisch niet op de pagina');
    // Within the column its text uses, in proportion, and the page does not scroll sideways.
    expect(b.x, `${breedte} px`).toBeGreaterThanOrEqual(tekst.x - 1);
    expect(b.x + b.width, `${breedte} px`).toBeLessThanOrEqual(tekst.x + tekst.width + 1);
    expect(b.height / b.width).toBeCloseTo(800 / 2400, 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // Beside the box on a wide screen, above or below it on a phone: never under it.
    const los = p.x >= b.x + b.width || p.x + p.width <= b.x || p.y >= b.y + b.height || p.y + p.height <= b.y;
    expect(los, `${breedte} px: de afbeelding schuift onder Praktisch`).toBe(true);
    // For a person to look at, in the report.
    await beeld.scrollIntoViewIfNeeded();
    const foto = test.info().outputPath(`afbeelding-${breedte}.png`);
    await page.screenshot({ path: foto });
    await test.info().attach(`afbeelding in de tekstkolom, ${breedte} px`, { path: foto, contentType: 'image/png' });
  }
  await server.schrijf(bijeenkomst, origineel);
});

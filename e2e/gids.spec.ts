import { readdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

/** The chapters as the editors wrote them: file name and `volgorde` from the frontmatter. */
const map = new URL('../src/content/gids/', import.meta.url);
const hoofdstukken = readdirSync(map)
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const bron = readFileSync(new URL(f, map), 'utf8');
    const volgorde = Number(/^volgorde:\s*(\d+)\s*$/m.exec(bron)?.[1]);
    const koppen = [...bron.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
    return { bestand: f, pad: `/gids/${f.replace(/\.md$/, '')}/`, volgorde, koppen };
  })
  .sort((a, b) => a.volgorde - b.volgorde);
const inLeesvolgorde = hoofdstukken.map((h) => h.pad);

const inhoud = (page: Page) => page.getByRole('navigation', { name: 'Inhoud', exact: true });
const vorigVolgend = (page: Page) => page.getByRole('navigation', { name: 'Vorig en volgend hoofdstuk' });

test('de gids heeft hoofdstukken over alle onderwerpen van de bijeenkomst', () => {
  for (const pad of ['/gids/besturen/', '/gids/sturen/', '/gids/presteren/', '/gids/leren/', '/gids/opgavemanager/']) {
    expect(inLeesvolgorde).toContain(pad);
  }
  expect(hoofdstukken.length).toBeGreaterThanOrEqual(9);
});

const bronnenKop = 'Waar dit hoofdstuk vandaan komt';

test('elk hoofdstuk eindigt met waar zijn inhoud vandaan komt', () => {
  for (const { bestand, koppen } of hoofdstukken) {
    expect(koppen.at(-1), `${bestand}: laatste tussenkop`).toBe(bronnenKop);
  }
});

test('/gids/ stelt de gids voor en zegt dat dit geen samenvatting van het boek is', async ({ page }) => {
  await page.goto('/gids/');
  const main = page.locator('main');
  await expect(main.getByText('Opgavegericht werken, langs vier invalshoeken op weg naar een adaptieve gemeente')).toBeVisible();
  await expect(main).toContainText('30 november 2020');
  await expect(main).toContainText('Enrico Kraijo (VPNG) en Hans van der Heijden (gemeente Rotterdam)');
  await expect(main).toContainText('meer dan 180 gemeenten en provincies');
  await expect(main).toContainText('Geen samenvatting van het boek.');
  await expect(main).toContainText('Onderaan elk hoofdstuk staat wat waarvandaan komt.');
  await expect(main).not.toContainText('samengevat');
  await expect(main).toContainText('bij de VPNG bestellen, of het als pdf');
});

test('elk hoofdstuk staat in de inhoudsopgave, in volgorde, en elke link werkt', async ({ page }) => {
  test.slow(); // one page load per chapter, on a shared machine
  await page.goto('/gids/');
  const links = inhoud(page).getByRole('link');
  await expect(links).toHaveCount(hoofdstukken.length);
  const toc = await links.evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), titel: a.textContent?.trim() })));
  expect(toc.map((l) => l.href)).toEqual(inLeesvolgorde);

  // The first link is followed by a click; every href then comes from the table of contents itself.
  await links.first().click();
  for (const [i, { href, titel }] of toc.entries()) {
    if (i > 0) expect((await page.goto(href!))?.status()).toBe(200);
    await expect(page).toHaveURL(inLeesvolgorde[i]!);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText(titel!);
    await expect(page.getByText(`Hoofdstuk ${i + 1} van ${hoofdstukken.length}`)).toBeVisible();
    await expect(page.locator('main')).toContainText(/Leestijd: (1 minuut|[2-9]\d* minuten)/);
  }
});

test('de keten vorige/volgende loopt in volgorde door alle hoofdstukken, heen en terug', async ({ page }) => {
  test.slow(); // two page loads per chapter, on a shared machine
  await page.goto(inLeesvolgorde[0]!);
  await expect(vorigVolgend(page).getByRole('link', { name: /Vorig hoofdstuk/ })).toHaveCount(0);
  const heen = [new URL(page.url()).pathname];
  for (;;) {
    const volgende = vorigVolgend(page).locator('a[rel="next"]');
    if ((await volgende.count()) === 0) break;
    await expect(page.locator('link[rel="next"]')).toHaveAttribute('href', (await volgende.getAttribute('href'))!);
    await volgende.click();
    await expect(page.locator('h1')).toHaveCount(1);
    heen.push(new URL(page.url()).pathname);
    expect(heen.length, 'de keten loopt in een kring').toBeLessThanOrEqual(hoofdstukken.length);
  }
  expect(heen).toEqual(inLeesvolgorde);

  const terug = [new URL(page.url()).pathname];
  for (;;) {
    const vorige = vorigVolgend(page).locator('a[rel="prev"]');
    if ((await vorige.count()) === 0) break;
    await vorige.click();
    terug.push(new URL(page.url()).pathname);
    expect(terug.length, 'de keten loopt in een kring').toBeLessThanOrEqual(hoofdstukken.length);
  }
  expect(terug).toEqual([...inLeesvolgorde].reverse());
});

test('een hoofdstuk opent met een samenvatting en leestijd, en elk kopje heeft een link naar zichzelf', async ({ page }) => {
  await page.goto('/gids/besturen/');
  const artikel = page.locator('article');
  await expect(artikel.locator('header .inleiding')).toContainText('besturingsmodel');
  await expect(artikel.getByText(/^Leestijd: \d+ (minuut|minuten)$/)).toBeVisible();

  const kopjes = artikel.locator('.lopende-tekst h2');
  expect(await kopjes.count()).toBeGreaterThan(1);
  const kop = page.getByRole('heading', { name: 'Het 5R-model als bouwsteen', level: 2 });
  await expect(kop).toHaveAttribute('id', 'het-5r-model-als-bouwsteen');
  const anker = page.getByRole('link', { name: 'Link naar ‘Het 5R-model als bouwsteen’' });
  await expect(anker).toHaveAttribute('href', '#het-5r-model-als-bouwsteen');
  await anker.click();
  await expect(page).toHaveURL(/#het-5r-model-als-bouwsteen$/);
  await expect(kop).toBeInViewport();
  for (const tekst of ['richting', 'ruimte', 'resultaten', 'rekenschap', 'relatie', 'Rijksoverheid']) {
    await expect(artikel).toContainText(tekst);
  }
  // Where the content comes from: the chapter's own section, listed in its table of contents, and the note under it.
  await expect(page.getByRole('heading', { name: bronnenKop, level: 2 })).toBeVisible();
  await expect(artikel.locator('strong', { hasText: 'Van de redactie:' })).toBeVisible();
  await expect(artikel).toContainText('geen samenvatting van het boek');
  await expect(artikel).not.toContainText('vat de inspiratiegids');
});

test('de inhoudsopgave staat naast de tekst op een breed scherm en ingeklapt erboven op een telefoon', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/gids/sturen/');
  const zijkant = page.locator('aside').getByRole('navigation', { name: 'Inhoud van de gids' });
  await expect(zijkant).toBeVisible();
  await expect(page.getByText('Inhoud van de gids', { exact: true }).and(page.locator('summary'))).toBeHidden();
  const tekst = await page.locator('article').boundingBox();
  const inhoudBox = await zijkant.boundingBox();
  expect(inhoudBox!.x).toBeGreaterThan(tekst!.x + tekst!.width - 1);
  await expect(zijkant.getByRole('link', { name: 'Opgavegericht sturen: rollen en samenhang' })).toHaveAttribute('aria-current', 'page');
  await expect(zijkant.getByRole('link', { name: 'Drie rollen rond een opgave' })).toHaveAttribute('href', '#drie-rollen-rond-een-opgave');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(zijkant).toBeHidden();
  const uitklap = page.locator('details.inhoud-uitklap');
  await expect(uitklap).toBeVisible();
  await expect(uitklap).not.toHaveAttribute('open');
  const kop = await page.locator('h1').boundingBox();
  expect((await uitklap.boundingBox())!.y).toBeGreaterThan(kop!.y);
  expect((await uitklap.boundingBox())!.y).toBeLessThan((await page.locator('.lopende-tekst').boundingBox())!.y);
  await uitklap.getByText('Inhoud van de gids').click();
  const nav = uitklap.getByRole('navigation', { name: 'Inhoud van de gids' });
  await nav.getByRole('link', { name: 'De rol van de opgavemanager' }).click();
  await expect(page).toHaveURL('/gids/opgavemanager/');
});

test('een hoofdstuk leidt naar de eerstvolgende bijeenkomst, en de bijeenkomst terug naar de gids', async ({ page }) => {
  await page.goto('/gids/integraal-werken-en-portefeuilles/');
  await page.getByRole('link', { name: /^Naar de bijeenkomst/ }).click();
  await expect(page).toHaveURL('/bijeenkomsten/opgavegericht-besturen/');
  await expect(page.locator('h1')).toHaveText('Opgavegericht besturen, speciaal voor wethouders en opgavemanagers');

  await page.locator('main').getByRole('link', { name: 'inspiratiegids ‘Opgavegericht werken’' }).click();
  await expect(page).toHaveURL('/gids/');
  await expect(page.locator('h1')).toHaveText('Inspiratiegids ‘Opgavegericht werken’');
});

test('de startpagina toont de hoofdstukken van de gids', async ({ page }) => {
  await page.goto('/');
  const lijst = page.getByRole('navigation', { name: 'Hoofdstukken van de inspiratiegids' });
  const hrefs = await lijst.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(inLeesvolgorde);
  await lijst.getByRole('link', { name: 'Wat is een opgave?' }).click();
  await expect(page.locator('h1')).toHaveText('Wat is een opgave?');
});

test('bij het printen blijven navigatie en inhoudsopgave weg', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/gids/leren/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.lopende-tekst')).toBeVisible();
  for (const naam of ['Inhoud van de gids', 'Vorig en volgend hoofdstuk', 'Hoofdmenu']) {
    for (const nav of await page.getByRole('navigation', { name: naam, includeHidden: true }).all()) {
      await expect(nav).toBeHidden();
    }
  }
  await expect(page.locator('.kop-anker__link').first()).toBeHidden();
});

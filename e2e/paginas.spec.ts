import { expect, test } from '@playwright/test';

const paginas = [
  { pad: '/', h1: 'Opgavegericht besturen' },
  { pad: '/bijeenkomsten/', h1: 'Bijeenkomsten' },
  { pad: '/bijeenkomsten/opgavegericht-besturen/', h1: 'Opgavegericht besturen, speciaal voor wethouders en opgavemanagers' },
  { pad: '/gids/', h1: 'Inspiratiegids ‘Opgavegericht werken’' },
  { pad: '/wat-doen-we/', h1: 'Wat doen we?' },
  { pad: '/privacy/', h1: 'Privacy' },
  { pad: '/toegankelijkheid/', h1: 'Toegankelijkheid' },
];

for (const { pad, h1 } of paginas) {
  test(`${pad} laadt in het Nederlands met één h1`, async ({ page }) => {
    const antwoord = await page.goto(pad);
    expect(antwoord?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText(h1);
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  });
}

test('het hoofdmenu brengt je naar elke sectie', async ({ page }) => {
  await page.goto('/');
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  for (const [link, h1] of [
    ['Bijeenkomsten', 'Bijeenkomsten'],
    ['Inspiratiegids', 'Inspiratiegids ‘Opgavegericht werken’'],
    ['Wat doen we?', 'Wat doen we?'],
  ] as const) {
    await menu.getByRole('link', { name: link }).click();
    await expect(page.locator('h1')).toHaveText(h1);
    await expect(menu.getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
  }
});

test('een onbekend adres geeft een Nederlandse 404-pagina', async ({ page }) => {
  const antwoord = await page.goto('/bestaat-niet/');
  expect(antwoord?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Pagina niet gevonden');
  await page.getByRole('link', { name: 'De startpagina' }).click();
  await expect(page).toHaveURL('/');
});

test('de skiplink springt naar de inhoud', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skiplink = page.getByRole('link', { name: 'Direct naar de inhoud' });
  await expect(skiplink).toBeFocused();
  await expect(skiplink).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('de bijeenkomstpagina toont alle feiten van de bijeenkomst', async ({ page }) => {
  await page.goto('/bijeenkomsten/opgavegericht-besturen/');
  const main = page.locator('main');
  for (const tekst of [
    'Je bent net als wethouder gestart in een nieuw college',
    'Het sectoraal sturen vanuit macht lijkt op zijn retour',
    'Deze fysieke bijeenkomst organiseert de VPNG in samenwerking met de Wethoudersvereniging.',
    'Op deze bijeenkomst spreekt Enrico Kraijo, directeur van de VPNG',
    'gesprekken met 180 gemeenten en provincies',
    '60 gemeentelijke koplopers',
    'Hans van der Heijden (gemeente Rotterdam)',
    'Wat houdt opgavegericht werken nu werkelijk in?',
    'Welke bestuursstijl past het beste bij opgavegericht werken?',
    'Hoe verhoudt opgavegericht werken zich tot programmasturing en de programmabegroting?',
    'Hoe ga je om met het integrale karakter van opgavegericht werken versus de portefeuilleverdeling?',
    'Welke rol speelt de opgavemanager?',
    'De opzet van de dag is interactief',
    'richt zich specifiek op wethouders en opgavemanagers',
    'donderdag 4 november 2027',
  ]) {
    await expect(main.getByText(tekst).first()).toBeVisible();
  }
  // The date is rendered from the frontmatter in the facts under the title; the Markdown text does not repeat it.
  const feiten = main.getByRole('complementary', { name: 'Praktisch' });
  await expect(feiten.locator('time')).toHaveAttribute('datetime', '2027-11-04');
  await expect(feiten.locator('time')).toHaveText('donderdag 4 november 2027');
  await expect(feiten).toContainText('Fysieke bijeenkomst');
  await expect(main.locator('.bijeenkomst__tekst')).not.toContainText(/\b4 november\b(?! 2027)/);
  await expect(main.getByRole('heading', { name: 'Interactief' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Doelgroep' })).toBeVisible();
  await expect(main.getByText('Aanmelden kan ook per e-mail via t.routers@vpng.nl.')).toBeVisible();
  await expect(main.getByRole('link', { name: 't.routers@vpng.nl' }).first()).toHaveAttribute('href', 'mailto:t.routers@vpng.nl');
});

test('de privacypagina noemt wie verantwoordelijk is, de verwerkers, de bewaartermijn en je rechten', async ({ page }) => {
  await page.goto('/privacy/');
  const main = page.locator('main');
  for (const kop of [
    'Wie is verantwoordelijk?',
    'Welke gegevens, en waarom?',
    'Hoe lang blijven je gegevens bewaard?',
    'Wie verwerkt je gegevens nog meer?',
    'Je rechten',
  ]) {
    await expect(main.getByRole('heading', { name: kop, level: 2 })).toBeVisible();
  }
  await expect(main).toContainText('verwerkingsverantwoordelijke');
  await expect(main.getByRole('link', { name: 't.routers@vpng.nl' })).toHaveAttribute('href', 'mailto:t.routers@vpng.nl');
  for (const verwerker of ['Netlify', 'logbestanden', 'Resend']) await expect(main).toContainText(verwerker);
  await expect(main).toContainText('Autoriteit Persoonsgegevens');
  // Nobody checked what the host logs, so the page must not promise that visits are not recorded.
  await expect(main).not.toContainText('houdt niet bij');
});

test('de toegankelijkheidspagina noemt de controles die echt draaien', async ({ page }) => {
  await page.goto('/toegankelijkheid/');
  const main = page.locator('main');
  for (const tekst of ['axe', 'met en zonder JavaScript', 'Nu Html Checker', 'Tab-toets', '4,5:1']) await expect(main).toContainText(tekst);
  await expect(main).not.toContainText('200%');
});

import { expect, test } from '@playwright/test';
import { openHoofdmenu } from './menu.ts';

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

// The menu is what a narrow screen folds or wraps first.
test('het hoofdmenu brengt je naar elke sectie', { tag: '@layout' }, async ({ page }) => {
  await page.goto('/');
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  for (const [link, h1] of [
    ['Bijeenkomsten', 'Bijeenkomsten'],
    ['Inspiratiegids', 'Inspiratiegids ‘Opgavegericht werken’'],
    ['Wat doen we?', 'Wat doen we?'],
  ] as const) {
    await openHoofdmenu(page);
    await menu.getByRole('link', { name: link }).click();
    await expect(page.locator('h1')).toHaveText(h1);
    await openHoofdmenu(page);
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

test('de skiplink springt naar de inhoud', { tag: '@layout' }, async ({ page }) => {
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
    'gesprekken met meer dan 180 gemeenten en provincies',
    '60 gemeentelijke koplopers',
    'Hans van der Heijden (gemeente Rotterdam)',
    'Wat houdt opgavegericht werken nu werkelijk in?',
    'Welke bestuursstijl past het beste bij opgavegericht werken?',
    'Hoe verhoudt opgavegericht werken zich tot programmasturing en de programmabegroting?',
    'Hoe ga je om met het integrale karakter van opgavegericht werken versus de portefeuilleverdeling?',
    'Welke rol speelt de opgavemanager?',
    'De opzet van de dag is interactief',
    'richt zich specifiek op wethouders en opgavemanagers',
  ]) {
    await expect(main.getByText(tekst).first()).toBeVisible();
  }
  // The date is rendered from the frontmatter in the facts under the title; the Markdown text does not repeat it. The
  // seed gives no year, so the page says so (onbevestigd: jaar), without a weekday, and machines get no year.
  const feiten = main.getByRole('complementary', { name: 'Praktisch' });
  await expect(feiten.locator('dt', { hasText: 'Datum' }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    '4 november 2027 (jaar nog te bevestigen)',
  );
  await expect(feiten.locator('time')).toHaveAttribute('datetime', '11-04');
  await expect(feiten).toContainText('Fysieke bijeenkomst');
  await expect(main.locator('.bijeenkomst__tekst')).not.toContainText(/\b4 november\b(?! 2027)/);
  await expect(main.getByRole('heading', { name: 'Interactief' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Doelgroep' })).toBeVisible();
  await expect(main.getByText('Aanmelden kan ook per e-mail via t.routers@vpng.nl.')).toBeVisible();
  await expect(main.getByRole('link', { name: 't.routers@vpng.nl' }).first()).toHaveAttribute('href', 'mailto:t.routers@vpng.nl');
});

test('de privacypagina zegt wat de code doet: verantwoordelijke, grondslag, afmeldlink, logboeken, verwerkers, bewaartermijn per kopie, rechten, en wat nog te bevestigen is', async ({
  page,
}) => {
  await page.goto('/privacy/');
  const main = page.locator('main');
  for (const kop of [
    'Nog te bevestigen',
    'Wie is verantwoordelijk?',
    'Welke gegevens, en waarvoor?',
    'Waarom dit mag',
    'Wat er met je inschrijving gebeurt',
    'Je afmeldlink, en afmelden',
    'Logboeken en de remmen op misbruik',
    'Hoe lang blijven je gegevens bewaard?',
    'Wie verwerkt je gegevens nog meer?',
    'Je rechten',
  ]) {
    await expect(main.getByRole('heading', { name: kop, level: 2 })).toBeVisible();
  }
  // What the sources do not say is on the page as open, in the list at the top and where it plays.
  await expect(main.locator('section[aria-labelledby="nog-te-bevestigen"] li')).toHaveCount(7);
  expect(await main.getByText('nog te bevestigen', { exact: true }).count()).toBeGreaterThanOrEqual(7);
  for (const tekst of [
    'verwerkingsverantwoordelijke',
    'toestemming',
    'gerechtvaardigd belang',
    'blijft dan rechtmatig',
    'een link om de bijeenkomst in je agenda te zetten',
    'versleuteld',
    'tot het einde van de bijeenkomst',
    'Afmelden wist niets.',
    'Hooguit 3 bevestigingen per uur',
    '24 uur',
    'Verenigde Staten',
    'Via deze website krijgt de Wethoudersvereniging geen gegevens van je',
    'Een dieetwens kan iets zeggen over je gezondheid of je geloof',
    'in de instellingen van de website',
    'Laatst bijgewerkt op',
  ]) {
    await expect(main, tekst).toContainText(tekst);
  }
  // Resend keeps what it sends: the mail to the organiser is not the only copy.
  await expect(main).not.toContainText('enige registratie');
  await expect(main).not.toContainText('met een agendabestand');
  await expect(main.getByRole('link', { name: 't.routers@vpng.nl' })).toHaveAttribute('href', 'mailto:t.routers@vpng.nl');
  for (const verwerker of ['Netlify', 'logboek', 'Resend']) await expect(main).toContainText(verwerker);
  await expect(main).toContainText('Autoriteit Persoonsgegevens');
  // Nobody checked what the host logs, so the page must not promise that visits are not recorded.
  await expect(main).not.toContainText('houdt niet bij');
});

test('de toegankelijkheidspagina noemt de controles die echt draaien', async ({ page }) => {
  await page.goto('/toegankelijkheid/');
  const main = page.locator('main');
  for (const tekst of ['axe', 'met en zonder JavaScript', 'Nu Html Checker', 'Tab-toets', '4,5:1']) await expect(main).toContainText(tekst);
  await expect(main).not.toContainText('200%');
  // Netlify's build does not run the tests: the page must not say every change passes them.
  await expect(main).not.toContainText('Een wijziging wordt pas overgenomen als');
  await expect(main).toContainText('draait ze niet zelf');
});

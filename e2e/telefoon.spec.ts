import { expect, type Locator, type Page, test } from '@playwright/test';

/**
 * The event page on a phone as a secretariat or a wethouder holds it (390×844): what the
 * first screen shows, the header, the order Tab walks, and where the sending status
 * appears. Positions are page coordinates (top of the element plus the scroll), so they do
 * not depend on where the page happens to be scrolled.
 */
const pagina = '/bijeenkomsten/opgavegericht-besturen/';
const SCHERM = { width: 390, height: 844 };

test.use({ viewport: SCHERM });

const vak = async (locator: Locator) => {
  const b = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { boven: r.top + scrollY, onder: r.bottom + scrollY, hoogte: r.height };
  });
  return b;
};

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'met JavaScript' : 'zonder JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('het eerste scherm: titel, datum (één keer), plaats en een knop naar het formulier', { tag: '@layout' }, async ({ page }) => {
      await page.goto(pagina);
      const main = page.locator('main');
      const binnen = async (naam: string, locator: Locator) => {
        await expect(locator, naam).toBeVisible();
        expect((await vak(locator)).onder, `${naam} valt buiten het eerste scherm`).toBeLessThanOrEqual(SCHERM.height);
      };
      await binnen('titel', page.locator('h1'));
      // The date once: one <time>, and the day and month once in the text of the page.
      await expect(main.locator('time')).toHaveCount(1);
      expect((await main.textContent())?.match(/4 november/g)).toHaveLength(1);
      await binnen('datum', main.locator('time'));
      const feiten = page.getByRole('complementary', { name: 'Praktisch' });
      await binnen('plaats', feiten.locator('dt', { hasText: 'Locatie' }).locator('xpath=following-sibling::dd[1]'));
      const knop = main.getByRole('link', { name: 'Schrijf je in' });
      await expect(knop).toHaveAttribute('href', '#inschrijven');
      await binnen('knop naar het formulier', knop);
      // Every value stays inside the box, also a long word such as “Wethoudersvereniging”.
      const rand = await feiten.evaluate((e) => e.getBoundingClientRect().right - parseFloat(getComputedStyle(e).paddingRight));
      for (const waarde of await feiten.locator('dd').all()) {
        const tekst = await waarde.evaluate((e) => {
          const r = document.createRange();
          r.selectNodeContents(e);
          return { rechts: r.getBoundingClientRect().right, tekst: e.textContent?.trim() };
        });
        expect(tekst.rechts, `“${tekst.tekst}” steekt buiten het blok Praktisch`).toBeLessThanOrEqual(rand + 0.5);
      }
    });

    test('de kop van de site is één rij, en het menu gaat open met de links', { tag: '@layout' }, async ({ page }) => {
      await page.goto(pagina);
      const kop = page.getByRole('banner');
      const naam = await vak(kop.getByRole('link', { name: /Opgavegericht besturen/ }));
      const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      const knop = menu.getByText('Menu', { exact: true });
      const menuVak = await vak(knop);
      // One row: the name and the menu button side by side, not one under the other.
      expect(menuVak.boven).toBeLessThan(naam.onder);
      expect(naam.boven).toBeLessThan(menuVak.onder);
      expect((await vak(kop)).hoogte).toBeLessThanOrEqual(Math.max(naam.hoogte, menuVak.hoogte) + 40);
      await expect(menu.getByRole('link', { name: 'Inspiratiegids' })).toBeHidden();
      await knop.click();
      for (const link of ['Bijeenkomsten', 'Inspiratiegids', 'Wat doen we?'])
        await expect(menu.getByRole('link', { name: link })).toBeVisible();
      await menu.getByRole('link', { name: 'Inspiratiegids' }).click();
      await expect(page.locator('h1')).toHaveText('Inspiratiegids ‘Opgavegericht werken’');
    });

    test('Tab gaat de pagina van boven naar beneden af en springt nooit terug omhoog', { tag: '@layout' }, async ({ page }) => {
      await page.goto(pagina);
      const stops = await tabStops(page);
      // Everything that can be reached: the header, the facts, the text, the whole form and the footer.
      expect(stops.map((s) => s.wat)).toEqual(
        expect.arrayContaining(['a “Schrijf je in”', 'a “Agendabestand (.ics)”', 'input “”', 'button “Inschrijven”', 'a “Privacy”']),
      );
      // The skip link (shown over the top of the page while it has focus) and the header's row come
      // first; from the content on, only down.
      expect(stops.findLastIndex((s) => s.waar === 'kop')).toBeLessThan(stops.findIndex((s) => s.waar === 'pagina'));
      const vanafKop = stops.filter((s) => s.waar === 'pagina');
      for (const [i, stop] of vanafKop.entries()) {
        if (i === 0) continue;
        const vorige = vanafKop[i - 1]!;
        expect(
          stop.y,
          `Tab springt van ${vorige.wat} (y = ${vorige.y}) terug omhoog naar ${stop.wat} (y = ${stop.y})`,
        ).toBeGreaterThanOrEqual(vorige.y);
      }
    });
  });
}

interface Stop {
  wat: string;
  y: number;
  waar: 'kop' | 'pagina';
}

/** Every element Tab reaches, once round from the top of the page: what it is, its top in page coordinates, and whether it is in the header row. */
async function tabStops(page: Page): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return undefined;
      const r = el.getBoundingClientRect();
      return {
        wat: `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}”`,
        y: Math.round(r.top + scrollY),
        waar: el.closest('header') || el.matches('.skiplink') ? ('kop' as const) : ('pagina' as const),
      };
    });
    if (!stop || (stops.length > 0 && stop.wat === stops[0]!.wat && stop.y === stops[0]!.y)) break;
    stops.push(stop);
  }
  return stops;
}

test('de verzendstatus staat onder de knop, in beeld', { tag: '@layout' }, async ({ page }) => {
  let laatDoor: () => void = () => {};
  const vrij = new Promise<void>((r) => (laatDoor = r));
  await page.route('**/api/inschrijven', async (route) => {
    await vrij;
    await route.fulfill({ status: 502, json: { ok: false, melding: 'Je inschrijving is NIET ontvangen. Mail naar t.routers@vpng.nl.' } });
  });
  await page.goto(pagina);
  const form = page.locator('form[data-inschrijfformulier]');
  await form.getByLabel('Voornaam').fill('Anna');
  await form.getByLabel('Achternaam').fill('Berg');
  await form.getByLabel('E-mailadres').fill('anna@gemeente.example');
  await form.getByLabel('Organisatie').fill('Gemeente Zwolle');
  await form.getByRole('radio', { name: 'Wethouder' }).check();
  await form.getByRole('checkbox', { name: /Ik geef toestemming/ }).check();
  // Its name changes while sending ("Bezig met versturen…").
  const knop = form.locator('button[type="submit"]');
  await knop.click();
  const status = page.getByRole('status');
  await expect(status).toHaveText('Je inschrijving wordt verstuurd. Een moment geduld.');
  await expect(status).toBeInViewport();
  await expect(knop).toBeInViewport();
  const knopVak = await vak(knop);
  const statusVak = await vak(status);
  expect(statusVak.boven).toBeGreaterThanOrEqual(knopVak.onder);
  expect(statusVak.boven - knopVak.onder).toBeLessThan(SCHERM.height / 4);
  laatDoor();
  // A failed send shows there too, with the organiser's address as a mail link.
  const melding = page.getByRole('alert');
  await expect(melding).toBeVisible();
  expect((await vak(melding)).boven).toBeGreaterThanOrEqual(knopVak.onder);
  await expect(melding).toBeInViewport();
});

import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { chromiumArgs, chromiumPad } from './browser.ts';
import { outboxMailsVoor } from './outbox.ts';

/**
 * What the form script shows and keeps between sends: the page after Back from the bedankt
 * page, errors that look like errors, and the page title while there is one.
 */
test.describe.configure({ timeout: 90_000 });

const pagina = '/bijeenkomsten/opgavegericht-besturen/';
const bedankt = /\/bijeenkomsten\/opgavegericht-besturen\/bedankt\/$/;
const functieTijd = { timeout: 30_000 };

const uniekAdres = (wie: string) => `E2e-${wie}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@Gemeente.example`;

async function vulIn(page: Page, voornaam: string, email: string): Promise<void> {
  const form = page.locator('form[data-inschrijfformulier]');
  await form.getByLabel('Voornaam').fill(voornaam);
  await form.getByLabel('Achternaam').fill('Berg');
  await form.getByLabel('E-mailadres').fill(email);
  await form.getByLabel('Organisatie').fill('Gemeente Zwolle');
  await form.getByRole('radio', { name: 'Wethouder' }).check();
  await form.getByRole('checkbox', { name: /Ik geef toestemming/ }).check();
}

test.describe('terug van de bedankpagina, uit de back-forward cache', () => {
  let browser: Browser;
  // Playwright starts Chromium with --disable-back-forward-cache; people's browsers have it on.
  test.beforeAll(async () => {
    const executablePath = chromiumPad();
    browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: chromiumArgs,
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
    });
  });
  test.afterAll(() => browser.close());

  test('een tweede persoon inschrijven na Terug werkt, en stuurt een tweede paar mails', async ({ baseURL }) => {
    const context = await browser.newContext({ baseURL: baseURL!, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    // A page restored from the back-forward cache fires pageshow with persisted; a reload does not.
    await page.addInitScript(() =>
      addEventListener('pageshow', (e) => {
        if (e.persisted) document.documentElement.dataset.uitCache = 'ja';
      }),
    );
    const eerste = uniekAdres('terug-1');
    const tweede = uniekAdres('terug-2');

    await page.goto(pagina);
    await vulIn(page, 'Anna', eerste);
    await page.getByRole('button', { name: 'Inschrijven' }).click();
    await expect(page).toHaveURL(bedankt, functieTijd);

    // No load event after a restore from the cache: wait for the address, then for the restore itself.
    await page.goBack({ waitUntil: 'commit' });
    await expect(page.locator('html')).toHaveAttribute('data-uit-cache', 'ja');
    await expect(page.getByRole('button', { name: 'Inschrijven' })).toBeVisible();
    await vulIn(page, 'Bert', tweede);
    await page.getByRole('button', { name: 'Inschrijven' }).click();
    await expect(page).toHaveURL(bedankt, functieTijd);

    await expect.poll(async () => (await outboxMailsVoor(eerste)).length, functieTijd).toBe(2);
    await expect.poll(async () => (await outboxMailsVoor(tweede)).length, functieTijd).toBe(2);
    const organisator = (await outboxMailsVoor(tweede)).find((m) => m.subject.startsWith('Inschrijving'));
    expect(organisator?.text).toContain('Bert');
    await context.close();
  });
});

test('een fout ziet er anders uit dan informatie, en het adres van de organisatie is een link', async ({ page }) => {
  const melding =
    'Je inschrijving kon niet worden doorgestuurd. Je inschrijving is NIET ontvangen. Probeer het later opnieuw, of meld je aan per e-mail via t.routers@vpng.nl.';
  await page.route('**/api/inschrijven', (route) => route.fulfill({ status: 502, json: { ok: false, melding } }));
  await page.goto(pagina);
  await vulIn(page, 'Anna', uniekAdres('fout'));
  await page.getByRole('button', { name: 'Inschrijven' }).click();
  const fout = page.getByRole('alert');
  await expect(fout).toHaveText(melding);

  const info = page.locator('#inschrijven .melding', { hasText: 'De inschrijving is open.' });
  const kleuren = (el: Element) => {
    const s = getComputedStyle(el);
    return { rand: s.borderLeftColor, achtergrond: s.backgroundColor };
  };
  const vanFout = await fout.evaluate(kleuren);
  const vanInfo = await info.evaluate(kleuren);
  expect(vanFout.rand).not.toBe(vanInfo.rand);
  expect(vanFout.achtergrond).not.toBe(vanInfo.achtergrond);
  await expect(fout.getByRole('link', { name: 't.routers@vpng.nl' })).toHaveAttribute('href', 'mailto:t.routers@vpng.nl');
});

test('met JavaScript krijgt de titel “Fout: ” zolang het formulier een fout toont, één keer', async ({ page }) => {
  await page.goto(pagina);
  const titel = await page.title();
  const knop = page.getByRole('button', { name: 'Inschrijven' });
  await knop.click();
  await expect(page.getByRole('group', { name: 'Er is een probleem' })).toBeFocused();
  await expect(page).toHaveTitle(`Fout: ${titel}`);
  await knop.click();
  await expect(page).toHaveTitle(`Fout: ${titel}`);

  // Corrected and on its way: no error any more.
  await page.route('**/api/inschrijven', () => {});
  await vulIn(page, 'Anna', uniekAdres('titel'));
  await knop.click();
  await expect(page.getByRole('status')).toHaveText(/wordt verstuurd/);
  await expect(page).toHaveTitle(titel);
});

test('het script laadt na de eerste weergave; wie eerder verstuurt, wacht op het script en verstuurt met JavaScript', async ({ page }) => {
  // The script file is slow to arrive: the person is quicker.
  let laatScriptDoor: () => void = () => {};
  const scriptVrij = new Promise<void>((r) => (laatScriptDoor = r));
  await page.route('**/_astro/InschrijfSectie*.js', async (route) => {
    await scriptVrij;
    await route.continue();
  });
  const verzoeken: { accept: string | undefined }[] = [];
  await page.route('**/api/inschrijven', (route) => {
    verzoeken.push({ accept: route.request().headers().accept });
    return route.fulfill({ status: 502, json: { ok: false, melding: 'Je inschrijving is NIET ontvangen.' } });
  });
  await page.goto(pagina);
  // Not in the HTML as a file the browser fetches with the page: an inline loader imports it.
  await expect(page.locator('script[src*="/_astro/"]')).toHaveCount(0);
  await vulIn(page, 'Anna', uniekAdres('vroeg'));
  await page.getByRole('button', { name: 'Inschrijven' }).click();
  expect(verzoeken).toEqual([]);
  laatScriptDoor();
  // Sent once, by the script (it asks for JSON), and its message shows on the page.
  await expect(page.getByRole('alert')).toHaveText('Je inschrijving is NIET ontvangen.');
  expect(verzoeken).toEqual([{ accept: 'application/json' }]);
  await expect(page).toHaveURL(new RegExp(`${pagina}$`));
});

import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPad } from '../e2e/browser.ts';
import { startOntwikkelserver } from '../e2e/ontwikkelserver.ts';
import { sjabloon } from './nieuw.ts';

/**
 * Takes the screenshots of the editing UI in the editors' handbook (docs/redactie/README.md,
 * chapter 13) anew, in `astro dev` in a copy of the project (e2e/ontwikkelserver.ts):
 *
 *   node scripts/cms-schermafbeeldingen.ts
 *
 * In Dutch, as an editor's browser shows it: dates and times in native fields follow the
 * browser's own language, which Chromium takes from its locale files (on Debian the package
 * chromium-l10n), not from the page's locale.
 */

const server = await startOntwikkelserver(async () => {});
// A draft beside the event, for the list.
await server.schrijf('src/content/bijeenkomsten/kennismiddag-programmasturing.md', sjabloon('Kennismiddag programmasturing', '2027-12-08'));
const executablePath = chromiumPad();
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [...chromiumArgs, '--lang=nl-NL'],
  env: { ...process.env, LANGUAGE: 'nl' },
});
const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1200, height: 760 } });
const page = await context.newPage();
page.setDefaultTimeout(60_000);
const uit = join(import.meta.dirname, '..', 'docs', 'redactie', 'afbeeldingen');
try {
  await page.goto(`${server.basis}/admin/#/collections/bijeenkomsten`);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('link', { name: /^Concept — Kennismiddag/ }).waitFor();
  // Decap's list and form fade in; a screenshot waits until they stand still.
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${uit}/cms-overzicht.png` });

  await page.goto(`${server.basis}/admin/#/collections/bijeenkomsten/new`);
  await page.getByLabel('Titel', { exact: true }).fill('Avond over sturen');
  await page.getByLabel('Samenvatting').fill('Een avond over sturen op opgaven, voor raadsleden.');
  await page.getByLabel('Datum', { exact: true }).fill('2027-12-08');
  await page.getByLabel('Begintijd (optioneel)').fill('13:30');
  // Before the start time: the content check refuses it at the save below.
  await page.getByLabel('Eindtijd (optioneel)').fill('13:00');
  await page.getByLabel('Titel', { exact: true }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${uit}/cms-nieuwe-bijeenkomst.png` });

  await page.getByRole('button', { name: 'Voeg organisator toe' }).click();
  await page.getByLabel('organisator', { exact: true }).fill('VPNG');
  await page.getByLabel('Doelgroep').fill('Raadsleden');
  await page.getByLabel('E-mailadres voor vragen').fill('t.routers@vpng.nl');
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Open', exact: true }).click();
  await page.getByRole('textbox').last().click();
  await page.keyboard.type('Tekst.');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Opslaan in het bestand' }).waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${uit}/cms-opslaan.png`, clip: { x: 0, y: 0, width: 1200, height: 300 } });
  await page.getByRole('menuitem', { name: 'Opslaan in het bestand' }).click();
  const controle = page.locator('[data-controle] [role="alert"]');
  await controle.waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${uit}/cms-controle.png` });
} finally {
  await browser.close();
  await server.stop();
}

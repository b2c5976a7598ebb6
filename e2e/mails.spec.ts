import { expect, type Page, test } from '@playwright/test';
import { axeFouten } from './axe.ts';
import { type OutboxMail, outboxMailsVoor } from './outbox.ts';

/**
 * What a person sees after signing up (where the confirmation went, and signing up
 * someone else from the same organisation), and the two mails as a browser shows them:
 * at a phone's width and a desktop's, and the organiser's spreadsheet row as it copies.
 */

// A busy machine runs two browsers and the server at once.
test.describe.configure({ timeout: 90_000 });

const pagina = '/bijeenkomsten/opgavegericht-besturen/';
const functieTijd = { timeout: 30_000 };

/** A fresh mailbox per test and project; long, with capitals and a `+tag`, as an address can be. */
function uniekAdres(testInfo: { project: { name: string } }): string {
  return `Mails-${testInfo.project.name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}+inschrijven@Gemeente-Zwolle.example`;
}

async function vulIn(page: Page, email: string, extra: { voornaam?: string; anders?: string } = {}): Promise<void> {
  const form = page.locator('form[data-inschrijfformulier]');
  await form.getByLabel('Voornaam').fill(extra.voornaam ?? 'Anna');
  await form.getByLabel('Tussenvoegsel (optioneel)').fill('van der');
  await form.getByLabel('Achternaam').fill('Berg');
  await form.getByLabel('E-mailadres').fill(email);
  if (!(await form.getByLabel('Organisatie').inputValue())) await form.getByLabel('Organisatie').fill('Gemeente Zwolle');
  if (extra.anders) {
    await form.getByRole('radio', { name: 'Anders' }).check();
    await form.getByLabel('Welke functie? (optioneel)').fill(extra.anders);
  } else await form.getByRole('radio', { name: 'Wethouder' }).check();
  await form.getByLabel('Dieetwensen (optioneel)').fill('Vegetarisch');
  await form.getByRole('checkbox', { name: /Ik geef toestemming/ }).check();
}

const verstuur = (page: Page) => page.locator('form[data-inschrijfformulier] button[type="submit"]').click();

test('met JavaScript: de bedankpagina noemt het adres van de bevestiging, en “Schrijf nog iemand in” vult de organisatie in', async ({
  page,
}, testInfo) => {
  const email = uniekAdres(testInfo);
  await page.goto(pagina);
  await vulIn(page, email);
  await verstuur(page);
  await expect(page).toHaveURL(/\/bedankt\/$/, functieTijd);
  await expect(page.getByText(`We hebben de bevestiging gestuurd naar ${email.toLowerCase()}.`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Schrijf je opnieuw in' })).toHaveAttribute('href', `${pagina}#inschrijven`);
  expect(page.url().toLowerCase()).not.toContain(email.split('+')[0]!.toLowerCase());
  // Shown once: the address is no longer kept in the tab.
  expect(await page.evaluate(() => sessionStorage.getItem('inschrijving:bevestigd'))).toBeNull();
  expect(await axeFouten(page)).toEqual([]);

  await expect(page.getByText('Je organisatie staat dan al ingevuld.')).toBeVisible();
  await page.getByRole('link', { name: 'Schrijf nog iemand in' }).click();
  await expect(page).toHaveURL(new RegExp(`${pagina}#inschrijven$`));
  const form = page.locator('form[data-inschrijfformulier]');
  await expect(form.getByLabel('Organisatie')).toHaveValue('Gemeente Zwolle');
  await expect(form.getByLabel('Voornaam')).toHaveValue('');
  await expect(form.getByLabel('E-mailadres')).toHaveValue('');

  // A second wethouder from the same secretariat: a second pair of mails.
  await vulIn(page, email, { voornaam: 'Bram' });
  await verstuur(page);
  await expect(page.getByText(`We hebben de bevestiging gestuurd naar ${email.toLowerCase()}.`)).toBeVisible(functieTijd);
  const organisator = (await outboxMailsVoor(email)).filter((m) => m.subject.startsWith('Inschrijving:')).map((m) => m.subject);
  expect(organisator.sort()).toEqual([
    'Inschrijving: Anna van der Berg, Gemeente Zwolle – Opgavegericht besturen, speciaal voor wethouders en opgavemanagers',
    'Inschrijving: Bram van der Berg, Gemeente Zwolle – Opgavegericht besturen, speciaal voor wethouders en opgavemanagers',
  ]);

  // Opened again later (a refresh, a bookmark): the page is general again.
  await page.reload();
  await expect(page.getByText('We hebben de bevestiging gestuurd naar')).toBeHidden();
});

test.describe('zonder JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('de bedankpagina van de functie noemt het adres (niet in de URL); verversen verstuurt niets; nog iemand inschrijven met de organisatie ingevuld', async ({
    page,
  }, testInfo) => {
    const email = uniekAdres(testInfo);
    await page.goto(pagina);
    await vulIn(page, email);
    await verstuur(page);
    await expect(page.locator('h1')).toHaveText('Bedankt voor je inschrijving', functieTijd);
    await expect(page.getByText(`We hebben de bevestiging gestuurd naar ${email.toLowerCase()}.`)).toBeVisible();
    expect(decodeURIComponent(page.url()).toLowerCase()).not.toContain(email.split('+')[0]!.toLowerCase());
    expect(decodeURIComponent(page.url())).not.toContain('Zwolle');
    expect(await outboxMailsVoor(email)).toHaveLength(2);

    await page.reload();
    await expect(page.getByText(`We hebben de bevestiging gestuurd naar ${email.toLowerCase()}.`)).toBeVisible();
    expect(await outboxMailsVoor(email)).toHaveLength(2);

    await page.getByRole('link', { name: 'Schrijf je opnieuw in' }).click();
    await expect(page.getByRole('heading', { name: 'Nog iemand inschrijven?' })).toBeVisible();
    const form = page.locator('form[data-inschrijfformulier]');
    await expect(form.getByLabel('Organisatie')).toHaveValue('Gemeente Zwolle');
    const tweede = email.replace('+inschrijven', '+tweede');
    await vulIn(page, tweede, { voornaam: 'Bram' });
    await verstuur(page);
    await expect(page.getByText(`We hebben de bevestiging gestuurd naar ${tweede.toLowerCase()}.`)).toBeVisible(functieTijd);
    expect((await outboxMailsVoor(tweede)).map((m) => m.subject).sort()).toEqual([
      'Bevestiging inschrijving: Opgavegericht besturen, speciaal voor wethouders en opgavemanagers',
      'Inschrijving: Bram van der Berg, Gemeente Zwolle – Opgavegericht besturen, speciaal voor wethouders en opgavemanagers',
    ]);
  });
});

test('functie “Anders”: “Welke functie?” verschijnt alleen bij Anders, en de organisator leest wat er stond', async ({
  page,
}, testInfo) => {
  const email = uniekAdres(testInfo);
  await page.goto(pagina);
  const form = page.locator('form[data-inschrijfformulier]');
  const welke = form.getByLabel('Welke functie? (optioneel)');
  await expect(welke).toBeHidden();
  await form.getByRole('radio', { name: 'Anders' }).check();
  await expect(welke).toBeVisible();
  await welke.fill('Beleidsadviseur');
  await form.getByRole('radio', { name: 'Opgavemanager' }).check();
  await expect(welke).toBeHidden();
  await vulIn(page, email, { anders: 'Griffier' });
  await verstuur(page);
  await expect(page).toHaveURL(/\/bedankt\/$/, functieTijd);
  const mails = await outboxMailsVoor(email);
  expect(mails.find((m) => m.subject.startsWith('Inschrijving:'))!.text).toContain('Functie: Anders: Griffier');
  const bevestiging = mails.find((m) => m.subject.startsWith('Bevestiging'))!;
  expect(bevestiging.text).toContain('Functie: Anders');
  expect(bevestiging.text).not.toContain('Griffier');
});

/** Both mails of one sign-up, from the outbox. */
async function mailsVanInschrijving(page: Page, email: string): Promise<{ organisator: OutboxMail; bevestiging: OutboxMail }> {
  await page.goto(pagina);
  await vulIn(page, email, { anders: 'Beleidsadviseur ruimtelijke ordening' });
  await page
    .locator('form[data-inschrijfformulier]')
    .getByLabel('Opmerkingen of vragen (optioneel)')
    .fill('Ik neem een collega mee.\nTweede regel.');
  await verstuur(page);
  await expect(page).toHaveURL(/\/bedankt\/$/, functieTijd);
  const mails = await outboxMailsVoor(email);
  return {
    organisator: mails.find((m) => m.subject.startsWith('Inschrijving:'))!,
    bevestiging: mails.find((m) => m.subject.startsWith('Bevestiging'))!,
  };
}

const kenmerk = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** As long as a shared mailbox's address gets, and without a hyphen: the longest word a mail can hold. */
const langAdres = () => `secretariaatburgemeesterenwethouders${kenmerk()}@gemeentezwollekampenenomstreken.example`;
/** The length of most addresses. */
const gewoonAdres = () => `a.${kenmerk()}@zwolle.example`;

test(
  'de mails passen op een telefoon (390 px), ook met een heel lang adres, en op een desktop (1280 px), waar de spreadsheetrij de hele breedte krijgt',
  { tag: '@layout' },
  async ({ page }, testInfo) => {
    const lang = await mailsVanInschrijving(page, langAdres());
    const gewoon = await mailsVanInschrijving(page, gewoonAdres());
    // Away from the site: its Content-Security-Policy would block the mail's inline styles, which a mail client applies.
    await page.goto('about:blank');
    for (const breedte of [390, 1280]) {
      await page.setViewportSize({ width: breedte, height: 844 });
      for (const [naam, mail] of [
        ['organisator-lang-adres', lang.organisator],
        ['bevestiging-lang-adres', lang.bevestiging],
        ['organisator', gewoon.organisator],
        ['bevestiging', gewoon.bevestiging],
      ] as const) {
        await page.setContent(mail.html);
        const breed = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(breed, `${naam} op ${breedte} px`).toBeLessThanOrEqual(breedte);
        const pad = testInfo.outputPath(`${naam}-${breedte}.png`);
        await page.screenshot({ path: pad, fullPage: true });
        await testInfo.attach(`${naam}-${breedte}`, { path: pad, contentType: 'image/png' });
      }
    }
    // The spreadsheet row takes the whole width of the mail, not the 40em (640 px) of the text as it used
    // to; where thirteen columns need more than that, they scroll in the row's own box (the mail does not).
    await page.setContent(gewoon.organisator.html);
    const vakBreed = await page.locator('table:has(thead)').evaluate((t) => t.parentElement!.clientWidth);
    expect(vakBreed).toBeGreaterThan(1200);
  },
);

test('de spreadsheetrij van de organisatormail kopieert als cellen: een tab tussen de kolommen, kop en rij even breed', async ({
  page,
}) => {
  const { organisator } = await mailsVanInschrijving(page, gewoonAdres());
  await page.goto('about:blank');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.setContent(organisator.html);
  // What the browser puts on the clipboard as plain text when the table is selected and copied.
  const tekst = await page.locator('table:has(thead)').evaluate((tabel) => {
    const bereik = document.createRange();
    bereik.selectNode(tabel);
    const selectie = getSelection()!;
    selectie.removeAllRanges();
    selectie.addRange(bereik);
    return selectie.toString();
  });
  const [kop, rij, ...rest] = tekst.trim().split('\n');
  expect(rest).toEqual([]);
  const kolommen = kop!.split('\t');
  const waarden = rij!.split('\t');
  expect(kolommen).toEqual([
    'Ontvangen op',
    'Bijeenkomst',
    'Datum bijeenkomst',
    'Status',
    'Voornaam',
    'Tussenvoegsel',
    'Achternaam',
    'E-mailadres',
    'Organisatie',
    'Functie',
    'Telefoon',
    'Dieetwensen',
    'Opmerkingen',
  ]);
  expect(waarden).toHaveLength(kolommen.length);
  const cel = (k: string) => waarden[kolommen.indexOf(k)];
  expect(cel('Ontvangen op')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(cel('Functie')).toBe('Anders: Beleidsadviseur ruimtelijke ordening');
  expect(cel('Opmerkingen')).toBe('Ik neem een collega mee. Tweede regel.');
  expect(cel('E-mailadres')).toBe(organisator.replyTo);
});

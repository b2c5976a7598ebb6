import { expect, type Page, test } from '@playwright/test';
import { type OutboxMail, outboxMailsVoor } from './outbox.ts';

// A busy machine runs two browsers and the server at once.
test.describe.configure({ timeout: 90_000 });

const slug = 'opgavegericht-besturen';
const titel = 'Opgavegericht besturen, speciaal voor wethouders en opgavemanagers';
const organisator = 't.routers@vpng.nl';
const functieTijd = { timeout: 30_000 };

/** A fresh mailbox per test and project (the part before `+`: see the limit of confirmations per mailbox). */
function uniekAdres(testInfo: { project: { name: string } }): string {
  return `Afmelden-${testInfo.project.name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}+e2e@Gemeente.example`;
}

/** The person's address as the function sends to it: wholly lower-cased. */
const opgeslagen = (adres: string) => adres.toLowerCase();

const afmeldingen = (mails: OutboxMail[]) => mails.filter((m) => m.subject.startsWith('Afmelding: '));

/** The personal link from the confirmation in the outbox, as a path on the served site (the mail has the configured site's address). */
async function afmeldLinkUitBevestiging(adres: string): Promise<string> {
  const bevestiging = (await outboxMailsVoor(adres)).find((m) => m.subject.startsWith('Bevestiging inschrijving:'));
  expect(bevestiging, 'bevestiging in de outbox').toBeTruthy();
  // The line `<name> afmelden: <url>`: the link names whose sign-up it cancels.
  const link = /^[^\n:]+ afmelden: (\S+)$/m.exec(bevestiging!.text)?.[1];
  expect(link, 'afmeldlink in de tekst van de bevestiging').toBeTruthy();
  // The HTML part links to the same address.
  expect(bevestiging!.html).toContain(`href="${link!.replaceAll('&', '&amp;')}"`);
  const url = new URL(link!);
  expect(url.pathname).toBe(`/bijeenkomsten/${slug}/afmelden/`);
  return url.pathname + url.search;
}

async function schrijfInMetFormulier(page: Page, adres: string): Promise<void> {
  await page.goto(`/bijeenkomsten/${slug}/`);
  const form = page.locator('form[data-inschrijfformulier]');
  await form.getByLabel('Voornaam').fill('Anna');
  await form.getByLabel('Tussenvoegsel (optioneel)').fill('van der');
  await form.getByLabel('Achternaam').fill('Berg');
  await form.getByLabel('E-mailadres').fill(adres);
  await form.getByLabel('Organisatie').fill('Gemeente Zwolle');
  await form.getByRole('radio', { name: 'Wethouder' }).check();
  await form.getByRole('checkbox', { name: /Ik geef toestemming/ }).check();
  await page.getByRole('button', { name: 'Inschrijven' }).click();
  await expect(page).toHaveURL(/\/bedankt\/$/, functieTijd);
}

/** A sign-up as a JSON client would send it, for the tests that are about the afmeldpagina only. */
async function schrijfInMetJson(page: Page, adres: string): Promise<void> {
  const antwoord = await page.request.post('/api/inschrijven', {
    headers: { accept: 'application/json' },
    data: {
      bijeenkomst: slug,
      voornaam: 'Bram',
      achternaam: 'Smit',
      email: adres,
      organisatie: 'Gemeente Zwolle',
      functie: 'opgavemanager',
      privacy: true,
    },
  });
  expect(antwoord.status()).toBe(200);
}

test('inschrijven, de afmeldlink uit de bevestiging openen, bevestigen: de organisator krijgt de Afmelding, en nog eens bevestigen stuurt niets', async ({
  page,
}, testInfo) => {
  const adres = uniekAdres(testInfo);
  await schrijfInMetFormulier(page, adres);
  const link = await afmeldLinkUitBevestiging(adres);

  await page.goto(link);
  await expect(page.locator('h1')).toHaveText('Afmelden');
  await expect(page.getByText(`Je meldt je af voor ‘${titel}’ op 4 november 2027 (jaar nog te bevestigen).`)).toBeVisible();
  // The page names the person (the script asks the function, which only reads the link).
  await expect(page.getByText('Deze afmeldlink hoort bij de inschrijving van Anna van der Berg.')).toBeVisible(functieTijd);
  // Opening the page (what a mail scanner does) and asking the name cancel nothing.
  expect(afmeldingen(await outboxMailsVoor(adres))).toEqual([]);

  await page.getByRole('button', { name: 'Ja, meld mij af' }).click();
  await expect(page).toHaveURL(new RegExp(`/bijeenkomsten/${slug}/afgemeld/$`), functieTijd);
  await expect(page.locator('h1')).toHaveText('Je bent afgemeld');

  const mails = await outboxMailsVoor(adres);
  const [afmelding] = afmeldingen(mails);
  expect(afmeldingen(mails)).toHaveLength(1);
  expect(afmelding).toMatchObject({ to: organisator, replyTo: opgeslagen(adres), subject: `Afmelding: Anna van der Berg – ${titel}` });
  expect(afmelding!.text).toContain('Status bij inschrijving: ingeschreven');
  const bevestiging = mails.find((m) => m.subject === `Afmelding ontvangen: ${titel}`);
  expect(bevestiging).toMatchObject({ to: opgeslagen(adres), replyTo: organisator });

  // The same link confirmed again (back, and the button once more): still one Afmelding.
  await page.goto(link);
  await page.getByRole('button', { name: 'Ja, meld mij af' }).click();
  await expect(page).toHaveURL(/\/afgemeld\/$/, functieTijd);
  expect(afmeldingen(await outboxMailsVoor(adres))).toHaveLength(1);
});

test.describe('zonder JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('de knop werkt ook zonder script: het verborgen veld blijft leeg, de browser stuurt de link mee als Referer', async ({
    page,
  }, testInfo) => {
    const adres = uniekAdres(testInfo);
    await schrijfInMetJson(page, adres);
    const link = await afmeldLinkUitBevestiging(adres);
    await page.goto(link);
    await expect(page.locator('input[name="t"]')).toHaveValue('');
    // Without a script the page stays general; the mail's link text named the person.
    await expect(page.getByText('Deze afmeldlink hoort bij de inschrijving van')).toBeHidden();
    await page.getByRole('button', { name: 'Ja, meld mij af' }).click();
    await expect(page.locator('h1')).toHaveText('Je bent afgemeld', functieTijd);
    expect(afmeldingen(await outboxMailsVoor(adres)).map((m) => m.subject)).toEqual([`Afmelding: Bram Smit – ${titel}`]);
  });

  test('een veranderde link: een Nederlandse pagina met het adres van de organisator, en geen mail', async ({ page }, testInfo) => {
    const adres = uniekAdres(testInfo);
    await schrijfInMetJson(page, adres);
    const link = await afmeldLinkUitBevestiging(adres);
    // One character of the sealed details changed, as a tampered link would be.
    const url = new URL(link, 'http://x');
    const delen = url.searchParams.get('t')!.split('.');
    delen[3] = `${delen[3]!.slice(0, 10)}${delen[3]![10] === 'A' ? 'B' : 'A'}${delen[3]!.slice(11)}`;
    url.searchParams.set('t', delen.join('.'));
    const veranderd = url.pathname + url.search;
    expect(veranderd).not.toBe(link);
    await page.goto(veranderd);
    const [antwoord] = await Promise.all([
      page.waitForResponse('**/api/afmelden'),
      page.getByRole('button', { name: 'Ja, meld mij af' }).click(),
    ]);
    expect(antwoord.status()).toBe(403);
    await expect(page.locator('h1')).toHaveText('Deze afmeldlink klopt niet');
    await expect(page.getByText('Je bent niet afgemeld.', { exact: false })).toBeVisible();
    await expect(page.getByRole('alert').locator('strong')).toHaveText('niet');
    await expect(page.getByRole('link', { name: organisator })).toHaveAttribute('href', `mailto:${organisator}`);
    expect(afmeldingen(await outboxMailsVoor(adres))).toEqual([]);
  });
});

test('twee inschrijvingen uit één brievenbus: elke afmeldpagina noemt de eigen persoon; een vervalste link geen naam', async ({
  page,
}, testInfo) => {
  const adres = uniekAdres(testInfo);
  await schrijfInMetJson(page, adres);
  const antwoord = await page.request.post('/api/inschrijven', {
    headers: { accept: 'application/json' },
    data: {
      bijeenkomst: slug,
      voornaam: 'Carla',
      achternaam: 'de Wit',
      email: adres,
      organisatie: 'Gemeente Zwolle',
      functie: 'wethouder',
      privacy: true,
    },
  });
  expect(antwoord.status()).toBe(200);
  const bevestigingen = (await outboxMailsVoor(adres)).filter((m) => m.subject.startsWith('Bevestiging inschrijving:'));
  const links = Object.fromEntries(
    bevestigingen.map((m) => {
      const [, naam, url] = /^([^\n:]+) afmelden: (\S+)$/m.exec(m.text)!;
      return [naam!, new URL(url!).pathname + new URL(url!).search];
    }),
  );
  expect(Object.keys(links).sort()).toEqual(['Bram Smit', 'Carla de Wit']);
  for (const [naam, link] of Object.entries(links)) {
    await page.goto(link);
    await expect(page.getByText(`Deze afmeldlink hoort bij de inschrijving van ${naam}.`)).toBeVisible(functieTijd);
  }
  // A tampered link gets no name: the function refuses it as it would refuse the cancellation.
  const vals = links['Bram Smit']!.replace(
    /\.([A-Za-z0-9_-])([A-Za-z0-9_-]+)$/,
    (_, eerste: string, rest: string) => `.${eerste === 'A' ? 'B' : 'A'}${rest}`,
  );
  const [vraag] = await Promise.all([page.waitForResponse('**/api/afmelden/naam'), page.goto(vals)]);
  expect(vraag.status()).toBe(403);
  await expect(page.getByText('Deze afmeldlink hoort bij de inschrijving van')).toBeHidden();
  expect(afmeldingen(await outboxMailsVoor(adres))).toEqual([]);
});

test('een GET op de functie meldt niemand af, en een formulier op een andere site ook niet (403)', async ({ page, baseURL }, testInfo) => {
  const adres = uniekAdres(testInfo);
  await schrijfInMetJson(page, adres);
  const link = await afmeldLinkUitBevestiging(adres);
  const token = new URLSearchParams(link.split('?')[1]).get('t')!;

  const get = await page.request.get(`/api/afmelden?t=${encodeURIComponent(token)}`);
  expect(get.status()).toBe(405);

  await page.route('http://aanvaller.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="nl"><title>Lokpagina</title><form method="post" action="${baseURL}/api/afmelden"><input type="hidden" name="t" value="${token}"><button>Win een prijs</button></form>`,
    }),
  );
  await page.goto('http://aanvaller.test/');
  await page.getByRole('button', { name: 'Win een prijs' }).click();
  await expect(page.locator('h1')).toHaveText('Afmelden kan alleen via de website', functieTijd);
  await expect(page.getByText(organisator).first()).toBeVisible();
  expect(afmeldingen(await outboxMailsVoor(adres))).toEqual([]);
});

test('afmelden op de site geopend als 127.0.0.1 in plaats van localhost: de knop werkt, de organisator krijgt de Afmelding', async ({
  page,
  baseURL,
}, testInfo) => {
  const adres = uniekAdres(testInfo);
  await schrijfInMetJson(page, adres);
  const basis = new URL(baseURL!);
  basis.hostname = '127.0.0.1';
  await page.goto(new URL(await afmeldLinkUitBevestiging(adres), basis).href);
  await page.getByRole('button', { name: 'Ja, meld mij af' }).click();
  await expect(page).toHaveURL(new URL(`/bijeenkomsten/${slug}/afgemeld/`, basis).href, functieTijd);
  expect(afmeldingen(await outboxMailsVoor(adres)).map((m) => m.to)).toEqual([organisator]);
});

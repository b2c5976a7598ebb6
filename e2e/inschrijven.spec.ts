import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { leesBijeenkomsten } from '../src/inhoud/bijeenkomsten-voor-functie.ts';
import { htmlTekst, jaarZonderMarkering, onbevestigdeJaren, zonderAdressen } from '../testhulp/onbevestigd.ts';
import { axeFouten } from './axe.ts';
import { outboxMap } from './outbox.ts';

// A busy machine runs two browsers and the server at once.
test.describe.configure({ timeout: 90_000 });

const pagina = '/bijeenkomsten/opgavegericht-besturen/';
const bedankt = /\/bijeenkomsten\/opgavegericht-besturen\/bedankt\/$/;
const geenBevestiging = /\/bijeenkomsten\/opgavegericht-besturen\/bedankt\/geen-bevestiging\/$/;
/** Without JavaScript: the function's bedankt page, with the address sealed in the query (src/functie/inschrijven/bedankt.ts). */
const bedanktZonderJs = /\/bijeenkomsten\/opgavegericht-besturen\/bedankt\/adres\/\?b=b1\.opgavegericht-besturen\.[\w.-]+$/;
/** The function answers in well under a second; a busy machine may need more. */
const functieTijd = { timeout: 30_000 };

interface OutboxMail {
  to: string;
  replyTo: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * A fresh mailbox per test and project, so mails, idempotency keys and the limit of
 * confirmations per mailbox never mix (the part before `+` is the mailbox). Capitals and a
 * `+tag`, as people type them.
 */
function uniekAdres(testInfo: { project: { name: string }; title: string }): string {
  return `E2e-${testInfo.project.name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}+inschrijven@Gemeente.example`;
}

async function mailsVoor(adres: string): Promise<OutboxMail[]> {
  const bestanden = await readdir(outboxMap).catch(() => []);
  const mails = await Promise.all(bestanden.map(async (b) => JSON.parse(await readFile(join(outboxMap, b), 'utf8')) as OutboxMail));
  // The function sends to the whole address in lower case.
  const genormaliseerd = adres.toLowerCase();
  return mails.filter((m) => m.to === genormaliseerd || m.replyTo === genormaliseerd);
}

async function vulIn(page: Page, email: string): Promise<void> {
  const form = page.locator('form[data-inschrijfformulier]');
  await form.getByLabel('Voornaam').fill('Anna');
  await form.getByLabel('Tussenvoegsel (optioneel)').fill('van der');
  await form.getByLabel('Achternaam').fill('Berg');
  await form.getByLabel('E-mailadres').fill(email);
  await form.getByLabel('Organisatie').fill('Gemeente Zwolle');
  await form.getByRole('radio', { name: 'Opgavemanager' }).check();
  await form.getByLabel('Dieetwensen (optioneel)').fill('Vegetarisch');
  await form.getByRole('checkbox', { name: /Ik geef toestemming/ }).check();
}

const verstuur = (page: Page) => page.getByRole('button', { name: 'Inschrijven' }).click();

test('inschrijven met JavaScript: bedankpagina, en beide mails staan in de outbox', async ({ page }, testInfo) => {
  const email = uniekAdres(testInfo);
  await page.goto(pagina);
  await vulIn(page, email);
  await verstuur(page);
  await expect(page).toHaveURL(bedankt, functieTijd);
  await expect(page.locator('h1')).toHaveText('Bedankt voor je inschrijving');
  await expect(page.getByText(/map met spam/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Agendabestand (.ics)' })).toHaveAttribute(
    'href',
    '/bijeenkomsten/opgavegericht-besturen.ics',
  );

  const mails = await mailsVoor(email);
  expect(mails.map((m) => m.subject).sort()).toEqual([
    'Bevestiging inschrijving: Opgavegericht besturen, speciaal voor wethouders en opgavemanagers',
    'Inschrijving: Anna van der Berg, Gemeente Zwolle – Opgavegericht besturen, speciaal voor wethouders en opgavemanagers',
  ]);
  const organisator = mails.find((m) => m.subject.startsWith('Inschrijving:'))!;
  expect(organisator.to).toBe('t.routers@vpng.nl');
  expect(organisator.text).toContain('Functie: Opgavemanager');
  expect(organisator.text).toContain('Dieetwensen: Vegetarisch');
  const bevestiging = mails.find((m) => m.subject.startsWith('Bevestiging'))!;
  // The seed gives no year: the content marks it (onbevestigd: jaar), and neither mail shows it without the mark.
  expect(bevestiging.text).toContain('Datum: 4 november 2027 (jaar nog te bevestigen)');
  const jaren = onbevestigdeJaren((await leesBijeenkomsten()).values());
  for (const m of mails) {
    for (const tekst of [m.subject, zonderAdressen(m.text), htmlTekst(m.html)]) {
      for (const jaar of jaren) expect(jaarZonderMarkering(tekst, jaar), m.subject).toEqual([]);
    }
  }
  // The calendar entry is a link to the site's own .ics, which the browser can fetch.
  const ics = /^Agendabestand \(\.ics\), voor Apple Agenda en andere agenda’s: (\S+)$/m.exec(bevestiging.text)?.[1];
  expect(ics).toMatch(/\/bijeenkomsten\/opgavegericht-besturen\.ics$/);
  const agenda = await page.request.get(new URL(ics!).pathname);
  expect(await agenda.text()).toContain('DTSTART;VALUE=DATE:20271104');
});

test.describe('zonder JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('het formulier post naar de functie en je komt op de bedankpagina (303)', async ({ page }, testInfo) => {
    const email = uniekAdres(testInfo);
    await page.goto(pagina);
    await vulIn(page, email);
    await verstuur(page);
    await expect(page).toHaveURL(bedanktZonderJs, functieTijd);
    await expect(page.locator('h1')).toHaveText('Bedankt voor je inschrijving');
    expect(await mailsVoor(email)).toHaveLength(2);
  });

  test('een vierde inschrijving voor hetzelfde adres binnen het uur komt binnen, maar zonder bevestiging, en de bedankpagina zegt dat', async ({
    page,
  }, testInfo) => {
    const email = uniekAdres(testInfo);
    // Another address for the same mailbox: capitals and another +tag.
    const adressen = [
      email,
      email.toUpperCase().replace('@GEMEENTE.EXAMPLE', '@gemeente.example'),
      email.replace('+inschrijven', '+ander'),
      email,
    ];
    for (const [i, achternaam] of ['Berg', 'Bos', 'Dijk', 'Veen'].entries()) {
      await page.goto(pagina);
      await vulIn(page, adressen[i]!);
      await page.locator('form[data-inschrijfformulier]').getByLabel('Achternaam').fill(achternaam);
      await verstuur(page);
      await expect(page).toHaveURL(i < 3 ? bedanktZonderJs : geenBevestiging, functieTijd);
    }
    await expect(page.locator('h1')).toHaveText('Bedankt voor je inschrijving');
    await expect(
      page.getByText('Je krijgt hiervan geen bevestiging per e-mail. Je inschrijving is wel naar de organisator gestuurd.'),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Waarom geen bevestiging?' })).toBeVisible();
    expect(page.url()).not.toContain(email.split('+')[0]!.toLowerCase());

    const bestanden = await readdir(outboxMap);
    const mails = await Promise.all(bestanden.map(async (b) => JSON.parse(await readFile(join(outboxMap, b), 'utf8')) as OutboxMail));
    const doos = email.split('+')[0]!.toLowerCase();
    const vanDitAdres = mails.filter((m) => m.to.startsWith(doos) || m.replyTo.startsWith(doos));
    expect(
      vanDitAdres.filter((m) => m.subject.startsWith('Inschrijving:')).map((m) => /^Inschrijving: ([^,]+),/.exec(m.subject)?.[1]),
    ).toEqual(expect.arrayContaining(['Anna van der Berg', 'Anna van der Bos', 'Anna van der Dijk', 'Anna van der Veen']));
    expect(vanDitAdres.filter((m) => m.subject.startsWith('Bevestiging'))).toHaveLength(3);
    expect(vanDitAdres.find((m) => m.subject.startsWith('Inschrijving: Anna van der Veen,'))!.text).toContain(
      'Er is geen bevestiging naar',
    );
  });

  test('fouten: een Nederlandse pagina met foutoverzicht, het formulier met je waarden, en terug houdt je invoer', async ({
    page,
  }, testInfo) => {
    await page.goto(pagina);
    await vulIn(page, 'geen-adres');
    await page.getByRole('checkbox', { name: /Ik geef toestemming/ }).uncheck();
    const [antwoord] = await Promise.all([page.waitForResponse('**/api/inschrijven'), verstuur(page)]);
    expect(antwoord.status()).toBe(422);
    await expect(page.locator('h1')).toHaveText('Controleer je inschrijving');
    // The function's page is a page of the site: its header, navigation and footer.
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('Een website van de VPNG');
    await expect(page.getByRole('group', { name: 'Er is een probleem' })).toBeFocused();
    const overzicht = page.getByRole('group', { name: 'Er is een probleem' });
    await expect(overzicht.getByRole('link')).toHaveText([
      'Vul een geldig e-mailadres in, zoals naam@gemeente.nl',
      'Geef toestemming voor het gebruik van je gegevens',
    ]);
    await expect(page.getByLabel('Voornaam')).toHaveValue('Anna');
    await expect(page.getByLabel('E-mailadres')).toHaveValue('geen-adres');
    await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');

    // Correct it right here and send again: nothing retyped.
    await page.getByLabel('E-mailadres').fill(uniekAdres(testInfo));
    await page.getByRole('checkbox', { name: /Ik geef toestemming/ }).check();
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${pagina}$`));
    await expect(page.getByLabel('Voornaam')).toHaveValue('Anna');
    await expect(page.getByLabel('Organisatie')).toHaveValue('Gemeente Zwolle');
  });
});

// The form in its error state, by keyboard and with axe (target size, contrast), at both screen sizes.
test('alleen toetsenbord: het foutoverzicht krijgt focus en elke fout brengt je naar het veld', { tag: '@layout' }, async ({ page }) => {
  await page.goto(pagina);
  const voornaam = page.getByLabel('Voornaam');
  await voornaam.focus();
  await page.keyboard.type('Anna');
  await page.getByRole('button', { name: 'Inschrijven' }).focus();
  await page.keyboard.press('Enter');

  const overzicht = page.getByRole('group', { name: 'Er is een probleem' });
  await expect(overzicht).toBeFocused();
  await expect(overzicht.getByRole('link')).toHaveText([
    'Vul je achternaam in',
    'Vul je e-mailadres in',
    'Vul je organisatie in',
    'Kies je functie',
    'Geef toestemming voor het gebruik van je gegevens',
  ]);
  const achternaam = page.getByLabel('Achternaam');
  await expect(achternaam).toHaveAttribute('aria-invalid', 'true');
  await expect(achternaam).toHaveAccessibleDescription('Fout: Vul je achternaam in');
  await expect(voornaam).not.toHaveAttribute('aria-invalid');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(overzicht.getByRole('link', { name: 'Vul je e-mailadres in' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('E-mailadres')).toBeFocused();
  await page.keyboard.type('anna@zwolle.example');

  expect(await axeFouten(page, '#inschrijven')).toEqual([]);
});

test('bij een serverfout (502) blijft alles staan en zegt de melding dat je niet bent ingeschreven, met dat woord vet', async ({
  page,
}, testInfo) => {
  const melding =
    'Je inschrijving kon niet worden doorgestuurd. Je inschrijving is niet ontvangen. Probeer het later opnieuw, of meld je aan per e-mail via t.routers@vpng.nl.';
  await page.route('**/api/inschrijven', (route) => route.fulfill({ status: 502, json: { ok: false, melding } }));
  const email = uniekAdres(testInfo);
  await page.goto(pagina);
  await vulIn(page, email);
  await verstuur(page);
  await expect(page.getByRole('alert')).toHaveText(melding);
  await expect(page.getByRole('alert').locator('strong')).toHaveText('niet');
  await expect(page).toHaveURL(new RegExp(`${pagina}$`));
  await expect(page.getByLabel('Voornaam')).toHaveValue('Anna');
  await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
  await expect(page.getByLabel('Dieetwensen (optioneel)')).toHaveValue('Vegetarisch');
  await expect(page.getByRole('radio', { name: 'Opgavemanager' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Ik geef toestemming/ })).toBeChecked();
});

test('zonder verbinding blijft alles staan en kun je het opnieuw proberen', async ({ page }, testInfo) => {
  await page.goto(pagina);
  await vulIn(page, uniekAdres(testInfo));
  await page.route('**/api/inschrijven', (route) => route.abort('internetdisconnected'));
  await verstuur(page);
  await expect(page.getByRole('alert')).toContainText('Je inschrijving is niet verstuurd.', functieTijd);
  await expect(page.getByLabel('Achternaam')).toHaveValue('Berg');
  await page.unroute('**/api/inschrijven');
  await verstuur(page);
  await expect(page).toHaveURL(bedankt, functieTijd);
});

test('versturen: knop en statusregel zeggen dat het bezig is; dubbel klikken verstuurt één keer, en de knop blijft bruikbaar', async ({
  page,
}, testInfo) => {
  let verzoeken = 0;
  let laatDoor: () => void = () => {};
  const vrij = new Promise<void>((r) => (laatDoor = r));
  await page.route('**/api/inschrijven', async (route) => {
    verzoeken++;
    await vrij;
    await route.continue();
  });
  await page.goto(pagina);
  await vulIn(page, uniekAdres(testInfo));
  const knop = page.locator('form[data-inschrijfformulier] button[type="submit"]');
  await expect(knop).toHaveText('Inschrijven');
  await knop.click();
  await expect.poll(() => verzoeken).toBe(1);
  // While sending, the button and a status line say so (the status line is announced by screen readers).
  await expect(knop).toHaveText('Bezig met versturen…');
  await expect(page.getByRole('status')).toHaveText('Je inschrijving wordt verstuurd. Een moment geduld.');
  await knop.click();
  await expect(knop).toBeEnabled();
  laatDoor();
  await expect(page).toHaveURL(bedankt, functieTijd);
  expect(verzoeken).toBe(1);
});

test('het formulier: labels, (optioneel), autocomplete, toestemming niet aangevinkt, honeypot onzichtbaar', async ({ page }) => {
  await page.goto(pagina);
  const form = page.locator('form[data-inschrijfformulier]');
  await expect(form).toHaveAttribute('novalidate', '');
  await expect(form.getByLabel('Voornaam')).toHaveAttribute('autocomplete', 'given-name');
  await expect(form.getByLabel('E-mailadres')).toHaveAttribute('autocomplete', 'email');
  await expect(form.getByLabel('Telefoonnummer (optioneel)')).toHaveAttribute('autocomplete', 'tel');
  await expect(form.getByRole('checkbox', { name: /Ik geef toestemming/ })).not.toBeChecked();
  await expect(form.getByRole('link', { name: 'privacyverklaring' })).toHaveAttribute('href', '/privacy/');
  await expect(form.getByRole('textbox', { name: 'Laat dit veld leeg' })).toHaveCount(0);
  await expect(form.locator('input[name="vangnet"]')).toHaveAttribute('tabindex', '-1');
  await expect(page.getByText('Aanmelden kan ook per e-mail via t.routers@vpng.nl')).toBeVisible();
});

test('agenda: .ics-download van de site en links naar Google Agenda en Outlook', async ({ page, request }) => {
  const ics = await request.get('/bijeenkomsten/opgavegericht-besturen.ics');
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
  const tekst = await ics.text();
  expect(tekst).toContain('DTSTART;VALUE=DATE:20271104');
  expect(tekst).toContain('UID:bijeenkomst-opgavegericht-besturen@vpng.nl');
  await page.goto(pagina);
  await expect(page.getByRole('link', { name: 'Google Agenda' })).toHaveAttribute(
    'href',
    /^https:\/\/calendar\.google\.com\/calendar\/render\?.*dates=20271104%2F20271105/,
  );
  await expect(page.getByRole('link', { name: 'Outlook' })).toHaveAttribute(
    'href',
    /^https:\/\/outlook\.office\.com\/.*startdt=2027-11-04/,
  );
});

test('een formulier op een andere site kan niemand inschrijven: 403 in het Nederlands, en er gaat geen mail weg', async ({
  page,
  baseURL,
}, testInfo) => {
  const email = uniekAdres(testInfo);
  const velden = {
    bijeenkomst: 'opgavegericht-besturen',
    voornaam: 'Anna',
    achternaam: 'Berg',
    email,
    organisatie: 'Gemeente',
    functie: 'wethouder',
    privacy: 'on',
  };
  const verborgen = Object.entries(velden)
    .map(([naam, waarde]) => `<input type="hidden" name="${naam}" value="${waarde}">`)
    .join('');
  // A page on another site whose form posts to our function, as a lure page would.
  await page.route('http://aanvaller.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="nl"><title>Lokpagina</title><form method="post" action="${baseURL}/api/inschrijven">${verborgen}<button>Doe mee</button></form>`,
    }),
  );
  await page.goto('http://aanvaller.test/');
  await page.getByRole('button', { name: 'Doe mee' }).click();
  await expect(page.locator('h1')).toHaveText('Inschrijven kan alleen via de website', functieTijd);
  await expect(page.getByText('t.routers@vpng.nl').first()).toBeVisible();
  expect(await mailsVoor(email)).toEqual([]);
});

test.describe('de site geopend als 127.0.0.1 in plaats van localhost', () => {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(javaScriptEnabled ? 'met JavaScript' : 'zonder JavaScript', () => {
      test.use({ javaScriptEnabled });

      test('inschrijven lukt: de bedankpagina op hetzelfde adres, en de organisatormail staat in de outbox', async ({
        page,
        baseURL,
      }, testInfo) => {
        const basis = new URL(baseURL!);
        basis.hostname = '127.0.0.1';
        const email = uniekAdres(testInfo);
        await page.goto(new URL(pagina, basis).href);
        await vulIn(page, email);
        await verstuur(page);
        await expect(page).toHaveURL(
          javaScriptEnabled ? new URL(`${pagina}bedankt/`, basis).href : new RegExp(`^${basis.origin}${bedanktZonderJs.source.slice(1)}`),
          functieTijd,
        );
        await expect(page.locator('h1')).toHaveText('Bedankt voor je inschrijving');
        expect((await mailsVoor(email)).map((m) => m.to)).toContain('t.routers@vpng.nl');
      });
    });
  }
});

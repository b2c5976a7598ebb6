import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { htmlFouten } from './html-controle.ts';

/**
 * Every page the sign-up function renders is a page of the site: the same header,
 * navigation, footer, styles and favicon as the event page, checked like every built
 * page (axe with the site's WCAG tags, the Nu Html Checker). Each status is caused the
 * way a person or a client would cause it, against the deployed function.
 */
const formulier = { 'content-type': 'application/x-www-form-urlencoded' };
const geldig = 'bijeenkomst=opgavegericht-besturen&voornaam=Anna&achternaam=Berg&organisatie=Gemeente&functie=wethouder&privacy=on';

const gevallen: [status: number, kop: string, verzoek: (r: APIRequestContext) => ReturnType<APIRequestContext['fetch']>][] = [
  // After a sign-up without JavaScript: the 303 leads here, to the address the confirmation went to.
  [
    200,
    'Bedankt voor je inschrijving',
    (r) =>
      r.post('/api/inschrijven', {
        headers: formulier,
        data: `${geldig}&email=functiepagina-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@gemeente.example`,
      }),
  ],
  [422, 'Controleer je inschrijving', (r) => r.post('/api/inschrijven', { headers: formulier, data: `${geldig}&email=fout` })],
  [
    404,
    'Bijeenkomst niet gevonden',
    (r) =>
      r.post('/api/inschrijven', { headers: formulier, data: `${geldig.replace('opgavegericht-besturen', 'bestaat-niet')}&email=a@b.nl` }),
  ],
  [405, 'Zo werkt inschrijven niet', (r) => r.get('/api/inschrijven')],
  [
    413,
    'Je inschrijving is te groot',
    (r) => r.post('/api/inschrijven', { headers: formulier, data: `${geldig}&email=a@b.nl&opmerkingen=${'x'.repeat(17 * 1024)}` }),
  ],
  [
    415,
    'Je inschrijving kon niet worden gelezen',
    (r) => r.post('/api/inschrijven', { headers: { 'content-type': 'text/plain' }, data: 'voornaam=Anna' }),
  ],
  [
    403,
    'Inschrijven kan alleen via de website',
    (r) => r.post('/api/inschrijven', { headers: { ...formulier, origin: 'https://aanvaller.example' }, data: `${geldig}&email=a@b.nl` }),
  ],
];

for (const [status, kop, verzoek] of gevallen) {
  test(`${status}: een pagina van de site, zonder WCAG-fouten`, async ({ page, request }) => {
    const antwoord = await verzoek(request);
    expect(antwoord.status()).toBe(status);
    expect(antwoord.headers()['content-type']).toMatch(/text\/html/);
    const html = await antwoord.text();
    // The served page is the function's answer; show it at the site's address so its links and favicon resolve.
    await page.route('**/api/inschrijven-pagina', (route) =>
      route.fulfill({ status, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await page.goto('/api/inschrijven-pagina');
    await expect(page.locator('h1')).toHaveText(kop);
    await expect(page.getByRole('banner').getByRole('link', { name: /Opgavegericht besturen/ })).toBeVisible();
    await expect(page.getByRole('navigation', { name: /hoofdmenu/i }).getByRole('link', { name: 'Bijeenkomsten' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('Een website van de VPNG');
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');
    await expect(page).toHaveTitle(new RegExp(`^${kop}`));
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    if (status === 422) {
      // The form comes back in the site's styles: a real checkbox, not a squeezed one.
      const vak = await page.getByRole('checkbox', { name: /Ik geef toestemming/ }).boundingBox();
      expect(vak!.width).toBeGreaterThanOrEqual(24);
      expect(vak!.height).toBeGreaterThanOrEqual(24);
      await expect(page.getByLabel('Voornaam')).toHaveValue('Anna');
    }
  });
}

test('de pagina’s van de functie zijn geldige HTML volgens de Nu Html Checker', async ({ request }) => {
  test.setTimeout(120_000);
  const map = await mkdtemp(join(tmpdir(), 'functiepaginas-'));
  const bestanden: string[] = [];
  for (const [status, , verzoek] of gevallen) {
    const bestand = join(map, `${status}.html`);
    await writeFile(bestand, await (await verzoek(request)).text());
    bestanden.push(bestand);
  }
  const fouten = await htmlFouten(bestanden);
  expect(fouten, `HTML-fouten:\n${fouten.join('\n')}`).toEqual([]);
});

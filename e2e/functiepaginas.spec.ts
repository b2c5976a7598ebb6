import { expect, test } from '@playwright/test';
import { axeFouten } from './axe.ts';
import { functiepaginas } from './functiepaginas.ts';
import { openHoofdmenu } from './menu.ts';

/**
 * Every page the sign-up function renders (e2e/functiepaginas.ts) is a page of the site: the
 * same header, navigation, footer, styles and favicon as the event page, checked like every
 * built page (axe with the site's WCAG tags here, the Nu Html Checker in e2e/html.spec.ts).
 */
for (const [status, kop, verzoek] of functiepaginas) {
  // axe's contrast and target size, and the checkbox's size, depend on the layout: both screen sizes.
  test(`${status}: een pagina van de site, zonder WCAG-fouten`, { tag: '@layout' }, async ({ page, request }) => {
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
    await openHoofdmenu(page);
    await expect(page.getByRole('navigation', { name: /hoofdmenu/i }).getByRole('link', { name: 'Bijeenkomsten' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('Een website van de VPNG');
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');
    await expect(page).toHaveTitle(new RegExp(`^${kop}`));
    expect(await axeFouten(page)).toEqual([]);
    if (status === 422) {
      // The form comes back in the site's styles: a real checkbox, not a squeezed one.
      const vak = await page.getByRole('checkbox', { name: /Ik geef toestemming/ }).boundingBox();
      expect(vak!.width).toBeGreaterThanOrEqual(24);
      expect(vak!.height).toBeGreaterThanOrEqual(24);
      await expect(page.getByLabel('Voornaam')).toHaveValue('Anna');
    }
  });
}

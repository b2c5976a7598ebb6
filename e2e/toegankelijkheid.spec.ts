import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { axeFouten } from './axe.ts';
import { dist, gebouwdePaginas } from './gebouwd.ts';

const paginas = gebouwdePaginas();
/**
 * Pages that are another document without JavaScript: with a script of their own (JSON-LD is
 * data, not a script) or with <noscript> content.
 */
const zonderJsAnders = paginas.filter(({ bestand }) => {
  const html = readFileSync(new URL(bestand, dist), 'utf8');
  return html.includes('<noscript') || [...html.matchAll(/<script\b([^>]*)>/g)].some(([, attrs]) => !/application\/ld\+json/.test(attrs!));
});

// Contrast, overlap and target size depend on the layout: every page at both screen sizes.
test.describe('axe, met JavaScript', () => {
  for (const { pad } of paginas) {
    test(`${pad} heeft geen WCAG-fouten`, { tag: '@layout' }, async ({ page }) => {
      await page.goto(pad);
      expect(await axeFouten(page)).toEqual([]);
    });
  }
});

/**
 * Without JavaScript. Chromium with scripting switched off (javaScriptEnabled: false)
 * also stops axe itself, so the page's own scripts are blocked another way: the served
 * page gets `script-src 'none'` on top of its policy, and <noscript> content is shown,
 * as a browser without JavaScript would. axe runs through DevTools, outside the page's CSP.
 *
 * Only the pages that are another document without JavaScript: any other page is the same
 * document either way, and the run above checks it. Once, at desktop size.
 */
test.describe('axe, zonder JavaScript', () => {
  test('de pagina’s met een script worden gevonden: het inschrijfformulier en de afmeldknop', () => {
    expect(zonderJsAnders.map((p) => p.pad)).toEqual(
      expect.arrayContaining(['/bijeenkomsten/opgavegericht-besturen/', '/bijeenkomsten/opgavegericht-besturen/afmelden/']),
    );
  });
  for (const { pad } of zonderJsAnders) {
    test(`${pad} heeft geen WCAG-fouten`, async ({ page }) => {
      const geblokkeerd: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && /script-src/.test(m.text())) geblokkeerd.push(m.text());
      });
      await page.route(pad, async (route) => {
        const antwoord = await route.fetch();
        const html = (await antwoord.text()).replace(/<\/?noscript>/g, '');
        await route.fulfill({
          response: antwoord,
          body: html,
          headers: { ...antwoord.headers(), 'content-security-policy': "script-src 'none'" },
        });
      });
      await page.goto(pad);
      await expect(page.locator('h1')).toHaveCount(1);
      const scripts = await page.locator('script:not([type="application/ld+json"])').count();
      // Every script the page has was refused, so what axe sees is the page without JavaScript.
      expect(geblokkeerd.length).toBeGreaterThanOrEqual(scripts);
      expect(await axeFouten(page)).toEqual([]);
    });
  }
});

interface Stijl {
  outline: string;
  boxShadow: string;
}

const stijlVan = (el: Element): Stijl => {
  const s = getComputedStyle(el);
  return {
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none',
    boxShadow: s.boxShadow,
  };
};

// At both sizes: an element a narrow layout hides or clips would be a Tab stop without a visible focus.
test('elk element dat met Tab focus krijgt op de startpagina, laat die focus zien', { tag: '@layout' }, async ({ page }) => {
  await page.goto('/');
  // What a person can reach: on a phone the menu's links are folded away behind its Menu toggle (a <summary>).
  const bereikbaar = await page
    .locator('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')
    .filter({ visible: true })
    .count();
  const stops: { wat: string; met: Stijl; zonder: Stijl }[] = [];
  for (let i = 0; i < bereikbaar; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluateHandle(() => document.activeElement);
    const el = focus.asElement();
    if (!el || (await el.evaluate((e) => e === document.body))) break;
    const wat = await el.evaluate((e) => `${e.tagName.toLowerCase()} “${(e.textContent ?? '').trim().slice(0, 50)}”`);
    const met = await el.evaluate(stijlVan);
    // The same element without focus, to prove the indicator comes from the focus.
    await el.evaluate((e) => (e as HTMLElement).blur());
    const zonder = await el.evaluate(stijlVan);
    await el.evaluate((e) => (e as HTMLElement).focus({ focusVisible: true } as FocusOptions));
    stops.push({ wat, met, zonder });
  }
  expect(stops.length, 'aantal Tab-stops').toBe(bereikbaar);
  for (const { wat, met, zonder } of stops) {
    const zichtbaar =
      (met.outline !== 'none' && met.outline !== zonder.outline) || (met.boxShadow !== 'none' && met.boxShadow !== zonder.boxShadow);
    expect(zichtbaar, `${wat}: geen zichtbare focus (met focus ${JSON.stringify(met)}, zonder ${JSON.stringify(zonder)})`).toBe(true);
  }
});

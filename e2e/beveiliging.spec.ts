import { expect, test } from '@playwright/test';
import { volgSchendingen } from './browser.ts';
import { gebouwdePaginas } from './gebouwd.ts';

/**
 * The site works under its own Content-Security-Policy in a real browser: no page
 * triggers a violation (an inline block without its hash, a foreign source).
 */
for (const { pad } of gebouwdePaginas()) {
  test(`${pad} werkt onder de Content-Security-Policy, zonder schendingen`, async ({ page }) => {
    const schendingen = await volgSchendingen(page);
    const consoleFouten: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleFouten.push(m.text());
    });
    const antwoord = await page.goto(pad);
    const headers = antwoord?.headers() ?? {};
    expect(headers['content-security-policy'], 'Content-Security-Policy-header').toMatch(/frame-ancestors 'none'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    await page.waitForLoadState('load');
    expect(schendingen).toEqual([]);
    expect(consoleFouten).toEqual([]);
  });
}

import { expect, test } from '@playwright/test';
import { gebouwdePaginas } from './gebouwd.ts';

/**
 * The site works under its own Content-Security-Policy in a real browser: no page
 * triggers a violation (an inline block without its hash, a foreign source).
 */
for (const { pad } of gebouwdePaginas()) {
  test(`${pad} werkt onder de Content-Security-Policy, zonder schendingen`, async ({ page }) => {
    // Playwright injects this before any page script, outside the page's CSP.
    await page.addInitScript(() => {
      const lijst: string[] = [];
      Object.assign(window, { cspSchendingen: lijst });
      document.addEventListener('securitypolicyviolation', (e) =>
        lijst.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
      );
    });
    const consoleFouten: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleFouten.push(m.text());
    });
    const antwoord = await page.goto(pad);
    const headers = antwoord?.headers() ?? {};
    expect(headers['content-security-policy'], 'Content-Security-Policy-header').toMatch(/frame-ancestors 'none'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { cspSchendingen: string[] }).cspSchendingen)).toEqual([]);
    expect(consoleFouten).toEqual([]);
  });
}

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import yaml from 'js-yaml';
import { cmsHeaders } from '../src/beveiliging/headers.ts';
import { volgSchendingen } from './browser.ts';
import { dist } from './gebouwd.ts';

/**
 * The editing UI at /admin/ as Netlify serves it from the build: outside the public
 * site's budgets, not outside its safety. Its own policy and no more, not indexed, not
 * in the sitemap, no local mode, and the CMS starts under that policy without breaking
 * it, at the GitHub login (e2e/cms.spec.ts shows the editing itself, with `npm start`).
 */

test('/admin/ en zijn bestanden krijgen de eigen policy van de CMS, noindex, en geen lokale modus', async ({ request }) => {
  for (const pad of ['/admin/', '/admin/config.yml', '/admin/redactie.js', '/admin/decap-cms.js']) {
    const antwoord = await request.get(pad);
    expect(antwoord.status(), pad).toBe(200);
    const h = antwoord.headers();
    for (const [naam, waarde] of Object.entries(cmsHeaders)) expect(h[naam.toLowerCase()], `${pad} ${naam}`).toBe(waarde);
  }
  const html = await (await request.get('/admin/')).text();
  expect(html).toContain('<meta name="robots" content="noindex, nofollow"');
  // No script but two files from the site itself: the site's own for the CMS first (format,
  // words, content check), then the CMS. No live-reload client, no page scripts.
  expect([...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!.trim())).toEqual([
    'src="/admin/redactie.js"',
    'src="/admin/decap-cms.js"',
  ]);

  const config = yaml.load(await (await request.get('/admin/config.yml')).text()) as Record<string, unknown>;
  expect(config).not.toHaveProperty('local_backend');
  expect(config.publish_mode).toBe('editorial_workflow');
  expect(config.backend).toMatchObject({ name: 'github', branch: 'main' });

  const sitemap = readFileSync(new URL('sitemap-0.xml', dist), 'utf8');
  expect(sitemap).toContain('/gids/');
  expect(sitemap).not.toContain('/admin');
});

test('de CMS start onder zijn eigen policy zonder schendingen, bij het inloggen met GitHub', async ({ page }) => {
  const schendingen = await volgSchendingen(page);
  const fouten: string[] = [];
  page.on('pageerror', (e) => fouten.push(e.message));
  // The repository comes from Netlify at build time (REPOSITORY_URL or CMS_REPO); a local build has none.
  await page.route('**/admin/config.yml', async (route) => {
    const antwoord = await route.fetch();
    const config = yaml.load(await antwoord.text()) as { backend: Record<string, unknown> };
    config.backend.repo ??= 'voorbeeld/site';
    await route.fulfill({ response: antwoord, body: yaml.dump(config) });
  });
  await page.goto('/admin/');
  await expect(page.getByRole('button', { name: 'Inloggen met GitHub' })).toBeVisible({ timeout: 30_000 });
  expect(fouten).toEqual([]);
  expect(schendingen).toEqual([]);
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { describe, expect, it } from 'vitest';
import { cmsHeaders, cmsPolicy } from '../src/beveiliging/headers.ts';
import { contentSecurityPolicy, headersTekst, inlineBlokken, metaBeleid, sha256 } from './csp-headers.ts';

describe('inlineBlokken', () => {
  it('vindt inline scripts en styles, maar geen externe scripts of JSON-LD', () => {
    const html = `<!doctype html><html><head>
      <style>a{color:red}</style>
      <script type="application/ld+json">{"@type":"Event"}</script>
      <script src="/x.js"></script>
      <script type="module">const a = 1 < 2;</script>
    </head><body><script>document.title = "<b>";</script></body></html>`;
    expect(inlineBlokken(html)).toEqual({ styles: ['a{color:red}'], scripts: ['const a = 1 < 2;', 'document.title = "<b>";'] });
  });
});

describe('contentSecurityPolicy', () => {
  it("staat alleen 'self' en de gegeven hashes toe, en verbiedt framing", () => {
    const beleid = contentSecurityPolicy({ scripts: [sha256('x')], styles: [sha256('y'), sha256('y')] });
    expect(beleid).toContain(`script-src 'self' ${sha256('x')};`);
    expect(beleid).toContain(`style-src 'self' ${sha256('y')};`);
    expect(beleid).toContain("frame-ancestors 'none'");
    expect(beleid).toContain("form-action 'self'");
    expect(beleid).not.toContain('unsafe');
  });

  it('sha256 geeft de CSP-notatie', () => {
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(sha256('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });
});

describe('headersTekst: /admin/ en de site krijgen elk hun eigen policy', () => {
  const beleid = contentSecurityPolicy({ scripts: [sha256('x')], styles: [sha256('y')] });
  const ingangen = [
    { naam: '_astro', map: true },
    { naam: '_headers', map: false },
    { naam: '404.html', map: false },
    { naam: 'admin', map: true },
    { naam: 'bijeenkomsten', map: true },
    { naam: 'favicon.svg', map: false },
    { naam: 'gids', map: true },
    { naam: 'index.html', map: false },
  ];

  /** The rules Netlify's own parser (what netlify build and @netlify/dev use) finds for a path. */
  async function regelsVoor(paden: string[]): Promise<Record<string, Record<string, string>[]>> {
    const map = await mkdtemp(join(tmpdir(), 'headers-'));
    const bestand = join(map, '_headers');
    await writeFile(bestand, headersTekst(beleid, ingangen));
    const { headers, errors } = await parseAllHeaders({ headersFiles: [bestand], minimal: false, configHeaders: [] });
    await rm(map, { recursive: true });
    expect(errors).toEqual([]);
    return Object.fromEntries(
      paden.map((pad) => [pad, headers.filter((h) => (h as { forRegExp: RegExp }).forRegExp.test(pad)).map((h) => h.values)]),
    );
  }

  it('geen pad krijgt twee waarden voor dezelfde header: /admin/ alleen de CMS-policy, de rest alleen die van de site', async () => {
    const cmsPaden = ['/admin/', '/admin/index.html', '/admin/config.yml', '/admin/decap-cms.js', '/admin'];
    const sitePaden = [
      '/',
      '/index.html',
      '/gids/',
      '/gids/besturen/',
      '/bijeenkomsten/x/bedankt/',
      '/_astro/a.css',
      '/favicon.svg',
      '/404.html',
    ];
    const regels = await regelsVoor([...cmsPaden, ...sitePaden]);
    for (const [pad, lijst] of Object.entries(regels)) {
      const namen = lijst.flatMap((waarden) => Object.keys(waarden).map((n) => n.toLowerCase()));
      expect(namen.length, `${pad}: elke header één keer`).toBe(new Set(namen).size);
      const samen = Object.assign({}, ...lijst) as Record<string, string>;
      expect(samen['X-Content-Type-Options'], pad).toBe('nosniff');
      if (cmsPaden.includes(pad)) {
        expect(samen, pad).toMatchObject(cmsHeaders);
      } else {
        expect(samen['Content-Security-Policy'], pad).toBe(beleid);
        expect(samen['Cross-Origin-Opener-Policy'], pad).toBe('same-origin');
        expect(samen, pad).not.toHaveProperty('X-Robots-Tag');
      }
    }
    expect(cmsHeaders['Content-Security-Policy']).toBe(cmsPolicy);
    // Nothing of the CMS's allowances reaches the site's policy.
    expect(beleid).not.toMatch(/unsafe|github|blob:/);
  });

  it('404.html draagt de policy van de site zelf, voor adressen die niet bestaan', () => {
    const html = metaBeleid('<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>y</style></head></html>', beleid);
    const [, inhoud] = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/) ?? [];
    expect(inhoud).toBe(beleid.replace("; frame-ancestors 'none'", ''));
    expect(html.indexOf('http-equiv')).toBeLessThan(html.indexOf('<style>'));
    // The charset first: it must stay within the first 1024 bytes, and the policy is longer than that.
    expect(html.indexOf('<meta charset')).toBeLessThan(html.indexOf('http-equiv'));
  });
});

import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { gebouwdePaginas } from './gebouwd.ts';

/** Directives of a policy, by name. */
function directieven(beleid: string): Map<string, string[]> {
  return new Map(
    beleid
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([naam, ...waarden]) => [naam!.toLowerCase(), waarden]),
  );
}

// Independent of the build's own extraction (integraties/csp-headers.ts): a plain scan of the served bytes.
function inline(html: string, tag: 'script' | 'style'): { attrs: string; tekst: string }[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))].map((m) => ({
    attrs: m[1] ?? '',
    tekst: m[2] ?? '',
  }));
}

const hash = (tekst: string) => `'sha256-${createHash('sha256').update(tekst).digest('base64')}'`;

test('elke pagina krijgt de beveiligingsheaders, met een strikte Content-Security-Policy', async ({ request }) => {
  for (const { pad } of gebouwdePaginas()) {
    const antwoord = await request.get(pad);
    expect(antwoord.status(), pad).toBe(200);
    const h = antwoord.headers();
    expect(h['x-content-type-options'], pad).toBe('nosniff');
    expect(h['referrer-policy'], pad).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy'], pad).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    const csp = directieven(h['content-security-policy'] ?? '');
    expect(csp.get('default-src'), pad).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors'), pad).toEqual(["'none'"]);
    expect(csp.get('form-action'), pad).toEqual(["'self'"]);
    expect(csp.get('base-uri'), pad).toEqual(["'self'"]);
    expect(csp.get('object-src'), pad).toEqual(["'none'"]);
    for (const soort of ['script-src', 'style-src']) {
      const waarden = csp.get(soort) ?? [];
      expect(waarden[0], `${pad} ${soort}`).toBe("'self'");
      expect(waarden.filter((w) => !/^'sha256-[A-Za-z0-9+/]+=*'$/.test(w)).slice(1), `${pad} ${soort}: alleen 'self' en hashes`).toEqual(
        [],
      );
      expect(waarden.join(' '), `${pad} ${soort}`).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|https?:/);
    }

    const html = await antwoord.text();
    for (const { attrs, tekst } of inline(html, 'script')) {
      if (/\bsrc=/.test(attrs) || /type="application\/(ld\+)?json"/.test(attrs)) continue;
      expect(csp.get('script-src'), `${pad}: inline script zonder hash in script-src:\n${tekst.slice(0, 200)}`).toContain(hash(tekst));
    }
    for (const { tekst } of inline(html, 'style')) {
      expect(csp.get('style-src'), `${pad}: inline style zonder hash in style-src:\n${tekst.slice(0, 200)}`).toContain(hash(tekst));
    }
    // Inline event handlers and style attributes would need 'unsafe-hashes'; the site has none.
    expect(html.match(/\s(on[a-z]+|style)=["'][^"']*["']/gi) ?? [], `${pad}: inline handlers of style-attributen`).toEqual([]);
  }
});

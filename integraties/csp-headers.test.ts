import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineBlokken, sha256 } from './csp-headers.ts';

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

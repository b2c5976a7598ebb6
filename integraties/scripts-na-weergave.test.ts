import { describe, expect, it } from 'vitest';
import { laadNaWeergave, lader } from './scripts-na-weergave.ts';

const pagina = (scripts: string) =>
  `<!doctype html><html><head><script type="application/ld+json">{"@type":"Event"}</script></head><body><form></form>${scripts}</body></html>`;

describe('scripts na de eerste weergave', () => {
  it('vervangt een gebundeld modulescript door één inline lader die hetzelfde bestand importeert', () => {
    const uit = laadNaWeergave(pagina('<script type="module" src="/_astro/Formulier.abc123.js"></script>'));
    expect(uit).not.toContain('src="/_astro/');
    expect(uit).toContain(`<script type="module">${lader(['/_astro/Formulier.abc123.js'])}</script>`);
    expect(uit).toContain('import("/_astro/Formulier.abc123.js")');
    // Data blocks stay as they are.
    expect(uit).toContain('<script type="application/ld+json">{"@type":"Event"}</script>');
  });

  it('laadt meer scripts met één lader, op de plek van het eerste', () => {
    const uit = laadNaWeergave(
      pagina('<script type="module" src="/_astro/a.1.js"></script><p>tekst</p><script type="module" src="/_astro/b.2.js"></script>'),
    );
    expect(uit.match(/<script type="module">/g)).toHaveLength(1);
    expect(uit).toContain('import("/_astro/a.1.js"),import("/_astro/b.2.js")');
    expect(uit.indexOf('<script type="module">')).toBeLessThan(uit.indexOf('<p>tekst</p>'));
  });

  it('laat een pagina zonder gebundelde scripts ongemoeid, en ook scripts van elders', () => {
    for (const html of [pagina(''), pagina('<script type="module" src="https://elders.example/x.js"></script>')]) {
      expect(laadNaWeergave(html)).toBe(html);
    }
  });

  it('de lader wacht op load en de eerste frame, en houdt een verzending vast tot de scripts er zijn', () => {
    const code = lader(['/_astro/x.js']);
    expect(code).toContain('addEventListener("load",()=>requestAnimationFrame(()=>setTimeout(laad)),{once:true})');
    expect(code).toContain('addEventListener("submit"');
    expect(code).toContain('f.requestSubmit(s)');
    // Valid JavaScript.
    expect(() => new Function(code.replaceAll('import(', 'Promise.resolve('))).not.toThrow();
  });
});

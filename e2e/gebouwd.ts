import { existsSync, readdirSync } from 'node:fs';
import { vanDeSite } from '../src/redactie/app-bestanden.ts';

/** dist/ of the last build; the checks below read it and the served site. */
export const dist = new URL('../dist/', import.meta.url);

export interface GebouwdePagina {
  /** Path inside dist/, e.g. `bijeenkomsten/index.html`. */
  bestand: string;
  /** URL path the page is served at, e.g. `/bijeenkomsten/`. */
  pad: string;
}

/**
 * Every HTML page of the build, found by walking dist/ (so a new page is checked
 * without touching the tests). Fails loudly when there is no build.
 */
export function gebouwdePaginas(): GebouwdePagina[] {
  if (!existsSync(dist)) throw new Error('Geen build gevonden in dist/: draai eerst `npm run build`.');
  return (
    readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .map((f) => f.split('\\').join('/'))
      // The editing UI is not a page of the public site: e2e/cms-gebouwd.spec.ts checks it.
      .filter((f) => f.endsWith('.html') && vanDeSite(f))
      .sort()
      .map((bestand) => ({
        bestand,
        pad:
          bestand === 'index.html' ? '/' : bestand.endsWith('/index.html') ? `/${bestand.slice(0, -'index.html'.length)}` : `/${bestand}`,
      }))
  );
}

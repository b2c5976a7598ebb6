import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Whether an HTML page asks search engines not to index it. */
function vraagtNoindex(html: string): boolean {
  return /<meta name="robots" content="[^"]*\bnoindex\b/.test(html);
}

export interface ZonderNoindex {
  integratie: AstroIntegration;
  /** For @astrojs/sitemap's `filter`: false for a built page that carries `noindex`. */
  magInSitemap: (pagina: string) => boolean;
}

/**
 * One rule for the sitemap: a page that asks not to be indexed is not in it. So a draft in
 * a deploy preview (noindex, src/layouts/BaseLayout.astro) stays out without a list of
 * drafts here. @astrojs/sitemap's filter sees only each page's address; this integration,
 * listed before it, notes where the build wrote the pages (the hooks of `astro:build:done`
 * run in the order of the list), and the filter reads the page there.
 */
export function zonderNoindex(): ZonderNoindex {
  let dist: URL | undefined;
  return {
    integratie: {
      name: 'zonder-noindex',
      hooks: {
        'astro:build:done': ({ dir }) => {
          dist = dir;
        },
      },
    },
    magInSitemap: (pagina) => {
      if (!dist) return true;
      const pad = new URL(pagina).pathname;
      // Pages are written as <path>/index.html (build.format 'directory'); other files have no <meta>.
      if (!pad.endsWith('/')) return true;
      try {
        return !vraagtNoindex(readFileSync(fileURLToPath(new URL(`.${pad}index.html`, dist)), 'utf8'));
      } catch {
        return true;
      }
    },
  };
}

import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import type { AstroIntegration } from 'astro';
import type { Connect } from 'vite';
import { cspHeaders } from './scripts/beveiliging.ts';
import { behandel, startNetlify } from './scripts/netlify-lokaal.ts';

/**
 * The site is fully static: `astro build` writes HTML to dist/ and Netlify bundles
 * netlify/functions/ itself, so the build needs no adapter (an adapter would make
 * Astro switch to server output and emit a catch-all SSR function). During
 * `astro dev` Netlify's emulation runs the functions beside the pages.
 */
function netlifyInDev(): AstroIntegration {
  return {
    name: 'netlify-in-dev',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'netlify-in-dev',
                configureServer(server) {
                  const adres = `http://localhost:${server.config.server.port ?? 4321}`;
                  const netlify = startNetlify(fileURLToPath(new URL('.', import.meta.url)), adres);
                  const handle: Connect.NextHandleFunction = (req, res, next) => {
                    netlify
                      .then((n) => behandel(n, req, res, { statisch: false, gzip: false }))
                      .then((type) => type || next())
                      .catch(next);
                  };
                  // First in the stack, ahead of Astro's own middleware (which Astro also puts
                  // first, and which would answer /api/… with its trailing-slash 404).
                  server.httpServer?.once('listening', () => server.middlewares.stack.unshift({ route: '', handle }));
                  server.httpServer?.once('close', () => void netlify.then((n) => n.stop()));
                },
              },
            ],
          },
        });
      },
    },
  };
}

export default defineConfig({
  // Netlify sets URL during its build; SITE_URL overrides it for another domain.
  site: process.env.SITE_URL ?? process.env.URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // CSS inline in every page: ~2 KB gzip per page instead of a render-blocking request,
  // which on a slow mobile connection costs a round trip before the first paint.
  // The Content-Security-Policy allows each block by its hash (scripts/beveiliging.ts).
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [
    netlifyInDev(),
    // Every page but the 404 (which is served for unknown paths, not a page of its own).
    sitemap({ filter: (pagina) => !new URL(pagina).pathname.startsWith('/404') }),
    cspHeaders(),
  ],
  devToolbar: { enabled: false },
});

import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import type { AstroIntegration } from 'astro';
import type { Connect } from 'vite';
import { cspHeaders } from './scripts/beveiliging.ts';
import { bewaakFunctie, bouwFunctie, FUNCTIE_BESTAND } from './scripts/functie-bouw.ts';
import { kopAnkers } from './src/lib/kop-ankers.ts';
import { controleerInhoud, verslag } from './scripts/controleer-inhoud.ts';

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
                  // Loaded here and not imported at the top: @netlify/dev takes 2-3 s to load,
                  // which every build paid for. Through the dev server, because the Vite
                  // runner that loaded this config is closed by now.
                  const lokaal = server.ssrLoadModule(fileURLToPath(new URL('./scripts/netlify-lokaal.ts', import.meta.url))) as Promise<
                    typeof import('./scripts/netlify-lokaal.ts')
                  >;
                  const netlify = lokaal.then(({ startNetlify }) => startNetlify(fileURLToPath(new URL('.', import.meta.url)), adres));
                  const handle: Connect.NextHandleFunction = (req, res, next) => {
                    Promise.all([lokaal, netlify])
                      .then(([{ behandel }, n]) => behandel(n, req, res, { statisch: false, gzip: false }))
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

/**
 * The sign-up function as Netlify deploys it: one bundled file in netlify/functions/,
 * with the events and the site's address inside (scripts/functie-bouw.ts). Built after
 * the pages; in `astro dev` built at start and again on every change.
 */
function functieBundel(): AstroIntegration {
  let root: URL;
  let site: string;
  return {
    name: 'functie-bundel',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        root = config.root;
        site = config.site ?? 'http://localhost:4321';
        if (command !== 'dev') return;
        await bewaakFunctie({ root, site }, (fout) => (fout ? logger.error(`Functie niet gebouwd: ${fout.message}`) : logger.info(`${FUNCTIE_BESTAND} bijgewerkt`)));
      },
      'astro:build:done': async ({ logger }) => {
        const bytes = await bouwFunctie({ root, site });
        logger.info(`${FUNCTIE_BESTAND}: ${(bytes / 1024).toFixed(1)} KB`);
      },
    },
  };
}

/**
 * The editors' content check (scripts/controleer-inhoud.ts) before every build, so a
 * mistake in the Markdown stops the build with Dutch lines that name file, field and
 * fix, not with Astro's own schema dump. In `astro dev` the same lines are shown as
 * warnings, again after each saved Markdown file.
 */
function inhoudControle(): AstroIntegration {
  return {
    name: 'inhoud-controle',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        if (command !== 'build' && command !== 'dev') return;
        const project = fileURLToPath(config.root);
        const uitslag = await controleerInhoud(project);
        if (command === 'build') {
          if (uitslag.fouten.length > 0) {
            // No stack trace: the lines are for an editor, and they say all there is to say.
            const fout = new Error(verslag(uitslag));
            fout.stack = '';
            throw fout;
          }
          return;
        }
        if (uitslag.fouten.length > 0) logger.warn(verslag(uitslag));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'inhoud-controle',
                configureServer(server) {
                  server.watcher.on('change', (pad) => {
                    if (!pad.includes('/src/content/') || !pad.endsWith('.md')) return;
                    void controleerInhoud(project).then((u) => (u.fouten.length > 0 ? logger.warn(verslag(u)) : logger.info(verslag(u))));
                  });
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
  // The guide's chapters are long reads: their headings get a link to themselves.
  markdown: { processor: satteri({ hastPlugins: [kopAnkers(new URL('./src/content/gids/', import.meta.url))] }) },
  integrations: [
    inhoudControle(),
    netlifyInDev(),
    // Every page but the 404 (which is served for unknown paths, not a page of its own).
    sitemap({ filter: (pagina) => !new URL(pagina).pathname.startsWith('/404') }),
    cspHeaders(),
    functieBundel(),
  ],
  devToolbar: { enabled: false },
});

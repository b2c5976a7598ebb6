import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isRunnableDevEnvironment, type ViteDevServer } from 'vite';
import { controleerInhoud, verslag } from '../src/inhoud/controle.ts';
import { huidigeUitslag, inhoudStand, volgendeInhoudStand } from '../src/inhoud/meldingen.ts';

/**
 * In `astro dev`, on every page: compares the state of the content the page was made
 * with (`data-inhoud-stand`, src/components/InhoudMeldingen.astro) with the server's,
 * each time the page (re)connects and each time the server says it changed, and
 * reloads when they differ. Asking on connect matters: a reload message sent while the
 * page was itself reloading is lost, and the page would stay behind the files.
 */
const paginaScript = `
if (import.meta.hot) {
  const eigen = document.querySelector('[data-inhoud-stand]')?.getAttribute('data-inhoud-stand');
  import.meta.hot.on('inhoud:stand', ({ stand }) => {
    if (eigen !== null && eigen !== undefined && String(stand) !== eigen) location.reload();
  });
  import.meta.hot.on('vite:ws:connect', () => import.meta.hot.send('inhoud:stand?'));
  import.meta.hot.send('inhoud:stand?');
}
`;

/** Astro's id for its content store in the page renderer (astro/dist/content/consts.js). */
const opslagModule = '\0astro:data-layer-content';

/**
 * What Astro does when its content store was written (invalidateDataStore in
 * astro/dist/content/vite-plugin-content-virtual-mod.js, not exported): drop the cached
 * store in every server environment and tell them, so each page's getStaticPaths runs
 * again. Harmless when nothing changed; if Astro renames its ids, this does nothing.
 */
function vergeetOpslag(server: ViteDevServer): void {
  for (const omgeving of Object.values(server.environments)) {
    if (omgeving.name === 'client') continue;
    const knoop = omgeving.moduleGraph.getModuleById(opslagModule);
    if (knoop) omgeving.moduleGraph.invalidateModule(knoop, undefined, Date.now(), true);
    if (isRunnableDevEnvironment(omgeving)) {
      const geladen = omgeving.runner.evaluatedModules.getModuleById(opslagModule);
      if (geladen) omgeving.runner.evaluatedModules.invalidateModule(geladen);
    }
    omgeving.hot.send('astro:content-changed', {});
  }
}

/**
 * The editors' content check (src/inhoud/controle.ts) in the build and in `astro dev`.
 *
 * - Build: a mistake stops the build before anything is built, with the Dutch lines of
 *   `npm run check:inhoud` and nothing else. They are printed here and the process ends
 *   with exit code 1: an error thrown from a hook would get Astro's English line
 *   ("An unhandled error occurred…") above it.
 * - Dev: the same lines as a warning in the terminal, and on top of every page
 *   (src/components/InhoudMeldingen.astro). The server keeps running: a file with a
 *   mistake is left out (src/inhoud/lader.ts). After files in src/content/ are saved,
 *   added or removed, the check runs again; when its outcome changed, the terminal says
 *   so and open pages reload (paginaScript above).
 */
export function inhoudscontrole(): AstroIntegration {
  return {
    name: 'inhoud-controle',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig, injectScript }) => {
        if (command !== 'build' && command !== 'dev') return;
        const project = fileURLToPath(config.root);
        const uitslag = await controleerInhoud(project);
        if (command === 'build') {
          if (uitslag.fouten.length > 0) {
            console.error(verslag(uitslag));
            process.exit(1);
          }
          return;
        }
        if (uitslag.fouten.length > 0) logger.warn(verslag(uitslag));
        let vorige = verslag(uitslag);
        const inhoud = `${project.replace(/[\\/]$/, '')}${sep}src${sep}content${sep}`;
        injectScript('page', paginaScript);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'inhoud-controle',
                configureServer(server) {
                  server.ws.on('inhoud:stand?', (_gegevens, pagina) => pagina.send('inhoud:stand', { stand: inhoudStand() }));
                  // Astro's content store follows a saved file by itself: it writes itself out
                  // (.astro/data-store.json) 500 ms after the last change, drops its cached
                  // copy in the page renderer and reloads the pages. A page being made at that
                  // moment can put the old copy back in the cache, and the site then keeps
                  // showing the old content until the next change. So shortly after the store
                  // is written (or, if it was not, once the files are quiet) this does Astro's
                  // invalidation once more, raises the stand so every page made before
                  // reloads, and runs the check for the terminal.
                  const opslag = join(project, '.astro', 'data-store.json');
                  let wekker: ReturnType<typeof setTimeout> | undefined;
                  const straks = (ms: number) => {
                    clearTimeout(wekker);
                    wekker = setTimeout(() => void gezet(), ms);
                  };
                  const gezet = async () => {
                    vergeetOpslag(server);
                    const u = await huidigeUitslag();
                    const nu = verslag(u);
                    if (nu !== vorige) {
                      vorige = nu;
                      if (u.fouten.length > 0) logger.warn(nu);
                      else logger.info(nu);
                    }
                    server.ws.send('inhoud:stand', { stand: volgendeInhoudStand() });
                  };
                  const opnieuw = (pad: string) => {
                    if (pad === opslag) straks(300);
                    else if (pad.startsWith(inhoud)) straks(1500);
                  };
                  for (const gebeurtenis of ['add', 'change', 'unlink'] as const) server.watcher.on(gebeurtenis, opnieuw);
                },
              },
            ],
          },
        });
      },
    },
  };
}

import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
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
                  // Astro's content store follows a saved file by itself: it writes itself
                  // out 500 ms after the last change and reloads the pages. A page made
                  // around that moment can still show the old content (and Astro sends
                  // no second reload), so once the files are quiet after that the stand
                  // goes up and every page made before reloads once more, now with the
                  // store settled. The check runs then too, for the terminal.
                  let wekker: ReturnType<typeof setTimeout> | undefined;
                  const gezet = async () => {
                    const u = await huidigeUitslag();
                    const nu = verslag(u);
                    if (nu !== vorige) {
                      vorige = nu;
                      if (u.fouten.length > 0) logger.warn(nu);
                      else logger.info(nu);
                    }
                    // Astro's own signal to forget the addresses each page's getStaticPaths gave:
                    // a page made while the store changed may have left the old ones behind.
                    for (const omgeving of Object.values(server.environments)) {
                      if (omgeving.name !== 'client') omgeving.hot.send('astro:content-changed', {});
                    }
                    server.ws.send('inhoud:stand', { stand: volgendeInhoudStand() });
                  };
                  const opnieuw = (pad: string) => {
                    if (!pad.startsWith(inhoud)) return;
                    clearTimeout(wekker);
                    wekker = setTimeout(() => void gezet(), 1500);
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

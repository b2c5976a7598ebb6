import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { controleerInhoud, verslag } from '../src/inhoud/controle.ts';

/**
 * The editors' content check (src/inhoud/controle.ts) in the build and in `astro dev`.
 *
 * - Build: a mistake stops the build before anything is built, with the Dutch lines of
 *   `npm run check:inhoud` and nothing else. They are printed here and the process ends
 *   with exit code 1: an error thrown from a hook would get Astro's English line
 *   ("An unhandled error occurred…") above it.
 * - Dev: the same lines as a warning in the terminal, and on top of every page
 *   (src/components/InhoudMeldingen.astro). The server keeps running: a file with a
 *   mistake is left out (src/inhoud/lader.ts). After each saved, added or removed
 *   Markdown file the check runs again and, when its outcome changed, the browser
 *   reloads, so the lines on the page follow the files.
 */
export function inhoudscontrole(): AstroIntegration {
  return {
    name: 'inhoud-controle',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
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
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'inhoud-controle',
                configureServer(server) {
                  const opnieuw = async (pad: string) => {
                    if (!pad.startsWith(inhoud)) return;
                    const u = await controleerInhoud(project);
                    const nu = verslag(u);
                    if (nu === vorige) return;
                    vorige = nu;
                    if (u.fouten.length > 0) logger.warn(nu);
                    else logger.info(nu);
                    server.ws.send({ type: 'full-reload', path: '*' });
                  };
                  for (const gebeurtenis of ['add', 'change', 'unlink'] as const)
                    server.watcher.on(gebeurtenis, (pad) => void opnieuw(pad));
                },
              },
            ],
          },
        });
      },
    },
  };
}

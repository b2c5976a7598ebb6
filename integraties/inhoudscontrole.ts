import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { controleerInhoud, verslag } from '../src/inhoud/controle.ts';

/**
 * The editors' content check (src/inhoud/controle.ts) before every build, so a
 * mistake in the Markdown stops the build with Dutch lines that name file, field and
 * fix, not with Astro's own schema dump. In `astro dev` the same lines are shown as
 * warnings, again after each saved Markdown file.
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

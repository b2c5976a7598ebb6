import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { controleerInhoud, openVerslag, verslag } from '../src/inhoud/controle.ts';

/** Where `astro dev` answers with the fingerprint of the current content (src/inhoud/stand.ts). */
const standAdres = '/_inhoud-stand.json';

/**
 * In `astro dev`, on every page that carries `data-inhoud-stand` (the fingerprint of the
 * content it was made with, src/components/InhoudMeldingen.astro): asks the server for the
 * current fingerprint each time the page (re)connects and each time content files changed,
 * and reloads when they differ. Asking on connect matters: Astro reloads the pages itself
 * once it has stored a change, but that message is lost on a page that is reloading at
 * that moment, and the page would stay behind the files (docs/ontwikkelaars/architectuur.md). A page
 * without the attribute, such as the editing UI at /admin/, is left alone.
 */
const paginaScript = `
const eigen = document.querySelector('[data-inhoud-stand]')?.getAttribute('data-inhoud-stand');
if (import.meta.hot && eigen) {
  const vergelijk = async () => {
    try {
      const antwoord = await fetch(${JSON.stringify(standAdres)}, { cache: 'no-store' });
      if (antwoord.ok && (await antwoord.json()).stand !== eigen) location.reload();
    } catch {
      // The server is restarting: Vite's client reconnects, and then this asks again.
    }
  };
  import.meta.hot.on('vite:ws:connect', vergelijk);
  import.meta.hot.on('inhoud:gewijzigd', vergelijk);
  vergelijk();
}
`;

/**
 * The editors' content check (src/inhoud/controle.ts) in the build and in `astro dev`.
 *
 * - Build: a mistake stops the build before anything is built, with the Dutch lines of
 *   `npm run check:inhoud` and nothing else. Without mistakes, the open items (what the
 *   content marks as "nog te bevestigen") are printed as a warning, and the build goes on. They are printed here and the process ends
 *   with exit code 1: an error thrown from a hook would get Astro's English line
 *   ("An unhandled error occurred…") above it.
 * - Dev: the same lines as a warning in the terminal, and on top of every page
 *   (src/components/InhoudMeldingen.astro). The server keeps running: a file with a
 *   mistake is left out (src/inhoud/lader.ts). After files in src/content/ are saved,
 *   added or removed, the check runs again; when its outcome changed, the terminal says
 *   so. Open pages are then told to compare their content with the server's (paginaScript
 *   above): a change the store does not see, such as one mistake in a left-out file
 *   replaced by another, changes the banner too.
 *
 * Only public APIs: injectScript and injectRoute, the dev server's file watcher and its
 * websocket for a custom event.
 */
export function inhoudscontrole(): AstroIntegration {
  let project = '';
  /** The check's outcome as last printed in the dev terminal. */
  let vorige = '';
  return {
    name: 'inhoud-controle',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, injectScript, injectRoute }) => {
        if (command !== 'build' && command !== 'dev') return;
        project = fileURLToPath(config.root);
        const uitslag = await controleerInhoud(project);
        if (command === 'build') {
          if (uitslag.fouten.length > 0) {
            console.error(verslag(uitslag));
            process.exit(1);
          }
          // What the content shows as "nog te bevestigen": a warning in every build log, never a stop.
          const open = openVerslag(uitslag);
          if (open) logger.warn(open);
          return;
        }
        vorige = verslag(uitslag);
        if (uitslag.fouten.length > 0) logger.warn(vorige);
        else {
          const open = openVerslag(uitslag);
          if (open) logger.warn(open);
        }
        injectScript('page', paginaScript);
        injectRoute({ pattern: standAdres, entrypoint: new URL('../src/inhoud/stand.ts', import.meta.url) });
      },
      'astro:server:setup': ({ server, logger }) => {
        const inhoud = `${project.replace(/[\\/]$/, '')}${sep}src${sep}content${sep}`;
        let wekker: ReturnType<typeof setTimeout> | undefined;
        // A second after the last change: by then the loader has usually stored it and Astro
        // has reloaded the pages, so a page reloads a second time only when the banner changed.
        const gewijzigd = async () => {
          const uitslag = await controleerInhoud(project);
          const nu = verslag(uitslag);
          if (nu !== vorige) {
            vorige = nu;
            if (uitslag.fouten.length > 0) logger.warn(nu);
            else logger.info(nu);
          }
          server.ws.send('inhoud:gewijzigd', {});
        };
        const opnieuw = (pad: string) => {
          if (!pad.startsWith(inhoud)) return;
          clearTimeout(wekker);
          wekker = setTimeout(() => void gewijzigd(), 1000);
        };
        for (const gebeurtenis of ['add', 'change', 'unlink'] as const) server.watcher.on(gebeurtenis, opnieuw);
      },
    },
  };
}

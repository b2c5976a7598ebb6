import { readFile, rm, rmdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Connect } from 'vite';
import { bewaakFunctie, bouwFunctie, FUNCTIE_BESTAND } from '../netlify/functie-bouw.ts';
import { naarRequest, schrijfAntwoord } from '../netlify/http.ts';
import { padPast } from '../src/functie/per-pad.ts';
import { SJABLOON_PAD } from '../src/functie/sjabloon.ts';
import { INHOUD_MAP } from '../src/inhoud/bijeenkomsten-voor-functie.ts';
import { standaard } from '../src/omgeving.ts';

/**
 * Node's own import(), out of reach of Vite, which loads this config and would send an
 * import() here through its module runner: the bundle is plain Node code, loaded again
 * under a new query after each rebuild.
 */
const nodeImport = new Function('adres', 'return import(adres)') as (adres: string) => Promise<unknown>;

interface FunctieModule {
  default: (req: Request) => Promise<Response>;
  config: { path: string | string[] };
}

/**
 * The sign-up function as Netlify deploys it: one bundled file in netlify/functions/,
 * with the events and the site's address inside (netlify/functie-bouw.ts), written after
 * the pages.
 *
 * In `astro dev` the same bundle is built at start and again on every change to its
 * sources or an event, and answers at its own path in this process: a sign-up takes
 * milliseconds, several can run at once, and nothing is rebuilt per request.
 *
 * The function's own pages use the site's layout from src/pages/inschrijven/sjabloon.astro:
 * the build reads that page into the bundle and removes it from dist/; in dev the bundle
 * is built again with the page as the dev server renders it, once the server listens.
 */
export function inschrijffunctie(): AstroIntegration {
  let root: URL;
  let site: string;
  return {
    name: 'inschrijffunctie',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        root = config.root;
        site = config.site ?? 'http://localhost:4321';
        if (command !== 'dev') return;
        // `npm start` is a developer's machine: the bundle, loaded in this process, may use the
        // outbox and the public test secret (src/functie/omgeving.ts). Never in a build.
        standaard('INSCHRIJVING_LOKAAL', '1');

        let versie = 0;
        let module: Promise<FunctieModule> | undefined;
        let devAdres: string | undefined;
        const sjabloon = async () => (devAdres ? (await fetch(new URL(SJABLOON_PAD, devAdres))).text() : undefined);
        const bewaker = await bewaakFunctie({ root, site, sjabloon }, (fout) => {
          if (fout) return logger.error(`Inschrijffunctie niet gebouwd: ${fout.message}`);
          versie++;
          module = undefined;
          // A developer's line (astro dev --verbose): an editor has nothing to do with it, on every save.
          logger.debug(`${FUNCTIE_BESTAND} gebouwd (${versie === 1 ? 'start' : 'na een wijziging'})`);
        });
        const laad = () =>
          (module ??= nodeImport(`${pathToFileURL(new URL(FUNCTIE_BESTAND, root).pathname).href}?v=${versie}`) as Promise<FunctieModule>);

        updateConfig({
          vite: {
            plugins: [
              {
                name: 'inschrijffunctie',
                configureServer(server) {
                  const basis = `http://localhost:${server.config.server.port ?? 4321}`;
                  server.httpServer?.once('listening', () => {
                    const adres = server.httpServer?.address();
                    devAdres =
                      adres && typeof adres === 'object'
                        ? `http://${adres.family === 'IPv6' ? `[${adres.address}]` : adres.address}:${adres.port}`
                        : basis;
                    void bewaker.opnieuw();
                  });
                  const handle: Connect.NextHandleFunction = (req, res, next) => {
                    const pad = (req.url ?? '/').split('?')[0]!;
                    laad()
                      .then(async (m) => {
                        if (![m.config.path].flat().some((p) => padPast(p, pad))) return next();
                        await schrijfAntwoord(req, res, await m.default(naarRequest(req, basis)), {}, false);
                      })
                      .catch(next);
                  };
                  // First in the stack, ahead of Astro's own middleware (which would answer
                  // /api/… with its trailing-slash 404).
                  server.httpServer?.once('listening', () => server.middlewares.stack.unshift({ route: '', handle }));
                  // An event added, changed or removed: build again once the file is quiet
                  // (see Bewaking.opnieuw); esbuild joins a rebuild asked for during a build.
                  const bijeenkomsten = fileURLToPath(new URL(`${INHOUD_MAP}/`, root));
                  let wekker: ReturnType<typeof setTimeout> | undefined;
                  for (const gebeurtenis of ['add', 'change', 'unlink'] as const) {
                    server.watcher.on(gebeurtenis, (pad) => {
                      if (!pad.startsWith(bijeenkomsten) || !pad.endsWith('.md')) return;
                      clearTimeout(wekker);
                      wekker = setTimeout(() => void bewaker.opnieuw(), 300);
                    });
                  }
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const pagina = new URL(`.${SJABLOON_PAD}`, dir);
        const html = await readFile(new URL('index.html', pagina), 'utf8');
        const bytes = await bouwFunctie({ root, site, sjabloon: async () => html });
        // The template is no page of the site.
        await rm(pagina, { recursive: true });
        await rmdir(new URL('../', pagina)).catch(() => {});
        logger.info(`${FUNCTIE_BESTAND}: ${(bytes / 1024).toFixed(1)} KB`);
      },
    },
  };
}

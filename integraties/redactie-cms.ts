import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { networkInterfaces } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cmsHeaders } from '../src/beveiliging/headers.ts';
import type { Herkomst } from '../src/beveiliging/herkomst.ts';
import { omgeving } from '../src/omgeving.ts';
import {
  type Adres,
  actieVan,
  herkomstFout,
  isLoopback,
  LOOPBACK_NAMEN,
  padenFout,
  type Toegang,
  toegangUitConfig,
} from '../src/redactie/api-wacht.ts';
import { CMS_PAD, CMS_PAGINA } from '../src/redactie/app-bestanden.ts';
import { cmsConfig, LOKALE_API } from '../src/redactie/config.ts';

type Volgende = (fout?: unknown) => void;
type Verzoek = IncomingMessage & { body?: unknown };
type App = (req: Verzoek, res: ServerResponse, volgende: Volgende) => void;

/** The variable that turns the local API on while the dev server listens on the network. */
const OP_NETWERK = 'REDACTIE_OP_NETWERK';

/**
 * The editing UI in `astro dev` (`npm start`), without any account: Decap's own
 * file-system API (the npm package decap-server, as `npx decap-server` runs it) is
 * mounted on the dev server at /api/v1, so the CMS on /admin/ reads and writes the
 * Markdown files of the working copy, same origin, no second process or port. The
 * /admin/ pages get the policy they get on Netlify (src/beveiliging/headers.ts), so
 * what the CMS needs is found with `npm start` already. Nothing of this is in the build.
 *
 * The API sits in front of Vite's own Host check, so it checks Host, Origin and every
 * path itself (src/redactie/api-wacht.ts). While the server listens on the
 * network (`astro dev --host`) it is not there at all, unless REDACTIE_OP_NETWERK=1.
 */
export function redactieCms(): AstroIntegration {
  let root = process.cwd();
  let paginas = 'src/pages';
  return {
    name: 'redactie-cms',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        paginas = relative(root, fileURLToPath(new URL('pages/', config.srcDir)))
          .split(sep)
          .join('/');
      },
      'astro:server:setup': ({ server, logger }) => {
        let api: Promise<App> | undefined;
        const handle = (req: IncomingMessage, res: ServerResponse, volgende: Volgende) => {
          const pad = (req.url ?? '').split('?')[0] ?? '';
          if (pad.startsWith(CMS_PAD)) {
            for (const [naam, waarde] of Object.entries(cmsHeaders)) res.setHeader(naam, waarde);
            // As Netlify does: the folder's address serves its index.html, the endpoint with the
            // page as it is, so Astro adds no live-reload client that would reload the CMS.
            if (pad === CMS_PAD) req.url = `${CMS_PAGINA}${(req.url ?? '').slice(pad.length)}`;
            return volgende();
          }
          if (pad !== LOKALE_API || !api) return volgende();
          api.then((app) => app(req, res, volgende), volgende);
        };
        // Once listening, the server knows its address and port (Vite takes the next port
        // when the configured one is busy): the API answers only to that.
        server.httpServer?.once('listening', () => {
          // First in the stack, ahead of Astro's own middleware (which would answer
          // /api/v1 with its trailing-slash 404).
          server.middlewares.stack.unshift({ route: '', handle });
          const adres = server.httpServer?.address();
          if (!adres || typeof adres === 'string') return;
          const opNetwerk = !isLoopback(adres.address);
          if (opNetwerk && omgeving(OP_NETWERK) !== '1') {
            logger.info(
              `De redactie (/admin/) kan niet opslaan: de server luistert op het netwerk, dus de lokale API staat uit. Zet ${OP_NETWERK}=1 om hem toch aan te zetten; dan kan iedereen op het netwerk bestanden wijzigen.`,
            );
            return;
          }
          if (opNetwerk)
            logger.warn(
              `Let op: ${OP_NETWERK}=1 en de server luistert op het netwerk: iedereen op het netwerk kan via /api/v1 bestanden in deze map wijzigen.`,
            );
          const eigen: Adres = {
            protocol: server.config.server.https ? 'https:' : 'http:',
            namen: opNetwerk ? [...LOOPBACK_NAMEN, ...netwerkNamen(adres.address)] : LOOPBACK_NAMEN,
            poort: adres.port,
          };
          // The folders of the configuration the CMS gets in dev (src/pages/admin/config.yml.ts).
          const config = cmsConfig({ lokaal: true, branch: 'main', site: `${eigen.protocol}//localhost:${eigen.poort}` });
          api = lokaleApi(root, eigen, toegangUitConfig(config, [paginas]));
          api.catch((fout: unknown) => logger.error(`De lokale API van de redactie start niet: ${String(fout)}`));
        });
      },
    },
  };
}

/** The addresses this computer has on the network, as Host names: for a server that listens on all of them, every one. */
function netwerkNamen(luistert: string): string[] {
  const alle = luistert === '0.0.0.0' || luistert === '::';
  const adressen = alle
    ? Object.values(networkInterfaces())
        .flat()
        .flatMap((i) => (i && !(i.family === 'IPv6' && i.scopeid) ? [i.address] : []))
    : [luistert];
  return adressen.map((a) => (a.includes(':') ? `[${a}]` : a));
}

const herkomstVan = (req: IncomingMessage): Herkomst => ({
  host: req.headers.host,
  origin: req.headers.origin,
  secFetchSite: [req.headers['sec-fetch-site']].flat()[0],
});

function weiger(res: ServerResponse, fout: string, status = 403): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: fout }));
}

/** Express tells an error handler from a middleware by its four parameters. */
type Foutafhandeling = (fout: unknown, req: Verzoek, res: ServerResponse, volgende: Volgende) => void;
interface Express {
  (): App & { use: (handler: App | Foutafhandeling) => void };
  json: (opties: { limit: string }) => App;
}

/** decap-server's file-system mode as an Express app, behind the checks of src/redactie/api-wacht.ts. */
async function lokaleApi(root: string, adres: Adres, toegang: Toegang): Promise<App> {
  // Both are CommonJS, loaded with Node's own require: Vite's module runner, which
  // loaded this file, is closed by the time this hook runs.
  const laad = createRequire(join(root, 'package.json'));
  const express = laad('express') as Express;
  const { registerLocalFs } = laad('decap-server/dist/middlewares.js') as {
    registerLocalFs: (app: App, options: { logLevel: string }) => Promise<void>;
  };
  // decap-server reads the folder to serve from this variable, else the working directory.
  process.env.GIT_REPO_DIRECTORY = root;
  const app = express();
  // Host and Origin first, from the headers alone: a request from elsewhere is refused unread.
  const herkomst: App = (req, res, volgende) => {
    const fout = herkomstFout(herkomstVan(req), adres, false);
    if (fout) weiger(res, fout);
    else volgende();
  };
  app.use(herkomst);
  // The body, read once, with decap-server's own limit (an image is sent as base64).
  // decap-server's express.json after this sees the body is read and leaves it.
  app.use(express.json({ limit: '50mb' }));
  const onleesbaar: Foutafhandeling = (_fout, _req, res, _volgende) =>
    weiger(res, 'De lokale API kan dit verzoek niet lezen: geen JSON, of te groot.', 400);
  app.use(onleesbaar);
  // What the request does: a write needs the Origin, and every path must stay in the CMS's folders.
  const wat: App = (req, res, volgende) => {
    const actie = actieVan(req.body);
    if (!actie) return weiger(res, 'De lokale API kent deze actie niet.');
    const fout = herkomstFout(herkomstVan(req), adres, actie.schrijft);
    if (fout) return weiger(res, fout);
    padenFout(actie, root, toegang).then((padfout) => (padfout ? weiger(res, padfout) : volgende()), volgende);
  };
  app.use(wat);
  // Its own logger (winston): only what went wrong, not every request.
  await registerLocalFs(app, { logLevel: 'warn' });
  return app;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cmsHeaders } from '../src/beveiliging/headers.ts';
import { LOKALE_API } from '../src/inhoud/cms.ts';
import { CMS_PAD } from '../src/inhoud/cms-bestanden.ts';

type Volgende = (fout?: unknown) => void;

/** A post from another site: the local API writes files, so only the site's own pages may use it. */
export function vanElders(req: IncomingMessage, eigen: string): boolean {
  const herkomst = req.headers.origin;
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  return herkomst !== undefined && herkomst !== eigen;
}

/**
 * The editing UI in `astro dev` (`npm start`), without any account: Decap's own
 * file-system API (the npm package decap-server, as `npx decap-server` runs it) is
 * mounted on the dev server at /api/v1, so the CMS on /admin/ reads and writes the
 * Markdown files of the working copy, same origin, no second process or port. The
 * /admin/ pages get the policy they get on Netlify (src/beveiliging/headers.ts), so
 * what the CMS needs is found with `npm start` already. Nothing of this is in the build.
 */
export function redactieCms(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'redactie-cms',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': async ({ server }) => {
        const api = await lokaleApi(root);
        const handle = (req: IncomingMessage, res: ServerResponse, volgende: Volgende) => {
          const pad = (req.url ?? '').split('?')[0] ?? '';
          if (pad.startsWith(CMS_PAD)) {
            for (const [naam, waarde] of Object.entries(cmsHeaders)) res.setHeader(naam, waarde);
            return volgende();
          }
          if (pad !== LOKALE_API) return volgende();
          if (vanElders(req, `http://${req.headers.host}`)) {
            res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'alleen vanaf deze site' }));
            return;
          }
          api(req, res, volgende);
        };
        // First in the stack, ahead of Astro's own middleware (which would answer
        // /api/v1 with its trailing-slash 404).
        server.httpServer?.once('listening', () => server.middlewares.stack.unshift({ route: '', handle }));
      },
    },
  };
}

type App = (req: IncomingMessage, res: ServerResponse, volgende: Volgende) => void;

/** decap-server's file-system mode as an Express app. */
async function lokaleApi(root: string): Promise<App> {
  // Both are CommonJS, loaded with Node's own require: Vite's module runner, which
  // loaded this file, is closed by the time this hook runs.
  const laad = createRequire(join(root, 'package.json'));
  const express = laad('express') as () => App;
  const { registerLocalFs } = laad('decap-server/dist/middlewares.js') as {
    registerLocalFs: (app: App, options: { logLevel: string }) => Promise<void>;
  };
  // decap-server reads the folder to serve from this variable, else the working directory.
  process.env.GIT_REPO_DIRECTORY = root;
  const app = express();
  // Its own logger (winston): only what went wrong, not every request.
  await registerLocalFs(app, { logLevel: 'warn' });
  return app;
}

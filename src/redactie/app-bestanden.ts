import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { build } from 'esbuild';
import { SITE_NAAM } from '../site.ts';
import { decapMap } from './decap-pakket.ts';

/** Where the editing UI lives on the site: its folder in dist/ and its path. */
export const CMS_MAP = 'admin';
export const CMS_PAD = `/${CMS_MAP}/`;
/** The editing UI's page as a file: what Netlify serves for CMS_PAD, and what `astro dev` serves there (integraties/redactie-cms.ts). */
export const CMS_PAGINA = `${CMS_PAD}index.html`;
/** The site's own script for the editing UI (src/redactie/browser/start.ts, bundled). */
export const CMS_SCRIPT = `${CMS_PAD}redactie.js`;

/**
 * The editing UI's page. Plain HTML from an endpoint, not an Astro page: `astro dev` adds
 * its live-reload client and the site's page scripts to every page it renders, and that
 * client reloaded the CMS on every save and every change to a content file, losing what
 * the editor was typing. An endpoint's answer goes out as it is, in dev and in the build.
 * The site's script goes first: it holds Decap back until the format, the words and the
 * content check are registered. No layout, not indexed, not in the sitemap, and its own
 * Content-Security-Policy (src/beveiliging/headers.ts).
 */
export function cmsPagina(): string {
  return `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>Redactie — ${SITE_NAAM}</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
  </head>
  <body>
    <noscript>De redactieomgeving werkt alleen met JavaScript. Zonder kun je de Markdown-bestanden in git aanpassen: zie de handleiding voor de redactie.</noscript>
    <script src="${CMS_SCRIPT}"></script>
    <script src="${CMS_PAD}decap-cms.js"></script>
  </body>
</html>
`;
}

/**
 * src/redactie/browser/start.ts with everything it imports (the content check, the site's
 * schemas, the format) as one script, made by esbuild when it is asked for: in the build
 * once, in `astro dev` on every load of /admin/, so it is never out of date.
 */
export async function cmsScript(root = process.cwd()): Promise<string> {
  const uitslag = await build({
    entryPoints: [join(root, 'src', 'redactie', 'browser', 'start.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const [bestand] = uitslag.outputFiles;
  if (!bestand) throw new Error('esbuild gaf geen script voor de redactieomgeving');
  return bestand.text;
}

/** Whether a file of the build (its path inside dist/, with '/') belongs to the public site, not to the editing UI. */
export const vanDeSite = (bestand: string): boolean => bestand !== CMS_MAP && !bestand.startsWith(`${CMS_MAP}/`);

/**
 * The files of Decap CMS's ready-made build (dist/ of the npm package decap-cms) that /admin/
 * serves from the site itself, never from a CDN: the main script, the chunks it loads
 * on demand from beside itself, and their WebAssembly. Fetched on first use into the
 * project's node_modules/.cache/ (src/redactie/decap-pakket.ts); the project's root is the
 * working directory of `astro dev` and `astro build`.
 */
const soorten = {
  js: { patroon: /^((\d+\.)?decap-cms)\.js$/, type: 'text/javascript; charset=utf-8' },
  wasm: { patroon: /^([0-9a-f]+)\.wasm$/, type: 'application/wasm' },
} as const;

/** The names (without extension) of the files of one kind. */
async function cmsBestanden(soort: keyof typeof soorten): Promise<string[]> {
  return (await readdir(await decapMap(process.cwd())))
    .map((f) => f.match(soorten[soort].patroon)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort();
}

/** getStaticPaths and GET of the endpoint src/pages/admin/[naam].<soort>.ts. */
export function cmsEndpoint(soort: keyof typeof soorten): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => (await cmsBestanden(soort)).map((naam) => ({ params: { naam } })),
    GET: async ({ params }) =>
      new Response(await readFile(join(await decapMap(process.cwd()), `${params.naam}.${soort}`)), {
        headers: { 'content-type': soorten[soort].type },
      }),
  };
}

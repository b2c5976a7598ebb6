import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { decapMap } from './decap-pakket.ts';

/** Where the editing UI lives on the site: its folder in dist/ and its path. */
export const CMS_MAP = 'admin';
export const CMS_PAD = `/${CMS_MAP}/`;

/** Whether a file of the build (its path inside dist/, with '/') belongs to the public site, not to the editing UI. */
export const vanDeSite = (bestand: string): boolean => bestand !== CMS_MAP && !bestand.startsWith(`${CMS_MAP}/`);

/**
 * The files of Decap CMS's ready-made build (dist/ of the npm package decap-cms) that /admin/
 * serves from the site itself, never from a CDN: the main script, the chunks it loads
 * on demand from beside itself, and their WebAssembly. Fetched on first use into the
 * project's node_modules/.cache/ (src/redactie/decap-pakket.ts); the project's root is the
 * working directory of `astro dev` and `astro build`.
 */
export function cmsMap(root = process.cwd()): Promise<string> {
  return decapMap(root);
}

const soorten = {
  js: { patroon: /^((\d+\.)?decap-cms)\.js$/, type: 'text/javascript; charset=utf-8' },
  wasm: { patroon: /^([0-9a-f]+)\.wasm$/, type: 'application/wasm' },
} as const;

/** The names (without extension) of the files of one kind. */
export async function cmsBestanden(soort: keyof typeof soorten, map?: string): Promise<string[]> {
  return (await readdir(map ?? (await cmsMap())))
    .map((f) => f.match(soorten[soort].patroon)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort();
}

/** getStaticPaths and GET of the endpoint src/pages/admin/[naam].<soort>.ts. */
export function cmsEndpoint(soort: keyof typeof soorten): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => (await cmsBestanden(soort)).map((naam) => ({ params: { naam } })),
    GET: async ({ params }) =>
      new Response(await readFile(join(await cmsMap(), `${params.naam}.${soort}`)), { headers: { 'content-type': soorten[soort].type } }),
  };
}

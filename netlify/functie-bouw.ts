/**
 * Bundles the sign-up function (src/functie/functie.ts) into one file,
 * netlify/functions/inschrijven.mjs, which is what Netlify deploys.
 *
 * Netlify packs a Functions API v2 function with nft, whatever `node_bundler` says:
 * every package it imports goes into the zip whole (all of zod's locales and both
 * module formats, the YAML parser, a mail parser). A bundle made here imports nothing
 * but Node's own modules, so nft has nothing to add: the zip holds this one file.
 *
 * - The events are read and validated now, with the content's own schema, and go in
 *   as data, with the site's address: the function reads no Markdown at cold start.
 *   Drafts (`concept: true`) stay out, except in the bundle `astro dev` serves and in
 *   that of a deploy preview or branch deploy (src/inhoud/concepten.ts).
 * - The Resend SDK imports a mail parser (for inbound mail) and a webhook verifier at
 *   its top, and React Email when a mail is written in React; the function uses none of
 *   them, so each is replaced by a stub that says so if anything ever calls it.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, context, type Plugin } from 'esbuild';
import { INHOUD_MAP, leesBijeenkomsten } from '../src/inhoud/bijeenkomsten-voor-functie.ts';
import { conceptenInBouw } from '../src/inhoud/concepten.ts';
import { omgeving } from '../src/omgeving.ts';

export const FUNCTIE_BRON = 'src/functie/functie.ts';
export const FUNCTIE_MAP = 'netlify/functions';
export const FUNCTIE_BESTAND = `${FUNCTIE_MAP}/inschrijven.mjs`;

export interface BouwOpties {
  /** Project root. */
  root: URL;
  /** The site's address: Astro's `site`. */
  site: string;
  /** The built template page for the function's own pages (src/functie/sjabloon.ts), if there is one yet. */
  sjabloon?: () => Promise<string | undefined>;
  /** `astro dev`: the function knows drafts too, as the dev pages show them, and skips files with a mistake. */
  dev?: boolean;
  /** Where the bundle goes; default FUNCTIE_BESTAND. A test builds elsewhere, so it never replaces the bundle a running server uses. */
  bestand?: string;
  /** The folder of events; default the content's own (INHOUD_MAP). A test brings its own, independent of the real dates. */
  inhoud?: string;
}

function gegevensPlugin({ root, site, sjabloon, dev = false, inhoud }: BouwOpties): Plugin {
  return {
    name: 'inschrijven-gegevens',
    setup(b) {
      b.onResolve({ filter: /^inschrijven:gegevens$/ }, (a) => ({ path: a.path, namespace: 'gegevens' }));
      b.onLoad({ filter: /.*/, namespace: 'gegevens' }, async () => {
        const map = inhoud ?? fileURLToPath(new URL(INHOUD_MAP, root));
        const bijeenkomsten = [...(await leesBijeenkomsten(map, { dev, concepten: dev || conceptenInBouw() }))];
        const gegevens = { site, context: omgeving('CONTEXT'), sjabloon: await sjabloon?.(), bijeenkomsten };
        const bestanden = (await readdir(map)).filter((n) => n.endsWith('.md')).map((n) => join(map, n));
        return { contents: JSON.stringify(gegevens), loader: 'json', watchDirs: [map], watchFiles: bestanden };
      });
    },
  };
}

const nietGebruikt: Plugin = {
  name: 'niet-gebruikt',
  setup(b) {
    b.onResolve({ filter: /^(postal-mime|standardwebhooks|@react-email\/render)$/ }, (a) => ({ path: a.path, namespace: 'niet-gebruikt' }));
    b.onLoad({ filter: /.*/, namespace: 'niet-gebruikt' }, (a) => ({
      contents: `const fout = () => { throw new Error(${JSON.stringify(`${a.path} zit niet in de functiebundel (netlify/functie-bouw.ts)`)}); };
export default { parse: fout };
export const render = fout;
export class Webhook { constructor() { fout(); } }`,
      loader: 'js',
    }));
  },
};

function opties(o: BouwOpties): BuildOptions {
  return {
    entryPoints: [fileURLToPath(new URL(FUNCTIE_BRON, o.root))],
    outfile: o.bestand ?? fileURLToPath(new URL(FUNCTIE_BESTAND, o.root)),
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
    banner: { js: '// Gemaakt door netlify/functie-bouw.ts uit src/functie/functie.ts: niet met de hand wijzigen.' },
    plugins: [gegevensPlugin(o), nietGebruikt],
  };
}

/** Writes netlify/functions/inschrijven.mjs; returns its size in bytes. */
export async function bouwFunctie(o: BouwOpties): Promise<number> {
  if (!o.bestand) await mkdir(new URL(`${FUNCTIE_MAP}/`, o.root), { recursive: true });
  const { metafile } = await build(opties(o));
  return Object.values(metafile?.outputs ?? {}).reduce((n, f) => n + f.bytes, 0);
}

export interface Bewaking {
  /**
   * Builds again now. esbuild's watch mode compares an event file with how it found it
   * after the build, so a file that was still being written when it was read (empty at
   * first, as `npm run nieuw` creates it) can go unnoticed; the dev server calls this as
   * well once a changed file in src/content/bijeenkomsten/ is quiet.
   */
  opnieuw: () => Promise<void>;
  stop: () => Promise<void>;
}

/** For `astro dev`: builds now and again whenever a source file or an event changes. */
export async function bewaakFunctie(o: BouwOpties, bij: (fout?: Error) => void): Promise<Bewaking> {
  await mkdir(new URL(`${FUNCTIE_MAP}/`, o.root), { recursive: true });
  const melder: Plugin = {
    name: 'melder',
    setup(b) {
      b.onEnd((r) => bij(r.errors.length ? new Error(r.errors.map((e) => e.text).join('\n')) : undefined));
    },
  };
  const basis = opties({ ...o, dev: true });
  const ctx = await context({ ...basis, plugins: [...(basis.plugins ?? []), melder] });
  await ctx.watch();
  // One rebuild after the other; a failed build is reported through `bij` (onEnd above).
  let rij = Promise.resolve();
  return {
    opnieuw: () => {
      rij = rij
        .then(() => ctx.rebuild())
        .then(
          () => undefined,
          () => undefined,
        );
      return rij;
    },
    stop: () => ctx.dispose(),
  };
}

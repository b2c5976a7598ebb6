/**
 * The sign-up function as Netlify deploys it: netlify/functions/ packed by Netlify's own
 * bundler, @netlify/zip-it-and-ship-it, the way `netlify build` packs it (for Functions
 * API v2 that is nft, whatever `node_bundler` says). The end-to-end tests, the local
 * preview and the benchmark run the function from this package, not from the sources.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipFunctions } from '@netlify/zip-it-and-ship-it';
import { FUNCTIE_MAP } from './functie-bouw.ts';

export interface Pakket {
  naam: string;
  /** nft for Functions API v2. */
  bundler: string;
  /** What the function answers, from its `config`. */
  paden: string[];
  /** The zip (archief 'zip') or the folder with the same files (archief 'none'). */
  pad: string;
  /** Every file in the package with its size; Netlify's own files start with ___netlify-. */
  bestanden: { naam: string; bytes: number }[];
  /** Our code and its node_modules: every file but Netlify's own. */
  eigenBytes: number;
  /** The zip's size (archief 'zip' only). */
  zipBytes?: number;
}

const vanNetlify = (naam: string) => naam.split('/').pop()!.startsWith('___netlify-');

async function bestandenIn(map: string): Promise<{ naam: string; bytes: number }[]> {
  const namen = (await readdir(map, { recursive: true })).sort();
  const uit: { naam: string; bytes: number }[] = [];
  for (const naam of namen) {
    const s = await stat(join(map, naam));
    if (s.isFile()) uit.push({ naam, bytes: s.size });
  }
  return uit;
}

/** Packs netlify/functions/ into `uit`; `archief: 'none'` writes the same files as a folder. */
export async function pakFunctie(root: URL, uit: string, archief: 'zip' | 'none' = 'none'): Promise<Pakket> {
  await rm(uit, { recursive: true, force: true });
  const basis = fileURLToPath(root);
  const [functie, ...meer] = await zipFunctions([join(basis, FUNCTIE_MAP)], uit, {
    basePath: basis,
    repositoryRoot: basis,
    archiveFormat: archief,
  });
  if (!functie || meer.length > 0)
    throw new Error(`Eén functie verwacht in ${FUNCTIE_MAP}, gevonden: ${[functie, ...meer].filter(Boolean).length}`);
  const paden = (functie.routes ?? []).map((r) => ('literal' in r && r.literal) || r.pattern);
  let bestanden: Pakket['bestanden'];
  let zipBytes: number | undefined;
  if (archief === 'none') bestanden = await bestandenIn(functie.path);
  else {
    zipBytes = (await stat(functie.path)).size;
    // The same files, unpacked, to count them.
    bestanden = (await pakFunctie(root, `${uit}-uitgepakt`, 'none')).bestanden;
  }
  return {
    naam: functie.name,
    bundler: functie.bundler ?? 'onbekend',
    paden,
    pad: functie.path,
    bestanden,
    eigenBytes: bestanden.filter((b) => !vanNetlify(b.naam)).reduce((n, b) => n + b.bytes, 0),
    ...(zipBytes === undefined ? {} : { zipBytes }),
  };
}

export type Handler = (req: Request, context?: object) => Promise<Response>;

/** The function's default export from an unpacked package: the deployed file, called as the v2 runtime calls it. */
export async function laadFunctie(pakket: Pakket): Promise<Handler> {
  const hoofd = pakket.bestanden.find((b) => !vanNetlify(b.naam) && b.naam.endsWith('.mjs') && !b.naam.includes('/'));
  if (!hoofd) throw new Error(`Geen functiebestand in ${pakket.pad}`);
  const module = (await import(pathToFileURL(join(pakket.pad, hoofd.naam)).href)) as { default: Handler };
  return module.default;
}

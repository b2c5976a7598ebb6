import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, join, posix, sep } from 'node:path';
import { type Herkomst, vanElders } from '../beveiliging/herkomst.ts';

/**
 * The rules in front of the CMS's local API in `astro dev` (integraties/redactie-cms.ts).
 * That API (decap-server) reads and writes files of the working copy for anyone who can
 * post JSON to it. Its own checks are not enough: a page on another domain whose name
 * resolves to 127.0.0.1 (DNS rebinding) sends its own name as Host and as Origin, so
 * "Origin equals http://Host" holds for it, and decap-server accepts any path under the
 * project, .git/ and src/pages/ included. So: only the dev server's own names as Host,
 * only its own origin as Origin (required for a write), and only the folders the CMS
 * configuration names.
 */

/** The names a browser on this computer uses for the dev server (IPv6 in brackets, as in a Host header). */
export const LOOPBACK_NAMEN: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Where the server answers: its scheme, the host names that are its own, and the port it listens on. */
export interface Adres {
  protocol: 'http:' | 'https:';
  namen: readonly string[];
  poort: number;
}

// A Host header is a name or an IP literal and an optional port: nothing else (no user info, path or spaces).
const hostVorm = /^(?:\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i;

/**
 * The server's own origin when the Host header is one of its own names on its own port,
 * else undefined. A Host without port counts only when the port is the scheme's default.
 */
export function eigenOrigin(host: string | undefined, adres: Adres): string | undefined {
  if (!host || !hostVorm.test(host)) return undefined;
  let url: URL;
  try {
    url = new URL(`${adres.protocol}//${host}`);
  } catch {
    return undefined;
  }
  const standaard = adres.protocol === 'https:' ? 443 : 80;
  const poort = url.port === '' ? standaard : Number(url.port);
  if (poort !== adres.poort || !adres.namen.includes(url.hostname)) return undefined;
  return url.origin;
}

/** Why the API refuses a request with these headers, in Dutch, or undefined when they are its own. */
export function herkomstFout(herkomst: Herkomst, adres: Adres, originVerplicht: boolean): string | undefined {
  const eigen = eigenOrigin(herkomst.host, adres);
  if (!eigen) return 'De lokale API werkt alleen via het eigen adres van de ontwikkelserver, zoals localhost.';
  if (originVerplicht && herkomst.origin === undefined)
    return 'Schrijven kan alleen vanaf de pagina’s van de ontwikkelserver zelf (Origin ontbreekt).';
  if (vanElders(herkomst, [eigen], originVerplicht)) return 'Alleen de pagina’s van de ontwikkelserver zelf mogen de lokale API gebruiken.';
  return undefined;
}

/** Whether the server listens on this computer only (a loopback address), as Node's server.address() gives it. */
export function isLoopback(adres: string): boolean {
  return adres === '::1' || /^127\./.test(adres) || /^::ffff:127\./i.test(adres);
}

type Params = Record<string, unknown>;
/** A field of a JSON object in a request, or undefined for anything else. */
const veld = (item: unknown, naam: string): unknown => (typeof item === 'object' && item !== null ? (item as Params)[naam] : undefined);

/** Which folders of the working copy the API may touch, relative to the project root, with '/'. */
export interface Toegang {
  /** Anything inside is allowed, and the folder itself may be listed. */
  mappen: readonly string[];
  /** Never, whatever the configuration says: the folder whose files Astro runs as pages. */
  verboden: readonly string[];
}

/** A path as the CMS writes it, without './', '//' or a trailing '/'; undefined for anything that could leave its folder or hide. */
function schoonPad(pad: unknown): string | undefined {
  if (typeof pad !== 'string' || pad === '' || pad.length > 1000) return undefined;
  // A backslash is a separator on Windows and a plain character elsewhere: neither belongs in a CMS path.
  if (pad.includes('\0') || pad.includes('\\') || pad.startsWith('/') || /^[a-z]:/i.test(pad)) return undefined;
  if (pad.split('/').includes('..')) return undefined;
  // normalize() leaves at most one '/' at the end; a pattern for it would be quadratic on a run of slashes.
  const genormaliseerd = posix.normalize(pad);
  const schoon = genormaliseerd.endsWith('/') ? genormaliseerd.slice(0, -1) : genormaliseerd;
  // '.git', '.env', '.netlify' and the like: nothing the CMS makes starts with a dot.
  if (schoon === '.' || schoon.split('/').some((deel) => deel.startsWith('.'))) return undefined;
  return schoon;
}

/** Whether `pad` is `map` itself or inside it. */
const binnen = (pad: string, map: string): boolean => pad === map || pad.startsWith(`${map}/`);

/**
 * The folders the CMS configuration (src/redactie/config.ts) reads and writes: each
 * collection's `folder` and the media folder. Taken from the configuration itself, so a
 * collection or media folder added there is allowed here without more. A folder that
 * would open the whole project, a hidden one, or one that holds or lies in a forbidden
 * folder is left out.
 */
export function toegangUitConfig(config: Record<string, unknown>, verboden: readonly string[]): Toegang {
  const collecties = Array.isArray(config.collections) ? (config.collections as unknown[]) : [];
  const mappen = [config.media_folder, ...collecties.map((c) => veld(c, 'folder'))].flatMap((map) => {
    // Decap reads these relative to the project root, with or without a leading '/'.
    const schoon = schoonPad(typeof map === 'string' ? map.replace(/^\/+/, '') : map);
    return schoon !== undefined && !verboden.some((v) => binnen(schoon, v) || binnen(v, schoon)) ? [schoon] : [];
  });
  return { mappen: [...new Set(mappen)], verboden };
}

/** What a path in a request names: a folder to list, or a file to read, write or delete. */
type PadSoort = 'map' | 'bestand';

/** The path in allowed form when it stays inside what `toegang` allows, else undefined. */
export function toegestaanPad(pad: unknown, soort: PadSoort, toegang: Toegang): string | undefined {
  const schoon = schoonPad(pad);
  if (schoon === undefined || toegang.verboden.some((v) => binnen(schoon, v))) return undefined;
  const inMap = toegang.mappen.some((map) => (soort === 'map' ? binnen(schoon, map) : schoon.startsWith(`${map}/`)));
  return inMap ? schoon : undefined;
}

/** One path of a request, and what it names. */
interface Pad {
  pad: unknown;
  soort: PadSoort;
}

/** What a request to the API does: whether it writes, and every path it names. */
interface Actie {
  schrijft: boolean;
  paden: Pad[];
}

const bestand = (pad: unknown): Pad => ({ pad, soort: 'bestand' });
/** The items of a list in the request; a value that is not a list counts as one bad path. */
const lijst = (waarde: unknown, pad: (item: unknown) => Pad[]): Pad[] =>
  waarde === undefined ? [] : Array.isArray(waarde) ? waarde.flatMap(pad) : [bestand(undefined)];
/** An entry's file and, when it is renamed, its new name. */
const gegevensbestand = (item: unknown): Pad[] =>
  veld(item, 'newPath') === undefined ? [bestand(veld(item, 'path'))] : [bestand(veld(item, 'path')), bestand(veld(item, 'newPath'))];

/**
 * Every action of decap-server's file-system API (decap-server/dist/middlewares.js,
 * localFsMiddleware) with whether it writes and which paths it touches. An action not in
 * this list is refused: the guard cannot vouch for paths it does not know of. The
 * editorial-workflow actions (unpublishedEntries…) are git-only and not in the file-system API.
 */
const acties: Record<string, { schrijft: boolean; paden: (p: Params) => Pad[] }> = {
  info: { schrijft: false, paden: () => [] },
  entriesByFolder: { schrijft: false, paden: (p) => [{ pad: p.folder, soort: 'map' }] },
  entriesByFiles: { schrijft: false, paden: (p) => lijst(p.files, (f) => [bestand(veld(f, 'path'))]) },
  getEntry: { schrijft: false, paden: (p) => [bestand(p.path)] },
  getMedia: { schrijft: false, paden: (p) => [{ pad: p.mediaFolder, soort: 'map' }] },
  getMediaFile: { schrijft: false, paden: (p) => [bestand(p.path)] },
  getDeployPreview: { schrijft: false, paden: () => [] },
  persistEntry: {
    schrijft: true,
    // `entry` is the older form of one data file; decap-server writes either.
    paden: (p) => [
      ...(p.entry === undefined ? [] : gegevensbestand(p.entry)),
      ...lijst(p.dataFiles, gegevensbestand),
      ...lijst(p.assets, (a) => [bestand(veld(a, 'path'))]),
    ],
  },
  persistMedia: { schrijft: true, paden: (p) => [bestand(veld(p.asset, 'path'))] },
  deleteFile: { schrijft: true, paden: (p) => [bestand(p.path)] },
  deleteFiles: { schrijft: true, paden: (p) => lijst(p.paths, (pad) => [bestand(pad)]) },
};

/** The action of a request body as decap-server reads it, or undefined for one it does not have. */
export function actieVan(lijf: unknown): Actie | undefined {
  const naam = veld(lijf, 'action');
  if (typeof naam !== 'string' || !Object.hasOwn(acties, naam)) return undefined;
  const actie = acties[naam] as (typeof acties)[string];
  const params = veld(lijf, 'params');
  return { schrijft: actie.schrijft, paden: actie.paden(typeof params === 'object' && params !== null ? (params as Params) : {}) };
}

/**
 * The path on disk with every link resolved: of the deepest part that exists, plus the
 * parts that do not exist yet. A link that leads nowhere throws (realpath), so it is
 * never taken for a plain new file: writing through it would create its target.
 */
async function echtPad(pad: string): Promise<string> {
  const ontbreekt: string[] = [];
  let bestaand = pad;
  for (;;) {
    try {
      await lstat(bestaand);
    } catch (fout) {
      if ((fout as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(bestaand) === bestaand) throw fout;
      ontbreekt.unshift(basename(bestaand));
      bestaand = dirname(bestaand);
      continue;
    }
    return join(await realpath(bestaand), ...ontbreekt);
  }
}

/**
 * Whether the allowed path `pad` (from toegestaanPad) still lies inside an allowed folder
 * once links are followed: a link inside a content folder could otherwise lead to
 * src/pages/ or .git/. The folders themselves are resolved too, so a content folder that
 * is itself a link still works.
 */
export async function echtToegestaan(root: string, pad: string, soort: PadSoort, toegang: Toegang): Promise<boolean> {
  const doel = await echtPad(join(root, pad));
  for (const map of toegang.mappen) {
    const echt = await echtPad(join(root, map));
    if ((soort === 'map' && doel === echt) || doel.startsWith(`${echt}${sep}`)) return true;
  }
  return false;
}

/** Why the API refuses the paths of this action, in Dutch, or undefined when every one stays in the allowed folders. */
export async function padenFout(actie: Actie, root: string, toegang: Toegang): Promise<string | undefined> {
  for (const { pad, soort } of actie.paden) {
    const schoon = toegestaanPad(pad, soort, toegang);
    const fout = `Buiten de mappen van de redactie (${toegang.mappen.join(', ')}): ${JSON.stringify(pad)?.slice(0, 200)}`;
    if (schoon === undefined) return fout;
    try {
      if (!(await echtToegestaan(root, schoon, soort, toegang))) return fout;
    } catch {
      return fout;
    }
  }
  return undefined;
}

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { x as pakUit } from 'tar';
import { npmOpdracht } from '../omgeving.ts';

/**
 * The release of Decap CMS that /admin/ serves, and the npm registry's integrity hash of its
 * tarball. An upgrade is this one line: `npm view decap-cms@<versie> dist.integrity` gives the hash.
 * The devDependency decap-cms-locales (the test of the site's words) follows the version that
 * release's decap-cms-app names.
 */
// biome-ignore format: one line per release, so that an upgrade is a one-line change.
export const DECAP_CMS: Pakket = { spec: 'decap-cms@3.16.3', integrity: 'sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==' };

/** What npm can pack (a registry spec, or in tests a local tarball) and the Subresource Integrity string it must have. */
export interface Pakket {
  spec: string;
  integrity: string;
}

/**
 * Of the package's dist/, what the site serves (the main script, its chunks, their WebAssembly)
 * and the licence notice of the script. Not the source maps and not the second build `cms.js`,
 * which together are nine tenths of the package.
 */
const NODIG = /^(\d+\.)?decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|^[0-9a-f]+\.wasm$/;

const bezig = new Map<string, Promise<string>>();

/**
 * The folder with Decap CMS's ready-made build, fetched on first use: the npm package
 * decap-cms brings some 600 packages (its sources' React tree) that a prebuilt bundle does not
 * need, so it is not a dependency. Only its tarball is fetched, by npm itself (the npm cache,
 * registry and proxy settings apply), checked against the pinned hash and unpacked into
 * node_modules/.cache/decap-cms/, under a name from the hash, so an upgrade fetches anew and
 * `npm ci` (which empties node_modules) does too.
 */
export function decapMap(root: string, pakket: Pakket = DECAP_CMS): Promise<string> {
  const doel = join(root, 'node_modules', '.cache', 'decap-cms', createHash('sha256').update(pakket.integrity).digest('hex').slice(0, 16));
  let klaar = bezig.get(doel);
  if (!klaar) {
    klaar = existsSync(doel) ? Promise.resolve(doel) : haal(pakket, doel);
    // A failure is not remembered: the next request tries again (the network may be back).
    klaar.catch(() => bezig.delete(doel));
    bezig.set(doel, klaar);
  }
  return klaar;
}

async function haal(pakket: Pakket, doel: string): Promise<string> {
  const cache = join(doel, '..');
  await mkdir(cache, { recursive: true });
  // Unpacked beside the target and renamed into place whole: a process that stops halfway
  // leaves no half folder, and two servers fetching at once both end with the same one.
  const werk = await mkdtemp(join(cache, '.haal-'));
  try {
    const tarball = await npmPack(pakket.spec, werk);
    const hash = `sha512-${createHash('sha512')
      .update(await readFile(tarball))
      .digest('base64')}`;
    if (hash !== pakket.integrity) {
      throw new Error(
        `Decap CMS (${pakket.spec}) is niet geïnstalleerd: het pakket uit het npm-register heeft niet de vastgelegde integriteitshash (verwacht ${pakket.integrity}, gekregen ${hash}). Controleer DECAP_CMS in src/redactie/decap-pakket.ts.`,
      );
    }
    const uit = join(werk, 'uit');
    await mkdir(uit);
    await pakUit({ file: tarball, cwd: uit, strip: 2, filter: (pad) => /^package\/dist\/[^/]+$/.test(pad) && NODIG.test(pad.slice(13)) });
    if (!(await readdir(uit)).includes('decap-cms.js')) {
      throw new Error(`Decap CMS (${pakket.spec}) is niet geïnstalleerd: het pakket heeft geen dist/decap-cms.js.`);
    }
    await rename(uit, doel).catch((fout: unknown) => {
      // Another process put the same (verified) folder there first.
      if (!existsSync(doel)) throw fout;
    });
    return doel;
  } finally {
    await rm(werk, { recursive: true, force: true });
  }
}

/** `npm pack <spec>` into a folder, without the package's dependencies; returns the tarball's path. */
async function npmPack(spec: string, map: string): Promise<string> {
  const npm = npmOpdracht();
  try {
    const { stdout } = await promisify(execFile)(
      npm[0]!,
      [...npm.slice(1), 'pack', spec, '--pack-destination', map, '--json', '--prefer-offline', '--ignore-scripts', '--loglevel=error'],
      { shell: npm[0] === 'npm' && process.platform === 'win32', maxBuffer: 16 * 1024 * 1024 },
    );
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    return join(map, filename);
  } catch (fout) {
    // npm's error in one line: its code and what failed, without the object dump and the log hint.
    const regels = ((fout as { stderr?: string }).stderr ?? '')
      .split('\n')
      .map((r) => r.replace(/^npm (error|ERR!) ?/, '').trim())
      .filter((r) => /^(code |[A-Z]\w*(Error|Exception)\b|\d{3} )/.test(r));
    const melding = regels.slice(0, 2).join('; ') || String(fout);
    throw new Error(
      `Decap CMS (${spec}) kon niet uit het npm-register worden gehaald (nodig voor /admin/): ${melding}. Met verbinding lukt het bij de volgende build of het volgende bezoek aan /admin/.`,
    );
  }
}

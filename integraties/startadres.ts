import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where `npm start` runs: astro dev takes the next free port when 4321 is taken, so
 * `npm run nieuw` reads the address the running server wrote here instead of naming one.
 * In .astro/ (ignored by git), per working copy.
 */
const bestand = (root: string) => join(root, '.astro', 'npm-start.json');

export async function schrijfStartadres(root: string, adres: string): Promise<void> {
  await mkdir(join(root, '.astro'), { recursive: true });
  await writeFile(bestand(root), `${JSON.stringify({ adres })}\n`);
}

export async function wisStartadres(root: string): Promise<void> {
  await rm(bestand(root), { force: true });
}

/**
 * The address of the dev server of this working copy, if one answers there now: a server
 * stopped with Ctrl+C leaves its file behind, and its port may be free or another's.
 */
export async function leesStartadres(root: string): Promise<string | undefined> {
  const adres = await readFile(bestand(root), 'utf8')
    .then((tekst) => (JSON.parse(tekst) as { adres?: unknown }).adres)
    .catch(() => undefined);
  if (typeof adres !== 'string') return undefined;
  const antwoord = await fetch(adres, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
  return antwoord ? adres : undefined;
}

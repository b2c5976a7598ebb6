import { copyFile, lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmOpdracht } from '../../src/omgeving.ts';
import { decapMap } from '../../src/redactie/decap-pakket.ts';
import { getimed } from './bouw.ts';
import { maximum, type Rij } from './meting.ts';

/**
 * What a fresh clone costs before anything runs: `npm ci` of the project's package.json and
 * lock in an empty folder, as CI (.ci/run) and a new developer do, with the npm cache this
 * machine has (warm) and, with `koud`, with an empty one (everything from the registry).
 * Then the one thing fetched later on its own: Decap CMS for /admin/ (src/redactie/decap-pakket.ts).
 */
export async function installatieRijen(root: URL, koud: boolean, log: (tekst: string) => void): Promise<Rij[]> {
  const rijen: Rij[] = [];
  for (const cache of koud ? ['warm', 'koud'] : ['warm']) {
    log(`npm ci in een lege map (npm-cache ${cache})`);
    const map = await mkdtemp(join(tmpdir(), 'bench-installatie-'));
    try {
      for (const bestand of ['package.json', 'package-lock.json']) await copyFile(new URL(bestand, root), join(map, bestand));
      const extra = cache === 'koud' ? ['--cache', join(map, '.npm-cache')] : [];
      const tijd = await getimed([...npmOpdracht(), 'ci', '--no-audit', '--no-fund', ...extra], map);
      const sec = (n: number) => `${n.toFixed(0)} s`;
      rijen.push(maximum('installatie', `npm ci, verse kloon, npm-cache ${cache} (klok; CPU ${sec(tijd.cpu)})`, tijd.seconden, 90, sec));
      if (cache === 'warm') {
        const modules = join(map, 'node_modules');
        const pakketten = Object.keys(
          (JSON.parse(await readFile(join(modules, '.package-lock.json'), 'utf8')) as { packages: object }).packages,
        );
        rijen.push(maximum('installatie', 'pakketten na npm ci (node_modules/.package-lock.json)', pakketten.length, 900, String));
        rijen.push({
          groep: 'installatie',
          wat: 'node_modules na npm ci, bestanden opgeteld',
          meting: mb(await grootte(modules)),
          budget: 'ter informatie',
        });
      }
    } finally {
      await rm(map, { recursive: true, force: true });
    }
  }
  log('Decap CMS ophalen zoals de eerste build of /admin/ het doet');
  const project = await mkdtemp(join(tmpdir(), 'bench-decap-'));
  try {
    const begin = performance.now();
    const decap = await decapMap(project);
    const seconden = (performance.now() - begin) / 1000;
    rijen.push({
      groep: 'installatie',
      wat: 'Decap CMS ophalen bij de eerste build of /admin/ (npm pack, controle, uitpakken; npm-cache warm)',
      meting: `${seconden.toFixed(1)} s, ${mb(await grootte(decap))}`,
      budget: 'ter informatie',
    });
  } finally {
    await rm(project, { recursive: true, force: true });
  }
  return rijen;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The sizes of all files under a folder added up (links not followed). */
async function grootte(map: string): Promise<number> {
  let som = 0;
  for (const item of await readdir(map, { recursive: true, withFileTypes: true })) {
    if (item.isFile()) som += (await lstat(join(item.parentPath, item.name))).size;
  }
  return som;
}

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DECAP_CMS, decapMap, type Pakket } from './decap-pakket.ts';

/**
 * A stand-in for the decap-cms tarball, packed by npm from a local folder: the fetch runs
 * npm pack exactly as for the registry, only without the network.
 */
let map: string;
let nep: Pakket;

const integriteit = async (bestand: string) =>
  `sha512-${createHash('sha512')
    .update(await readFile(bestand))
    .digest('base64')}`;

beforeAll(async () => {
  map = await mkdtemp(join(tmpdir(), 'decap-pakket-'));
  const bron = join(map, 'bron');
  await mkdir(join(bron, 'dist'), { recursive: true });
  await writeFile(join(bron, 'package.json'), JSON.stringify({ name: 'decap-cms', version: '0.0.1', files: ['dist'] }));
  const bestanden = {
    'decap-cms.js': 'hoofdscript',
    '12.decap-cms.js': 'stuk',
    'decap-cms.js.LICENSE.txt': 'licentie',
    'dd5d52671a5763720504.wasm': 'wasm',
    'decap-cms.js.map': 'bronkaart',
    '12.decap-cms.js.map': 'bronkaart',
    'cms.js': 'tweede build',
    '12.cms.js': 'tweede build',
    'cms.css': 'stijl',
  };
  for (const [naam, inhoud] of Object.entries(bestanden)) await writeFile(join(bron, 'dist', naam), inhoud);
  const { stdout } = await promisify(execFile)('npm', ['pack', bron, '--pack-destination', map, '--json', '--loglevel=error']);
  const tarball = join(map, (JSON.parse(stdout) as [{ filename: string }])[0].filename);
  nep = { spec: tarball, integrity: await integriteit(tarball) };
});

afterAll(() => rm(map, { recursive: true, force: true }));

describe('Decap CMS op aanvraag, zonder zijn afhankelijkheden', () => {
  test('haalt alleen wat /admin/ serveert (met de licentie) in node_modules/.cache/decap-cms/', async () => {
    const root = join(map, 'project-1');
    const doel = await decapMap(root, nep);
    expect(doel.startsWith(join(root, 'node_modules', '.cache', 'decap-cms'))).toBe(true);
    expect((await readdir(doel)).sort()).toEqual([
      '12.decap-cms.js',
      'dd5d52671a5763720504.wasm',
      'decap-cms.js',
      'decap-cms.js.LICENSE.txt',
    ]);
    expect(await readFile(join(doel, 'decap-cms.js'), 'utf8')).toBe('hoofdscript');
    // Nothing half-done beside it.
    expect(await readdir(join(doel, '..'))).toEqual([doel.split(/[\\/]/).pop()]);
  });

  test('een tweede aanvraag, ook tegelijk of uit een ander proces, gebruikt dezelfde map', async () => {
    const root = join(map, 'project-2');
    const [a, b] = await Promise.all([decapMap(root, nep), decapMap(root, nep)]);
    expect(a).toBe(b);
    // Another process (a fresh module) finds the folder there and runs no npm: a spec npm cannot pack would fail.
    vi.resetModules();
    const { decapMap: vers } = await import('./decap-pakket.ts');
    await expect(vers(root, { ...nep, spec: join(map, 'bestaat-niet.tgz') })).resolves.toBe(a);
  });

  test('een pakket met een andere hash wordt geweigerd en laat niets achter', async () => {
    const root = join(map, 'project-3');
    const verkeerd = { ...nep, integrity: `sha512-${createHash('sha512').update('iets anders').digest('base64')}` };
    await expect(decapMap(root, verkeerd)).rejects.toThrow(/niet de vastgelegde integriteitshash/);
    expect(await readdir(join(root, 'node_modules', '.cache', 'decap-cms'))).toEqual([]);
  });

  test('wat npm niet kan halen geeft een Nederlandse melding, en een volgende poging probeert opnieuw', async () => {
    const root = join(map, 'project-4');
    const weg = { ...nep, spec: join(map, 'bestaat-niet.tgz') };
    const fout = await decapMap(root, weg).catch((f: unknown) => f);
    expect(fout).toBeInstanceOf(Error);
    // One line, with npm's own code: what a terminal shows.
    expect((fout as Error).message).toMatch(
      /^Decap CMS \(.+\) kon niet uit het npm-register worden gehaald \(nodig voor \/admin\/\): code E[A-Z]+\b[^\n]*$/,
    );
    expect(await readdir(join(root, 'node_modules', '.cache', 'decap-cms'))).toEqual([]);
    expect(await readdir(await decapMap(root, nep))).toContain('decap-cms.js');
  });

  test('de vastgelegde versie is een exacte versie met een sha512-hash', () => {
    expect(DECAP_CMS.spec).toMatch(/^decap-cms@\d+\.\d+\.\d+$/);
    expect(DECAP_CMS.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
  });
});

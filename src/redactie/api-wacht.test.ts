import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Adres,
  actieVan,
  echtToegestaan,
  eigenOrigin,
  herkomstFout,
  isLoopback,
  LOOPBACK_NAMEN,
  padenFout,
  type Toegang,
  toegangUitConfig,
  toegestaanPad,
} from './api-wacht.ts';
import { cmsConfig } from './config.ts';

const adres: Adres = { protocol: 'http:', namen: LOOPBACK_NAMEN, poort: 4321 };
const eigen = 'http://localhost:4321';

describe('eigenOrigin: alleen de eigen namen van de ontwikkelserver, op de poort waarop hij luistert', () => {
  it('localhost, 127.0.0.1 en [::1] met de eigen poort', () => {
    expect(eigenOrigin('localhost:4321', adres)).toBe('http://localhost:4321');
    expect(eigenOrigin('127.0.0.1:4321', adres)).toBe('http://127.0.0.1:4321');
    expect(eigenOrigin('[::1]:4321', adres)).toBe('http://[::1]:4321');
    // A host name is case-insensitive; the origin a browser sends is lower case.
    expect(eigenOrigin('LocalHost:4321', adres)).toBe('http://localhost:4321');
  });
  it('weigert een andere naam die naar deze computer wijst (DNS rebinding), ook op de eigen poort', () => {
    expect(eigenOrigin('rebind.attacker.example:4321', adres)).toBeUndefined();
    expect(eigenOrigin('localhost.attacker.example:4321', adres)).toBeUndefined();
    expect(eigenOrigin('127.0.0.1.nip.io:4321', adres)).toBeUndefined();
    expect(eigenOrigin('localhost.:4321', adres)).toBeUndefined();
    expect(eigenOrigin('192.168.1.10:4321', adres)).toBeUndefined();
  });
  it('weigert een andere poort, een Host zonder poort, en alles wat geen Host is', () => {
    expect(eigenOrigin('localhost:5173', adres)).toBeUndefined();
    expect(eigenOrigin('localhost', adres)).toBeUndefined();
    expect(eigenOrigin(undefined, adres)).toBeUndefined();
    expect(eigenOrigin('', adres)).toBeUndefined();
    expect(eigenOrigin('localhost:4321@attacker.example', adres)).toBeUndefined();
    expect(eigenOrigin('attacker.example#@localhost:4321', adres)).toBeUndefined();
    expect(eigenOrigin('localhost:4321/pad', adres)).toBeUndefined();
    expect(eigenOrigin('localhost:99999', { ...adres, poort: 99999 })).toBeUndefined();
  });
  it('zonder poort alleen als de server op de standaardpoort van zijn schema luistert', () => {
    expect(eigenOrigin('localhost', { ...adres, poort: 80 })).toBe('http://localhost');
    expect(eigenOrigin('localhost', { ...adres, protocol: 'https:', poort: 443 })).toBe('https://localhost');
    expect(eigenOrigin('localhost:4321', { ...adres, protocol: 'https:' })).toBe('https://localhost:4321');
  });
  it('op het netwerk ook de adressen van de computer zelf, als die in de lijst staan', () => {
    const netwerk = { ...adres, namen: [...LOOPBACK_NAMEN, '192.168.1.10', '[fd00::1]'] };
    expect(eigenOrigin('192.168.1.10:4321', netwerk)).toBe('http://192.168.1.10:4321');
    expect(eigenOrigin('[fd00::1]:4321', netwerk)).toBe('http://[fd00::1]:4321');
    expect(eigenOrigin('rebind.attacker.example:4321', netwerk)).toBeUndefined();
  });
});

describe('herkomstFout: Host en Origin samen', () => {
  it('de rebinding-aanval: een vreemde Host met een Origin die daarbij past', () => {
    const host = 'rebind.attacker.example:4321';
    expect(herkomstFout({ host, origin: `http://${host}` }, adres, true)).toMatch(/eigen adres/);
    expect(herkomstFout({ host, origin: `http://${host}` }, adres, false)).toMatch(/eigen adres/);
    expect(herkomstFout({ host }, adres, false)).toMatch(/eigen adres/);
  });
  it('schrijven vraagt een Origin; lezen niet, maar een Origin die er is moet kloppen', () => {
    expect(herkomstFout({ host: 'localhost:4321' }, adres, true)).toMatch(/Origin ontbreekt/);
    expect(herkomstFout({ host: 'localhost:4321' }, adres, false)).toBeUndefined();
    expect(herkomstFout({ host: 'localhost:4321', origin: 'http://127.0.0.1:4321' }, adres, false)).toMatch(
      /pagina’s van de ontwikkelserver/,
    );
    expect(herkomstFout({ host: 'localhost:4321', origin: 'http://localhost:4321' }, adres, true)).toBeUndefined();
    expect(herkomstFout({ host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321' }, adres, true)).toBeUndefined();
  });
});

describe('isLoopback: luistert de server alleen op deze computer?', () => {
  it('127.0.0.0/8 en ::1 wel; alle adressen of een netwerkadres niet', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a), a).toBe(true);
    for (const a of ['0.0.0.0', '::', '192.168.1.10', 'fe80::1', '::ffff:192.168.1.10', '128.0.0.1']) expect(isLoopback(a), a).toBe(false);
  });
});

const configToegang = toegangUitConfig(cmsConfig({ lokaal: true, branch: 'main', site: eigen }), ['src/pages']);

describe('toegangUitConfig: de mappen van de CMS-configuratie', () => {
  it('de inhoudsmappen van de collecties en de mediamap, uit src/redactie/config.ts', () => {
    expect([...configToegang.mappen].sort()).toEqual([
      'public/afbeeldingen',
      'src/content/bijeenkomsten',
      'src/content/gids',
      'src/content/paginas',
    ]);
  });
  it('een map die later in de configuratie komt, hoort er vanzelf bij; een verdwenen map niet meer', () => {
    const config = { media_folder: '/public/media', collections: [{ folder: 'src/content/nieuws/' }] };
    expect(toegangUitConfig(config, ['src/pages']).mappen).toEqual(['public/media', 'src/content/nieuws']);
  });
  it('laat een map weg die het hele project, iets verborgens of de pagina’s van Astro zou openzetten', () => {
    const config = {
      media_folder: '',
      collections: [
        { folder: '.' },
        { folder: '/' },
        { folder: 'src/content/../..' },
        { folder: '.git' },
        { folder: 'src/pages' },
        { folder: 'src/pages/blog' },
        { folder: 'src' },
        { files: [{ file: 'src/pages/index.astro' }] },
        null,
      ],
    };
    expect(toegangUitConfig(config, ['src/pages']).mappen).toEqual([]);
    expect(toegangUitConfig({}, ['src/pages']).mappen).toEqual([]);
  });
});

describe('toegestaanPad: elk pad blijft in een map van de redactie', () => {
  it('een bestand in een inhoudsmap of de mediamap, genormaliseerd', () => {
    expect(toegestaanPad('src/content/gids/01-inleiding.md', 'bestand', configToegang)).toBe('src/content/gids/01-inleiding.md');
    expect(toegestaanPad('src/content/gids/sub/deel.md', 'bestand', configToegang)).toBe('src/content/gids/sub/deel.md');
    expect(toegestaanPad('./src//content/paginas/privacy.md', 'bestand', configToegang)).toBe('src/content/paginas/privacy.md');
    expect(toegestaanPad('public/afbeeldingen/foto.jpg', 'bestand', configToegang)).toBe('public/afbeeldingen/foto.jpg');
  });
  it('een map: de map zelf of een map erin; een bestand moet echt in de map liggen', () => {
    expect(toegestaanPad('src/content/gids', 'map', configToegang)).toBe('src/content/gids');
    expect(toegestaanPad('src/content/gids/', 'map', configToegang)).toBe('src/content/gids');
    expect(toegestaanPad('src/content/gids///', 'map', configToegang)).toBe('src/content/gids');
    expect(toegestaanPad('src/content/gids', 'bestand', configToegang)).toBeUndefined();
    expect(toegestaanPad('src/content', 'map', configToegang)).toBeUndefined();
    expect(toegestaanPad('public', 'map', configToegang)).toBeUndefined();
  });
  it('weigert alles daarbuiten: .., absolute paden, .git, src/pages, verborgen bestanden, een gelijkende naam', () => {
    const buiten = [
      'src/pages/x.astro',
      '.git/config',
      '.git/hooks/pre-commit',
      'src/content/gids/../../pages/x.astro',
      'src/content/gids/..',
      'src/content/gids/../gids/a.md',
      '../buiten.md',
      '/etc/passwd',
      '/work/project/src/content/gids/a.md',
      'C:/Windows/win.ini',
      'src\\content\\gids\\a.md',
      'src/content/gids/..\\..\\pages\\x.astro',
      'src/content/gids/.env',
      'src/content/gids/.git/config',
      'src/content/gidsen/a.md',
      'src/content/gids\0.md',
      'package.json',
      'astro.config.ts',
      '',
      '.',
      `src/content/gids/${'a'.repeat(1000)}.md`,
    ];
    for (const pad of buiten) {
      expect(toegestaanPad(pad, 'bestand', configToegang), pad).toBeUndefined();
      expect(toegestaanPad(pad, 'map', configToegang), pad).toBeUndefined();
    }
    for (const pad of [undefined, null, 42, ['src/content/gids/a.md'], { pad: 'src/content/gids/a.md' }])
      expect(toegestaanPad(pad, 'bestand', configToegang)).toBeUndefined();
  });
  it('src/pages blijft verboden, ook als de configuratie er een map omheen noemt', () => {
    const ruim: Toegang = { mappen: ['src'], verboden: ['src/pages'] };
    expect(toegestaanPad('src/pages/x.astro', 'bestand', ruim)).toBeUndefined();
    expect(toegestaanPad('src/pages', 'map', ruim)).toBeUndefined();
  });
});

describe('actieVan: elke actie van decap-servers bestands-API, met wat ze schrijft en welke paden ze noemt', () => {
  it('kent elke actie die decap-server in zijn bestandsmodus heeft, en weet welke schrijven', async () => {
    // The file-system handler's own source, from decap-server's source map: every `case` is
    // an action, and one whose block writes, deletes or moves a file is a write.
    const kaart = JSON.parse(await readFile('node_modules/decap-server/dist/middlewares.js.map', 'utf8')) as {
      sources: string[];
      sourcesContent: string[];
    };
    const bron = kaart.sourcesContent[kaart.sources.findIndex((s) => s.endsWith('middlewares/localFs/index.ts'))] ?? '';
    const blokken = [...bron.matchAll(/case '(\w+)': \{?([\s\S]*?)(?=\n\s*(?:case '|default:))/g)];
    expect(blokken.length).toBeGreaterThan(5);
    const schrijvend = blokken.filter(([, , blok]) => /\b(writeFile|deleteFile|move)\(/.test(blok ?? '')).map(([, naam]) => naam);
    expect(schrijvend.sort()).toEqual(['deleteFile', 'deleteFiles', 'persistEntry', 'persistMedia']);
    for (const [, naam] of blokken) expect(actieVan({ action: naam, params: {} })?.schrijft, naam).toBe(schrijvend.includes(naam));
  });

  it('lezen', () => {
    expect(actieVan({ action: 'info' })).toEqual({ schrijft: false, paden: [] });
    expect(actieVan({ action: 'entriesByFolder', params: { folder: 'src/content/gids', extension: 'md', depth: 1 } })).toEqual({
      schrijft: false,
      paden: [{ pad: 'src/content/gids', soort: 'map' }],
    });
    expect(actieVan({ action: 'entriesByFiles', params: { files: [{ path: 'a' }, { path: 'b', label: 'B' }] } })?.paden).toEqual([
      { pad: 'a', soort: 'bestand' },
      { pad: 'b', soort: 'bestand' },
    ]);
    expect(actieVan({ action: 'getEntry', params: { path: '.git/config' } })).toEqual({
      schrijft: false,
      paden: [{ pad: '.git/config', soort: 'bestand' }],
    });
    expect(actieVan({ action: 'getMedia', params: { mediaFolder: 'public/afbeeldingen' } })?.paden).toEqual([
      { pad: 'public/afbeeldingen', soort: 'map' },
    ]);
    expect(actieVan({ action: 'getMediaFile', params: { path: 'x' } })).toEqual({
      schrijft: false,
      paden: [{ pad: 'x', soort: 'bestand' }],
    });
    expect(actieVan({ action: 'getDeployPreview', params: {} })).toEqual({ schrijft: false, paden: [] });
  });

  it('schrijven: elk pad van een bericht, ook een nieuwe naam en de bijlagen', () => {
    const opslaan = actieVan({
      action: 'persistEntry',
      params: {
        entry: { path: 'e', newPath: 'e2' },
        dataFiles: [{ path: 'a' }, { path: 'b', newPath: 'c' }],
        assets: [{ path: 'd' }],
      },
    });
    expect(opslaan?.schrijft).toBe(true);
    expect(opslaan?.paden.map((p) => p.pad)).toEqual(['e', 'e2', 'a', 'b', 'c', 'd']);
    expect(actieVan({ action: 'persistMedia', params: { asset: { path: '.git/hooks/pre-commit' } } })).toEqual({
      schrijft: true,
      paden: [{ pad: '.git/hooks/pre-commit', soort: 'bestand' }],
    });
    expect(actieVan({ action: 'deleteFile', params: { path: 'x' } })).toEqual({ schrijft: true, paden: [{ pad: 'x', soort: 'bestand' }] });
    expect(actieVan({ action: 'deleteFiles', params: { paths: ['x', 'y'] } })?.paden.map((p) => p.pad)).toEqual(['x', 'y']);
  });

  it('een onbekende actie, of iets wat geen verzoek is: geen actie, dus geweigerd', () => {
    for (const lijf of [
      { action: 'unpublishedEntries' },
      { action: 'toString' },
      { action: '__proto__' },
      { action: 'constructor' },
      { action: ['info'] },
      {},
      null,
      'info',
      [],
    ])
      expect(actieVan(lijf), JSON.stringify(lijf)).toBeUndefined();
  });

  it('een lijst die geen lijst is, of een ontbrekend pad, is een pad dat niet mag', () => {
    expect(actieVan({ action: 'deleteFiles', params: { paths: 'src/content/gids/a.md' } })?.paden).toEqual([
      { pad: undefined, soort: 'bestand' },
    ]);
    expect(actieVan({ action: 'persistEntry', params: { dataFiles: { path: 'a' } } })?.paden).toEqual([
      { pad: undefined, soort: 'bestand' },
    ]);
    expect(actieVan({ action: 'getEntry' })?.paden).toEqual([{ pad: undefined, soort: 'bestand' }]);
    expect(actieVan({ action: 'persistMedia', params: { asset: null } })?.paden).toEqual([{ pad: undefined, soort: 'bestand' }]);
  });
});

describe('echtToegestaan en padenFout: ook na het volgen van links blijft een pad in de map', () => {
  let root: string;
  const toegang: Toegang = { mappen: ['src/content/gids', 'src/content/paginas'], verboden: ['src/pages'] };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'redactie-wacht-'));
    await mkdir(join(root, 'src/content/gids'), { recursive: true });
    await mkdir(join(root, 'src/pages'), { recursive: true });
    await mkdir(join(root, 'elders/paginas'), { recursive: true });
    await writeFile(join(root, 'src/content/gids/a.md'), 'a');
    await writeFile(join(root, 'src/pages/index.astro'), '---\n---\n');
    // Out of the folder: to Astro's pages, to a file there, and to a file that does not exist yet.
    await symlink('../../pages', join(root, 'src/content/gids/uitweg'), 'dir');
    await symlink('../../pages/index.astro', join(root, 'src/content/gids/index.md'));
    await symlink('../../pages/nieuw.astro', join(root, 'src/content/gids/leeg.md'));
    // A content folder that is itself a link (a working copy laid out that way) still works.
    await symlink('../../elders/paginas', join(root, 'src/content/paginas'), 'dir');
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it('een gewoon bestand of een nieuw bestand in de map: ja', async () => {
    expect(await echtToegestaan(root, 'src/content/gids/a.md', 'bestand', toegang)).toBe(true);
    expect(await echtToegestaan(root, 'src/content/gids/nieuw/b.md', 'bestand', toegang)).toBe(true);
    expect(await echtToegestaan(root, 'src/content/gids', 'map', toegang)).toBe(true);
    expect(await echtToegestaan(root, 'src/content/paginas/privacy.md', 'bestand', toegang)).toBe(true);
  });

  it('door een link naar buiten: nee, ook als het doel nog niet bestaat', async () => {
    expect(await echtToegestaan(root, 'src/content/gids/uitweg/x.astro', 'bestand', toegang)).toBe(false);
    expect(await echtToegestaan(root, 'src/content/gids/uitweg', 'map', toegang)).toBe(false);
    expect(await echtToegestaan(root, 'src/content/gids/index.md', 'bestand', toegang)).toBe(false);
    await expect(echtToegestaan(root, 'src/content/gids/leeg.md', 'bestand', toegang)).rejects.toThrow();
  });

  it('padenFout noemt het eerste pad dat niet mag, in het Nederlands, en niets als alles mag', async () => {
    const goed = actieVan({ action: 'deleteFiles', params: { paths: ['src/content/gids/a.md', 'src/content/paginas/b.md'] } });
    const fout = actieVan({ action: 'deleteFiles', params: { paths: ['src/content/gids/a.md', 'src/content/gids/leeg.md'] } });
    const link = actieVan({ action: 'getEntry', params: { path: 'src/content/gids/uitweg/x.astro' } });
    const git = actieVan({ action: 'getEntry', params: { path: '.git/config' } });
    if (!goed || !fout || !link || !git) throw new Error('actie verwacht');
    expect(await padenFout(goed, root, toegang)).toBeUndefined();
    expect(await padenFout(fout, root, toegang)).toMatch(/^Buiten de mappen van de redactie .*leeg\.md/);
    expect(await padenFout(link, root, toegang)).toMatch(/uitweg/);
    expect(await padenFout(git, root, toegang)).toMatch(/\.git\/config/);
  });
});

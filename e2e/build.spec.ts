import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Color from 'colorjs.io';
import ical, { type VEvent } from 'node-ical';
import { inlineBlokken } from '../integraties/csp-headers.ts';
import { pakFunctie } from '../netlify/functie-pakket.ts';
import { leesBijeenkomsten } from '../src/inhoud/bijeenkomsten-voor-functie.ts';
import { kleuren } from '../src/styles/kleuren.ts';
import { htmlTekst, jaarZonderMarkering, onbevestigdeJaren, zonderAdressen } from '../testhulp/onbevestigd.ts';
import { gebouwdePaginas } from './gebouwd.ts';

const dist = new URL('../dist/', import.meta.url);

test('de build bevat elke pagina als statische HTML', async () => {
  for (const pagina of [
    'index.html',
    '404.html',
    'bijeenkomsten/index.html',
    'bijeenkomsten/opgavegericht-besturen/index.html',
    'bijeenkomsten/opgavegericht-besturen/bedankt/index.html',
    'bijeenkomsten/opgavegericht-besturen/bedankt/geen-bevestiging/index.html',
    'bijeenkomsten/opgavegericht-besturen/afmelden/index.html',
    'bijeenkomsten/opgavegericht-besturen/afgemeld/index.html',
    'gids/index.html',
    'wat-doen-we/index.html',
    'privacy/index.html',
    'toegankelijkheid/index.html',
  ]) {
    expect(existsSync(new URL(pagina, dist)), pagina).toBe(true);
  }
});

test('elke gebouwde pagina heeft de kleuren van src/styles/kleuren.ts als custom properties', async () => {
  const verwacht = Object.fromEntries(
    Object.entries(kleuren).map(([naam, waarde]) => [naam, new Color(waarde).toString({ format: 'hex' })]),
  );
  for (const { bestand } of gebouwdePaginas()) {
    const html = await readFile(new URL(bestand, dist), 'utf8');
    const css = inlineBlokken(html).styles.join('\n');
    const gevonden = Object.fromEntries(
      [...css.matchAll(/--kleur-([a-z-]+):\s*([^;}]+)/g)].map((m) => [m[1], new Color(m[2]!.trim()).toString({ format: 'hex' })]),
    );
    expect(gevonden, bestand).toEqual(verwacht);
  }
});

test('de build maakt geen eigen functie of edge function aan: alleen netlify/functions/ wordt gedeployd', async () => {
  const netlifyUit = new URL('../.netlify/', import.meta.url);
  for (const map of ['v1/functions', 'v1/edge-functions', 'functions-internal', 'edge-functions']) {
    expect(existsSync(new URL(map, netlifyUit)), `.netlify/${map}`).toBe(false);
  }
  const bestanden = await readdir(dist, { recursive: true });
  expect(bestanden.filter((f) => /(^|\/)(_worker|entry)\.m?js$|\.netlify/.test(f))).toEqual([]);
});

test('het pakket dat Netlify van de functie maakt: één bestand zonder node_modules, met paden en rate limit uit de config', async () => {
  // A folder of this run's own: runs side by side (other checkouts on the machine) must not pack into each other's.
  const uit = join(await mkdtemp(join(tmpdir(), 'opgavegericht-functie-buildtest-')), 'pakket');
  const pakket = await pakFunctie(new URL('../', import.meta.url), uit, 'zip');
  expect(pakket.naam).toBe('inschrijven');
  // Functions API v2 goes through nft, whatever netlify.toml says: what it finds to copy is what ships.
  expect(pakket.bundler).toBe('nft');
  expect(pakket.paden).toEqual(['/api/inschrijven', '/bijeenkomsten/:slug/bedankt/adres/', '/api/afmelden', '/api/afmelden/naam']);
  const eigen = pakket.bestanden.filter((b) => !b.naam.split('/').pop()!.startsWith('___netlify-'));
  expect(eigen.map((b) => b.naam)).toEqual(['inschrijven.mjs']);
  expect(pakket.zipBytes).toBeGreaterThan(0);
  const manifest = JSON.parse(await readFile(join(uit, 'manifest.json'), 'utf8'));
  expect(manifest.functions[0].trafficRules.action.config.aggregate.keys).toEqual([{ type: 'ip' }, { type: 'domain' }]);
  expect(manifest.functions[0].trafficRules.action.config.rateLimitConfig).toMatchObject({ windowLimit: 10, windowSize: 60 });
});

test('de functiebundel haalt niets uit node_modules en leest geen bestanden bij de start', async () => {
  const bundel = await readFile(new URL('../netlify/functions/inschrijven.mjs', import.meta.url), 'utf8');
  // A static import starts a statement: at the start, or after `;`, a line break or the `}` that ends a
  // function in minified code (missing that one found only half of the imports, by module order).
  const imports = [...bundel.matchAll(/(?:^|[;\n}])\s*import\b[^;"]*?(?:from)?\s*"([^"]+)"|\bimport\s*\(\s*"([^"]+)"\s*\)/g)].map(
    (m) => m[1] ?? m[2],
  );
  expect(imports).toContain('node:crypto');
  expect(imports.filter((i) => !i!.startsWith('node:'))).toEqual([]);
  expect(bundel).toContain('"opgavegericht-besturen"');
  expect(bundel).not.toMatch(/src\/content\/bijeenkomsten/);
});

test('een jaar dat nog niet vaststaat, staat nergens in de build zonder "(jaar nog te bevestigen)": geen pagina, geen JSON-LD, geen agendabestand', async () => {
  // The years the content marks as not confirmed (onbevestigd: jaar or datum); the mails are checked in src/functie/**/mails.test.ts.
  const jaren = onbevestigdeJaren((await leesBijeenkomsten()).values());
  const paginas = gebouwdePaginas();
  expect(paginas.length).toBeGreaterThan(10);
  for (const { bestand } of paginas) {
    const tekst = htmlTekst(await readFile(new URL(bestand, dist), 'utf8'));
    for (const jaar of jaren) expect(jaarZonderMarkering(tekst, jaar), `${bestand}: ${jaar} zonder markering`).toEqual([]);
  }
  const agendas = (await readdir(new URL('bijeenkomsten/', dist))).filter((f) => f.endsWith('.ics'));
  expect(agendas.length).toBeGreaterThan(0);
  for (const naam of agendas) {
    const ics = await readFile(new URL(`bijeenkomsten/${naam}`, dist), 'utf8');
    const events = Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === 'VEVENT');
    // The year as the file writes each entry's start (DTSTART;VALUE=DATE:20271104 or ;TZID=…:20271104T133000);
    // the time zone block has DTSTARTs of its own (1970), so only those inside a VEVENT.
    const beginjaren = [...ics.matchAll(/^BEGIN:VEVENT\r?\n[\s\S]*?^DTSTART[^:\r\n]*:(\d{4})/gm)].map((m) => m[1]!);
    expect(beginjaren, naam).toHaveLength(events.length);
    for (const [i, e] of events.entries()) {
      // The entry sits on a fixed day in every calendar: its title is what says the year is not certain.
      if (jaren.includes(beginjaren[i]!)) expect(e.summary, `${naam}: titel`).toMatch(/\((jaar|datum) nog te bevestigen\)/);
      for (const tekst of [e.summary, e.description, e.location].map((t) => String(t ?? ''))) {
        for (const j of jaren) expect(jaarZonderMarkering(zonderAdressen(tekst), j), `${naam}: ${j} zonder markering`).toEqual([]);
      }
    }
  }
});

test('geen pagina heeft twee koppen met dezelfde tekst: een schermlezer toont ze als lijst, en dan zijn ze niet uit elkaar te houden', async () => {
  const dubbel: string[] = [];
  for (const { bestand } of gebouwdePaginas()) {
    const html = await readFile(new URL(bestand, dist), 'utf8');
    const koppen = [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) =>
      m[2]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    for (const kop of new Set(koppen)) if (koppen.filter((k) => k === kop).length > 1) dubbel.push(`${bestand}: “${kop}”`);
  }
  expect(dubbel).toEqual([]);
});

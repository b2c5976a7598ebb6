import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datumInAmsterdam } from '../src/bijeenkomst/tijd.ts';
import { alsJson, geldig } from '../testhulp/inschrijving.ts';
import { maakBijeenkomst } from './nieuw.ts';

/**
 * A real `astro build` of a temporary copy of the project: the one slow test that shows
 * the content check is wired into the build, that a draft is in a deploy preview (banner,
 * noindex, no sitemap entry, a function that says it is a preview) and out of everything
 * a production build makes (the sign-up function included), and that "Bewerk deze pagina"
 * appears when REPO_BEWERK_URL is set.
 */
const project = join(import.meta.dirname, '..');
const nietMee = new Set(['node_modules', 'dist', '.astro', '.git', '.netlify', '.outbox', 'test-results', 'playwright-report']);
const bijeenkomst = 'src/content/bijeenkomsten/opgavegericht-besturen.md';

let kopie: string;
beforeAll(async () => {
  kopie = await mkdtemp(join(tmpdir(), 'build-'));
  await cp(project, kopie, { recursive: true, filter: (bron) => bron === project || !nietMee.has(basename(bron)) });
  await symlink(join(project, 'node_modules'), join(kopie, 'node_modules'), 'dir');
});
afterAll(() => rm(kopie, { recursive: true, force: true }));

/**
 * The environment of this run without what vitest adds to it (NODE_ENV=test, DEV=1, MODE=test,
 * …, for its own import.meta.env): with those, the child's `astro build` renders its pages
 * with import.meta.env.DEV on, as `astro dev` does.
 */
const vanVitest = new Set(['TEST', 'NODE_ENV', 'PROD', 'DEV', 'BASE_URL', 'MODE', 'SSR']);
const schoon = Object.fromEntries(Object.entries(process.env).filter(([k]) => !vanVitest.has(k) && !k.startsWith('VITEST')));

function bouw(env: Record<string, string> = {}) {
  return promisify(execFile)(process.execPath, [join(kopie, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: kopie,
    env: { ...schoon, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
}

type Functie = { default: (req: Request) => Promise<Response> };

/** The function as this build bundled it; a new URL per build, as import() keeps a module once loaded. */
let bundels = 0;
const functie = async () =>
  (await import(`${pathToFileURL(join(kopie, 'netlify/functions/inschrijven.mjs')).href}?bouw=${++bundels}`)) as Functie;

describe('astro build', () => {
  it('zet "Bewerk deze pagina" bij elke pagina uit Markdown, toont een concept alleen in een voorbeeld, en stopt bij een fout van de redactie', async () => {
    // A draft as `npm run nieuw` writes it: upcoming and open, so it would top the agenda if it were built.
    const concept = await maakBijeenkomst({
      titel: 'Geheim concept',
      map: join(kopie, 'src/content/bijeenkomsten'),
      vandaag: datumInAmsterdam(new Date()),
    });
    const lees = (bestand: string) => readFile(join(kopie, 'dist', bestand), 'utf8');
    const sitemap = async () =>
      [...(await lees('sitemap-0.xml')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);

    // A deploy preview (a pull request): the draft is there, as it will look, marked, and never found by a search engine.
    await bouw({ CONTEXT: 'deploy-preview' });
    const voorbeeld = await lees('bijeenkomsten/geheim-concept/index.html');
    expect(voorbeeld).toMatch(/<h1[^>]*>Geheim concept<\/h1>/);
    expect(voorbeeld).toMatch(/<div class="concept-balk" role="note" data-concept>[\s\S]*Concept — niet gepubliceerd\./);
    // The banner as it reads: sentences apart, not glued together where markup meets text.
    const balk = /<div class="concept-balk"[\s\S]*?<\/div>/
      .exec(voorbeeld)?.[0]
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ');
    expect(balk).toContain('Concept — niet gepubliceerd. Dit is een voorbeeld van de site:');
    expect(balk).toContain('niet verstuurd. Online komt hij pas als je Concept uitzet');
    expect(voorbeeld).toContain('<meta name="robots" content="noindex">');
    expect(await lees('bijeenkomsten/index.html')).toMatch(/Concept — niet gepubliceerd[\s\S]*Geheim concept/);
    const inVoorbeeldGebouwd = await readdir(join(kopie, 'dist'), { recursive: true, encoding: 'utf8' });
    expect(inVoorbeeldGebouwd).toEqual(
      expect.arrayContaining(['bijeenkomsten/geheim-concept.ics', 'bijeenkomsten/geheim-concept/deelbeeld.png']),
    );
    expect(await sitemap()).toContain('/bijeenkomsten/');
    expect(await sitemap()).not.toContain('/bijeenkomsten/geheim-concept/');
    // A published page of the same preview keeps its place in the sitemap and is indexable.
    expect(await sitemap()).toContain('/bijeenkomsten/opgavegericht-besturen/');
    expect(await lees('bijeenkomsten/opgavegericht-besturen/index.html')).not.toContain('noindex');
    // Its function knows the draft, and says it is a preview instead of reaching the organiser.
    const inVoorbeeld = await (await functie()).default(alsJson({ ...geldig, bijeenkomst: 'geheim-concept' }));
    expect(inVoorbeeld.status).toBe(409);
    expect((await inVoorbeeld.json()).melding).toMatch(/^Dit is een voorbeeld van de site: de bijeenkomst is nog een concept\./);

    // A published event whose location is known, with a street address (a fixture in the copy only).
    const metAdres = join(kopie, 'src/content/bijeenkomsten/proef-met-adres.md');
    await writeFile(
      metAdres,
      [
        '---',
        'titel: Proef met adres',
        'samenvatting: Een bijeenkomst met een bekende locatie.',
        'datum: 2027-12-01',
        'locatie:',
        '  naam: Stadhuis',
        '  adres: Grote Markt 1',
        '  plaats: Zwolle',
        'organisatoren:',
        '  - VPNG',
        'doelgroep: Wethouders',
        'contact: t.routers@vpng.nl',
        'inschrijving:',
        '  status: open',
        '---',
        '',
        'Tekst.',
        '',
      ].join('\n'),
    );
    // Production, from the same files and the same content cache: nothing of the draft.
    await bouw({ CONTEXT: 'production', REPO_BEWERK_URL: 'https://github.com/voorbeeld/site/edit/main/' });

    // A known address links to the map (a plain link, no embed); no address, no map link.
    const kaart = await readFile(join(kopie, 'dist/bijeenkomsten/proef-met-adres/index.html'), 'utf8');
    expect(kaart).toContain('<a href="https://www.openstreetmap.org/search?query=Grote+Markt+1%2C+Zwolle"');
    expect(kaart).toMatch(/>\s*Op de kaart \(OpenStreetMap\)\s*</);
    expect(await readFile(join(kopie, 'dist/bijeenkomsten/opgavegericht-besturen/index.html'), 'utf8')).not.toContain('openstreetmap');
    await rm(metAdres);

    // No page, bedankt page, calendar file or share image; not in the agenda, on the home page or in the sitemap.
    const gebouwd = await readdir(join(kopie, 'dist'), { recursive: true, encoding: 'utf8' });
    expect(gebouwd.filter((f) => f.includes('geheim-concept'))).toEqual([]);
    for (const bestand of ['index.html', 'bijeenkomsten/index.html', 'sitemap-0.xml']) {
      const tekst = await lees(bestand);
      expect(tekst, bestand).toContain('opgavegericht-besturen');
      expect(tekst, bestand).not.toMatch(/geheim|concept-/i);
    }
    // The function answers 404 for it, as for any event it does not know.
    const live = await functie();
    expect((await live.default(alsJson({ ...geldig, bijeenkomst: 'geheim-concept' }))).status).toBe(404);
    expect((await live.default(alsJson({ ...geldig, bijeenkomst: 'opgavegericht-besturen', email: 'geen adres' }))).status).toBe(422);
    const bundel = await readFile(join(kopie, 'netlify/functions/inschrijven.mjs'), 'utf8');
    expect(bundel).toContain('opgavegericht-besturen');
    expect(bundel).not.toMatch(/geheim-concept|Geheim concept/);
    await rm(concept);

    const pagina = await readFile(join(kopie, 'dist/bijeenkomsten/opgavegericht-besturen/index.html'), 'utf8');
    expect(pagina).toMatch(new RegExp(`<a href="https://github.com/voorbeeld/site/edit/main/${bijeenkomst}"[^>]*>Bewerk deze pagina</a>`));
    const privacy = await readFile(join(kopie, 'dist/privacy/index.html'), 'utf8');
    expect(privacy).toContain('href="https://github.com/voorbeeld/site/edit/main/src/content/paginas/privacy.md"');

    const pad = join(kopie, bijeenkomst);
    await writeFile(
      pad,
      (await readFile(pad, 'utf8')).replace('datum: 2027-11-04', 'datum: 2027-11-04\nbegintijd: "14:00"\neindtijd: "13:00"'),
    );
    const fout: { code?: number; stdout?: string; stderr?: string } = await bouw().then(
      () => ({}),
      (f: unknown) => f as object,
    );
    expect(fout.code).toBe(1);
    const uitvoer = `${fout.stdout}${fout.stderr}`;
    expect(uitvoer).toContain(`${bijeenkomst}: veld "eindtijd": ligt niet na de begintijd (14:00). Voorbeeld: eindtijd: "17:00"`);
    // Only the Dutch lines: no Astro heading in English, no stack trace.
    expect(uitvoer.trim().split('\n')).toEqual([
      'De inhoud bevat 1 fout:',
      `${bijeenkomst}: veld "eindtijd": ligt niet na de begintijd (14:00). Voorbeeld: eindtijd: "17:00"`,
      'Pas de velden aan zoals in het voorbeeld (zie docs/redactie/).',
    ]);
  }, 180_000);
});

import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inhoudLader, leesBestand } from './lader.ts';
import { inhoudSchemas } from './schemas.ts';

const project = join(import.meta.dirname, '..', '..');
const echt = 'src/content/bijeenkomsten/opgavegericht-besturen.md';

let kopie: string;
let map: string;
beforeEach(async () => {
  kopie = await mkdtemp(join(tmpdir(), 'lader-'));
  map = join(kopie, 'src', 'content', 'bijeenkomsten');
  await mkdir(map, { recursive: true });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(kopie, { recursive: true, force: true });
});

interface Opgeslagen {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
  digest?: string | number;
  rendered?: { html: string };
}

/**
 * Only what Astro's documented Loader API hands a loader (LoaderContext), with a store in a
 * Map that keeps an emptied collection, as Astro's does; `dev` adds a file watcher as
 * `astro dev` does. Every call to renderMarkdown is recorded with the file it was for.
 */
function context(dev: boolean) {
  const collecties = new Map<string, Map<string, Opgeslagen>>();
  const opgeslagen = () => collecties.get('bijeenkomsten') ?? new Map<string, Opgeslagen>();
  const gerenderd: { tekst: string; bestand: string | undefined }[] = [];
  const watcher = Object.assign(new EventEmitter(), { add: () => watcher });
  const ctx = {
    collection: 'bijeenkomsten',
    config: { root: pathToFileURL(`${kopie}/`), srcDir: pathToFileURL(`${kopie}/src/`) },
    logger: { info() {}, warn() {}, error() {}, debug() {} },
    generateDigest: (d: unknown) => JSON.stringify(d),
    parseData: async ({ data }: { data: unknown }) => inhoudSchemas.bijeenkomsten.parse(data),
    renderMarkdown: async (tekst: string, opties?: { fileURL?: URL }) => {
      gerenderd.push({ tekst, bestand: opties?.fileURL?.href });
      return { html: `<p>${tekst.length}</p>`, metadata: { headings: [] } };
    },
    store: {
      get: (id: string) => opgeslagen().get(id),
      set: (e: Opgeslagen) => {
        collecties.set('bijeenkomsten', opgeslagen().set(e.id, e));
        return true;
      },
      delete: (id: string) => void opgeslagen().delete(id),
      keys: () => [...opgeslagen().keys()],
      has: (id: string) => opgeslagen().has(id),
    },
    meta: { get() {}, set() {}, has: () => false, delete() {} },
    ...(dev ? { watcher } : {}),
  };
  return {
    ctx: ctx as unknown as LoaderContext,
    opgeslagen,
    /** Whether getCollection() would find the collection (an emptied one counts; one never filled does not). */
    bestaat: () => collecties.has('bijeenkomsten'),
    gerenderd,
    watcher,
  };
}

const bijeenkomst = async (naam: string, aanpassing: (t: string) => string = (t) => t) =>
  writeFile(join(map, naam), aanpassing(await readFile(join(project, echt), 'utf8')));

describe('leesBestand', () => {
  it('houdt een datum die niet bestaat als tekst, zodat het schema hem afwijst in plaats van 2 maart te tonen', () => {
    expect(leesBestand('---\ndatum: 2027-02-30\n---\n\nTekst\n')).toEqual({ data: { datum: '2027-02-30' }, body: 'Tekst' });
  });

  it('geeft geen velden bij kapotte YAML, en gooit niet', () => {
    expect(leesBestand('---\ntitel: "open\n---\nTekst').data).toEqual({});
  });
});

describe('inhoudLader', () => {
  it('slaat elk bestand op met zijn webadres, zijn pad, de tekst onder de velden en de HTML van Astro’s Markdown-renderer', async () => {
    await bijeenkomst('Opgavegericht-Besturen.md');
    const { ctx, opgeslagen, gerenderd } = context(false);
    await inhoudLader('bijeenkomsten').load(ctx);

    const tekst = await readFile(join(map, 'Opgavegericht-Besturen.md'), 'utf8');
    const entry = opgeslagen().get('opgavegericht-besturen');
    expect(entry).toMatchObject({
      filePath: 'src/content/bijeenkomsten/Opgavegericht-Besturen.md',
      body: leesBestand(tekst).body,
      digest: ctx.generateDigest(tekst),
      rendered: { html: `<p>${tekst.length}</p>` },
      data: { titel: expect.stringMatching(/^Opgavegericht besturen/), datum: '2027-11-04' },
    });
    // The file itself, with its address, so the heading anchors (astro.config.ts) know a guide chapter.
    expect(gerenderd).toEqual([{ tekst, bestand: pathToFileURL(join(map, 'Opgavegericht-Besturen.md')).href }]);

    // Loaded again unchanged (the next build, or astro dev after a restart): not rendered again.
    await inhoudLader('bijeenkomsten').load(ctx);
    expect(gerenderd).toHaveLength(1);
  });

  it('laat een concept en een bestand met een fout weg buiten astro dev, met de Nederlandse regels als fout', async () => {
    await bijeenkomst('gewoon.md');
    await bijeenkomst('concept.md', (t) => t.replace('vorm: fysiek', 'vorm: fysiek\nconcept: true'));
    const { ctx, opgeslagen } = context(false);
    await inhoudLader('bijeenkomsten').load(ctx);
    expect([...opgeslagen().keys()]).toEqual(['gewoon']);

    await bijeenkomst('kapot.md', (t) => t.replace('datum: 2027-11-04', 'datum: 2027-02-30'));
    const fout = await inhoudLader('bijeenkomsten')
      .load(context(false).ctx)
      .catch((f: Error) => f);
    expect(fout).toBeInstanceOf(Error);
    expect((fout as Error).message).toBe(
      'src/content/bijeenkomsten/kapot.md: veld "datum": bestaat niet in de kalender. Voorbeeld: datum: 2027-11-04',
    );
    expect((fout as Error).stack).toBe('');
  });

  it('neemt een concept op in een deploy preview of branch deploy, nooit in productie, ook niet uit de opslag van een eerdere voorbeeldbouw', async () => {
    await bijeenkomst('gewoon.md');
    await bijeenkomst('concept.md', (t) => t.replace('vorm: fysiek', 'vorm: fysiek\nconcept: true'));
    // One store for every build, as Netlify's build cache keeps Astro's between deploys of all contexts.
    const { ctx, opgeslagen } = context(false);
    for (const voorbeeld of ['deploy-preview', 'branch-deploy']) {
      vi.stubEnv('CONTEXT', voorbeeld);
      await inhoudLader('bijeenkomsten').load(ctx);
      expect([...opgeslagen().keys()].sort(), voorbeeld).toEqual(['concept', 'gewoon']);
      expect(opgeslagen().get('concept')?.data).toMatchObject({ concept: true });
    }
    for (const anders of ['production', '', 'iets-anders']) {
      vi.stubEnv('CONTEXT', anders);
      await inhoudLader('bijeenkomsten').load(ctx);
      expect([...opgeslagen().keys()], anders || '(geen)').toEqual(['gewoon']);
      vi.stubEnv('CONTEXT', 'deploy-preview');
      await inhoudLader('bijeenkomsten').load(ctx);
    }
  });

  it('laat een collectie met alleen concepten bestaan, leeg, zodat getCollection() niet in het Engels waarschuwt', async () => {
    await bijeenkomst('concept.md', (t) => t.replace('vorm: fysiek', 'vorm: fysiek\nconcept: true'));
    const { ctx, opgeslagen, bestaat } = context(false);
    await inhoudLader('bijeenkomsten').load(ctx);
    expect(bestaat()).toBe(true);
    expect([...opgeslagen().keys()]).toEqual([]);
  });

  it('toont in astro dev het concept, laat een bestand met een fout weg zonder te stoppen, en neemt het terug zodra het klopt', async () => {
    await bijeenkomst('concept.md', (t) => t.replace('vorm: fysiek', 'vorm: fysiek\nconcept: true'));
    await bijeenkomst('kapot.md', (t) => t.replace('datum: 2027-11-04', 'datum: 2027-02-30'));
    const { ctx, opgeslagen, watcher } = context(true);
    await inhoudLader('bijeenkomsten').load(ctx);
    expect([...opgeslagen().keys()].sort()).toEqual(['concept']);
    expect(opgeslagen().get('concept')?.data).toMatchObject({ concept: true, datum: '2027-11-04' });

    // The editor fixes the file; Astro's watcher reports the change.
    await bijeenkomst('kapot.md');
    watcher.emit('change', join(map, 'kapot.md'));
    await expect.poll(() => [...opgeslagen().keys()].sort()).toEqual(['concept', 'kapot']);

    // Saved the way editors save: emptied, then written; the watcher may report only the empty file.
    await writeFile(join(map, 'kapot.md'), '');
    watcher.emit('change', join(map, 'kapot.md'));
    await new Promise((klaar) => setTimeout(klaar, 30));
    await bijeenkomst('kapot.md', (t) => t.replace('vorm: fysiek', 'vorm: online'));
    await expect.poll(() => opgeslagen().get('kapot')?.data.vorm).toBe('online');

    // And breaks it again: the entry goes, rather than showing the old version.
    await bijeenkomst('kapot.md', (t) => t.replace('vorm: fysiek', 'vorm: fysiek\ntijd: "13:30"'));
    watcher.emit('change', join(map, 'kapot.md'));
    await expect.poll(() => [...opgeslagen().keys()].sort()).toEqual(['concept']);

    // A new file comes in, a removed one goes.
    await bijeenkomst('nieuw.md');
    watcher.emit('add', join(map, 'nieuw.md'));
    await expect.poll(() => [...opgeslagen().keys()].sort()).toEqual(['concept', 'nieuw']);
    await rm(join(map, 'concept.md'));
    watcher.emit('unlink', join(map, 'concept.md'));
    await expect.poll(() => [...opgeslagen().keys()].sort()).toEqual(['nieuw']);
  });
});

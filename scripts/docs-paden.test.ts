import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@astrojs/compiler-rs';
import Slugger from 'github-slugger';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { FUNCTIE_BESTAND, FUNCTIE_MAP } from '../netlify/functie-bouw.ts';

/**
 * No doc and no code comment names a file of this repository that is not there: a
 * moved file otherwise leaves its old path behind in prose, where no compiler looks.
 *
 * What counts as a path:
 * - a word that starts with a top-level folder of the repository (`src/…`, `docs/…`,
 *   `.ci/…`), anywhere in the docs (also in code blocks: the README's diagram is checked)
 *   and in every comment of the code and the configuration;
 * - a bare file name that is a root file by its form (a name in capitals with .md, like
 *   `README.md`, or `package.json`, `netlify.toml`): it must be in the root;
 * - a bare source file name (`lader.ts`, `BaseLayout.astro`): some file in the
 *   repository must have that name (a short reference to a file named nearby);
 * - a relative Markdown link in README.md or docs/, with its `#anchor` when it points to
 *   a Markdown file: the anchor must be a heading there, by GitHub's own slugs.
 *
 * Allowed:
 * - placeholders: `<slug>`, `[slug]` (when no folder of that name exists), `*`, `**`, `…`
 *   stand for any name; the path must still match something in the repository;
 * - what .gitignore ignores (dist/, .outbox/, node_modules/, .astro/, bench-results/, …):
 *   generated, so absent in a fresh clone; in netlify/functions/, the one generated folder
 *   inside a tracked one, only the bundle the build writes there;
 * - `../shared/…`: the specs, the seed and the facts live beside the repository, not in
 *   it, and are absent in CI; allowed by that prefix alone;
 * - a Markdown file in an existing folder of src/content/: the editors' files come and go,
 *   and the docs show what a new one is called (`src/content/gids/vier-invalshoeken.md`).
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The shared folder beside the repository; never checked (absent in CI). */
const BUITEN_REPO = '../shared/';

/**
 * Named in the docs before it exists: the media folder of the CMS configuration
 * (src/redactie/config.ts), made by Decap at the first upload.
 */
const BESTAAT_LATER = new Set(['public/afbeeldingen', 'public/afbeeldingen/']);

/** Root files by their form: a name in capitals with .md, the package and tool files. */
const ROOTBESTAND = /^(?:[A-Z][A-Z0-9_-]*\.md|package(?:-lock)?\.json|tsconfig(?:\.[\w-]+)?\.json|biome\.json|netlify\.toml)$/;
/** Bare names of source files, which must exist somewhere in the repository. */
const BRONBESTAND = /\.(?:ts|mts|astro|css)$/;

// --- the repository: its files, the ignore rules, the top-level folders ---

interface Negeerregel {
  regex: RegExp;
  /** A folder name (`dist/`): also a top-level folder a doc may name, though a fresh clone has none. */
  mapnaam?: string;
}

/** The subset of .gitignore syntax this repository uses; a rule beyond it fails loudly rather than being misread. */
function leesGitignore(tekst: string): Negeerregel[] {
  return tekst
    .split('\n')
    .map((r) => r.trim())
    .filter((r) => r && !r.startsWith('#'))
    .map((r) => {
      if (r.startsWith('!') || r.includes('**') || r.includes('[')) throw new Error(`.gitignore-regel die deze test niet kent: ${r}`);
      const map = r.endsWith('/');
      const kern = r.replace(/\/$/, '');
      const patroon = kern
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|\\]/g, '\\$&'))
        .join('[^/]*');
      const verankerd = kern.includes('/');
      return {
        ...(map && !verankerd && !kern.includes('*') ? { mapnaam: kern } : {}),
        regex: new RegExp(verankerd ? `^${patroon}(?:/|$)` : map ? `(?:^|/)${patroon}(?:/|$)` : `(?:^|/)${patroon}$`),
      };
    });
}

const NEGEREN = leesGitignore(readFileSync(join(ROOT, '.gitignore'), 'utf8'));
const genegeerd = (pad: string) => NEGEREN.some((r) => r.regex.test(pad));

/** Every file and folder of the working tree that git would track, as root-relative paths (folders end in /). */
function repoPaden(): { bestanden: string[]; mappen: string[] } {
  const bestanden: string[] = [];
  const mappen: string[] = [];
  const loop = (map: string) => {
    for (const e of readdirSync(join(ROOT, map), { withFileTypes: true })) {
      const pad = map ? `${map}/${e.name}` : e.name;
      if (e.name === '.git' || genegeerd(e.isDirectory() ? `${pad}/` : pad)) continue;
      if (e.isDirectory()) {
        mappen.push(`${pad}/`);
        loop(pad);
      } else bestanden.push(pad);
    }
  };
  loop('');
  return { bestanden, mappen };
}

const REPO = repoPaden();
const NAMEN = new Set(REPO.bestanden.map((b) => posix.basename(b)));
const TOPMAPPEN = [
  ...new Set([
    ...REPO.mappen.filter((m) => m.indexOf('/') === m.length - 1).map((m) => m.slice(0, -1)),
    ...NEGEREN.flatMap((r) => r.mapnaam ?? []),
  ]),
];

// --- what a text names ---

interface Vondst {
  /** What the text says. */
  pad: string;
  /** Offset in the text. */
  plek: number;
  soort: 'pad' | 'rootbestand' | 'bronbestand';
}

const ontsnap = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Characters of a path, placeholders included; a path ends at a space, quote, bracket, comma, colon or `#`. */
const PADTEKEN = String.raw`[\w.\-/[\]<>*…@+]`;
const PADWOORD = new RegExp(
  String.raw`(?<![\w@.~/\-\]])(?:${ontsnap(BUITEN_REPO)}|(?:${TOPMAPPEN.map(ontsnap).join('|')})/)${PADTEKEN}*`,
  'g',
);
const NAAMWOORD = /(?<![\w@.~/\-[\]<>*…])[\w[\]-][\w.[\]-]*\.[a-z]+(?![\w/-])/g;

function vindPaden(tekst: string): Vondst[] {
  const vondsten: Vondst[] = [];
  for (const m of tekst.matchAll(PADWOORD)) {
    // A sentence's full stop, or the ] that closes a link's text, is not part of the path.
    let pad = m[0].replace(/\.+$/, '');
    while (pad.endsWith(']') && pad.split('[').length < pad.split(']').length) pad = pad.slice(0, -1).replace(/\.+$/, '');
    vondsten.push({ pad, plek: m.index, soort: 'pad' });
  }
  for (const m of tekst.matchAll(NAAMWOORD)) {
    const naam = m[0].replace(/\.+$/, '');
    if (ROOTBESTAND.test(naam)) vondsten.push({ pad: naam, plek: m.index, soort: 'rootbestand' });
    else if (BRONBESTAND.test(naam)) vondsten.push({ pad: naam, plek: m.index, soort: 'bronbestand' });
  }
  return vondsten;
}

/** A path with placeholders as a pattern over root-relative paths. */
function alsPatroon(pad: string): RegExp {
  let uit = '';
  for (let i = 0; i < pad.length; i++) {
    const t = pad[i]!;
    if (pad.startsWith('**', i)) {
      uit += '.*';
      i++;
    } else if (t === '*') uit += '[^/]*';
    else if (t === '…') uit += '.*';
    else if (t === '<' && pad.indexOf('>', i) > i) {
      uit += '[^/]+';
      i = pad.indexOf('>', i);
    } else if (t === '[' && pad.indexOf(']', i) > i) {
      const sluit = pad.indexOf(']', i);
      // Astro's route folders are called [slug]: the name itself, or any name.
      uit += `(?:${ontsnap(pad.slice(i, sluit + 1))}|[^/]+)`;
      i = sluit;
    } else uit += ontsnap(t);
  }
  return new RegExp(`^${uit}/?$`);
}

const PLAATSHOUDER = /[<[*…]/;

/** Why a path is missing, or undefined when it is fine. */
function padFout(v: Vondst): string | undefined {
  if (v.soort === 'rootbestand') return existsSync(join(ROOT, v.pad)) ? undefined : 'staat niet in de root van de repository';
  if (v.soort === 'bronbestand') return NAMEN.has(v.pad) ? undefined : 'geen bestand in de repository heet zo';
  const pad = v.pad;
  if (pad.startsWith(BUITEN_REPO) || BESTAAT_LATER.has(pad)) return undefined;
  if (genegeerd(pad)) {
    // netlify/functions/ is generated inside a tracked folder: only what the build writes there.
    if (pad.startsWith(`${FUNCTIE_MAP}/`) && !alsPatroon(pad).test(FUNCTIE_BESTAND) && pad !== `${FUNCTIE_MAP}/`)
      return `bestaat niet: de build schrijft in ${FUNCTIE_MAP}/ alleen ${FUNCTIE_BESTAND}`;
    return undefined;
  }
  if (existsSync(join(ROOT, pad))) return undefined;
  if (/^src\/content\/[^/]+\/[^/<[*…]+\.md$/.test(pad) && existsSync(join(ROOT, posix.dirname(pad)))) return undefined;
  if (PLAATSHOUDER.test(pad)) {
    const patroon = alsPatroon(pad);
    if ([...REPO.bestanden, ...REPO.mappen].some((p) => patroon.test(p))) return undefined;
    return 'niets in de repository past op dit patroon';
  }
  return 'bestaat niet';
}

// --- the texts: docs, and comments in code and configuration ---

/** Comments of a TypeScript or JavaScript file, by the compiler's own reading of it. */
function tsCommentaar(tekst: string, naam: string): { tekst: string; begin: number }[] {
  const bron = ts.createSourceFile(naam, tekst, ts.ScriptTarget.ESNext, true);
  const gezien = new Map<number, { tekst: string; begin: number }>();
  const neem = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) gezien.set(r.pos, { tekst: tekst.slice(r.pos, r.end), begin: r.pos });
  };
  const bezoek = (node: ts.Node) => {
    neem(ts.getLeadingCommentRanges(tekst, node.pos));
    neem(ts.getTrailingCommentRanges(tekst, node.end));
    ts.forEachChild(node, bezoek);
  };
  bezoek(bron);
  neem(ts.getLeadingCommentRanges(tekst, bron.endOfFileToken.pos));
  return [...gezien.values()];
}

const CSS_COMMENTAAR = /\/\*[\s\S]*?\*\//g;

/** Comments of an .astro file: in frontmatter and scripts (Astro's parser), HTML comments, and CSS in <style>. */
function astroCommentaar(tekst: string): { tekst: string; begin: number }[] {
  const { ast } = parse(tekst);
  const uit: { tekst: string; begin: number }[] = [];
  const root = ast as unknown as { comments: { value: string; start: number }[] };
  for (const c of root.comments) uit.push({ tekst: c.value, begin: c.start });
  const bezoek = (node: unknown, inStyle: boolean): void => {
    if (Array.isArray(node)) {
      for (const kind of node) bezoek(kind, inStyle);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; value?: string; start?: number; openingElement?: { name?: { name?: string } } };
    if (n.type === 'AstroComment' && n.value !== undefined) uit.push({ tekst: n.value, begin: n.start ?? 0 });
    if (inStyle && n.type === 'JSXText' && n.value !== undefined)
      for (const m of n.value.matchAll(CSS_COMMENTAAR)) uit.push({ tekst: m[0], begin: (n.start ?? 0) + m.index });
    const style = n.type === 'JSXElement' && n.openingElement?.name?.name === 'style';
    for (const [sleutel, waarde] of Object.entries(n)) if (sleutel !== 'comments') bezoek(waarde, inStyle || style);
  };
  bezoek((ast as unknown as { body: unknown }).body, false);
  return uit;
}

/** `#` comments of a shell script or TOML file. */
function hekjeCommentaar(tekst: string): { tekst: string; begin: number }[] {
  return [...tekst.matchAll(/(?:^|[ \t])#(.*)$/gm)].map((m) => ({ tekst: m[1]!, begin: m.index + m[0].indexOf('#') }));
}

function commentaarVan(pad: string, tekst: string): { tekst: string; begin: number }[] {
  if (/\.(?:[cm]?[jt]s)$/.test(pad)) return tsCommentaar(tekst, pad);
  if (pad.endsWith('.astro')) return astroCommentaar(tekst);
  if (pad.endsWith('.css')) return [...tekst.matchAll(CSS_COMMENTAAR)].map((m) => ({ tekst: m[0], begin: m.index }));
  if (pad.endsWith('.toml') || !posix.basename(pad).includes('.')) return hekjeCommentaar(tekst);
  return [];
}

/** Markdown minus fenced code blocks, with the same length, so offsets stay lines. */
function zonderCodeblokken(tekst: string): string {
  return tekst.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, (blok) => blok.replace(/[^\n]/g, ' '));
}

/** GitHub's anchors for the headings of a Markdown file. */
function ankers(markdown: string): Set<string> {
  const slugger = new Slugger();
  const uit = new Set<string>();
  for (const m of zonderCodeblokken(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
    const zichtbaar = m[1]!
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/(\*\*|__|\*|_)(.+?)\1/g, '$2')
      .replace(/<[^>]+>/g, '');
    uit.add(slugger.slug(zichtbaar));
  }
  return uit;
}

/** Relative links of a Markdown file (not in code blocks), and why each is broken, if it is. */
function linkFouten(markdown: string, bestand: string): { link: string; plek: number; fout: string }[] {
  const fouten: { link: string; plek: number; fout: string }[] = [];
  const tekst = zonderCodeblokken(markdown).replace(/`[^`\n]*`/g, (c) => ' '.repeat(c.length));
  const links = [
    ...[...tekst.matchAll(/!?\[[^\]]*\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)].map((m) => ({ doel: m[1]!, plek: m.index })),
    ...[...tekst.matchAll(/^\s*\[[^\]]+\]:\s+(\S+)/gm)].map((m) => ({ doel: m[1]!, plek: m.index })),
  ];
  for (const { doel, plek } of links) {
    if (/^[a-z][a-z+.-]*:/i.test(doel) || doel.startsWith('/')) continue; // another site, mailto:, a page of the site
    const [deel, anker] = doel.split('#') as [string, string | undefined];
    if (!deel) {
      if (anker && !ankers(markdown).has(decodeURIComponent(anker)))
        fouten.push({ link: doel, plek, fout: `geen kopje #${anker} in ${bestand}` });
      continue;
    }
    const doelPad = posix.normalize(posix.join(posix.dirname(bestand), decodeURI(deel)));
    if (doelPad.startsWith(BUITEN_REPO)) continue;
    if (doelPad.startsWith('../')) {
      fouten.push({ link: doel, plek, fout: 'wijst buiten de repository' });
      continue;
    }
    const absoluut = join(ROOT, doelPad);
    if (!existsSync(absoluut)) {
      fouten.push({ link: doel, plek, fout: `${doelPad} bestaat niet` });
      continue;
    }
    if (anker && doelPad.endsWith('.md')) {
      if (!ankers(readFileSync(absoluut, 'utf8')).has(decodeURIComponent(anker)))
        fouten.push({ link: doel, plek, fout: `geen kopje #${anker} in ${doelPad}` });
    }
  }
  return fouten;
}

const regelVan = (tekst: string, plek: number) => tekst.slice(0, plek).split('\n').length;

const DOCS = REPO.bestanden.filter((b) => b === 'README.md' || (b.startsWith('docs/') && b.endsWith('.md')));
const CODEMAPPEN = ['src/', 'integraties/', 'netlify/', 'scripts/', 'e2e/', 'testhulp/', '.ci/'];
const CODE = REPO.bestanden.filter(
  (b) =>
    (CODEMAPPEN.some((m) => b.startsWith(m)) && /\.(?:[cm]?[jt]s|astro|css|toml)$|^\.ci\/[^.]+$/.test(b)) ||
    (!b.includes('/') && /\.(?:[cm]?[jt]s|toml)$/.test(b)),
);
/** Markdown in src/ (the content): the comments in its frontmatter may name files too. */
const INHOUD = REPO.bestanden.filter((b) => b.startsWith('src/') && b.endsWith('.md'));

const fout = (bestand: string, tekst: string, plek: number, wat: string, waarom: string) =>
  `${bestand}:${regelVan(tekst, plek)}: ${wat} (${waarom})`;

function controleerTekst(bestand: string, tekst: string, stukken: { tekst: string; begin: number }[]): string[] {
  const uit: string[] = [];
  for (const stuk of stukken)
    for (const v of vindPaden(stuk.tekst)) {
      const waarom = padFout(v);
      if (waarom) uit.push(fout(bestand, tekst, stuk.begin + v.plek, v.pad, waarom));
    }
  return uit;
}

describe('de zoeker', () => {
  test('vindt paden, rootbestanden en bronbestanden, en slaat webadressen over', () => {
    const tekst = [
      'Zie `src/inhoud/lader.ts`, docs/ en README.md.',
      'Het contract: INSCHRIJVEN.md; de bundel netlify/functions/inschrijven.ts.',
      'Upstream: https://github.com/withastro/astro/blob/main/packages/astro/src/core/x.ts en /src/y.ts',
      'Kort: verwerk.ts en lader.ts. In dist/index.html. [src/site.ts](../src/site.ts)',
    ].join('\n');
    expect(vindPaden(tekst).map((v) => [v.pad, v.soort, padFout(v) ?? 'ok'])).toEqual([
      ['src/inhoud/lader.ts', 'pad', 'ok'],
      ['docs/', 'pad', 'ok'],
      ['netlify/functions/inschrijven.ts', 'pad', `bestaat niet: de build schrijft in ${FUNCTIE_MAP}/ alleen ${FUNCTIE_BESTAND}`],
      ['dist/index.html', 'pad', 'ok'],
      ['src/site.ts', 'pad', 'ok'],
      ['README.md', 'rootbestand', 'ok'],
      ['INSCHRIJVEN.md', 'rootbestand', 'staat niet in de root van de repository'],
      ['verwerk.ts', 'bronbestand', 'geen bestand in de repository heet zo'],
      ['lader.ts', 'bronbestand', 'ok'],
    ]);
  });

  test('plaatshouders passen alleen op wat er is; ../shared/ en gegenereerde paden mogen', () => {
    const oordeel = (pad: string) => padFout({ pad, plek: 0, soort: 'pad' }) ?? 'ok';
    expect(oordeel('src/content/bijeenkomsten/<slug>.md')).toBe('ok');
    expect(oordeel('src/pages/bijeenkomsten/[slug]/afmelden.astro')).toBe('ok');
    expect(oordeel('src/inhoud/*.test.ts')).toBe('ok');
    expect(oordeel('src/content/…')).toBe('ok');
    expect(oordeel('src/content/<slug>/nergens.md')).toBe('niets in de repository past op dit patroon');
    expect(oordeel('src/bestaat-niet/*.ts')).toBe('niets in de repository past op dit patroon');
    expect(oordeel('src/inhoud/weg.ts')).toBe('bestaat niet');
    expect(oordeel('src/content/gids/nieuw-hoofdstuk.md')).toBe('ok');
    expect(oordeel('src/content/weg/nieuw-hoofdstuk.md')).toBe('bestaat niet');
    expect(oordeel('src/omgeving.ts/')).toBe('bestaat niet');
    expect(oordeel('../shared/spec/INSCHRIJVEN.md')).toBe('ok');
    expect(oordeel('.outbox/x.json')).toBe('ok');
    expect(oordeel('node_modules/astro/bestaat-niet.js')).toBe('ok');
    expect(oordeel(FUNCTIE_BESTAND)).toBe('ok');
  });

  test('leest commentaar, geen strings, en elke soort commentaar in .astro', () => {
    const ts = "// over src/a.ts\nconst s = 'src/b.ts'; /* src/c.ts */\nconst r = /\\/*x/;\n// src/d.ts\n";
    expect(commentaarVan('x.ts', ts).map((c) => vindPaden(c.tekst).map((v) => v.pad))).toEqual([['src/a.ts'], ['src/c.ts'], ['src/d.ts']]);
    const astro =
      '---\n// src/fm.ts\nconst x = 1;\n---\n<!-- src/html.ts -->\n<p>{/* src/jsx.ts */ x}</p>\n<p>src/tekst.ts</p>\n<script>\n// src/script.ts\n</script>\n<style>\n/* src/css.ts */\n</style>\n';
    expect(
      commentaarVan('x.astro', astro)
        .flatMap((c) => vindPaden(c.tekst).map((v) => v.pad))
        .sort(),
    ).toEqual(['src/css.ts', 'src/fm.ts', 'src/html.ts', 'src/jsx.ts', 'src/script.ts']);
    expect(commentaarVan('netlify.toml', 'a = "#fff"\n# zie src/x.ts\n').map((c) => c.tekst)).toEqual([' zie src/x.ts']);
  });

  test('links: bestand, map en anker volgens GitHub; codeblokken en andere sites tellen niet', () => {
    const md = [
      '# Titel',
      '## Inhoud in `astro dev`: wat **Astro** doet',
      '## Titel',
      '[a](#inhoud-in-astro-dev-wat-astro-doet) [b](#titel-1) [c](#weg) [d](../README.md#opgavegericht-besturen--website-van-de-vpng)',
      '[e](nergens.md) [f](https://example.org/x.md) [g](/gids/) `[h](nergens-in-code.md)` [i](../src/)',
      '```',
      '[j](ook-nergens.md)',
      '```',
    ].join('\n');
    expect(linkFouten(md, 'docs/voorbeeld.md').map((f) => `${f.link}: ${f.fout}`)).toEqual([
      '#weg: geen kopje #weg in docs/voorbeeld.md',
      'nergens.md: docs/nergens.md bestaat niet',
    ]);
  });
});

describe('geen doc of commentaar noemt een pad dat er niet is', () => {
  test('README.md en docs/: paden in de tekst (ook in codeblokken)', () => {
    const fouten = DOCS.flatMap((bestand) => {
      const tekst = readFileSync(join(ROOT, bestand), 'utf8');
      return controleerTekst(bestand, tekst, [{ tekst, begin: 0 }]);
    });
    expect(fouten).toEqual([]);
  });

  test('README.md en docs/: relatieve links en hun ankers', () => {
    const fouten = DOCS.flatMap((bestand) => {
      const tekst = readFileSync(join(ROOT, bestand), 'utf8');
      return linkFouten(tekst, bestand).map((f) => fout(bestand, tekst, f.plek, f.link, f.fout));
    });
    expect(fouten).toEqual([]);
  });

  test('commentaar in code en configuratie, en in de inhoud', () => {
    expect(CODE.length).toBeGreaterThan(100);
    const fouten = [
      ...CODE.flatMap((bestand) => {
        const tekst = readFileSync(join(ROOT, bestand), 'utf8');
        return controleerTekst(bestand, tekst, commentaarVan(bestand, tekst));
      }),
      ...INHOUD.flatMap((bestand) => {
        const tekst = readFileSync(join(ROOT, bestand), 'utf8');
        const velden = /^---\n[\s\S]*?\n---$/m.exec(tekst)?.[0] ?? '';
        return controleerTekst(bestand, tekst, hekjeCommentaar(velden));
      }),
    ];
    expect(fouten).toEqual([]);
  });
});

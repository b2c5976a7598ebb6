import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@astrojs/compiler-rs';
import { check, type Diagnostics, type Parameters } from 'recheck';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

/**
 * Every regular expression the site, the build and the sign-up function run must take
 * linear time: a pattern that backtracks polynomially lets one 16 kB request hold the
 * function for seconds. recheck proves it for each one with automata theory; the finder
 * reads the sources with real parsers (TypeScript for .ts,
 * Astro's own compiler for .astro: frontmatter, template expressions and scripts), so a
 * pattern cannot hide from it in a form a grep would miss.
 *
 * Test files are left out: their patterns only ever see the project's own output.
 */

const SRC = fileURLToPath(new URL('./', import.meta.url));

/**
 * recheck's backends, all shipped in npm packages (nothing is downloaded when it runs):
 * the native binary (optional dependency `recheck-<os>-<cpu>`, fastest), the JVM agent
 * (`recheck-jar`: JVM start-up made most checks time out here, answering "unknown"), and
 * the Scala.js build in `recheck` itself (`pure`/`worker`, about four times slower, every
 * platform). The native one where npm installed it, else the pure one.
 */
function kiesBackend(): 'native' | 'pure' {
  const os = { linux: 'linux', darwin: 'macos', win32: 'windows' }[process.platform as string];
  try {
    createRequire(import.meta.url).resolve(`recheck-${os}-${process.arch}/package.json`);
    return 'native';
  } catch {
    return 'pure';
  }
}
process.env.RECHECK_BACKEND ??= kiesBackend();

/**
 * Only recheck's automaton checker, without a time limit: a proof, and the same verdict on
 * every run and every machine. Its default (`auto`) falls back to fuzzing for a pattern with
 * look-around or a back-reference, and fuzzing works against time limits, so its verdict
 * depended on how busy the machine was: one pattern was "safe" in one run and "2nd degree
 * polynomial" in the next. A pattern the automaton cannot read comes back `unknown` and
 * fails here: write it without look-around or back-references, or as a small scanner.
 */
const BEWIJS: Parameters = { checker: 'automaton', timeout: null };

interface Regex {
  /** file:line, relative to the scanned folder. */
  plek: string;
  source: string;
  flags: string;
}
interface Onleesbaar {
  plek: string;
  code: string;
}

function* bestanden(map: string): Generator<string> {
  for (const e of readdirSync(map, { withFileTypes: true })) {
    const pad = join(map, e.name);
    if (e.isDirectory()) yield* bestanden(pad);
    else if (/\.(?:ts|astro)$/.test(e.name) && !e.name.endsWith('.test.ts')) yield pad;
  }
}

const regel = (tekst: string, offset: number) => tekst.slice(0, offset).split('\n').length;

/** The string methods that turn a string argument into a RegExp. */
const MAAKT_REGEX = new Set(['match', 'matchAll', 'search']);

function uitTypeScript(paden: string[], basis: string, gevonden: Regex[], onleesbaar: Onleesbaar[]): void {
  // Only the sources themselves: enough to resolve a constant imported from another file, and fast.
  const program = ts.createProgram(paden, {
    noEmit: true,
    noLib: true,
    noResolve: true,
    types: [],
    allowImportingTsExtensions: true,
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
  });
  const checker = program.getTypeChecker();
  const tekstVan = (node: ts.Expression | undefined): string | undefined => {
    if (!node) return undefined;
    if (ts.isStringLiteralLike(node)) return node.text;
    const type = checker.getTypeAtLocation(node);
    return type.isStringLiteral() ? type.value : undefined;
  };
  for (const pad of paden) {
    const bron = program.getSourceFile(pad)!;
    const plek = (node: ts.Node) => `${relative(basis, pad)}:${bron.getLineAndCharacterOfPosition(node.getStart(bron)).line + 1}`;
    const bezoek = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const slash = node.text.lastIndexOf('/');
        gevonden.push({ plek: plek(node), source: node.text.slice(1, slash), flags: node.text.slice(slash + 1) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [bronArg, flagsArg] = node.arguments ?? [];
        // new RegExp(/literal/, flags): the literal is found on its own.
        if (bronArg && !ts.isRegularExpressionLiteral(bronArg)) {
          const source = tekstVan(bronArg);
          const flags = flagsArg ? tekstVan(flagsArg) : '';
          if (source === undefined || flags === undefined) onleesbaar.push({ plek: plek(node), code: node.getText(bron) });
          else gevonden.push({ plek: plek(node), source, flags });
        }
      } else if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        MAAKT_REGEX.has(node.expression.name.text) &&
        node.arguments.length > 0 &&
        checker.getTypeAtLocation(node.expression.expression).flags & ts.TypeFlags.StringLike
      ) {
        const arg = node.arguments[0]!;
        const source = ts.isRegularExpressionLiteral(arg) ? null : tekstVan(arg);
        if (source === undefined) onleesbaar.push({ plek: plek(node), code: node.getText(bron) });
        else if (source !== null) gevonden.push({ plek: plek(node), source, flags: node.expression.name.text === 'matchAll' ? 'g' : '' });
      }
      ts.forEachChild(node, bezoek);
    };
    bezoek(bron);
  }
}

interface EsNode {
  type?: string;
  start?: number;
  regex?: { pattern: string; flags: string };
  callee?: EsNode;
  name?: string;
  arguments?: EsNode[];
  value?: unknown;
  quasis?: EsNode[];
  expressions?: EsNode[];
  [sleutel: string]: unknown;
}

function uitAstro(pad: string, basis: string, gevonden: Regex[], onleesbaar: Onleesbaar[]): void {
  const tekst = readFileSync(pad, 'utf8');
  const plek = (node: EsNode) => `${relative(basis, pad)}:${regel(tekst, node.start ?? 0)}`;
  const letterlijk = (node: EsNode | undefined): string | undefined => {
    if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
    const [stuk] = node?.type === 'TemplateLiteral' && node.expressions?.length === 0 ? (node.quasis ?? []) : [];
    if (stuk) return (stuk.value as { cooked: string }).cooked;
    return undefined;
  };
  const bezoek = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const kind of node) bezoek(kind);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as EsNode;
    if (n.regex) gevonden.push({ plek: plek(n), source: n.regex.pattern, flags: n.regex.flags });
    if ((n.type === 'NewExpression' || n.type === 'CallExpression') && n.callee?.type === 'Identifier' && n.callee.name === 'RegExp') {
      const [bronArg, flagsArg] = n.arguments ?? [];
      if (bronArg && !bronArg.regex) {
        const source = letterlijk(bronArg);
        const flags = flagsArg ? letterlijk(flagsArg) : '';
        if (source === undefined || flags === undefined) onleesbaar.push({ plek: plek(n), code: tekst.slice(n.start, n.end as number) });
        else gevonden.push({ plek: plek(n), source, flags });
      }
    }
    for (const waarde of Object.values(n)) bezoek(waarde);
  };
  const { ast, diagnostics } = parse(tekst);
  const fouten = diagnostics.filter((d) => d.severity === 'error');
  if (fouten.length) throw new Error(`${pad}: ${fouten.map((d) => d.text).join('; ')}`);
  bezoek(ast);
}

function vindRegexen(map: string): { gevonden: Regex[]; onleesbaar: Onleesbaar[] } {
  const gevonden: Regex[] = [];
  const onleesbaar: Onleesbaar[] = [];
  const alle = [...bestanden(map)];
  uitTypeScript(
    alle.filter((p) => p.endsWith('.ts')),
    map,
    gevonden,
    onleesbaar,
  );
  for (const pad of alle.filter((p) => p.endsWith('.astro'))) uitAstro(pad, map, gevonden, onleesbaar);
  return { gevonden, onleesbaar };
}

/** What recheck says of one pattern, in one line: complexity and the attack it built. */
function oordeel(r: Regex, d: Diagnostics): string {
  const wat = `${r.plek}  /${r.source}/${r.flags}`;
  if (d.status === 'vulnerable') return `${wat}  ${d.complexity.summary}; aanval: ${JSON.stringify(d.attack.pattern)}`;
  if (d.status === 'unknown') return `${wat}  niet te bewijzen (${'message' in d.error ? d.error.message : d.error.kind})`;
  return `${wat}  ${d.complexity.summary}`;
}

describe('de zoeker vindt elke vorm van een reguliere expressie', () => {
  test('letterlijk, new RegExp en RegExp() met een constante, string-methoden, en in .astro overal', () => {
    const map = mkdtempSync(join(tmpdir(), 'redos-'));
    try {
      writeFileSync(join(map, 'c.ts'), "export const PAD = '/a/';\nexport const VLAG = 'i';\n");
      writeFileSync(
        join(map, 'a.ts'),
        [
          "import { PAD, VLAG } from './c.ts';",
          'const letterlijk = /l+x/u;',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a fixture, with a template literal in it.
          'const met = new RegExp(`^${PAD}([^/]+)$`, VLAG);',
          "const zonder = RegExp('z+y');",
          "const zoek = 'abc'.search('s+t');",
          'const onbekend = (x: string) => new RegExp(x);',
          'export { letterlijk, met, zonder, zoek, onbekend };',
        ].join('\n'),
      );
      writeFileSync(join(map, 'b.test.ts'), 'export const inTest = /t+t/;\n');
      writeFileSync(
        join(map, 'd.astro'),
        [
          '---',
          "const voor = 'x'.replace(/fm+/g, '');",
          '---',
          "<p title={new RegExp('attr+').source}>{voor.replace(/expr+/, '')}</p>",
          '<script>',
          "  document.title.replace(/script+/i, '');",
          '</script>',
          '<script is:inline>',
          "  console.log(/inline+/.test(''));",
          '</script>',
        ].join('\n'),
      );
      const { gevonden, onleesbaar } = vindRegexen(map);
      expect(gevonden.map((r) => `${r.plek} /${r.source}/${r.flags}`).sort()).toEqual(
        [
          'a.ts:2 /l+x/u',
          'a.ts:3 /^/a/([^/]+)$/i',
          'a.ts:4 /z+y/',
          'a.ts:5 /s+t/',
          'd.astro:2 /fm+/g',
          'd.astro:4 /attr+/',
          'd.astro:4 /expr+/',
          'd.astro:6 /script+/i',
          'd.astro:9 /inline+/',
        ].sort(),
      );
      expect(onleesbaar).toEqual([{ plek: 'a.ts:6', code: 'new RegExp(x)' }]);
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });

  test('recheck herkent een kwadratisch patroon', async () => {
    const d = await check('\\p{L}{2,}\\.\\s+\\S', 'u', BEWIJS);
    expect(d.status).toBe('vulnerable');
  });

  test('een patroon met look-around of een terugverwijzing is niet te bewijzen, dus niet goed', async () => {
    for (const [source, flags] of [
      ['(?<![\\w.])[\\w.]+@', 'g'],
      ['[\\w.]+(?=@)', 'g'],
      ['^(.)\\1*$', 'su'],
    ]) {
      const d = await check(source!, flags!, BEWIJS);
      expect(d.status, source).toBe('unknown');
    }
  });
});

describe('reguliere expressies in src/', () => {
  const { gevonden, onleesbaar } = vindRegexen(SRC);

  test('elke new RegExp heeft een vaste bron', () => {
    expect(gevonden.length).toBeGreaterThan(30);
    expect(onleesbaar, 'maak de bron een letterlijke string of een constante').toEqual([]);
  });

  test('elke reguliere expressie is bewezen lineair (recheck, automaat: safe)', async () => {
    const uitslagen = await Promise.all(gevonden.map(async (r) => ({ r, d: await check(r.source, r.flags, BEWIJS) })));
    const niet = uitslagen.filter(({ d }) => d.status !== 'safe').map(({ r, d }) => oordeel(r, d));
    expect(niet, `niet lineair:\n${niet.join('\n')}`).toEqual([]);
  }, 180_000);
});

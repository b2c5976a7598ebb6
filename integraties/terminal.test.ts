import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { AstroLoggerMessage } from 'astro';
import { describe, expect, test } from 'vitest';
import { terminal } from './terminal.ts';
import { voorDeRedactie } from './terminal-uitvoer.ts';

/**
 * Astro's own messages, made by Astro's own code (its files, not a public API: a test may
 * read them, so that a message Astro words anew fails here instead of reaching an editor).
 */
const astro = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
const berichten = async <T>(bestand: string) => (await import(pathToFileURL(join(astro, 'dist/core/messages', bestand)).href)) as T;
const { newVersionAvailable } = await berichten<{ newVersionAvailable: (o: { latestVersion: string }) => Promise<string> }>('node.js');
const runtime = await berichten<{
  serverStart: (o: object) => string;
  req: (o: { url: string; statusCode: number; reqTime?: number }) => string;
}>('runtime.js');

const opties = { eigen: ['inhoud-controle', 'inschrijffunctie', 'redactie-cms'] };
const bericht = (level: AstroLoggerMessage['level'], label: string | null, message: string): AstroLoggerMessage => ({
  level,
  label,
  message,
  newLine: true,
});

describe('de terminal van npm start: alleen de Nederlandse regels die ertoe doen', () => {
  test('geen uitnodiging om Astro bij te werken (npx @astrojs/upgrade)', async () => {
    const update = await newVersionAvailable({ latestVersion: '99.0.0' });
    expect(stripVTControlCharacters(update)).toContain('@astrojs/upgrade');
    expect(voorDeRedactie(bericht('warn', 'SKIP_FORMAT', update), opties)).toBeUndefined();
  });

  test('astro dev vraagt het npm-register niet om een nieuwere versie: de instelling die Astro daarvoor leest, staat aan', async () => {
    const map = await mkdtemp(join(tmpdir(), 'terminal-'));
    const vooraf = process.env.ASTRO_DISABLE_UPDATE_CHECK;
    delete process.env.ASTRO_DISABLE_UPDATE_CHECK;
    try {
      const setup = terminal().hooks['astro:config:setup'];
      const context = {
        command: 'dev',
        config: { root: pathToFileURL(`${map}/`), base: '/', integrations: [] },
        logger: { options: { level: 'info' } },
        updateConfig: () => ({}),
      };
      await setup?.(context as unknown as Parameters<NonNullable<typeof setup>>[0]);
      expect(process.env.ASTRO_DISABLE_UPDATE_CHECK).toBe('true');
      // The very check Astro's dev server makes before it asks the registry.
      const bron = await readFile(join(astro, 'dist/core/dev/update-check.js'), 'utf8');
      expect(bron).toContain('process.env.ASTRO_DISABLE_UPDATE_CHECK !== "true"');
    } finally {
      if (vooraf === undefined) delete process.env.ASTRO_DISABLE_UPDATE_CHECK;
      else process.env.ASTRO_DISABLE_UPDATE_CHECK = vooraf;
      await rm(map, { recursive: true, force: true });
    }
  });

  test('geen Engelse waarschuwing van de router bij een bestand met een fout: de regel van de inhoudscontrole noemt het al', () => {
    const router =
      'A `getStaticPaths()` route pattern was matched, but no matching static path was found for requested path `/bijeenkomsten/x/`.\n\n' +
      'Possible dynamic routes being matched: src/pages/bijeenkomsten/[slug]/index.astro.';
    expect(voorDeRedactie(bericht('warn', 'router', router), opties)).toBeUndefined();
  });

  test('geen meldingen over herladen inhoud, verzoeken of Vite', () => {
    for (const [label, tekst] of [
      ['content', 'Reloaded data from src/content/bijeenkomsten/x.md'],
      ['content', 'Syncing content'],
      ['types', 'Generated 0ms'],
      ['vite', 'connected.'],
      [null, runtime.req({ url: '/bijeenkomsten/', statusCode: 200, reqTime: 12 })],
      [null, runtime.req({ url: '/bijeenkomsten/x/', statusCode: 404, reqTime: 480 })],
      [null, 'watching for file changes...'],
    ] as const) {
      expect(voorDeRedactie(bericht('info', label, tekst), opties), tekst).toBeUndefined();
    }
  });

  test('het adres in het Nederlands, zoals Astro het kiest (een andere poort als 4321 bezet is)', () => {
    const start = runtime.serverStart({
      startupTime: 1234,
      resolvedUrls: { local: ['http://localhost:4322/'], network: [] },
      host: false,
      base: '/',
      astroVersionProvider: { version: '7.3.5' },
      textStyler: {
        bgGreen: (t: string) => t,
        black: (t: string) => t,
        dim: (t: string) => t,
        cyan: (t: string) => t,
        bold: (t: string) => t,
        green: (t: string) => t,
        yellow: (t: string) => t,
      },
    });
    expect(stripVTControlCharacters(start)).toContain('http://localhost:4322/');
    expect(voorDeRedactie(bericht('info', 'SKIP_FORMAT', start), opties)).toEqual(
      bericht(
        'info',
        'SKIP_FORMAT',
        'De site draait op http://localhost:4322/\nDe redactie: http://localhost:4322/admin/\nStoppen: Ctrl+C in dit venster.\n',
      ),
    );
  });

  test('de regels van de site zelf blijven, net als elke fout en elke andere waarschuwing', () => {
    const houden = [
      bericht('warn', 'inhoud-controle', 'De inhoud bevat 1 fout:\n…'),
      bericht('info', 'inhoud-controle', 'Inhoud in orde: 13 bestanden gecontroleerd.'),
      bericht('info', 'redactie-cms', 'De redactie (/admin/) kan niet opslaan: …'),
      bericht('error', 'vite', 'Internal server error: …'),
      bericht('error', null, 'Iets ging mis'),
      bericht('warn', 'content', 'Content config not loaded'),
    ];
    for (const b of houden) expect(voorDeRedactie(b, opties)).toEqual(b);
  });
});

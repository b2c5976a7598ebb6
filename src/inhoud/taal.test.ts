import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * House style that slipped before, checked in everything a reader sees: the Markdown in
 * src/content and the Dutch text in the code (pages, components, mails, the function's
 * messages). Tests and comments are not read as text for the reader: test files are
 * skipped, and a rule only looks at what a visitor would read.
 */
const project = join(import.meta.dirname, '..', '..');

async function bestanden(map: string, soorten: RegExp): Promise<string[]> {
  const alle = await readdir(join(project, map), { recursive: true, encoding: 'utf8' });
  return alle
    .filter((f) => soorten.test(f) && !f.endsWith('.test.ts'))
    .map((f) => join(project, map, f))
    .sort();
}

const regels: { fout: RegExp; waarom: string }[] = [
  { fout: /\bR[’']en\b/, waarom: 'het meervoud van een letter is R’s' },
  { fout: /\b(je|jij) kan\b/i, waarom: 'schrijf "je kunt"' },
  { fout: /\bNIET\b/, waarom: 'geen hoofdletters voor nadruk: zet "niet" vet (src/functie/nadruk.ts)' },
  { fout: /Over de VPNG/, waarom: 'de pagina heet "Wat doen we?", in het menu en in de voet' },
];

describe('huisstijl in alles wat een lezer ziet', () => {
  test('geen R’en, je kan, NIET of Over de VPNG', async () => {
    const teLezen = await bestanden('src', /\.(md|astro|ts)$/);
    expect(teLezen.length).toBeGreaterThan(50);
    const vondsten: string[] = [];
    for (const bestand of teLezen) {
      const regelsVanBestand = (await readFile(bestand, 'utf8')).split('\n');
      for (const [i, regel] of regelsVanBestand.entries()) {
        // Code comments speak English and may name a header or type; only text a reader sees counts.
        if (/^\s*(\/\/|\/?\*|#)/.test(regel) && !bestand.endsWith('.md')) continue;
        for (const { fout, waarom } of regels) {
          if (fout.test(regel)) vondsten.push(`${relative(project, bestand)}:${i + 1}: ${waarom}: ${regel.trim()}`);
        }
      }
    }
    expect(vondsten).toEqual([]);
  });
});

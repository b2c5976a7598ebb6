import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Color from 'colorjs.io';
import { describe, expect, it } from 'vitest';
import { type Kleur, kleuren, kleurTokensCss } from './kleuren.ts';

const SRC = fileURLToPath(new URL('../', import.meta.url));

/** The site's stylesheets and components: everything in src/ that writes CSS. */
function* stijlbestanden(map: string): Generator<string> {
  for (const e of readdirSync(map, { withFileTypes: true })) {
    const pad = join(map, e.name);
    if (e.isDirectory()) yield* stijlbestanden(pad);
    else if (e.name.endsWith('.css') || e.name.endsWith('.astro')) yield pad;
  }
}

describe('één bron voor de kleuren', () => {
  it('kleurTokensCss maakt van elke kleur een custom property in :root', () => {
    const css = kleurTokensCss();
    expect(css).toMatch(/^:root \{\n/);
    for (const [naam, waarde] of Object.entries(kleuren)) expect(css).toContain(`  --kleur-${naam}: ${waarde};\n`);
    expect(css.match(/--kleur-/g)).toHaveLength(Object.keys(kleuren).length);
  });

  it('geen stylesheet of component declareert zelf een kleurtoken: ze komen alleen uit kleuren.ts', () => {
    const eigen = [...stijlbestanden(SRC)].flatMap((pad) =>
      [...readFileSync(pad, 'utf8').matchAll(/--kleur-[a-z-]+\s*:/g)].map((m) => `${relative(SRC, pad)}: ${m[0]}`),
    );
    expect(eigen).toEqual([]);
  });

  it('elke var(--kleur-…) in src/ bestaat in kleuren.ts', () => {
    const onbekend = [...stijlbestanden(SRC)].flatMap((pad) =>
      [...readFileSync(pad, 'utf8').matchAll(/var\(\s*--kleur-([a-z-]+)/g)]
        .filter((m) => !Object.hasOwn(kleuren, m[1]!))
        .map((m) => `${relative(SRC, pad)}: --kleur-${m[1]}`),
    );
    expect(onbekend).toEqual([]);
  });
});

/**
 * Contrast of the colour tokens, for every pair the site, its mails, share images and dev
 * banners actually put together (WCAG 2.2 SC 1.4.3: 4.5:1 for text; SC 1.4.11: 3:1 for the
 * focus ring). colorjs.io reads any CSS colour notation, so a token may move to rgb() or
 * oklch() without changing this test.
 */
describe('kleurcontrast van de design tokens', () => {
  const verhouding = (voor: Kleur, achter: Kleur) => Color.contrastWCAG21(new Color(kleuren[voor]), new Color(kleuren[achter]));

  it('rekent het contrast zoals WCAG', () => {
    expect(Color.contrastWCAG21(new Color('#000000'), new Color('#ffffff'))).toBeCloseTo(21, 5);
  });

  const tekstParen: [voorgrond: Kleur, achtergrond: Kleur, waar: string][] = [
    ['tekst', 'achtergrond', 'lopende tekst'],
    ['tekst', 'vlak', 'tekst in vlakken (zijkant, voet, held)'],
    ['tekst-zacht', 'achtergrond', 'inleiding, datum op kaarten'],
    ['tekst-zacht', 'vlak', 'afzender in de voet, feiten in de zijkant'],
    ['link', 'achtergrond', 'links'],
    ['link', 'vlak', 'links in vlakken'],
    ['link-bezocht', 'achtergrond', 'bezochte links'],
    ['link-bezocht', 'vlak', 'bezochte links in vlakken'],
    ['op-merk', 'merk', 'knop, kop van de site, deelbeeld'],
    ['op-merk', 'merk-donker', 'knop bij hover'],
    ['focus', 'merk', 'bovenregel van het deelbeeld'],
    ['fout', 'vlak', 'melding op de foutpagina van de functie'],
    ['merk', 'vlak', 'secundaire knop'],
    ['merk', 'vlak-donker', 'secundaire knop bij hover'],
    ['focus-tekst', 'focus', 'tekst met focus (links, knoppen, skiplink)'],
    ['succes', 'achtergrond', 'stand “open” op kaarten'],
    ['waarschuwing', 'achtergrond', 'stand “wachtlijst” op kaarten'],
    ['fout', 'achtergrond', 'foutmeldingen'],
    ['tekst', 'waarschuwing-vlak', 'conceptbalk (astro dev en voorbeeld)'],
    ['waarschuwing', 'waarschuwing-vlak', 'conceptlabel (astro dev en voorbeeld)'],
    ['tekst', 'fout-vlak', 'melding van de inhoudscontrole (alleen in astro dev)'],
    ['fout', 'fout-vlak', 'kop van die melding'],
  ];
  for (const [voor, achter, waar] of tekstParen) {
    it(`${voor} op ${achter} (${waar}) haalt 4,5:1`, () => {
      expect(verhouding(voor, achter)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('de focusring (donkere rand om het geel) haalt 3:1 op wit en op de vlakkleur', () => {
    expect(verhouding('focus-tekst', 'achtergrond')).toBeGreaterThanOrEqual(3);
    expect(verhouding('focus-tekst', 'vlak')).toBeGreaterThanOrEqual(3);
    expect(verhouding('focus', 'merk')).toBeGreaterThanOrEqual(3);
  });
});

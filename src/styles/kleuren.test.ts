import { readFileSync } from 'node:fs';
import Color from 'colorjs.io';
import { describe, expect, it } from 'vitest';
import { kleuren } from './kleuren.ts';

/**
 * Contrast of the design tokens in global.css, for every pair the site actually puts
 * together (WCAG 2.2 SC 1.4.3: 4.5:1 for text; SC 1.4.11: 3:1 for the focus ring).
 * colorjs.io reads any CSS colour notation, so a token may move to rgb() or oklch()
 * without changing this test.
 */
const css = readFileSync(new URL('./global.css', import.meta.url), 'utf8');
const root = css.match(/:root\s*{([^}]*)}/)?.[1] ?? '';
const tokens = new Map([...root.matchAll(/--(kleur-[a-z-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));

function kleur(naam: string): Color {
  if (naam.startsWith('#')) return new Color(naam);
  const waarde = tokens.get(naam);
  if (!waarde) throw new Error(`Token --${naam} staat niet in global.css`);
  return new Color(waarde);
}

const verhouding = (voor: string, achter: string) => Color.contrastWCAG21(kleur(voor), kleur(achter));

describe('kleurcontrast van de design tokens', () => {
  it('leest de tokens uit global.css', () => {
    expect(tokens.size).toBeGreaterThanOrEqual(10);
    expect(verhouding('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it('global.css en kleuren.ts (mails, deelbeelden, foutpagina) hebben dezelfde tokens met dezelfde waarden', () => {
    const inCss = Object.fromEntries(
      [...tokens].map(([naam, waarde]) => [naam.replace(/^kleur-/, ''), new Color(waarde).toString({ format: 'hex' })]),
    );
    const inTs = Object.fromEntries(Object.entries(kleuren).map(([naam, waarde]) => [naam, new Color(waarde).toString({ format: 'hex' })]));
    expect(inTs).toEqual(inCss);
  });

  const tekstParen: [voorgrond: string, achtergrond: string, waar: string][] = [
    ['kleur-tekst', 'kleur-achtergrond', 'lopende tekst'],
    ['kleur-tekst', 'kleur-vlak', 'tekst in vlakken (zijkant, voet, held)'],
    ['kleur-tekst-zacht', 'kleur-achtergrond', 'inleiding, datum op kaarten'],
    ['kleur-tekst-zacht', 'kleur-vlak', 'afzender in de voet, feiten in de zijkant'],
    ['kleur-link', 'kleur-achtergrond', 'links'],
    ['kleur-link', 'kleur-vlak', 'links in vlakken'],
    ['kleur-link-bezocht', 'kleur-achtergrond', 'bezochte links'],
    ['kleur-link-bezocht', 'kleur-vlak', 'bezochte links in vlakken'],
    ['kleur-op-merk', 'kleur-merk', 'knop, kop van de site, deelbeeld'],
    ['kleur-op-merk', 'kleur-merk-donker', 'knop bij hover'],
    ['kleur-focus', 'kleur-merk', 'bovenregel van het deelbeeld'],
    ['kleur-fout', 'kleur-vlak', 'melding op de foutpagina van de functie'],
    ['kleur-merk', 'kleur-vlak', 'secundaire knop'],
    ['kleur-merk', '#e3e9f0', 'secundaire knop bij hover'],
    ['kleur-focus-tekst', 'kleur-focus', 'tekst met focus (links, knoppen, skiplink)'],
    ['kleur-succes', 'kleur-achtergrond', 'stand “open” op kaarten'],
    ['kleur-waarschuwing', 'kleur-achtergrond', 'stand “wachtlijst” op kaarten'],
    ['kleur-fout', 'kleur-achtergrond', 'foutmeldingen'],
  ];
  for (const [voor, achter, waar] of tekstParen) {
    it(`${voor} op ${achter} (${waar}) haalt 4,5:1`, () => {
      expect(verhouding(voor, achter)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('de focusring (donkere rand om het geel) haalt 3:1 op wit en op de vlakkleur', () => {
    expect(verhouding('kleur-focus-tekst', 'kleur-achtergrond')).toBeGreaterThanOrEqual(3);
    expect(verhouding('kleur-focus-tekst', 'kleur-vlak')).toBeGreaterThanOrEqual(3);
    expect(verhouding('kleur-focus', 'kleur-merk')).toBeGreaterThanOrEqual(3);
  });
});

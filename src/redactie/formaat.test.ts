import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sjabloon } from '../../scripts/nieuw.ts';
import { controleerBestand } from '../inhoud/bestandscontrole.ts';
import { frontmatterPatroon, leesVelden } from '../inhoud/frontmatter.ts';
import { type Collectie, inhoudSchemas } from '../inhoud/schemas.ts';
import { cmsVelden } from './config.ts';
import { BRON, leesBestand, schrijfBestand } from './formaat.ts';

const inhoud = join(import.meta.dirname, '..', 'content');
const bestanden = (Object.keys(inhoudSchemas) as Collectie[]).flatMap((c) =>
  readdirSync(join(inhoud, c))
    .filter((n) => n.endsWith('.md'))
    .map((n) => ({ collectie: c, pad: `src/content/${c}/${n}`, tekst: readFileSync(join(inhoud, c, n), 'utf8') })),
);

/** The fields as the site reads them (src/inhoud/frontmatter.ts), not as this format does. */
function velden(tekst: string): unknown {
  return leesVelden(frontmatterPatroon.exec(tekst)?.[1] ?? '');
}

/** What Decap hands back after an edit: the entry it got, with `wijziging` applied, and the order of the CMS's fields. */
function bewerkt(tekst: string, wijziging: (data: Record<string, unknown>) => void, collectie: Collectie = 'bijeenkomsten'): string {
  const data = structuredClone(leesBestand(tekst));
  wijziging(data);
  return schrijfBestand(
    data,
    cmsVelden(collectie).map((v) => v.name),
  );
}

/** How many lines a diff of `a` and `b` removes and adds (longest common subsequence of the lines). */
function regelVerschil(a: string, b: string): { weg: number; erbij: number } {
  const x = a.split('\n');
  const y = b.split('\n');
  const lcs = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const gemeen = lcs[0]![0]!;
  return { weg: x.length - gemeen, erbij: y.length - gemeen };
}

/** The last word of the first line of `tekst` that has one, with a word added after it. */
function eenWoordErbij(tekst: string, woord = 'extra'): string {
  return tekst.replace(/^(.*\S)$/m, `$1 ${woord}`);
}

describe('leesBestand en schrijfBestand: wat niemand aanraakte blijft zoals het was', () => {
  it('heeft inhoud om te toetsen', () => {
    expect(bestanden.length).toBeGreaterThanOrEqual(10);
  });

  it.each(bestanden)('$pad: openen en bewaren zonder wijziging geeft exact hetzelfde bestand', ({ tekst }) => {
    const data = leesBestand(tekst);
    expect(data[BRON]).toBe(tekst);
    expect(schrijfBestand(structuredClone(data), ['concept', 'titel'])).toBe(tekst);
  });

  it.each(bestanden)('$pad: één woord erbij in de samenvatting verandert één regel', ({ tekst }) => {
    const uit = bewerkt(tekst, (d) => {
      d.samenvatting = `${String(d.samenvatting)} Nu.`;
    });
    expect(regelVerschil(tekst, uit)).toEqual({ weg: 1, erbij: 1 });
    expect(velden(uit)).toMatchObject({ samenvatting: expect.stringMatching(/ Nu\.$/) });
  });

  it.each(bestanden)('$pad: één woord anders midden in de samenvatting verandert één regel', ({ tekst }) => {
    const uit = bewerkt(tekst, (d) => {
      const s = String(d.samenvatting);
      const midden = s.indexOf(' ', Math.floor(s.length / 2));
      d.samenvatting = `${s.slice(0, midden)} zeker${s.slice(midden)}`;
    });
    expect(regelVerschil(tekst, uit)).toEqual({ weg: 1, erbij: 1 });
  });

  it.each(bestanden)('$pad: één woord erbij in de tekst verandert één regel, en alleen in de tekst', ({ tekst }) => {
    const uit = bewerkt(tekst, (d) => {
      d.body = eenWoordErbij(String(d.body));
    });
    expect(regelVerschil(tekst, uit)).toEqual({ weg: 1, erbij: 1 });
    expect(velden(uit)).toEqual(velden(tekst));
  });

  it.each(bestanden)('$pad: een andere titel verandert één regel', ({ tekst }) => {
    const uit = bewerkt(tekst, (d) => {
      d.titel = `${String(d.titel)}: nieuw`;
    });
    expect(regelVerschil(tekst, uit)).toEqual({ weg: 1, erbij: 1 });
    expect(velden(uit)).toMatchObject({ titel: expect.stringMatching(/: nieuw$/) });
  });

  it.each(bestanden)('$pad: na het bewaren vindt de controle van de site hetzelfde', ({ collectie, pad, tekst }) => {
    const uit = bewerkt(
      tekst,
      (d) => {
        d.samenvatting = `${String(d.samenvatting)} Nu.`;
      },
      collectie,
    );
    expect(controleerBestand(collectie, pad, uit)).toEqual(controleerBestand(collectie, pad, tekst));
  });
});

describe('een bestand van npm run nieuw, met al zijn uitleg', () => {
  const tekst = sjabloon('Kennismiddag', '2027-12-08');

  it('blijft gelijk, en een wijziging laat elke regel uitleg staan', () => {
    expect(schrijfBestand(leesBestand(tekst))).toBe(tekst);
    const uit = bewerkt(tekst, (d) => {
      d.doelgroep = 'Raadsleden';
    });
    expect(regelVerschil(tekst, uit)).toEqual({ weg: 1, erbij: 1 });
    expect(uit.split('\n').filter((r) => r.startsWith('#'))).toEqual(tekst.split('\n').filter((r) => r.startsWith('#')));
  });

  it('concept uit: alleen die regel gaat weg', () => {
    const uit = bewerkt(tekst, (d) => {
      delete d.concept;
    });
    expect(regelVerschil(tekst, uit)).toEqual({ weg: 1, erbij: 0 });
    expect(uit).not.toMatch(/^concept:/m);
  });

  it('een organisator erbij komt onder de vorige, een tijd en een locatie komen op hun plaats', () => {
    const uit = bewerkt(tekst, (d) => {
      (d.organisatoren as string[]).push('Wethoudersvereniging');
      d.begintijd = '13:30';
      d.locatie = { naam: 'Stadhuis', plaats: 'Utrecht' };
    });
    expect(uit).toContain('organisatoren:\n  - VPNG\n  - Wethoudersvereniging\n');
    expect(uit).toContain('begintijd: "13:30"\n');
    expect(uit).toContain('locatie:\n  naam: Stadhuis\n  plaats: Utrecht\n');
    // Where the CMS's order puts them: the time after the date's open items, the place before `vorm`.
    const k = velden(uit) as Record<string, unknown>;
    expect(k).toMatchObject({ organisatoren: ['VPNG', 'Wethoudersvereniging'], begintijd: '13:30', locatie: { plaats: 'Utrecht' } });
    expect(regelVerschil(tekst, uit)).toEqual({ weg: 0, erbij: 5 });
  });

  it('zonder één regel uitleg houdt de controle de voorbeeldteksten en de voorbeelddatum nog tegen: ze leest waarden, geen commentaar', () => {
    const pad = 'src/content/bijeenkomsten/kennismiddag.md';
    const online = (t: string) => t.replace(/^concept: true\n/m, '');
    const kop = frontmatterPatroon.exec(tekst)?.[0] ?? '';
    const kaal = online(tekst.replace(kop, kop.replace(/^ *#.*\n/gm, '')));
    expect(frontmatterPatroon.exec(kaal)?.[0]).not.toContain('#');
    // The same lines as with every comment in place: the placeholders are in the values.
    const fouten = controleerBestand('bijeenkomsten', pad, kaal);
    expect(fouten).toEqual(controleerBestand('bijeenkomsten', pad, online(tekst)));
    expect(fouten).toEqual([
      expect.stringMatching(/: veld "samenvatting": is nog de voorbeeldzin uit het sjabloon/),
      expect.stringMatching(/: tekst onder de velden: bevat nog voorbeeldtekst uit het sjabloon/),
    ]);
    // The placeholder date is marked in the data, so the site says it is not confirmed and the check lists it.
    const zonderTekst = kaal.replace(/^samenvatting: .*$/m, 'samenvatting: Een middag.').replace(/\n---\n[\s\S]*$/, '\n---\n\nTekst.\n');
    expect(controleerBestand('bijeenkomsten', pad, zonderTekst)).toEqual([]);
    expect(velden(zonderTekst)).toMatchObject({ datum: '2027-12-08', onbevestigd: ['datum'] });
  });

  it('onbevestigd: [datum] leeg gemaakt blijft op één regel', () => {
    const uit = bewerkt(tekst, (d) => {
      d.onbevestigd = [];
    });
    expect(uit).toContain('\nonbevestigd: []\n');
    expect(regelVerschil(tekst, uit)).toEqual({ weg: 1, erbij: 1 });
  });
});

describe('schrijfBestand voor een nieuw bestand', () => {
  it('zet de velden in de volgorde van de CMS, tijden tussen aanhalingstekens, en de tekst eronder', () => {
    const uit = schrijfBestand({ titel: 'Middag', concept: true, begintijd: '13:30', organisatoren: ['VPNG'], body: 'Tekst.\n' }, [
      'concept',
      'titel',
      'begintijd',
      'organisatoren',
    ]);
    expect(uit).toBe('---\nconcept: true\ntitel: Middag\nbegintijd: "13:30"\norganisatoren:\n  - VPNG\n---\n\nTekst.\n');
  });
});

describe('wat niet ter plaatse kan, wordt toch precies wat is ingevuld', () => {
  const tekst = '---\n# uitleg\ntitel: A\nlijst:\n  - a # eerste\n  - b\n  - c\nblok: {x: 1}\n---\n\nTekst.\n';

  it.each([
    ['een andere volgorde in een lijst', { lijst: ['c', 'a', 'b'] }],
    ['een lijst die een tekst wordt', { lijst: 'los' }],
    ['een blok in accolades', { blok: { x: 2, y: 3 } }],
    ['een middelste item weg', { lijst: ['a', 'c'] }],
  ])('%s', (_naam, wijziging) => {
    const uit = bewerkt(tekst, (d) => Object.assign(d, wijziging));
    expect(velden(uit)).toEqual({ titel: 'A', lijst: ['a', 'b', 'c'], blok: { x: 1 }, ...wijziging });
    expect(uit).toContain('# uitleg\n');
    expect(uit.endsWith('---\n\nTekst.\n')).toBe(true);
  });
});

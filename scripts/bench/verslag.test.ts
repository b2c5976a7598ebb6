import { describe, expect, test } from 'vitest';
import { maximum } from './meting.ts';
import { benchDocument, type GroepMeting, markdownTabel, vorigeMetingen } from './verslag.ts';

const machine = { cpu: 'Testprocessor', cores: 2, geheugenGb: 8, systeem: 'Linux 6.1', node: 'v24.0.0' };
const groepen = [
  { naam: 'gewicht', methode: 'Gzip van elke pagina.' },
  { naam: 'vijandig', methode: 'Vijandige bodies naast gewone.' },
];
const meting = (groep: string, datum: string, waarde: number): GroepMeting => ({
  groep,
  datum,
  commando: `npm run bench -- --alleen ${groep} --docs`,
  machine,
  belasting: 1.25,
  seconden: 90,
  rijen: [maximum(groep, `${groep} | rij`, waarde, 10, (n) => `${n} KB`)],
});

describe('benchDocument', () => {
  test('elke groep met haar methode, datum, machine en belasting; een ongemeten groep zegt dat', () => {
    const doc = benchDocument(groepen, [meting('gewicht', '2026-12-01', 8)]);
    expect(doc).toContain('## gewicht\n\nGzip van elke pagina.');
    expect(doc).toContain(
      'Gemeten op 2026-12-01 met `npm run bench -- --alleen gewicht --docs`, in 1.5 min. Machine: Testprocessor, 2 cores, 8.0 GB geheugen, Linux 6.1, Node v24.0.0; belasting bij de start 1.3.',
    );
    expect(doc).toContain('| gewicht \\| rij | 8 KB | ≤ 10 KB | 0.80 | ✓ |');
    expect(benchDocument(groepen, [{ ...meting('gewicht', '2026-12-01', 8), seconden: 12.4 }])).toContain('--docs`, in 12 s.');
    expect(doc).toContain(
      '## vijandig\n\nVijandige bodies naast gewone.\n\n<!-- meting:vijandig -->\nNog niet gemeten.\n<!-- /meting:vijandig -->',
    );
  });

  test('een deel-run vervangt alleen haar eigen groep; de andere blijft met haar eigen datum staan', () => {
    const eerst = benchDocument(groepen, [meting('gewicht', '2026-12-01', 8), meting('vijandig', '2026-12-01', 9)]);
    const daarna = benchDocument(groepen, [meting('vijandig', '2026-12-06', 12)], eerst);
    const blokken = vorigeMetingen(daarna);
    expect(blokken.get('gewicht')).toBe(vorigeMetingen(eerst).get('gewicht'));
    expect(blokken.get('vijandig')).toContain('Gemeten op 2026-12-06');
    expect(blokken.get('vijandig')).toContain('| 12 KB | ≤ 10 KB | 1.20 | ✗ |');
    expect(daarna).not.toContain('| 9 KB |');
  });

  test('de methode komt altijd uit de code, en een groep die niet meer bestaat valt weg', () => {
    const oud = benchDocument([...groepen, { naam: 'weg', methode: 'Oud.' }], [meting('weg', '2026-01-01', 1)]).replace(
      'Gzip van elke pagina.',
      'Met de hand veranderd.',
    );
    const nieuw = benchDocument(groepen, [], oud);
    expect(nieuw).toContain('Gzip van elke pagina.');
    expect(nieuw).not.toContain('Met de hand veranderd.');
    expect(nieuw).not.toContain('## weg');
  });

  test('tabel: een budget zonder vergelijking en een niet-gemeten rij', () => {
    expect(
      markdownTabel([
        { groep: 'x', wat: 'ter vergelijking', meting: '15.4 s', budget: 'ter vergelijking' },
        { groep: 'x', wat: 'nul', meting: '3 B', budget: '≤ 0 B', verhouding: Number.POSITIVE_INFINITY, binnen: false },
      ]),
    ).toBe(
      [
        '| wat | meting | budget | verhouding | |',
        '|---|---|---|---|---|',
        '| ter vergelijking | 15.4 s | ter vergelijking |  | – |',
        '| nul | 3 B | ≤ 0 B | ∞ | ✗ |',
      ].join('\n'),
    );
  });
});

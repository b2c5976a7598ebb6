import { expect, it } from 'vitest';
import { inhoudStand, kapotBestandVoor } from './meldingen.ts';

it('vindt het bestand met een fout bij het adres van zijn pagina', () => {
  const fouten = [
    'src/content/bijeenkomsten/Opgavegericht-Besturen.md: veld "datum": bestaat niet in de kalender. Voorbeeld: datum: 2027-11-04',
    'src/content/gids/sturen.md: veld "volgorde": moet een getal zijn. Voorbeeld: volgorde: 3',
    'src/content/paginas/privacy.md: veld "titel": ontbreekt: geef de pagina een titel. Voorbeeld: titel: Privacy',
  ];
  expect(kapotBestandVoor('/bijeenkomsten/opgavegericht-besturen/', fouten)).toBe('src/content/bijeenkomsten/Opgavegericht-Besturen.md');
  expect(kapotBestandVoor('/bijeenkomsten/opgavegericht-besturen/bedankt/', fouten)).toBe(
    'src/content/bijeenkomsten/Opgavegericht-Besturen.md',
  );
  expect(kapotBestandVoor('/gids/sturen/', fouten)).toBe('src/content/gids/sturen.md');
  expect(kapotBestandVoor('/privacy/', fouten)).toBe('src/content/paginas/privacy.md');
  expect(kapotBestandVoor('/gids/leren/', fouten)).toBeUndefined();
  expect(kapotBestandVoor('/', fouten)).toBeUndefined();
});

it('geeft dezelfde stand voor dezelfde inhoud, in elke volgorde, en een andere zodra een bestand of een melding verandert', () => {
  const a = { collection: 'gids', id: 'sturen', digest: '1' };
  const b = { collection: 'paginas', id: 'privacy', digest: '2' };
  const fout = 'src/content/gids/leren.md: veld "volgorde": moet een getal zijn. Voorbeeld: volgorde: 3';
  const stand = inhoudStand([a, b], [fout]);
  expect(inhoudStand([b, a], [fout])).toBe(stand);
  expect(inhoudStand([a, { ...b, digest: '3' }], [fout])).not.toBe(stand);
  expect(inhoudStand([a], [fout])).not.toBe(stand);
  expect(inhoudStand([a, { ...b, collection: 'gids' }], [fout])).not.toBe(stand);
  expect(inhoudStand([a, b], [])).not.toBe(stand);
  expect(inhoudStand([a, b], [`${fout} `])).not.toBe(stand);
});

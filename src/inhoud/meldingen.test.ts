import { expect, it } from 'vitest';
import { kapotBestandVoor } from './meldingen.ts';

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

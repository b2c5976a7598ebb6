import { describe, expect, it } from 'vitest';
import { kaartUrl, locatieTekst } from './locatie.ts';

describe('locatie', () => {
  const locatie = { naam: 'Stadhuis', adres: 'Grote Markt 1', plaats: 'Zwolle' };

  it('noemt naam, adres en plaats', () => {
    expect(locatieTekst({ locatie, onbevestigd: [] })).toBe('Stadhuis, Grote Markt 1, Zwolle');
    expect(locatieTekst({ onbevestigd: [] })).toBeUndefined();
  });

  it('linkt een bevestigd adres naar de zoekfunctie van OpenStreetMap, met adres en plaats', () => {
    const url = new URL(kaartUrl({ locatie, onbevestigd: [] })!);
    expect(url.origin + url.pathname).toBe('https://www.openstreetmap.org/search');
    expect(url.searchParams.get('query')).toBe('Grote Markt 1, Zwolle');
  });

  it('geen kaart zonder straatadres (een gebouw en een plaats kwamen uit op de plaats), en niet zolang de locatie nog te bevestigen is', () => {
    expect(kaartUrl({ locatie: { naam: 'Stadhuis', plaats: 'Zwolle' }, onbevestigd: [] })).toBeUndefined();
    expect(kaartUrl({ onbevestigd: [] })).toBeUndefined();
    expect(kaartUrl({ locatie, onbevestigd: ['locatie'] })).toBeUndefined();
    expect(kaartUrl({ locatie, onbevestigd: ['jaar'] })).toBeDefined();
  });
});

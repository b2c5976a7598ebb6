import { describe, expect, it } from 'vitest';
import { kaartUrl, locatieTekst } from './locatie.ts';

describe('locatie', () => {
  const locatie = { naam: 'Stadhuis', adres: 'Grote Markt 1', plaats: 'Zwolle' };

  it('noemt naam, adres en plaats', () => {
    expect(locatieTekst({ locatie })).toBe('Stadhuis, Grote Markt 1, Zwolle');
    expect(locatieTekst({})).toBeUndefined();
  });

  it('linkt een adres naar de zoekfunctie van OpenStreetMap, met adres en plaats', () => {
    const url = new URL(kaartUrl({ locatie })!);
    expect(url.origin + url.pathname).toBe('https://www.openstreetmap.org/search');
    expect(url.searchParams.get('query')).toBe('Grote Markt 1, Zwolle');
  });

  it('geen kaart zonder straatadres: alleen een gebouw en een plaats zou op de plaats uitkomen', () => {
    expect(kaartUrl({ locatie: { naam: 'Stadhuis', plaats: 'Zwolle' } })).toBeUndefined();
    expect(kaartUrl({})).toBeUndefined();
  });
});

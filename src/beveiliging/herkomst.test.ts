import { describe, expect, it } from 'vitest';
import { vanElders } from './herkomst.ts';

const eigen = 'http://localhost:4321';

describe('vanElders: een verzoek van een pagina met een andere herkomst', () => {
  it('laat de eigen pagina door, en een verzoek zonder Origin (curl) als Origin niet verplicht is', () => {
    expect(vanElders({ origin: eigen, secFetchSite: 'same-origin' }, [eigen])).toBe(false);
    expect(vanElders({}, [eigen])).toBe(false);
    expect(vanElders({}, [eigen], true)).toBe(true);
  });
  it('weigert een andere site, ook op een andere poort of onder een andere eigen naam', () => {
    expect(vanElders({ origin: 'https://kwaad.example' }, [eigen])).toBe(true);
    expect(vanElders({ origin: 'http://localhost:5173' }, [eigen])).toBe(true);
    expect(vanElders({ origin: 'http://127.0.0.1:4321' }, [eigen])).toBe(true);
    expect(vanElders({ origin: 'null' }, [eigen])).toBe(true);
    expect(vanElders({ secFetchSite: 'cross-site' }, [eigen])).toBe(true);
    expect(vanElders({ origin: eigen, secFetchSite: 'cross-site' }, [eigen])).toBe(true);
  });
});

describe('vanElders met meer eigen herkomsten (de functie: het adres van de site en dat van het verzoek)', () => {
  const site = 'https://opgavegericht.example';
  const preview = 'https://deploy-preview-1--opgavegericht.netlify.app';
  it('laat beide door, en niets daarbuiten', () => {
    expect(vanElders({ origin: site }, [site, preview])).toBe(false);
    expect(vanElders({ origin: preview, secFetchSite: 'same-origin' }, [site, preview])).toBe(false);
    expect(vanElders({ origin: 'https://opgavegericht.example.kwaad.example' }, [site, preview])).toBe(true);
    expect(vanElders({ origin: `${site}:443` }, [site, preview])).toBe(true);
  });
});

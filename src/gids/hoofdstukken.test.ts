import { describe, expect, it } from 'vitest';
import { buren, opVolgorde } from './hoofdstukken.ts';

const h = (id: string, volgorde: number) => ({ id, volgorde });

describe('opVolgorde', () => {
  it('zet hoofdstukken op volgorde, niet op bestandsnaam', () => {
    const uit = opVolgorde([h('leren', 5), h('opgave', 1), h('besturen', 2), h('sturen', 3)]);
    expect(uit.map((x) => x.id)).toEqual(['opgave', 'besturen', 'sturen', 'leren']);
  });

  it('verandert de invoer niet', () => {
    const invoer = [h('b', 2), h('a', 1)];
    opVolgorde(invoer);
    expect(invoer.map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('weigert twee hoofdstukken met hetzelfde nummer en noemt beide', () => {
    expect(() => opVolgorde([h('besturen', 2), h('sturen', 2)])).toThrow(/volgorde 2: "besturen" en "sturen"/);
  });

  it('zet ze in astro dev op bestandsnaam, zodat de pagina de melding van de controle kan tonen', () => {
    const uit = opVolgorde([h('sturen', 2), h('opgave', 1), h('besturen', 2)], { dubbelMag: true });
    expect(uit.map((x) => x.id)).toEqual(['opgave', 'besturen', 'sturen']);
  });
});

describe('buren', () => {
  const gids = opVolgorde([h('een', 1), h('twee', 2), h('drie', 3)]);

  it('geeft het vorige en volgende hoofdstuk', () => {
    const { vorige, volgende } = buren(gids, 'twee');
    expect(vorige?.id).toBe('een');
    expect(volgende?.id).toBe('drie');
  });

  it('heeft geen vorige bij het eerste en geen volgende bij het laatste hoofdstuk', () => {
    expect(buren(gids, 'een').vorige).toBeUndefined();
    expect(buren(gids, 'een').volgende?.id).toBe('twee');
    expect(buren(gids, 'drie').volgende).toBeUndefined();
    expect(buren(gids, 'drie').vorige?.id).toBe('twee');
  });

  it('heeft geen buren als de gids één hoofdstuk heeft', () => {
    expect(buren([h('alleen', 1)], 'alleen')).toEqual({ vorige: undefined, volgende: undefined });
  });

  it('weigert een onbekend hoofdstuk', () => {
    expect(() => buren(gids, 'vier')).toThrow(/"vier" staat niet in de gids/);
  });
});

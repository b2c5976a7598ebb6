import { describe, expect, it } from 'vitest';
import { clsUitSchuiven } from './verschuiving.ts';

const schuif = (tijd: number, waarde: number) => ({ tijd, waarde, bronnen: [`bij ${tijd}`] });

describe('CLS uit layout-shift-metingen', () => {
  it('is 0 zonder verschuiving', () => {
    expect(clsUitSchuiven([])).toEqual({ cls: 0, bronnen: [] });
  });

  it('telt verschuivingen binnen een seconde van elkaar op, in één venster', () => {
    expect(clsUitSchuiven([schuif(100, 0.1), schuif(900, 0.2), schuif(1800, 0.05)]).cls).toBeCloseTo(0.35);
  });

  it('begint een nieuw venster na een seconde stilte, en neemt het grootste venster', () => {
    const { cls, bronnen } = clsUitSchuiven([schuif(100, 0.1), schuif(1200, 0.3), schuif(1500, 0.05)]);
    expect(cls).toBeCloseTo(0.35);
    expect(bronnen).toEqual(['bij 1200', 'bij 1500']);
  });

  it('sluit een venster na vijf seconden, ook als de verschuivingen doorgaan', () => {
    const elkeHalveSeconde = Array.from({ length: 14 }, (_, i) => schuif(i * 500, 0.01));
    expect(clsUitSchuiven(elkeHalveSeconde).cls).toBeCloseTo(0.1);
  });
});

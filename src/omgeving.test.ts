import { afterEach, describe, expect, test, vi } from 'vitest';
import { omgeving, standaard } from './omgeving.ts';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('omgeving: de ene lezer van omgevingsvariabelen', () => {
  test('leest process.env; leeg telt als niet gezet', () => {
    vi.stubEnv('OMGEVING_TEST', 'waarde');
    expect(omgeving('OMGEVING_TEST')).toBe('waarde');
    vi.stubEnv('OMGEVING_TEST', '');
    expect(omgeving('OMGEVING_TEST')).toBeUndefined();
    expect(omgeving('OMGEVING_TEST_BESTAAT_NIET')).toBeUndefined();
  });

  test('in een Netlify-functie leest hij Netlify.env, niet process.env; ook daar telt leeg als niet gezet', () => {
    vi.stubEnv('OMGEVING_TEST', 'uit process.env');
    const netlify = new Map([
      ['OMGEVING_TEST', 'uit Netlify.env'],
      ['LEEG', ''],
    ]);
    vi.stubGlobal('Netlify', { env: { get: (naam: string) => netlify.get(naam) } });
    expect(omgeving('OMGEVING_TEST')).toBe('uit Netlify.env');
    expect(omgeving('LEEG')).toBeUndefined();
  });
});

describe('standaard: een waarde voor wat nog niet gezet is', () => {
  test('zet een ontbrekende of lege variabele, en laat een gezette staan', () => {
    vi.stubEnv('OMGEVING_TEST', '');
    standaard('OMGEVING_TEST', '1');
    expect(omgeving('OMGEVING_TEST')).toBe('1');
    vi.stubEnv('OMGEVING_TEST', '0');
    standaard('OMGEVING_TEST', '1');
    expect(omgeving('OMGEVING_TEST')).toBe('0');
  });
});

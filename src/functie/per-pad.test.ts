import { expect, test } from 'vitest';
import { padPast } from './per-pad.ts';

test('een pad past op zichzelf, en een :naam op precies één niet-leeg deel', () => {
  expect(padPast('/api/inschrijven', '/api/inschrijven')).toBe(true);
  expect(padPast('/api/inschrijven', '/api/inschrijven/')).toBe(false);
  const patroon = '/bijeenkomsten/:slug/bedankt/adres/';
  expect(padPast(patroon, '/bijeenkomsten/opgavegericht-besturen/bedankt/adres/')).toBe(true);
  expect(padPast(patroon, '/bijeenkomsten//bedankt/adres/')).toBe(false);
  expect(padPast(patroon, '/bijeenkomsten/a/b/bedankt/adres/')).toBe(false);
  expect(padPast(patroon, '/bijeenkomsten/opgavegericht-besturen/bedankt/')).toBe(false);
});

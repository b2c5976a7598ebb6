import { expect, test } from 'vitest';
import { lastproef } from './lastproef.ts';

// Correctness under a failing mail API, not speed: the bench reports the full run's timing.
test('kleine lastproef: 100 inschrijvingen, 20 tegelijk, 30% storingen — niets verloren, niets dubbel', { timeout: 60_000 }, async () => {
  const r = await lastproef({ n: 100, gelijktijdig: 20, storingskans: 0.3, zaad: 7 });
  expect(r.mailApiStoringen).toBeGreaterThan(10);
  expect(Object.keys(r.statussen).sort()).toEqual(expect.arrayContaining(['200']));
  for (const status of Object.keys(r.statussen)) expect(['200', '502']).toContain(status);
  expect(Object.values(r.statussen).reduce((a, b) => a + b, 0)).toBe(100);
  expect(r.statussen['502'] ?? 0).toBe(r.mislukt);
  expect(r.verloren).toBe(0);
  expect(r.dubbel).toBe(0);
});

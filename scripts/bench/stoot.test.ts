import { expect, test } from 'vitest';
import { standaardHerhaling } from '../../src/functie/mailer.ts';
import { bronHandler } from './lastproef.ts';
import { stoot } from './stoot.ts';

// Correctness under Resend's rate limit, not speed: `npm run bench` runs the full burst (30 in 10 s) on the deployed function.
test('kleine stoot: 8 inschrijvingen binnen 2 s tegen 2 verzoeken per seconde — niets verloren, niets dubbel, elke 429 netjes afgewacht', {
  timeout: 60_000,
}, async () => {
  const u = await stoot({ handler: bronHandler(standaardHerhaling), bijeenkomst: 'open', n: 8, vensterMs: 2000, zaad: 3 });
  expect(u.rateLimit).toBeGreaterThan(0);
  expect(u.verloren).toBe(0);
  expect(u.dubbel).toBe(0);
  expect(u.anders).toEqual({});
  expect(u.aangenomen + u.duidelijkMislukt).toBe(8);
  // 8 requests fit in the ~10 s a burst of 2 s leaves at 2 per second: all of them.
  expect(u.aangenomen).toBe(8);
});

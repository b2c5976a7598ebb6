import { expect, test } from 'vitest';
import { standaardHerhaling } from '../../src/functie/mailer.ts';
import { virtueleKlok } from '../../testhulp/klok.ts';
import { bronHandler } from './lastproef.ts';
import { stoot } from './stoot.ts';

// Correctness under Resend's rate limit, not speed: `npm run bench` runs the full burst (30 in 10 s) on the deployed function.
// On a virtual clock (testhulp/klok.ts): every wait for a 429's retry-after is over at once, and
// the outcome does not depend on how busy the machine is.
test('kleine stoot: 8 inschrijvingen binnen 2 s tegen 2 verzoeken per seconde — niets verloren, niets dubbel, elke 429 netjes afgewacht', async () => {
  const klok = virtueleKlok();
  const u = await stoot({
    handler: bronHandler({ ...standaardHerhaling, klok }),
    bijeenkomst: 'open',
    n: 8,
    vensterMs: 2000,
    zaad: 3,
    klok,
  });
  expect(u.rateLimit).toBeGreaterThan(0);
  expect(u.verloren).toBe(0);
  expect(u.dubbel).toBe(0);
  expect(u.anders).toEqual({});
  expect(u.aangenomen + u.duidelijkMislukt).toBe(8);
  // 8 requests fit in the ~10 s a burst of 2 s leaves at 2 per second: all of them.
  expect(u.aangenomen).toBe(8);
  // The last ones waited for the limit: seconds on the clock.
  expect(u.maxMs).toBeGreaterThanOrEqual(1000);
});

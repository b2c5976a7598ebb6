import type { Klok } from '../src/functie/mailer.ts';

/**
 * A clock for tests that wait for a retry (a 429's `retry-after`, a pause, the time budget):
 * time stands still until something waits, and a wait is over at once, with the clock moved
 * on to its end. A retry after a second takes no second, and the outcome depends on the
 * waits, never on how busy the machine is. Waits that start at the same moment end at the
 * same moment (the clock goes to the latest end, it does not add them up). A time-out fires
 * when a wait takes the clock past it (testhulp/nep-resend.ts waits on it for an answer that
 * never comes). Give the mailer and the Resend stand-in the same clock, so a `retry-after`
 * means the same to both.
 */
export function virtueleKlok(begin = 0): Klok {
  let nu = begin;
  const limieten = new Set<{ tot: number; afbreken: AbortController }>();
  const zet = (tot: number) => {
    if (tot <= nu) return;
    nu = tot;
    for (const limiet of limieten) {
      if (limiet.tot > nu) continue;
      limieten.delete(limiet);
      limiet.afbreken.abort(new DOMException('De tijd voor deze poging is om', 'TimeoutError'));
    }
  };
  return {
    nu: () => nu,
    slaap: async (ms) => {
      const tot = nu + ms;
      // After the waits that start in this same turn: they all count from the same moment.
      await new Promise((klaar) => setImmediate(klaar));
      zet(tot);
    },
    tijdslimiet: (ms) => {
      const afbreken = new AbortController();
      limieten.add({ tot: nu + ms, afbreken });
      return afbreken.signal;
    },
  };
}

import type { Bijeenkomst } from './schema.ts';

/**
 * What of an event is not known yet, for the confirmation mail and the bedankt page alike: a
 * sentence that ends where "op <the event's page>" follows, and what to change later in a
 * calendar entry made now. Undefined when time and place are both known.
 */
export function nogNietBekend(b: Pick<Bijeenkomst, 'begintijd' | 'locatie'>): { zin: string; wat: string } | undefined {
  if (!b.begintijd && !b.locatie)
    return { zin: 'Tijd en locatie zijn nog niet bekend. Zodra ze bekend zijn, staan ze', wat: 'tijd en locatie' };
  if (!b.begintijd) return { zin: 'De tijd is nog niet bekend. Zodra die bekend is, staat die', wat: 'de tijd' };
  if (!b.locatie) return { zin: 'De locatie is nog niet bekend. Zodra die bekend is, staat die', wat: 'de locatie' };
  return undefined;
}

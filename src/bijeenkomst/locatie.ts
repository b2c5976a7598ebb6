import type { Bijeenkomst } from './schema.ts';
import { locatieMarkering } from './tijd.ts';

/**
 * "Stadhuis, Grote Markt 1, Zwolle", with "(locatie nog te bevestigen)" after it while the
 * editor has not confirmed it, or undefined while the location is not known.
 */
export function locatieTekst(b: Pick<Bijeenkomst, 'locatie' | 'onbevestigd'>): string | undefined {
  if (!b.locatie) return undefined;
  const tekst = [b.locatie.naam, b.locatie.adres, b.locatie.plaats].filter(Boolean).join(', ');
  const mark = locatieMarkering(b);
  return mark ? `${tekst} ${mark}` : tekst;
}

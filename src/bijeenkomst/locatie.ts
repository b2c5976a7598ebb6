import type { Bijeenkomst } from './schema.ts';

/** "Stadhuis, Grote Markt 1, Zwolle", or undefined while the location is not known. */
export function locatieTekst(b: Pick<Bijeenkomst, 'locatie'>): string | undefined {
  return b.locatie ? [b.locatie.naam, b.locatie.adres, b.locatie.plaats].filter(Boolean).join(', ') : undefined;
}

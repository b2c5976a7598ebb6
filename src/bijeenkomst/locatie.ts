import type { Bijeenkomst } from './schema.ts';

/** "Stadhuis, Grote Markt 1, Zwolle", or undefined while the location is not known. */
export function locatieTekst(b: Pick<Bijeenkomst, 'locatie'>): string | undefined {
  return b.locatie ? [b.locatie.naam, b.locatie.adres, b.locatie.plaats].filter(Boolean).join(', ') : undefined;
}

/**
 * A plain link to the address on OpenStreetMap (its search, as the frontmatter has no
 * coordinates): no embed, no script and no cookie of another party on our page, and a map
 * service without an account or an advertising profile. Only with a street address: a
 * building's name and a town alone would land on the town.
 */
export function kaartUrl(b: Pick<Bijeenkomst, 'locatie'>): string | undefined {
  if (!b.locatie?.adres) return undefined;
  const url = new URL('https://www.openstreetmap.org/search');
  url.searchParams.set('query', `${b.locatie.adres}, ${b.locatie.plaats}`);
  return url.href;
}

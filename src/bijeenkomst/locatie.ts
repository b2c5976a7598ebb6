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

/**
 * A plain link to the address on OpenStreetMap (its search, as the frontmatter has no
 * coordinates): no embed, no script and no cookie of another party on our page, and a map
 * service without an account or an advertising profile. Only for a confirmed location with a
 * street address: a building's name and a town alone would land on the town, and a map makes
 * an address look settled.
 */
export function kaartUrl(b: Pick<Bijeenkomst, 'locatie' | 'onbevestigd'>): string | undefined {
  if (!b.locatie?.adres || locatieMarkering(b)) return undefined;
  const url = new URL('https://www.openstreetmap.org/search');
  url.searchParams.set('query', `${b.locatie.adres}, ${b.locatie.plaats}`);
  return url.href;
}

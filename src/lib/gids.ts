import { type CollectionEntry, getCollection } from 'astro:content';
import { opVolgorde } from '../gids/hoofdstukken.ts';

export type Hoofdstuk = CollectionEntry<'gids'>;

/** The guide's chapters in reading order (fails the build on a duplicate `volgorde`; dev shows the check's line). */
export async function hoofdstukken(): Promise<Hoofdstuk[]> {
  const alle = await getCollection('gids');
  return opVolgorde(
    alle.map((h) => ({ id: h.id, volgorde: h.data.volgorde, h })),
    { dubbelMag: import.meta.env.DEV },
  ).map(({ h }) => h);
}

export function hoofdstukUrl(h: Hoofdstuk): string {
  return `/gids/${h.id}/`;
}

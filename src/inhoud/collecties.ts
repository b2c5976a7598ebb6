import { type CollectionEntry, getCollection } from 'astro:content';
import { begin, einde, inschrijfStand, type Stand } from '../bijeenkomst/status.ts';
import { opVolgorde } from '../gids/hoofdstukken.ts';

/**
 * The collections of src/content.config.ts as the pages use them: events in agenda
 * order and one route per event, the guide's chapters in reading order. The rules
 * themselves (registration state, chapter order) live in their domain folders; this
 * file only joins them to astro:content.
 */

export type BijeenkomstEntry = CollectionEntry<'bijeenkomsten'>;

export interface Agenda {
  komend: BijeenkomstEntry[];
  geweest: BijeenkomstEntry[];
}

/** Upcoming events soonest first, past events most recent first, split at `nu`. */
export async function agenda(nu: Date): Promise<Agenda> {
  const alle = await getCollection('bijeenkomsten');
  const opBegin = (a: BijeenkomstEntry, b: BijeenkomstEntry) => begin(a.data).getTime() - begin(b.data).getTime();
  return {
    komend: alle.filter((b) => einde(b.data) > nu).sort(opBegin),
    geweest: alle.filter((b) => einde(b.data) <= nu).sort((a, b) => opBegin(b, a)),
  };
}

export function standVan(b: BijeenkomstEntry, nu: Date): Stand {
  return inschrijfStand(b.data, nu);
}

/** Pages state "now" as the moment of the build; the sign-up function checks again per request. */
export const bouwtijd = new Date();

/** getStaticPaths of every route per bijeenkomst (page, bedankt, .ics, share image): one per Markdown file. */
export async function bijeenkomstPaden() {
  const alle = await getCollection('bijeenkomsten');
  return alle.map((bijeenkomst) => ({ params: { slug: bijeenkomst.id }, props: { bijeenkomst } }));
}

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

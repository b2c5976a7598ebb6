/**
 * Order and neighbours of the guide's chapters. Framework-free: it works on any
 * list of `{ id, volgorde }`, so the rules are tested without astro:content.
 */

interface Geordend {
  id: string;
  volgorde: number;
}

interface Buren<T> {
  vorige: T | undefined;
  volgende: T | undefined;
}

/**
 * Sorts by `volgorde`. Two chapters with the same number would make the order
 * depend on the file system, so that is an editor's mistake and fails the build (the
 * content check stops it first, with a Dutch line). `dubbelMag` is for `astro dev`, which
 * shows the check's line on the page and keeps going: equal numbers then go by file name.
 */
export function opVolgorde<T extends Geordend>(items: readonly T[], { dubbelMag = false } = {}): T[] {
  const gezien = new Map<number, string>();
  for (const item of items) {
    const ander = gezien.get(item.volgorde);
    if (ander !== undefined && !dubbelMag) {
      throw new Error(
        `Twee hoofdstukken van de gids hebben volgorde ${item.volgorde}: "${ander}" en "${item.id}". ` +
          'Geef elk hoofdstuk in src/content/gids/ een eigen nummer in het veld volgorde.',
      );
    }
    gezien.set(item.volgorde, item.id);
  }
  return [...items].sort((a, b) => a.volgorde - b.volgorde || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The chapter before and after `id` in an ordered list; `undefined` at either end. */
export function buren<T extends { id: string }>(geordend: readonly T[], id: string): Buren<T> {
  const plek = geordend.findIndex((item) => item.id === id);
  if (plek === -1) throw new Error(`Hoofdstuk "${id}" staat niet in de gids.`);
  return { vorige: geordend[plek - 1], volgende: geordend[plek + 1] };
}

import { aantalFouten, controleerBestand } from '../../inhoud/bestandscontrole.ts';
import { slugVan } from '../../inhoud/bestandsnaam.ts';
import { type Collectie, inhoudSchemas } from '../../inhoud/schemas.ts';
import { schrijfBestand } from '../formaat.ts';

/**
 * The content check in the editing UI: before Decap writes a file, the text it is about to
 * write goes through the very check `npm run check:inhoud` runs
 * (src/inhoud/bestandscontrole.ts, with the site's schemas), and every line it reports
 * stops the save. The lines are the check's own, with the file's name.
 */

/** The form's own field that shows the check's lines; nothing of it is written to the file. */
export const CONTROLEVELD = 'controle';

/** What Decap hands around as an entry or its collection (Immutable.js maps), as far as used here. */
export interface DecapMap {
  get(sleutel: string): unknown;
  toJS(): unknown;
}

/** The fields as the format gets them: without the check's own field, should Decap ever have stored it. */
export function zonderControle(data: Record<string, unknown>): Record<string, unknown> {
  const { [CONTROLEVELD]: _controle, ...rest } = data;
  return rest;
}

const isCollectie = (naam: unknown): naam is Collectie => typeof naam === 'string' && Object.hasOwn(inhoudSchemas, naam);

/** The check's lines for the file this entry is saved as; none for a collection the check does not know. */
export function fouten(entry: DecapMap): string[] {
  const collectie = entry.get('collection');
  if (!isCollectie(collectie)) return [];
  const data = zonderControle(((entry.get('data') as DecapMap | undefined)?.toJS() ?? {}) as Record<string, unknown>);
  const pad = entry.get('path');
  // A new file gets its name when it is saved; until then the name `npm run nieuw` would give it.
  const bestand =
    typeof pad === 'string' && pad !== ''
      ? pad
      : `src/content/${collectie}/${slugVan(typeof data.titel === 'string' ? data.titel : '') || 'nieuw'}.md`;
  // The order of new fields does not change what the check says.
  return controleerBestand(collectie, bestand, schrijfBestand(data));
}

type Luisteraar = (regels: string[]) => void;
const luisteraars = new Set<Luisteraar>();

/** Tells the form's check field what the check said at the last save: its lines, or none. */
export function meld(regels: string[]): void {
  for (const luisteraar of luisteraars) luisteraar(regels);
}

/** Hears every `meld` until the returned function is called. */
export function luister(luisteraar: Luisteraar): () => void {
  luisteraars.add(luisteraar);
  return () => luisteraars.delete(luisteraar);
}

/** A save refused by the check: Decap shows the message in its notice. */
export class Geweigerd extends Error {
  constructor(readonly regels: string[]) {
    super(`De controle van de site vindt ${aantalFouten(regels.length)}: ${regels.join(' ')}`);
  }

  override toString(): string {
    return this.message;
  }
}

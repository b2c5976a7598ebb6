import slugify from '@sindresorhus/slugify';

/** Dutch wording for the one symbol a title commonly holds; the library would write "and". */
const vervangingen: [string, string][] = [['&', ' en ']];

/**
 * The file name (without .md) for a title, as `npm run nieuw` makes it and as the editing UI
 * names a new file in the check's lines: lowercase, without diacritics, words joined by '-'.
 */
export function slugVan(titel: string): string {
  return slugify(titel, { customReplacements: vervangingen, decamelize: false });
}

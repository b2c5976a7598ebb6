/**
 * Where the editors' images live, for the editing UI (src/redactie/config.ts: its media
 * folder) and for the content check (src/inhoud/controle.ts). Images in public/ are served
 * as they are, without Astro's image pipeline: the check keeps their size sane instead.
 */

/** The folder in the repository. */
export const AFBEELDINGEN_MAP = 'public/afbeeldingen';

/** How the site and the Markdown name a file in it: `/afbeeldingen/zaal.jpg`. */
export const AFBEELDINGEN_PAD = '/afbeeldingen/';

/**
 * At most this many bytes per image: a photo 1600 pixels wide as a JPEG is about 200–300 kB,
 * sharp on a phone and on a laptop's text column (42rem). Larger costs a phone seconds on a
 * slow connection, and the event page's budget is 15 kB without images.
 */
export const MAX_AFBEELDING_BYTES = 300_000;

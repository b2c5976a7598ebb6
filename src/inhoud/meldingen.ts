import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { controleerInhoud, type Uitslag, webadres } from './controle.ts';

/** The project this file is in. */
const project = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A fingerprint of the content a page was made with, in `astro dev`: every entry of every
 * collection (by its digest, which changes with its file's text) and the content check's
 * lines. A page carries it (src/components/InhoudMeldingen.astro) and compares it with the
 * current one (src/inhoud/stand.ts) to know whether it is behind the files. Computed from
 * what a page reads anyway, so nothing is kept between the server and the pages.
 */
export function inhoudStand(
  entries: Iterable<{ collection: string; id: string; digest?: string | number | undefined }>,
  fouten: readonly string[],
): string {
  const regels = [...entries].map((e) => JSON.stringify([e.collection, e.id, e.digest ?? null])).sort();
  return createHash('sha256')
    .update(JSON.stringify([regels, fouten]))
    .digest('base64url')
    .slice(0, 22);
}

/**
 * The content check now, for the banner `astro dev` puts on every page. Run per page
 * view: it reads a dozen small files, so the banner is never behind the files on disk.
 */
export function huidigeUitslag(): Promise<Uitslag> {
  return controleerInhoud(project);
}

const collectieVan: Record<string, string> = { bijeenkomsten: 'bijeenkomsten', gids: 'gids' };

/**
 * The file with a mistake that page `pad` would come from, if any: in `astro dev` such a
 * file is left out, so its page is "not found", and the 404 page says why.
 */
export function kapotBestandVoor(pad: string, fouten: readonly string[]): string | undefined {
  const delen = pad.split('/').filter(Boolean);
  const [eerste, tweede] = delen;
  const [map, slug] = eerste && tweede && collectieVan[eerste] ? [collectieVan[eerste], tweede] : ['paginas', eerste];
  if (!slug) return undefined;
  return fouten
    .map((regel) => regel.slice(0, regel.indexOf(': ')))
    .find((bestand) => bestand.startsWith(`src/content/${map}/`) && webadres(bestand.slice(`src/content/${map}/`.length)) === slug);
}

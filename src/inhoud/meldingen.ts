import { fileURLToPath } from 'node:url';
import { controleerInhoud, type Uitslag, webadres } from './controle.ts';

/** The project this file is in. */
const project = fileURLToPath(new URL('../../', import.meta.url));

/**
 * How many times the content in src/content/ settled after a change while `astro dev`
 * runs. integraties/inhoudscontrole.ts counts, the pages carry the number they were made
 * with (src/components/InhoudMeldingen.astro), and a page with an older number reloads.
 * Kept on globalThis: the integration and the pages load this file separately (Node and
 * Vite's module runner), in the same process.
 */
const teller = Symbol.for('opgavegericht-besturen.inhoud.stand');
type MetTeller = typeof globalThis & { [teller]?: number };

export function inhoudStand(): number {
  return (globalThis as MetTeller)[teller] ?? 0;
}

export function volgendeInhoudStand(): number {
  const g = globalThis as MetTeller;
  g[teller] = (g[teller] ?? 0) + 1;
  return g[teller];
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

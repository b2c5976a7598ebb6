import { fileURLToPath } from 'node:url';
import { controleerInhoud, type Uitslag } from './controle.ts';

/**
 * The content check of the project this file is in, for the banner `astro dev` puts on
 * every page (src/components/InhoudMeldingen.astro). Run per page view: it reads a
 * dozen small files, so the banner is never behind the files on disk.
 */
export function huidigeUitslag(): Promise<Uitslag> {
  return controleerInhoud(fileURLToPath(new URL('../../', import.meta.url)));
}

import { getCollection } from 'astro:content';
import type { APIRoute } from 'astro';
import type { Uitslag } from './controle.ts';
import { huidigeUitslag, inhoudStand } from './meldingen.ts';
import { type Collectie, inhoudSchemas } from './schemas.ts';

/**
 * Only in `astro dev`: the content check now, and the fingerprint (`inhoudStand`) of what a
 * page made now would show. Every page carries the fingerprint it was made with
 * (src/components/InhoudMeldingen.astro); integraties/inhoudscontrole.ts serves this file
 * as a route and has each open page ask it whether it is behind the files.
 */
export async function inhoudNu(): Promise<{ uitslag: Uitslag; stand: string }> {
  const [uitslag, ...collecties] = await Promise.all([
    huidigeUitslag(),
    ...(Object.keys(inhoudSchemas) as Collectie[]).map((collectie) => getCollection(collectie)),
  ]);
  return { uitslag, stand: inhoudStand(collecties.flat(), uitslag.fouten) };
}

/** The fingerprint as JSON, never cached: the page asks each time it (re)connects or the content changed. */
export const GET: APIRoute = async () => Response.json({ stand: (await inhoudNu()).stand }, { headers: { 'cache-control': 'no-store' } });

import type { APIRoute, GetStaticPaths } from 'astro';
import { bijeenkomstPaden } from '../../../inhoud/collecties.ts';
import { bijeenkomstDeelbeeld, maakDeelbeeld, tekenVooruit } from '../../../seo/deelbeeld.ts';

/**
 * Astro asks every route for its paths before it renders any page, so in a build all
 * share images start here, in worker threads, while the pages, the .ics files and the
 * rest are rendered (src/seo/deelbeeld.ts). Not in `astro dev`, which renders on request.
 */
const vooruit = new Map<string, () => Promise<Buffer>>();
export const getStaticPaths = (async () => {
  const paden = await bijeenkomstPaden();
  if (import.meta.env.PROD && vooruit.size === 0) {
    const haal = tekenVooruit(paden.map((p) => bijeenkomstDeelbeeld(p.props.bijeenkomst.data)));
    for (const [i, p] of paden.entries()) vooruit.set(p.params.slug, () => haal(i));
  }
  return paden;
}) satisfies GetStaticPaths;

/** The share image of a bijeenkomst, drawn at build time. */
export const GET: APIRoute = async ({ props }) => {
  const b = (props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props']).bijeenkomst;
  const png = await (vooruit.get(b.id)?.() ?? maakDeelbeeld(bijeenkomstDeelbeeld(b.data)));
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};

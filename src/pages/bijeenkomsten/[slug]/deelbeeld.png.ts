import type { APIRoute, GetStaticPaths } from 'astro';
import { datumVoluit, tijdVoluit } from '../../../bijeenkomst/tijd.ts';
import { bijeenkomstPaden } from '../../../inhoud/collecties.ts';
import { type Deelbeeld, maakDeelbeeld, tekenVooruit } from '../../../seo/deelbeeld.ts';

type Bijeenkomst = Awaited<ReturnType<typeof bijeenkomstPaden>>[number]['props']['bijeenkomst'];

/** The share image of a bijeenkomst: its title and date. */
function deelbeeld({ data: b }: Bijeenkomst): Deelbeeld {
  const tijd = tijdVoluit(b.begintijd, b.eindtijd);
  return {
    bovenregel: `Bijeenkomst · ${b.organisatoren.join(' en ')}`,
    titel: b.titel,
    onderregel: tijd ? `${datumVoluit(b.datum)}, ${tijd}` : datumVoluit(b.datum),
  };
}

/**
 * Astro asks every route for its paths before it renders any page, so in a build all
 * share images start here, in worker threads, while the pages, the .ics files and the
 * rest are rendered (src/seo/deelbeeld.ts). Not in `astro dev`, which renders on request.
 */
const vooruit = new Map<string, () => Promise<Buffer>>();
export const getStaticPaths = (async () => {
  const paden = await bijeenkomstPaden();
  if (import.meta.env.PROD && vooruit.size === 0) {
    const haal = tekenVooruit(paden.map((p) => deelbeeld(p.props.bijeenkomst)));
    for (const [i, p] of paden.entries()) vooruit.set(p.params.slug, () => haal(i));
  }
  return paden;
}) satisfies GetStaticPaths;

/** The share image of a bijeenkomst, drawn at build time. */
export const GET: APIRoute = async ({ props }) => {
  const b = (props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props']).bijeenkomst;
  const png = await (vooruit.get(b.id)?.() ?? maakDeelbeeld(deelbeeld(b)));
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};

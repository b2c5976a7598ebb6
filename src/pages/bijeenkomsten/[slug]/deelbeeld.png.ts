import type { APIRoute, GetStaticPaths } from 'astro';
import { datumVoluit, tijdVoluit } from '../../../bijeenkomst/tijd.ts';
import { bijeenkomstPaden } from '../../../lib/bijeenkomsten.ts';
import { maakDeelbeeld } from '../../../lib/deelbeeld.ts';

export const getStaticPaths = bijeenkomstPaden satisfies GetStaticPaths;

/** The share image of a bijeenkomst: its title and date, drawn at build time. */
export const GET: APIRoute = async ({ props }) => {
  const b = (props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props']).bijeenkomst.data;
  const tijd = tijdVoluit(b.begintijd, b.eindtijd);
  const png = await maakDeelbeeld({
    bovenregel: `Bijeenkomst · ${b.organisatoren.join(' en ')}`,
    titel: b.titel,
    onderregel: tijd ? `${datumVoluit(b.datum)}, ${tijd}` : datumVoluit(b.datum),
  });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};

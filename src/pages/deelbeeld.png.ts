import type { APIRoute } from 'astro';
import { maakDeelbeeld } from '../seo/deelbeeld.ts';
import { ORGANISATIE, SITE_NAAM } from '../site.ts';

/** The share image for every page that has none of its own. */
export const GET: APIRoute = async () => {
  const png = await maakDeelbeeld({
    bovenregel: ORGANISATIE,
    titel: SITE_NAAM,
    onderregel: 'Bijeenkomsten en de inspiratiegids ‘Opgavegericht werken’',
  });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { kalenderBestand } from '../../bijeenkomst/kalender.ts';
import { bijeenkomstPad } from '../../bijeenkomst/paden.ts';
import { type BijeenkomstEntry, bijeenkomstPaden } from '../../inhoud/collecties.ts';

/** /bijeenkomsten/<slug>.ics: the same calendar entry the confirmation mail carries. */
export const getStaticPaths = bijeenkomstPaden satisfies GetStaticPaths;

export const GET: APIRoute<{ bijeenkomst: BijeenkomstEntry }> = ({ props, site }) => {
  const { bijeenkomst } = props;
  const pagina = new URL(bijeenkomstPad(bijeenkomst.id), site).href;
  return new Response(kalenderBestand(bijeenkomst.id, bijeenkomst.data, pagina), {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
  });
};

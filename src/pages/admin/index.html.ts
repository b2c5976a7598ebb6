import type { APIRoute } from 'astro';
import { cmsPagina } from '../../redactie/app-bestanden.ts';

/** The editing UI (Decap CMS) at /admin/: plain HTML, why in src/redactie/app-bestanden.ts. */
export const GET: APIRoute = () => new Response(cmsPagina(), { headers: { 'content-type': 'text/html; charset=utf-8' } });

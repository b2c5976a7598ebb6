import type { APIRoute } from 'astro';
import { cmsScript } from '../../redactie/app-bestanden.ts';

/** The site's own script for the editing UI: format, words and content check (src/redactie/browser/start.ts). */
export const GET: APIRoute = async () => new Response(await cmsScript(), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });

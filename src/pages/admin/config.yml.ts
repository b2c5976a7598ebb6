import type { APIRoute } from 'astro';
import { omgeving } from '../../omgeving.ts';
import { cmsConfigYaml, repoUitUrl } from '../../redactie/config.ts';

/**
 * The CMS's configuration, made from the content schemas (src/redactie/config.ts). With
 * `npm start` it points the CMS at the working copy; in a build at the GitHub repository:
 * CMS_REPO (owner/name), else the repository Netlify builds from (REPOSITORY_URL).
 */
export const GET: APIRoute = ({ site, url }) =>
  new Response(
    cmsConfigYaml({
      lokaal: import.meta.env.DEV,
      repo: omgeving('CMS_REPO') ?? repoUitUrl(omgeving('REPOSITORY_URL')),
      branch: omgeving('CMS_BRANCH') ?? 'main',
      // With `npm start` the site is the dev server the CMS runs on.
      site: import.meta.env.DEV ? url.origin : String(site).replace(/\/$/, ''),
    }),
    { headers: { 'content-type': 'text/yaml; charset=utf-8' } },
  );

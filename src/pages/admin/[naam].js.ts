import { cmsEndpoint } from '../../redactie/app-bestanden.ts';

/** Decap CMS's scripts, served by the site under /admin/ (src/redactie/app-bestanden.ts). */
export const { getStaticPaths, GET } = cmsEndpoint('js');

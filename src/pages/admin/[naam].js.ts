import { cmsEndpoint } from '../../inhoud/cms-bestanden.ts';

/** Decap CMS's scripts, served by the site under /admin/ (src/inhoud/cms-bestanden.ts). */
export const { getStaticPaths, GET } = cmsEndpoint('js');

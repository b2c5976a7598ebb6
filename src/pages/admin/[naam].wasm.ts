import { cmsEndpoint } from '../../inhoud/cms-bestanden.ts';

/** The WebAssembly that some of Decap CMS's chunks load (src/inhoud/cms-bestanden.ts). */
export const { getStaticPaths, GET } = cmsEndpoint('wasm');

import { cmsEndpoint } from '../../redactie/app-bestanden.ts';

/** The WebAssembly that some of Decap CMS's chunks load (src/redactie/app-bestanden.ts). */
export const { getStaticPaths, GET } = cmsEndpoint('wasm');

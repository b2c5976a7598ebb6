/**
 * Netlify's own local emulation (@netlify/dev), set up once for `astro dev` and for
 * scripts/serve.ts. Everything that would call Netlify's servers is off, so both
 * start offline without waiting on the network; what remains is what a deploy of
 * this site uses: static files, headers and redirects.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NetlifyDev, type ResponseType } from '@netlify/dev';
import { schrijfAntwoord } from './http.ts';

export async function startNetlify(projectRoot: string, serverAddress: string): Promise<NetlifyDev> {
  const netlify = new NetlifyDev({
    projectRoot,
    serverAddress,
    geolocation: { enabled: false },
    edgeFunctions: { enabled: false },
    blobs: { enabled: false },
    database: { enabled: false },
    images: { enabled: false },
    aiGateway: { enabled: false },
    environmentVariables: { enabled: false },
    skipGitignore: true,
    // Keep warnings and errors; drop the chatter (banners, "link this site" hints).
    logger: { error: console.error, warn: console.warn, log: () => {} },
  });
  await netlify.start();
  return netlify;
}

/**
 * Runs a request through the emulation: static files, headers and redirects. Returns
 * what kind of answer it wrote, or undefined when nothing matched (or a static file was
 * matched and `statisch` is false, so the caller serves it itself). The sign-up function
 * is not run here: scripts/serve.ts and `astro dev` call its bundle themselves, at once
 * and side by side (the emulation rebuilds a function for every call, one at a time).
 */
export const behandel = behandelNu;

async function behandelNu(
  netlify: NetlifyDev,
  req: IncomingMessage,
  res: ServerResponse,
  { statisch, gzip }: { statisch: boolean; gzip: boolean },
): Promise<ResponseType | undefined> {
  const headers: Record<string, string> = {};
  const resultaat = await netlify.handleAndIntrospectNodeRequest(req, {
    // Lower-case, so a header from netlify.toml/_headers and the same one on the response are sent once.
    headersCollector: (naam, waarde) => {
      headers[naam.toLowerCase()] = waarde;
    },
  });
  if (!resultaat || (resultaat.type === 'static' && !statisch)) {
    for (const [naam, waarde] of Object.entries(headers)) res.setHeader(naam, waarde);
    return undefined;
  }
  const { response, type } = resultaat;
  await schrijfAntwoord(req, res, response, headers, gzip);
  return type;
}

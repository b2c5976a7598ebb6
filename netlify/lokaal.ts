/**
 * Netlify's own local emulation (@netlify/dev), set up once for `astro dev` and for
 * scripts/serve.ts. Everything that would call Netlify's servers is off, so both
 * start offline without waiting on the network; what remains is what a deploy of
 * this site uses: static files, headers and redirects.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { gzipSync } from 'node:zlib';
import { NetlifyDev, type ResponseType } from '@netlify/dev';

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

const comprimeerbaar = /^(text\/|application\/(javascript|json|xml|ld\+json)|image\/svg)/;

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

/** Writes a fetch Response to a Node response, gzipped where Netlify's CDN would. */
export async function schrijfAntwoord(
  req: IncomingMessage,
  res: ServerResponse,
  response: Response,
  extra: Record<string, string>,
  gzip: boolean,
): Promise<void> {
  const uit = { ...extra, ...Object.fromEntries(response.headers) };
  // Netlify's CDN compresses text; do the same so byte and Lighthouse figures match a deploy.
  if (
    gzip &&
    response.body &&
    comprimeerbaar.test(response.headers.get('content-type') ?? '') &&
    /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
  ) {
    const body = gzipSync(Buffer.from(await response.arrayBuffer()));
    delete uit['content-length'];
    res.writeHead(response.status, { ...uit, 'content-encoding': 'gzip', vary: 'Accept-Encoding' }).end(body);
    return;
  }
  res.writeHead(response.status, uit);
  if (response.body) await pipeline(Readable.fromWeb(response.body as ReadableStream), res);
  else res.end();
}

/** A Node request as a fetch Request, as the Functions API v2 runtime hands it to a function. */
export function naarRequest(req: IncomingMessage, basis: string): Request {
  const headers = new Headers();
  for (const [naam, waarde] of Object.entries(req.headers)) {
    if (waarde === undefined) continue;
    for (const w of Array.isArray(waarde) ? waarde : [waarde]) headers.append(naam, w);
  }
  const metBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', basis), {
    method: req.method ?? 'GET',
    headers,
    ...(metBody ? { body: Readable.toWeb(req) as unknown as BodyInit, duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * Between Node's http server and fetch's Request/Response, as Netlify's runtime hands a
 * request to a Functions API v2 function and sends its answer. Used by `astro dev`
 * (integraties/inschrijffunctie.ts) and scripts/serve.ts; free of @netlify/dev, which
 * takes seconds to load.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { gzipSync } from 'node:zlib';

const comprimeerbaar = /^(text\/|application\/(javascript|json|xml|ld\+json)|image\/svg)/;

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

/**
 * The request's own address, as Netlify builds it: scheme from `basis`, host from the
 * Host header, so a page opened as http://127.0.0.1:4321 posts to a request of that
 * origin and the function's origin check sees its own site. `basis` (the address the
 * server was started with) only when the Host header is missing or no host at all.
 */
function adresVan(req: IncomingMessage, basis: string): URL {
  const host = req.headers.host;
  if (host) {
    try {
      const eigen = new URL(`${new URL(basis).protocol}//${host}`);
      // Only a bare host[:port]: anything else in the header (a path, user info) is no host.
      if (eigen.pathname === '/' && !eigen.username && !eigen.password && !eigen.search && !eigen.hash)
        return new URL(req.url ?? '/', eigen);
    } catch {
      // Not a host: fall back to the configured address.
    }
  }
  return new URL(req.url ?? '/', basis);
}

/** A Node request as a fetch Request, as the Functions API v2 runtime hands it to a function. */
export function naarRequest(req: IncomingMessage, basis: string): Request {
  const headers = new Headers();
  for (const [naam, waarde] of Object.entries(req.headers)) {
    if (waarde === undefined) continue;
    for (const w of Array.isArray(waarde) ? waarde : [waarde]) headers.append(naam, w);
  }
  const metBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(adresVan(req, basis), {
    method: req.method ?? 'GET',
    headers,
    ...(metBody ? { body: Readable.toWeb(req) as unknown as BodyInit, duplex: 'half' } : {}),
  } as RequestInit);
}

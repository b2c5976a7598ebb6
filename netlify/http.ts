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

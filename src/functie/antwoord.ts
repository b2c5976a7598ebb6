import { contentSecurityPolicy, dataPolicy, sha256, vasteHeaders } from '../beveiliging/headers.ts';
import { type Pagina, paginaHtml, type Sjabloon } from './sjabloon.ts';

/**
 * How the function answers, whatever the endpoint: JSON to a client that asks for it or
 * sends it (the form's script), a page or a redirect to a browser posting the form
 * without JavaScript. Every answer carries the site's security headers and is never
 * cached: it is about one person's request.
 */
export interface Antwoorden {
  /** The caller asked for JSON (Accept) or sent it (Content-Type). */
  wilJson: boolean;
  /** Done: `{ ok: true, …json }`, or a 303 to the page that says so (`pad`). */
  gelukt(pad: string, json: object): Response;
  /** Not done: `{ ok: false, …json }`, or the page, in the site's layout. */
  mislukt(status: number, json: object, pagina: () => Pagina, headers?: Record<string, string>): Response;
  /** A page in the site's layout (200), for an endpoint that shows something. */
  pagina(pagina: Pagina, headers?: Record<string, string>): Response;
  /** A 303 to a page of the site, whatever the caller asked for. */
  naar(pad: string): Response;
}

const dataHeaders = { ...vasteHeaders, 'Content-Security-Policy': dataPolicy, 'cache-control': 'no-store' };

/** A page may run no script and only the inline styles of the site's layout. */
function htmlHeadersVoor(sjabloon: Sjabloon | undefined) {
  return {
    ...vasteHeaders,
    'Content-Security-Policy': contentSecurityPolicy({ scripts: [], styles: (sjabloon?.stijlen ?? []).map(sha256) }),
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  };
}

/** The answers for requests like this one; `sjabloon` is the site's layout, if built in. */
export function antwoordenVoor(sjabloon: Sjabloon | undefined): (req: Request) => Antwoorden {
  const htmlHeaders = htmlHeadersVoor(sjabloon);
  const json = (status: number, body: object, headers: Record<string, string> = {}) =>
    Response.json(body, { status, headers: { ...dataHeaders, ...headers } });
  return (req) => {
    const wilJson =
      /application\/json/i.test(req.headers.get('accept') ?? '') || /application\/json/i.test(req.headers.get('content-type') ?? '');
    return {
      wilJson,
      gelukt: (pad, body) =>
        wilJson ? json(200, { ok: true, ...body }) : new Response(null, { status: 303, headers: { ...dataHeaders, location: pad } }),
      mislukt: (status, body, pagina, headers = {}) =>
        wilJson
          ? json(status, { ok: false, ...body }, headers)
          : new Response(paginaHtml(sjabloon, pagina()), { status, headers: { ...htmlHeaders, ...headers } }),
      pagina: (pagina, headers = {}) =>
        new Response(paginaHtml(sjabloon, pagina), { status: 200, headers: { ...htmlHeaders, ...headers } }),
      naar: (pad) => new Response(null, { status: 303, headers: { ...dataHeaders, location: pad } }),
    };
  };
}

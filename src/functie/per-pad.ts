import type { Handler } from './eindpunt.ts';

/**
 * Whether `pad` is one of the function's paths: a literal path, or a pattern with `:name`
 * segments as Netlify's `config.path` takes them (`/bijeenkomsten/:slug/bedankt/adres/`), where
 * such a segment stands for exactly one non-empty segment. Used by the function itself and by
 * the local servers that put it in front of the site (`npm start`, `npm run preview`).
 */
export function padPast(patroon: string, pad: string): boolean {
  const verwacht = patroon.split('/');
  const gegeven = pad.split('/');
  return (
    verwacht.length === gegeven.length && verwacht.every((deel, i) => (deel.startsWith(':') ? gegeven[i] !== '' : deel === gegeven[i]))
  );
}

/**
 * The one function answers more than one path (its `config.path`): each path its own
 * handler, the sign-up for everything else, as before there was a second path.
 */
export function perPad(handlers: Record<string, Handler>, anders: Handler): Handler {
  const paden = Object.entries(handlers);
  return (req) => {
    const pad = new URL(req.url).pathname;
    return (paden.find(([patroon]) => padPast(patroon, pad))?.[1] ?? anders)(req);
  };
}

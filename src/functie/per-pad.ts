import type { Handler } from './eindpunt.ts';

/**
 * The one function answers more than one path (its `config.path`): each path its own
 * handler, the sign-up for everything else, as before there was a second path.
 */
export function perPad(handlers: Record<string, Handler>, anders: Handler): Handler {
  return (req) => (handlers[new URL(req.url).pathname] ?? anders)(req);
}

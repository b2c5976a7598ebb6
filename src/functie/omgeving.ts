import type { Omgeving } from '../omgeving.ts';

/**
 * What the function makes of its environment (read through src/omgeving.ts, or passed in
 * by a test as an `Omgeving`): where it runs, and whether the local switch is on.
 */

/** Netlify's deploy contexts; locally CONTEXT is unset (or `dev` under the CLI), and so it is for a bundle built outside Netlify. */
export function isNetlifyDeploy(env: Omgeving): boolean {
  return ['production', 'deploy-preview', 'branch-deploy'].includes(env('CONTEXT') ?? '');
}

/**
 * The explicit local switch, INSCHRIJVING_LOKAAL=1: set by `npm start` (integraties/inschrijffunctie.ts),
 * `npm run preview` (scripts/serve.ts) and the tests, never by a build. Only then may the
 * function use what is only fit for a developer's machine: the public test secret for
 * afmeldlinks, the outbox folder instead of a mail service, a made-up sender. Anywhere
 * else, CONTEXT set or not, a missing setting fails closed: a bundle built outside
 * Netlify's own build (CI plus `netlify deploy`) knows no CONTEXT, yet runs on a server.
 * In a Netlify deploy context the switch counts for nothing.
 */
export function isLokaal(env: Omgeving): boolean {
  return env('INSCHRIJVING_LOKAAL') === '1' && !isNetlifyDeploy(env);
}

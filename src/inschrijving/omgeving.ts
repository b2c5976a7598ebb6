/**
 * Environment variables, read in one place. On Netlify functions read them through
 * `Netlify.env`; in plain Node (tests, scripts) that global does not exist and
 * `process.env` holds them.
 */
export type Omgeving = (naam: string) => string | undefined;

interface NetlifyGlobal {
  env: { get(naam: string): string | undefined };
}

export const omgeving: Omgeving = (naam) => {
  const netlify = (globalThis as { Netlify?: NetlifyGlobal }).Netlify;
  const waarde = netlify ? netlify.env.get(naam) : process.env[naam];
  return waarde === '' ? undefined : waarde;
};

/** Netlify's deploy contexts; locally CONTEXT is unset (or `dev` under the CLI). */
export function isNetlifyDeploy(env: Omgeving): boolean {
  return ['production', 'deploy-preview', 'branch-deploy'].includes(env('CONTEXT') ?? '');
}

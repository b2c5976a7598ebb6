/**
 * Environment variables, read in one place: the site's build (astro.config.ts, pages),
 * its integrations, the Netlify glue and the function all read them through here, by one
 * rule: an empty value is no value (`SITE_URL=` on a command line, a field left blank in
 * Netlify's UI). On Netlify a function reads them through `Netlify.env`; in plain Node
 * (the build, `astro dev`, tests, scripts) that global does not exist and `process.env`
 * holds them.
 *
 * Astro's own modes (`import.meta.env.DEV`, `PROD`) are not variables: they say whether
 * this is `astro dev` or a build, and stay where Astro gives them.
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

/**
 * For this process and what it loads: `waarde` unless the variable already has one. The
 * local servers (`npm start`, `npm run preview`) use it to turn on the function's local
 * switch for the bundle they run in-process; a value the caller set wins.
 */
export function standaard(naam: string, waarde: string): void {
  if (omgeving(naam) === undefined) process.env[naam] = waarde;
}

/**
 * The npm that runs this process (`npm start`, `npm run …`, npx), else the one on the PATH: the
 * command and its first arguments, for a script that runs npm itself.
 */
export function npmOpdracht(): string[] {
  const cli = omgeving('npm_execpath');
  return cli && /npm-cli\.js$/.test(cli) ? [process.execPath, cli] : ['npm'];
}

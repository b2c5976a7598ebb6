import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { kb, maximum, NOG_NIET, type Rij } from './meting.ts';

/**
 * The sign-up function's budgets. The bundle is measured as soon as the function
 * exists; the handler timing and the load run need a fake mailer and fake mail API
 * that come with the function, and have their rows here until then.
 */
export const FUNCTIE = 'netlify/functions/inschrijven.ts';

export async function bundelGrootte(root: URL): Promise<Rij> {
  const bestand = new URL(FUNCTIE, root);
  if (!existsSync(bestand)) {
    return { groep: 'functie', wat: 'bundel (esbuild, minified)', meting: `${NOG_NIET}: ${FUNCTIE} bestaat nog niet`, budget: '≤ 250.0 KB' };
  }
  // What Netlify's esbuild bundler ships: everything inlined but Node built-ins.
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(bestand)],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    write: false,
    logLevel: 'silent',
  });
  const bytes = outputFiles.reduce((n, f) => n + f.contents.length, 0);
  return maximum('functie', 'bundel (esbuild, minified)', bytes, 250 * 1024, kb);
}

/** Handler in-process with a fake mailer: p50 and p99 over many sign-ups (budget p99 ≤ 5 ms). */
export async function handlerTijden(root: URL): Promise<Rij[]> {
  const reden = existsSync(new URL(FUNCTIE, root)) ? 'volgt: meting met een nep-mailer komt bij de functie' : `volgt: ${FUNCTIE} bestaat nog niet`;
  return [
    { groep: 'functie', wat: 'handler p50 (in-process, nep-mailer)', meting: reden, budget: 'n.v.t.' },
    { groep: 'functie', wat: 'handler p99 (in-process, nep-mailer)', meting: reden, budget: '≤ 5 ms' },
  ];
}

/** 1,000 sign-ups, 50 at a time, against a fake mail API that fails 30% of calls. */
export async function lastProef(root: URL): Promise<Rij[]> {
  const reden = existsSync(new URL(FUNCTIE, root)) ? 'volgt: lastproef met een nep-mail-API komt bij de functie' : `volgt: ${FUNCTIE} bestaat nog niet`;
  return [
    { groep: 'last', wat: 'verloren inschrijvingen (2xx zonder mail aan de organisator)', meting: reden, budget: '0' },
    { groep: 'last', wat: 'dubbele inschrijvingen', meting: reden, budget: '0' },
  ];
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { HANDLER_P99_BUDGET_MS, meetHandlerTijden } from './handler-meting.ts';
import { lastproef } from './lastproef.ts';
import { kb, maximum, NOG_NIET, type Rij } from './meting.ts';

const ms = (waarde: number) => `${waarde.toFixed(2)} ms`;

/**
 * The sign-up function's budgets: bundle size, the handler's own time, and the
 * load run against a failing fake mail API.
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
export async function handlerTijden(): Promise<Rij[]> {
  const { n, p50Ms, p99Ms } = await meetHandlerTijden();
  return [
    { groep: 'functie', wat: `handler p50 (in-process, nep-mailer, ${n} inschrijvingen)`, meting: ms(p50Ms), budget: 'n.v.t.' },
    maximum('functie', `handler p99 (in-process, nep-mailer, ${n} inschrijvingen)`, p99Ms, HANDLER_P99_BUDGET_MS, ms),
  ];
}

/** 1,000 sign-ups, 50 at a time, against a fake mail API that fails 30% of calls. */
export async function lastProef(): Promise<Rij[]> {
  const u = await lastproef();
  const wie = `${u.n} inschrijvingen, ${u.gelijktijdig} tegelijk, ${Math.round(u.storingskans * 100)}% storingen`;
  const verdeling = Object.entries(u.statussen)
    .map(([status, aantal]) => `${aantal}× ${status}`)
    .join(', ');
  return [
    maximum('last', `verloren inschrijvingen (2xx zonder mail aan de organisator; ${wie})`, u.verloren, 0, String),
    maximum('last', 'dubbele mails', u.dubbel, 0, String),
    {
      groep: 'last',
      wat: 'antwoorden en mail-API',
      meting: `${verdeling}; ${u.mailApiVerzoeken} mail-API-verzoeken, ${u.mailApiStoringen} expres mislukt; ${(u.totaalMs / 1000).toFixed(1)} s`,
      budget: 'n.v.t.',
    },
  ];
}

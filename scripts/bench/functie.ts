import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Handler, laadFunctie, type Pakket, pakFunctie } from '../../netlify/functie-pakket.ts';
import { HANDLER_P99_BUDGET_MS, meetHandlerTijden, meetVijandig, VIJANDIG_FACTOR_BUDGET } from './handler-meting.ts';
import { koudeStarts } from './koude-start.ts';
import { bronHandler, lastproef, lastproefHerhaling, type MaakHandler } from './lastproef.ts';
import { lokaleInschrijvingen } from './lokaal.ts';
import { kb, maximum, mediaan, percentiel, type Rij } from './meting.ts';
import { stoot } from './stoot.ts';

const ms = (waarde: number) => `${waarde.toFixed(2)} ms`;

/**
 * The sign-up function's budgets, measured on what Netlify deploys: the package its own
 * bundler (@netlify/zip-it-and-ship-it) makes of netlify/functions/ after `npm run build`.
 * The load runs call that package's function file, as the Functions API v2 runtime does
 * (a Request in, a Response out), with production's retry timing.
 */

/** The one event the deployed function knows: the real content, so this runs while sign-up is open. */
const ECHTE_BIJEENKOMST = 'opgavegericht-besturen';

export async function pakket(root: URL): Promise<{ zip: Pakket; map: Pakket }> {
  const basis = join(tmpdir(), 'opgavegericht-bench-functie');
  return { zip: await pakFunctie(root, `${basis}-zip`, 'zip'), map: await pakFunctie(root, basis, 'none') };
}

/** The deployed function, with its environment in process.env (where Netlify puts it too). */
function uitPakket(functie: Handler): MaakHandler {
  return (env) => {
    Object.assign(process.env, env);
    return (req) => functie(req);
  };
}

export async function bundelRijen({ zip, map }: { zip: Pakket; map: Pakket }): Promise<Rij[]> {
  const eigen = map.bestanden.filter((b) => !b.naam.startsWith('___netlify-'));
  const netlify = map.bestanden.filter((b) => b.naam.startsWith('___netlify-')).reduce((n, b) => n + b.bytes, 0);
  const starts = await koudeStarts(map, ECHTE_BIJEENKOMST);
  const statussen = [...new Set(starts.map((s) => s.status))].join(', ');
  return [
    maximum(
      'functie',
      `gedeployde functie (zip-it-and-ship-it, ${zip.bundler}): eigen code + node_modules, uitgepakt (${eigen.map((b) => b.naam).join(', ')})`,
      zip.eigenBytes,
      150 * 1024,
      kb,
    ),
    {
      groep: 'functie',
      wat: 'zip zoals Netlify hem uploadt (met Netlify’s eigen bestanden)',
      meting: `${kb(zip.zipBytes ?? 0)} (Netlify’s ___netlify-*: ${kb(netlify)} uitgepakt)`,
      budget: 'n.v.t.',
    },
    maximum(
      'functie',
      `koude start: import + eerste inschrijving (mediaan van ${starts.length} nieuwe processen; import ${ms(mediaan(starts.map((s) => s.importMs)))}; status ${statussen})`,
      mediaan(starts.map((s) => s.totaalMs)),
      100,
      ms,
    ),
  ];
}

/** Handler in-process with a fake mailer: p50 and p99 over many sign-ups (budget p99 ≤ 5 ms). */
export async function handlerTijden(): Promise<Rij[]> {
  const { n, p50Ms, p99Ms } = await meetHandlerTijden();
  return [
    { groep: 'functie', wat: `handler p50 (in-process, nep-mailer, ${n} inschrijvingen)`, meting: ms(p50Ms), budget: 'n.v.t.' },
    maximum('functie', `handler p99 (in-process, nep-mailer, ${n} inschrijvingen)`, p99Ms, HANDLER_P99_BUDGET_MS, ms),
  ];
}

/**
 * The costliest body a stranger can send (16 kB, built against the checks' patterns),
 * beside a normal sign-up that arrives the same way, in the same process: it may cost at
 * most 2× a normal sign-up's p50.
 */
export async function vijandigRijen(log: (tekst: string) => void = () => {}): Promise<Rij[]> {
  const { normaal, uitslagen, zwaarste } = await meetVijandig();
  log(`  gewone inschrijving: JSON p50 ${ms(normaal.json.p50Ms)}, formulier zonder JavaScript p50 ${ms(normaal.formulier.p50Ms)}`);
  for (const u of uitslagen) log(`  ${ms(u.p50Ms).padStart(10)}  ${u.factor.toFixed(2)}×  ${u.status}  ${u.bytes} B  ${u.naam}`);
  const gewoon = normaal[zwaarste.soort];
  return [
    {
      groep: 'vijandig',
      wat: `zwaarste vijandige inschrijving, p50 (in-process; ${uitslagen.length} bodies tot 16 kB; zwaarste: ${zwaarste.naam}, ${zwaarste.bytes} B, status ${zwaarste.status}) naast een gewone die net zo binnenkomt (${zwaarste.soort === 'json' ? 'JSON' : 'formulier zonder JavaScript'}, p50 ${ms(gewoon.p50Ms)})`,
      meting: `${ms(zwaarste.p50Ms)} (${zwaarste.factor.toFixed(1)}× gewoon)`,
      budget: `≤ ${VIJANDIG_FACTOR_BUDGET}× gewoon`,
      verhouding: zwaarste.factor / VIJANDIG_FACTOR_BUDGET,
      binnen: zwaarste.factor <= VIJANDIG_FACTOR_BUDGET,
    },
  ];
}

/** 30 sign-ups within 10 s against Resend's default limit (2 per second), on the deployed function. */
export async function stootRijen(map: Pakket): Promise<Rij[]> {
  const functie = await laadFunctie(map);
  const u = await stoot({ handler: uitPakket(functie), bijeenkomst: ECHTE_BIJEENKOMST });
  const wie = `${u.n} inschrijvingen binnen ${u.vensterMs / 1000} s, Resend-stand-in ${u.perSeconde}/s`;
  const anders = Object.entries(u.anders).map(([s, a]) => `${a}× ${s}`);
  return [
    maximum('stoot', `verloren (${wie}; gedeployde functie)`, u.verloren, 0, String),
    maximum('stoot', 'dubbele mails', u.dubbel, 0, String),
    {
      groep: 'stoot',
      wat: 'aangenomen; de rest een duidelijke 502 (“niet ontvangen” + adres organisator)',
      meting: `${u.aangenomen} van ${u.n} (${Math.round((u.aangenomen / u.n) * 100)}%); ${u.duidelijkMislukt}× 502${anders.length ? `; anders: ${anders.join(', ')}` : ''}`,
      budget: '≥ 90%',
      verhouding: u.aangenomen / u.n / 0.9,
      binnen: u.aangenomen / u.n >= 0.9 && anders.length === 0,
    },
    maximum(
      'stoot',
      `traagste antwoord (mediaan ${(u.p50Ms / 1000).toFixed(1)} s; ${u.rateLimit}× 429 van ${u.verzoeken} verzoeken)`,
      u.maxMs / 1000,
      9,
      (s) => `${s.toFixed(1)} s`,
    ),
  ];
}

/** 1,000 sign-ups, 50 at a time, against a fake mail API that fails 30% of calls: on the deployed function and on the sources. */
export async function lastProef(map: Pakket): Promise<Rij[]> {
  const rijen: Rij[] = [];
  const functie = await laadFunctie(map);
  for (const [naam, handler, bijeenkomst] of [
    ['gedeployde functie, productie-herhalingen', uitPakket(functie), ECHTE_BIJEENKOMST],
    ['bron in-process, korte herhalingen', bronHandler(lastproefHerhaling), 'open'],
  ] as const) {
    const u = await lastproef({ handler, bijeenkomst });
    const wie = `${u.n} inschrijvingen, ${u.gelijktijdig} tegelijk, ${Math.round(u.storingskans * 100)}% storingen; ${naam}`;
    const verdeling = Object.entries(u.statussen)
      .map(([status, aantal]) => `${aantal}× ${status}`)
      .join(', ');
    rijen.push(
      maximum('last', `verloren inschrijvingen (2xx zonder mail aan de organisator; ${wie})`, u.verloren, 0, String),
      maximum('last', 'dubbele mails', u.dubbel, 0, String),
      {
        groep: 'last',
        wat: 'antwoorden en mail-API',
        meting: `${verdeling}; ${u.mailApiVerzoeken} mail-API-verzoeken, ${u.mailApiStoringen} expres mislukt; ${(u.totaalMs / 1000).toFixed(1)} s`,
        budget: 'n.v.t.',
      },
    );
  }
  return rijen;
}

/** A sign-up on `npm start` (astro dev): one after another, and ten at once. Budget 300 ms. */
export async function lokaleRijen(root: URL, poort: number): Promise<Rij[]> {
  const { na, tegelijk } = await lokaleInschrijvingen(root, poort);
  return [
    maximum('lokaal', `inschrijving op npm start, ${na.length} na elkaar (p50 ${ms(mediaan(na))}; traagste)`, Math.max(...na), 300, ms),
    maximum(
      'lokaal',
      `inschrijving op npm start, ${tegelijk.length} tegelijk (p90; traagste ${ms(Math.max(...tegelijk))})`,
      percentiel(tegelijk, 90),
      300,
      ms,
    ),
  ];
}

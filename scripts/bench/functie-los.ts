/**
 * The sign-up function's two measurements on their own:
 *
 *   npx node scripts/bench/functie-los.ts
 */
import { HANDLER_P99_BUDGET_MS, meetHandlerTijden } from './handler-meting.ts';
import { lastproef } from './lastproef.ts';

const tijden = await meetHandlerTijden();
console.log(
  `Handler (${tijden.n} inschrijvingen, geen I/O): p50 ${tijden.p50Ms.toFixed(2)} ms, p99 ${tijden.p99Ms.toFixed(2)} ms (budget ${HANDLER_P99_BUDGET_MS} ms)`,
);

const last = await lastproef();
console.log(
  `Lastproef (${last.n} inschrijvingen, ${last.gelijktijdig} tegelijk, ${Math.round(last.storingskans * 100)}% storingen in de mail-API):`,
);
console.log(`  statussen: ${JSON.stringify(last.statussen)}`);
console.log(`  verloren inschrijvingen: ${last.verloren}, dubbele mails: ${last.dubbel}`);
console.log(`  502 (mislukt gemeld): ${last.mislukt}, waarvan mail toch aangekomen: ${last.misluktMaarAangekomen}`);
console.log(`  mail-API: ${last.mailApiVerzoeken} verzoeken, ${last.mailApiStoringen} expres mislukt; totale tijd ${last.totaalMs} ms`);
process.exitCode = last.verloren === 0 && last.dubbel === 0 ? 0 : 1;

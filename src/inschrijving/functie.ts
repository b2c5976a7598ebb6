import gegevens from 'inschrijven:gegevens';
import type { Config } from '@netlify/functions';
import { omgeving } from './omgeving.ts';
import { leesSjabloon } from './sjabloon.ts';
import { maakInschrijfHandler } from './verwerk.ts';

/**
 * The sign-up function (Functions API v2). `npm run build` bundles this file into
 * netlify/functions/inschrijven.mjs (netlify/functie-bouw.ts); the events, validated by
 * the same schema as the pages, and the site's address come in at that moment, so the
 * function reads no files and parses no YAML when it starts.
 */
const bijeenkomsten = new Map(gegevens.bijeenkomsten);

export default maakInschrijfHandler({
  env: omgeving,
  site: gegevens.site,
  bouwContext: gegevens.context,
  nu: () => new Date(),
  bijeenkomsten: async () => bijeenkomsten,
  sjabloon: gegevens.sjabloon ? leesSjabloon(gegevens.sjabloon) : undefined,
});

export const config: Config = {
  path: '/api/inschrijven',
  // Per visitor and site: 10 sign-ups a minute is plenty for a person, little for a script.
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};

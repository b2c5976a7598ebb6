import gegevens from 'inschrijven:gegevens';
import type { Config } from '@netlify/functions';
import { omgeving } from '../omgeving.ts';
import { maakAfmeldHandler, maakAfmeldNaamHandler } from './afmelden/handler.ts';
import { AFMELD_API, AFMELD_NAAM_API } from './afmelden/token.ts';
import type { Afhankelijkheden } from './eindpunt.ts';
import { BEDANKT_API, maakBedanktHandler } from './inschrijven/bedankt.ts';
import { maakInschrijfHandler } from './inschrijven/handler.ts';
import { perPad } from './per-pad.ts';
import { leesSjabloon } from './sjabloon.ts';

/**
 * The site's one function (Functions API v2): one endpoint per folder (inschrijven/,
 * afmelden/), each on the request layer (eindpunt.ts); another endpoint is another folder,
 * a line in perPad and a path in `config`. `npm run build` bundles this file into
 * netlify/functions/inschrijven.mjs (netlify/functie-bouw.ts); the events, validated by
 * the same schema as the pages, and the site's address come in at that moment, so the
 * function reads no files and parses no YAML when it starts.
 */
const bijeenkomsten = new Map(gegevens.bijeenkomsten);

const deps: Afhankelijkheden = {
  env: omgeving,
  site: gegevens.site,
  bouwContext: gegevens.context,
  nu: () => new Date(),
  bijeenkomsten: async () => bijeenkomsten,
  sjabloon: gegevens.sjabloon ? leesSjabloon(gegevens.sjabloon) : undefined,
};

export default perPad(
  { [BEDANKT_API]: maakBedanktHandler(deps), [AFMELD_API]: maakAfmeldHandler(deps), [AFMELD_NAAM_API]: maakAfmeldNaamHandler(deps) },
  maakInschrijfHandler(deps),
);

export const config: Config = {
  // Literal paths: Netlify reads them from the bundle without running it. Besides the sign-up: the bedankt
  // page with the address after a sign-up without JavaScript (inschrijven/bedankt.ts), afmelden, and the
  // afmeldpagina's read-only question whose link it is (afmelden/handler.ts).
  path: ['/api/inschrijven', '/bijeenkomsten/:slug/bedankt/adres/', '/api/afmelden', '/api/afmelden/naam'],
  // Per visitor and site, one rule for the function and so for every path: 10 a minute is plenty for a person, little for a script.
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};

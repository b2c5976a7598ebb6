import type { Config } from '@netlify/functions';
import { leesBijeenkomsten, type Bijeenkomsten } from '../../src/inschrijving/inhoud.ts';
import { omgeving } from '../../src/inschrijving/omgeving.ts';
import { maakInschrijfHandler } from '../../src/inschrijving/verwerk.ts';

// Read once per cold start: the Markdown only changes with a new deploy.
let bijeenkomsten: Promise<Bijeenkomsten> | undefined;

export default maakInschrijfHandler({
  env: omgeving,
  nu: () => new Date(),
  bijeenkomsten: () =>
    (bijeenkomsten ??= leesBijeenkomsten().catch((fout: unknown) => {
      bijeenkomsten = undefined;
      throw fout;
    })),
});

export const config: Config = {
  path: '/api/inschrijven',
  // Per visitor and site: 10 sign-ups a minute is plenty for a person, little for a script.
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};

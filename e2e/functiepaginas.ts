import type { APIRequestContext } from '@playwright/test';

const formulier = { 'content-type': 'application/x-www-form-urlencoded' };
const geldig = 'bijeenkomst=opgavegericht-besturen&voornaam=Anna&achternaam=Berg&organisatie=Gemeente&functie=wethouder&privacy=on';

/**
 * Every page the sign-up function renders, each caused the way a person or a client would
 * cause it, against the deployed function: status, the page's heading, and the request.
 * e2e/functiepaginas.spec.ts checks them as pages of the site, e2e/html.spec.ts as HTML.
 */
export const functiepaginas: [status: number, kop: string, verzoek: (r: APIRequestContext) => ReturnType<APIRequestContext['fetch']>][] = [
  // After a sign-up without JavaScript: the 303 leads here, to the address the confirmation went to.
  [
    200,
    'Bedankt voor je inschrijving',
    (r) =>
      r.post('/api/inschrijven', {
        headers: formulier,
        data: `${geldig}&email=functiepagina-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@gemeente.example`,
      }),
  ],
  [422, 'Controleer je inschrijving', (r) => r.post('/api/inschrijven', { headers: formulier, data: `${geldig}&email=fout` })],
  [
    404,
    'Bijeenkomst niet gevonden',
    (r) =>
      r.post('/api/inschrijven', { headers: formulier, data: `${geldig.replace('opgavegericht-besturen', 'bestaat-niet')}&email=a@b.nl` }),
  ],
  [405, 'Zo werkt inschrijven niet', (r) => r.get('/api/inschrijven')],
  [
    413,
    'Je inschrijving is te groot',
    (r) => r.post('/api/inschrijven', { headers: formulier, data: `${geldig}&email=a@b.nl&opmerkingen=${'x'.repeat(17 * 1024)}` }),
  ],
  [
    415,
    'Je inschrijving kon niet worden gelezen',
    (r) => r.post('/api/inschrijven', { headers: { 'content-type': 'text/plain' }, data: 'voornaam=Anna' }),
  ],
  [
    403,
    'Inschrijven kan alleen via de website',
    (r) => r.post('/api/inschrijven', { headers: { ...formulier, origin: 'https://aanvaller.example' }, data: `${geldig}&email=a@b.nl` }),
  ],
];

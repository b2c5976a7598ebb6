import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { maakInschrijfHandler } from '../src/functie/inschrijven/handler.ts';
import { geldig, NU, testBijeenkomsten } from '../testhulp/inschrijving.ts';
import { naarRequest, schrijfAntwoord } from './http.ts';

/**
 * The glue between Node's server and the function, as `npm start` and `npm run preview`
 * use it: a developer opens the server under any name for this computer (localhost,
 * 127.0.0.1), and the form's post comes from that same origin.
 */

let map: string;
let server: Server;
let poort: number;

beforeAll(async () => {
  map = await mkdtemp(join(tmpdir(), 'http-glue-outbox-'));
  const functie = maakInschrijfHandler({
    env: (naam) => ({ INSCHRIJVING_LOKAAL: '1', INSCHRIJVING_OUTBOX: map })[naam],
    // What `astro dev` has without SITE_URL.
    site: 'http://localhost:4321',
    nu: () => NU,
    bijeenkomsten: async () => testBijeenkomsten,
    log: () => {},
  });
  server = createServer(async (req, res) => {
    // As the dev server and the preview pass it: the address they were configured with.
    const basis = `http://localhost:${poort}`;
    await schrijfAntwoord(req, res, await functie(naarRequest(req, basis)), {}, false);
  });
  await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
  poort = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((klaar) => server.close(klaar));
  await rm(map, { recursive: true, force: true });
});

/** A browser's form post from a page of `herkomst`, sent to the server under the host name `host`. */
function post(host: string, herkomst: string): Promise<{ status: number; location: string | undefined }> {
  const body = new URLSearchParams(geldig).toString();
  return new Promise((klaar, mis) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: poort,
        path: '/api/inschrijven',
        method: 'POST',
        headers: {
          host,
          origin: herkomst,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => klaar({ status: res.statusCode ?? 0, location: res.headers.location }));
      },
    );
    req.on('error', mis);
    req.end(body);
  });
}

describe('naarRequest: het adres van het verzoek komt uit zijn Host', () => {
  test('inschrijven vanaf http://127.0.0.1:<poort>: 303 naar de bedankpagina, en de organisatormail staat in de outbox', async () => {
    const r = await post(`127.0.0.1:${poort}`, `http://127.0.0.1:${poort}`);
    // Without JavaScript: the event's bedankt page that shows where the confirmation went (src/functie/inschrijven/bedankt.ts).
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/^\/bijeenkomsten\/open\/bedankt\/adres\/\?b=b1\.open\./);
    const mails = await Promise.all((await readdir(map)).map(async (b) => JSON.parse(await readFile(join(map, b), 'utf8'))));
    expect(mails.find((m) => m.to === 'organisator@vpng.nl')?.subject).toBe(
      'Inschrijving: Anna van der Berg, Gemeente Zwolle – Titel open',
    );
  });

  test('een post van een andere site blijft geweigerd, onder welke naam ook', async () => {
    expect((await post(`127.0.0.1:${poort}`, 'http://kwaad.example')).status).toBe(403);
    expect((await post(`localhost:${poort}`, `http://127.0.0.1:${poort}`)).status).toBe(403);
  });
});

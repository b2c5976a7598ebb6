import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { idempotentieSleutel } from './mail.ts';
import type { Mailer } from './mailer.ts';
import { alsFormulier, alsJson, geldig, NU, post, testBijeenkomsten } from './testhulp/inschrijving.ts';
import { startNepResend, type NepResend } from './testhulp/nep-resend.ts';
import { maakInschrijfHandler, type Afhankelijkheden } from './verwerk.ts';

const bijeenkomsten = testBijeenkomsten;

let nep: NepResend;
let logs: string[];
// Short pauses; the per-attempt time-out leaves room for a busy machine (a slow answer must not count as a time-out).
const snel = { pauzes: [20, 40], pogingMs: 2000, budgetMs: 6000 };

function handler(env: Record<string, string> = {}, extra: Partial<Afhankelijkheden> = {}) {
  const alle = { RESEND_API_KEY: 're_test', RESEND_BASE_URL: nep.url, MAIL_FROM: 'VPNG <inschrijving@vpng.nl>', ...env };
  return maakInschrijfHandler({
    env: (n) => alle[n as keyof typeof alle] || undefined,
    nu: () => NU,
    bijeenkomsten: async () => bijeenkomsten,
    herhaling: snel,
    log: (b) => logs.push(b),
    ...extra,
  });
}

beforeAll(async () => {
  nep = await startNepResend(4351);
});
afterAll(() => nep.stop());
beforeEach(() => {
  nep.reset();
  logs = [];
});

describe('gelukte inschrijving', () => {
  test('JSON: 200 pas nadat beide mails via de Resend-SDK bij de mail-API zijn aangeboden', async () => {
    const r = await handler()(alsJson(geldig));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true, status: 'ingeschreven', bedankt: '/bijeenkomsten/open/bedankt/' });
    expect(nep.verstuurd).toHaveLength(2);
    const [organisator, bevestiging] = nep.verstuurd.map((v) => v.body);
    expect(organisator).toMatchObject({ to: 'organisator@vpng.nl', reply_to: 'Anna+vpng@gemeente.nl', from: 'VPNG <inschrijving@vpng.nl>' });
    expect(organisator!.subject).toBe('Inschrijving: Titel open – Anna van der Berg');
    expect(organisator!.html).toContain('Ik neem &lt;b&gt;een&lt;/b&gt; collega mee');
    expect(bevestiging).toMatchObject({ to: 'Anna+vpng@gemeente.nl', reply_to: 'organisator@vpng.nl' });
    expect(bevestiging!.subject).toBe('Bevestiging inschrijving: Titel open');
    const ics = bevestiging!.attachments?.[0];
    expect(ics?.filename).toBe('open.ics');
    expect(ics?.content_type).toMatch(/^text\/calendar/);
    expect(Buffer.from(ics!.content, 'base64').toString('utf8')).toContain('DTSTART;VALUE=DATE:20271104');
    expect(nep.verzoeken.map((v) => v.headers['idempotency-key'])).toEqual([
      idempotentieSleutel('open', 'anna+vpng@gemeente.nl', 'organisator'),
      idempotentieSleutel('open', 'anna+vpng@gemeente.nl', 'bevestiging'),
    ]);
    expect(nep.verzoeken[0]!.headers.authorization).toBe('Bearer re_test');
  });

  test('formulier zonder JavaScript: 303 naar de bedankpagina', async () => {
    const r = await handler()(alsFormulier(geldig));
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/bijeenkomsten/open/bedankt/');
    expect(nep.verstuurd).toHaveLength(2);
  });

  test('multipart/form-data wordt net zo gelezen', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(geldig)) form.append(k, v);
    const r = await handler()(new Request('https://site.test/api/inschrijven', { method: 'POST', body: form, headers: { accept: 'application/json' } }));
    expect(r.status).toBe(200);
    expect(nep.verstuurd).toHaveLength(2);
  });

  test('wachtlijst: status wachtlijst en "Wachtlijst:" in beide onderwerpen', async () => {
    const r = await handler()(alsJson({ ...geldig, bijeenkomst: 'vol' }));
    expect(await r.json()).toMatchObject({ ok: true, status: 'wachtlijst', bedankt: '/bijeenkomsten/vol/bedankt/' });
    expect(nep.verstuurd.map((v) => v.body.subject)).toEqual(['Wachtlijst: Titel vol – Anna van der Berg', 'Wachtlijst: Titel vol']);
  });

  test('INSCHRIJVING_AAN stuurt de organisatormail naar een ander adres', async () => {
    await handler({ INSCHRIJVING_AAN: 'test@vpng.nl' })(alsJson(geldig));
    expect(nep.verstuurd[0]!.body.to).toBe('test@vpng.nl');
  });

  test('dubbel versturen: dezelfde idempotency-sleutels, dus niets twee keer verstuurd', async () => {
    const h = handler();
    const [a, b] = await Promise.all([h(alsJson(geldig)), h(alsJson({ ...geldig, email: ' anna+vpng@gemeente.nl ' }))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(nep.verzoeken).toHaveLength(4);
    expect(new Set(nep.verzoeken.map((v) => v.headers['idempotency-key'])).size).toBe(2);
    expect(nep.verstuurd).toHaveLength(2);
  });
});

describe('fouten volgens het contract', () => {
  test('405 met Allow: POST voor andere methoden', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const r = await handler()(new Request('https://site.test/api/inschrijven', { method, headers: { accept: 'application/json' } }));
      expect(r.status).toBe(405);
      expect(r.headers.get('allow')).toBe('POST');
      expect((await r.json()).melding).toBeTruthy();
    }
  });

  test('415 voor een ander soort inhoud', async () => {
    const r = await handler()(post('voornaam=Anna', { 'content-type': 'text/plain', accept: 'application/json' }));
    expect(r.status).toBe(415);
    expect(await r.json()).toMatchObject({ ok: false, melding: expect.any(String) });
  });

  test('413 boven 16 kB, ook als Content-Length ontbreekt', async () => {
    const groot = { ...geldig, opmerkingen: 'x'.repeat(17 * 1024) };
    const r = await handler()(alsJson(groot));
    expect(r.status).toBe(413);
    const stroom = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(JSON.stringify(groot)));
        c.close();
      },
    });
    const r2 = await handler()(
      new Request('https://site.test/api/inschrijven', { method: 'POST', body: stroom, duplex: 'half', headers: { 'content-type': 'application/json', accept: 'application/json' } } as RequestInit),
    );
    expect(r2.status).toBe(413);
    expect(nep.verzoeken).toHaveLength(0);
  });

  test('422 met één Nederlandse melding per veld', async () => {
    const r = await handler()(alsJson({ bijeenkomst: 'open', email: 'geen-adres', functie: 'burgemeester', privacy: false }));
    expect(r.status).toBe(422);
    const { ok, fouten } = await r.json();
    expect(ok).toBe(false);
    expect(Object.keys(fouten).sort()).toEqual(['achternaam', 'email', 'functie', 'organisatie', 'privacy', 'voornaam']);
    expect(fouten.email).toBe('Vul een geldig e-mailadres in, zoals naam@gemeente.nl');
    expect(nep.verzoeken).toHaveLength(0);
  });

  test('422 als HTML: foutoverzicht met links naar de velden en het formulier met de ingevulde waarden', async () => {
    const r = await handler()(alsFormulier({ ...geldig, email: 'fout', voornaam: 'Anna "<script>"' }));
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const html = await r.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<a href="#inschrijving-email">Vul een geldig e-mailadres in');
    expect(html).toContain('value="Anna &quot;&lt;script&gt;&quot;"');
    expect(html).toContain('value="Gemeente Zwolle"');
    expect(html).toContain('href="/bijeenkomsten/open/#inschrijven"');
    expect(html).toContain('organisator@vpng.nl');
  });

  test('regeleinden in een naam zijn een fout en komen nooit in een onderwerp', async () => {
    const r = await handler()(alsJson({ ...geldig, achternaam: 'Berg\r\nBcc: iedereen@example.com' }));
    expect(r.status).toBe(422);
    expect((await r.json()).fouten.achternaam).toMatch(/regeleinden/);
    expect(nep.verzoeken).toHaveLength(0);
  });

  test('404 voor een onbekende bijeenkomst', async () => {
    const r = await handler()(alsJson({ ...geldig, bijeenkomst: 'bestaat-niet' }));
    expect(r.status).toBe(404);
    expect((await r.json()).melding).toMatch(/bestaat niet/);
  });

  test.each([
    ['dicht', /gesloten/],
    ['termijn', /termijn is verstreken/],
    ['vandaag', /begonnen/],
    ['voorbij', /voorbij/],
  ])('409 op het moment van het verzoek: %s', async (slug, melding) => {
    const r = await handler()(alsJson({ ...geldig, bijeenkomst: slug }));
    expect(r.status).toBe(409);
    expect((await r.json()).melding).toMatch(melding);
    expect(nep.verzoeken).toHaveLength(0);
  });

  test('dezelfde bijeenkomst is open vóór de deadline en gesloten erna (klok als parameter)', async () => {
    const op = (nu: string) => handler({}, { nu: () => new Date(nu) })(alsJson({ ...geldig, bijeenkomst: 'termijn' }));
    expect((await op('2026-10-01T21:59:00Z')).status).toBe(200);
    expect((await op('2026-10-01T22:00:00Z')).status).toBe(409);
  });
});

describe('de mail-API hapert', () => {
  test('500 en 429 worden opnieuw geprobeerd met dezelfde sleutel', async () => {
    nep.script.push(500, 429);
    const r = await handler()(alsJson(geldig));
    expect(r.status).toBe(200);
    const sleutels = nep.verzoeken.map((v) => v.headers['idempotency-key']);
    expect(sleutels.slice(0, 3)).toEqual(Array(3).fill(idempotentieSleutel('open', geldig.email, 'organisator')));
    expect(nep.verstuurd).toHaveLength(2);
  });

  test('een time-out wordt opnieuw geprobeerd met dezelfde sleutel', async () => {
    nep.script.push('hang');
    const r = await handler()(alsJson(geldig));
    expect(r.status).toBe(200);
    expect(nep.verzoeken[0]!.headers['idempotency-key']).toBe(nep.verzoeken[1]!.headers['idempotency-key']);
  });

  test('blijft de organisatormail mislukken: 502 met "NIET ontvangen" en het adres van de organisator', async () => {
    nep.script.push(500, 503, 502, 500);
    const r = await handler()(alsJson(geldig));
    expect(r.status).toBe(502);
    const { ok, melding } = await r.json();
    expect(ok).toBe(false);
    expect(melding).toMatch(/NIET ontvangen/);
    expect(melding).toContain('organisator@vpng.nl');
    expect(nep.verzoeken).toHaveLength(3);
    expect(nep.verstuurd).toHaveLength(0);
    expect(logs.join('\n')).toMatch(/Organisatormail mislukt/);
  });

  test('een blijvende fout (422 van de API) wordt niet herhaald', async () => {
    nep.script.push(422);
    const r = await handler()(alsJson(geldig));
    expect(r.status).toBe(502);
    expect(nep.verzoeken).toHaveLength(1);
  });

  test('502 zonder JavaScript: HTML-pagina met het formulier en alle waarden terug', async () => {
    nep.script.push(500, 500, 500);
    const r = await handler()(alsFormulier(geldig));
    expect(r.status).toBe(502);
    const html = await r.text();
    expect(html).toContain('NIET ontvangen');
    expect(html).toContain('value="Anna+vpng@Gemeente.NL"');
    expect(html).toContain('Ik neem &lt;b&gt;een&lt;/b&gt; collega mee</textarea>');
  });

  test('mislukt alleen de bevestiging, dan telt de inschrijving wel (en staat het in de log)', async () => {
    nep.script.push(200, 500, 500, 500);
    const r = await handler()(alsJson(geldig));
    expect(r.status).toBe(200);
    expect(nep.verstuurd.map((v) => v.body.to)).toEqual(['organisator@vpng.nl']);
    expect(logs.join('\n')).toMatch(/Bevestiging mislukt/);
  });
});

describe('honeypot', () => {
  test('ingevuld: lijkt gelukt, er wordt niets verstuurd', async () => {
    const r = await handler()(alsJson({ ...geldig, website: 'https://spam.example' }));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true, status: 'ingeschreven', bedankt: '/bijeenkomsten/open/bedankt/' });
    const r2 = await handler()(alsFormulier({ ...geldig, website: 'x' }));
    expect(r2.status).toBe(303);
    expect(nep.verzoeken).toHaveLength(0);
  });
});

describe('zonder mailsleutel', () => {
  let map: string;
  beforeEach(async () => {
    map = await mkdtemp(join(tmpdir(), 'outbox-'));
  });
  afterEach(() => rm(map, { recursive: true, force: true }));

  test('lokaal: beide mails als leesbaar bestand in de outbox', async () => {
    const h = handler({ RESEND_API_KEY: '', MAIL_FROM: '', INSCHRIJVING_OUTBOX: map });
    const r = await h(alsJson(geldig));
    expect(r.status).toBe(200);
    const bestanden = (await readdir(map)).sort();
    expect(bestanden).toHaveLength(2);
    const mails = await Promise.all(bestanden.map(async (b) => JSON.parse(await readFile(join(map, b), 'utf8'))));
    expect(mails.map((m) => m.subject).sort()).toEqual(['Bevestiging inschrijving: Titel open', 'Inschrijving: Titel open – Anna van der Berg']);
    const bevestiging = mails.find((m) => m.to === 'Anna+vpng@gemeente.nl');
    expect(bevestiging.text).toContain('Beantwoord deze e-mail');
    expect(bevestiging.attachments[0]).toMatchObject({ filename: 'open.ics', content: expect.stringContaining('BEGIN:VCALENDAR') });
    expect(nep.verzoeken).toHaveLength(0);
    // A double submit writes nothing new, like Resend with the same key.
    await h(alsJson(geldig));
    expect(await readdir(map)).toHaveLength(2);
  });

  test.each(['production', 'deploy-preview', 'branch-deploy'])('op Netlify (%s): 503 en niets verstuurd, nooit een nepsucces', async (context) => {
    const r = await handler({ RESEND_API_KEY: '', CONTEXT: context, INSCHRIJVING_OUTBOX: map })(alsJson(geldig));
    expect(r.status).toBe(503);
    const { melding } = await r.json();
    expect(melding).toMatch(/NIET ontvangen/);
    expect(melding).toContain('organisator@vpng.nl');
    expect(await readdir(map)).toHaveLength(0);
  });
});

test('een ingeprikte Mailer krijgt de mails (voor tests en de benchmark)', async () => {
  const ontvangen: string[] = [];
  const mailer: Mailer = { verstuur: async (m) => (ontvangen.push(m.soort), { ok: true, id: m.soort }) };
  const r = await handler({}, { mailer })(alsJson(geldig));
  expect(r.status).toBe(200);
  expect(ontvangen).toEqual(['organisator', 'bevestiging']);
});

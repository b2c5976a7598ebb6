import { beforeEach, describe, expect, test } from 'vitest';
import { alsFormulier, alsJson, geldig, NU, opnemendeMailer, TESTGEHEIM, testBijeenkomsten } from '../../../testhulp/inschrijving.ts';
import { bedanktAdresPad } from '../../bijeenkomst/paden.ts';
import { einde } from '../../bijeenkomst/status.ts';
import { maakToken } from '../afmelden/token.ts';
import type { Afhankelijkheden } from '../eindpunt.ts';
import { perPad } from '../per-pad.ts';
import { BEDANKT_API, leesBedanktToken, maakBedanktHandler, maakBedanktToken } from './bedankt.ts';
import { maakInschrijfHandler } from './handler.ts';

const SITE = 'https://opgavegericht.example';
let mailer: ReturnType<typeof opnemendeMailer>;
let logs: string[];
let nu: Date;

beforeEach(() => {
  mailer = opnemendeMailer();
  logs = [];
  nu = NU;
});

function functie(env: Record<string, string> = {}, extra: Partial<Afhankelijkheden> = {}) {
  const alle: Record<string, string> = { MAIL_FROM: 'VPNG <inschrijving@vpng.nl>', INSCHRIJVING_GEHEIM: TESTGEHEIM, ...env };
  const deps: Afhankelijkheden = {
    env: (n) => alle[n] || undefined,
    site: SITE,
    nu: () => nu,
    bijeenkomsten: async () => testBijeenkomsten,
    mailer,
    log: (b) => logs.push(b),
    ...extra,
  };
  return perPad({ [BEDANKT_API]: maakBedanktHandler(deps) }, maakInschrijfHandler(deps));
}

const ADRES = 'anna+vpng@gemeente.nl';
const open = (f: ReturnType<typeof functie>, location: string) => f(new Request(new URL(location, SITE)));

/** Every way the address or the organisation can stand in a URL or a log line: as typed, lower-cased, percent-encoded. */
function bevatAdres(tekst: string): boolean {
  const vormen = [
    geldig.email,
    ADRES,
    'anna+vpng',
    'gemeente.nl',
    encodeURIComponent(ADRES),
    'Gemeente Zwolle',
    'Gemeente%20Zwolle',
    'Gemeente+Zwolle',
  ];
  return vormen.some((v) => tekst.toLowerCase().includes(v.toLowerCase()));
}

describe('zonder JavaScript: de bedankpagina zegt waar de bevestiging heen ging', () => {
  test('de 303 gaat naar de pagina van de functie, met adres en organisatie verzegeld: niet leesbaar in de URL of de log', async () => {
    const f = functie();
    const r = await f(alsFormulier(geldig));
    expect(r.status).toBe(303);
    const location = r.headers.get('location')!;
    expect(location).toMatch(/^\/bijeenkomsten\/open\/bedankt\/adres\/\?b=b1\.open\.\d+\.[A-Za-z0-9_-]+$/);
    expect(bevatAdres(decodeURIComponent(location))).toBe(false);
    // Also not in whatever base64 would decode from it.
    expect(bevatAdres(Buffer.from(location.split('.').pop()!, 'base64url').toString('latin1'))).toBe(false);
    expect(mailer.zendingen).toHaveLength(1);
    expect(bevatAdres(logs.join('\n'))).toBe(false);
  });

  test('de pagina: het adres, “Klopt dit niet?”, en nog iemand inschrijven met de organisatie ingevuld; openen en verversen verstuurt niets', async () => {
    const f = functie();
    const location = (await f(alsFormulier(geldig))).headers.get('location')!;
    for (let i = 0; i < 2; i++) {
      const pagina = await open(f, location);
      expect(pagina.status).toBe(200);
      expect(pagina.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(pagina.headers.get('cache-control')).toBe('no-store');
      expect(pagina.headers.get('referrer-policy')).toBe('same-origin');
      const html = await pagina.text();
      expect(html).toContain('<h1>Bedankt voor je inschrijving</h1>');
      expect(html).toContain('We hebben de bevestiging gestuurd naar <strong class="adres">anna+vpng@gemeente.nl</strong>.');
      expect(html).toContain(
        'Klopt dit adres niet? Dan krijg je geen bevestiging en geen afmeldlink. <a href="#nog-iemand">Schrijf je opnieuw in</a>',
      );
      expect(html).toContain('<h2 id="nog-iemand">Nog iemand inschrijven?</h2>');
      expect(html).toMatch(
        /<input class="veld__invoer" type="text" id="inschrijving-organisatie" name="organisatie" value="Gemeente Zwolle"/,
      );
      expect(html).toMatch(/id="inschrijving-voornaam" name="voornaam" value=""/);
      expect(html).toMatch(/id="inschrijving-email" name="email" value=""/);
    }
    expect(mailer.zendingen).toHaveLength(1);
    expect(bevatAdres(logs.join('\n'))).toBe(false);
  });

  test('een inschrijving voor de wachtlijst zegt dat', async () => {
    const f = functie();
    const location = (await f(alsFormulier({ ...geldig, bijeenkomst: 'vol' }))).headers.get('location')!;
    const html = await (await open(f, location)).text();
    expect(html).toContain('<h1>Je staat op de wachtlijst</h1>');
    expect(html).toContain('Zet me op de wachtlijst');
  });

  test('na 30 minuten, of met een link die de functie niet maakte: de statische bedankpagina (zonder adres)', async () => {
    const f = functie();
    const location = (await f(alsFormulier(geldig))).headers.get('location')!;
    const t = new URL(location, SITE).searchParams.get('b')!;
    nu = new Date(NU.getTime() + 30 * 60_000);
    const verlopen = await open(f, location);
    expect(verlopen.status).toBe(303);
    expect(verlopen.headers.get('location')).toBe('/bijeenkomsten/open/bedankt/');
    nu = NU;
    const afmeldToken = maakToken(TESTGEHEIM, {
      slug: 'open',
      verloopt: einde(testBijeenkomsten.get('open')!),
      gegevens: { voornaam: 'A', tussenvoegsel: '', achternaam: 'B', email: ADRES, wachtlijst: false },
    });
    for (const [b, naar] of [
      [
        maakBedanktToken(`${TESTGEHEIM}-ander`, 'open', { email: ADRES, organisatie: 'X', wachtlijst: false }, NU),
        '/bijeenkomsten/open/bedankt/',
      ],
      [t.replace('.open.', '.vol.'), '/bijeenkomsten/vol/bedankt/'],
      // A good token, but for another event than the page it is opened on.
      [maakBedanktToken(TESTGEHEIM, 'vol', { email: ADRES, organisatie: 'X', wachtlijst: true }, NU), '/bijeenkomsten/vol/bedankt/'],
      [`${t.slice(0, -4)}AAAA`, '/bijeenkomsten/open/bedankt/'],
      [afmeldToken, '/bijeenkomsten/open/bedankt/'],
      ['b1.bestaat-niet.9999999999.AAAA', '/bijeenkomsten/'],
      ['', '/bijeenkomsten/'],
    ]) {
      const r = await open(f, `${bedanktAdresPad('open')}?b=${encodeURIComponent(b!)}`);
      expect(r.status, b).toBe(303);
      expect(r.headers.get('location'), b).toBe(naar);
    }
  });

  test('is de inschrijving intussen gesloten, dan geen formulier maar het adres van de organisator', async () => {
    const f = functie();
    const b = maakBedanktToken(TESTGEHEIM, 'dicht', { email: ADRES, organisatie: 'Gemeente Zwolle', wachtlijst: false }, NU);
    const html = await (await open(f, `${bedanktAdresPad('dicht')}?b=${b}`)).text();
    expect(html).toContain('anna+vpng@gemeente.nl');
    expect(html).not.toContain('<form');
    expect(html).toContain('Mail dan naar <a href="mailto:organisator@vpng.nl">organisator@vpng.nl</a> met het goede adres.');
  });

  test('alleen GET', async () => {
    const r = await functie()(new Request(`${SITE}${bedanktAdresPad('open')}`, { method: 'POST', body: '' }));
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET');
  });
});

describe('waar de persoonlijke pagina niet hoort', () => {
  test('met JavaScript (JSON) blijft het antwoord zoals het contract zegt: het script toont het adres zelf', async () => {
    const r = await functie()(alsJson(geldig));
    expect(await r.json()).toEqual({ ok: true, status: 'ingeschreven', bedankt: '/bijeenkomsten/open/bedankt/', bevestiging: true });
  });

  test('zonder geheim (dan is er niets om mee te verzegelen): de statische bedankpagina', async () => {
    const r = await functie({ INSCHRIJVING_GEHEIM: '', CONTEXT: 'production', RESEND_API_KEY: 're_x' })(alsFormulier(geldig));
    expect(r.headers.get('location')).toBe('/bijeenkomsten/open/bedankt/');
  });

  test('geen bevestiging verstuurd: de pagina die dat zegt, zonder adres', async () => {
    const f = functie();
    const locaties: string[] = [];
    for (const achternaam of ['Berg', 'Bos', 'Dijk', 'Veen'])
      locaties.push((await f(alsFormulier({ ...geldig, achternaam }))).headers.get('location')!);
    expect(locaties.slice(0, 3).every((l) => l.startsWith(`${bedanktAdresPad('open')}?b=`))).toBe(true);
    expect(locaties[3]).toBe('/bijeenkomsten/open/bedankt/geen-bevestiging/');
  });

  test('een bot die de honeypot invult, krijgt hetzelfde als een mens (de pagina met het adres), en er gaat niets weg', async () => {
    const f = functie();
    const r = await f(alsFormulier({ ...geldig, vangnet: 'https://spam.example' }));
    expect(r.headers.get('location')).toMatch(/^\/bijeenkomsten\/open\/bedankt\/adres\/\?b=b1\.open\./);
    expect((await open(f, r.headers.get('location')!)).status).toBe(200);
    expect(mailer.zendingen).toEqual([]);
  });
});

describe('het token', () => {
  test('heen en terug; elke keer een ander (willekeurige IV), en verlopen na 30 minuten', () => {
    const g = { email: ADRES, organisatie: 'Gemeente Zwolle', wachtlijst: true };
    const a = maakBedanktToken(TESTGEHEIM, 'open', g, NU);
    expect(a).not.toBe(maakBedanktToken(TESTGEHEIM, 'open', g, NU));
    expect(leesBedanktToken(TESTGEHEIM, a, NU)).toEqual({ ok: true, slug: 'open', gegevens: g });
    expect(leesBedanktToken(TESTGEHEIM, a, new Date(NU.getTime() + 30 * 60_000 - 1000)).ok).toBe(true);
    expect(leesBedanktToken(TESTGEHEIM, a, new Date(NU.getTime() + 30 * 60_000)).ok).toBe(false);
    expect(leesBedanktToken(`${TESTGEHEIM}-ander`, a, NU).ok).toBe(false);
    const [v, slug, seconden, verzegeld] = a.split('.');
    for (const anders of [
      `b2.${slug}.${seconden}.${verzegeld}`,
      `${v}.vol.${seconden}.${verzegeld}`,
      `${v}.${slug}.${Number(seconden) + 3600}.${verzegeld}`,
      // A character in the middle: the last one of base64 may carry only padding bits.
      `${v}.${slug}.${seconden}.${verzegeld!.slice(0, 20)}${verzegeld![20] === 'A' ? 'B' : 'A'}${verzegeld!.slice(21)}`,
      `${v}.${slug}.${seconden}`,
      'x'.repeat(3000),
    ])
      expect(leesBedanktToken(TESTGEHEIM, anders, NU).ok, anders.slice(0, 40)).toBe(false);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { alsJson, geldig, NU, testBijeenkomsten } from '../../../testhulp/inschrijving.ts';
import { type NepResend, startNepResend } from '../../../testhulp/nep-resend.ts';
import { einde } from '../../bijeenkomst/status.ts';
import type { Afhankelijkheden } from '../eindpunt.ts';
import { maakInschrijfHandler } from '../inschrijven/handler.ts';
import { perPad } from '../per-pad.ts';
import { maakAfmeldHandler, maakAfmeldNaamHandler } from './handler.ts';
import { AFMELD_API, AFMELD_NAAM_API, type AfmeldGegevens, LOKAAL_GEHEIM, maakToken } from './token.ts';

const SITE = 'https://opgavegericht.example';
const GEHEIM = 'test-geheim-van-minstens-tweeendertig-tekens-lang';
const snel = { pauzes: [20, 40], pogingMs: 2000, budgetMs: 6000, spreidingMs: 50, bezigMs: 20 };

let nep: NepResend;
let logs: string[];

beforeAll(async () => {
  nep = await startNepResend(0);
});
afterAll(() => nep.stop());
beforeEach(() => {
  nep.reset();
  nep.stel({ perSeconde: Number.POSITIVE_INFINITY, verwerkingMs: 0 });
  logs = [];
});

function deps(env: Record<string, string> = {}, extra: Partial<Afhankelijkheden> = {}): Afhankelijkheden {
  const alle: Record<string, string> = {
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: nep.url,
    MAIL_FROM: 'VPNG <inschrijving@vpng.nl>',
    INSCHRIJVING_GEHEIM: GEHEIM,
    ...env,
  };
  return {
    env: (n) => alle[n] || undefined,
    site: SITE,
    nu: () => NU,
    bijeenkomsten: async () => testBijeenkomsten,
    herhaling: snel,
    log: (b) => logs.push(b),
    ...extra,
  };
}

/** The function as deployed: both paths, one entry (functie.ts). */
function functie(env: Record<string, string> = {}, extra: Partial<Afhankelijkheden> = {}) {
  const d = deps(env, extra);
  return perPad({ [AFMELD_API]: maakAfmeldHandler(d), [AFMELD_NAAM_API]: maakAfmeldNaamHandler(d) }, maakInschrijfHandler(d));
}

const anna: AfmeldGegevens = {
  voornaam: 'Anna',
  tussenvoegsel: 'van der',
  achternaam: 'Berg',
  email: 'anna@gemeente.nl',
  wachtlijst: false,
};
const token = (o: { slug?: string; verloopt?: Date; geheim?: string; gegevens?: AfmeldGegevens } = {}) =>
  maakToken(o.geheim ?? GEHEIM, {
    slug: o.slug ?? 'open',
    verloopt: o.verloopt ?? einde(testBijeenkomsten.get(o.slug ?? 'open') ?? testBijeenkomsten.get('open')!),
    gegevens: o.gegevens ?? anna,
  });
const pagina = (t: string, slug = 'open') => `${SITE}/bijeenkomsten/${slug}/afmelden/?t=${t}`;

/** A post as the afmeldpagina makes it: the hidden fields, from the site itself. */
const bevestig = (velden: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request(`${SITE}${AFMELD_API}`, {
    method: 'POST',
    body: new URLSearchParams(velden),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE, 'sec-fetch-site': 'same-origin', ...headers },
  });
const bevestigJson = (velden: object) =>
  new Request(`${SITE}${AFMELD_API}`, {
    method: 'POST',
    body: JSON.stringify(velden),
    headers: { 'content-type': 'application/json', accept: 'application/json' },
  });

const organisatorMails = () => nep.verstuurd.filter((m) => m.to === 'organisator@vpng.nl');
/** The confirmation's line `<name> afmelden: <url>`. */
const afmeldLink = (tekst: string) => /^[^\n:]+ afmelden: (\S+)$/m.exec(tekst)?.[1];

describe('van inschrijving tot afmelding', () => {
  test('de bevestiging heeft een persoonlijke afmeldlink (tekst en HTML); bevestigen mailt organisator en deelnemer', async () => {
    const f = functie();
    expect((await f(alsJson(geldig))).status).toBe(200);
    const bevestiging = nep.verstuurd.find((m) => m.subject.startsWith('Bevestiging'))!;
    const link = afmeldLink(bevestiging.text)!;
    expect(link).toMatch(/^https:\/\/opgavegericht\.example\/bijeenkomsten\/open\/afmelden\/\?t=v1\.open\./);
    expect(bevestiging.html).toContain(`<a href="${link.replaceAll('&', '&amp;')}" style=`);
    // The link says whose sign-up it cancels: from a shared mailbox, each link is told apart.
    expect(bevestiging.text).toContain(`Anna van der Berg afmelden: ${link}`);
    expect(bevestiging.html).toContain('>Anna van der Berg afmelden</a>');
    expect(bevestiging.text).toContain('Stuur deze e-mail niet door');
    // Replying stays the fallback.
    expect(bevestiging.text).toContain('Beantwoord deze e-mail; je bericht gaat naar de organisator (organisator@vpng.nl).');
    // The organiser's copy carries no one's personal link.
    expect(nep.verstuurd.find((m) => m.subject.startsWith('Inschrijving'))!.text).not.toContain('/afmelden/');

    nep.reset();
    const t = new URL(link).searchParams.get('t')!;
    const r = await f(bevestig({ bijeenkomst: 'open', t }, { referer: link }));
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/bijeenkomsten/open/afgemeld/');
    expect(nep.verzoeken.map((v) => v.pad)).toEqual(['/emails/batch']);
    expect(nep.verzoeken[0]!.headers['idempotency-key']).toMatch(/^afmelding-beide-open-[0-9a-f]{40}$/);
    const [organisator, persoon] = nep.verstuurd;
    expect(organisator).toMatchObject({
      to: 'organisator@vpng.nl',
      reply_to: 'anna+vpng@gemeente.nl',
      from: 'VPNG <inschrijving@vpng.nl>',
      subject: 'Afmelding: Anna van der Berg – Titel open',
    });
    // What the link proves, and what not: it came from the confirmation sent to that address, not from a known person.
    expect(organisator!.text).toContain(
      'Anna van der Berg is afgemeld voor ‘Titel open’ op donderdag 4 november 2027, met de afmeldlink uit de bevestigingsmail die naar anna+vpng@gemeente.nl is gestuurd.',
    );
    // The site counts no places, so the mail does not say one came free.
    expect(organisator!.text).toContain(
      'Dat zegt alleen dat iemand die link had: het is geen bewijs dat Anna zelf op de knop drukte. Haal Anna van de deelnemerslijst.',
    );
    expect(organisator!.text).not.toMatch(/plek vrij/);
    expect(organisator!.text).not.toContain('heeft zich');
    expect(organisator!.text).toContain('Status bij inschrijving: ingeschreven');
    expect(organisator!.text).not.toContain('wachtlijst');
    expect(persoon).toMatchObject({
      to: 'anna+vpng@gemeente.nl',
      reply_to: 'organisator@vpng.nl',
      subject: 'Afmelding ontvangen: Titel open',
    });
    expect(persoon!.text).toContain('Je bent afgemeld voor ‘Titel open’ op donderdag 4 november 2027.');
  });

  test('ingeschreven voor een bijeenkomst die als vol op de site staat: de plek kan naar iemand van de wachtlijst', async () => {
    expect((await functie()(bevestigJson({ t: token({ slug: 'vol' }) }))).status).toBe(200);
    const tekst = organisatorMails()[0]!.text;
    expect(tekst).toContain(
      'Haal Anna van de deelnemerslijst. Op de website staat de bijeenkomst als vol: bied de plek zo nodig aan iemand van de wachtlijst aan.',
    );
    expect(tekst).not.toMatch(/plek vrijgekomen/);
  });

  test('JSON: 200 met status afgemeld en het adres van de afgemeld-pagina', async () => {
    const r = await functie()(bevestigJson({ t: token() }));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true, status: 'afgemeld', afgemeld: '/bijeenkomsten/open/afgemeld/' });
    expect(organisatorMails()).toHaveLength(1);
  });

  test('wachtlijst: de organisatormail zegt dat de persoon op de wachtlijst stond', async () => {
    const f = functie();
    await f(alsJson({ ...geldig, bijeenkomst: 'vol' }));
    const link = afmeldLink(
      nep.verstuurd.find((m) => m.subject.startsWith('Wachtlijst: Titel vol') && m.to !== 'organisator@vpng.nl')!.text,
    )!;
    nep.reset();
    expect((await f(bevestig({ t: new URL(link).searchParams.get('t')! }))).status).toBe(303);
    const [organisator, persoon] = nep.verstuurd;
    expect(organisator!.subject).toBe('Afmelding: Anna van der Berg – Titel vol');
    expect(organisator!.text).toContain('stond op de wachtlijst voor ‘Titel vol’');
    expect(organisator!.text).toContain('geen bewijs dat Anna zelf op de knop drukte');
    expect(organisator!.text).toContain('Omdat Anna op de wachtlijst stond, komt er geen plek vrij');
    expect(organisator!.text).toContain('Status bij inschrijving: wachtlijst');
    expect(organisator!.html).toContain('stond op de wachtlijst');
    expect(persoon!.text).toContain('Je staat niet meer op de wachtlijst voor ‘Titel vol’');
  });

  test('twee keer bevestigen (na elkaar, en tegelijk): één organisatormail', async () => {
    const f = functie();
    const t = token();
    expect((await f(bevestig({ t }))).status).toBe(303);
    expect((await f(bevestig({ t }))).status).toBe(303);
    expect((await f(bevestigJson({ t }))).status).toBe(200);
    expect(organisatorMails()).toHaveLength(1);
    expect(new Set(nep.verzoeken.map((v) => v.headers['idempotency-key'])).size).toBe(1);

    nep.reset();
    nep.stel({ verwerkingMs: 150 });
    const [a, b] = await Promise.all([f(bevestig({ t })), f(bevestig({ t }))]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(organisatorMails()).toHaveLength(1);
  });

  test('een andere persoon op hetzelfde adres (secretariaat) is een andere afmelding', async () => {
    const f = functie();
    await f(bevestig({ t: token() }));
    await f(bevestig({ t: token({ gegevens: { ...anna, voornaam: 'Bram', tussenvoegsel: '', achternaam: 'Smit' } }) }));
    expect(organisatorMails().map((m) => m.subject)).toEqual([
      'Afmelding: Anna van der Berg – Titel open',
      'Afmelding: Bram Smit – Titel open',
    ]);
  });

  test('ook nadat de bijeenkomst is begonnen of de inschrijving gesloten is, tot het einde', async () => {
    const f = functie();
    expect((await f(bevestig({ t: token({ slug: 'vandaag' }) }))).status).toBe(303);
    expect((await f(bevestig({ t: token({ slug: 'dicht' }) }))).status).toBe(303);
    expect(organisatorMails()).toHaveLength(2);
  });

  test('zonder JavaScript: het verborgen veld is leeg, de link komt uit de Referer van de afmeldpagina', async () => {
    const r = await functie()(bevestig({ bijeenkomst: 'open', t: '' }, { referer: pagina(token()) }));
    expect(r.status).toBe(303);
    expect(organisatorMails()).toHaveLength(1);
  });

  test('een Referer van een andere site of een andere pagina telt niet', async () => {
    const f = functie();
    for (const referer of [pagina(token()).replace(SITE, 'https://elders.example'), `${SITE}/bijeenkomsten/open/?t=${token()}`]) {
      const r = await f(bevestig({ t: '' }, { referer, accept: 'application/json' }));
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ ok: false, reden: 'onvolledig' });
    }
    expect(nep.verzoeken).toEqual([]);
  });

  test('links in de bevestiging volgen het adres van de site, niet de Host van het verzoek', async () => {
    await functie()(
      new Request('https://kwaadaardig.example/api/inschrijven', {
        method: 'POST',
        body: JSON.stringify(geldig),
        headers: { 'content-type': 'application/json', host: 'kwaadaardig.example' },
      }),
    );
    const link = afmeldLink(nep.verstuurd.find((m) => m.subject.startsWith('Bevestiging'))!.text)!;
    expect(new URL(link).origin).toBe(SITE);
  });
});

describe('de afmeldlink in de bevestiging', () => {
  test('deterministisch: dezelfde inschrijving twee keer geeft dezelfde mail en dus één verzending', async () => {
    const f = functie();
    await f(alsJson(geldig));
    await f(alsJson({ ...geldig, voornaam: ' Anna ' }));
    expect(new Set(nep.verzoeken.map((v) => v.headers['idempotency-key'])).size).toBe(1);
    expect(nep.verstuurd).toHaveLength(2);
  });

  test('zonder INSCHRIJVING_GEHEIM op Netlify: de inschrijving lukt, de bevestiging zegt "beantwoord deze mail", de log waarschuwt', async () => {
    const r = await functie({ CONTEXT: 'production', INSCHRIJVING_GEHEIM: '' })(alsJson(geldig));
    expect(r.status).toBe(200);
    const bevestiging = nep.verstuurd.find((m) => m.subject.startsWith('Bevestiging'))!;
    expect(bevestiging.text).not.toContain('/afmelden/');
    expect(bevestiging.text).toContain('Afmelden of iets wijzigen?');
    expect(logs.join('\n')).toMatch(/Bevestiging zonder afmeldlink: "INSCHRIJVING_GEHEIM ontbreekt/);
  });

  test('lokaal (INSCHRIJVING_LOKAAL=1) zonder geheim: links met het openbare testgeheim, één keer gemeld', async () => {
    const f = functie({ INSCHRIJVING_GEHEIM: '', INSCHRIJVING_LOKAAL: '1' });
    await f(alsJson(geldig));
    const link = afmeldLink(nep.verstuurd.find((m) => m.subject.startsWith('Bevestiging'))!.text)!;
    nep.reset();
    expect((await f(bevestig({ t: new URL(link).searchParams.get('t')! }))).status).toBe(303);
    // Such a link is worthless where the real secret is set.
    expect((await functie()(bevestigJson({ t: new URL(link).searchParams.get('t')! }))).status).toBe(403);
  });
});

describe('elke slechte link: een Nederlandse pagina of JSON met het adres van de organisator, en geen mail', () => {
  const verlopen = () => token({ verloopt: new Date(NU.getTime() - 1000) });
  const gevallen: [string, () => Record<string, string>, number, string, RegExp][] = [
    ['geen link', () => ({ bijeenkomst: 'open' }), 400, 'onvolledig', /niet compleet/],
    ['misvormd', () => ({ t: 'v1.open.kapot', bijeenkomst: 'open' }), 400, 'onvolledig', /niet compleet/],
    ['afgekapt', () => ({ t: token().slice(0, 60) }), 400, 'onvolledig', /niet compleet/],
    ['veranderd', () => ({ t: token().replace('.open.', '.vol.') }), 403, 'ongeldig', /klopt niet/],
    ['vervalst (ander geheim)', () => ({ t: token({ geheim: `${GEHEIM}-vals` }) }), 403, 'ongeldig', /klopt niet/],
    ['verlopen', () => ({ t: verlopen() }), 410, 'verlopen', /verlopen/],
    [
      'bijeenkomst voorbij',
      () => ({ t: token({ slug: 'voorbij', verloopt: new Date(NU.getTime() + 86_400_000) }) }),
      410,
      'afgelopen',
      /voorbij/,
    ],
    [
      'onbekende bijeenkomst',
      () => ({ t: token({ slug: 'bestaat-niet', verloopt: einde(testBijeenkomsten.get('open')!) }) }),
      404,
      'onbekend',
      /bestaat niet/,
    ],
  ];

  test.each(gevallen)('%s: JSON', async (_naam, velden, status, reden) => {
    const r = await functie()(bevestigJson(velden()));
    expect(r.status).toBe(status);
    const body = await r.json();
    expect(body).toMatchObject({ ok: false, reden });
    expect(body.melding).toMatch(/^[A-Z].*\./);
    expect(body.melding).toContain('organisator@vpng.nl');
    expect(body.melding).not.toMatch(/\b(the|token|error|invalid)\b/i);
    expect(nep.verzoeken).toEqual([]);
  });

  test.each(gevallen)('%s: HTML-pagina zonder JavaScript', async (_naam, velden, status, _reden, kop) => {
    const r = await functie()(bevestig(velden()));
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await r.text();
    expect(html).toContain('<html lang="nl">');
    expect(/<h1>(.*)<\/h1>/.exec(html)![1]).toMatch(kop);
    expect(html).toContain('<a href="mailto:organisator@vpng.nl">organisator@vpng.nl</a>');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(nep.verzoeken).toEqual([]);
  });

  test('het token wordt nooit gelogd', async () => {
    const t = token({ geheim: `${GEHEIM}-vals` });
    await functie()(bevestig({ t }));
    expect(logs.join('\n')).toMatch(/link "ongeldig"/);
    expect(logs.join('\n')).not.toContain(t.split('.')[3]!);
  });

  test('geen geheim in productie (ook als alleen de build de context kende): 503 met het adres', async () => {
    for (const f of [
      functie({ CONTEXT: 'production', INSCHRIJVING_GEHEIM: '' }),
      functie({ INSCHRIJVING_GEHEIM: '' }, { bouwContext: 'deploy-preview' }),
      functie({ CONTEXT: 'branch-deploy', INSCHRIJVING_GEHEIM: 'te-kort' }),
    ]) {
      const r = await f(bevestigJson({ t: token() }));
      expect(r.status).toBe(503);
      expect(await r.json()).toMatchObject({ ok: false, reden: 'niet-ingesteld', melding: expect.stringContaining('organisator@vpng.nl') });
    }
    const html = await functie({ CONTEXT: 'production', INSCHRIJVING_GEHEIM: '' })(bevestig({ t: token() }));
    expect(await html.text()).toContain('Afmelden via de website werkt nu niet');
    expect(nep.verzoeken).toEqual([]);
    expect(logs.join('\n')).toMatch(/INSCHRIJVING_GEHEIM ontbreekt/);
  });

  test('zonder CONTEXT en zonder lokale schakelaar (een bundel gebouwd buiten Netlify): een link met het openbare testgeheim mailt niemand', async () => {
    const vals = token({ geheim: LOKAAL_GEHEIM, gegevens: { ...anna, email: 'slachtoffer@elders.example' } });
    for (const f of [functie({ INSCHRIJVING_GEHEIM: '' }), functie({ INSCHRIJVING_GEHEIM: LOKAAL_GEHEIM })]) {
      const r = await f(bevestigJson({ t: vals }));
      expect(r.status).toBe(503);
      expect(await r.json()).toMatchObject({ ok: false, reden: 'niet-ingesteld' });
      expect((await f(bevestig({ t: vals }, { referer: pagina(vals) }))).status).toBe(503);
    }
    expect(nep.verzoeken).toEqual([]);
    expect(logs.join('\n')).toMatch(/Afmelding niet verwerkt: "INSCHRIJVING_GEHEIM (ontbreekt|is het openbare testgeheim)/);
  });

  test('geen mailsleutel in productie: 503, geen nepsucces', async () => {
    const r = await functie({ CONTEXT: 'production', RESEND_API_KEY: '' })(bevestigJson({ t: token() }));
    expect(r.status).toBe(503);
  });

  test('de mail-API faalt: 502 "niet afgemeld", met het adres', async () => {
    nep.script.push(500, 500, 500);
    const r = await functie()(bevestigJson({ t: token() }));
    expect(r.status).toBe(502);
    expect((await r.json()).melding).toMatch(/Je bent niet afgemeld\..*organisator@vpng\.nl/);
  });

  test('weigert de mail-API het paar, dan gaat de organisatormail alleen', async () => {
    nep.script.push(422);
    const r = await functie()(bevestigJson({ t: token() }));
    expect(r.status).toBe(200);
    expect(nep.verstuurd.map((m) => m.to)).toEqual(['organisator@vpng.nl']);
    expect(nep.verstuurd[0]!.text).toMatch(/bevestiging van de afmelding kon niet/);
  });

  test('onbekende bijeenkomst en geen gedeeld adres: de pagina wijst naar de bevestigingsmail', async () => {
    const anders = new Map([...testBijeenkomsten, ['ander', { ...testBijeenkomsten.get('open')!, contact: 'ander@vpng.nl' }]]);
    const r = await functie({}, { bijeenkomsten: async () => anders })(bevestig({ t: 'kapot' }));
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('het adres staat in je bevestigingsmail');
  });
});

describe('nooit afmelden op een GET, nooit van een andere site', () => {
  test('GET (ook met een geldige link) en andere methoden: 405 met Allow: POST, geen mail', async () => {
    const f = functie();
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE']) {
      const r = await f(new Request(`${SITE}${AFMELD_API}?t=${token()}`, { method }));
      expect(r.status).toBe(405);
      expect(r.headers.get('allow')).toBe('POST');
    }
    const html = await (await f(new Request(`${SITE}${AFMELD_API}?t=${token()}`))).text();
    expect(html).toContain('Zo werkt afmelden niet');
    expect(nep.verzoeken).toEqual([]);
  });

  test.each([
    ['Origin van een andere site', { origin: 'https://aanvaller.example', 'sec-fetch-site': 'cross-site' }],
    ['alleen Sec-Fetch-Site: cross-site', { origin: '', 'sec-fetch-site': 'cross-site' }],
    ['Origin null (sandbox, data:)', { origin: 'null', 'sec-fetch-site': '' }],
  ])('%s: 403 in het Nederlands, geen mail', async (_naam, headers) => {
    const schoon = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
    const req = new Request(`${SITE}${AFMELD_API}`, {
      method: 'POST',
      body: new URLSearchParams({ t: token() }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...schoon },
    });
    const r = await functie()(req);
    expect(r.status).toBe(403);
    const html = await r.text();
    expect(html).toContain('Afmelden kan alleen via de website');
    expect(html).toContain('organisator@vpng.nl');
    expect(nep.verzoeken).toEqual([]);
  });

  test('415 voor een ander soort inhoud, 413 voor een te grote', async () => {
    const f = functie();
    const tekst = await f(
      new Request(`${SITE}${AFMELD_API}`, {
        method: 'POST',
        body: 't=x',
        headers: { 'content-type': 'text/plain', accept: 'application/json' },
      }),
    );
    expect(tekst.status).toBe(415);
    const { melding } = (await tekst.json()) as { melding: string };
    expect(melding).toContain('knop op de afmeldpagina');
    expect(melding).not.toMatch(/\b(application|multipart|text)\/|JSON/);
    const groot = await f(bevestigJson({ t: 'x'.repeat(5000) }));
    expect(groot.status).toBe(413);
    expect(nep.verzoeken).toEqual([]);
  });
});

describe('beveiligingsheaders op elk antwoord', () => {
  test.each([
    ['303', () => bevestig({ t: token() })],
    ['JSON 200', () => bevestigJson({ t: token() })],
    ['HTML 400', () => bevestig({ t: 'v1.open.1.a.b' })],
    ['JSON 400', () => bevestigJson({})],
    ['HTML 405', () => new Request(`${SITE}${AFMELD_API}`)],
  ])('%s', async (_naam, verzoek) => {
    const r = await functie()(verzoek());
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(r.headers.get('cache-control')).toBe('no-store');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    if ((r.headers.get('content-type') ?? '').startsWith('text/html')) {
      // Without the site's template (src/functie/sjabloon.ts) the page has no inline blocks, and the policy allows none.
      expect(await r.text()).not.toMatch(/<style|<script/);
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self';");
    }
  });
});

describe('één functie, twee paden', () => {
  test('/api/afmelden gaat naar afmelden, al het andere naar inschrijven zoals voorheen', async () => {
    const f = functie();
    const inschrijven = await f(new Request(`${SITE}/api/inschrijven`, { headers: { accept: 'application/json' } }));
    expect((await inschrijven.json()).melding).toMatch(/Inschrijven gaat met het formulier/);
    const afmelden = await f(new Request(`${SITE}/api/afmelden`, { headers: { accept: 'application/json' } }));
    expect((await afmelden.json()).melding).toMatch(/Afmelden gaat met de knop/);
  });
});

describe('wie deze link afmeldt (alleen lezen, voor de afmeldpagina)', () => {
  const vraag = (velden: object, headers: Record<string, string> = {}) =>
    new Request(`${SITE}${AFMELD_NAAM_API}`, {
      method: 'POST',
      body: JSON.stringify(velden),
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        origin: SITE,
        'sec-fetch-site': 'same-origin',
        ...headers,
      },
    });

  test('een geldige link: de naam (voornaam, tussenvoegsel, achternaam) en niets anders; er wordt niemand afgemeld', async () => {
    const f = functie();
    for (let i = 0; i < 3; i++) {
      const r = await f(vraag({ t: token() }));
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ ok: true, naam: 'Anna van der Berg' });
    }
    expect(nep.verzoeken).toEqual([]);
    // The real confirmation afterwards is the first and only cancellation.
    expect((await f(bevestigJson({ t: token() }))).status).toBe(200);
    expect(organisatorMails()).toHaveLength(1);
  });

  test.each([
    ['geen link', () => ({}), 400, 'onvolledig'],
    ['misvormd', () => ({ t: 'v1.open.kapot' }), 400, 'onvolledig'],
    ['vervalst (ander geheim)', () => ({ t: token({ geheim: `${GEHEIM}-vals` }) }), 403, 'ongeldig'],
    ['veranderd', () => ({ t: token().replace('.open.', '.vol.') }), 403, 'ongeldig'],
    ['verlopen', () => ({ t: token({ verloopt: new Date(NU.getTime() - 1000) }) }), 410, 'verlopen'],
    ['bijeenkomst voorbij', () => ({ t: token({ slug: 'voorbij', verloopt: new Date(NU.getTime() + 86_400_000) }) }), 410, 'afgelopen'],
    ['onbekende bijeenkomst', () => ({ t: token({ slug: 'bestaat-niet' }) }), 404, 'onbekend'],
  ])('%s: geweigerd zoals bij afmelden, zonder naam en zonder mail', async (_naam, velden, status, reden) => {
    const r = await functie()(vraag(velden()));
    expect(r.status).toBe(status);
    const body = await r.json();
    expect(body).toMatchObject({ ok: false, reden });
    expect(JSON.stringify(body)).not.toMatch(/Anna|Berg/);
    expect(nep.verzoeken).toEqual([]);
  });

  test('de link komt alleen uit het verzoek, nooit uit de Referer', async () => {
    const r = await functie()(vraag({}, { referer: pagina(token()) }));
    expect(r.status).toBe(400);
  });

  test('geen geheim in productie: 503, geen naam', async () => {
    const r = await functie({ CONTEXT: 'production', INSCHRIJVING_GEHEIM: '' })(vraag({ t: token() }));
    expect(r.status).toBe(503);
    expect(JSON.stringify(await r.json())).not.toContain('Anna');
  });

  test('van een andere site: 403; een GET: 405', async () => {
    const f = functie();
    const elders = await f(vraag({ t: token() }, { origin: 'https://aanvaller.example', 'sec-fetch-site': 'cross-site' }));
    expect(elders.status).toBe(403);
    expect(JSON.stringify(await elders.json())).not.toContain('Anna');
    const get = await f(new Request(`${SITE}${AFMELD_NAAM_API}?t=${token()}`, { headers: { accept: 'application/json' } }));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(nep.verzoeken).toEqual([]);
  });
});

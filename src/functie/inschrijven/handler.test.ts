import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { alsFormulier, alsJson, geldig, NU, post, testBijeenkomsten } from '../../../testhulp/inschrijving.ts';
import { virtueleKlok } from '../../../testhulp/klok.ts';
import { type NepResend, startNepResend } from '../../../testhulp/nep-resend.ts';
import type { Afhankelijkheden } from '../eindpunt.ts';
import type { Herhaling, Mailer } from '../mailer.ts';
import { INHOUD_MARKER, leesSjabloon, TITEL_MARKER } from '../sjabloon.ts';
import { maakInschrijfHandler } from './handler.ts';

const bijeenkomsten = testBijeenkomsten;

let nep: NepResend;
let logs: string[];
// Short pauses; the per-attempt time-out leaves room for a busy machine (a slow answer must not count as a time-out).
const snel = { pauzes: [20, 40], pogingMs: 2000, budgetMs: 6000, spreidingMs: 50, bezigMs: 20 };

function handler(env: Record<string, string> = {}, extra: Partial<Afhankelijkheden> = {}) {
  const alle = { RESEND_API_KEY: 're_test', RESEND_BASE_URL: nep.url, MAIL_FROM: 'VPNG <inschrijving@vpng.nl>', ...env };
  return maakInschrijfHandler({
    env: (n) => alle[n as keyof typeof alle] || undefined,
    site: 'https://opgavegericht.example',
    nu: () => NU,
    bijeenkomsten: async () => bijeenkomsten,
    herhaling: snel,
    log: (b) => logs.push(b),
    ...extra,
  });
}

/** Stand-ins of the tests on a virtual clock, stopped after each test. */
const eigenNeps: NepResend[] = [];

/**
 * A stand-in of its own and the handler, both on one virtual clock (testhulp/klok.ts), for a
 * test that waits for a retry: a `retry-after` of a second takes no second, and how busy the
 * machine is changes nothing in what the handler decides.
 */
async function opVirtueleTijd(opties: { perSeconde?: number; herhaling?: Partial<Herhaling> } = {}) {
  const klok = virtueleKlok();
  const eigen = await startNepResend(0, { klok, perSeconde: opties.perSeconde ?? Number.POSITIVE_INFINITY });
  eigenNeps.push(eigen);
  const h = handler({ RESEND_BASE_URL: eigen.url }, { herhaling: { ...snel, ...opties.herhaling, klok } });
  return { klok, nep: eigen, h };
}

/** What a busy machine does to a test: this process gets no CPU for a while. */
function bezet(ms: number): void {
  const tot = performance.now() + ms;
  while (performance.now() < tot);
}

beforeAll(async () => {
  nep = await startNepResend();
});
afterEach(async () => {
  nep.stel({ perSeconde: Number.POSITIVE_INFINITY, verwerkingMs: 0 });
  await Promise.all(eigenNeps.splice(0).map((n) => n.stop()));
});
afterAll(() => nep.stop());
beforeEach(() => {
  nep.reset();
  logs = [];
});

/** The mails the stand-in delivered, in order. */
const bezorgd = () => nep.verstuurd;
const organisatorMails = () => nep.verstuurd.filter((m) => m.to === 'organisator@vpng.nl');

describe('gelukte inschrijving', () => {
  test('JSON: 200 pas nadat organisatormail en bevestiging in één verzoek door de mail-API zijn aangenomen', async () => {
    const r = await handler()(alsJson(geldig));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true, status: 'ingeschreven', bedankt: '/bijeenkomsten/open/bedankt/', bevestiging: true });
    expect(nep.verzoeken.map((v) => v.pad)).toEqual(['/emails/batch']);
    expect(nep.verzoeken[0]!.headers.authorization).toBe('Bearer re_test');
    const [organisator, bevestiging] = bezorgd();
    expect(organisator).toMatchObject({
      to: 'organisator@vpng.nl',
      reply_to: 'anna+vpng@gemeente.nl',
      from: 'VPNG <inschrijving@vpng.nl>',
    });
    expect(organisator!.subject).toBe('Inschrijving: Anna van der Berg, Gemeente Zwolle – Titel open');
    expect(organisator!.html).toContain('Ik neem &lt;b&gt;een&lt;/b&gt; collega mee');
    expect(bevestiging).toMatchObject({ to: 'anna+vpng@gemeente.nl', reply_to: 'organisator@vpng.nl' });
    expect(bevestiging!.subject).toBe('Bevestiging inschrijving: Titel open');
    // The calendar as a link to the site's .ics (the batch endpoint takes no attachments).
    expect(bevestiging!.attachments).toBeUndefined();
    expect(bevestiging!.text).toContain('https://opgavegericht.example/bijeenkomsten/open.ics');
    expect(bevestiging!.html).toContain('<a href="https://opgavegericht.example/bijeenkomsten/open.ics" style=');
    expect(nep.verzoeken[0]!.headers['idempotency-key']).toMatch(/^inschrijving-beide-open-[0-9a-f]{40}$/);
  });

  test('formulier zonder JavaScript: 303 naar de bedankpagina', async () => {
    const r = await handler()(alsFormulier(geldig));
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/bijeenkomsten/open/bedankt/');
    expect(bezorgd()).toHaveLength(2);
  });

  test('multipart/form-data wordt net zo gelezen', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(geldig)) form.append(k, v);
    const r = await handler()(
      new Request('https://site.test/api/inschrijven', { method: 'POST', body: form, headers: { accept: 'application/json' } }),
    );
    expect(r.status).toBe(200);
    expect(bezorgd()).toHaveLength(2);
  });

  test('wachtlijst: status wachtlijst en "Wachtlijst:" in beide onderwerpen', async () => {
    const r = await handler()(alsJson({ ...geldig, bijeenkomst: 'vol' }));
    expect(await r.json()).toMatchObject({ ok: true, status: 'wachtlijst', bedankt: '/bijeenkomsten/vol/bedankt/' });
    expect(bezorgd().map((m) => m.subject)).toEqual([
      'Wachtlijst: Anna van der Berg, Gemeente Zwolle – Titel vol',
      'Wachtlijst: Titel vol',
    ]);
  });

  test('INSCHRIJVING_AAN stuurt de organisatormail naar een ander adres', async () => {
    await handler({ INSCHRIJVING_AAN: 'test@vpng.nl' })(alsJson(geldig));
    expect(bezorgd()[0]!.to).toBe('test@vpng.nl');
  });

  test('links in de mails volgen het adres van de site, niet de Host van het verzoek', async () => {
    await handler()(
      new Request('https://kwaadaardig.example/api/inschrijven', {
        method: 'POST',
        body: JSON.stringify(geldig),
        headers: { 'content-type': 'application/json', host: 'kwaadaardig.example' },
      }),
    );
    const tekst = bezorgd()
      .map((m) => `${m.text}${m.html}`)
      .join('');
    expect(tekst).toContain('https://opgavegericht.example/bijeenkomsten/open/');
    expect(tekst).not.toContain('kwaadaardig');
  });
});

describe('geen inschrijving verloren, geen dubbel', () => {
  test('twee keer precies dezelfde inschrijving na elkaar: één keer mail', async () => {
    const h = handler();
    expect((await h(alsJson(geldig))).status).toBe(200);
    // The same submission, with other spacing and capitals in the domain (which the schema lower-cases).
    expect((await h(alsJson({ ...geldig, email: ' Anna+vpng@GEMEENTE.nl ', voornaam: ' Anna ' }))).status).toBe(200);
    expect(nep.verzoeken).toHaveLength(2);
    expect(new Set(nep.verzoeken.map((v) => v.headers['idempotency-key'])).size).toBe(1);
    expect(bezorgd()).toHaveLength(2);
  });

  test('een andere inschrijving vanaf hetzelfde adres (tweede wethouder, gewijzigde dieetwensen) bereikt de organisator wel', async () => {
    const h = handler();
    const secretariaat = { ...geldig, email: 'secretariaat@gemeente.nl' };
    const antwoorden = [
      await h(alsJson({ ...secretariaat, voornaam: 'Anna' })),
      await h(alsJson({ ...secretariaat, voornaam: 'Bram', achternaam: 'Smit' })),
      await h(alsJson({ ...secretariaat, voornaam: 'Anna', dieetwensen: 'vegetarisch' })),
    ];
    expect(antwoorden.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(organisatorMails().map((m) => m.subject)).toEqual([
      'Inschrijving: Anna van der Berg, Gemeente Zwolle – Titel open',
      'Inschrijving: Bram van der Smit, Gemeente Zwolle – Titel open',
      'Inschrijving: Anna van der Berg, Gemeente Zwolle – Titel open',
    ]);
    expect(organisatorMails()[2]!.text).toContain('vegetarisch');
    expect(nep.teller.andereInhoud).toBe(0);
  });

  test('twee gelijke posts tegelijk (dubbelklik zonder JavaScript): beide gelukt, één organisatormail', async () => {
    nep.stel({ verwerkingMs: 150 });
    const h = handler();
    const [a, b] = await Promise.all([h(alsFormulier(geldig)), h(alsFormulier(geldig))]);
    expect([a.status, b.status]).toEqual([303, 303]);
    // Resend answered the second "still in progress" (409); the handler waited and asked again.
    expect(nep.teller.gelijktijdig).toBeGreaterThanOrEqual(1);
    expect(organisatorMails()).toHaveLength(1);
    expect(bezorgd()).toHaveLength(2);
  });

  test('rate limit (429 met retry-after): wacht zo lang als gevraagd en probeert met dezelfde sleutel opnieuw', async () => {
    const { nep, h } = await opVirtueleTijd({ perSeconde: 2 });
    const antwoorden = await Promise.all(
      Array.from({ length: 5 }, (_, i) => h(alsJson({ ...geldig, email: `deelnemer-${i}@gemeente.nl` }))),
    );
    expect(antwoorden.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(nep.teller.rateLimit).toBeGreaterThan(0);
    const organisator = nep.verstuurd.filter((m) => m.to === 'organisator@vpng.nl');
    expect(organisator).toHaveLength(5);
    expect(new Set(organisator.map((m) => m.reply_to)).size).toBe(5);
    // Never back before retry-after (1 s) has passed since the 429.
    const perSleutel = Map.groupBy(nep.verzoeken, (v) => String(v.headers['idempotency-key']));
    expect([...perSleutel.values()].some((pogingen) => pogingen.length > 1)).toBe(true);
    for (const pogingen of perSleutel.values()) {
      for (let i = 1; i < pogingen.length; i++) expect(pogingen[i]!.opMs - pogingen[i - 1]!.opMs).toBeGreaterThanOrEqual(1000);
    }
  });

  test('blijft de rate limit te lang, dan binnen het tijdbudget een 502 met "niet ontvangen", niet later', async () => {
    const { nep, h } = await opVirtueleTijd({ perSeconde: 0, herhaling: { budgetMs: 1500 } });
    const antwoord = h(alsJson(geldig));
    // A busy machine: around the first 429 this process gets no CPU for 300 ms. The budget
    // counts on the clock the waits count on, so that changes nothing (on the real clock, the
    // handler would give up after one attempt).
    await vi.waitFor(() => expect(nep.verzoeken).toHaveLength(1), { interval: 1 });
    bezet(300);
    const r = await antwoord;
    expect(r.status).toBe(502);
    expect((await r.json()).melding).toMatch(/Je inschrijving is niet ontvangen\..*organisator@vpng\.nl/);
    // 429 → wait 1 s (+ spread) → 429 → a next wait would end past the budget: stop.
    expect(nep.verzoeken).toHaveLength(2);
    expect(nep.verzoeken[1]!.opMs).toBeGreaterThanOrEqual(1000);
  });

  test('weigert de mail-API het paar (bijvoorbeeld het adres van de deelnemer), dan gaat de organisatormail alleen', async () => {
    nep.script.push(422);
    const r = await handler()(alsJson(geldig));
    expect(r.status).toBe(200);
    // The person learns that no confirmation was sent.
    expect(await r.json()).toEqual({
      ok: true,
      status: 'ingeschreven',
      bedankt: '/bijeenkomsten/open/bedankt/geen-bevestiging/',
      bevestiging: false,
    });
    expect(nep.verzoeken).toHaveLength(2);
    expect(bezorgd().map((m) => m.to)).toEqual(['organisator@vpng.nl']);
    expect(bezorgd()[0]!.text).toMatch(/bevestiging .* kon niet worden verstuurd/);
    expect(logs.join('\n')).toMatch(/samen geweigerd/);

    nep.reset();
    nep.script.push(422);
    const zonderJs = await handler()(alsFormulier({ ...geldig, dieetwensen: 'geen' }));
    expect(zonderJs.status).toBe(303);
    expect(zonderJs.headers.get('location')).toBe('/bijeenkomsten/open/bedankt/geen-bevestiging/');
  });
});

describe('mailbommen: het formulier is geen manier om iemand te overspoelen', () => {
  const slachtoffer = 'slachtoffer@gemeente.nl';
  const bevestigingen = () => nep.verstuurd.filter((m) => m.subject.startsWith('Bevestiging'));

  test('hoofdletters in het adres maken een inschrijving niet nieuw: één sleutel, één paar mails, het adres in kleine letters', async () => {
    const h = handler();
    for (const email of ['Slachtoffer@gemeente.nl', 'slachtoffer@gemeente.nl', 'SLACHTOFFER@GEMEENTE.NL', 'sLaChToFfEr@Gemeente.nl'])
      expect((await h(alsJson({ ...geldig, email }))).status).toBe(200);
    expect(new Set(nep.verzoeken.map((v) => v.headers['idempotency-key'])).size).toBe(1);
    expect(bezorgd().map((m) => m.to)).toEqual(['organisator@vpng.nl', slachtoffer]);
    expect(organisatorMails()[0]!.reply_to).toBe(slachtoffer);
  });

  test('hooguit 3 bevestigingen per adres per uur; de organisator krijgt elke inschrijving, en het antwoord zegt dat er geen bevestiging kwam', async () => {
    let klok = NU;
    const h = handler({}, { nu: () => klok });
    const achternamen = ['Berg', 'Bos', 'Dijk', 'Veen', 'Smit'];
    // Case and sub-addressing do not make another mailbox.
    const adressen = [
      slachtoffer,
      'Slachtoffer@gemeente.nl',
      'slachtoffer+2@gemeente.nl',
      'SLACHTOFFER@gemeente.nl',
      'slachtoffer+x@gemeente.nl',
    ];
    const antwoorden = [];
    for (const [i, email] of adressen.entries()) {
      klok = new Date(NU.getTime() + i * 60_000);
      const r = await h(alsJson({ ...geldig, email, achternaam: achternamen[i]! }));
      expect(r.status).toBe(200);
      antwoorden.push(await r.json());
    }
    expect(antwoorden.map((a) => a.bevestiging)).toEqual([true, true, true, false, false]);
    expect(antwoorden.map((a) => a.bedankt)).toEqual([
      '/bijeenkomsten/open/bedankt/',
      '/bijeenkomsten/open/bedankt/',
      '/bijeenkomsten/open/bedankt/',
      '/bijeenkomsten/open/bedankt/geen-bevestiging/',
      '/bijeenkomsten/open/bedankt/geen-bevestiging/',
    ]);
    expect(organisatorMails().map((m) => m.subject)).toEqual(
      achternamen.map((n) => `Inschrijving: Anna van der ${n}, Gemeente Zwolle – Titel open`),
    );
    expect(bevestigingen()).toHaveLength(3);
    // The organiser hears why, and that it may be misuse.
    expect(organisatorMails()[3]!.text).toMatch(/geen bevestiging .*al 3 bevestigingen/s);
    expect(logs.join('\n')).toMatch(/Bevestiging niet verstuurd: al 3 in het afgelopen uur naar dit adres/);
    expect(logs.join('\n')).not.toContain('slachtoffer');

    // The same sign-up again (a retry) sends nothing new, and does not change what it got.
    const opnieuw = await h(alsJson({ ...geldig, email: adressen[2]!, achternaam: achternamen[2]! }));
    expect(await opnieuw.json()).toMatchObject({ bevestiging: true });
    const nogEens = await h(alsJson({ ...geldig, email: adressen[3]!, achternaam: achternamen[3]! }));
    expect(await nogEens.json()).toMatchObject({ bevestiging: false });
    expect(organisatorMails()).toHaveLength(5);

    // An hour after the first one, there is room again.
    klok = new Date(NU.getTime() + 60 * 60_000);
    const later = await h(alsJson({ ...geldig, email: slachtoffer, achternaam: 'Vos' }));
    expect(await later.json()).toMatchObject({ bevestiging: true, bedankt: '/bijeenkomsten/open/bedankt/' });
    expect(bevestigingen()).toHaveLength(4);
  });

  test('zonder JavaScript: 303 naar de bedankpagina zonder bevestiging, zonder adres in de URL', async () => {
    const h = handler();
    for (const achternaam of ['Berg', 'Bos', 'Dijk'])
      expect((await h(alsFormulier({ ...geldig, email: slachtoffer, achternaam }))).status).toBe(303);
    const r = await h(alsFormulier({ ...geldig, email: slachtoffer, achternaam: 'Veen' }));
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/bijeenkomsten/open/bedankt/geen-bevestiging/');
    expect(organisatorMails()).toHaveLength(4);
    expect(bevestigingen()).toHaveLength(3);
  });

  test('weigert de mail-API de bevestiging, dan telt die niet mee', async () => {
    const h = handler();
    nep.script.push(422);
    expect(await (await h(alsJson({ ...geldig, email: slachtoffer, achternaam: 'Berg' }))).json()).toMatchObject({ bevestiging: false });
    for (const achternaam of ['Bos', 'Dijk', 'Veen'])
      expect(await (await h(alsJson({ ...geldig, email: slachtoffer, achternaam }))).json()).toMatchObject({ bevestiging: true });
    expect(await (await h(alsJson({ ...geldig, email: slachtoffer, achternaam: 'Smit' }))).json()).toMatchObject({ bevestiging: false });
  });
});

describe('beveiligingsheaders op elk antwoord van de functie', () => {
  test.each([
    ['JSON 200', () => alsJson(geldig), 'application/json'],
    ['HTML 422', () => alsFormulier({ ...geldig, email: 'fout' }), 'text/html'],
    ['303', () => alsFormulier(geldig), null],
    ['JSON 405', () => new Request('https://site.test/api/inschrijven', { headers: { accept: 'application/json' } }), 'application/json'],
  ])('%s', async (_naam, verzoek, type) => {
    const r = await handler()(verzoek());
    if (type) expect(r.headers.get('content-type')).toContain(type);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(r.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-inline/);
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
    const { melding } = (await r.json()) as { melding: string };
    // Words a person understands, no MIME types such as application/x-www-form-urlencoded.
    expect(melding).toContain('formulier op de pagina van de bijeenkomst');
    expect(melding).not.toMatch(/\b(application|multipart|text)\//);
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
      new Request('https://site.test/api/inschrijven', {
        method: 'POST',
        body: stroom,
        duplex: 'half',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
      } as RequestInit),
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
    // The way back to the event page is its link above the heading; the form is right here.
    expect(html).toContain('<p class="bovenkop"><a href="/bijeenkomsten/open/">');
    expect(html).not.toContain('terugknop');
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

describe('een concept in een voorbeeld van de site (deploy preview, branch deploy)', () => {
  // Only a preview's bundle holds drafts (netlify/functie-bouw.ts); its mail key may well be the real one.
  const open = testBijeenkomsten.get('open');
  if (!open) throw new Error('testhulp mist de bijeenkomst open');
  const metConcept = new Map([...testBijeenkomsten, ['concept', { ...open, titel: 'Titel concept', concept: true }]]);
  const concept = (env: Record<string, string>, extra: Partial<Afhankelijkheden> = {}) =>
    handler(env, { bijeenkomsten: async () => metConcept, ...extra });

  test.each([
    ['gebouwd als deploy preview', 'deploy-preview', {}],
    ['gebouwd als branch deploy', 'branch-deploy', {}],
    ['CONTEXT ook bij het verzoek', 'deploy-preview', { CONTEXT: 'deploy-preview' }],
    ['zelfs met de lokale schakelaar', 'deploy-preview', { INSCHRIJVING_LOKAAL: '1' }],
  ])('%s: 409 "dit is een voorbeeld", en niets bereikt de organisator', async (_, bouwContext, env) => {
    const r = await concept(env, { bouwContext })(alsJson({ ...geldig, bijeenkomst: 'concept' }));
    expect(r.status).toBe(409);
    const { ok, melding } = await r.json();
    expect(ok).toBe(false);
    expect(melding).toMatch(/^Dit is een voorbeeld van de site: de bijeenkomst is nog een concept\./);
    expect(melding).toContain('Er is niets verstuurd');
    expect(nep.verzoeken).toHaveLength(0);
    // The same preview signs up for a published event as the live site does.
    expect((await concept(env, { bouwContext })(alsJson(geldig))).status).toBe(200);
  });

  test('als pagina zonder JavaScript: dezelfde melding, in het Nederlands, met de weg terug naar de bijeenkomst', async () => {
    const r = await concept({ CONTEXT: 'deploy-preview' })(alsFormulier({ ...geldig, bijeenkomst: 'concept' }));
    expect(r.status).toBe(409);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const html = await r.text();
    expect(html).toContain('Dit is een voorbeeld van de site: de bijeenkomst is nog een concept.');
    expect(html).toContain('href="/bijeenkomsten/concept/');
    expect(nep.verzoeken).toHaveLength(0);
  });

  test('eerst de gewone controles: een fout in het formulier krijgt de gewone 422', async () => {
    const r = await concept({ CONTEXT: 'deploy-preview' })(alsJson({ ...geldig, bijeenkomst: 'concept', email: 'fout' }));
    expect(r.status).toBe(422);
  });

  test('lokaal (npm start): het concept gaat naar de outbox, zoals elke inschrijving daar', async () => {
    const map = await mkdtemp(join(tmpdir(), 'outbox-'));
    try {
      const env = { RESEND_API_KEY: '', MAIL_FROM: '', INSCHRIJVING_OUTBOX: map, INSCHRIJVING_LOKAAL: '1' };
      expect((await concept(env)(alsJson({ ...geldig, bijeenkomst: 'concept' }))).status).toBe(200);
      expect(await readdir(map)).toHaveLength(2);
    } finally {
      await rm(map, { recursive: true, force: true });
    }
  });
});

describe('de mail-API hapert', () => {
  test('500 en 502 worden opnieuw geprobeerd met dezelfde sleutel', async () => {
    nep.script.push(500, 502);
    const r = await handler()(alsJson(geldig));
    expect(r.status).toBe(200);
    const sleutels = nep.verzoeken.map((v) => v.headers['idempotency-key']);
    expect(sleutels).toHaveLength(3);
    expect(new Set(sleutels).size).toBe(1);
    expect(nep.verstuurd).toHaveLength(2);
  });

  test('een antwoord dat te laat komt voor een mail die wel is aangenomen: de herhaling stuurt niets dubbel', async () => {
    nep.script.push('verbreek-na');
    const r = await handler()(alsJson(geldig));
    expect(r.status).toBe(200);
    expect(nep.verzoeken).toHaveLength(2);
    expect(nep.verstuurd).toHaveLength(2);
  });

  test('een time-out wordt opnieuw geprobeerd met dezelfde sleutel', async () => {
    const { nep, h } = await opVirtueleTijd();
    // The first attempt hangs; its time-out passes without an answer.
    nep.script.push('hang');
    const r = await h(alsJson(geldig));
    expect(r.status).toBe(200);
    expect(nep.verzoeken).toHaveLength(2);
    expect(nep.verzoeken[0]!.headers['idempotency-key']).toBe(nep.verzoeken[1]!.headers['idempotency-key']);
    expect(nep.verstuurd).toHaveLength(2);
    expect(nep.verzoeken[1]!.opMs).toBeGreaterThanOrEqual(snel.pogingMs);
  });

  test('blijft de organisatormail mislukken: 502 met "niet ontvangen" en het adres van de organisator', async () => {
    nep.script.push(500, 503, 502, 500);
    const r = await handler()(alsJson(geldig));
    expect(r.status).toBe(502);
    const { ok, melding } = await r.json();
    expect(ok).toBe(false);
    expect(melding).toMatch(/Je inschrijving is niet ontvangen\./);
    expect(melding).toContain('organisator@vpng.nl');
    expect(nep.verzoeken).toHaveLength(3);
    expect(nep.verstuurd).toHaveLength(0);
    expect(logs.join('\n')).toMatch(/Organisatormail mislukt/);
  });

  test('een blijvende fout (422 van de API, ook voor de organisatormail alleen) wordt niet herhaald: 502', async () => {
    nep.script.push(422, 422);
    const r = await handler()(alsJson(geldig));
    expect(r.status).toBe(502);
    expect(nep.verzoeken).toHaveLength(2);
    expect(nep.verstuurd).toHaveLength(0);
  });

  test('502 zonder JavaScript: HTML-pagina met het formulier en alle waarden terug', async () => {
    nep.script.push(500, 500, 500);
    const r = await handler()(alsFormulier(geldig));
    expect(r.status).toBe(502);
    const html = await r.text();
    // The outcome's "niet" in bold, not in capitals.
    expect(html).toContain('Je inschrijving is <strong>niet</strong> ontvangen.');
    expect(html).toContain('value="Anna+vpng@Gemeente.NL"');
    expect(html).toContain('Ik neem &lt;b&gt;een&lt;/b&gt; collega mee</textarea>');
  });
});

describe('honeypot', () => {
  test('ingevuld: lijkt gelukt, er wordt niets verstuurd', async () => {
    const r = await handler()(alsJson({ ...geldig, website: 'https://spam.example' }));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true, status: 'ingeschreven', bedankt: '/bijeenkomsten/open/bedankt/', bevestiging: true });
    const r2 = await handler()(alsFormulier({ ...geldig, website: 'x' }));
    expect(r2.status).toBe(303);
    expect(nep.verzoeken).toHaveLength(0);
  });

  test('het veld van het formulier zelf (vangnet) ingevuld: net zo, gelukt en niets verstuurd', async () => {
    const r = await handler()(alsJson({ ...geldig, vangnet: 'iets' }));
    expect(await r.json()).toEqual({ ok: true, status: 'ingeschreven', bedankt: '/bijeenkomsten/open/bedankt/', bevestiging: true });
    const r2 = await handler()(alsFormulier({ ...geldig, vangnet: 'x' }));
    expect(r2.status).toBe(303);
    expect(nep.verzoeken).toHaveLength(0);
    expect(logs.join('\n')).toMatch(/honeypot ingevuld/);
  });

  test('leeg of alleen spaties: een gewone inschrijving', async () => {
    expect((await handler()(alsJson({ ...geldig, website: '', vangnet: '  ' }))).status).toBe(200);
    expect(nep.verstuurd).toHaveLength(2);
  });
});

describe('zonder mailsleutel', () => {
  let map: string;
  beforeEach(async () => {
    map = await mkdtemp(join(tmpdir(), 'outbox-'));
  });
  afterEach(() => rm(map, { recursive: true, force: true }));

  test('lokaal: beide mails als leesbaar bestand in de outbox', async () => {
    const h = handler({ RESEND_API_KEY: '', MAIL_FROM: '', INSCHRIJVING_OUTBOX: map, INSCHRIJVING_LOKAAL: '1' });
    const r = await h(alsJson(geldig));
    expect(r.status).toBe(200);
    const bestanden = (await readdir(map)).sort();
    expect(bestanden).toHaveLength(2);
    expect(bestanden.every((b) => /^inschrijving-beide-open-[0-9a-f]{40}\.(organisator|bevestiging)\.json$/.test(b))).toBe(true);
    const mails = await Promise.all(bestanden.map(async (b) => JSON.parse(await readFile(join(map, b), 'utf8'))));
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Bevestiging inschrijving: Titel open',
      'Inschrijving: Anna van der Berg, Gemeente Zwolle – Titel open',
    ]);
    const bevestiging = mails.find((m) => m.to === 'anna+vpng@gemeente.nl');
    expect(bevestiging.text).toContain('Beantwoord deze e-mail');
    expect(bevestiging.text).toContain('https://opgavegericht.example/bijeenkomsten/open.ics');
    expect(nep.verzoeken).toHaveLength(0);
    // A double submit writes nothing new, like Resend with the same key …
    await h(alsJson(geldig));
    expect(await readdir(map)).toHaveLength(2);
    // … and another sign-up from the same address is a new one.
    expect((await h(alsJson({ ...geldig, dieetwensen: 'geen noten' }))).status).toBe(200);
    expect(await readdir(map)).toHaveLength(4);
  });

  test('zonder CONTEXT en zonder lokale schakelaar (een server, geen npm start): 503, niets in de outbox', async () => {
    for (const env of [{}, { INSCHRIJVING_LOKAAL: 'ja' }]) {
      const r = await handler({ RESEND_API_KEY: '', INSCHRIJVING_OUTBOX: map, ...env })(alsJson(geldig));
      expect(r.status).toBe(503);
      expect((await r.json()).melding).toMatch(/Je inschrijving is niet ontvangen\..*organisator@vpng\.nl/);
    }
    expect(await readdir(map)).toEqual([]);
    expect(logs.join('\n')).toMatch(/RESEND_API_KEY ontbreekt/);
  });

  test('met een mailsleutel maar zonder MAIL_FROM, buiten lokaal: 503, geen afzender verzonnen', async () => {
    const r = await handler({ MAIL_FROM: '' })(alsJson(geldig));
    expect(r.status).toBe(503);
    expect(nep.verzoeken).toEqual([]);
  });

  test.each(['production', 'deploy-preview', 'branch-deploy'])(
    'op Netlify (%s): 503 en niets verstuurd, nooit een nepsucces, ook met de lokale schakelaar',
    async (context) => {
      const r = await handler({ RESEND_API_KEY: '', CONTEXT: context, INSCHRIJVING_OUTBOX: map, INSCHRIJVING_LOKAAL: '1' })(
        alsJson(geldig),
      );
      expect(r.status).toBe(503);
      const { melding } = await r.json();
      expect(melding).toMatch(/Je inschrijving is niet ontvangen\./);
      expect(melding).toContain('organisator@vpng.nl');
      expect(await readdir(map)).toHaveLength(0);
    },
  );
});

test('een ingeprikte Mailer krijgt de mails (voor tests en de benchmark)', async () => {
  const ontvangen: string[] = [];
  const mailer: Mailer = {
    verstuur: async (z) => {
      ontvangen.push(...z.mails.map((m) => m.soort));
      return { ok: true, ids: ['x', 'y'] };
    },
  };
  const r = await handler({}, { mailer })(alsJson(geldig));
  expect(r.status).toBe(200);
  expect(ontvangen).toEqual(['organisator', 'bevestiging']);
});

describe('geen mailrelais voor andermans tekst', () => {
  const lokaas = {
    ...geldig,
    email: 'wethouder@andere-gemeente.nl',
    voornaam: 'collega. LET OP: bevestig je plek binnen 24 uur via https://lokaas.example',
    opmerkingen: 'Betaal de deelnamekosten via https://lokaas.example/betaal',
  };

  test('de lokpost van de review: een Nederlandse fout bij de voornaam, en geen mail naar wie dan ook', async () => {
    const r = await handler()(alsJson(lokaas));
    expect(r.status).toBe(422);
    expect((await r.json()).fouten.voornaam).toMatch(/^Vul bij je voornaam alleen een naam in/);
    expect(nep.verzoeken).toHaveLength(0);
  });

  test('met een gewone naam gaat de lokaas-tekst alleen naar de organisator, niet naar het opgegeven adres', async () => {
    const r = await handler()(alsJson({ ...lokaas, voornaam: 'Anna' }));
    expect(r.status).toBe(200);
    const [organisator, bevestiging] = bezorgd();
    expect(organisator!.text).toContain('https://lokaas.example/betaal');
    expect(bevestiging!.to).toBe('wethouder@andere-gemeente.nl');
    expect(`${bevestiging!.text}${bevestiging!.html}`).not.toContain('lokaas');
    expect(bevestiging!.text).toContain('Beste Anna,');
    expect(bevestiging!.text).toContain('hebben we doorgestuurd');
  });

  test.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Origin van een andere site', { origin: 'https://aanvaller.example' }],
    ['Origin "null" (sandbox, omleiding)', { origin: 'null' }],
  ])('post van een andere site (%s): 403, en er gaat niets weg', async (_naam, headers) => {
    const r = await handler()(post(new URLSearchParams(geldig), { 'content-type': 'application/x-www-form-urlencoded', ...headers }));
    expect(r.status).toBe(403);
    const html = await r.text();
    expect(html).toContain('Inschrijven kan alleen via de website');
    expect(html).toContain('organisator@vpng.nl');
    const j = await handler()(post(JSON.stringify(geldig), { 'content-type': 'application/json', accept: 'application/json', ...headers }));
    expect(j.status).toBe(403);
    expect((await j.json()).melding).toMatch(/alleen met het formulier op deze website/);
    expect(nep.verzoeken).toHaveLength(0);
    expect(logs.join('\n')).toMatch(/post van een andere site/);
  });

  test.each([
    ['zelfde herkomst volgens de browser', { 'sec-fetch-site': 'same-origin', origin: 'https://site.test' }],
    ['Origin is het adres van de site', { origin: 'https://opgavegericht.example' }],
    ['Origin is de host van het verzoek (deploy-preview)', { origin: 'https://site.test' }],
    ['geen van beide headers (curl, een server)', {}],
  ])('wel: %s', async (_naam, headers) => {
    const r = await handler()(post(JSON.stringify(geldig), { 'content-type': 'application/json', accept: 'application/json', ...headers }));
    expect(r.status).toBe(200);
  });

  test('een regeleinde in een waarde kan geen logregel vervalsen, ook niet een Unicode-regeleinde of richtingsoverride', async () => {
    const r = await handler()(
      alsJson({ ...geldig, bijeenkomst: 'open"\nInschrijving\u2028gelukt\u2029voor\u0085iedereen\u202e', website: 'x' }),
    );
    expect(r.status).toBe(200);
    expect(logs).toHaveLength(1);
    expect(logs[0]).not.toMatch(/[\p{C}\u2028\u2029]/u);
    expect(logs[0]).toContain('"open\\"\\nInschrijving\\u2028gelukt\\u2029voor\\u0085iedereen\\u202e"');
  });

  test('een post van een andere site: Origin en Sec-Fetch-Site komen ontsnapt in de log', async () => {
    const r = await handler()(
      post(JSON.stringify(geldig), {
        'content-type': 'application/json',
        origin: 'https://kwaad.example\u0085x\u009b',
        'sec-fetch-site': 'cross-site',
      }),
    );
    expect(r.status).toBe(403);
    expect(logs.join('')).not.toMatch(/[\p{C}\u2028\u2029]/u);
  });
});

describe('de pagina’s van de functie staan in de opmaak van de site', () => {
  const stijl = 'body{color:#1b1b1b}';
  const sjabloon = leesSjabloon(
    `<!doctype html><html lang="nl"><head><title>${TITEL_MARKER} – Opgavegericht besturen</title><meta property="og:title" content="${TITEL_MARKER}"><style>${stijl}</style><link rel="icon" href="/favicon.svg"></head><body><header>Kop van de site</header><main>${INHOUD_MARKER}</main><footer>Voet van de site</footer></body></html>`,
  );

  test('kop, voet en favicon van de site; de titel zegt wat er is, ge-escapet', async () => {
    const r = await handler({}, { sjabloon })(alsFormulier({ ...geldig, email: 'fout' }));
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('<header>Kop van de site</header>');
    expect(html).toContain('<footer>Voet van de site</footer>');
    expect(html).toContain('<link rel="icon" href="/favicon.svg">');
    expect(html).toContain('<title>Controleer je inschrijving – Titel open – Opgavegericht besturen</title>');
    expect(html).toContain('content="Controleer je inschrijving – Titel open"');
    expect(html).not.toContain(TITEL_MARKER);
    expect(html).toMatch(/<main><p class="bovenkop">.*<h1>Controleer je inschrijving<\/h1><form /);
    // The error summary takes focus on load, as markup (no string patching of the form).
    expect(html).toMatch(/data-foutoverzicht autofocus/);
  });

  test('de CSP laat precies de stijlen van het sjabloon toe, en geen script', async () => {
    const r = await handler({}, { sjabloon })(alsFormulier({ ...geldig, email: 'fout' }));
    const { createHash } = await import('node:crypto');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`style-src 'self' 'sha256-${createHash('sha256').update(stijl).digest('base64')}'`);
    expect(csp).toContain("script-src 'self';");
  });

  test('een sjabloon zonder markering wordt geweigerd', () => {
    expect(() => leesSjabloon('<html><title>x</title><main></main></html>')).toThrow(/precies één keer/);
  });
});

import { describe, expect, test } from 'vitest';
import { alsFormulier, alsJson, geldig, NU, opnemendeMailer, post, testBijeenkomsten } from '../../../testhulp/inschrijving.ts';
import type { Fouten } from './aanmelding.ts';
import { maakInschrijfHandler } from './handler.ts';

/**
 * Hostile and broken requests through the real handler. Every row must get the
 * contract's status, a Dutch message, and must not make the handler send any mail.
 */

function handler(nu: Date = NU) {
  const mailer = opnemendeMailer();
  const h = maakInschrijfHandler({
    // Locally, as `npm start` runs it: a made-up sender and the public test secret are allowed.
    env: (naam) => (naam === 'INSCHRIJVING_LOKAAL' ? '1' : undefined),
    site: 'https://site.test',
    nu: () => nu,
    bijeenkomsten: async () => testBijeenkomsten,
    mailer,
    log: () => {},
  });
  return { h, mailer };
}

/** Dutch by content: not empty, none of zod's English defaults, and some everyday Dutch words. */
function isNederlands(tekst: unknown): boolean {
  if (typeof tekst !== 'string' || tekst.trim() === '') return false;
  if (/invalid|expected|received|required|too (big|small)|must|string|undefined/i.test(tekst)) return false;
  return /\b(je|de|het|een|of|in|geen|vul|kies|gebruik|niet|bij|alleen|leeg|ten hoogste|probeer|bestaat|inschrijving|inschrijven|bijeenkomst|deze|naar|vragen)\b/i.test(
    tekst,
  );
}

type Velden = Record<string, unknown>;
interface Rij {
  naam: string;
  verzoek: () => Request;
  status: number;
  /** For 422: the field that must carry the message. */
  veld?: string;
  nu?: Date;
}

const RAW = 'https://site.test/api/inschrijven';
const json =
  (extra: Velden, zonder: string[] = []): (() => Request) =>
  () => {
    const v: Velden = { ...geldig, ...extra };
    for (const z of zonder) delete v[z];
    return alsJson(v);
  };
/** The form body as the browser script sends it: form encoding, JSON answer wanted. */
const formJs =
  (extra: Record<string, string>, zonder: string[] = []): (() => Request) =>
  () => {
    const v: Record<string, string> = { ...geldig, ...extra };
    for (const z of zonder) delete v[z];
    return post(new URLSearchParams(v), { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' });
  };
const ruw =
  (body: string | Uint8Array<ArrayBuffer>, type: string | undefined): (() => Request) =>
  () =>
    new Request(RAW, {
      method: 'POST',
      body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
      headers: { accept: 'application/json', ...(type ? { 'content-type': type } : {}) },
    });

const rijen: Rij[] = [];
const fout = (naam: string, verzoek: () => Request, veld: string) => rijen.push({ naam, verzoek, status: 422, veld });

// Header injection: control characters in every single-line field, as JSON and as a form.
const injecties: [string, string][] = [
  ['CRLF', '\r\nBcc: iedereen@example.com'],
  ['LF', '\nSubject: gratis'],
  ['CR', '\rX-Extra: 1'],
  ['NUL', '\u0000'],
];
const waardeVoor = (veld: string, staart: string) =>
  veld === 'email' ? `anna@gemeente.nl${staart}` : veld === 'telefoon' ? `038 123${staart}` : `Anna${staart}`;
for (const veld of ['voornaam', 'achternaam', 'email', 'organisatie', 'tussenvoegsel', 'telefoon']) {
  for (const [soort, staart] of injecties) {
    fout(`JSON ${soort} in ${veld}`, json({ [veld]: waardeVoor(veld, staart) }), veld);
    fout(`formulier ${soort} in ${veld}`, formJs({ [veld]: waardeVoor(veld, staart) }), veld);
  }
}
// Which function (with `anders`): a single line as well.
for (const [soort, staart] of injecties) {
  fout(
    `JSON ${soort} in functieomschrijving`,
    json({ functie: 'anders', functieomschrijving: `Adviseur${staart}` }),
    'functieomschrijving',
  );
  fout(
    `formulier ${soort} in functieomschrijving`,
    formJs({ functie: 'anders', functieomschrijving: `Adviseur${staart}` }),
    'functieomschrijving',
  );
}
fout('functieomschrijving te lang (101 tekens)', json({ functie: 'anders', functieomschrijving: 'f'.repeat(101) }), 'functieomschrijving');
fout('Unicode-regelscheiding U+2028 in achternaam', json({ achternaam: 'Berg\u2028Bcc: x@example.com' }), 'achternaam');
fout('NEL U+0085 in organisatie', formJs({ organisatie: 'Gemeente\u0085Zwolle' }), 'organisatie');

// HTML and script where no markup can be meant (free-text fields are covered by the escaping block).
fout('script als e-mailadres', json({ email: '<script>alert(1)</script>@gemeente.nl' }), 'email');
fout('img-tag in e-mailadres', formJs({ email: '"><img src=x onerror=alert(1)>@gemeente.nl' }), 'email');
fout('script in telefoon', json({ telefoon: '<script>alert(1)</script>' }), 'telefoon');
fout('script als functie', json({ functie: '<script>alert(1)</script>' }), 'functie');
fout('script als toestemming', formJs({ privacy: '<script>alert(1)</script>' }), 'privacy');
rijen.push({ naam: 'script als bijeenkomst', verzoek: json({ bijeenkomst: '<script>alert(1)</script>' }), status: 404 });
rijen.push({ naam: 'padtraversal als bijeenkomst', verzoek: formJs({ bijeenkomst: '../../etc/passwd' }), status: 404 });

// Every field one over its maximum, and bodies over 16 kB.
const nfd = 'e\u0301';
const teLang: [string, string][] = [
  ['bijeenkomst', 'o'.repeat(201)],
  ['voornaam', 'a'.repeat(101)],
  ['achternaam', 'b'.repeat(101)],
  ['tussenvoegsel', 'v'.repeat(21)],
  ['organisatie', 'g'.repeat(201)],
  ['email', `${'a'.repeat(64)}@${'b'.repeat(62)}.${'c'.repeat(62)}.${'d'.repeat(62)}.nl`],
  ['telefoon', '0'.repeat(31)],
  ['dieetwensen', 'd'.repeat(501)],
  ['opmerkingen', 'o'.repeat(2001)],
];
for (const [veld, waarde] of teLang) {
  fout(`${veld} te lang (${waarde.length} tekens)`, json({ [veld]: waarde }), veld);
}
fout('voornaam van 101 tekens in NFD (202 code units)', json({ voornaam: nfd.repeat(101) }), 'voornaam');
const groot = { ...geldig, opmerkingen: 'x'.repeat(16 * 1024) };
rijen.push({ naam: 'JSON-body boven 16 kB', verzoek: () => alsJson(groot), status: 413 });
rijen.push({ naam: 'formulier-body boven 16 kB', verzoek: formJs({ opmerkingen: 'x'.repeat(16 * 1024) }), status: 413 });
rijen.push({
  naam: 'Content-Length belooft meer dan 16 kB',
  verzoek: () =>
    new Request(RAW, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': String(20 * 1024) },
    }),
  status: 413,
});
// Multipart bytes made up front: a FormData body stream of Node's fetch throws when the
// reader stops early, which a network body does not.
const form = new FormData();
for (const [k, v] of Object.entries(geldig)) form.append(k, v);
form.append('bijlage', new Blob(['x'.repeat(17 * 1024)]), 'groot.txt');
const multipart = new Response(form);
const multipartType = multipart.headers.get('content-type')!;
const multipartBytes = new Uint8Array(await multipart.arrayBuffer());
rijen.push({ naam: 'multipart boven 16 kB', verzoek: ruw(multipartBytes, multipartType), status: 413 });

// Wrong JSON types and arrays for every field.
const velden = [
  'bijeenkomst',
  'voornaam',
  'tussenvoegsel',
  'achternaam',
  'email',
  'organisatie',
  'functie',
  'telefoon',
  'dieetwensen',
  'opmerkingen',
  'privacy',
] as const;
for (const veld of velden) {
  const goed = geldig[veld as keyof typeof geldig];
  const soorten: [string, unknown][] = [
    ['getal', 42],
    ['boolean', veld !== 'privacy'],
    ['object', { waarde: goed }],
    ['array', [goed]],
    ['null', null],
  ];
  for (const [soort, waarde] of soorten) fout(`${veld} als ${soort}`, json({ [veld]: waarde }), veld);
}
fout('website (honeypot) als getal', json({ website: 1 }), 'website');

// Unicode edge cases.
fout('alleen een zero-width space als voornaam', json({ voornaam: '\u200b' }), 'voornaam');
fout('BOM in achternaam', json({ achternaam: 'Be\ufeffrg' }), 'achternaam');
fout('RTL-override in voornaam', json({ voornaam: 'Anna\u202egreB' }), 'voornaam');
fout('RTL-isolaat in organisatie', formJs({ organisatie: 'Gemeente \u2067Zwolle\u2069' }), 'organisatie');
fout('losse hoge surrogaat in achternaam', json({ achternaam: 'Berg\ud800' }), 'achternaam');
fout('losse lage surrogaat in opmerkingen', json({ opmerkingen: 'Tot \udfff straks' }), 'opmerkingen');
fout('emoji in het lokale deel van het e-mailadres', json({ email: 'anna\u{1F600}@gemeente.nl' }), 'email');
fout('e-mailadres met NFD-accent', json({ email: `ren${nfd}@gemeente.nl` }), 'email');
fout(
  'overlong UTF-8 in JSON-voornaam',
  () => {
    const [voor, na] = JSON.stringify({ ...geldig, voornaam: 'A§' }).split('§') as [string, string];
    const enc = new TextEncoder();
    return ruw(new Uint8Array([...enc.encode(voor), 0xc0, 0xae, ...enc.encode(na)]), 'application/json')();
  },
  'voornaam',
);
fout(
  'overlong UTF-8 (%C0%80) in formulier-e-mail',
  () =>
    post(`${new URLSearchParams({ ...geldig, email: 'x' })}`.replace('email=x', 'email=anna%C0%80%40gemeente.nl'), {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    }),
  'email',
);
// Names: only what a name needs (the rules themselves are in aanmelding.test.ts).
fout('webadres met een lang topniveaudomein als achternaam', json({ achternaam: 'prijzen.amsterdam' }), 'achternaam');
fout('webadres met een Lisu-toonletter als punt in voornaam', formJs({ voornaam: 'evil\ua4f8com' }), 'voornaam');
fout('webadres van twee letters met een punt erachter', json({ voornaam: 't.co.' }), 'voornaam');
fout('koppeltekenketen voorbij de woordgrens in voornaam', json({ voornaam: 'klik-hier-en-bevestig-nu' }), 'voornaam');
fout('Zalgo-tekst in achternaam', json({ achternaam: `B${'\u0336\u0337\u0338'.repeat(10)}erg` }), 'achternaam');
fout('Mongoolse variatiekiezer in tussenvoegsel', json({ tussenvoegsel: 'van\u180bder' }), 'tussenvoegsel');
fout('Khmer-klinker U+17B5 achter een voornaam', formJs({ voornaam: 'Anna\u17b5' }), 'voornaam');
fout('voornaam van 16.000 letters, net onder de 16 kB', json({ voornaam: 'a'.repeat(16_000) }), 'voornaam');
fout('Arabisch-Indische cijfers in telefoon', json({ telefoon: '\u0660\u0663\u0668 \u0661\u0662\u0663' }), 'telefoon');
fout('breedbeeldcijfers in telefoon', json({ telefoon: '\uff10\uff13\uff18' }), 'telefoon');

// Content types the function does not read.
for (const type of ['text/plain', 'application/xml', 'text/html', 'application/jsonx', 'multipart/form-data']) {
  rijen.push({
    naam: `Content-Type ${type}`,
    verzoek: ruw(type === 'application/xml' ? '<inschrijving><voornaam>Anna</voornaam></inschrijving>' : JSON.stringify(geldig), type),
    status: 415,
  });
}
rijen.push({ naam: 'geen Content-Type', verzoek: ruw(JSON.stringify(geldig), undefined), status: 415 });

// Methods other than POST.
for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
  rijen.push({
    naam: `methode ${method}`,
    verzoek: () =>
      new Request(RAW, {
        method,
        headers: { accept: 'application/json' },
        ...(method === 'GET' || method === 'OPTIONS' ? {} : { body: JSON.stringify(geldig) }),
      }),
    status: 405,
  });
}

// Events that do not exist or take no sign-ups at this moment.
for (const slug of ['bestaat-niet', 'OPEN', 'open/', '__proto__', 'constructor']) {
  rijen.push({ naam: `onbekende bijeenkomst "${slug}"`, verzoek: json({ bijeenkomst: slug }), status: 404 });
}
for (const slug of ['dicht', 'termijn', 'vandaag', 'voorbij']) {
  rijen.push({ naam: `bijeenkomst "${slug}" neemt geen inschrijvingen aan`, verzoek: json({ bijeenkomst: slug }), status: 409 });
}
rijen.push({
  naam: 'open bijeenkomst, maar de klok staat na afloop',
  verzoek: json({}),
  status: 409,
  nu: new Date('2027-11-05T12:00:00Z'),
});

// Consent.
fout('privacy ontbreekt (JSON)', json({}, ['privacy']), 'privacy');
fout('privacy ontbreekt (formulier)', formJs({}, ['privacy']), 'privacy');
for (const waarde of ['nee', 'false', false, 0, '', 'On', 'yes']) {
  fout(`privacy = ${JSON.stringify(waarde)}`, json({ privacy: waarde }), 'privacy');
}

// Functie.
for (const waarde of ['burgemeester', 'Wethouder', '', ' wethouder']) fout(`functie = "${waarde}"`, json({ functie: waarde }), 'functie');

// Addresses that are no address, or more than one.
for (const email of [
  'anna',
  'anna@',
  '@gemeente.nl',
  'anna@gemeente',
  'anna@@gemeente.nl',
  'anna berg@gemeente.nl',
  '.anna@gemeente.nl',
  'anna..berg@gemeente.nl',
  'anna@-gemeente.nl',
  'anna@gemeente.nl, bob@example.com',
  'Anna <anna@gemeente.nl>',
  'anna@gemeente.nl>',
]) {
  fout(`e-mailadres "${email}"`, json({ email }), 'email');
}

// Bodies that are no sign-up at all.
for (const body of ['[]', 'null', '"inschrijving"', '{', ''])
  fout(`JSON-body ${JSON.stringify(body)}`, ruw(body, 'application/json'), 'voornaam');

test('de tabel is groot genoeg', () => {
  expect(rijen.length).toBeGreaterThanOrEqual(60);
  expect(new Set(rijen.map((r) => r.naam)).size).toBe(rijen.length);
});

describe('vijandige invoer: juiste status, Nederlandse melding, geen mail', () => {
  test.each(rijen.map((r) => [r.naam, r] as const))('%s', async (_naam, rij) => {
    const { h, mailer } = handler(rij.nu);
    const r = await h(rij.verzoek());
    expect(r.status).toBe(rij.status);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await r.json()) as { ok: boolean; melding?: string; fouten?: Fouten };
    expect(body.ok).toBe(false);
    if (rij.status === 422) {
      const melding = body.fouten?.[rij.veld as keyof Fouten];
      expect(melding, JSON.stringify(body.fouten)).toBeDefined();
      expect(isNederlands(melding), String(melding)).toBe(true);
      for (const m of Object.values(body.fouten ?? {})) expect(isNederlands(m), m).toBe(true);
    } else {
      expect(isNederlands(body.melding), String(body.melding)).toBe(true);
    }
    if (rij.status === 405) expect(r.headers.get('allow')).toBe('POST');
    expect(mailer.zendingen.flatMap((z) => z.mails)).toEqual([]);
  });
});

describe('zonder JavaScript: een Nederlandse HTML-foutpagina met dezelfde status', () => {
  const zonderJs: [string, () => Request, number, RegExp][] = [
    ['regeleinde in voornaam', () => alsFormulier({ ...geldig, voornaam: 'Anna\r\nBcc: x@example.com' }), 422, /regeleinden/],
    ['toestemming ontbreekt', () => alsFormulier({ ...geldig, privacy: 'nee' }), 422, /Geef toestemming/],
    ['onbekende bijeenkomst', () => alsFormulier({ ...geldig, bijeenkomst: '<script>alert(1)</script>' }), 404, /bestaat niet/],
    ['gesloten bijeenkomst', () => alsFormulier({ ...geldig, bijeenkomst: 'dicht' }), 409, /gesloten/],
    ['te groot', () => alsFormulier({ ...geldig, opmerkingen: 'x'.repeat(17 * 1024) }), 413, /te groot/],
    ['platte tekst', () => post('voornaam=Anna', { 'content-type': 'text/plain' }), 415, /formulier/],
    ['GET', () => new Request(RAW), 405, /formulier/],
  ];
  test.each(zonderJs)('%s', async (_naam, verzoek, status, melding) => {
    const { h, mailer } = handler();
    const r = await h(verzoek());
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const html = await r.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toMatch(melding);
    expect(html).not.toContain('<script>alert(1)</script>');
    if (status === 405) expect(r.headers.get('allow')).toBe('POST');
    expect(mailer.zendingen.flatMap((z) => z.mails)).toEqual([]);
  });
});

describe('markup in vrije tekst wordt aangenomen en in de mail ge-escapet', () => {
  const script = '<script>alert("x")</script>';
  test.each(['organisatie', 'dieetwensen', 'opmerkingen'])('%s', async (veld) => {
    const waarde = `A ${script} & <img src=x>`;
    const { h, mailer } = handler();
    const r = await h(alsJson({ ...geldig, [veld]: waarde }));
    expect(r.status).toBe(200);
    expect(mailer.zendingen.flatMap((z) => z.mails)).toHaveLength(2);
    for (const mail of mailer.zendingen.flatMap((z) => z.mails)) {
      expect(mail.html).not.toContain('<script');
      expect(mail.html).not.toContain('<img');
      expect(mail.html).not.toContain('<b>van');
    }
    const organisator = mailer.zendingen.flatMap((z) => z.mails).find((m): boolean => m.soort === 'organisator')!;
    expect(organisator.html).toContain('A &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x&gt;');
    expect(organisator.tekst).toContain(waarde);
  });

  test.each(['voornaam', 'achternaam', 'tussenvoegsel'])('maar niet in een naam: %s', async (veld) => {
    const { h, mailer } = handler();
    const r = await h(alsJson({ ...geldig, [veld]: '<b>van</b>' }));
    expect(r.status).toBe(422);
    expect((await r.json()).fouten[veld]).toMatch(/alleen letters/);
    expect(mailer.zendingen).toEqual([]);
  });
});

test('een naam in NFD telt per teken en komt als NFC in de mail', async () => {
  const { h, mailer } = handler();
  const r = await h(alsJson({ ...geldig, voornaam: `Ren${nfd}`, achternaam: nfd.repeat(100) }));
  expect(r.status).toBe(200);
  const organisator = mailer.zendingen.flatMap((z) => z.mails).find((m): boolean => m.soort === 'organisator')!;
  expect(organisator.onderwerp).toContain('René');
  expect(organisator.onderwerp).toContain('é'.repeat(100));
  expect(organisator.onderwerp).not.toContain(nfd);
});

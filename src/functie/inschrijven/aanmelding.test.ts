import { describe, expect, test } from 'vitest';
import { aanmeldingSchema, controleer, volledigeNaam } from './aanmelding.ts';

const geldig = {
  bijeenkomst: 'opgavegericht-besturen',
  voornaam: '  Anna ',
  achternaam: 'Berg',
  email: ' Anna.de.Vries+vpng@Gemeente-Zwolle.NL ',
  organisatie: 'Gemeente Zwolle',
  functie: 'opgavemanager',
  privacy: 'ja',
};

function fouten(invoer: object) {
  const r = controleer(invoer);
  return r.ok ? {} : r.fouten;
}

describe('aanmeldingSchema', () => {
  test('een geldige aanmelding: getrimd, domein van het e-mailadres in kleine letters, + toegestaan', () => {
    const r = controleer({ ...geldig, onbekendVeld: 'genegeerd' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.aanmelding.voornaam).toBe('Anna');
    expect(r.aanmelding.email).toBe('Anna.de.Vries+vpng@gemeente-zwolle.nl');
    expect(r.aanmelding).not.toHaveProperty('onbekendVeld');
  });

  test('functie “anders”: welke functie is optioneel, ten hoogste 100 tekens, één regel; bij een andere functie valt het weg', () => {
    const anders = controleer({ ...geldig, functie: 'anders', functieomschrijving: '  Beleidsadviseur  ' });
    expect(anders.ok && anders.aanmelding.functieomschrijving).toBe('Beleidsadviseur');
    const leeg = controleer({ ...geldig, functie: 'anders', functieomschrijving: '' });
    expect(leeg.ok && leeg.aanmelding).not.toHaveProperty('functieomschrijving');
    expect(fouten({ ...geldig, functie: 'anders', functieomschrijving: 'f'.repeat(100) })).toEqual({});
    expect(fouten({ ...geldig, functie: 'anders', functieomschrijving: 'f'.repeat(101) })).toEqual({
      functieomschrijving: 'Gebruik voor je functie ten hoogste 100 tekens',
    });
    expect(fouten({ ...geldig, functie: 'anders', functieomschrijving: 'Adviseur\nBcc: x' })).toEqual({
      functieomschrijving: 'Gebruik in je functie geen regeleinden, onzichtbare tekens of andere stuurtekens',
    });
    // Left behind after choosing another function (the field is hidden then): not checked, not kept.
    const wethouder = controleer({ ...geldig, functie: 'wethouder', functieomschrijving: 'f'.repeat(500) });
    expect(wethouder.ok && wethouder.aanmelding).not.toHaveProperty('functieomschrijving');
  });

  test('verplichte velden: één Nederlandse melding per ontbrekend veld', () => {
    expect(fouten({})).toEqual({
      bijeenkomst: 'Kies een bijeenkomst',
      voornaam: 'Vul je voornaam in',
      achternaam: 'Vul je achternaam in',
      email: 'Vul je e-mailadres in',
      organisatie: 'Vul je organisatie in',
      functie: 'Kies je functie',
      privacy: 'Geef toestemming voor het gebruik van je gegevens',
    });
    expect(fouten({ ...geldig, voornaam: '   ' })).toEqual({ voornaam: 'Vul je voornaam in' });
  });

  test('lengtes volgens het contract', () => {
    expect(
      fouten({
        ...geldig,
        voornaam: 'a'.repeat(100),
        tussenvoegsel: 'v'.repeat(20),
        organisatie: 'o'.repeat(200),
        dieetwensen: 'd'.repeat(500),
        opmerkingen: 'x'.repeat(2000),
      }),
    ).toEqual({});
    expect(
      Object.keys(
        fouten({
          ...geldig,
          voornaam: 'a'.repeat(101),
          achternaam: 'b'.repeat(101),
          tussenvoegsel: 'v'.repeat(21),
          organisatie: 'o'.repeat(201),
          dieetwensen: 'd'.repeat(501),
          opmerkingen: 'x'.repeat(2001),
        }),
      ).sort(),
    ).toEqual(['achternaam', 'dieetwensen', 'opmerkingen', 'organisatie', 'tussenvoegsel', 'voornaam']);
    const lang = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}.nl`;
    expect(lang.length).toBeGreaterThan(254);
    expect(fouten({ ...geldig, email: lang }).email).toMatch(/254/);
  });

  test('een te lang veld krijgt alleen de lengtemelding: de patronen erna lopen niet meer', () => {
    const teLang = {
      ...geldig,
      voornaam: `${'a'.repeat(16_000)}.com`,
      tussenvoegsel: `van${'\u0301'.repeat(50)}`,
      achternaam: `Berg\u0000${'b'.repeat(200)}`,
      email: `${'a'.repeat(300)}@`,
      telefoon: `${'0'.repeat(40)}x`,
      opmerkingen: `${'x'.repeat(3000)}\u0000`,
    };
    const r = aanmeldingSchema.safeParse(teLang);
    expect(r.success).toBe(false);
    const perVeld = new Map<PropertyKey, string[]>();
    for (const issue of r.error?.issues ?? []) perVeld.set(issue.path[0]!, [...(perVeld.get(issue.path[0]!) ?? []), issue.message]);
    expect(Object.fromEntries(perVeld)).toEqual({
      voornaam: ['Gebruik voor je voornaam ten hoogste 100 tekens'],
      tussenvoegsel: ['Gebruik voor het tussenvoegsel ten hoogste 20 tekens'],
      achternaam: ['Gebruik voor je achternaam ten hoogste 100 tekens'],
      email: ['Gebruik voor je e-mailadres ten hoogste 254 tekens'],
      telefoon: ['Gebruik voor je telefoonnummer ten hoogste 30 tekens'],
      opmerkingen: ['Gebruik voor opmerkingen ten hoogste 2000 tekens'],
    });
  });

  test.each(['geen-adres', 'a@b', 'twee@@gemeente.nl', 'met spatie@gemeente.nl'])('ongeldig e-mailadres: %s', (email) => {
    expect(fouten({ ...geldig, email }).email).toBe('Vul een geldig e-mailadres in, zoals naam@gemeente.nl');
  });

  test('functie is één van wethouder, opgavemanager, anders', () => {
    for (const functie of ['wethouder', 'opgavemanager', 'anders']) expect(fouten({ ...geldig, functie })).toEqual({});
    expect(fouten({ ...geldig, functie: 'burgemeester' })).toEqual({ functie: 'Kies je functie' });
  });

  test('telefoon: cijfers, spaties, + - ( ), ten hoogste 30 tekens', () => {
    expect(fouten({ ...geldig, telefoon: '+31 (0)38-123 45 67' })).toEqual({});
    expect(fouten({ ...geldig, telefoon: '038 123 45 67 of mail' }).telefoon).toMatch(/alleen cijfers/);
    expect(fouten({ ...geldig, telefoon: '1'.repeat(31) }).telefoon).toMatch(/30 tekens/);
  });

  test('toestemming: on, ja, true of JSON true; al het andere is een fout', () => {
    for (const privacy of ['on', 'ja', 'true', true]) expect(fouten({ ...geldig, privacy })).toEqual({});
    for (const privacy of [false, 'nee', '', 'false', 1]) expect(Object.keys(fouten({ ...geldig, privacy }))).toEqual(['privacy']);
  });

  test.each(['voornaam', 'tussenvoegsel', 'achternaam', 'organisatie', 'bijeenkomst'])(
    'stuurtekens in %s zijn een fout (geen header-injectie)',
    (veld) => {
      for (const teken of ['\r\n', '\n', '\u0000', '\t']) {
        expect(fouten({ ...geldig, [veld]: `Berg${teken}Bcc: x@example.com` })[veld as 'voornaam']).toBeTruthy();
      }
    },
  );

  test('regeleinden in opmerkingen en dieetwensen mogen wel', () => {
    expect(fouten({ ...geldig, opmerkingen: 'Regel 1\nRegel 2', dieetwensen: 'Vegetarisch\r\nGeen noten' })).toEqual({});
  });

  test('volledige naam met tussenvoegsel', () => {
    expect(volledigeNaam({ voornaam: 'Jan', tussenvoegsel: 'van der', achternaam: 'Berg' })).toBe('Jan van der Berg');
    expect(volledigeNaam({ voornaam: 'Jan', tussenvoegsel: '', achternaam: 'Berg' })).toBe('Jan Berg');
  });
});

describe('namen: wat Nederlandse namen nodig hebben, en geen boodschap', () => {
  const naamFout = (veld: 'voornaam' | 'achternaam' | 'tussenvoegsel', waarde: string) => fouten({ ...geldig, [veld]: waarde })[veld];

  test.each([
    ['voornaam', 'Anne-Marie'],
    ['voornaam', 'Renée'],
    ['voornaam', 'Zoë Ögül'],
    ['voornaam', 'J.P.'],
    ['voornaam', 'J. P.'],
    ['voornaam', 'Jan Willem Maria'],
    ['achternaam', "D'Hondt"],
    ['achternaam', 'O’Neill'],
    ['achternaam', 'Bosch van Drakestein'],
    ['achternaam', 'Ἀλέξανδρος'],
    ['tussenvoegsel', 'van der'],
    ['tussenvoegsel', "in 't"],
    ['voornaam', 'क्\u200dष'],
    ['voornaam', 'drs. Anna'],
    ['voornaam', 'Mr. drs. Jan'],
    ['voornaam', 'prof. dr. ir. A.J.M.'],
    ['voornaam', 'A.J.'],
    ['voornaam', 'IJ.'],
    ['achternaam', 'van den Berg - de Boer'],
    ['voornaam', 'Anne\u2010Marie'],
    ['voornaam', 'Zoë'],
    ['voornaam', 'Zoe\u0308'],
    ['achternaam', "D'Artagnan"],
    ['achternaam', 'Nʼdiaye'],
    ['voornaam', 'Ĳsbrand'],
    ['voornaam', 'IJsbrand'],
    ['achternaam', 'Çelik'],
    ['achternaam', 'Nguyễn'],
    ['voornaam', 'Øyvind'],
    ['tussenvoegsel', "'t"],
    ['achternaam', "'s-Gravesande"],
    ['voornaam', 'हिंदी'],
    ['achternaam', 'Aq\u0323\u0307'],
    ['voornaam', 'A\u0301\u0302\u0303nna'],
  ] as const)('%s "%s" mag', (veld, waarde) => {
    expect(naamFout(veld, waarde)).toBeUndefined();
  });

  test('twee spaties achter elkaar worden één', () => {
    const r = controleer({ ...geldig, voornaam: 'Anna  Maria', achternaam: 'Berg   -   de Boer' });
    expect(r.ok && [r.aanmelding.voornaam, r.aanmelding.achternaam]).toEqual(['Anna Maria', 'Berg - de Boer']);
  });

  test.each([
    ['voornaam', 'https://lokaas.example', /geen webadres/],
    ['voornaam', 'www.lokaas.nl', /geen webadres/],
    ['achternaam', 'vpng.nl', /geen webadres/],
    ['voornaam', 'anna@gemeente.nl', /geen e-mailadres/],
    ['voornaam', '12345', /geen cijfers/],
    ['achternaam', 'Berg 2', /geen cijfers/],
    ['voornaam', 'collega. Let op bevestig', /alleen na een voorletter of een titel \(zoals drs\.\)/],
    ['voornaam', 'beste collega bevestig je plek nu', /geen zin \(ten hoogste 4 woorden\)/],
    ['voornaam', 'Anna!', /alleen letters, spaties, koppeltekens/],
    ['voornaam', 'Let op: betalen', /alleen letters/],
    ['tussenvoegsel', '<b>van</b>', /alleen letters/],
    ['voornaam', '---', /met letters/],
    // Web addresses in every form that once got through: long top-level domains, a trailing
    // dot, two-letter hosts, and dots that are letters of another script.
    ['achternaam', 'prijzen.amsterdam', /geen webadres/],
    ['voornaam', 'evil.com.', /geen webadres/],
    ['voornaam', 't.co', /geen webadres/],
    ['voornaam', 'x.com', /geen webadres/],
    ['achternaam', 'Berg x.com', /geen webadres/],
    ['voornaam', 'evil\ua4f8com', /geen webadres/],
    ['voornaam', 'evil\u1427com', /geen webadres/],
    ['voornaam', 'evil\ua78fcom', /geen webadres/],
    ['voornaam', 'evil\u3002com', /geen webadres/],
    ['voornaam', 'evil\uff0ecom', /geen webadres/],
    ['voornaam', 'A\ua4f8', /een gewone punt/],
    ['achternaam', 'Berg \u1427', /een gewone punt/],
    // Hyphenated parts are words: a hyphen chain is no way around the word limit.
    ['voornaam', 'beste-collega-bevestig-je-plek', /geen zin \(ten hoogste 4 woorden\)/],
    ['achternaam', 'klik-hier-en-bevestig-je-plek-nu', /geen zin \(ten hoogste 5 woorden\)/],
    ['tussenvoegsel', 'van-der-de-la', /geen zin \(ten hoogste 3 woorden\)/],
    // Combining marks: on a letter, at most two after NFC (Zalgo text stacks dozens).
    // Á is one letter after NFC, with two marks left on it (allowed above); a third is one too many.
    ['voornaam', 'A\u0301\u0302\u0303\u0304nna', /ten hoogste twee accenten op één letter/],
    ['achternaam', `Z${'\u0351\u0352\u0353\u0354\u0355'.repeat(4)}algo`, /ten hoogste twee accenten/],
    ['voornaam', '\u0301Anna', /accent .*op een letter/],
    ['achternaam', 'van \u0308Berg', /accent .*op een letter/],
    // A full stop only after an initial or a title.
    ['voornaam', 'Anna.', /alleen na een voorletter of een titel/],
    ['voornaam', 'St. Jan', /alleen na een voorletter of een titel/],
    ['voornaam', '.Anna', /alleen na een voorletter of een titel/],
    ['voornaam', 'A..', /alleen na een voorletter of een titel/],
    ['voornaam', 'A. .', /alleen na een voorletter of een titel/],
    // Hyphens between two words, or with a space on both sides.
    ['voornaam', '-Anna', /koppelteken .*tussen twee woorden/],
    ['voornaam', 'Anna-', /koppelteken/],
    ['voornaam', 'Anne--Marie', /koppelteken/],
    ['voornaam', 'Anne -Marie', /koppelteken/],
    ['achternaam', 'Berg - - Boer', /koppelteken/],
    ['achternaam', 'A.-Berg', /koppelteken/],
    // Apostrophes between two letters, or in 't and 's.
    ['achternaam', "Berg'", /apostrof .*tussen twee letters/],
    ['achternaam', "'Berg", /apostrof/],
    ['achternaam', "D' Artagnan", /apostrof/],
    ['achternaam', "D''Artagnan", /apostrof/],
    ['tussenvoegsel', "'n", /apostrof/],
  ] as const)('%s "%s" niet', (veld, waarde, melding) => {
    expect(naamFout(veld, waarde)).toMatch(melding);
  });
});

describe('onzichtbare tekens en stuurtekens, in elk veld', () => {
  const enkelregelig = ['voornaam', 'tussenvoegsel', 'achternaam', 'organisatie'] as const;
  const vrij = ['dieetwensen', 'opmerkingen'] as const;
  const tekens: [string, string][] = [
    ['Hangul-vulteken U+3164', '\u3164'],
    ['Braille-spatie U+2800', '\u2800'],
    ['tag-teken U+E0041', '\u{E0041}'],
    ['LRM', '\u200e'],
    ['RLM', '\u200f'],
    ['ALM', '\u061c'],
    ['zacht afbreekstreepje', '\u00ad'],
    ['grafeemverbinder U+034F', '\u034f'],
    ['Mongoolse klinkerscheider U+180E', '\u180e'],
    ['variatiekiezer U+FE0F', '\ufe0f'],
    ['RLO U+202E', '\u202e'],
    ['NUL', '\u0000'],
    ['ESC', '\u001b'],
    ['losse CR', '\r'],
    ['zero-width space', '\u200b'],
    ['Khmer-klinker U+17B4', '\u17b4'],
    ['Khmer-klinker U+17B5', '\u17b5'],
    ['Mongoolse variatiekiezer U+180B', '\u180b'],
    ['Mongoolse variatiekiezer U+180C', '\u180c'],
    ['Mongoolse variatiekiezer U+180D', '\u180d'],
    ['Mongoolse variatiekiezer U+180F', '\u180f'],
  ];

  test.each(tekens)('%s: geweigerd in elk veld', (_naam, teken) => {
    for (const veld of [...enkelregelig, ...vrij]) {
      const waarde = veld === 'tussenvoegsel' ? `van${teken}der` : `Anna${teken}Berg`;
      expect(fouten({ ...geldig, [veld]: waarde })[veld], `${veld}`).toMatch(/onzichtbare tekens|stuurtekens/);
    }
  });

  test("een naam van alleen Hangul- of Braille-blanco's is geen naam", () => {
    expect(fouten({ ...geldig, voornaam: '\u3164\u3164' }).voornaam).toBeDefined();
    expect(fouten({ ...geldig, achternaam: '\u2800' }).achternaam).toBeDefined();
  });

  test('ZWJ en ZWNJ mogen binnen een naam, niet in vrije tekst of aan de rand van een naam', () => {
    expect(fouten({ ...geldig, voornaam: 'می\u200cخواهم' })).toEqual({});
    expect(fouten({ ...geldig, voornaam: '\u200dAnna' }).voornaam).toBeDefined();
    expect(fouten({ ...geldig, opmerkingen: 'a\u200db' }).opmerkingen).toBeDefined();
  });

  test('vrije tekst houdt regeleinden en tabs; CR LF uit een formulier wordt één regeleinde', () => {
    const r = controleer({ ...geldig, opmerkingen: 'regel 1\r\nregel 2\n\tingesprongen' });
    expect(r.ok && r.aanmelding.opmerkingen).toBe('regel 1\nregel 2\n\tingesprongen');
  });
});

import { describe, expect, test } from 'vitest';
import { htmlTekst, jaarZonderMarkering, zonderAdressen } from '../../../testhulp/onbevestigd.ts';
import { bijeenkomstSchema } from '../../bijeenkomst/schema.ts';
import { type Aanmelding, controleer } from './aanmelding.ts';
import { bevestigingsMail, inschrijfZending, type MailContext, organisatorMail, organisatorZending } from './mails.ts';

function aanmelding(extra: object = {}): Aanmelding {
  const r = controleer({
    bijeenkomst: 'opgavegericht-besturen',
    voornaam: 'Anna',
    tussenvoegsel: 'de',
    achternaam: 'Vries',
    email: 'anna@zwolle.nl',
    organisatie: 'Gemeente "Zwolle" & <Zn>',
    functie: 'wethouder',
    opmerkingen: '<script>alert(1)</script>\nTweede regel',
    privacy: true,
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.fouten));
  return r.aanmelding;
}

const bijeenkomst = bijeenkomstSchema.parse({
  titel: 'Opgavegericht besturen',
  samenvatting: 'Een sessie.',
  datum: '2027-11-04',
  organisatoren: ['VPNG', 'Wethoudersvereniging'],
  doelgroep: 'Wethouders',
  contact: 't.routers@vpng.nl',
  inschrijving: { status: 'open' },
});

const context = (extra: Partial<MailContext> = {}): MailContext => ({
  slug: 'opgavegericht-besturen',
  bijeenkomst,
  aanmelding: aanmelding(),
  wachtlijst: false,
  organisator: 't.routers@vpng.nl',
  van: 'VPNG <inschrijving@vpng.nl>',
  paginaUrl: 'https://example.nl/bijeenkomsten/opgavegericht-besturen/',
  kalenderUrl: 'https://example.nl/bijeenkomsten/opgavegericht-besturen.ics',
  privacyUrl: 'https://example.nl/privacy/',
  ...extra,
});

describe('organisatormail', () => {
  test('aan de organisator, antwoorden naar de deelnemer, onderwerp met titel en volledige naam', () => {
    const m = organisatorMail(context(), { bevestiging: 'mee' });
    expect(m).toMatchObject({ aan: 't.routers@vpng.nl', antwoordAan: 'anna@zwolle.nl', van: 'VPNG <inschrijving@vpng.nl>' });
    expect(m.onderwerp).toBe('Inschrijving: Opgavegericht besturen – Anna de Vries');
    for (const waarde of ['anna@zwolle.nl', 'Gemeente "Zwolle" & <Zn>', 'Wethouder', '<script>alert(1)</script>'])
      expect(m.tekst).toContain(waarde);
  });

  test('elke waarde is in de HTML ge-escapet', () => {
    const { html } = organisatorMail(context(), { bevestiging: 'mee' });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br>Tweede regel');
    expect(html).toContain('Gemeente &quot;Zwolle&quot; &amp; &lt;Zn&gt;');
    expect(html).not.toMatch(/<script>|<Zn>/);
  });

  test('wachtlijst: voorvoegsel Wachtlijst:', () => {
    expect(organisatorMail(context({ wachtlijst: true }), { bevestiging: 'mee' }).onderwerp).toBe(
      'Wachtlijst: Opgavegericht besturen – Anna de Vries',
    );
  });

  test('een onderwerp is altijd één regel, ook als de titel een regeleinde bevat', () => {
    const m = organisatorMail(context({ bijeenkomst: { ...bijeenkomst, titel: 'Titel\r\nBcc: x@example.com' } }), { bevestiging: 'mee' });
    expect(m.onderwerp).not.toMatch(/[\r\n]/);
    expect(m.onderwerp).toBe('Inschrijving: Titel Bcc: x@example.com – Anna de Vries');
  });
});

describe('bevestiging', () => {
  test('aan de deelnemer; datum, tijd en plaats ("volgt"), wat er nu gebeurt, afmelden door te antwoorden', () => {
    const m = bevestigingsMail(context());
    expect(m).toMatchObject({ aan: 'anna@zwolle.nl', antwoordAan: 't.routers@vpng.nl' });
    expect(m.onderwerp).toBe('Bevestiging inschrijving: Opgavegericht besturen');
    expect(m.tekst).toContain('Datum: donderdag 4 november 2027');
    expect(m.tekst).toContain('Tijd: volgt');
    expect(m.tekst).toContain('Locatie: volgt');
    // The event is organised together; the mail itself comes from the VPNG. "Organisatie" is the person's employer.
    expect(m.tekst).toContain('Georganiseerd door: VPNG en Wethoudersvereniging');
    expect(m.tekst).toMatch(/Met vriendelijke groet,\nVPNG\n$/);
    expect(m.tekst).toContain('Wat gebeurt er nu?');
    expect(m.tekst).toContain('Afmelden of iets wijzigen?\n--------------------------\nBeantwoord deze e-mail');
    expect(m.tekst).toContain('Zet de bijeenkomst in je agenda (.ics): https://example.nl/bijeenkomsten/opgavegericht-besturen.ics');
    expect(m.html).toContain(
      '<a href="https://example.nl/bijeenkomsten/opgavegericht-besturen.ics" style="color:#0b57a4">Zet de bijeenkomst in je agenda (.ics)</a>',
    );
    expect(m.html).toContain('<a href="https://example.nl/bijeenkomsten/opgavegericht-besturen/" style=');
  });

  test('met bekende tijd en plaats staan die erin', () => {
    const m = bevestigingsMail(
      context({ bijeenkomst: { ...bijeenkomst, begintijd: '13:30', eindtijd: '17:00', locatie: { naam: 'Stadhuis', plaats: 'Zwolle' } } }),
    );
    expect(m.tekst).toContain('Tijd: 13.30–17.00 uur');
    expect(m.tekst).toContain('Locatie: Stadhuis, Zwolle');
  });

  test('wachtlijst: onderwerp begint met Wachtlijst: en de tekst zegt dat een plek niet zeker is', () => {
    const m = bevestigingsMail(context({ wachtlijst: true }));
    expect(m.onderwerp).toBe('Wachtlijst: Opgavegericht besturen');
    expect(m.tekst).toMatch(/wachtlijst/);
    expect(m.tekst).toMatch(/nog niet zeker van een plek/);
  });
});

describe('de bevestiging kan iedereen bereiken: ze herhaalt alleen wat geen boodschap kan dragen', () => {
  test('naam, adres en functie wel; organisatie, telefoon, dieetwensen en opmerkingen niet', () => {
    const a = aanmelding({
      organisatie: 'LET OP: betaal binnen 24 uur',
      telefoon: '0900 1234567',
      dieetwensen: 'Betaal via de link',
      opmerkingen: 'Bevestig je plek: https://lokaas.example/betaal',
    });
    const m = bevestigingsMail(context({ aanmelding: a }));
    expect(m.tekst).toContain('Beste Anna,');
    expect(m.tekst).toContain('Naam: Anna de Vries');
    expect(m.tekst).toContain('E-mailadres: anna@zwolle.nl');
    expect(m.tekst).toContain('Functie: Wethouder');
    expect(m.tekst).toContain('Je organisatie, telefoonnummer, dieetwensen en opmerkingen hebben we doorgestuurd naar de organisator.');
    for (const vreemd of ['LET OP', '0900', 'Betaal', 'lokaas']) {
      expect(m.tekst).not.toContain(vreemd);
      expect(m.html).not.toContain(vreemd);
    }
    // The organiser gets all of it.
    const o = organisatorMail(context({ aanmelding: a }), { bevestiging: 'mee' });
    for (const alles of ['LET OP', '0900 1234567', 'Betaal via de link', 'https://lokaas.example/betaal']) expect(o.tekst).toContain(alles);
  });
});

describe('de bevestiging zegt alleen wat waar is', () => {
  test('de site weet dat de mail aan de organisator is verstuurd, niet dat hij is ontvangen', () => {
    const m = bevestigingsMail(context());
    expect(m.tekst).not.toMatch(/ontvangen/);
    expect(m.tekst).toContain('We hebben je inschrijving per e-mail naar de organisator gestuurd (t.routers@vpng.nl).');
  });

  test('doorgestuurd: alleen de velden die je invulde', () => {
    const leeg = aanmelding({ opmerkingen: undefined });
    expect(bevestigingsMail(context({ aanmelding: leeg })).tekst).toContain('Je organisatie hebben we doorgestuurd naar de organisator.');
    const twee = aanmelding({ opmerkingen: undefined, dieetwensen: 'Vegetarisch' });
    expect(bevestigingsMail(context({ aanmelding: twee })).tekst).toContain(
      'Je organisatie en dieetwensen hebben we doorgestuurd naar de organisator.',
    );
    const alles = aanmelding({ telefoon: '06 12345678', dieetwensen: 'Vegetarisch' });
    expect(bevestigingsMail(context({ aanmelding: alles })).tekst).toContain(
      'Je organisatie, telefoonnummer, dieetwensen en opmerkingen hebben we doorgestuurd naar de organisator.',
    );
  });

  test('een jaar dat nog niet vaststaat: in beide mails, tekst en HTML, staat het jaar nooit zonder markering', () => {
    const onzeker = { ...bijeenkomst, onbevestigd: ['jaar' as const] };
    const { mails } = inschrijfZending(context({ bijeenkomst: onzeker }));
    const alleen = organisatorZending(context({ bijeenkomst: onzeker }), 'limiet').mails;
    expect(mails).toHaveLength(2);
    for (const m of [...mails, ...alleen]) {
      for (const tekst of [m.onderwerp, zonderAdressen(m.tekst), htmlTekst(m.html)]) expect(jaarZonderMarkering(tekst, '2027')).toEqual([]);
      expect(m.tekst).toContain('4 november 2027 (jaar nog te bevestigen)');
    }
    expect(mails[1]!.tekst).toContain('Datum: 4 november 2027 (jaar nog te bevestigen)');
    expect(mails[0]!.tekst).toContain('2027-11-04 (jaar nog te bevestigen)');
  });
});

describe('organisatormail zegt wat er met de bevestiging gebeurde', () => {
  test('samen verstuurd, of de bevestiging kon niet mee', () => {
    expect(organisatorMail(context(), { bevestiging: 'mee' }).tekst).toContain(
      'Tegelijk met deze mail is een bevestiging naar anna@zwolle.nl verstuurd.',
    );
    expect(organisatorMail(context(), { bevestiging: 'geweigerd' }).tekst).toMatch(/bevestiging aan Anna kon niet worden verstuurd/);
  });

  test('niet verstuurd omdat er dit uur al drie naar dat adres gingen: zegt dat, en dat het misbruik kan zijn', () => {
    const tekst = organisatorMail(context(), { bevestiging: 'limiet' }).tekst;
    expect(tekst).toContain(
      'Er is geen bevestiging naar anna@zwolle.nl gestuurd: in het afgelopen uur gingen er al 3 bevestigingen naar dit adres.',
    );
    expect(tekst).toMatch(/iedereen kan elk adres invullen/);
    expect(organisatorZending(context(), 'limiet').sleutel).not.toBe(organisatorZending(context(), 'geweigerd').sleutel);
  });
});

describe('idempotentiesleutel', () => {
  const sleutel = (extra: object = {}, c: Partial<MailContext> = {}) =>
    inschrijfZending(context({ aanmelding: aanmelding(extra), ...c })).sleutel;

  test('dezelfde inschrijving (ook met andere spaties): dezelfde sleutel; elke mail voor die sleutel is gelijk', () => {
    expect(sleutel()).toBe(sleutel({ voornaam: '  Anna ', email: ' anna@zwolle.nl ' }));
    expect(inschrijfZending(context()).mails).toEqual(inschrijfZending(context()).mails);
  });

  test('elke andere inschrijving vanaf hetzelfde adres: een andere sleutel', () => {
    const basis = sleutel();
    for (const anders of [
      { voornaam: 'Bram' },
      { achternaam: 'Smit' },
      { tussenvoegsel: 'van' },
      { organisatie: 'Provincie' },
      { functie: 'anders' },
      { telefoon: '038 1' },
      { dieetwensen: 'vegetarisch' },
      { opmerkingen: 'x' },
    ]) {
      expect(sleutel(anders), JSON.stringify(anders)).not.toBe(basis);
    }
    expect(sleutel({}, { wachtlijst: true })).not.toBe(basis);
    expect(sleutel({}, { slug: 'andere' })).not.toBe(basis);
  });

  test('de organisatormail alleen heeft een eigen sleutel; sleutels passen in Resends 256 tekens', () => {
    expect(organisatorZending(context(), 'geweigerd').sleutel).not.toBe(sleutel());
    expect(inschrijfZending(context({ slug: 'x'.repeat(200) })).sleutel.length).toBeLessThanOrEqual(256);
  });
});

describe('mails die een organisator kan gebruiken', () => {
  test('de organisatormail draagt de inschrijving ook als één spreadsheetrij met kopregel', () => {
    const m = organisatorMail(context({ aanmelding: aanmelding({ opmerkingen: '=HYPERLINK("x")\tmet tab', telefoon: '038 123' }) }), {
      bevestiging: 'mee',
    });
    const blok = m.tekst.split('Voor de deelnemerslijst (plak in een spreadsheet)\n')[1]!.split('\n').slice(1, 3);
    const [kop, rij] = blok.map((r) => r.split('\t'));
    expect(kop).toEqual([
      'Bijeenkomst',
      'Datum',
      'Status',
      'Voornaam',
      'Tussenvoegsel',
      'Achternaam',
      'E-mailadres',
      'Organisatie',
      'Functie',
      'Telefoonnummer',
      'Dieetwensen',
      'Opmerkingen',
    ]);
    expect(rij).toEqual([
      'Opgavegericht besturen',
      '2027-11-04',
      'ingeschreven',
      'Anna',
      'de',
      'Vries',
      'anna@zwolle.nl',
      'Gemeente "Zwolle" & <Zn>',
      'Wethouder',
      '038 123',
      '',
      `'=HYPERLINK("x") met tab`,
    ]);
    // In HTML the same row, escaped, as preformatted text that copies with its tabs.
    expect(m.html).toContain('<pre');
    expect(m.html).toContain('Gemeente &quot;Zwolle&quot; &amp; &lt;Zn&gt;');
  });

  test('klikbare links in HTML: pagina, agenda, privacyverklaring en het adres van de organisator', () => {
    const { html } = bevestigingsMail(context());
    expect(html).toContain('<a href="https://example.nl/bijeenkomsten/opgavegericht-besturen/"');
    expect(html).toContain('<a href="https://example.nl/bijeenkomsten/opgavegericht-besturen.ics"');
    expect(html).toContain('<a href="https://example.nl/privacy/"');
    expect(html).toContain('<a href="mailto:t.routers@vpng.nl"');
    const o = organisatorMail(context(), { bevestiging: 'mee' });
    expect(o.html).toContain('<a href="mailto:anna@zwolle.nl"');
  });
});

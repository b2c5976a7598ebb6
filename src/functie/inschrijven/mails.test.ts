import { ELEMENT_NODE, type ElementNode, type Node, parse, TEXT_NODE, walkSync } from 'ultrahtml';
import { describe, expect, test } from 'vitest';
import { htmlTekst, jaarZonderMarkering, zonderAdressen } from '../../../testhulp/onbevestigd.ts';
import { googleAgendaUrl, outlookAgendaUrl } from '../../bijeenkomst/agendalinks.ts';
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
  ontvangen: new Date('2026-11-27T23:30:00Z'),
  organisator: 't.routers@vpng.nl',
  van: 'VPNG <inschrijving@vpng.nl>',
  paginaUrl: 'https://example.nl/bijeenkomsten/opgavegericht-besturen/',
  kalenderUrl: 'https://example.nl/bijeenkomsten/opgavegericht-besturen.ics',
  privacyUrl: 'https://example.nl/privacy/',
  ...extra,
});

describe('organisatormail', () => {
  test('aan de organisator, antwoorden naar de deelnemer, onderwerp met eerst naam en organisatie, dan de titel', () => {
    const m = organisatorMail(context(), { bevestiging: 'mee' });
    expect(m).toMatchObject({ aan: 't.routers@vpng.nl', antwoordAan: 'anna@zwolle.nl', van: 'VPNG <inschrijving@vpng.nl>' });
    expect(m.onderwerp).toBe('Inschrijving: Anna de Vries, Gemeente "Zwolle" & <Zn> – Opgavegericht besturen');
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
      'Wachtlijst: Anna de Vries, Gemeente "Zwolle" & <Zn> – Opgavegericht besturen',
    );
  });

  test('een onderwerp is altijd één regel, ook als de titel een regeleinde bevat', () => {
    const m = organisatorMail(context({ bijeenkomst: { ...bijeenkomst, titel: 'Titel\r\nBcc: x@example.com' } }), { bevestiging: 'mee' });
    expect(m.onderwerp).not.toMatch(/[\r\n]/);
    expect(m.onderwerp).toBe('Inschrijving: Anna de Vries, Gemeente "Zwolle" & <Zn> – Titel Bcc: x@example.com');
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
    expect(m.tekst).toContain(
      'Agendabestand (.ics), voor Apple Agenda en andere agenda’s: https://example.nl/bijeenkomsten/opgavegericht-besturen.ics',
    );
    expect(m.html).toContain(
      '<a href="https://example.nl/bijeenkomsten/opgavegericht-besturen.ics" style="color:#0b57a4">Agendabestand (.ics), voor Apple Agenda en andere agenda’s</a>',
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
  const kolommen = [
    'Ontvangen op',
    'Bijeenkomst',
    'Datum bijeenkomst',
    'Status',
    'Voornaam',
    'Tussenvoegsel',
    'Achternaam',
    'E-mailadres',
    'Organisatie',
    'Functie',
    'Telefoon',
    'Dieetwensen',
    'Opmerkingen',
  ];
  const waarden = [
    // 23.30 UTC on 27 November is 00.30 on the 28th in Amsterdam.
    '2026-11-28',
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
    `'=HYPERLINK("x") met tab en regel`,
  ];
  const spreadsheetMail = () =>
    organisatorMail(context({ aanmelding: aanmelding({ opmerkingen: '=HYPERLINK("x")\tmet tab\nen regel', telefoon: '038 123' }) }), {
      bevestiging: 'mee',
    });

  test('in de tekst: de inschrijving als één spreadsheetrij met kopregel, gescheiden door tabs', () => {
    const blok = spreadsheetMail().tekst.split('Voor de deelnemerslijst (plak in een spreadsheet)\n')[1]!.split('\n').slice(1, 3);
    const [kop, rij] = blok.map((r) => r.split('\t'));
    expect(kop).toEqual(kolommen);
    expect(rij).toEqual(waarden);
  });

  test('in HTML: een echte tabel, kop en rij in dezelfde kolommen, die als cellen in een spreadsheet plakt', () => {
    const html = spreadsheetMail().html;
    const tabellen: ElementNode[] = [];
    walkSync(parse(html), (n: Node) => {
      if (n.type === ELEMENT_NODE && n.name === 'table' && html.slice(n.loc[0].start, n.loc[1].end).includes('<thead>')) tabellen.push(n);
    });
    expect(tabellen).toHaveLength(1);
    const cellen = (naam: 'th' | 'td') => {
      const uit: string[] = [];
      walkSync(tabellen[0]!, (n: Node) => {
        if (n.type !== ELEMENT_NODE || n.name !== naam) return;
        let tekst = '';
        walkSync(n, (t: Node) => {
          if (t.type === TEXT_NODE) tekst += t.value;
        });
        uit.push(tekst);
      });
      return uit;
    };
    const ontsnapt = (s: string) =>
      s.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
    expect(cellen('th')).toEqual(kolommen);
    expect(cellen('td').map(ontsnapt)).toEqual(waarden);
    expect(html).not.toContain('<pre');
    expect(html).toContain('Gemeente &quot;Zwolle&quot; &amp; &lt;Zn&gt;');
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

describe('functie “anders”: welke functie', () => {
  const anders = aanmelding({ functie: 'anders', functieomschrijving: 'Beleidsadviseur wonen' });

  test('de organisator ziet wat de persoon invulde, in de gegevens en in de spreadsheetrij', () => {
    const m = organisatorMail(context({ aanmelding: anders }), { bevestiging: 'mee' });
    expect(m.tekst).toContain('Functie: Anders: Beleidsadviseur wonen');
    expect(m.tekst.split('\n').find((r) => r.startsWith('2026-11-28\t'))).toContain('\tAnders: Beleidsadviseur wonen\t');
  });

  test('de bevestiging herhaalt die vrije tekst niet: alleen “Anders”', () => {
    const m = bevestigingsMail(context({ aanmelding: anders }));
    expect(m.tekst).toContain('Functie: Anders');
    expect(m.tekst).not.toContain('Beleidsadviseur');
    expect(m.html).not.toContain('Beleidsadviseur');
  });
});

describe('de agenda in de bevestiging', () => {
  test('Google Agenda en Outlook als link (dezelfde als op de pagina), en het .ics-bestand', () => {
    const m = bevestigingsMail(context());
    const google = googleAgendaUrl(bijeenkomst, 'https://example.nl/bijeenkomsten/opgavegericht-besturen/');
    const outlook = outlookAgendaUrl(bijeenkomst, 'https://example.nl/bijeenkomsten/opgavegericht-besturen/');
    expect(m.tekst).toContain(
      `Zet de bijeenkomst in je agenda\n-------------------------------\nGoogle Agenda: ${google}\nOutlook: ${outlook}\n`,
    );
    expect(m.html).toContain(`<a href="${google.replaceAll('&', '&amp;')}" style="color:#0b57a4">Google Agenda</a>`);
    expect(m.html).toContain(`<a href="${outlook.replaceAll('&', '&amp;')}" style="color:#0b57a4">Outlook</a>`);
  });

  test('zolang tijd of locatie “volgt”: waar die komt te staan, en dat je je agenda dan zelf bijwerkt', () => {
    const pagina = 'https://example.nl/bijeenkomsten/opgavegericht-besturen/';
    expect(bevestigingsMail(context()).tekst).toContain(
      `Tijd en locatie zijn nog niet bekend. Zodra ze bekend zijn, staan ze op de pagina van de bijeenkomst:\n${pagina}\nZet je de bijeenkomst nu al in je agenda, pas tijd en locatie daar dan later aan.`,
    );
    expect(bevestigingsMail(context()).html).toContain(`<a href="${pagina}" style="color:#0b57a4">${pagina}</a>`);
    const metTijd = bevestigingsMail(context({ bijeenkomst: { ...bijeenkomst, begintijd: '13:30' } })).tekst;
    expect(metTijd).toContain('De locatie is nog niet bekend. Zodra die bekend is, staat die op de pagina van de bijeenkomst:');
    expect(metTijd).toContain('pas de locatie daar dan later aan.');
    const metPlaats = bevestigingsMail(context({ bijeenkomst: { ...bijeenkomst, locatie: { naam: 'Stadhuis', plaats: 'Zwolle' } } })).tekst;
    expect(metPlaats).toContain('De tijd is nog niet bekend.');
    const alles = bevestigingsMail(
      context({ bijeenkomst: { ...bijeenkomst, begintijd: '13:30', locatie: { naam: 'Stadhuis', plaats: 'Zwolle' } } }),
    ).tekst;
    expect(alles).not.toContain('nog niet bekend');
  });
});

describe('de afmeldlink zegt van wie hij is', () => {
  test('tekst en HTML noemen de naam: vanuit een gedeelde brievenbus is elke link te onderscheiden', () => {
    const url = 'https://example.nl/bijeenkomsten/opgavegericht-besturen/afmelden/?t=v1.x';
    const m = bevestigingsMail(context({ afmeldUrl: url }));
    expect(m.tekst).toContain(`Anna de Vries afmelden: ${url}`);
    expect(m.html).toContain(`<a href="${url}" style="color:#0b57a4">Anna de Vries afmelden</a>`);
  });
});

describe('ontvangen op: alleen de datum, zodat opnieuw proberen geen tweede mail maakt', () => {
  const sleutelOp = (iso: string) => inschrijfZending(context({ ontvangen: new Date(iso) })).sleutel;

  test('dezelfde dag (in Amsterdam): dezelfde mails en dezelfde sleutel; een andere dag: een nieuwe inschrijving', () => {
    expect(sleutelOp('2026-11-27T08:00:00Z')).toBe(sleutelOp('2026-11-27T22:59:59Z'));
    expect(inschrijfZending(context({ ontvangen: new Date('2026-11-27T08:00:00Z') })).mails).toEqual(
      inschrijfZending(context({ ontvangen: new Date('2026-11-27T22:59:59Z') })).mails,
    );
    expect(sleutelOp('2026-11-27T23:00:00Z')).not.toBe(sleutelOp('2026-11-27T22:59:59Z'));
  });
});

import ical, { type VEvent } from 'node-ical';
import { describe, expect, test } from 'vitest';
import { jaarZonderMarkering } from '../../testhulp/onbevestigd.ts';
import { googleAgendaUrl, outlookAgendaUrl } from './agendalinks.ts';
import { kalenderBestand, kalenderUid } from './kalender.ts';
import { bijeenkomstSchema } from './schema.ts';

const basis = {
  titel: 'Opgavegericht besturen, voor wethouders; en meer',
  samenvatting: 'Een sessie.',
  datum: '2027-11-04',
  organisatoren: ['VPNG'],
  doelgroep: 'Wethouders',
  contact: 't.routers@vpng.nl',
  inschrijving: { status: 'open' },
};
const zonderTijd = bijeenkomstSchema.parse(basis);
const metTijd = bijeenkomstSchema.parse({
  ...basis,
  datum: '2027-06-10',
  begintijd: '13:30',
  eindtijd: '17:00',
  locatie: { naam: 'Stadhuis', plaats: 'Zwolle' },
});
const pagina = 'https://example.nl/bijeenkomsten/opgavegericht-besturen/';

function eenEvent(ics: string): VEvent {
  const events = Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0]!;
}

describe('kalenderBestand', () => {
  test('zonder tijd: een hele dag op 4 november 2027, met vaste UID', () => {
    const ics = kalenderBestand('opgavegericht-besturen', zonderTijd, pagina);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('DTSTART;VALUE=DATE:20271104\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20271105\r\n');
    const e = eenEvent(ics);
    expect(e.datetype).toBe('date');
    expect(e.uid).toBe(kalenderUid('opgavegericht-besturen'));
    expect(e.summary).toBe(basis.titel);
    expect(ics).not.toMatch(/\r\nLOCATION[:;]/);
  });

  test('met tijd: Amsterdamse tijd met TZID en VTIMEZONE, zomertijd goed omgerekend', () => {
    const ics = kalenderBestand('zomer', metTijd, pagina);
    expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20270610T133000');
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam');
    const e = eenEvent(ics);
    expect(e.start.toISOString()).toBe('2027-06-10T11:30:00.000Z');
    expect(e.end?.toISOString()).toBe('2027-06-10T15:00:00.000Z');
    expect(e.location).toBe('Stadhuis, Zwolle');
  });

  test('dezelfde Amsterdamse tijden, in welke tijdzone de server ook draait', () => {
    const winter = bijeenkomstSchema.parse({ ...basis, begintijd: '23:30' });
    const zonderStempel = (ics: string) => ics.replace(/DTSTAMP:.*\r\n/, '');
    const vorige = process.env.TZ;
    const perZone = ['UTC', 'America/New_York', 'Asia/Tokyo'].map((zone) => {
      // Node picks up a changed TZ at once, so `Date`'s local methods follow it here.
      process.env.TZ = zone;
      try {
        return [zonderStempel(kalenderBestand('x', winter, pagina)), zonderStempel(kalenderBestand('x', zonderTijd, pagina))];
      } finally {
        if (vorige === undefined) delete process.env.TZ;
        else process.env.TZ = vorige;
      }
    });
    for (const [metTijdIcs, heleDagIcs] of perZone) {
      expect(metTijdIcs).toContain('DTSTART;TZID=Europe/Amsterdam:20271104T233000\r\n');
      // Without an end time the entry lasts until midnight, on the next day.
      expect(metTijdIcs).toContain('DTEND;TZID=Europe/Amsterdam:20271105T000000\r\n');
      expect(eenEvent(metTijdIcs!).start.toISOString()).toBe('2027-11-04T22:30:00.000Z');
      expect(heleDagIcs).toContain('DTSTART;VALUE=DATE:20271104\r\n');
    }
    expect(new Set(perZone.map((p) => p.join('')))).toHaveProperty('size', 1);
  });

  test('dezelfde UID bij elke aanmaak: agenda’s werken het item bij', () => {
    const uid = (ics: string) => /UID:(.*)\r\n/.exec(ics)?.[1];
    expect(uid(kalenderBestand('x', zonderTijd, pagina))).toBe(uid(kalenderBestand('x', zonderTijd, pagina)));
  });
});

describe('agendalinks', () => {
  test('Google: hele dag als datum/datum+1', () => {
    const u = new URL(googleAgendaUrl(zonderTijd, pagina));
    expect(u.searchParams.get('dates')).toBe('20271104/20271105');
    expect(u.searchParams.get('text')).toBe(basis.titel);
  });
  test('Google: met tijd in Amsterdamse tijd', () => {
    const u = new URL(googleAgendaUrl(metTijd, pagina));
    expect(u.searchParams.get('dates')).toBe('20270610T133000/20270610T170000');
    expect(u.searchParams.get('ctz')).toBe('Europe/Amsterdam');
  });
  test('Outlook: hele dag en met tijd', () => {
    const a = new URL(outlookAgendaUrl(zonderTijd, pagina));
    expect([a.searchParams.get('startdt'), a.searchParams.get('enddt'), a.searchParams.get('allday')]).toEqual([
      '2027-11-04',
      '2027-11-05',
      'true',
    ]);
    const b = new URL(outlookAgendaUrl(metTijd, pagina));
    expect(b.searchParams.get('startdt')).toBe('2027-06-10T11:30:00.000Z');
  });
});

describe('wat nog niet vaststaat, staat er in de agenda bij', () => {
  const onzeker = bijeenkomstSchema.parse({
    ...basis,
    begintijd: '13:30',
    locatie: { naam: 'Stadhuis', plaats: 'Zwolle' },
    onbevestigd: ['jaar', 'tijd', 'locatie'],
  });

  test('.ics: de titel zegt dat jaar en tijd nog niet vaststaan, de beschrijving en de plaats ook', () => {
    const e = eenEvent(kalenderBestand('x', onzeker, pagina));
    expect(e.summary).toBe(`${basis.titel} (jaar nog te bevestigen) (tijd nog te bevestigen)`);
    expect(e.description).toContain('Datum: 4 november 2027 (jaar nog te bevestigen)');
    expect(e.description).toContain('Tijd: 13.30 uur (tijd nog te bevestigen)');
    expect(e.location).toBe('Stadhuis, Zwolle (locatie nog te bevestigen)');
    for (const tekst of [e.summary, e.description, e.location]) expect(jaarZonderMarkering(String(tekst), '2027')).toEqual([]);
  });

  test('zonder iets onzekers geen markering', () => {
    const e = eenEvent(kalenderBestand('x', metTijd, pagina));
    expect(e.summary).toBe(basis.titel);
    expect(e.description).not.toContain('nog te bevestigen');
  });

  test('Google en Outlook: de titel en de tekst dragen de markering', () => {
    const g = new URL(googleAgendaUrl(onzeker, pagina));
    expect(g.searchParams.get('text')).toBe(`${basis.titel} (jaar nog te bevestigen) (tijd nog te bevestigen)`);
    expect(jaarZonderMarkering(g.searchParams.get('details')!, '2027')).toEqual([]);
    expect(g.searchParams.get('details')).toContain('(jaar nog te bevestigen)');
    const o = new URL(outlookAgendaUrl(onzeker, pagina));
    expect(o.searchParams.get('subject')).toBe(`${basis.titel} (jaar nog te bevestigen) (tijd nog te bevestigen)`);
    expect(o.searchParams.get('body')).toContain('Datum: 4 november 2027 (jaar nog te bevestigen)');
  });
});

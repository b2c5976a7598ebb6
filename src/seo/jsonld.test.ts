import { describe, expect, it } from 'vitest';
import { bijeenkomstSchema } from '../bijeenkomst/schema.ts';
import { alsScriptJson, evenementJsonLd } from './jsonld.ts';

const basis = {
  titel: 'Opgavegericht besturen',
  samenvatting: 'Een bijeenkomst.',
  datum: '2027-11-04',
  organisatoren: ['VPNG', 'Wethoudersvereniging'],
  sprekers: [{ naam: 'Enrico Kraijo', rol: 'directeur van de VPNG' }],
  doelgroep: 'Wethouders',
  contact: 't.routers@vpng.nl',
  inschrijving: { status: 'open' },
};
const pagina = new URL('https://voorbeeld.nl/bijeenkomsten/opgavegericht-besturen/');
const beeld = new URL('https://voorbeeld.nl/bijeenkomsten/opgavegericht-besturen/deelbeeld.png');
const ldOfNiets = (extra: object, status: 'open' | 'wachtlijst' | 'gesloten' = 'open') =>
  evenementJsonLd(bijeenkomstSchema.parse({ ...basis, ...extra }), { status }, pagina, beeld);
const ld = (extra: object, status: 'open' | 'wachtlijst' | 'gesloten' = 'open') => {
  const e = ldOfNiets(extra, status);
  if (!e) throw new Error('geen Event');
  return e;
};

describe('evenementJsonLd', () => {
  it('zonder tijden: alleen de datum, één dag', () => {
    const e = ld({});
    expect(e.startDate).toBe('2027-11-04');
    expect(e.endDate).toBe('2027-11-04');
  });

  it('met tijden: met de Nederlandse afwijking van UTC (winter- en zomertijd)', () => {
    expect(ld({ begintijd: '13:30', eindtijd: '17:00' })).toMatchObject({
      startDate: '2027-11-04T13:30:00+01:00',
      endDate: '2027-11-04T17:00:00+01:00',
    });
    expect(ld({ datum: '2027-06-10', begintijd: '09:00' }).startDate).toBe('2027-06-10T09:00:00+02:00');
    expect(ld({ begintijd: '13:30' }).endDate, 'einde onbekend').toBeUndefined();
  });

  it('zonder locatie geen verzonnen plaats; met locatie een Place met adres', () => {
    expect(ld({}).location).toBeUndefined();
    expect(ld({ locatie: { naam: 'Stadhuis', adres: 'Coolsingel 40', plaats: 'Rotterdam' } }).location).toEqual({
      '@type': 'Place',
      name: 'Stadhuis',
      address: { '@type': 'PostalAddress', streetAddress: 'Coolsingel 40', addressLocality: 'Rotterdam', addressCountry: 'NL' },
    });
  });

  it('organisatoren, sprekers, vorm en status komen uit de frontmatter', () => {
    const e = ld({});
    expect(e.organizer).toEqual([
      { '@type': 'Organization', name: 'VPNG' },
      { '@type': 'Organization', name: 'Wethoudersvereniging' },
    ]);
    expect(e.performer).toEqual([{ '@type': 'Person', name: 'Enrico Kraijo', description: 'directeur van de VPNG' }]);
    expect(e.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(e.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
    expect(ld({ vorm: 'online' }).eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    expect(ld({ sprekers: [] }).performer).toBeUndefined();
  });

  it('het aanbod wijst naar het formulier, zonder prijs, en alleen als inschrijven kan', () => {
    expect(ld({}).offers).toEqual({
      '@type': 'Offer',
      url: 'https://voorbeeld.nl/bijeenkomsten/opgavegericht-besturen/#inschrijven',
      availability: 'https://schema.org/InStock',
    });
    expect(ld({}, 'wachtlijst').offers).toMatchObject({ availability: 'https://schema.org/SoldOut' });
    expect(ld({}, 'gesloten').offers).toBeUndefined();
  });

  it('een jaar of datum die nog niet vaststaat: geen Event, zoekmachines krijgen de datum niet als feit', () => {
    expect(ldOfNiets({ onbevestigd: ['jaar'] })).toBeUndefined();
    expect(ldOfNiets({ onbevestigd: ['datum'] })).toBeUndefined();
  });

  it('een tijd die nog niet vaststaat: alleen de dag; een locatie die nog niet vaststaat: geen plaats', () => {
    const e = ld({ begintijd: '13:30', eindtijd: '17:00', onbevestigd: ['tijd'] });
    expect([e.startDate, e.endDate]).toEqual(['2027-11-04', '2027-11-04']);
    expect(ld({ locatie: { naam: 'Stadhuis', plaats: 'Zwolle' }, onbevestigd: ['locatie'] }).location).toBeUndefined();
  });

  it('alsScriptJson laat geen </script> door', () => {
    const json = alsScriptJson({ name: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});

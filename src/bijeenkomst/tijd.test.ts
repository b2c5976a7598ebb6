import { describe, expect, it } from 'vitest';
import {
  datumDelen,
  datumInAmsterdam,
  datumInCijfers,
  datumVoluit,
  isoMetAfwijking,
  naarInstant,
  tijdVoluit,
  volgendeDag,
} from './tijd.ts';

describe('naarInstant', () => {
  it('rekent wintertijd om (UTC+1)', () => {
    expect(naarInstant({ datum: '2027-11-04', tijd: '13:30' }).toISOString()).toBe('2027-11-04T12:30:00.000Z');
  });
  it('rekent zomertijd om (UTC+2)', () => {
    expect(naarInstant({ datum: '2027-06-10', tijd: '09:00' }).toISOString()).toBe('2027-06-10T07:00:00.000Z');
  });
  it('neemt middernacht als er geen tijd is', () => {
    expect(naarInstant({ datum: '2027-11-04' }).toISOString()).toBe('2027-11-03T23:00:00.000Z');
  });
  it('klopt op de dag van de overgang naar wintertijd', () => {
    // 31 October 2027: clocks go back at 03:00 CEST; 12:00 is already winter time.
    expect(naarInstant({ datum: '2027-10-31', tijd: '12:00' }).toISOString()).toBe('2027-10-31T11:00:00.000Z');
  });
});

describe('isoMetAfwijking', () => {
  it('schrijft de Nederlandse afwijking erbij', () => {
    expect(isoMetAfwijking({ datum: '2027-11-04', tijd: '13:30' })).toBe('2027-11-04T13:30:00+01:00');
    expect(isoMetAfwijking({ datum: '2027-06-10', tijd: '09:00' })).toBe('2027-06-10T09:00:00+02:00');
  });
});

describe('datums', () => {
  it('geeft de datum in Amsterdam, ook vlak na middernacht', () => {
    expect(datumInAmsterdam(new Date('2027-11-03T23:30:00Z'))).toBe('2027-11-04');
  });
  it('telt een dag verder over de maand- en jaargrens', () => {
    expect(volgendeDag('2027-11-30')).toBe('2027-12-01');
    expect(volgendeDag('2027-12-31')).toBe('2028-01-01');
  });
  it('schrijft datums voluit in het Nederlands', () => {
    expect(datumVoluit({ datum: '2027-11-04', onbevestigd: [] })).toBe('donderdag 4 november 2027');
  });
  it('schrijft tijden zoals in Nederland gebruikelijk', () => {
    expect(tijdVoluit({ begintijd: '13:30', eindtijd: '17:00', onbevestigd: [] })).toBe('13.30–17.00 uur');
    expect(tijdVoluit({ begintijd: '09:00', onbevestigd: [] })).toBe('09.00 uur');
    expect(tijdVoluit({ eindtijd: '17:00', onbevestigd: [] })).toBeUndefined();
  });
});

describe('wat nog niet vaststaat, zegt het zelf', () => {
  it('een jaar dat nog niet vaststaat: zonder weekdag (die hangt van het jaar af), met de markering erachter', () => {
    expect(datumVoluit({ datum: '2027-11-04', onbevestigd: ['jaar'] })).toBe('4 november 2027 (jaar nog te bevestigen)');
    expect(datumDelen({ datum: '2027-11-04', onbevestigd: ['jaar'] })).toEqual({
      tekst: '4 november 2027',
      markering: '(jaar nog te bevestigen)',
      machine: '11-04',
    });
  });
  it('een datum die nog niet vaststaat: geen machineleesbare datum', () => {
    expect(datumVoluit({ datum: '2027-11-04', onbevestigd: ['datum'] })).toBe('donderdag 4 november 2027 (datum nog te bevestigen)');
    expect(datumDelen({ datum: '2027-11-04', onbevestigd: ['datum'] }).machine).toBeUndefined();
    expect(datumDelen({ datum: '2027-11-04', onbevestigd: ['tijd'] })).toEqual({
      tekst: 'donderdag 4 november 2027',
      machine: '2027-11-04',
    });
  });
  it('de datum in cijfers, voor de deelnemerslijst', () => {
    expect(datumInCijfers({ datum: '2027-11-04', onbevestigd: [] })).toBe('2027-11-04');
    expect(datumInCijfers({ datum: '2027-11-04', onbevestigd: ['jaar'] })).toBe('2027-11-04 (jaar nog te bevestigen)');
  });
  it('een tijd die nog niet vaststaat', () => {
    expect(tijdVoluit({ begintijd: '13:30', onbevestigd: ['tijd'] })).toBe('13.30 uur (tijd nog te bevestigen)');
    expect(tijdVoluit({ begintijd: '13:30', onbevestigd: ['jaar'] })).toBe('13.30 uur');
  });
});

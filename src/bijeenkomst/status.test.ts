import { describe, expect, it } from 'vitest';
import { inschrijfStand, standTekst } from './status.ts';

const basis = { datum: '2027-11-04', begintijd: '13:30', eindtijd: '17:00', inschrijving: { status: 'open' as const } };
const op = (iso: string) => new Date(iso);

describe('inschrijfStand', () => {
  it('is open vóór de bijeenkomst', () => {
    expect(inschrijfStand(basis, op('2027-10-01T10:00:00Z'))).toEqual({ status: 'open' });
  });
  it('volgt de wachtlijstvlag van de redactie', () => {
    expect(inschrijfStand({ ...basis, inschrijving: { status: 'wachtlijst' } }, op('2027-10-01T10:00:00Z'))).toEqual({
      status: 'wachtlijst',
    });
  });
  it('is gesloten als de redactie dat zegt', () => {
    expect(inschrijfStand({ ...basis, inschrijving: { status: 'gesloten' } }, op('2027-10-01T10:00:00Z'))).toEqual({
      status: 'gesloten',
      reden: 'redactie',
    });
  });
  it('telt de dag van de deadline nog mee, de dag erna niet', () => {
    const metDeadline = { ...basis, inschrijving: { status: 'open' as const, tot: '2027-11-01' } };
    expect(inschrijfStand(metDeadline, op('2027-11-01T22:59:00Z')).status).toBe('open');
    expect(inschrijfStand(metDeadline, op('2027-11-01T23:00:00Z'))).toEqual({ status: 'gesloten', reden: 'deadline' });
  });
  it('sluit als de bijeenkomst begonnen is, ook op de wachtlijst', () => {
    expect(inschrijfStand({ ...basis, inschrijving: { status: 'wachtlijst' } }, op('2027-11-04T12:30:00Z'))).toEqual({
      status: 'gesloten',
      reden: 'begonnen',
    });
  });
  it('is afgelopen na de eindtijd', () => {
    expect(inschrijfStand(basis, op('2027-11-04T16:00:00Z'))).toEqual({ status: 'afgelopen' });
  });
  it('zonder tijden: gesloten vanaf middernacht, afgelopen aan het eind van de dag', () => {
    const zonderTijd = { datum: '2027-11-04', inschrijving: { status: 'open' as const } };
    expect(inschrijfStand(zonderTijd, op('2027-11-03T22:59:00Z')).status).toBe('open');
    expect(inschrijfStand(zonderTijd, op('2027-11-03T23:00:00Z')).status).toBe('gesloten');
    expect(inschrijfStand(zonderTijd, op('2027-11-04T22:59:00Z')).status).toBe('gesloten');
    expect(inschrijfStand(zonderTijd, op('2027-11-04T23:00:00Z')).status).toBe('afgelopen');
  });
});

describe('standTekst', () => {
  it('zegt waarom inschrijven gesloten is', () => {
    expect(standTekst({ status: 'gesloten', reden: 'deadline' })).toMatch(/inschrijftermijn is verstreken/);
    expect(standTekst({ status: 'gesloten', reden: 'begonnen' })).toMatch(/begonnen/);
    expect(standTekst({ status: 'wachtlijst' })).toMatch(/wachtlijst/);
  });
});

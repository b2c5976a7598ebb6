import { describe, expect, test } from 'vitest';
import { BEVESTIGINGEN_PER_UUR, maakBevestigingslimiet, ontvanger } from './bevestigingslimiet.ts';

const T0 = new Date('2026-11-27T12:00:00Z');
const na = (minuten: number) => new Date(T0.getTime() + minuten * 60_000);

describe('ontvanger: welke adressen in dezelfde brievenbus vallen', () => {
  test.each([
    ['Victim@x.nl', 'victim@x.nl'],
    ['VICTIM@X.NL', 'victim@x.nl'],
    ['victim+1@x.nl', 'victim@x.nl'],
    ['Victim+Nieuwsbrief+2@X.nl', 'victim@x.nl'],
    ['v.i.c.t.i.m@gmail.com', 'victim@gmail.com'],
    ['Vic.Tim+spam@GoogleMail.com', 'victim@gmail.com'],
  ])('%s → %s', (adres, verwacht) => {
    expect(ontvanger(adres)).toBe(verwacht);
  });

  test('punten tellen buiten Gmail wel, en een ander domein is een ander adres', () => {
    expect(ontvanger('v.ictim@x.nl')).not.toBe(ontvanger('victim@x.nl'));
    expect(ontvanger('victim@y.nl')).not.toBe(ontvanger('victim@x.nl'));
  });
});

describe('bevestigingen per adres per uur', () => {
  test(`hooguit ${BEVESTIGINGEN_PER_UUR} per uur; elke andere inschrijving telt, het adres in elke spelling`, () => {
    const l = maakBevestigingslimiet();
    expect(BEVESTIGINGEN_PER_UUR).toBe(3);
    expect(l.reserveer('victim@x.nl', 'a', T0)).toBe(true);
    expect(l.reserveer('Victim@x.nl', 'b', na(1))).toBe(true);
    expect(l.reserveer('victim+3@x.nl', 'c', na(2))).toBe(true);
    expect(l.reserveer('VICTIM@X.NL', 'd', na(3))).toBe(false);
    expect(l.reserveer('victim@x.nl', 'e', na(59))).toBe(false);
    // Another address is not affected.
    expect(l.reserveer('ander@x.nl', 'f', na(3))).toBe(true);
  });

  test('dezelfde inschrijving nog eens (dubbelklik, opnieuw proberen) kost niets: zelfde sleutel, de mailservice stuurt niets dubbel', () => {
    const l = maakBevestigingslimiet();
    for (const s of ['a', 'b', 'c']) expect(l.reserveer('victim@x.nl', s, T0)).toBe(true);
    expect(l.reserveer('victim@x.nl', 'b', na(5))).toBe(true);
    expect(l.reserveer('victim@x.nl', 'd', na(5))).toBe(false);
  });

  test('een schuivend venster: een uur na de eerste is er weer één plek', () => {
    const l = maakBevestigingslimiet();
    expect(l.reserveer('victim@x.nl', 'a', T0)).toBe(true);
    expect(l.reserveer('victim@x.nl', 'b', na(30))).toBe(true);
    expect(l.reserveer('victim@x.nl', 'c', na(31))).toBe(true);
    expect(l.reserveer('victim@x.nl', 'd', na(59))).toBe(false);
    expect(l.reserveer('victim@x.nl', 'd', na(60))).toBe(true);
    expect(l.reserveer('victim@x.nl', 'e', na(61))).toBe(false);
    expect(l.reserveer('victim@x.nl', 'e', na(90))).toBe(true);
  });

  test('ging de bevestiging toch niet weg (geweigerd door de mailservice), dan komt de plek vrij', () => {
    const l = maakBevestigingslimiet();
    for (const s of ['a', 'b', 'c']) l.reserveer('victim@x.nl', s, T0);
    l.geefVrij('Victim@x.nl', 'b');
    expect(l.reserveer('victim@x.nl', 'd', na(1))).toBe(true);
    expect(l.reserveer('victim@x.nl', 'e', na(1))).toBe(false);
  });

  test('het geheugen is begrensd: boven het maximum aantal adressen valt het langst niet gebruikte weg', () => {
    const l = maakBevestigingslimiet({ maxAdressen: 2 });
    for (const s of ['a', 'b', 'c']) l.reserveer('een@x.nl', s, T0);
    l.reserveer('twee@x.nl', 'a', T0);
    expect(l.reserveer('een@x.nl', 'd', T0)).toBe(false);
    l.reserveer('drie@x.nl', 'a', T0);
    // "twee" was used least recently and is forgotten; "een" is still held to its limit.
    expect(l.reserveer('een@x.nl', 'd', T0)).toBe(false);
    expect(l.aantalAdressen()).toBe(2);
  });
});

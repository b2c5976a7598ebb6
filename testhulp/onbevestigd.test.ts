import { describe, expect, test } from 'vitest';
import { htmlTekst, jaarZonderMarkering, onbevestigdeJaren, zonderAdressen } from './onbevestigd.ts';

describe('jaarZonderMarkering', () => {
  test('vindt het jaar in elke schrijfwijze zonder markering', () => {
    for (const tekst of [
      'donderdag 4 november 2027',
      'Datum: 2027-11-04',
      '"startDate":"2027-11-04T13:30:00+01:00"',
      'in 2027 spreekt Enrico',
      '4 november 2027, 13.30 uur (jaar nog te bevestigen)',
      '4 november 2027 (tijd nog te bevestigen)',
    ]) {
      expect(jaarZonderMarkering(tekst, '2027'), tekst).toHaveLength(1);
    }
  });

  test('laat het jaar met markering, een ander jaar en een langer getal staan', () => {
    for (const tekst of [
      '4 november 2027 (jaar nog te bevestigen)',
      '2027-11-04 (jaar nog te bevestigen)',
      'donderdag 4 november 2027 (datum nog te bevestigen)',
      '30 november 2020',
      'DTSTART;VALUE=DATE:20271104',
      '12027 deelnemers',
    ]) {
      expect(jaarZonderMarkering(tekst, '2027'), tekst).toEqual([]);
    }
  });

  test('telt elke plek apart', () => {
    expect(jaarZonderMarkering('4 november 2027 (jaar nog te bevestigen) en 2027-11-04', '2027')).toHaveLength(1);
  });
});

describe('htmlTekst', () => {
  test('tekst, JSON-LD en attributen wel, adressen, stijl en gewone scripts niet', () => {
    const tekst = htmlTekst(
      '<p title="t">Op <time datetime="2027-11-04">4 november</time></p><a href="/x?startdt=2027-11-04">Outlook</a>' +
        '<script type="application/ld+json">{"startDate":"2028-01-01"}</script><script>var j = 2029</script><style>.a{--b:2030}</style>',
    );
    expect(tekst).toContain('2027-11-04');
    expect(tekst).toContain('4 november');
    expect(tekst).toContain('2028-01-01');
    expect(tekst).not.toContain('startdt');
    expect(tekst).not.toContain('2029');
    expect(tekst).not.toContain('2030');
  });
});

test('zonderAdressen haalt webadressen uit platte tekst', () => {
  expect(zonderAdressen('Outlook: https://outlook.office.com/?startdt=2027-11-04 en 2027')).toBe('Outlook:  en 2027');
});

test('onbevestigdeJaren: alleen de jaren van bijeenkomsten met jaar of datum onbevestigd', () => {
  expect(
    onbevestigdeJaren([
      { datum: '2027-11-04', onbevestigd: ['jaar'] },
      { datum: '2028-03-01', onbevestigd: ['datum'] },
      { datum: '2029-05-01', onbevestigd: ['tijd'] },
      { datum: '2030-05-01', onbevestigd: [] },
    ]),
  ).toEqual(['2027', '2028']);
});

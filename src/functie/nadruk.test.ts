import { describe, expect, test } from 'vitest';
import { meldingDelen, NIET_AFGEMELD, NIET_ONTVANGEN } from './nadruk.ts';
import { meldingHtml } from './sjabloon.ts';

describe('de uitkomst van een melding', () => {
  test('"niet" in de zin met de uitkomst is vet, ander "niet" niet', () => {
    const melding = `Je inschrijving kon niet worden doorgestuurd. ${NIET_ONTVANGEN} Probeer het later opnieuw.`;
    expect(meldingDelen(melding)).toEqual([
      { tekst: 'Je inschrijving kon niet worden doorgestuurd. Je inschrijving is ', nadruk: false },
      { tekst: 'niet', nadruk: true },
      { tekst: ' ontvangen. Probeer het later opnieuw.', nadruk: false },
    ]);
    expect(meldingHtml(melding)).toBe(
      'Je inschrijving kon niet worden doorgestuurd. Je inschrijving is <strong>niet</strong> ontvangen. Probeer het later opnieuw.',
    );
  });

  test('een melding zonder uitkomstzin blijft één stuk, en alles is ge-escapet', () => {
    expect(meldingDelen('Er ging iets mis.')).toEqual([{ tekst: 'Er ging iets mis.', nadruk: false }]);
    expect(meldingHtml(`<b>x</b> ${NIET_AFGEMELD}`)).toBe('&lt;b&gt;x&lt;/b&gt; Je bent <strong>niet</strong> afgemeld.');
  });

  test('geen hoofdletters meer in de uitkomst', () => {
    for (const zin of [NIET_ONTVANGEN, NIET_AFGEMELD]) expect(zin).not.toMatch(/NIET/);
  });
});

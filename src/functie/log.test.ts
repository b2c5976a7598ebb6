import { describe, expect, test } from 'vitest';
import { logWaarde } from './log.ts';

/** Everything a log viewer may take as the end of a line, or that can hide or reorder what a line says. */
const GEVAARLIJK = /[\p{C}\u2028\u2029]/u;

describe('logWaarde: een waarde in een logregel', () => {
  test.each([
    ['regelscheiding U+2028', '\u2028', '\\u2028'],
    ['alineascheiding U+2029', '\u2029', '\\u2029'],
    ['NEL U+0085', '\u0085', '\\u0085'],
    ['richtingsoverride U+202E', '\u202e', '\\u202e'],
    ['zero-width space U+200B', '\u200b', '\\u200b'],
    ['BOM U+FEFF', '\ufeff', '\\ufeff'],
    ['DEL U+007F', '\u007f', '\\u007f'],
    ['C1 CSI U+009B', '\u009b', '\\u009b'],
    ['privégebruik U+E000', '\ue000', '\\ue000'],
    ['tagteken U+E0041 (buiten het BMP)', '\u{e0041}', '\\udb40\\udc41'],
    ['los surrogaat U+D800', '\ud800', '\\ud800'],
    ['regeleinde', '\n', '\\n'],
    ['NUL', '\u0000', '\\u0000'],
  ])('%s wordt \\uXXXX', (_naam, teken, ontsnapt) => {
    const waarde = `open${teken}Inschrijving gelukt voor iedereen`;
    const uit = logWaarde(waarde);
    expect(uit).not.toMatch(GEVAARLIJK);
    expect(uit).toBe(`"open${ontsnapt}Inschrijving gelukt voor iedereen"`);
    // Still JSON: reading it back gives the value as it was.
    expect(JSON.parse(uit)).toBe(waarde);
  });

  test('gewone tekst blijft leesbaar: letters met accenten, emoji, aanhalingstekens ge-escapet zoals JSON dat doet', () => {
    expect(logWaarde('Anaïs "Sjaan" d’Ancona 👩🏽‍💼')).toBe('"Anaïs \\"Sjaan\\" d’Ancona 👩🏽\\u200d💼"');
    expect(JSON.parse(logWaarde('👩🏽‍💼'))).toBe('👩🏽‍💼');
  });

  test('elke waarde, ook geen tekst: null, getallen, undefined, objecten', () => {
    expect(logWaarde(null)).toBe('null');
    expect(logWaarde(undefined)).toBe('undefined');
    expect(logWaarde(429)).toBe('429');
    expect(logWaarde({ melding: 'a\u2028b' })).toBe('{"melding":"a\\u2028b"}');
  });

  test('geen enkel teken uit \\p{C} of een regelscheiding komt er rauw door', () => {
    let alles = '';
    for (let c = 0; c <= 0x10ffff; c += c < 0x3000 ? 1 : 97) alles += String.fromCodePoint(c);
    alles += '\u2028\u2029\u0085\u202e\ud800\udfff';
    const uit = logWaarde(alles);
    // Only the code points that got through, so a failure names them instead of printing the whole string.
    const rauw = [...uit].filter((c) => GEVAARLIJK.test(c)).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`);
    expect(rauw).toEqual([]);
    expect(JSON.parse(uit) === alles).toBe(true);
  });
});

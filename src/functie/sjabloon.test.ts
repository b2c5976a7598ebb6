import { describe, expect, test } from 'vitest';
import { INHOUD_MARKER, leesSjabloon, TITEL_MARKER } from './sjabloon.ts';

const pagina = (kop: string) =>
  `<!doctype html><html lang="nl"><head><title>${TITEL_MARKER}</title>${kop}</head><body><main>${INHOUD_MARKER}</main></body></html>`;

describe('leesSjabloon: de stijlblokken van het sjabloon, voor de CSP van de functie', () => {
  test('elk <style>-blok, met of zonder attributen, in hoofd- of kleine letters', () => {
    const { stijlen } = leesSjabloon(
      pagina('<style>a{color:red}</style><STYLE media="print">b{}</STYLE><style data-x>\nc > d{}\n</style><link rel="icon" href="/f.svg">'),
    );
    expect(stijlen).toEqual(['a{color:red}', 'b{}', '\nc > d{}\n']);
  });

  test('een < in de stijl hoort bij de stijl; <styles of een element dat met style begint is geen stijlblok', () => {
    const { stijlen } = leesSjabloon(pagina('<styles>x</styles><style>a::after{content:"<b>"}</style><stylex>y</stylex>'));
    expect(stijlen).toEqual(['a::after{content:"<b>"}']);
  });

  test('een <style> zonder einde telt niet, en de blokken erna wel', () => {
    const { stijlen } = leesSjabloon(pagina('<style>open zonder einde <style>a{}</style>'));
    expect(stijlen).toEqual(['a{}']);
  });

  test('een lange reeks open <STYLE- en <S-tags zonder einde: geen stijlblok', () => {
    const { stijlen } = leesSjabloon(pagina(`<STYLE>L${'<S'.repeat(50_000)}`));
    expect(stijlen).toEqual([]);
  });
});

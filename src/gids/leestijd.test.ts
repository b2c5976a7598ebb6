import { describe, expect, it } from 'vitest';
import { leestijdMinuten, leestijdTekst, telWoorden } from './leestijd.ts';

describe('telWoorden', () => {
  it('telt gewone woorden', () => {
    expect(telWoorden('Een opgave vraagt om een antwoord.')).toBe(6);
  });

  it('telt de tekst van een link, niet het adres', () => {
    expect(telWoorden('Lees [de hele gids](/gids/ "titel") nu.')).toBe(5);
  });

  it('telt kopjes, lijsten en nadruk zonder hun opmaaktekens', () => {
    const md = ['## Twee woorden', '', '- **een** punt', '1. _nog_ één', '> citaat hier'].join('\n');
    expect(telWoorden(md)).toBe(8);
  });

  it('telt losse streepjes en HTML-tags niet als woord', () => {
    expect(telWoorden('Richting – ruimte <br> resultaten')).toBe(3);
  });

  it('telt HTML-commentaar niet, tot de eerste -->; een open commentaar telt wel', () => {
    expect(telWoorden('Een <!-- niet <!-- ook niet --> twee <!-- weg -->drie')).toBe(3);
    expect(telWoorden('Een <!-- open en dus tekst')).toBe(5);
  });

  it('slaat frontmatter over', () => {
    expect(telWoorden('---\ntitel: Iets met vier woorden\n---\nAlleen dit telt')).toBe(3);
  });

  it('geeft 0 voor een lege tekst', () => {
    expect(telWoorden('  \n ')).toBe(0);
  });
});

describe('leestijdMinuten', () => {
  it('rondt naar boven af op hele minuten', () => {
    expect(leestijdMinuten(200)).toBe(1);
    expect(leestijdMinuten(201)).toBe(2);
    expect(leestijdMinuten(600)).toBe(3);
  });

  it('geeft nooit minder dan één minuut', () => {
    expect(leestijdMinuten(0)).toBe(1);
    expect(leestijdMinuten(12)).toBe(1);
  });

  it('rekent met een ander leestempo', () => {
    expect(leestijdMinuten(600, 300)).toBe(2);
  });

  it('weigert onzin', () => {
    expect(() => leestijdMinuten(-1)).toThrow(RangeError);
    expect(() => leestijdMinuten(10, 0)).toThrow(RangeError);
  });
});

describe('leestijdTekst', () => {
  it('zegt "minuut" bij één minuut', () => {
    expect(leestijdTekst('kort stukje')).toBe('Leestijd: 1 minuut');
  });

  it('zegt "minuten" bij meer minuten', () => {
    expect(leestijdTekst(Array.from({ length: 450 }, () => 'woord').join(' '))).toBe('Leestijd: 3 minuten');
  });
});

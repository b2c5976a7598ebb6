import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { vanElders } from './redactie-cms.ts';

const verzoek = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const eigen = 'http://localhost:4321';

describe('vanElders: de lokale API van de CMS schrijft bestanden, dus alleen voor de eigen pagina’s', () => {
  it('laat de eigen pagina en een verzoek zonder Origin (curl, Decap zelf) door', () => {
    expect(vanElders(verzoek({ origin: eigen, 'sec-fetch-site': 'same-origin' }), eigen)).toBe(false);
    expect(vanElders(verzoek({}), eigen)).toBe(false);
  });
  it('weigert een andere site, ook op een andere poort van dezelfde machine', () => {
    expect(vanElders(verzoek({ origin: 'https://kwaad.example' }), eigen)).toBe(true);
    expect(vanElders(verzoek({ origin: 'http://localhost:5173' }), eigen)).toBe(true);
    expect(vanElders(verzoek({ 'sec-fetch-site': 'cross-site' }), eigen)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { foutPagina } from './foutpagina.ts';

const bijeenkomst = { slug: 'opgavegericht-besturen', titel: 'Opgavegericht besturen', contact: 't.routers@vpng.nl' };
const basis = { melding: 'Je inschrijving is NIET ontvangen.', waarden: { voornaam: 'Anna' }, wachtlijst: false, bijeenkomst };

describe('foutPagina', () => {
  it('met het formulier op de pagina: geen verwijzing naar de terugknop, die met het formulier zou concurreren', () => {
    for (const invoer of [
      { ...basis, status: 422, fouten: { email: 'Vul je e-mailadres in' }, formulierTonen: true },
      { ...basis, status: 502, formulierTonen: true },
    ]) {
      const { inhoud } = foutPagina(invoer);
      expect(inhoud).toContain('<form');
      expect(inhoud).toContain('value="Anna"');
      expect(inhoud).not.toContain('terugknop');
      expect(inhoud).toContain('href="mailto:t.routers@vpng.nl"');
    }
  });

  it('zonder formulier wijst de pagina de weg terug', () => {
    const { inhoud } = foutPagina({ ...basis, status: 409, formulierTonen: false });
    expect(inhoud).not.toContain('<form');
    expect(inhoud).toContain('terugknop van je browser');
    expect(inhoud).toContain('href="/bijeenkomsten/opgavegericht-besturen/#inschrijven"');
  });
});

import { describe, expect, test } from 'vitest';
import { htmlTekst, jaarZonderMarkering, zonderAdressen } from '../../../testhulp/onbevestigd.ts';
import { bijeenkomstSchema } from '../../bijeenkomst/schema.ts';
import { type AfmeldContext, afmeldOrganisatorZending, afmeldZending } from './mails.ts';

const context = (extra: object = {}): AfmeldContext => ({
  slug: 'opgavegericht-besturen',
  bijeenkomst: bijeenkomstSchema.parse({
    titel: 'Opgavegericht besturen',
    samenvatting: 'Een sessie.',
    datum: '2027-11-04',
    organisatoren: ['VPNG'],
    doelgroep: 'Wethouders',
    contact: 't.routers@vpng.nl',
    inschrijving: { status: 'open' },
    ...extra,
  }),
  gegevens: { voornaam: 'Anna', tussenvoegsel: '', achternaam: 'Vries', email: 'anna@zwolle.nl', wachtlijst: false },
  organisator: 't.routers@vpng.nl',
  van: 'VPNG <inschrijving@vpng.nl>',
});

describe('afmeldmails', () => {
  test('de bevestiging zegt dat de afmelding naar de organisator is gestuurd, niet dat hij haar heeft', () => {
    const [, persoon] = afmeldZending(context()).mails;
    expect(persoon!.tekst).toContain(
      'Je bent afgemeld voor ‘Opgavegericht besturen’ op donderdag 4 november 2027. We hebben je afmelding per e-mail naar de organisator gestuurd (t.routers@vpng.nl).',
    );
    expect(persoon!.tekst).not.toMatch(/heeft je afmelding ontvangen/);
  });

  test('een jaar dat nog niet vaststaat: in beide mails nooit zonder markering', () => {
    const mails = [
      ...afmeldZending(context({ onbevestigd: ['jaar'] })).mails,
      ...afmeldOrganisatorZending(context({ onbevestigd: ['jaar'] })).mails,
    ];
    expect(mails).toHaveLength(3);
    for (const m of mails) {
      expect(m.tekst).toContain('4 november 2027 (jaar nog te bevestigen)');
      for (const tekst of [m.onderwerp, zonderAdressen(m.tekst), htmlTekst(m.html)]) expect(jaarZonderMarkering(tekst, '2027')).toEqual([]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { bijeenkomstSchema } from './schema.ts';

const geldig = {
  titel: 'Opgavegericht besturen',
  samenvatting: 'Een bijeenkomst voor wethouders.',
  datum: new Date('2027-11-04T00:00:00Z'),
  organisatoren: ['VPNG'],
  doelgroep: 'Wethouders',
  contact: 't.routers@vpng.nl',
  inschrijving: { status: 'open' },
};

function fouten(invoer: unknown) {
  const r = bijeenkomstSchema.safeParse(invoer);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('bijeenkomstSchema', () => {
  it('neemt een YAML-datum over als jjjj-mm-dd en vult standaarden in', () => {
    const b = bijeenkomstSchema.parse(geldig);
    expect(b.datum).toBe('2027-11-04');
    expect(b.vorm).toBe('fysiek');
    expect(b.sprekers).toEqual([]);
  });
  it('noemt een onbekend veld', () => {
    expect(fouten({ ...geldig, tijd: '13:30' })).toEqual([': onbekend veld: tijd']);
  });
  it('weigert een datum die geen datum is', () => {
    expect(fouten({ ...geldig, datum: '4 november' })[0]).toMatch(/^datum: moet een datum zijn/);
    expect(fouten({ ...geldig, datum: '2027-02-30' })[0]).toMatch(/^datum: bestaat niet/);
  });
  it('weigert een eindtijd vóór de begintijd', () => {
    expect(fouten({ ...geldig, begintijd: '14:00', eindtijd: '13:00' })).toEqual(['eindtijd: ligt niet na de begintijd (14:00)']);
  });
  it('weigert een deadline na de bijeenkomst', () => {
    expect(fouten({ ...geldig, inschrijving: { status: 'open', tot: '2027-11-05' } })[0]).toMatch(
      /^inschrijving\.tot: ligt na de datum van de bijeenkomst/,
    );
  });
  it('weigert een fout e-mailadres en een onbekende status', () => {
    expect(fouten({ ...geldig, contact: 'vpng.nl' })[0]).toMatch(/^contact: moet een e-mailadres zijn/);
    expect(fouten({ ...geldig, inschrijving: { status: 'vol' } })[0]).toMatch(/^inschrijving\.status: moet "open"/);
  });
  describe('onbevestigd', () => {
    it('is standaard leeg en neemt jaar, datum, tijd en locatie', () => {
      expect(bijeenkomstSchema.parse(geldig).onbevestigd).toEqual([]);
      expect(bijeenkomstSchema.parse({ ...geldig, onbevestigd: ['jaar'] }).onbevestigd).toEqual(['jaar']);
      const alles = {
        ...geldig,
        begintijd: '13:30',
        locatie: { naam: 'Stadhuis', plaats: 'Zwolle' },
        onbevestigd: ['datum', 'tijd', 'locatie'],
      };
      expect(fouten(alles)).toEqual([]);
    });
    it('weigert een onbekend feit en geen lijst', () => {
      expect(fouten({ ...geldig, onbevestigd: ['spreker'] })).toEqual(['onbevestigd.0: kent alleen jaar, datum, tijd en locatie']);
      expect(fouten({ ...geldig, onbevestigd: 'jaar' })).toEqual(['onbevestigd: moet een lijst zijn, bijvoorbeeld [jaar]']);
    });
    it('weigert jaar én datum, een feit twee keer, en tijd of locatie die er niet is', () => {
      expect(fouten({ ...geldig, onbevestigd: ['jaar', 'datum'] })[0]).toMatch(/^onbevestigd: noemt jaar én datum/);
      expect(fouten({ ...geldig, onbevestigd: ['jaar', 'jaar'] })).toEqual(['onbevestigd: noemt jaar twee keer; één keer is genoeg']);
      expect(fouten({ ...geldig, onbevestigd: ['tijd'] })[0]).toMatch(/^onbevestigd: noemt tijd, maar er is geen begintijd/);
      expect(fouten({ ...geldig, onbevestigd: ['locatie'] })[0]).toMatch(/^onbevestigd: noemt locatie, maar er is geen locatie/);
    });
  });
});

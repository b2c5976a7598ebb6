import type { Collectie } from './schemas.ts';

/**
 * A correct line of frontmatter for every field, shown after an editor's mistake.
 * Keys are field paths; `[]` stands for "each item of the list". A test keeps this
 * list complete: every field of every schema has an example here.
 */
export const voorbeelden: Record<Collectie, Record<string, string>> = {
  bijeenkomsten: {
    titel: 'titel: Opgavegericht besturen',
    samenvatting: 'samenvatting: Een middag voor wethouders over opgavegericht besturen.',
    datum: 'datum: 2027-11-04',
    begintijd: 'begintijd: "13:30"',
    eindtijd: 'eindtijd: "17:00"',
    locatie: 'locatie: met daaronder, twee spaties ingesprongen, naam: … en plaats: …',
    'locatie.naam': 'naam: Stadskantoor',
    'locatie.adres': 'adres: Stationsplein 1',
    'locatie.plaats': 'plaats: Utrecht',
    onbevestigd: 'onbevestigd: [jaar]',
    'onbevestigd[]': '- jaar (of datum, tijd, locatie)',
    vorm: 'vorm: fysiek',
    sprekers: 'sprekers: met daaronder per spreker "- naam: …" en, recht daaronder, "rol: …"',
    'sprekers[].naam': '- naam: Enrico Kraijo',
    'sprekers[].rol': 'rol: directeur van de VPNG',
    organisatoren: 'organisatoren: [VPNG, Wethoudersvereniging]',
    'organisatoren[]': '- VPNG',
    doelgroep: 'doelgroep: Wethouders en opgavemanagers',
    contact: 'contact: t.routers@vpng.nl',
    inschrijving: 'inschrijving: met daaronder, twee spaties ingesprongen, status: open',
    'inschrijving.status': 'status: open (of wachtlijst, of gesloten)',
    'inschrijving.tot': 'tot: 2027-10-28',
    concept: 'concept: true',
  },
  gids: {
    titel: 'titel: De vier invalshoeken',
    samenvatting: 'samenvatting: Besturen, sturen, presteren en leren: vier manieren om naar een opgave te kijken.',
    volgorde: 'volgorde: 3',
    concept: 'concept: true',
  },
  paginas: {
    titel: 'titel: Privacy',
    samenvatting: 'samenvatting: Wat er gebeurt met de gegevens die je bij een inschrijving invult.',
    bijgewerkt: 'bijgewerkt: 2027-01-15',
    onbevestigd: 'onbevestigd: met daaronder per punt een regel "- …"',
    'onbevestigd[]': '- Hoe lang de VPNG de inschrijfmails bewaart.',
    concept: 'concept: true',
  },
};

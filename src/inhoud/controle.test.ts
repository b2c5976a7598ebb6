import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { controleerInhoud, verslag } from './controle.ts';
import { type Collectie, inhoudSchemas } from './schemas.ts';
import { voorbeelden } from './voorbeelden.ts';

const project = join(import.meta.dirname, '..', '..');
const bijeenkomst = 'src/content/bijeenkomsten/opgavegericht-besturen.md';

// Every mistake is made in a temporary copy of src/content, never in the real one.
let kopie: string;
beforeEach(async () => {
  kopie = await mkdtemp(join(tmpdir(), 'inhoud-'));
  await cp(join(project, 'src', 'content'), join(kopie, 'src', 'content'), { recursive: true });
});
afterEach(() => rm(kopie, { recursive: true, force: true }));

/** Replaces `van` by `naar` in a file of the copy; fails loudly when `van` is not there. */
async function pasAan(bestand: string, van: string | RegExp, naar: string) {
  const pad = join(kopie, bestand);
  const tekst = await readFile(pad, 'utf8');
  const nieuw = tekst.replace(van, naar);
  expect(nieuw, `${String(van)} staat niet in ${bestand}`).not.toBe(tekst);
  await writeFile(pad, nieuw);
}

async function fouten() {
  return (await controleerInhoud(kopie)).fouten;
}

describe('de inhoudscontrole', () => {
  it('keurt de echte inhoud goed', async () => {
    const uitslag = await controleerInhoud(kopie);
    expect(uitslag.fouten).toEqual([]);
    expect(uitslag.bestanden).toBeGreaterThanOrEqual(4);
  });

  it('noemt een eindtijd vóór de begintijd, met bestand, veld en voorbeeld', async () => {
    await pasAan(bijeenkomst, 'datum: 2027-11-04', 'datum: 2027-11-04\nbegintijd: "14:00"\neindtijd: "13:00"');
    expect(await fouten()).toEqual([`${bijeenkomst}: veld "eindtijd": ligt niet na de begintijd (14:00). Voorbeeld: eindtijd: "17:00"`]);
  });

  it('noemt een onbekend veld en raadt het bedoelde veld', async () => {
    await pasAan(bijeenkomst, 'datum: 2027-11-04', 'datum: 2027-11-04\ntijd: "13:30"');
    const [regel, ...rest] = await fouten();
    expect(rest).toEqual([]);
    expect(regel).toMatch(new RegExp(`^${bijeenkomst}: veld "tijd": is een onbekend veld; bedoel je "begintijd"\\?`));
    expect(regel).toContain('Velden hier: titel, samenvatting, datum, begintijd, eindtijd');
    expect(regel).toMatch(/Voorbeeld: begintijd: "13:30"$/);
  });

  it('noemt een onbekend veld binnen inschrijving', async () => {
    await pasAan(bijeenkomst, '  status: open', '  status: open\n  deadline: 2027-11-01');
    expect(await fouten()).toEqual([`${bijeenkomst}: veld "inschrijving.deadline": is een onbekend veld. Velden hier: status, tot`]);
  });

  it('noemt een datum die geen datum is', async () => {
    await pasAan(bijeenkomst, 'datum: 2027-11-04', 'datum: 4 november');
    expect(await fouten()).toEqual([`${bijeenkomst}: veld "datum": moet een datum zijn als jjjj-mm-dd. Voorbeeld: datum: 2027-11-04`]);
  });

  it('noemt een dag die niet in de kalender staat, ook zonder aanhalingstekens', async () => {
    await pasAan(bijeenkomst, 'datum: 2027-11-04', 'datum: 2027-02-30');
    expect(await fouten()).toEqual([`${bijeenkomst}: veld "datum": bestaat niet in de kalender. Voorbeeld: datum: 2027-11-04`]);
  });

  it('noemt ook bij een pagina een dag die niet bestaat, in plaats van hem als 2 maart te tonen', async () => {
    await pasAan('src/content/paginas/privacy.md', /^bijgewerkt:.*$/m, 'bijgewerkt: 2027-02-30');
    expect(await fouten()).toEqual([
      'src/content/paginas/privacy.md: veld "bijgewerkt": bestaat niet in de kalender. Voorbeeld: bijgewerkt: 2027-01-15',
    ]);
    await pasAan('src/content/paginas/privacy.md', 'bijgewerkt: 2027-02-30', 'bijgewerkt: 15 januari');
    expect(await fouten()).toEqual([
      'src/content/paginas/privacy.md: veld "bijgewerkt": moet een datum zijn als jjjj-mm-dd. Voorbeeld: bijgewerkt: 2027-01-15',
    ]);
  });

  it('noemt een inschrijfdeadline na de bijeenkomst', async () => {
    await pasAan(bijeenkomst, '  status: open', '  status: open\n  tot: 2027-11-05');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: veld "inschrijving.tot": ligt na de datum van de bijeenkomst (2027-11-04); kies een dag op of vóór die datum. Voorbeeld: tot: 2027-10-28`,
    ]);
  });

  it('noemt een fout e-mailadres', async () => {
    await pasAan(bijeenkomst, 'contact: t.routers@vpng.nl', 'contact: t.routers.vpng.nl');
    expect(await fouten()).toEqual([`${bijeenkomst}: veld "contact": moet een e-mailadres zijn. Voorbeeld: contact: t.routers@vpng.nl`]);
  });

  it('noemt twee bestanden met hetzelfde webadres', async () => {
    await cp(join(kopie, bijeenkomst), join(kopie, 'src/content/bijeenkomsten/Opgavegericht-Besturen.md'));
    expect(await fouten()).toEqual([
      'src/content/bijeenkomsten/opgavegericht-besturen.md: bestandsnaam: geeft hetzelfde webadres (opgavegericht-besturen) ' +
        'als Opgavegericht-Besturen.md; geef één van beide een andere naam. Voorbeeld: opgavegericht-besturen-2027.md',
    ]);
  });

  it('noemt een pagina waarvan het webadres al van de site is, zoals /admin/ of /gids/', async () => {
    // The site's own routes are read from src/pages.
    await cp(join(project, 'src', 'pages'), join(kopie, 'src', 'pages'), { recursive: true });
    await cp(join(kopie, 'src/content/paginas/privacy.md'), join(kopie, 'src/content/paginas/Admin.md'));
    await cp(join(kopie, 'src/content/paginas/privacy.md'), join(kopie, 'src/content/paginas/gids.md'));
    expect(await fouten()).toEqual([
      'src/content/paginas/Admin.md: bestandsnaam: het webadres /admin/ is al van de site (de redactieomgeving); geef de pagina een andere naam. Voorbeeld: admin-informatie.md',
      'src/content/paginas/gids.md: bestandsnaam: het webadres /gids/ is al van de site; geef de pagina een andere naam. Voorbeeld: gids-informatie.md',
    ]);
  });

  it('noemt bij een naam op .md.txt de naam zonder .txt, en waar die vandaan komt', async () => {
    await cp(join(kopie, bijeenkomst), join(kopie, 'src/content/bijeenkomsten/kerstborrel.md.txt'));
    expect(await fouten()).toEqual([
      'src/content/bijeenkomsten/kerstborrel.md.txt: bestandsnaam: wordt niet gelezen, alleen namen op .md komen op de site; ' +
        'achter .md staat nog .txt (Windows en macOS verbergen dat vaak). Voorbeeld: kerstborrel.md',
    ]);
  });

  it('noemt een bestand dat Astro niet leest omdat het niet op .md eindigt', async () => {
    await cp(join(kopie, bijeenkomst), join(kopie, 'src/content/bijeenkomsten/programmasturing.markdown'));
    expect(await fouten()).toEqual([
      'src/content/bijeenkomsten/programmasturing.markdown: bestandsnaam: wordt niet gelezen, alleen namen op .md komen op de site. ' +
        'Voorbeeld: programmasturing.md',
    ]);
  });

  it('wijst een slug-veld af: het webadres is de bestandsnaam', async () => {
    await pasAan(bijeenkomst, 'datum: 2027-11-04', 'datum: 2027-11-04\nslug: besturen');
    expect((await fouten())[0]).toMatch(
      new RegExp(`^${bijeenkomst}: veld "slug": is een onbekend veld \\(het webadres is de bestandsnaam: hernoem het bestand\\)`),
    );
  });

  it('noemt elk ontbrekend verplicht veld', async () => {
    await pasAan(bijeenkomst, 'doelgroep: Wethouders en opgavemanagers\n', '');
    await pasAan(bijeenkomst, /inschrijving:\n {2}status: open\n/, '');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: veld "doelgroep": ontbreekt: voor wie is de bijeenkomst? Voorbeeld: doelgroep: Wethouders en opgavemanagers`,
      `${bijeenkomst}: veld "inschrijving": ontbreekt: geef inschrijving.status (open, wachtlijst of gesloten). ` +
        'Voorbeeld: inschrijving: met daaronder, twee spaties ingesprongen, status: open',
    ]);
  });

  it('ziet een veld dat niet is ingesprongen onder zijn groep', async () => {
    await pasAan(bijeenkomst, /^vorm:.*$/m, '$&\nlocatie:\nnaam: Stadskantoor\nplaats: Utrecht');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: veld "locatie": moet naam en plaats hebben, elk op een eigen regel. ` +
        'Voorbeeld: locatie: met daaronder, twee spaties ingesprongen, naam: … en plaats: …',
      expect.stringMatching(
        new RegExp(
          `^${bijeenkomst}: veld "naam": is een onbekend veld; hoort het bij "locatie"\\? Zet het dan onder "locatie:", twee spaties ingesprongen\\.`,
        ),
      ),
      expect.stringMatching(new RegExp(`^${bijeenkomst}: veld "plaats": is een onbekend veld; hoort het bij "locatie"\\?`)),
    ]);
  });

  it('telt sprekers vanaf 1', async () => {
    await pasAan(bijeenkomst, '    rol: directeur', '    functie: directeur');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: veld "sprekers[1].rol": ontbreekt: de rol van de spreker. Voorbeeld: rol: directeur van de VPNG`,
      `${bijeenkomst}: veld "sprekers[1].functie": is een onbekend veld. Velden hier: naam, rol`,
    ]);
  });

  it('wijst de regel aan waar een dubbele punt in een tekst staat, met de eigen tekst als voorbeeld', async () => {
    await pasAan(bijeenkomst, /^titel: (.*)$/m, 'titel: Opgavegericht besturen: speciaal voor wethouders');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: regel 2: in de tekst van "titel" staat een dubbele punt; zet de hele tekst dan tussen rechte ` +
        'aanhalingstekens. Voorbeeld: titel: "Opgavegericht besturen: speciaal voor wethouders"',
    ]);
  });

  it('noemt bij een verkeerd ingesprongen rol: de opbouw van de sprekers, geen voorbeeld met een titel', async () => {
    await pasAan(bijeenkomst, '    rol: directeur', '   rol: directeur');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: regel 12: de inspringing van "rol:" klopt niet. ` +
        'Voorbeeld: sprekers: met daaronder per spreker "- naam: …" en, recht daaronder, "rol: …"',
    ]);
    await pasAan(bijeenkomst, '   rol: directeur', '  rol: directeur');
    expect(await fouten()).toEqual([expect.stringMatching(new RegExp(`^${bijeenkomst}: regel 12: de inspringing van "rol:" klopt niet.`))]);
  });

  it('noemt een veld dat niet helemaal links staat', async () => {
    await pasAan(bijeenkomst, 'doelgroep: Wethouders', ' doelgroep: Wethouders');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: regel 16: "doelgroep:" hoort helemaal links te staan, zonder spaties ervoor. Voorbeeld: doelgroep: Wethouders en opgavemanagers`,
    ]);
  });

  it('noemt gekrulde aanhalingstekens uit Word bij hun naam, ook waar ze de opbouw breken', async () => {
    await pasAan(bijeenkomst, 'datum: 2027-11-04', 'datum: 2027-11-04\nbegintijd: “13:30”');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: veld "begintijd": staat tussen gekrulde aanhalingstekens (“13:30”), zoals Word ze zet; ` +
        'gebruik rechte aanhalingstekens (" "). Voorbeeld: begintijd: "13:30"',
    ]);
    await pasAan(bijeenkomst, 'begintijd: “13:30”', 'begintijd: ‘13:30’');
    expect((await fouten())[0]).toMatch(/staat tussen gekrulde aanhalingstekens \(‘13:30’\)/);

    await pasAan(bijeenkomst, 'begintijd: ‘13:30’\n', '');
    await pasAan(bijeenkomst, /^titel: (.*)$/m, 'titel: “Opgavegericht besturen: een middag”');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: regel 2: de tekst van "titel" staat tussen gekrulde aanhalingstekens (“ ”), zoals Word ze zet, ` +
        'en bevat een dubbele punt; gebruik rechte aanhalingstekens. Voorbeeld: titel: "Opgavegericht besturen: een middag"',
    ]);
  });

  it('controleert ook de gids en de pagina’s', async () => {
    await mkdir(join(kopie, 'src/content/gids'), { recursive: true });
    await writeFile(join(kopie, 'src/content/gids/rollen.md'), '---\ntitel: Rollen\nsamenvatting: De rollen.\n---\nTekst\n');
    await pasAan('src/content/paginas/privacy.md', /^titel:.*$/m, 'title: Privacy');
    const regels = await fouten();
    expect(regels).toContain(
      'src/content/gids/rollen.md: veld "volgorde": ontbreekt: de plaats van het hoofdstuk in de gids. Voorbeeld: volgorde: 3',
    );
    expect(regels.filter((r) => r.startsWith('src/content/paginas/privacy.md: '))).toEqual([
      'src/content/paginas/privacy.md: veld "titel": ontbreekt: geef de pagina een titel. Voorbeeld: titel: Privacy',
      'src/content/paginas/privacy.md: veld "title": is een onbekend veld; bedoel je "titel"? Velden hier: titel, samenvatting, bijgewerkt, onbevestigd, concept. Voorbeeld: titel: Privacy',
    ]);
  });

  it('noemt twee hoofdstukken van de gids met hetzelfde nummer, met een vrij nummer als voorbeeld', async () => {
    await pasAan('src/content/gids/sturen.md', /^volgorde: 3$/m, 'volgorde: 2');
    expect(await fouten()).toEqual([
      'src/content/gids/sturen.md: veld "volgorde": is hetzelfde nummer (2) als in besturen.md; geef elk hoofdstuk een eigen nummer. ' +
        'Voorbeeld: volgorde: 10',
    ]);
    // A draft does not count: the build leaves it out.
    await pasAan('src/content/gids/sturen.md', /^volgorde: 2$/m, 'volgorde: 2\nconcept: true');
    expect(await fouten()).toEqual([]);
  });

  it('noemt concepten apart: ze komen niet op de echte site, en mogen nog voorbeeldtekst hebben', async () => {
    await pasAan(bijeenkomst, 'vorm: fysiek', 'vorm: fysiek\nconcept: true');
    await pasAan(
      bijeenkomst,
      /^samenvatting: >-\n( {2}.*\n)+/m,
      'samenvatting: Pas deze zin aan. Waar gaat de bijeenkomst over, en voor wie is hij?\n',
    );
    const uitslag = await controleerInhoud(kopie);
    expect(uitslag.fouten).toEqual([]);
    expect(verslag(uitslag).split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^Inhoud in orde: \d+ bestanden gecontroleerd\.$/),
      `${bijeenkomst}: concept, komt niet op de echte site; wel te zien met npm start en in een voorbeeld (concept: true).`,
    ]);

    await pasAan(bijeenkomst, 'concept: true', 'concept: ja');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: veld "concept": moet true (nog niet publiceren) of false (publiceren) zijn. Voorbeeld: concept: true`,
    ]);
  });

  it('wijst voorbeeldtekst uit het sjabloon af in elk bestand dat online gaat, ook in de gids', async () => {
    await pasAan(
      'src/content/gids/leren.md',
      /\n---\n/,
      '\n---\n\nSchrijf hier de tekst van de bijeenkomst. Een lege regel begint een nieuwe alinea.\n',
    );
    expect(await fouten()).toEqual([
      'src/content/gids/leren.md: tekst onder de velden: bevat nog voorbeeldtekst uit het sjabloon ' +
        '("Schrijf hier de tekst van de bijeenkomst. …"). Vervang die door de echte tekst, of zet concept: true zolang het bestand niet af is.',
    ]);
  });

  it('noemt een hoofdstuk van de gids dat niet eindigt met waar de inhoud vandaan komt; een concept nog niet', async () => {
    const hoofdstuk = 'src/content/gids/leren.md';
    const tekst = await readFile(join(kopie, hoofdstuk), 'utf8');
    const zonder = tekst.slice(0, tekst.indexOf('## Waar dit hoofdstuk vandaan komt'));
    await writeFile(join(kopie, hoofdstuk), zonder);
    const melding =
      `${hoofdstuk}: tekst onder de velden: het hoofdstuk eindigt niet met de tussenkop "Waar dit hoofdstuk vandaan komt", ` +
      'met daaronder waar de inhoud vandaan komt. Zet die als laatste tussenkop. Voorbeeld: ## Waar dit hoofdstuk vandaan komt';
    expect(await fouten()).toEqual([melding]);

    // There, but not last; there, but nothing under it.
    await writeFile(join(kopie, hoofdstuk), `${tekst}\n## Verder lezen\n\nMeer.\n`);
    expect(await fouten()).toEqual([melding]);
    await writeFile(join(kopie, hoofdstuk), `${zonder}## Waar dit hoofdstuk vandaan komt\n\n`);
    expect(await fouten()).toEqual([melding]);
    // In a code block it does not count.
    await writeFile(join(kopie, hoofdstuk), `${zonder}\`\`\`\n## Waar dit hoofdstuk vandaan komt\n\nBron.\n\`\`\`\n`);
    expect(await fouten()).toEqual([melding]);

    await pasAan(hoofdstuk, 'volgorde: 5', 'volgorde: 5\nconcept: true');
    expect(await fouten()).toEqual([]);
  });

  it('noemt een tweede hoofdkop (# ) in de tekst, met de regel en de tussenkop als voorbeeld', async () => {
    await pasAan(bijeenkomst, '## Gemeenten gaan opgavegericht werken', '# Gemeenten gaan opgavegericht werken');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: regel 38: "# Gemeenten gaan opgavegericht werken" is een tweede hoofdkop: de titel bovenaan is al de ` +
        'hoofdkop van de pagina. Maak er een tussenkop van, met twee #. Voorbeeld: ## Gemeenten gaan opgavegericht werken',
    ]);
    // Underlined with ===, or as HTML: the same heading.
    await pasAan(bijeenkomst, '# Gemeenten gaan opgavegericht werken', 'Gemeenten gaan opgavegericht werken\n===');
    expect(await fouten()).toEqual([expect.stringMatching(/: regel 38: "Gemeenten gaan opgavegericht werken" is een tweede hoofdkop/)]);
    await pasAan(bijeenkomst, 'Gemeenten gaan opgavegericht werken\n===', '<h1>Gemeenten gaan opgavegericht werken</h1>');
    expect(await fouten()).toEqual([
      expect.stringMatching(/: regel 38: "<h1>Gemeenten gaan opgavegericht werken<\/h1>" is een tweede hoofdkop/),
    ]);
    // A # in a code block, or #hashtag without a space, is no heading.
    await pasAan(bijeenkomst, '<h1>Gemeenten gaan opgavegericht werken</h1>', '```\n# commentaar\n```\n\n#opgavegericht');
    expect(await fouten()).toEqual([]);
  });

  it('noemt elk punt dat nog te bevestigen is, één regel met bestand en veld: een waarschuwing, geen fout', async () => {
    await pasAan(
      bijeenkomst,
      /^onbevestigd: .*$/m,
      'onbevestigd: [jaar, tijd, locatie]\nbegintijd: "13:30"\neindtijd: "17:00"\nlocatie:\n  naam: Stadhuis\n  plaats: Zwolle',
    );
    await writeFile(
      join(kopie, 'src/content/paginas/toegankelijkheid.md'),
      '---\ntitel: Toegankelijkheid\nsamenvatting: Een pagina.\nonbevestigd:\n  - Het adres voor vragen.\n  - De termijn.\n---\n\nTekst.\n',
    );
    const uitslag = await controleerInhoud(kopie);
    expect(uitslag.fouten).toEqual([]);
    expect(uitslag.nogTeBevestigen).toEqual(
      expect.arrayContaining([
        `${bijeenkomst}: veld "datum": het jaar 2027 is nog te bevestigen (onbevestigd: jaar).`,
        `${bijeenkomst}: veld "begintijd": de tijd 13:30–17:00 is nog te bevestigen (onbevestigd: tijd).`,
        `${bijeenkomst}: veld "locatie": de locatie Stadhuis, Zwolle is nog te bevestigen (onbevestigd: locatie).`,
        'src/content/paginas/toegankelijkheid.md: veld "onbevestigd[1]": nog te bevestigen: Het adres voor vragen.',
        'src/content/paginas/toegankelijkheid.md: veld "onbevestigd[2]": nog te bevestigen: De termijn.',
      ]),
    );
    const regels = verslag(uitslag).split('\n');
    expect(regels[0]).toMatch(/^Inhoud in orde/);
    expect(regels).toContain(
      `Nog te bevestigen (${uitslag.nogTeBevestigen.length} punten; de site zegt het er zelf bij, dit houdt de bouw niet tegen):`,
    );
    expect(regels).toEqual(expect.arrayContaining(uitslag.nogTeBevestigen));
  });

  it('de echte inhoud noemt wat de bronnen niet zeggen: het jaar, de privacypunten en het adres voor vragen', async () => {
    const { nogTeBevestigen } = await controleerInhoud(kopie);
    expect(nogTeBevestigen).toContain(`${bijeenkomst}: veld "datum": het jaar 2027 is nog te bevestigen (onbevestigd: jaar).`);
    const privacy = nogTeBevestigen.filter((r) => r.startsWith('src/content/paginas/privacy.md: veld "onbevestigd['));
    for (const onderwerp of [
      /postadres/,
      /vragen over je gegevens/,
      /bewaart/,
      /Resend/,
      /verwerkersovereenkomst/,
      /waarborg/,
      /Wethoudersvereniging/,
    ]) {
      expect(
        privacy.some((r) => onderwerp.test(r)),
        String(onderwerp),
      ).toBe(true);
    }
    expect(nogTeBevestigen.some((r) => r.startsWith('src/content/paginas/toegankelijkheid.md') && /toegankelijkheid/.test(r))).toBe(true);
  });

  // Starts Node itself, as an editor does: slower than the tests above.
  it('stopt met code 1 en de Nederlandse regels als opdracht', async () => {
    await pasAan(bijeenkomst, 'contact: t.routers@vpng.nl', 'contact: vpng.nl');
    const uitvoering = promisify(execFile)(process.execPath, [join(project, 'scripts/controleer-inhoud.ts')], { cwd: kopie });
    await expect(uitvoering).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`${bijeenkomst}: veld "contact": moet een e-mailadres zijn.`),
    });
  }, 30_000);
});

describe('afbeeldingen in de tekst', () => {
  const map = () => join(kopie, 'public', 'afbeeldingen');
  /** An image as an editor adds one: a file in the media folder, and a line in the Markdown. */
  async function metAfbeelding(regel: string, bytes = 40_000, naam = 'zaal.jpg') {
    await mkdir(map(), { recursive: true });
    await writeFile(join(map(), naam), Buffer.alloc(bytes, 1));
    await pasAan(bijeenkomst, '## Gemeenten gaan opgavegericht werken', `${regel}\n\n## Gemeenten gaan opgavegericht werken`);
  }

  it('keurt een afbeelding uit de mediamap met een beschrijving goed', async () => {
    await metAfbeelding('![Wethouders in gesprek aan een tafel](/afbeeldingen/zaal.jpg)');
    expect(await fouten()).toEqual([]);
    await pasAan(bijeenkomst, '(/afbeeldingen/zaal.jpg)', '(/afbeeldingen/zaal.jpg "De zaal")');
    expect(await fouten()).toEqual([]);
  });

  it('wil een beschrijving (alt-tekst), ook in HTML, en niet de bestandsnaam', async () => {
    await metAfbeelding('![](/afbeeldingen/zaal.jpg)');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: regel 38: de afbeelding /afbeeldingen/zaal.jpg heeft geen beschrijving (alt-tekst). Schrijf tussen de [ ] ` +
        'wat erop staat, voor wie de afbeelding niet ziet. Voorbeeld: ![Wethouders in gesprek aan een tafel](/afbeeldingen/zaal.jpg)',
    ]);
    await pasAan(bijeenkomst, '![](/afbeeldingen/zaal.jpg)', '![zaal.jpg](/afbeeldingen/zaal.jpg)');
    expect(await fouten()).toEqual([
      expect.stringMatching(/regel 38: de afbeelding \/afbeeldingen\/zaal\.jpg heeft als beschrijving alleen de bestandsnaam\./),
    ]);
    await pasAan(bijeenkomst, '![zaal.jpg](/afbeeldingen/zaal.jpg)', '<img src="/afbeeldingen/zaal.jpg">');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: regel 38: de afbeelding /afbeeldingen/zaal.jpg heeft geen beschrijving (alt-tekst). Schrijf die in alt="…", ` +
        'voor wie de afbeelding niet ziet. Voorbeeld: <img src="/afbeeldingen/zaal.jpg" alt="Wethouders in gesprek aan een tafel">',
    ]);
    await pasAan(bijeenkomst, '<img src="/afbeeldingen/zaal.jpg">', '<img alt="De zaal" src="/afbeeldingen/zaal.jpg">');
    expect(await fouten()).toEqual([]);
  });

  it('houdt de grootte binnen de perken, en noemt een afbeelding die er niet is', async () => {
    await metAfbeelding('![De zaal](/afbeeldingen/zaal.jpg)', 2_400_000);
    expect(await fouten()).toEqual([
      `${bijeenkomst}: regel 38: de afbeelding /afbeeldingen/zaal.jpg is 2,4 MB; hoogstens 300 kB, zodat de pagina ook op een ` +
        'telefoon snel laadt. Maak hem kleiner (bijvoorbeeld 1600 pixels breed, als JPG) en zet hem opnieuw in public/afbeeldingen.',
    ]);
    await writeFile(join(map(), 'zaal.jpg'), Buffer.alloc(300_000, 1));
    expect(await fouten()).toEqual([]);
    await pasAan(bijeenkomst, '(/afbeeldingen/zaal.jpg)', '(/afbeeldingen/Zaal.JPG)');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: regel 38: de afbeelding /afbeeldingen/Zaal.JPG staat niet in public/afbeeldingen. Zet hem daar ` +
        '(in de redactie: Media, Nieuwe uploaden), of verbeter de naam: hoofdletters tellen mee.',
    ]);
  });

  it('wil afbeeldingen uit de eigen mediamap, niet van een andere site of elders', async () => {
    await metAfbeelding('![De zaal](https://example.org/zaal.jpg)');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: regel 38: de afbeelding https://example.org/zaal.jpg staat op een andere site; de site toont alleen ` +
        'eigen afbeeldingen. Zet hem in public/afbeeldingen (in de redactie: Media, Nieuwe uploaden). Voorbeeld: ![De zaal](/afbeeldingen/zaal.jpg)',
    ]);
    await pasAan(bijeenkomst, '(https://example.org/zaal.jpg)', '(../../../public/afbeeldingen/zaal.jpg)');
    expect(await fouten()).toEqual([
      `${bijeenkomst}: regel 38: de afbeelding ../../../public/afbeeldingen/zaal.jpg staat niet in de afbeeldingenmap. ` +
        'Zet hem in public/afbeeldingen en schrijf het adres vanaf /afbeeldingen/. Voorbeeld: ![De zaal](/afbeeldingen/zaal.jpg)',
    ]);
    await pasAan(bijeenkomst, '(../../../public/afbeeldingen/zaal.jpg)', '(/afbeeldingen/../../package.json)');
    expect((await fouten())[0]).toMatch(/staat niet in de afbeeldingenmap/);
  });

  it('kijkt niet in codeblokken en codestukjes', async () => {
    await metAfbeelding('`![](/afbeeldingen/weg.jpg)`\n\n```\n![](/afbeeldingen/weg.jpg)\n```');
    expect(await fouten()).toEqual([]);
  });
});

describe('de voorbeelden', () => {
  /** Every field path of a schema, `[]` for list items, read from the schema itself. */
  function velden(collectie: Collectie): string[] {
    interface Knoop {
      properties?: Record<string, Knoop>;
      items?: Knoop;
    }
    const paden: string[] = [];
    const loop = (knoop: Knoop | undefined, pad: string) => {
      for (const [naam, kind] of Object.entries(knoop?.properties ?? {})) {
        const hier = pad ? `${pad}.${naam}` : naam;
        paden.push(hier);
        loop(kind, hier);
        if (kind.items) {
          if (!kind.items.properties) paden.push(`${hier}[]`);
          for (const [sub, subkind] of Object.entries(kind.items.properties ?? {})) {
            paden.push(`${hier}[].${sub}`);
            loop(subkind, `${hier}[].${sub}`);
          }
        }
      }
    };
    loop(z.toJSONSchema(inhoudSchemas[collectie], { io: 'input', unrepresentable: 'any' }) as Knoop, '');
    return paden.sort();
  }

  it.each(Object.keys(inhoudSchemas) as Collectie[])('dekken elk veld van %s, en niets anders', (collectie) => {
    expect(Object.keys(voorbeelden[collectie]).sort()).toEqual(velden(collectie));
  });
});

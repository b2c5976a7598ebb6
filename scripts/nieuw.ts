/**
 * Scaffolds a new bijeenkomst for the editors:
 *
 *   npm run nieuw -- "Titel van de bijeenkomst"
 *
 * writes src/content/bijeenkomsten/<slug>.md from a template in which every field is
 * filled in with a placeholder or commented out with a Dutch explanation, and never
 * overwrites a file. The new event is a draft (`concept: true`): `npm start` and a deploy
 * preview show it with a banner, the live site leaves it out. Without that line the content check refuses
 * the template's placeholder texts (src/inhoud/plaatshouders.ts), so it never goes live
 * half written. The placeholder date is marked in the data itself (`onbevestigd:
 * [datum]`): until the editor confirms it, the site says "(datum nog te bevestigen)"
 * wherever the date appears, and the content check lists it.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { leesStartadres } from '../integraties/startadres.ts';
import { datumInAmsterdam } from '../src/bijeenkomst/tijd.ts';
import { slugVan } from '../src/inhoud/bestandsnaam.ts';
import { webadres } from '../src/inhoud/controle.ts';
import { plaatshouders } from '../src/inhoud/plaatshouders.ts';

export { slugVan };

/** Three months after `vandaag` (YYYY-MM-DD): a future date, so the new event is open for sign-up. */
export function plaatshouderDatum(vandaag: string): string {
  const [j, m, d] = vandaag.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(j, m - 1 + 3, d)).toISOString().slice(0, 10);
}

export function sjabloon(titel: string, datum: string): string {
  const regel = (veld: string, waarde: string) => yaml.dump({ [veld]: waarde }, { lineWidth: -1 }).trimEnd();
  return `---
# Nieuwe bijeenkomst. Uitleg bij elk veld: docs/redactie/ (hoofdstuk 4)
# Een regel die met # begint is uitleg; de site slaat hem over. Haal het # weg om een veld te gebruiken.

# CONCEPT: zolang hier "concept: true" staat, is de bijeenkomst alleen te zien met npm start en in
# het voorbeeld van een wijziging (deploy preview), met de balk "Concept — niet gepubliceerd". De
# echte site laat hem weg. Is alles ingevuld en mag hij online? Haal dan de regel "concept: true"
# weg (deze uitleg mag ook weg).
concept: true

${regel('titel', titel)}

# Eén of twee zinnen voor de agenda en zoekmachines (hoogstens 300 tekens).
samenvatting: ${plaatshouders.samenvatting}

# De dag, als jaar-maand-dag, bijvoorbeeld 2027-11-04. Hier staat nog drie maanden na vandaag.
datum: ${datum}

# Wat op de site staat maar nog niet vaststaat: jaar, datum, tijd of locatie, tussen [ ] met komma's.
# De site zet er overal "(… nog te bevestigen)" achter. De datum hierboven is nog een plaatshouder,
# dus staat datum hier. Staat de dag vast? Maak er dan [] van.
onbevestigd: [datum]

# Tijden in Nederlandse tijd, als uu:mm tussen aanhalingstekens. Nog niet bekend? Laat het # staan:
# de site toont dan bij Tijd: "Volgt".
# begintijd: "13:30"
# eindtijd: "17:00"

# De plek. Nog niet bekend? Laat de # staan: de site toont dan bij Locatie: "Volgt".
# naam en plaats zijn nodig, adres mag weg. Let op: twee spaties voor naam, adres en plaats.
# locatie:
#   naam: Naam van het gebouw
#   adres: Straat en huisnummer
#   plaats: Plaatsnaam

# fysiek (op een plek) of online.
vorm: fysiek

# Sprekers: per spreker een regel "- naam:" en daaronder, recht onder "naam", "rol:".
# Nog geen sprekers? Laat "sprekers: []" staan.
sprekers: []
# sprekers:
#   - naam: Voornaam Achternaam
#     rol: functie en organisatie

# Wie organiseert de bijeenkomst: één naam per regel, elk met "- " ervoor.
organisatoren:
  - VPNG
#  - Wethoudersvereniging

doelgroep: Wethouders en opgavemanagers

# Het e-mailadres voor vragen en voor aanmelden per e-mail.
contact: t.routers@vpng.nl

# status: open (inschrijven kan), wachtlijst (inschrijven op de wachtlijst) of gesloten.
# tot: de laatste dag om in te schrijven, op of vóór de datum. Zonder "tot" kan het tot de bijeenkomst begint.
inschrijving:
  status: open
#  tot: ${datum}
---

${plaatshouders.tekst.join('\n\n')}
`;
}

export class BestaatAl extends Error {}

export interface Opties {
  titel: string;
  /** The folder of the events, normally src/content/bijeenkomsten. */
  map: string;
  /** Today in Amsterdam, YYYY-MM-DD. */
  vandaag: string;
}

/** Writes the new event file and returns its path; refuses when the title gives no or a taken address. */
export async function maakBijeenkomst({ titel, map, vandaag }: Opties): Promise<string> {
  const slug = slugVan(titel);
  if (!titel.trim() || !slug)
    throw new Error('Geef een titel met letters of cijfers, bijvoorbeeld: npm run nieuw -- "Opgavegericht besturen"');
  const pad = join(map, `${slug}.md`);
  const bestaand = (await readdir(map).catch(() => [])).find((naam) => naam.endsWith('.md') && webadres(naam) === slug);
  if (bestaand) {
    throw new BestaatAl(
      `${relative(process.cwd(), join(map, bestaand))} bestaat al, met hetzelfde webadres (${slug}). Er is niets overschreven. ` +
        'Open dat bestand om het aan te passen, of kies een andere titel.',
    );
  }
  await writeFile(pad, sjabloon(titel.trim(), plaatshouderDatum(vandaag)), { flag: 'wx' });
  return pad;
}

if (import.meta.main) {
  const titel = process.argv.slice(2).join(' ');
  const map = join(process.cwd(), 'src', 'content', 'bijeenkomsten');
  try {
    const pad = await maakBijeenkomst({ titel, map, vandaag: datumInAmsterdam(new Date()) });
    const kort = relative(process.cwd(), pad);
    console.log(`Nieuwe bijeenkomst, als concept: ${kort}`);
    console.log('Open het bestand en vul de velden in (zeker de datum).');
    // `npm start` takes another port when 4321 is in use: the address of the running one, or none.
    const adres = await leesStartadres(process.cwd());
    const pagina = `bijeenkomsten/${slugVan(titel)}/`;
    console.log(
      adres
        ? `Bekijk hem op ${new URL(pagina, adres).href}`
        : `Bekijk hem met npm start: open het adres dat npm start noemt, met ${pagina} erachter.`,
    );
    console.log('Controleer met: npm run check:inhoud');
    console.log('Online komt hij pas als je de regel "concept: true" weghaalt.');
  } catch (fout) {
    console.error(fout instanceof Error ? fout.message : String(fout));
    process.exitCode = 1;
  }
}

/**
 * The editors' content check: reads every Markdown file in src/content/*, validates
 * its frontmatter with the schemas the site itself uses (src/inhoud/schemas.ts) and
 * reports each mistake as one Dutch line naming the file, the field, what is wrong
 * and an example of right. Runs in `npm run check` and before every `astro build`
 * (astro.config.ts), so a mistake never reaches the live site. It also lists what the
 * content marks as not yet confirmed (`onbevestigd`): one line per open item, a warning
 * that stops nothing, so the list of what VPNG still has to confirm is never out of sight.
 *
 *   node scripts/controleer-inhoud.ts    exit 1 and one line per mistake, or exit 0
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { slug as astroSlug } from 'github-slugger';
import type { Bijeenkomst, OnbevestigdFeit } from '../bijeenkomst/schema.ts';
import { AFBEELDINGEN_MAP, MAX_AFBEELDING_BYTES } from './afbeeldingen.ts';
import { aantalFouten, regel, toets, toonPad, webadres } from './bestandscontrole.ts';
import { type Collectie, inhoudSchemas } from './schemas.ts';
import type { Afbeelding } from './tekstcontrole.ts';

// The check of a single file lives apart, free of Node, so the editing UI runs it too.
export { controleerBestand, controleerVelden, webadres } from './bestandscontrole.ts';

export interface Uitslag {
  /** How many Markdown files were read. */
  bestanden: number;
  /** One line per mistake, in Dutch. */
  fouten: string[];
  /** Files marked `concept: true`: they do not go live. */
  concepten: string[];
  /** One line per fact the content shows as "nog te bevestigen", in Dutch, with file and field. */
  nogTeBevestigen: string[];
}

/** Checks all content below `<project>/src/content`; paths in the lines are relative to `project`. */
export async function controleerInhoud(project: string): Promise<Uitslag> {
  const fouten: string[] = [];
  const concepten: string[] = [];
  const nogTeBevestigen: string[] = [];
  let bestanden = 0;
  for (const collectie of Object.keys(inhoudSchemas) as Collectie[]) {
    const map = join(project, 'src', 'content', collectie);
    const alle = (await readdir(map).catch(() => [])).sort();
    const namen = alle.filter((n) => n.endsWith('.md'));
    bestanden += namen.length;
    // Astro reads only *.md; a chapter saved as .markdown or .MD would silently be missing from the site.
    for (const naam of alle.filter((n) => !n.endsWith('.md') && markdownAchtig.test(n))) {
      fouten.push(`${relative(project, join(map, naam)).split('\\').join('/')}: bestandsnaam: ${nietGelezen(naam)}`);
    }
    const gelezen: Gelezen[] = [];
    for (const naam of namen) {
      const bestand = relative(project, join(map, naam)).split('\\').join('/');
      const uitslag = toets(collectie, bestand, await readFile(join(map, naam), 'utf8'));
      fouten.push(...uitslag.fouten);
      fouten.push(...(await afbeeldingFouten(project, bestand, uitslag.afbeeldingen ?? [])));
      if (uitslag.data) nogTeBevestigen.push(...openPunten(bestand, uitslag.data));
      if (uitslag.data?.concept === true) concepten.push(bestand);
      else if (uitslag.data) gelezen.push({ bestand, naam, data: uitslag.data });
    }
    fouten.push(...dubbeleAdressen(relative(project, map).split('\\').join('/'), namen));
    if (collectie === 'paginas')
      fouten.push(...bezetteAdressen(relative(project, map).split('\\').join('/'), namen, await siteAdressen(project)));
    if (collectie === 'gids') fouten.push(...dubbeleVolgorde(gelezen));
  }
  return { bestanden, fouten, concepten, nogTeBevestigen };
}

/** Names Astro does not read as Markdown, though an editor meant them to be. */
const markdownAchtig = /\.(md|markdown|mdown|mkd|txt)$/i;

/**
 * Why a file is not read, with the name it should have. A name such as kerstborrel.md.txt
 * comes from a computer that added .txt and hides it: the right name drops every such ending.
 */
function nietGelezen(naam: string): string {
  let kern = naam;
  while (markdownAchtig.test(kern)) kern = kern.replace(markdownAchtig, '');
  const laatste = naam.slice(naam.lastIndexOf('.'));
  const verborgen = /\.md\./i.test(naam) ? `; achter .md staat nog ${laatste} (Windows en macOS verbergen dat vaak)` : '';
  return `wordt niet gelezen, alleen namen op .md komen op de site${verborgen}. Voorbeeld: ${kern}.md`;
}

/** Sizes as an editor reads them: 412 kB, 2,4 MB. */
function grootte(bytes: number): string {
  const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
  return bytes >= 1_000_000 ? `${getal.format(bytes / 1_000_000)} MB` : `${Math.round(bytes / 1000)} kB`;
}

/** Each image of a file must be in the media folder, under the byte limit (src/inhoud/afbeeldingen.ts). */
async function afbeeldingFouten(project: string, bestand: string, afbeeldingen: Afbeelding[]): Promise<string[]> {
  const fouten: string[] = [];
  if (afbeeldingen.length === 0) return fouten;
  // Exactly as written: the live site is case-sensitive, even where the editor's computer is not.
  const inMap = await readdir(join(project, AFBEELDINGEN_MAP)).catch(() => [] as string[]);
  for (const { bron, regel } of afbeeldingen) {
    const waar = `${bestand}: regel ${regel}: de afbeelding ${bron}`;
    let naam: string;
    try {
      naam = decodeURI(bron.split(/[?#]/)[0] ?? '').slice(bron.indexOf('/', 1) + 1);
    } catch {
      naam = bron;
    }
    const gevonden = inMap.includes(naam) ? await stat(join(project, AFBEELDINGEN_MAP, naam)).catch(() => undefined) : undefined;
    if (!gevonden?.isFile()) {
      fouten.push(
        `${waar} staat niet in ${AFBEELDINGEN_MAP}. Zet hem daar (in de redactie: Media, Nieuwe uploaden), of verbeter de naam: hoofdletters tellen mee.`,
      );
    } else if (gevonden.size > MAX_AFBEELDING_BYTES) {
      fouten.push(
        `${waar} is ${grootte(gevonden.size)}; hoogstens ${grootte(MAX_AFBEELDING_BYTES)}, zodat de pagina ook op een telefoon snel laadt. ` +
          `Maak hem kleiner (bijvoorbeeld 1600 pixels breed, als JPG) en zet hem opnieuw in ${AFBEELDINGEN_MAP}.`,
      );
    }
  }
  return fouten;
}

/** The field that holds each fact an event can mark as not yet confirmed, and how the line names it. */
const feitVeld: Record<OnbevestigdFeit, { veld: string; wat: (b: Bijeenkomst) => string }> = {
  jaar: { veld: 'datum', wat: (b) => `het jaar ${b.datum.slice(0, 4)}` },
  datum: { veld: 'datum', wat: (b) => `de datum ${b.datum}` },
  tijd: { veld: 'begintijd', wat: (b) => `de tijd ${[b.begintijd, b.eindtijd].filter(Boolean).join('–')}` },
  locatie: { veld: 'locatie', wat: (b) => `de locatie ${[b.locatie?.naam, b.locatie?.plaats].filter(Boolean).join(', ')}` },
};

/**
 * The open items of one file whose fields are right: an event's marked facts, each under
 * the field it is about; a page's list, each item under `onbevestigd`.
 */
function openPunten(bestand: string, data: Record<string, unknown>): string[] {
  const lijst = Array.isArray(data.onbevestigd) ? data.onbevestigd : [];
  if (typeof data.datum === 'string') {
    const b = data as unknown as Bijeenkomst;
    return b.onbevestigd.map((feit) => {
      const { veld, wat } = feitVeld[feit];
      return `${bestand}: veld "${veld}": ${wat(b)} is nog te bevestigen (onbevestigd: ${feit}).`;
    });
  }
  return lijst.map((punt, i) => `${bestand}: veld "${toonPad(['onbevestigd', i])}": nog te bevestigen: ${String(punt)}`);
}

/** A file whose fields are right, with those fields. */
interface Gelezen {
  bestand: string;
  naam: string;
  data: Record<string, unknown>;
}

/**
 * Astro makes each entry's id (the slug in the URL) from its file name with
 * github-slugger, so `Opgavegericht-Besturen.md` and `opgavegericht-besturen.md`
 * get the same address and one would silently replace the other.
 */
function dubbeleAdressen(map: string, namen: string[]): string[] {
  const perAdres = new Map<string, string[]>();
  for (const naam of namen) {
    const adres = webadres(naam);
    perAdres.set(adres, [...(perAdres.get(adres) ?? []), naam]);
  }
  const fouten: string[] = [];
  for (const [adres, bestanden] of perAdres) {
    if (bestanden.length < 2) continue;
    const [eerste, ...anderen] = bestanden;
    for (const ander of anderen) {
      fouten.push(
        `${map}/${ander}: bestandsnaam: geeft hetzelfde webadres (${adres}) als ${eerste}; ` +
          `geef één van beide een andere naam. Voorbeeld: ${adres}-2027.md`,
      );
    }
  }
  return fouten;
}

/** What a top-level address is for, where its name does not say it. */
const bezetDoor: Record<string, string> = { admin: 'de redactieomgeving', api: 'de inschrijffunctie' };

/**
 * The top-level addresses the site itself uses: each fixed route in src/pages (a plain
 * page is /<file name>/, so `gids.md` would collide with the guide) and /api/, where
 * the sign-up function answers.
 */
async function siteAdressen(project: string): Promise<Set<string>> {
  const routes = await readdir(join(project, 'src', 'pages')).catch(() => []);
  return new Set([...routes.filter((r) => !r.startsWith('[')).map((r) => astroSlug(r.replace(/\.(astro|ts|md)$/, ''))), 'api']);
}

function bezetteAdressen(map: string, namen: string[], bezet: Set<string>): string[] {
  return namen
    .filter((naam) => bezet.has(webadres(naam)))
    .map((naam) => {
      const adres = webadres(naam);
      const door = bezetDoor[adres] ? ` (${bezetDoor[adres]})` : '';
      return `${map}/${naam}: bestandsnaam: het webadres /${adres}/ is al van de site${door}; geef de pagina een andere naam. Voorbeeld: ${adres}-informatie.md`;
    });
}

/**
 * Two chapters with the same `volgorde` leave their order to the file system; the guide's
 * pages refuse to be built that way (src/gids/hoofdstukken.ts). Drafts do not count: the
 * build leaves them out.
 */
function dubbeleVolgorde(hoofdstukken: Gelezen[]): string[] {
  const perNummer = new Map<number, Gelezen>();
  const hoogste = Math.max(0, ...hoofdstukken.map((h) => Number(h.data.volgorde)));
  const fouten: string[] = [];
  for (const h of hoofdstukken) {
    const nummer = Number(h.data.volgorde);
    const eerder = perNummer.get(nummer);
    if (!eerder) {
      perNummer.set(nummer, h);
      continue;
    }
    fouten.push(
      regel(
        h.bestand,
        ['volgorde'],
        `is hetzelfde nummer (${nummer}) als in ${eerder.naam}; geef elk hoofdstuk een eigen nummer`,
        `volgorde: ${hoogste + 1}`,
      ),
    );
  }
  return fouten;
}

/**
 * The open items as the build prints them: a heading with the count, then one line each.
 * Undefined when nothing is open.
 */
export function openVerslag(uitslag: Uitslag): string | undefined {
  const n = uitslag.nogTeBevestigen.length;
  if (n === 0) return undefined;
  return [
    `Nog te bevestigen (${n} ${n === 1 ? 'punt' : 'punten'}; de site zegt het er zelf bij, dit houdt de bouw niet tegen):`,
    ...uitslag.nogTeBevestigen,
  ].join('\n');
}

/** The lines an editor sees, in the terminal and in a failed build. */
export function verslag(uitslag: Uitslag): string {
  const concepten = uitslag.concepten.map(
    (bestand) => `${bestand}: concept, komt niet op de echte site; wel te zien met npm start en in een voorbeeld (concept: true).`,
  );
  const open = openVerslag(uitslag);
  if (uitslag.fouten.length === 0)
    return [`Inhoud in orde: ${uitslag.bestanden} bestanden gecontroleerd.`, ...concepten, ...(open ? [open] : [])].join('\n');
  const aantal = aantalFouten(uitslag.fouten.length);
  return [`De inhoud bevat ${aantal}:`, ...uitslag.fouten, 'Pas de velden aan zoals in het voorbeeld (zie docs/redactie/).'].join('\n');
}

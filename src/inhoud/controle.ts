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
import yaml from 'js-yaml';
import * as z from 'zod/mini';
import type { Bijeenkomst, OnbevestigdFeit } from '../bijeenkomst/schema.ts';
import { AFBEELDINGEN_MAP, MAX_AFBEELDING_BYTES } from './afbeeldingen.ts';
import { frontmatterPatroon, leesVelden } from './frontmatter.ts';
import { begin, plaatshouders } from './plaatshouders.ts';
import { type Collectie, inhoudSchemas } from './schemas.ts';
import { type Afbeelding, controleerTekst } from './tekstcontrole.ts';
import { voorbeelden } from './voorbeelden.ts';

/** Zod's Dutch texts, only for a rule that has no message of its own in the schema. */
const reserveMeldingen = z.locales.nl().localeError;

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
  for (const { bron, regel } of afbeeldingen) {
    const waar = `${bestand}: regel ${regel}: de afbeelding ${bron}`;
    let naam: string;
    try {
      naam = decodeURI(bron.split(/[?#]/)[0] ?? '').slice(bron.indexOf('/', 1) + 1);
    } catch {
      naam = bron;
    }
    // Exactly as written: the live site is case-sensitive, even where the editor's computer is not.
    const inMap = await readdir(join(project, AFBEELDINGEN_MAP)).catch(() => [] as string[]);
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

/** All mistakes in one Markdown file of `collectie`. */
export function controleerBestand(collectie: Collectie, bestand: string, tekst: string): string[] {
  return toets(collectie, bestand, tekst).fouten;
}

/**
 * The mistakes that make a file's fields unusable: no fields, broken YAML, or fields the
 * schema rejects. The site leaves such a file out (src/inhoud/lader.ts). Placeholder
 * text from the template is not among them: that file is shown, and stops the build.
 */
export function controleerVelden(collectie: Collectie, bestand: string, tekst: string): string[] {
  return toets(collectie, bestand, tekst, false).fouten;
}

function toets(
  collectie: Collectie,
  bestand: string,
  tekst: string,
  metPlaatshouders = true,
): { fouten: string[]; data?: Record<string, unknown>; afbeeldingen?: Afbeelding[] } {
  const kop = frontmatterPatroon.exec(tekst);
  if (!kop?.[1]) {
    return {
      fouten: [`${bestand}: de velden bovenaan ontbreken. Het bestand begint met een regel ---, dan de velden, dan weer een regel ---`],
    };
  }
  let gegevens: unknown;
  try {
    gegevens = leesVelden(kop[1]);
  } catch (fout) {
    if (!(fout instanceof yaml.YAMLException)) throw fout;
    // The captured block starts right after the opening ---, on that same line.
    const ervoor = tekst.slice(0, kop.index + kop[0].indexOf(kop[1])).split('\n').length - 1;
    const regel = ervoor + fout.mark.line + 1;
    return { fouten: [`${bestand}: regel ${regel}: ${yamlReden(collectie, fout.reason, kop[1].split('\n')[fout.mark.line] ?? '')}`] };
  }
  const uitslag = inhoudSchemas[collectie].safeParse(gegevens, { reportInput: true, error: reserveMeldingen });
  if (!uitslag.success) return { fouten: uitslag.error.issues.flatMap((issue) => issueRegels(collectie, bestand, issue)) };
  const data = uitslag.data as Record<string, unknown>;
  if (!metPlaatshouders) return { fouten: [], data };
  const begin = kop.index + kop[0].length;
  const lichaam = tekst.slice(begin);
  const concept = data.concept === true;
  const { fouten, afbeeldingen } = controleerTekst(collectie, bestand, lichaam, tekst.slice(0, begin).split('\n').length, concept);
  // A draft may still hold the template's placeholders: it never goes live.
  if (!concept) fouten.push(...nogPlaatshouders(collectie, bestand, data, lichaam));
  return { fouten, data, afbeeldingen };
}

/**
 * Text of the `npm run nieuw` template still in a file that is meant to go live. The
 * template's date is no mistake: it is marked `onbevestigd: [datum]`, so the site says it
 * is not confirmed and the open items list it (openPunten).
 */
function nogPlaatshouders(collectie: Collectie, bestand: string, data: Record<string, unknown>, lichaam: string): string[] {
  const ofConcept = 'of zet concept: true zolang het bestand niet af is';
  const fouten: string[] = [];
  if (typeof data.samenvatting === 'string' && data.samenvatting.includes(begin(plaatshouders.samenvatting))) {
    fouten.push(
      regel(
        bestand,
        ['samenvatting'],
        `is nog de voorbeeldzin uit het sjabloon ("${begin(plaatshouders.samenvatting)}. …"): ` +
          `schrijf in één of twee zinnen waar het over gaat, ${ofConcept}`,
        voorbeeldVoor(collectie, ['samenvatting']),
      ),
    );
  }
  const zin = plaatshouders.tekst.find((t) => lichaam.includes(begin(t)));
  if (zin) {
    fouten.push(
      `${bestand}: tekst onder de velden: bevat nog voorbeeldtekst uit het sjabloon ("${begin(zin)}${zin === begin(zin) ? '' : '. …'}"). ` +
        `Vervang die door de echte tekst, ${ofConcept}.`,
    );
  }
  return fouten;
}

/** A line of fields read by hand (`  - naam: waarde`): no pattern, so no backtracking on a long line. */
function veldregel(regel: string): { inspringing: number; naam?: string; waarde: string } {
  let rest = regel.trimStart();
  const inspringing = regel.length - rest.length;
  if (rest.startsWith('- ')) rest = rest.slice(2).trimStart();
  const dubbelepunt = rest.indexOf(':');
  const naam = rest.slice(0, Math.max(dubbelepunt, 0));
  if (dubbelepunt < 1 || !/^[A-Za-z][\w-]*$/.test(naam)) return { inspringing, waarde: '' };
  return { inspringing, naam, waarde: rest.slice(dubbelepunt + 1).trim() };
}

/** Quotes as Word, Outlook and phones type them; YAML knows only the straight ones. */
const gekruld = /[“”„‟‘’‚‛«»]/;
const gekrulde = /[“”„‟‘’‚‛«»]/g;

/**
 * js-yaml's reason in an editor's words, with an example where one helps. `regel` is the line
 * js-yaml stopped at: its field, and what follows, tell a colon in a text from an indentation
 * that does not fit, and which example shows the right layout.
 */
function yamlReden(collectie: Collectie, reden: string, regel: string): string {
  if (reden.startsWith('bad indentation')) {
    const { inspringing, naam, waarde } = veldregel(regel);
    if (naam && gekruld.test(waarde.charAt(0))) {
      return (
        `de tekst van "${naam}" staat tussen gekrulde aanhalingstekens (“ ”), zoals Word ze zet, en bevat een dubbele punt; ` +
        `gebruik rechte aanhalingstekens. Voorbeeld: ${naam}: "${waarde.replace(gekrulde, '').trim()}"`
      );
    }
    if (naam && /:\s/.test(waarde) && !/^["']/.test(waarde)) {
      return (
        `in de tekst van "${naam}" staat een dubbele punt; zet de hele tekst dan tussen rechte aanhalingstekens. ` +
        `Voorbeeld: ${naam}: "${waarde.trim()}"`
      );
    }
    if (naam) {
      const paden = Object.keys(voorbeelden[collectie]);
      const genest = paden.find((p) => p.endsWith(`.${naam}`));
      if (genest) {
        const groep = genest.slice(0, genest.search(/[.[]/));
        return `de inspringing van "${naam}:" klopt niet. Voorbeeld: ${voorbeelden[collectie][groep] ?? voorbeelden[collectie][genest]}`;
      }
      const bovenaan = voorbeelden[collectie][naam];
      if (bovenaan && inspringing > 0) {
        return `"${naam}:" hoort helemaal links te staan, zonder spaties ervoor. Voorbeeld: ${bovenaan}`;
      }
    }
    return 'de inspringing klopt niet, of er staat een dubbele punt in een tekst (zet zo’n tekst tussen rechte aanhalingstekens)';
  }
  if (reden.startsWith('duplicated mapping key')) return 'dit veld staat er twee keer in; haal er één weg';
  if (reden.includes('tab characters')) return 'spring in met spaties, niet met de Tab-toets';
  if (reden.includes('quoted scalar')) return 'een aanhalingsteken wordt niet gesloten. Voorbeeld: begintijd: "13:30"';
  return `de opbouw van de velden klopt niet (${reden}); let op inspringing, dubbele punten en aanhalingstekens`;
}

function issueRegels(collectie: Collectie, bestand: string, issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    const toegestaan = veldenOnder(collectie, issue.path);
    return issue.keys.map((sleutel) => {
      const pad = [...issue.path, sleutel];
      const bedoeld = gelijkend(sleutel, toegestaan);
      // `naam:` at the left margin usually belongs to the group above it (locatie:), indented.
      const groep = toegestaan.find((veld) => veldenOnder(collectie, [...issue.path, veld]).includes(sleutel));
      const hint =
        sleutel === 'slug'
          ? ' (het webadres is de bestandsnaam: hernoem het bestand)'
          : bedoeld
            ? `; bedoel je "${bedoeld}"?`
            : groep
              ? `; hoort het bij "${groep}"? Zet het dan onder "${groep}:", twee spaties ingesprongen.`
              : '.';
      const voorbeeld = bedoeld ? voorbeeldVoor(collectie, [...issue.path, bedoeld]) : undefined;
      return regel(bestand, pad, `is een onbekend veld${hint} Velden hier: ${toegestaan.join(', ')}`, voorbeeld);
    });
  }
  const ontbreekt = issue.code === 'invalid_type' && issue.input === undefined;
  // “13:30” from Word reads as the example "13:30": the quotes are the mistake, so the line names them.
  const krul = typeof issue.input === 'string' && gekruld.test(issue.input);
  const tekst = krul
    ? `staat tussen gekrulde aanhalingstekens (${String(issue.input)}), zoals Word ze zet; gebruik rechte aanhalingstekens (" ")`
    : ontbreekt && !issue.message.startsWith('ontbreekt')
      ? 'ontbreekt'
      : issue.message;
  return [regel(bestand, issue.path, tekst, voorbeeldVoor(collectie, issue.path))];
}

function regel(bestand: string, pad: readonly PropertyKey[], tekst: string, voorbeeld: string | undefined): string {
  // The schema's own short example ("…, bijvoorbeeld 2027-11-04") gives way to the full line.
  // To the end whatever comes (`.*$` read on to each line end again from every match of the start: quadratic).
  const kern = voorbeeld ? tekst.replace(/[,;] (?:schrijf )?bijvoorbeeld [\s\S]*/, '') : tekst;
  const wat = pad.length > 0 ? `veld "${toonPad(pad)}": ${kern}` : kern;
  if (!voorbeeld) return `${bestand}: ${wat}`;
  return `${bestand}: ${wat}${/[.?!]$/.test(wat) ? '' : '.'} Voorbeeld: ${voorbeeld}`;
}

/** `sprekers[1].naam` for the first speaker's name: editors count from 1. */
function toonPad(pad: readonly PropertyKey[]): string {
  return pad.map((deel, i) => (typeof deel === 'number' ? `[${deel + 1}]` : `${i > 0 ? '.' : ''}${String(deel)}`)).join('');
}

function voorbeeldVoor(collectie: Collectie, pad: readonly PropertyKey[]): string | undefined {
  const sleutel = pad.map((deel, i) => (typeof deel === 'number' ? '[]' : `${i > 0 ? '.' : ''}${String(deel)}`)).join('');
  return voorbeelden[collectie][sleutel];
}

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

/** The field names allowed at `pad`, read from the schema itself. */
function veldenOnder(collectie: Collectie, pad: readonly PropertyKey[]): string[] {
  let knoop = z.toJSONSchema(inhoudSchemas[collectie], { io: 'input', unrepresentable: 'any' }) as JsonSchema | undefined;
  for (const deel of pad) knoop = typeof deel === 'number' ? knoop?.items : knoop?.properties?.[String(deel)];
  return Object.keys((knoop?.items ?? knoop)?.properties ?? {});
}

/** The allowed field an editor most likely meant: a near spelling, or a field that contains the word. */
function gelijkend(sleutel: string, velden: string[]): string | undefined {
  const laag = sleutel.toLowerCase();
  return (
    velden.find((v) => v === laag) ??
    velden.find((v) => afstand(v, laag) <= 2) ??
    velden.find((v) => laag.length >= 4 && (v.includes(laag) || laag.includes(v)))
  );
}

/** Levenshtein distance, for spelling suggestions on short field names. */
function afstand(a: string, b: string): number {
  let vorige = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const rij = [i];
    for (let j = 1; j <= b.length; j++) {
      rij[j] = Math.min((vorige[j] ?? 0) + 1, (rij[j - 1] ?? 0) + 1, (vorige[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    vorige = rij;
  }
  return vorige[b.length] ?? 0;
}

/** The slug Astro gives the entry in file `naam` (its glob loader's default id). */
export function webadres(naam: string): string {
  return astroSlug(naam.replace(/\.md$/, ''));
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
  const aantal = uitslag.fouten.length === 1 ? '1 fout' : `${uitslag.fouten.length} fouten`;
  return [`De inhoud bevat ${aantal}:`, ...uitslag.fouten, 'Pas de velden aan zoals in het voorbeeld (zie docs/redactie/).'].join('\n');
}

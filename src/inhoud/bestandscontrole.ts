/**
 * The check of one Markdown file of src/content/, free of Node so that the same code runs
 * in the content check (src/inhoud/controle.ts), in the site's loader and in the editing
 * UI in the browser (src/redactie/browser/), which refuses to save what this refuses. Each
 * mistake is one Dutch line naming the file, the field, what is wrong and an example of right.
 */
import { slug as astroSlug } from 'github-slugger';
import yaml from 'js-yaml';
import * as z from 'zod/mini';
import nl from 'zod/v4/locales/nl.js';
import { frontmatterPatroon, leesVelden } from './frontmatter.ts';
import { begin, plaatshouders } from './plaatshouders.ts';
import { type Collectie, inhoudSchemas } from './schemas.ts';
import { type Afbeelding, controleerTekst } from './tekstcontrole.ts';
import { voorbeelden } from './voorbeelden.ts';

/**
 * Zod's Dutch texts, only for a rule that has no message of its own in the schema. The one
 * locale file, not zod's `locales` object: that would put every language in the editing UI's script.
 */
const reserveMeldingen = nl().localeError;
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

export function toets(
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

export function regel(bestand: string, pad: readonly PropertyKey[], tekst: string, voorbeeld: string | undefined): string {
  // The schema's own short example ("…, bijvoorbeeld 2027-11-04") gives way to the full line.
  // To the end whatever comes (`.*$` read on to each line end again from every match of the start: quadratic).
  const kern = voorbeeld ? tekst.replace(/[,;] (?:schrijf )?bijvoorbeeld [\s\S]*/, '') : tekst;
  const wat = pad.length > 0 ? `veld "${toonPad(pad)}": ${kern}` : kern;
  if (!voorbeeld) return `${bestand}: ${wat}`;
  return `${bestand}: ${wat}${/[.?!]$/.test(wat) ? '' : '.'} Voorbeeld: ${voorbeeld}`;
}

/** `sprekers[1].naam` for the first speaker's name: editors count from 1. */
export function toonPad(pad: readonly PropertyKey[]): string {
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

/** "1 fout" or "n fouten": the count in every report of the check (terminal, page, editing UI). */
export function aantalFouten(n: number): string {
  return n === 1 ? '1 fout' : `${n} fouten`;
}

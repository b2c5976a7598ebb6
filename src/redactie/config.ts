import yaml from 'js-yaml';
import * as z from 'zod/mini';
import { datumPatroon, tijdPatroon } from '../bijeenkomst/schema.ts';
import { AFBEELDINGEN_MAP, AFBEELDINGEN_PAD } from '../inhoud/afbeeldingen.ts';
import { type Collectie, inhoudSchemas } from '../inhoud/schemas.ts';
import { CONTROLEVELD } from './browser/controle.ts';
import { TAAL } from './browser/woorden.ts';
import { FORMAAT } from './formaat.ts';

/** Where the CMS finds the working copy with `npm start` (integraties/redactie-cms.ts). */
export const LOKALE_API = '/api/v1';

/**
 * The configuration of the editing UI at /admin/ (Decap CMS), made from the very schemas
 * the build and the content check use (src/inhoud/schemas.ts). Which fields exist, which
 * are required, their allowed values, defaults, lengths and date or time formats all come
 * from the schema, through zod's JSON Schema; what the schema cannot say, the Dutch label
 * and help text of each field, is in `teksten` below, typed so that a field added to a
 * schema does not compile until it has its Dutch words. Served as /admin/config.yml
 * (src/pages/admin/config.yml.ts).
 */

/** A JSON Schema node as zod writes it for these schemas. */
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: string[];
  default?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
}

/** What the schema cannot say about a field: its Dutch words, and a few choices of presentation. */
interface Tekst {
  label: string;
  hint?: string;
  /** `text` for a few sentences (a multi-line box); otherwise chosen from the schema. */
  widget?: 'text';
  /** Whole numbers only (the schema's refinement is not visible in JSON Schema). */
  geheel?: true;
  /** The Dutch words for the values of an enum, in the schema's order. */
  keuzes?: Record<string, string>;
}
type LijstTekst<E> = Tekst & { enkelvoud: string } & (E extends object ? { velden: Teksten<E> } : unknown);
/** A list names its items; a group has a text per field; anything else (`unknown` too: a transform's input) is one field. */
type VeldTekst<V> = unknown extends V
  ? Tekst
  : NonNullable<V> extends readonly (infer E)[]
    ? LijstTekst<E>
    : NonNullable<V> extends object
      ? Tekst & { velden: Teksten<NonNullable<V>> }
      : Tekst;
/** One entry per field of the schema, no more, no fewer. */
type Teksten<T> = { [K in keyof T]-?: VeldTekst<T[K]> };

const concept: Tekst = {
  label: 'Concept',
  hint: 'Aan: het komt nog niet op de echte site. Op je eigen computer en in een voorvertoning zie je het wel, met de gele balk “Concept — niet gepubliceerd”. Zet het schuifje uit als alles klopt en het online mag.',
};
const samenvatting = (waarover: string): Tekst => ({
  label: 'Samenvatting',
  widget: 'text',
  hint: `Eén of twee zinnen over ${waarover}, voor overzichten en zoekmachines.`,
});

const teksten: { [C in Collectie]: Teksten<z.input<(typeof inhoudSchemas)[C]>> } = {
  bijeenkomsten: {
    concept,
    titel: { label: 'Titel', hint: 'Ook de naam van het bestand en het webadres van de bijeenkomst; die veranderen later niet meer mee.' },
    samenvatting: samenvatting('de bijeenkomst'),
    datum: { label: 'Datum' },
    begintijd: { label: 'Begintijd', hint: 'Nederlandse tijd. Nog niet bekend? Laat leeg: de site toont dan "Volgt".' },
    eindtijd: { label: 'Eindtijd', hint: 'Alleen met een begintijd, en later dan die.' },
    locatie: {
      label: 'Locatie',
      hint: 'Nog niet bekend? Laat alle drie leeg: de site toont dan "Volgt". Anders zijn naam en plaats nodig.',
      velden: {
        naam: { label: 'Naam van het gebouw' },
        adres: { label: 'Adres', hint: 'Straat en huisnummer.' },
        plaats: { label: 'Plaats' },
      },
    },
    onbevestigd: {
      label: 'Nog te bevestigen',
      enkelvoud: 'feit',
      hint: 'Kies wat op de site staat maar nog niet vaststaat. De site zet er overal "(… nog te bevestigen)" achter, ook in de mails en de agenda, en de controle noemt het tot je het hier weghaalt.',
      keuzes: {
        jaar: 'Het jaar (dag en maand staan vast)',
        datum: 'De datum',
        tijd: 'De tijd',
        locatie: 'De locatie',
      },
    },
    vorm: { label: 'Vorm', keuzes: { fysiek: 'Fysiek (op een plek)', online: 'Online' } },
    sprekers: {
      label: 'Sprekers',
      enkelvoud: 'spreker',
      velden: {
        naam: { label: 'Naam' },
        rol: { label: 'Rol', hint: 'Functie en organisatie, bijvoorbeeld "directeur van de VPNG".' },
      },
    },
    organisatoren: { label: 'Organisatoren', enkelvoud: 'organisator', hint: 'Ten minste één.' },
    doelgroep: { label: 'Doelgroep', hint: 'Voor wie is de bijeenkomst? Bijvoorbeeld "Wethouders en opgavemanagers".' },
    contact: { label: 'E-mailadres voor vragen', hint: 'Ook het adres waar de inschrijvingen heen gaan.' },
    inschrijving: {
      label: 'Inschrijving',
      velden: {
        status: {
          label: 'Status',
          keuzes: { open: 'Open', wachtlijst: 'Wachtlijst (vol, inschrijven op de wachtlijst)', gesloten: 'Gesloten' },
        },
        tot: { label: 'Inschrijven kan tot en met', hint: 'Leeg: tot en met de dag van de bijeenkomst.' },
      },
    },
  },
  gids: {
    concept,
    titel: { label: 'Titel', hint: 'Staat ook in de inhoudsopgave.' },
    samenvatting: samenvatting('het hoofdstuk'),
    volgorde: { label: 'Volgorde', geheel: true, hint: 'De plaats in de inhoudsopgave: 1 is het eerste hoofdstuk. Elk nummer één keer.' },
  },
  paginas: {
    concept,
    titel: { label: 'Titel' },
    samenvatting: samenvatting('de pagina'),
    bijgewerkt: { label: 'Bijgewerkt op', hint: 'De dag van de laatste inhoudelijke wijziging. Mag leeg.' },
    onbevestigd: {
      label: 'Nog te bevestigen',
      enkelvoud: 'punt',
      hint: 'Wat de VPNG nog moet bevestigen, elk in een korte zin. De pagina toont de lijst bovenaan, en de controle noemt elk punt tot je het hier weghaalt. Zeg in de tekst zelf ook “nog te bevestigen” waar het punt speelt.',
    },
  },
};

interface Collectiegegevens {
  label: string;
  enkelvoud: string;
  beschrijving: string;
  /** Whether an editor may add and remove files in it here. */
  nieuw: boolean;
  /** How an entry reads in the list, after the draft marker (Decap's template syntax). */
  summary: string;
  sorteren: string[];
  /** The entry's page on the site, for the link "Bekijk …" in the toolbar; {{slug}} is the file name. */
  pagina: string;
}

const collecties: Record<Collectie, Collectiegegevens> = {
  bijeenkomsten: {
    label: 'Bijeenkomsten',
    enkelvoud: 'bijeenkomst',
    beschrijving:
      'Elke bijeenkomst is een eigen pagina met inschrijfformulier. Een nieuwe bijeenkomst begint als concept: pas als het schuifje Concept uit staat, komt hij op de site.',
    nieuw: true,
    summary: "{{titel}} — {{datum | date('DD-MM-YYYY')}}",
    sorteren: ['datum', 'titel'],
    pagina: 'bijeenkomsten/{{slug}}/',
  },
  gids: {
    label: 'Gids: hoofdstukken',
    enkelvoud: 'hoofdstuk',
    beschrijving: 'De hoofdstukken van de inspiratiegids "Opgavegericht werken", in de volgorde van het veld Volgorde.',
    nieuw: true,
    summary: '{{volgorde}}. {{titel}}',
    sorteren: ['volgorde', 'titel'],
    pagina: 'gids/{{slug}}/',
  },
  paginas: {
    label: "Pagina's",
    enkelvoud: 'pagina',
    beschrijving:
      "Vaste pagina's zoals Privacy en Toegankelijkheid. Ze staan in het menu of de voet van de site; een nieuwe pagina of een andere naam vraagt een aanpassing in de code.",
    nieuw: false,
    summary: '{{titel}}',
    sorteren: ['titel'],
    pagina: '{{slug}}/',
  },
};

export type CmsVeld = Record<string, unknown> & { name: string; label: string; widget: string };

/** The JSON Schema of a frontmatter schema, as zod derives it. */
function jsonSchema(schema: z.ZodMiniType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const lengteMelding = (max: number) => `Hoogstens ${max} tekens.`;

function veld(naam: string, schema: JsonSchema, tekst: Tekst & { enkelvoud?: string; velden?: object }, verplicht: boolean): CmsVeld {
  const basis: CmsVeld = { name: naam, label: tekst.label, widget: 'string', required: verplicht && schema.default === undefined };
  if (tekst.hint) basis.hint = tekst.hint;
  if (schema.default !== undefined) basis.default = schema.default;

  if (schema.type === 'object' && schema.properties) {
    const delen = velden(schema, tekst.velden as Record<string, Tekst>);
    // Decap checks the required fields of an optional group even when the whole group is
    // left empty, so it could not be left out. Inside such a group nothing is required
    // in the UI; the hint names what is, and the content check holds it to the schema.
    return { ...basis, widget: 'object', fields: basis.required ? delen : delen.map((d) => ({ ...d, required: false })) };
  }
  // A list of fixed choices (such as `onbevestigd`): one select box in which several can be ticked.
  if (schema.type === 'array' && schema.items?.enum) {
    const opties = schema.items.enum.map((value) => ({ label: tekst.keuzes?.[value] ?? value, value }));
    return { ...basis, widget: 'select', multiple: true, options: opties };
  }
  if (schema.type === 'array' && schema.items) {
    const lijst: CmsVeld = { ...basis, widget: 'list', label_singular: tekst.enkelvoud };
    if (schema.minItems) lijst.min = schema.minItems;
    if (schema.items.type === 'object')
      return { ...lijst, fields: velden(schema.items, tekst.velden as Record<string, Tekst>), collapsed: false };
    return { ...lijst, field: veld(naam, schema.items, { label: tekst.enkelvoud ?? tekst.label }, true) };
  }
  if (schema.enum) {
    return { ...basis, widget: 'select', options: schema.enum.map((value) => ({ label: tekst.keuzes?.[value] ?? value, value })) };
  }
  if (schema.type === 'boolean') return { ...basis, widget: 'boolean' };
  if (schema.type === 'number' || schema.type === 'integer') {
    const getal: CmsVeld = { ...basis, widget: 'number', value_type: tekst.geheel ? 'int' : 'float' };
    if (schema.exclusiveMinimum !== undefined) getal.min = schema.exclusiveMinimum + (tekst.geheel ? 1 : 0);
    if (schema.minimum !== undefined) getal.min = schema.minimum;
    return getal;
  }
  if (schema.pattern === datumPatroon.source) {
    return { ...basis, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'DD-MM-YYYY', time_format: false };
  }
  if (schema.pattern === tijdPatroon.source) {
    return { ...basis, widget: 'datetime', format: 'HH:mm', date_format: false, time_format: 'HH:mm' };
  }
  const tekstveld: CmsVeld = { ...basis, widget: tekst.widget ?? 'string' };
  if (schema.format === 'email' && schema.pattern) tekstveld.pattern = [schema.pattern, 'Een e-mailadres, bijvoorbeeld naam@vpng.nl.'];
  else if (schema.maxLength !== undefined) tekstveld.pattern = [`^[\\s\\S]{0,${schema.maxLength}}$`, lengteMelding(schema.maxLength)];
  return tekstveld;
}

function velden(schema: JsonSchema, tekstPerVeld: Record<string, Tekst>): CmsVeld[] {
  const verplicht = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([naam, deel]) => {
    const tekst = tekstPerVeld[naam];
    if (!tekst) throw new Error(`src/redactie/config.ts: het veld "${naam}" heeft geen Nederlandse tekst`);
    return veld(naam, deel, tekst, verplicht.has(naam));
  });
}

/**
 * The fields of a collection: the frontmatter, draft first so it is the first thing an
 * editor sees, then the text, then the content check's own field (src/redactie/browser/controle.ts),
 * which shows why a save was refused and writes nothing.
 */
export function cmsVelden(collectie: Collectie, schema: z.ZodMiniType = inhoudSchemas[collectie]): CmsVeld[] {
  const frontmatter = velden(jsonSchema(schema), teksten[collectie] as Record<string, Tekst>);
  // Something new starts as a draft: on the site only once an editor switches this off.
  const eerst = frontmatter.filter((v) => v.name === 'concept').map((v) => ({ ...v, default: true }));
  return [
    ...eerst,
    ...frontmatter.filter((v) => v.name !== 'concept'),
    {
      name: 'body',
      label: 'Tekst',
      widget: 'markdown',
      // Markdown as it is in the file, never re-written: the rich-text mode would write every
      // paragraph, list and heading anew ("-" becomes "*", lines joined), so one changed word
      // would change the whole text in git.
      modes: ['raw'],
      hint: 'De tekst in Markdown, zoals in het bestand: een lege regel begint een nieuwe alinea, “## ” aan het begin van een regel maakt een tussenkop, “- ” een opsommingsteken. Meer in de handleiding, hoofdstuk 2.',
    },
    { name: CONTROLEVELD, label: 'Controle', widget: CONTROLEVELD, required: false },
  ];
}

export interface CmsInstellingen {
  /** `npm start`: the working copy through the dev server's local API, without an account. */
  lokaal: boolean;
  /** owner/name of the GitHub repository, for the login in production. */
  repo?: string | undefined;
  branch: string;
  site: string;
}

export function cmsConfig({ lokaal, repo, branch, site }: CmsInstellingen): Record<string, unknown> {
  return {
    // Decap's Dutch with the site's words laid over it, one set per mode (src/redactie/browser/woorden.ts).
    locale: lokaal ? TAAL.lokaal : TAAL.online,
    // Production: GitHub, with Netlify as the OAuth provider (docs/redactie/README.md, chapter 14).
    backend: { name: 'github', ...(repo ? { repo } : {}), branch },
    // Decap uses this only on localhost, and only when the local API answers
    // (integraties/redactie-cms.ts); it wants a full URL. Saving writes the file in the
    // working copy; git is the editor's own next step.
    ...(lokaal ? { local_backend: { url: new URL(LOKALE_API, site).href } } : {}),
    // Online, saving does not go straight to main: every change is a branch with a pull
    // request, so it gets Netlify's deploy preview and the content check before a merge
    // publishes it, as a change made in the files would.
    ...(lokaal ? {} : { publish_mode: 'editorial_workflow' }),
    site_url: site,
    display_url: site,
    media_folder: AFBEELDINGEN_MAP,
    public_folder: AFBEELDINGEN_PAD.slice(0, -1),
    // File names as `npm run nieuw` makes them: lower case, no accents, words joined by '-'.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    // An empty optional field is left out of the file, as the schema expects, instead of written as "".
    omit_empty_optional_fields: true,
    collections: (Object.keys(collecties) as Collectie[]).map((naam) => {
      const c = collecties[naam];
      return {
        name: naam,
        label: c.label,
        label_singular: c.enkelvoud,
        description: c.beschrijving,
        folder: `src/content/${naam}`,
        extension: 'md',
        // Changes only what the editor changed (src/redactie/formaat.ts), registered by the site's script on /admin/.
        format: FORMAAT,
        identifier_field: 'titel',
        slug: '{{slug}}',
        create: c.nieuw,
        delete: c.nieuw,
        // A draft says so in the list, first thing.
        summary: `{{concept | ternary('Concept — ', '')}}${c.summary}`,
        view_filters: [{ label: 'Alleen concepten', field: 'concept', pattern: true }],
        sortable_fields: c.sorteren,
        // "Bekijk …" opens the entry's own page, not the home page.
        preview_path: c.pagina,
        // The preview would show the fields without the site's look; the site itself (npm start) is the preview.
        editor: { preview: false },
        fields: cmsVelden(naam),
      };
    }),
  };
}

export function cmsConfigYaml(instellingen: CmsInstellingen): string {
  return `# Gemaakt door src/redactie/config.ts uit de schema's van de site; niet met de hand aanpassen.\n${yaml.dump(cmsConfig(instellingen), { lineWidth: -1, noRefs: true })}`;
}

/** owner/name from Netlify's REPOSITORY_URL (https://github.com/owner/name or git@github.com:owner/name.git). */
export function repoUitUrl(url: string | undefined): string | undefined {
  // The owner holds no `:` (GitHub allows none): so the pattern does not read on from every `github.com:` (quadratic).
  const treffer = url?.match(/github\.com[/:]([^/:]+\/[^/]+?)(?:\.git)?\/?$/);
  return treffer?.[1];
}

import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { inschrijfStatussen, onbevestigdeFeiten } from '../bijeenkomst/schema.ts';
import { type Collectie, gidsSchema, inhoudSchemas } from '../inhoud/schemas.ts';
import { type CmsVeld, cmsConfig, cmsConfigYaml, cmsVelden, repoUitUrl } from './config.ts';

const instellingen = { lokaal: false, repo: 'eigenaar/site', branch: 'main', site: 'https://voorbeeld.nl' };
const collecties = Object.keys(inhoudSchemas) as Collectie[];

type Vorm = { [naam: string]: { verplicht: boolean; lijst?: true; delen?: Vorm } };

/** The shape of a zod object, read from zod itself (not through the JSON Schema the CMS config is made from). */
function vormVanSchema(schema: z.ZodMiniType): Vorm {
  const def = schema._zod.def as {
    type: string;
    shape?: Record<string, z.ZodMiniType>;
    innerType?: z.ZodMiniType;
    element?: z.ZodMiniType;
  };
  if (def.type === 'optional' || def.type === 'default') return vormVanSchema(def.innerType!);
  if (def.type === 'array') return vormVanSchema(def.element!);
  if (def.type !== 'object') return {};
  return Object.fromEntries(
    Object.entries(def.shape!).map(([naam, deel]) => {
      const t = deel._zod.def.type;
      const binnen = t === 'optional' || t === 'default' ? (deel._zod.def as unknown as { innerType: z.ZodMiniType }).innerType : deel;
      const delen = vormVanSchema(deel);
      return [
        naam,
        {
          verplicht: t !== 'optional' && t !== 'default',
          ...(binnen._zod.def.type === 'array' ? { lijst: true } : {}),
          ...(Object.keys(delen).length ? { delen } : {}),
        },
      ];
    }),
  );
}

function vormVanCms(velden: CmsVeld[]): Vorm {
  return Object.fromEntries(
    velden.map((v) => {
      const kinderen = (v.fields as CmsVeld[] | undefined) ?? [];
      return [
        v.name,
        {
          verplicht: v.required !== false,
          ...(v.widget === 'list' || v.multiple === true ? { lijst: true } : {}),
          ...(kinderen.length ? { delen: vormVanCms(kinderen) } : {}),
        },
      ];
    }),
  );
}

/**
 * What the UI may require: what the schema requires, except inside an optional group
 * (not a list), where it requires nothing: Decap would not let such a group be left empty.
 */
function inDeCms(vorm: Vorm, binnenOptioneel = false): Vorm {
  return Object.fromEntries(
    Object.entries(vorm).map(([naam, v]) => [
      naam,
      { ...v, verplicht: v.verplicht && !binnenOptioneel, ...(v.delen ? { delen: inDeCms(v.delen, !v.verplicht && !v.lijst) } : {}) },
    ]),
  );
}

describe('de CMS-configuratie komt uit de schema’s van de build', () => {
  it.each(collecties)('%s: elk veld van het schema staat erin, met verplicht/optioneel zoals het schema, en alleen die', (c) => {
    const velden = cmsVelden(c);
    // After the fields: the text, as Markdown that is never re-written, and the content check's own field.
    expect(velden.slice(-2)).toMatchObject([
      { name: 'body', widget: 'markdown', modes: ['raw'] },
      { name: 'controle', widget: 'controle', required: false },
    ]);
    const frontmatter = velden.slice(0, -2);
    expect(vormVanCms(frontmatter)).toEqual(inDeCms(vormVanSchema(inhoudSchemas[c])));
  });

  it('een veld dat in het schema bijkomt zonder Nederlandse tekst, laat de configuratie falen met de naam van het veld', () => {
    const uitgebreid = z.extend(gidsSchema, { auteur: z.string() });
    expect(() => cmsVelden('gids', uitgebreid)).toThrow('het veld "auteur" heeft geen Nederlandse tekst');
  });

  it('keuzes, standaardwaarden, lengtes en datum- en tijdvelden volgen het schema', () => {
    const velden = Object.fromEntries(cmsVelden('bijeenkomsten').map((v) => [v.name, v]));
    const inschrijving = Object.fromEntries((velden.inschrijving!.fields as CmsVeld[]).map((v) => [v.name, v]));
    expect((inschrijving.status!.options as { value: string }[]).map((o) => o.value)).toEqual([...inschrijfStatussen]);
    expect(velden.vorm).toMatchObject({ widget: 'select', default: 'fysiek', required: false });
    expect(velden.sprekers).toMatchObject({ widget: 'list', default: [], required: false });
    expect(velden.organisatoren).toMatchObject({ widget: 'list', min: 1, required: true });
    expect(velden.onbevestigd).toMatchObject({ widget: 'select', multiple: true, default: [], required: false });
    expect((velden.onbevestigd!.options as { value: string }[]).map((o) => o.value)).toEqual([...onbevestigdeFeiten]);
    expect(velden.samenvatting).toMatchObject({ widget: 'text', pattern: ['^[\\s\\S]{0,300}$', 'Hoogstens 300 tekens.'] });
    expect(velden.datum).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false, required: true });
    expect(inschrijving.tot).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', required: false });
    expect(velden.begintijd).toMatchObject({ widget: 'datetime', format: 'HH:mm', date_format: false, required: false });
    expect(new RegExp((velden.contact!.pattern as string[])[0]!).test('t.routers@vpng.nl')).toBe(true);
    expect(new RegExp((velden.contact!.pattern as string[])[0]!).test('geen adres')).toBe(false);
    // Something new starts as a draft, first on the screen.
    expect(cmsVelden('bijeenkomsten')[0]).toMatchObject({ name: 'concept', widget: 'boolean', default: true, required: false });
    expect(Object.fromEntries(cmsVelden('gids').map((v) => [v.name, v])).volgorde).toMatchObject({
      widget: 'number',
      value_type: 'int',
      min: 1,
    });
  });

  it('als YAML: dezelfde configuratie, met de mappen van de collecties en zonder lokale modus in de build', () => {
    const gelezen = yaml.load(cmsConfigYaml(instellingen)) as Record<string, unknown>;
    expect(gelezen).toEqual(cmsConfig(instellingen));
    expect(gelezen).not.toHaveProperty('local_backend');
    // Online every change is a pull request; locally the file is written at once.
    expect(gelezen.publish_mode).toBe('editorial_workflow');
    expect(cmsConfig({ ...instellingen, lokaal: true })).not.toHaveProperty('publish_mode');
    expect(gelezen.backend).toEqual({ name: 'github', repo: 'eigenaar/site', branch: 'main' });
    const lijst = gelezen.collections as { name: string; folder: string; create: boolean }[];
    expect(lijst.map((c) => [c.name, c.folder, c.create])).toEqual([
      ['bijeenkomsten', 'src/content/bijeenkomsten', true],
      ['gids', 'src/content/gids', true],
      ['paginas', 'src/content/paginas', false],
    ]);
    expect(cmsConfig({ ...instellingen, lokaal: true, site: 'http://localhost:4321' }).local_backend).toEqual({
      url: 'http://localhost:4321/api/v1',
    });
  });

  it('elke collectie: het eigen formaat, concepten herkenbaar in de lijst, en "Bekijk" naar de eigen pagina', () => {
    const lijst = cmsConfig(instellingen).collections as Record<string, unknown>[];
    expect(lijst.map((c) => [c.name, c.format, c.preview_path])).toEqual([
      ['bijeenkomsten', 'markdown-ter-plaatse', 'bijeenkomsten/{{slug}}/'],
      ['gids', 'markdown-ter-plaatse', 'gids/{{slug}}/'],
      ['paginas', 'markdown-ter-plaatse', '{{slug}}/'],
    ]);
    for (const c of lijst) {
      expect(c.summary).toMatch(/^\{\{concept \| ternary\('Concept — ', ''\)\}\}/);
      expect(c.view_filters).toEqual([{ label: 'Alleen concepten', field: 'concept', pattern: true }]);
    }
    // The words per mode: saving a file locally, merging a pull request online.
    expect(cmsConfig({ ...instellingen, lokaal: true }).locale).toBe('nl-lokaal');
    expect(cmsConfig(instellingen).locale).toBe('nl-online');
  });
});

describe('repoUitUrl', () => {
  it('haalt eigenaar/naam uit het adres dat Netlify van de repository geeft', () => {
    expect(repoUitUrl('https://github.com/vpng/website')).toBe('vpng/website');
    expect(repoUitUrl('https://github.com/vpng/website.git')).toBe('vpng/website');
    expect(repoUitUrl('git@github.com:vpng/website.git')).toBe('vpng/website');
    expect(repoUitUrl('https://gitlab.com/vpng/website')).toBeUndefined();
    expect(repoUitUrl(undefined)).toBeUndefined();
  });
});

import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { frontmatterPatroon, leesVelden } from '../inhoud/frontmatter.ts';
import { bijeenkomstSchema, type Bijeenkomst } from './bijeenkomst.ts';

/**
 * The sign-up function reads the same Markdown the pages are built from
 * (src/content/bijeenkomsten/*.md), validated with the same schema, so no list of
 * events is kept by hand. netlify.toml ships the files with the function
 * (`included_files`); Netlify keeps their path relative to the project, and the
 * function runs with the project root as working directory, as do `astro dev`,
 * scripts/serve.ts and the tests.
 */
export type Bijeenkomsten = ReadonlyMap<string, Bijeenkomst>;

export const INHOUD_MAP = 'src/content/bijeenkomsten';

/** The frontmatter of one Markdown file, parsed by the YAML library Astro's content loader uses too. */
export function leesFrontmatter(markdown: string, bestand: string): Bijeenkomst {
  const blok = frontmatterPatroon.exec(markdown);
  if (!blok?.[1]) throw new Error(`${bestand}: geen frontmatter tussen --- gevonden`);
  const r = bijeenkomstSchema.safeParse(leesVelden(blok[1]));
  if (!r.success) {
    const fouten = r.error.issues.map((i) => `${i.path.join('.') || '(frontmatter)'} ${i.message}`).join('; ');
    throw new Error(`${bestand}: ${fouten}`);
  }
  return r.data;
}

function zoekMap(): string {
  const kandidaten = [process.cwd(), process.env.LAMBDA_TASK_ROOT].filter((p): p is string => Boolean(p)).map((root) => join(root, INHOUD_MAP));
  const map = kandidaten.find((p) => existsSync(p));
  if (!map) throw new Error(`Map met bijeenkomsten niet gevonden (gezocht: ${kandidaten.join(', ')})`);
  return map;
}

export async function leesBijeenkomsten(map: string = zoekMap()): Promise<Bijeenkomsten> {
  const namen = (await readdir(map)).filter((n) => n.endsWith('.md')).sort();
  const paren = await Promise.all(
    namen.map(async (naam) => [basename(naam, '.md'), leesFrontmatter(await readFile(join(map, naam), 'utf8'), naam)] as const),
  );
  return new Map(paren);
}

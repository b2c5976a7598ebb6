import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type Bijeenkomst, bijeenkomstSchema } from '../bijeenkomst/schema.ts';
import { frontmatterPatroon, leesVelden } from './frontmatter.ts';

/**
 * The sign-up function knows the same events the pages are built from
 * (src/content/bijeenkomsten/*.md), validated with the same schema, so no list of
 * events is kept by hand. They are read here when the function is bundled
 * (netlify/functie-bouw.ts) and go into the bundle as data. Like the pages, the
 * function for the live site leaves drafts out, so it answers 404 for them; that of a
 * deploy preview knows them, and answers that it is a preview (inschrijven/handler.ts).
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

export interface LeesOpties {
  /**
   * For `astro dev`, which shows what the editor is working on: drafts (`concept: true`)
   * are in, and a file with a mistake is left out instead of stopping everything (the
   * page shows the content check's lines). Without it, as for the deployed function,
   * drafts are left out and a mistake throws.
   */
  dev?: boolean;
  /** Drafts in or out, whatever `dev` says: in for a deploy preview's build (src/inhoud/concepten.ts). Default: `dev`. */
  concepten?: boolean;
}

export async function leesBijeenkomsten(
  map: string = join(process.cwd(), INHOUD_MAP),
  { dev = false, concepten = dev }: LeesOpties = {},
): Promise<Bijeenkomsten> {
  const namen = (await readdir(map)).filter((n) => n.endsWith('.md')).sort();
  const paren = await Promise.all(
    namen.map(async (naam) => {
      try {
        return [basename(naam, '.md'), leesFrontmatter(await readFile(join(map, naam), 'utf8'), naam)] as const;
      } catch (fout) {
        if (dev) return undefined;
        throw fout;
      }
    }),
  );
  return new Map(paren.filter((p) => p !== undefined && (concepten || p[1].concept !== true)) as [string, Bijeenkomst][]);
}

import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { controleerVelden } from './controle.ts';
import { frontmatterPatroon, leesVelden } from './frontmatter.ts';
import type { Collectie } from './schemas.ts';

/**
 * Astro's glob loader for one folder of src/content/, with three changes so that what
 * the site shows is what the editors' content check (src/inhoud/controle.ts) accepts:
 *
 * - The fields are read with the YAML rules of the content check (frontmatter.ts), not
 *   Astro's own: Astro's reader turns `datum: 2027-02-30` into 2 March before any
 *   schema sees it, and the site would show that other date.
 * - A file whose fields the check rejects is left out, and never throws: in `astro dev`
 *   the server keeps running and the page shows the check's Dutch lines instead
 *   (src/components/InhoudMeldingen.astro); it returns as soon as the file is fixed.
 *   Anywhere else (build, sync) such a file stops everything with those same lines;
 *   the build has already stopped before this (integraties/inhoudscontrole.ts).
 * - Outside `astro dev` a draft (`concept: true`) is left out, so the build has no page,
 *   agenda entry, calendar file, share image or sitemap entry for it. In `astro dev` it
 *   is there, with a banner that says it is a draft.
 *
 * `astro dev` is told apart by the file watcher Astro hands only to loaders it watches.
 * Dev and build keep separate content caches (.astro/ and node_modules/.astro/), so an
 * entry dev keeps never reaches a build through the cache.
 */
export function inhoudLader(collectie: Collectie): Loader {
  const binnen = glob({ pattern: '*.md', base: `./src/content/${collectie}` });
  return {
    name: `inhoud-${collectie}`,
    load: async (ctx: LoaderContext) => {
      const dev = Boolean(ctx.watcher);
      const project = fileURLToPath(ctx.config.root);
      /** The text of each file as last read, for the content check in parseData. */
      const teksten = new Map<string, string>();
      /** Entries parseData turned down: store.set removes them instead of storing them. */
      const weglaten = new Set<string>();

      const entryTypes = new Map((ctx as MetInvoertypen).entryTypes);
      const markdown = entryTypes.get('.md');
      if (markdown) {
        entryTypes.set('.md', {
          ...markdown,
          getEntryInfo: async ({ contents, fileUrl }) => {
            const tekst = dev ? await totRust(fileUrl, contents) : contents;
            teksten.set(fileURLToPath(fileUrl), tekst);
            return leesBestand(tekst);
          },
        });
      }

      const parseData: LoaderContext['parseData'] = async (p) => {
        const pad = p.filePath ?? '';
        const bestand = relative(project, pad).split('\\').join('/');
        const fouten = controleerVelden(collectie, bestand, teksten.get(pad) ?? '');
        if (fouten.length > 0) {
          if (!dev) throw zonderStack(fouten.join('\n'));
          weglaten.add(p.id);
          return p.data;
        }
        const data = await ctx.parseData(p);
        if (!dev && data.concept === true) weglaten.add(p.id);
        else weglaten.delete(p.id);
        return data;
      };

      const store: LoaderContext['store'] = {
        ...ctx.store,
        set: (entry) => {
          if (!weglaten.has(entry.id)) return ctx.store.set(entry);
          weglaten.delete(entry.id);
          ctx.store.delete(entry.id);
          return false;
        },
      };

      await binnen.load({ ...ctx, entryTypes, parseData, store } as LoaderContext);
      // A collection no entry ever reached (all drafts, or all with a mistake) is not in the
      // store at all, and getCollection() then warns in English that it may not exist.
      // One entry in and out makes it an empty collection, which is what it is.
      if (ctx.store.keys().length === 0) {
        ctx.store.set({ id: 'leeg', data: {} });
        ctx.store.delete('leeg');
      }
    },
  };
}

/** What Astro hands its own loaders besides the public context: the reader per file extension. */
interface MetInvoertypen extends LoaderContext {
  entryTypes: Map<
    string,
    { getEntryInfo: (p: { contents: string; fileUrl: URL }) => Promise<{ data: Record<string, unknown>; body: string }> }
  >;
}

/** Fields and body of a Markdown file; broken YAML gives no fields (the check names the line). */
export function leesBestand(tekst: string): { data: Record<string, unknown>; body: string } {
  const kop = frontmatterPatroon.exec(tekst);
  if (!kop?.[1]) return { data: {}, body: tekst.trim() };
  let data: unknown = {};
  try {
    data = leesVelden(kop[1]);
  } catch {
    // YAML the check reports with its line number; the entry is left out.
  }
  const body = tekst.replace(`---${kop[1]}---`, '').trim();
  return { data: data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, body };
}

/**
 * The text of a file once it stops changing. An editor saving a file empties it and then
 * writes it; the watcher can report the empty file and nothing after, and the entry would
 * stay missing until the next save. So in dev the file is read again until two reads
 * 100 ms apart agree (at most a second).
 */
async function totRust(bestand: URL, tekst: string): Promise<string> {
  let vorige = tekst;
  for (let i = 0; i < 10; i++) {
    await new Promise((klaar) => setTimeout(klaar, 100));
    const nu = await readFile(bestand, 'utf8').catch(() => vorige);
    if (nu === vorige) return nu;
    vorige = nu;
  }
  return vorige;
}

/** An error whose lines are all an editor needs: no stack trace under them. */
function zonderStack(bericht: string): Error {
  const fout = new Error(bericht);
  fout.stack = '';
  return fout;
}

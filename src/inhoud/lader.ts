import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { conceptenInBouw } from './concepten.ts';
import { controleerVelden, webadres } from './controle.ts';
import { frontmatterPatroon, leesVelden } from './frontmatter.ts';
import type { Collectie } from './schemas.ts';

/**
 * The loader of one folder of src/content/, on Astro's public Loader API only: it reads the
 * Markdown files itself, so that what the site shows is what the editors' content check
 * (src/inhoud/controle.ts) accepts.
 *
 * - The fields are read with the YAML rules of the content check (frontmatter.ts), not
 *   Astro's own: Astro's reader turns `datum: 2027-02-30` into 2 March before any
 *   schema sees it, and the site would show that other date.
 * - A file whose fields the check rejects is left out, and never throws: in `astro dev`
 *   the server keeps running and the page shows the check's Dutch lines instead
 *   (src/components/InhoudMeldingen.astro); it returns as soon as the file is fixed.
 *   Anywhere else (build, sync) such a file stops everything with those same lines;
 *   the build has already stopped before this (integraties/inhoudscontrole.ts).
 * - A draft (`concept: true`) is there in `astro dev` and in a Netlify deploy preview or
 *   branch deploy (src/inhoud/concepten.ts), with a banner that says it is a draft. Anywhere
 *   else it is left out, so the live site has no page, agenda entry, calendar file, share
 *   image or sitemap entry for it.
 *
 * Each entry is what Astro's glob() loader would store for `*.md` in the folder: the id is
 * the file name as a web address (`webadres`), the HTML comes from Astro's own Markdown
 * renderer with the site's plugins (`renderMarkdown`, given the file so the guide gets its
 * heading anchors), and a file is only rendered again when its text changed.
 *
 * `astro dev` is told apart by the file watcher Astro hands only to loaders in dev. Dev and
 * build keep separate content caches (.astro/ and node_modules/.astro/), so an entry dev
 * keeps never reaches a build through the cache. Builds of every context share theirs
 * (Netlify keeps node_modules between deploys), so a stored draft is checked again.
 */
export function inhoudLader(collectie: Collectie): Loader {
  return {
    name: `inhoud-${collectie}`,
    load: async (ctx: LoaderContext) => {
      const dev = Boolean(ctx.watcher);
      const metConcepten = dev || conceptenInBouw();
      const project = fileURLToPath(ctx.config.root);
      const map = join(project, 'src', 'content', collectie);

      /** Brings the store in line with the folder as it is now. */
      const synchroniseer = async () => {
        const ids = new Set<string>();
        for (const naam of (await readdir(map).catch(() => [])).filter(isInhoud).sort()) {
          const pad = join(map, naam);
          const tekst = await readFile(pad, 'utf8').catch(() => undefined);
          if (tekst === undefined) continue;
          const bestand = relative(project, pad).split('\\').join('/');
          const fouten = controleerVelden(collectie, bestand, tekst);
          if (fouten.length > 0) {
            if (!dev) throw zonderStack(fouten.join('\n'));
            continue;
          }
          const id = webadres(naam);
          const digest = ctx.generateDigest(tekst);
          const bewaard = ctx.store.get(id);
          if (bewaard?.digest === digest) {
            // Stored by a preview's build, whose draft this build leaves out.
            if (metConcepten || bewaard.data.concept !== true) ids.add(id);
            continue;
          }
          const { data, body } = leesBestand(tekst);
          const velden = await ctx.parseData({ id, data, filePath: pad });
          if (!metConcepten && velden.concept === true) continue;
          // The whole file: Astro's renderer takes the fields off by the same --- rule as frontmatter.ts.
          const rendered = await ctx.renderMarkdown(tekst, { fileURL: pathToFileURL(pad) });
          // Images in the Markdown, so Astro processes them, as its glob() loader does.
          const assetImports = rendered.metadata?.imagePaths;
          ctx.store.set({ id, data: velden, body, filePath: bestand, digest, rendered, ...(assetImports ? { assetImports } : {}) });
          ids.add(id);
        }
        for (const id of ctx.store.keys()) if (!ids.has(id)) ctx.store.delete(id);
        // A collection no entry ever reached (all drafts, or all with a mistake) is not in the
        // store at all, and getCollection() then warns in English that it may not exist.
        // One entry in and out makes it an empty collection, which is what it is.
        // docs/ontwikkelaars/architectuur.md says how to check whether this is still needed.
        if (ctx.store.keys().length === 0) {
          ctx.store.set({ id: 'leeg', data: {} });
          ctx.store.delete('leeg');
        }
      };

      await synchroniseer();
      const { watcher } = ctx;
      if (!watcher) return;

      // Dev: after a file in the folder is saved, added or removed, once it has stopped changing.
      watcher.add(map);
      const gemeld = new Set<string>();
      let bezig = false;
      const meld = (pad: string) => {
        if (dirname(pad) !== map || !isInhoud(basename(pad))) return;
        gemeld.add(pad);
        if (bezig) return;
        bezig = true;
        void (async () => {
          try {
            while (gemeld.size > 0) {
              const paden = [...gemeld];
              gemeld.clear();
              await Promise.all(paden.map(totRust));
              await synchroniseer();
            }
          } catch (fout) {
            ctx.logger.error(fout instanceof Error ? fout.message : String(fout));
          } finally {
            bezig = false;
          }
        })();
      };
      for (const gebeurtenis of ['add', 'change', 'unlink'] as const) watcher.on(gebeurtenis, meld);
    },
  };
}

/** The files Astro's glob() loader reads for `*.md`: no hidden files, such as an editor's lock file. */
function isInhoud(naam: string): boolean {
  return naam.endsWith('.md') && !naam.startsWith('.');
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
 * Waits until a file stops changing. An editor saving a file empties it and then writes it;
 * the watcher (chokidar, in Vite) reports a path at most once per 50 ms, so it can report
 * the empty file and nothing after, and the entry would stay missing until the next save.
 * So in dev the file is read until two reads 100 ms apart agree (at most a second).
 * docs/ontwikkelaars/architectuur.md says how to check whether this is still needed.
 */
async function totRust(pad: string): Promise<void> {
  let vorige = await readFile(pad, 'utf8').catch(() => undefined);
  for (let i = 0; i < 10 && vorige !== undefined; i++) {
    await new Promise((klaar) => setTimeout(klaar, 100));
    const nu = await readFile(pad, 'utf8').catch(() => undefined);
    if (nu === vorige) return;
    vorige = nu;
  }
}

/** An error whose lines are all an editor needs: no stack trace under them. */
function zonderStack(bericht: string): Error {
  const fout = new Error(bericht);
  fout.stack = '';
  return fout;
}

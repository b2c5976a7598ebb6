/**
 * The Content-Security-Policy of the static site, computed from the build.
 *
 * Every page is static, so the policy can be exact: 'self' plus the SHA-256 of each
 * inline <script> and <style> that Astro wrote into dist/. It is written to
 * dist/_headers (Netlify reads that file from the publish directory) as a real
 * header, because `frame-ancestors` is ignored in a <meta> policy, and a header costs
 * no bytes in the page. The other security headers come from the same list the
 * sign-up function sends (src/beveiliging/headers.ts).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ELEMENT_NODE, type ElementNode, parse, walkSync } from 'ultrahtml';
import { algemeneHeaders, cmsHeaders, contentSecurityPolicy, sha256, vasteHeaders } from '../src/beveiliging/headers.ts';
import { CMS_PAD, vanDeSite } from '../src/redactie/app-bestanden.ts';

export { contentSecurityPolicy, sha256 };

/** Script types the browser executes (JSON-LD and other data blocks are not scripts to CSP). */
const uitvoerbaar = /^(|text\/javascript|application\/javascript|module)$/i;

export interface InlineBlokken {
  scripts: string[];
  styles: string[];
}

/** The inline executable scripts and the <style> blocks of one HTML document. */
export function inlineBlokken(html: string): InlineBlokken {
  const uit: InlineBlokken = { scripts: [], styles: [] };
  walkSync(parse(html), (node) => {
    if (node.type !== ELEMENT_NODE) return;
    const el = node as ElementNode;
    const tekst = el.children.map((c) => String(c.value ?? '')).join('');
    if (el.name === 'style') uit.styles.push(tekst);
    if (el.name === 'script' && !('src' in el.attributes) && uitvoerbaar.test(el.attributes.type ?? '')) uit.scripts.push(tekst);
  });
  return uit;
}

/** The HTML pages of the public site in the build: all but the editing UI (/admin/), which has its own policy. */
export async function htmlBestanden(dist: URL): Promise<URL[]> {
  const alle = await readdir(dist, { recursive: true });
  return alle
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.html') && vanDeSite(f))
    .sort()
    .map((f) => new URL(f, dist));
}

/** A top-level entry of dist/: a folder (its pages and files) or a single file. */
export interface Ingang {
  naam: string;
  map: boolean;
}

/** A rule of _headers; below `/*`, only what `/*` does not already send. */
const regelsVan = (pad: string, headers: Readonly<Record<string, string>>, zonder: Readonly<Record<string, string>> = {}) =>
  `${pad}\n${Object.entries(headers)
    .filter(([naam]) => !(naam in zonder))
    .map(([naam, waarde]) => `  ${naam}: ${waarde}\n`)
    .join('')}`;

/**
 * The text of dist/_headers. The editing UI at /admin/ needs a policy of its own
 * (src/beveiliging/headers.ts: cmsHeaders), and where two rules of _headers match one
 * path, Netlify's documentation does not promise which value of a header wins, or
 * whether both are sent (two policies, both enforced, would break the UI). So the
 * rule for every path, `/*`, carries only the headers both share; the site's policy
 * goes on a rule per top-level folder and file of the build, none of which matches
 * /admin/. A path that exists nowhere gets the shared headers, and 404.html carries
 * the site's policy itself (`metaBeleid`).
 */
export function headersTekst(beleid: string, ingangen: Ingang[]): string {
  const site = { ...vasteHeaders, 'Content-Security-Policy': beleid };
  const paden = ingangen
    .filter((i) => vanDeSite(i.naam) && i.naam !== '_headers' && i.naam !== '_redirects')
    .sort((a, b) => a.naam.localeCompare(b.naam))
    .map((i) => (i.map ? `/${i.naam}/*` : `/${i.naam}`));
  return [
    regelsVan('/*', algemeneHeaders),
    ...['/', ...paden].map((pad) => regelsVan(pad, site, algemeneHeaders)),
    regelsVan(`${CMS_PAD}*`, cmsHeaders, algemeneHeaders),
  ].join('\n');
}

/**
 * The site's policy as a <meta> element at the top of <head>, for 404.html: Netlify
 * serves it for any unknown path, which no rule of _headers but `/*` matches.
 * `frame-ancestors` has no effect in a <meta> policy and is left out. It goes right after the
 * charset, which must stay within the first 1024 bytes, and before every inline block.
 */
export function metaBeleid(html: string, beleid: string): string {
  const zonderFraming = beleid
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${zonderFraming}">`;
  const charset = /<meta charset="[^"]*">/i;
  return charset.test(html) ? html.replace(charset, (m) => m + meta) : html.replace(/<head>/i, `<head>${meta}`);
}

/** Hashes the inline blocks of every built page of the site and writes dist/_headers. */
export async function schrijfHeaders(dist: URL): Promise<string> {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const bestand of await htmlBestanden(dist)) {
    const blokken = inlineBlokken(await readFile(bestand, 'utf8'));
    for (const s of blokken.scripts) scripts.add(sha256(s));
    for (const s of blokken.styles) styles.add(sha256(s));
  }
  const beleid = contentSecurityPolicy({ scripts, styles });
  const ingangen = (await readdir(dist, { withFileTypes: true })).map((i) => ({ naam: i.name, map: i.isDirectory() }));
  await writeFile(new URL('_headers', dist), headersTekst(beleid, ingangen));
  const niet = new URL('404.html', dist);
  await writeFile(niet, metaBeleid(await readFile(niet, 'utf8'), beleid));
  return beleid;
}

export function cspHeaders(): AstroIntegration {
  return {
    name: 'csp-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const beleid = await schrijfHeaders(dir);
        logger.info(`Content-Security-Policy in ${fileURLToPath(new URL('_headers', dir))} (${beleid.length} tekens)`);
      },
    },
  };
}

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
import { contentSecurityPolicy, sha256, vasteHeaders } from '../src/beveiliging/headers.ts';

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

export async function htmlBestanden(dist: URL): Promise<URL[]> {
  const alle = await readdir(dist, { recursive: true });
  return alle
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => new URL(f, dist));
}

/** Hashes the inline blocks of every built page and writes dist/_headers. */
export async function schrijfHeaders(dist: URL): Promise<string> {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const bestand of await htmlBestanden(dist)) {
    const blokken = inlineBlokken(await readFile(bestand, 'utf8'));
    for (const s of blokken.scripts) scripts.add(sha256(s));
    for (const s of blokken.styles) styles.add(sha256(s));
  }
  const beleid = contentSecurityPolicy({ scripts, styles });
  const regels = Object.entries({ ...vasteHeaders, 'Content-Security-Policy': beleid }).map(([naam, waarde]) => `  ${naam}: ${waarde}\n`);
  await writeFile(new URL('_headers', dist), `/*\n${regels.join('')}`);
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

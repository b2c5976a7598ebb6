import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { htmlBestanden } from '../../integraties/csp-headers.ts';

/** What a page costs over the wire, gzip as served (scripts/serve.ts, Netlify's CDN). */
export interface Gewicht {
  pad: string;
  html: number;
  css: number;
  js: number;
  /** JS including what the page loads later with import() (the form's schema on first focus). */
  jsMetLater: number;
  totaal: number;
}

const gz = (b: Buffer | string) => gzipSync(b).length;

/** JS files a module pulls in, following static imports between Astro's chunks (and import() when asked). */
function metImports(dist: URL, bestand: string, gezien: Set<string>, ookLater = false): void {
  if (gezien.has(bestand)) return;
  gezien.add(bestand);
  const code = readFileSync(new URL(`.${bestand}`, dist), 'utf8');
  const patroon = ookLater ? /(?:import|from)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g : /(?:import|from)\s*["']([^"']+\.js)["']/g;
  for (const m of code.matchAll(patroon)) {
    metImports(dist, new URL(m[1]!, `http://x${bestand}`).pathname, gezien, ookLater);
  }
}

export async function paginaGewichten(dist: URL): Promise<Gewicht[]> {
  const uit: Gewicht[] = [];
  for (const bestand of await htmlBestanden(dist)) {
    const html = readFileSync(bestand, 'utf8');
    const rel = bestand.pathname.slice(dist.pathname.length);
    const pad = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -10)}` : `/${rel}`;
    const lokaal = (href: string) => href.startsWith('/') && !href.startsWith('//');
    const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!).filter(lokaal);
    const js = new Set<string>();
    const jsMetLater = new Set<string>();
    // A script tag, a modulepreload, or the inline loader that imports the page's scripts after
    // the first paint (integraties/scripts-na-weergave.ts): all are the page's JavaScript.
    for (const m of html.matchAll(
      /<(?:script\b[^>]*\bsrc|link\b[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"|\bimport\("([^"]+\.js)"\)/g,
    )) {
      const bestand = m[1] ?? m[2]!;
      if (lokaal(bestand)) {
        metImports(dist, bestand, js);
        metImports(dist, bestand, jsMetLater, true);
      }
    }
    const som = (lijst: Iterable<string>) => [...lijst].reduce((n, f) => n + gz(readFileSync(new URL(`.${f}`, dist))), 0);
    const g = { pad, html: gz(html), css: som(css), js: som(js), jsMetLater: som(jsMetLater) };
    uit.push({ ...g, totaal: g.html + g.css + g.js });
  }
  return uit;
}

import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { frontmatterPatroon, leesVelden } from '../src/inhoud/frontmatter.ts';
import { dist, gebouwdePaginas } from './gebouwd.ts';

const paginas = gebouwdePaginas().map((p) => ({ ...p, html: readFileSync(new URL(p.bestand, dist), 'utf8') }));

function meta(html: string, sleutel: string): string | undefined {
  const m = html.match(new RegExp(`<meta (?:property|name)="${sleutel.replace(/[:.]/g, '\\$&')}" content="([^"]*)"`));
  return m?.[1]?.replace(/&amp;/g, '&');
}

/** Width and height from a PNG's IHDR chunk. */
function pngMaat(bytes: Buffer): { breedte: number; hoogte: number } {
  expect(bytes.subarray(0, 8).toString('hex'), 'PNG-handtekening').toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { breedte: bytes.readUInt32BE(16), hoogte: bytes.readUInt32BE(20) };
}

test('elke pagina heeft een canonieke URL en Open Graph- en Twitter-tags met een deelbeeld van 1200×630', () => {
  for (const { pad, html } of paginas) {
    const canoniek = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
    expect(canoniek, `${pad}: canonical`).toBeTruthy();
    if (pad !== '/404.html') expect(new URL(canoniek!).pathname, `${pad}: canonical`).toBe(pad);
    expect(meta(html, 'og:url'), pad).toBe(canoniek);
    expect(meta(html, 'og:title'), pad).toBeTruthy();
    expect(meta(html, 'og:description'), pad).toBeTruthy();
    expect(meta(html, 'og:description'), pad).toBe(meta(html, 'description'));
    expect(['website', 'article'], pad).toContain(meta(html, 'og:type'));
    expect(meta(html, 'og:locale'), pad).toBe('nl_NL');
    expect(meta(html, 'twitter:card'), pad).toBe('summary_large_image');
    const beeld = new URL(meta(html, 'og:image') ?? '');
    expect(beeld.origin, `${pad}: og:image is absoluut, op de eigen site`).toBe(new URL(canoniek!).origin);
    const bytes = readFileSync(new URL(`.${beeld.pathname}`, dist));
    expect(pngMaat(bytes), `${pad}: ${beeld.pathname}`).toEqual({ breedte: 1200, hoogte: 630 });
    expect(bytes.length, `${pad}: ${beeld.pathname} blijft klein`).toBeLessThan(150_000);
  }
});

const bijeenkomstenMap = new URL('../src/content/bijeenkomsten/', import.meta.url);
const bijeenkomsten = readdirSync(bijeenkomstenMap)
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const tekst = readFileSync(new URL(f, bijeenkomstenMap), 'utf8');
    const frontmatter = leesVelden(frontmatterPatroon.exec(tekst)?.[1] ?? '') as Record<string, unknown>;
    return { slug: f.replace(/\.md$/, ''), fm: frontmatter };
  });

test('elke bijeenkomstpagina beschrijft de bijeenkomst als schema.org Event, met de gegevens uit de Markdown; wat nog niet vaststaat niet', () => {
  expect(bijeenkomsten.length).toBeGreaterThan(0);
  for (const { slug, fm: ruw } of bijeenkomsten) {
    const pad = `/bijeenkomsten/${slug}/`;
    const pagina = paginas.find((p) => p.pad === pad);
    expect(pagina, pad).toBeTruthy();
    const blokken = [...pagina!.html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    const onbevestigd = (ruw.onbevestigd ?? []) as string[];
    if (onbevestigd.includes('jaar') || onbevestigd.includes('datum')) {
      expect(blokken, `${pad}: geen Event zolang de datum niet vaststaat`).toHaveLength(0);
      continue;
    }
    // What is not confirmed is left out, as if the Markdown did not have it.
    const fm: Record<string, unknown> = {
      ...ruw,
      ...(onbevestigd.includes('tijd') ? { begintijd: undefined, eindtijd: undefined } : {}),
      ...(onbevestigd.includes('locatie') ? { locatie: undefined } : {}),
    };
    expect(blokken, `${pad}: één JSON-LD-blok`).toHaveLength(1);
    const e = JSON.parse(blokken[0]![1]!) as Record<string, unknown>;
    const datum = fm.datum instanceof Date ? fm.datum.toISOString().slice(0, 10) : String(fm.datum);
    const offset = /[+-]\d{2}:\d{2}$/;

    expect(e['@context']).toBe('https://schema.org');
    expect(e['@type']).toBe('Event');
    expect(e.name).toBe(fm.titel);
    expect(e.description).toBe(String(fm.samenvatting).trim());
    if (fm.begintijd) {
      expect(e.startDate).toMatch(new RegExp(`^${datum}T${fm.begintijd}:00`));
      expect(e.startDate).toMatch(offset);
    } else {
      expect(e.startDate, 'zonder begintijd alleen de datum').toBe(datum);
    }
    if (fm.eindtijd) {
      expect(e.endDate).toMatch(new RegExp(`^${datum}T${fm.eindtijd}:00`));
      expect(e.endDate).toMatch(offset);
    } else if (!fm.begintijd) {
      expect(e.endDate).toBe(datum);
    }
    expect(e.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(e.eventAttendanceMode).toBe(
      (fm.vorm ?? 'fysiek') === 'online' ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    );
    expect((e.organizer as { name: string }[]).map((o) => o.name)).toEqual(fm.organisatoren);
    expect(((e.performer ?? []) as { name: string }[]).map((p) => p.name)).toEqual(
      ((fm.sprekers ?? []) as { naam: string }[]).map((s) => s.naam),
    );
    const locatie = fm.locatie as { naam: string; plaats: string } | undefined;
    if (locatie) {
      expect(e.location).toMatchObject({ '@type': 'Place', name: locatie.naam, address: { addressLocality: locatie.plaats } });
    } else {
      expect(e.location, 'geen verzonnen locatie').toBeUndefined();
    }
    if (e.offers)
      expect(new URL((e.offers as { url: string }).url).pathname + new URL((e.offers as { url: string }).url).hash).toBe(
        `${pad}#inschrijven`,
      );
    expect(JSON.stringify(e), 'geen verzonnen prijs').not.toMatch(/"price/);
    expect(new URL((e.image as string[])[0]!).pathname).toBe(`/bijeenkomsten/${slug}/deelbeeld.png`);
  }
});

test('de sitemap noemt elke pagina behalve de 404 en de pagina’s met noindex, en robots.txt wijst ernaar', () => {
  const robots = readFileSync(new URL('robots.txt', dist), 'utf8');
  const sitemapUrl = robots.match(/^Sitemap: (\S+)$/m)?.[1];
  expect(sitemapUrl, 'Sitemap-regel in robots.txt').toBeTruthy();
  expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
  const index = readFileSync(new URL(`.${new URL(sitemapUrl!).pathname}`, dist), 'utf8');
  const delen = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(delen.length).toBeGreaterThan(0);
  const inSitemap = delen.flatMap((deel) =>
    [...readFileSync(new URL(`.${deel}`, dist), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
  );
  const noindex = (html: string) => /<meta name="robots" content="[^"]*noindex/.test(html);
  const verwacht = paginas.filter((p) => p.pad !== '/404.html' && !noindex(p.html)).map((p) => p.pad);
  expect(verwacht).toContain('/bijeenkomsten/');
  expect(inSitemap.sort()).toEqual(verwacht.sort());
});

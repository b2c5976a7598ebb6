import type { Page } from '@playwright/test';

/**
 * Crawls a site from its start pages, the way a visitor clicks through it, and
 * reports every internal link that does not resolve: a page or file that answers
 * with an error, or a #fragment that names no element on its target page.
 *
 * Reusable for any page added later: it follows whatever <a>, <area> and <link>
 * elements the pages contain. Links to other sites and non-web schemes (mailto:,
 * tel:, javascript:) are out of scope and skipped.
 */

interface KapotteLink {
  /** The page the link is on. */
  pagina: string;
  /** The href as written in the HTML. */
  href: string;
  reden: string;
}

interface Linkrapport {
  /** Every internal URL that was fetched (pages and files), without fragment. */
  bezocht: string[];
  kapot: KapotteLink[];
}

interface Verwijzing {
  pagina: string;
  href: string;
  doel: URL;
}

interface Doel {
  status: number;
  html: boolean;
  /** ids (and <a name>) on the page, for checking fragments. */
  ankers: Set<string>;
}

interface Opties {
  /** Origin of the site, e.g. http://localhost:4322; other origins are external. */
  basis: string;
  /** Paths to start from; default the home page. Error pages given here are crawled too. */
  start?: string[];
  /** Safety net against endless URL spaces (calendars, query strings). */
  maxUrls?: number;
}

const zonderFragment = (url: URL) => {
  const kopie = new URL(url);
  kopie.hash = '';
  return kopie.href;
};

export async function controleerLinks(page: Page, { basis, start = ['/'], maxUrls = 1000 }: Opties): Promise<Linkrapport> {
  const oorsprong = new URL(basis).origin;
  const doelen = new Map<string, Doel>();
  const verwijzingen: Verwijzing[] = [];
  const wachtrij = start.map((pad) => zonderFragment(new URL(pad, basis)));
  const ingepland = new Set(wachtrij);
  const startpaginas = new Set(wachtrij);

  while (wachtrij.length > 0) {
    const url = wachtrij.shift()!;
    if (doelen.size >= maxUrls) throw new Error(`Meer dan ${maxUrls} adressen gevonden; loopt de site in een kring?`);
    const antwoord = await page.request.get(url, { failOnStatusCode: false });
    const html = (antwoord.headers()['content-type'] ?? '').includes('text/html');
    const doel: Doel = { status: antwoord.status(), html, ankers: new Set() };
    doelen.set(url, doel);
    // A start page may be an error page on purpose (the 404 page): its links count too.
    if (!html || (!antwoord.ok() && !startpaginas.has(url))) continue;

    // The real browser parses the page, so the links are what a visitor gets.
    await page.goto(url);
    const { links, ankers } = await page.evaluate(() => ({
      links: [...document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement | HTMLLinkElement>('a[href], area[href], link[href]')].map(
        (el) => ({ href: el.getAttribute('href') ?? '', absoluut: el.href }),
      ),
      ankers: [...document.querySelectorAll('[id], a[name]')].map((el) => el.id || el.getAttribute('name') || ''),
    }));
    doel.ankers = new Set(ankers);

    for (const { href, absoluut } of links) {
      let doelUrl: URL;
      try {
        doelUrl = new URL(absoluut);
      } catch {
        verwijzingen.push({ pagina: url, href, doel: new URL('invalid:') });
        continue;
      }
      if (!['http:', 'https:'].includes(doelUrl.protocol) || doelUrl.origin !== oorsprong) continue;
      verwijzingen.push({ pagina: url, href, doel: doelUrl });
      const volgende = zonderFragment(doelUrl);
      if (!ingepland.has(volgende)) {
        ingepland.add(volgende);
        wachtrij.push(volgende);
      }
    }
  }

  const kapot: KapotteLink[] = [];
  for (const { pagina, href, doel } of verwijzingen) {
    if (doel.protocol === 'invalid:') {
      kapot.push({ pagina, href, reden: 'geen geldig adres' });
      continue;
    }
    const sleutel = zonderFragment(doel);
    const gevonden = doelen.get(sleutel);
    if (!gevonden) continue; // only when maxUrls cut the crawl short, which throws above
    // A start page that is an error page on purpose may link to itself (its skiplink).
    if (gevonden.status >= 400 && !startpaginas.has(sleutel)) {
      kapot.push({ pagina, href, reden: `HTTP ${gevonden.status}` });
      continue;
    }
    const fragment = decodeURIComponent(doel.hash.slice(1));
    // An empty fragment and #top scroll to the top of any HTML page (HTML standard).
    if (gevonden.html && fragment !== '' && fragment.toLowerCase() !== 'top' && !gevonden.ankers.has(fragment)) {
      kapot.push({ pagina, href, reden: `anker #${fragment} bestaat niet op ${sleutel}` });
    }
  }
  return { bezocht: [...doelen.keys()], kapot };
}

import { chromium } from '@playwright/test';

/**
 * Cumulative layout shift of a page, loaded the way a phone on a slow network loads it:
 * Chromium with real network and CPU throttling through DevTools, with the values Lighthouse's
 * mobile preset uses when it throttles that way (slow 4G: 562.5 ms request latency, 1.6 Mbit/s
 * × 0.9 down, 750 kbit/s × 0.9 up; CPU 4× slower), so the HTML arrives in pieces over time
 * and the browser paints between them.
 *
 * Not Lighthouse itself: its default throttling is simulated, which loads the page at full
 * local speed and computes the timings afterwards. Whether a first paint falls between two
 * pieces of the HTML is then left to chance (a shift there showed in about one run in four),
 * and twenty runs would take minutes. Here every run varies what a run can vary: the
 * bandwidth (full, or a third, so the pieces break at other places in the HTML) and the
 * screen (390×844, 412×823 as Lighthouse's phone, 320×640).
 */
export interface Verschuiving {
  /** CLS as web.dev defines it, the largest session window of shifts (no input is given here). */
  cls: number;
  scherm: string;
  snelheid: string;
  /** What moved, in the worst window: element, its place before and after. */
  bronnen: string[];
}

const SCHERMEN = [
  { width: 390, height: 844 },
  { width: 412, height: 823 },
  { width: 320, height: 640 },
] as const;
const SNELHEDEN = [
  { naam: 'traag 4G', factor: 1 },
  { naam: 'traag 4G ÷ 3', factor: 1 / 3 },
] as const;

interface Schuif {
  tijd: number;
  waarde: number;
  bronnen: string[];
}

/** Session windows: shifts less than 1 s apart, at most 5 s long; CLS is the largest sum (as web.dev defines it). */
export function clsUitSchuiven(schuiven: Schuif[]): { cls: number; bronnen: string[] } {
  let beste = { cls: 0, bronnen: [] as string[] };
  let venster: Schuif[] = [];
  for (const s of [...schuiven].sort((a, b) => a.tijd - b.tijd)) {
    const eerste = venster[0];
    const laatste = venster.at(-1);
    if (eerste && laatste && (s.tijd - laatste.tijd >= 1000 || s.tijd - eerste.tijd >= 5000)) venster = [];
    venster.push(s);
    const som = venster.reduce((n, v) => n + v.waarde, 0);
    if (som > beste.cls) beste = { cls: som, bronnen: venster.flatMap((v) => v.bronnen) };
  }
  return beste;
}

export async function verschuivingen(url: string, runs: number, chromePath: string): Promise<Verschuiving[]> {
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu'] });
  const uit: Verschuiving[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const scherm = SCHERMEN[i % SCHERMEN.length]!;
      const snelheid = SNELHEDEN[Math.floor(i / SCHERMEN.length) % SNELHEDEN.length]!;
      // A fresh context per run: an empty cache, as a first visit.
      const context = await browser.newContext({ viewport: scherm, deviceScaleFactor: 3, isMobile: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150 * 3.75,
        downloadThroughput: ((1.6 * 1024 * 0.9 * 1024) / 8) * snelheid.factor,
        uploadThroughput: (750 * 0.9 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        const lijst: { tijd: number; waarde: number; bronnen: string[] }[] = [];
        (window as unknown as { __schuiven: typeof lijst }).__schuiven = lijst;
        const naam = (n: Node | null) => {
          if (!(n instanceof Element)) return n?.nodeName ?? '?';
          return `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}${[...n.classList].map((c) => `.${c}`).join('')}`;
        };
        const vak = (r: DOMRectReadOnly) => `${Math.round(r.y)}+${Math.round(r.height)}`;
        new PerformanceObserver((l) => {
          // Every shift counts, also those marked hadRecentInput: nobody touches the page here, and
          // Playwright's phone emulation makes Chromium mark shifts during the load as after input.
          for (const e of l.getEntries() as (PerformanceEntry & {
            value: number;
            sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
          })[]) {
            lijst.push({
              tijd: e.startTime,
              waarde: e.value,
              bronnen: e.sources.map((s) => `${naam(s.node)} y ${vak(s.previousRect)} → ${vak(s.currentRect)}`),
            });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      // Late shifts too: a script that changes the page after load, a font or image that arrives late.
      await page.waitForTimeout(1500);
      const schuiven = await page.evaluate(() => (window as unknown as { __schuiven: Schuif[] }).__schuiven);
      uit.push({ ...clsUitSchuiven(schuiven), scherm: `${scherm.width}×${scherm.height}`, snelheid: snelheid.naam });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return uit;
}

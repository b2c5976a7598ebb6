import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { mediaan } from './meting.ts';

export const CATEGORIEEN = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Categorie = (typeof CATEGORIEEN)[number];

/**
 * Lighthouse with its default (mobile) configuration: Moto G class device, simulated
 * slow 4G. The median of `runs` runs per category, as whole scores 0–100.
 */
export interface LighthouseUitslag {
  scores: Record<Categorie, number>;
  /** Audits that cost points in the last run, to say what to fix. */
  tekorten: string[];
  /** Lighthouse's own CPU benchmark of this machine (median); under ~1000 it warns that scores suffer. */
  benchmarkIndex: number;
}

export async function lighthouseMediaan(urls: string[], runs: number): Promise<Map<string, LighthouseUitslag>> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // No --disable-gpu: headless Chromium's software compositing then shows up as long
    // "unattributable" main-thread tasks, which Lighthouse counts as blocking time.
    chromeFlags: ['--headless=new', '--no-sandbox'],
  });
  const uit = new Map<string, LighthouseUitslag>();
  try {
    for (const url of urls) {
      const scores: Record<Categorie, number[]> = { performance: [], accessibility: [], 'best-practices': [], seo: [] };
      let tekorten: string[] = [];
      const benchmarks: number[] = [];
      for (let i = 0; i < runs; i++) {
        const resultaat = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIEEN] });
        if (!resultaat) throw new Error(`Lighthouse gaf geen resultaat voor ${url}`);
        const { categories, runtimeError } = resultaat.lhr;
        if (runtimeError) throw new Error(`Lighthouse op ${url}: ${runtimeError.message}`);
        benchmarks.push(resultaat.lhr.environment.benchmarkIndex);
        for (const c of CATEGORIEEN) scores[c].push(Math.round((categories[c]?.score ?? 0) * 100));
        tekorten = CATEGORIEEN.flatMap((c) =>
          (categories[c]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (resultaat.lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${c}: ${ref.id} (${resultaat.lhr.audits[ref.id]?.displayValue ?? resultaat.lhr.audits[ref.id]?.score})`),
        );
      }
      uit.set(url, {
        scores: Object.fromEntries(CATEGORIEEN.map((c) => [c, mediaan(scores[c])])) as Record<Categorie, number>,
        tekorten,
        benchmarkIndex: mediaan(benchmarks),
      });
    }
  } finally {
    chrome.kill();
  }
  return uit;
}

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { mediaan } from './meting.ts';

export const CATEGORIEEN = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Categorie = (typeof CATEGORIEEN)[number];

/**
 * Lighthouse with its default (mobile) configuration: Moto G class device, simulated
 * slow 4G. Per category the median of `runs` runs and the worst run, as whole scores
 * 0–100, and per run the largest contentful paint.
 */
export interface LighthouseUitslag {
  scores: Record<Categorie, number>;
  /** The lowest score of any run: a budget of 100 holds only when every run makes it. */
  slechtste: Record<Categorie, number>;
  /** Largest contentful paint of each run in ms, in the order of the rounds (see below). */
  lcp: number[];
  /** Audits that cost points in the last run, to say what to fix. */
  tekorten: string[];
  /** Lighthouse's own CPU benchmark of this machine (median); under ~1000 it warns that scores suffer. */
  benchmarkIndex: number;
}

/**
 * One run; a run that Lighthouse itself reports as failed (NO_NAVSTART and the like: its trace
 * of the page load broke, which a busy machine provokes) is run again, at most twice.
 */
async function lighthouseRun(port: number, url: string, poging = 1): Promise<NonNullable<Awaited<ReturnType<typeof lighthouse>>>> {
  const resultaat = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIEEN] });
  if (!resultaat) throw new Error(`Lighthouse gaf geen resultaat voor ${url}`);
  const fout = resultaat.lhr.runtimeError;
  if (!fout) return resultaat;
  if (poging < 3) return lighthouseRun(port, url, poging + 1);
  throw new Error(`Lighthouse op ${url}: ${fout.message} (${poging} pogingen)`);
}

/**
 * The pages take turns: round 1 runs every URL once, then round 2, and so on. Run i of one
 * page and run i of another are then measured within seconds of each other, under the same
 * load on the machine, so their ratio (the event page's LCP against home's) means something
 * where the absolute times swing with the neighbours.
 */
export async function lighthouseMediaan(urls: string[], runs: number): Promise<Map<string, LighthouseUitslag>> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // No --disable-gpu: headless Chromium's software compositing then shows up as long
    // "unattributable" main-thread tasks, which Lighthouse counts as blocking time.
    chromeFlags: ['--headless=new', '--no-sandbox'],
  });
  const per = new Map(
    urls.map((url) => [
      url,
      {
        scores: { performance: [], accessibility: [], 'best-practices': [], seo: [] } as Record<Categorie, number[]>,
        lcp: [] as number[],
        tekorten: [] as string[],
        benchmarks: [] as number[],
      },
    ]),
  );
  try {
    for (let i = 0; i < runs; i++) {
      for (const url of urls) {
        const p = per.get(url)!;
        const resultaat = await lighthouseRun(chrome.port, url);
        const { categories, audits } = resultaat.lhr;
        p.benchmarks.push(resultaat.lhr.environment.benchmarkIndex);
        for (const c of CATEGORIEEN) p.scores[c].push(Math.round((categories[c]?.score ?? 0) * 100));
        p.lcp.push(audits['largest-contentful-paint']?.numericValue ?? Number.NaN);
        p.tekorten = CATEGORIEEN.flatMap((c) =>
          (categories[c]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${c}: ${ref.id} (${audits[ref.id]?.displayValue ?? audits[ref.id]?.score})`),
        );
      }
    }
  } finally {
    chrome.kill();
  }
  return new Map(
    [...per].map(([url, p]) => [
      url,
      {
        scores: Object.fromEntries(CATEGORIEEN.map((c) => [c, mediaan(p.scores[c])])) as Record<Categorie, number>,
        slechtste: Object.fromEntries(CATEGORIEEN.map((c) => [c, Math.min(...p.scores[c])])) as Record<Categorie, number>,
        lcp: p.lcp,
        tekorten: p.tekorten,
        benchmarkIndex: mediaan(p.benchmarks),
      },
    ]),
  );
}

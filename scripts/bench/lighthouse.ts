import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { npmOpdracht } from '../../src/omgeving.ts';
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
 * Lighthouse and chrome-launcher are not in the project's own dependencies: some 70 packages
 * more for every `npm install`, for one group of one command.
 * scripts/bench/lighthouse/ has their package.json and lock; the first run of this group
 * installs them there (`npm ci`), again when that lock is newer than the installation.
 */
const MAP = fileURLToPath(new URL('./lighthouse/', import.meta.url));

async function installeer(log: (tekst: string) => void): Promise<void> {
  const gewijzigd = async (bestand: string) => (await stat(join(MAP, bestand)).catch(() => undefined))?.mtimeMs ?? -1;
  if ((await gewijzigd('node_modules/.package-lock.json')) >= (await gewijzigd('package-lock.json'))) return;
  log('Lighthouse installeren in scripts/bench/lighthouse/ (alleen de eerste keer)');
  const npm = npmOpdracht();
  await promisify(execFile)(npm[0]!, [...npm.slice(1), 'ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: MAP,
    shell: npm[0] === 'npm' && process.platform === 'win32',
  }).catch((fout: { stderr?: string }) => {
    throw new Error(
      `Lighthouse kon niet worden geïnstalleerd (npm ci in scripts/bench/lighthouse/): ${fout.stderr?.trim() || String(fout)}`,
    );
  });
}

/** The little of Lighthouse's and chrome-launcher's API the bench uses (their own types live in that folder, not here). */
interface Chrome {
  port: number;
  kill: () => void;
}
interface Audit {
  score: number | null;
  displayValue?: string;
  numericValue?: number;
}
interface Lhr {
  categories: Partial<Record<Categorie, { score: number | null; auditRefs: { id: string; weight: number }[] }>>;
  audits: Record<string, Audit | undefined>;
  environment: { benchmarkIndex: number };
  runtimeError?: { message: string };
}
interface Modules {
  launch: (opties: { chromePath: string; chromeFlags: string[] }) => Promise<Chrome>;
  lighthouse: (url: string, opties: Record<string, unknown>) => Promise<{ lhr: Lhr } | undefined>;
}

async function laad(log: (tekst: string) => void): Promise<Modules> {
  await installeer(log);
  const vind = createRequire(join(MAP, 'package.json'));
  const module = (naam: string) => import(pathToFileURL(vind.resolve(naam)).href);
  const [chromeLauncher, lighthouse] = await Promise.all([module('chrome-launcher'), module('lighthouse')]);
  return { launch: chromeLauncher.launch, lighthouse: lighthouse.default };
}

/**
 * One run; a run that Lighthouse itself reports as failed (NO_NAVSTART and the like: its trace
 * of the page load broke, which a busy machine provokes) is run again, at most twice.
 */
async function lighthouseRun(lighthouse: Modules['lighthouse'], port: number, url: string, poging = 1): Promise<Lhr> {
  const resultaat = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIEEN] });
  if (!resultaat) throw new Error(`Lighthouse gaf geen resultaat voor ${url}`);
  const fout = resultaat.lhr.runtimeError;
  if (!fout) return resultaat.lhr;
  if (poging < 3) return lighthouseRun(lighthouse, port, url, poging + 1);
  throw new Error(`Lighthouse op ${url}: ${fout.message} (${poging} pogingen)`);
}

/** The Chromium the bench drives, for Lighthouse and for the layout shift: CHROME_PATH (Lighthouse's own name), CHROMIUM_PATH, else Debian's. */
export const BENCH_CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The pages take turns: round 1 runs every URL once, then round 2, and so on. Run i of one
 * page and run i of another are then measured within seconds of each other, under the same
 * load on the machine, so their ratio (the event page's LCP against home's) means something
 * where the absolute times swing with the neighbours.
 */
export async function lighthouseMediaan(
  urls: string[],
  runs: number,
  log: (tekst: string) => void,
): Promise<Map<string, LighthouseUitslag>> {
  const { launch, lighthouse } = await laad(log);
  const chrome = await launch({
    chromePath: BENCH_CHROMIUM,
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
        const { categories, audits, environment } = await lighthouseRun(lighthouse, chrome.port, url);
        p.benchmarks.push(environment.benchmarkIndex);
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

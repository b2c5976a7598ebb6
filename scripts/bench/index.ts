/**
 * `npm run bench`: every budget of the quality spec beside its measured figure.
 *
 *   npm run bench                  all of it (about 6–8 minutes on 2 cores), into bench-results/
 *   npm run bench -- --docs        and write docs/ontwikkelaars/bench.md (scripts/bench/verslag.ts)
 *   npm run bench -- --alleen vijandig,functie   only those groups (bench-results/ is left alone;
 *                                  with --docs, only their sections of bench.md are replaced)
 *   BENCH_RUNS=5 BENCH_CLS_RUNS=20 BENCH_BOUW=250,1000 BENCH_PORT=4360   (defaults)
 *   BENCH_KOUDE_CACHE=1            also `npm ci` with an empty npm cache (downloads everything)
 *
 * Timings are only reported here, never asserted in tests: machines are noisy.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type BouwTijd, bouwTijd, getimed } from './bouw.ts';
import { bundelRijen, handlerTijden, lastProef, lokaleRijen, pakket, stootRijen, vijandigRijen } from './functie.ts';
import { paginaGewichten } from './gewicht.ts';
import { installatieRijen } from './installatie.ts';
import { BENCH_CHROMIUM, CATEGORIEEN, type Categorie, lighthouseMediaan } from './lighthouse.ts';
import { kb, maximum, mediaan, type Rij } from './meting.ts';
import { doelPaginas } from './paginas.ts';
import { verschuivingen } from './verschuiving.ts';
import { BENCH_DOC, benchDocument, cellen, dezeMachine, type GroepMeting } from './verslag.ts';

const root = new URL('../../', import.meta.url);
const dist = new URL('dist/', root);
const poort = Number(process.env.BENCH_PORT ?? 4360);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const clsRuns = Number(process.env.BENCH_CLS_RUNS ?? 20);
const bouwAantallen = (process.env.BENCH_BOUW ?? '250,1000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const begonnen = performance.now();
const rijen: Rij[] = [];
const log = (tekst: string) => console.error(`[bench ${((performance.now() - begonnen) / 1000).toFixed(0)} s] ${tekst}`);

/** The groups of rows, in the order they run; `--alleen a,b` runs only those. */
const GROEPEN = [
  'lighthouse',
  'verschuiving',
  'gewicht',
  'build',
  'functie',
  'vijandig',
  'stoot',
  'lokaal',
  'last',
  'installatie',
] as const;
type Groep = (typeof GROEPEN)[number];
const alleenArg = process.argv.find((a, i) => process.argv[i - 1] === '--alleen' || a.startsWith('--alleen='));
const alleen = alleenArg?.replace(/^--alleen=/, '').split(',');
const onbekend = alleen?.filter((g) => !(GROEPEN as readonly string[]).includes(g));
if (onbekend?.length) throw new Error(`Onbekende groep(en) ${onbekend.join(', ')}; kies uit ${GROEPEN.join(', ')}`);
const doe = (groep: Groep) => !alleen || alleen.includes(groep);

/** How each group measures, in the words of docs/ontwikkelaars/bench.md (written from here, so it cannot drift from the code). */
const METHODE: Record<Groep, string> = {
  lighthouse:
    'Lighthouse met zijn standaardinstelling voor mobiel (gesimuleerde trage 4G en trage CPU), `BENCH_RUNS` runs (standaard 5) ' +
    'per pagina, op home, de eerste bijeenkomst, het eerste gidshoofdstuk en de bedankpagina van de eerste bijeenkomst (zolang ' +
    'die er niet zijn: “nog niet gemeten”), tegen de build zoals `scripts/serve.ts` hem serveert (gzip, headers). De pagina’s ' +
    'wisselen elkaar af: ronde 1 meet elke pagina één keer, dan ronde 2, zodat run *i* van de ene en run *i* van de andere ' +
    'pagina onder dezelfde belasting vallen. Per categorie de mediaan en, tussen haakjes, de slechtste run; het oordeel gaat ' +
    'over de slechtste, dus een budget van 100 betekent 100 in elke run. Een run die Lighthouse zelf mislukt noemt ' +
    '(`NO_NAVSTART`: zijn opname van het laden brak), wordt tot twee keer overgedaan. De LCP-rij deelt per ronde de LCP van de ' +
    'bijeenkomstpagina door die van home en neemt de mediaan; budget ≤ 1,05×, omdat Lighthouse de tijden afleidt uit een ' +
    'echte en op een gedeelde machine wisselende run. Chromium draait zonder `--disable-gpu`: met die vlag telt de ' +
    'softwarecompositing van headless Chromium mee als blokkeertijd. Onder de tabel de audits die punten kosten en Lighthouses ' +
    'eigen maat voor de snelheid van de machine (benchmarkIndex; onder ± 1000 waarschuwt Lighthouse dat de scores lijden).',
  verschuiving:
    'De layoutverschuiving (CLS) van de bijeenkomstpagina, `BENCH_CLS_RUNS` runs (standaard 20), de slechtste telt; budget 0 ' +
    'in elke run. Niet met Lighthouse zelf: zijn standaard-throttling is gesimuleerd, Chromium laadt de pagina dan op volle ' +
    'lokale snelheid, en of de eerste weergave tussen twee stukken HTML valt, is toeval. `scripts/bench/verschuiving.ts` laadt ' +
    'de pagina in Chromium met echte throttling via DevTools, met de waarden die Lighthouse voor die manier gebruikt (trage ' +
    '4G: 562,5 ms latentie, 1,6 Mbit/s × 0,9 omlaag; CPU 4× trager), afwisselend op volle en op een derde van die bandbreedte ' +
    'en op 390×844, 412×823 en 320×640. Elke `layout-shift` telt, ook wat Chromium als “na invoer” markeert (niemand raakt de ' +
    'pagina aan; de telefoonemulatie laat Chromium verschuivingen tijdens het laden zo markeren). Bij een verschuiving staat ' +
    'onder de tabel wat er bewoog, van waar naar waar.',
  gewicht:
    'De gebouwde site (`dist/`), gzip zoals geserveerd: HTML + CSS + JS per pagina, met de modules die een script importeert. ' +
    'JavaScript telt twee keer: wat de bijeenkomstpagina bij het laden haalt, en dat plus het schema (`zod/mini`) dat het ' +
    'formulier pas bij de eerste focus laadt. Onder de tabel het gewicht van elke pagina.',
  build:
    '`astro build` van een tijdelijke kopie van het project met 250 en 1.000 bijeenkomsten (`BENCH_BOUW`): ' +
    'het echte bijeenkomstbestand gekloond met andere titels, datums en tijden; `src/content/` blijft onaangeroerd. Het budget ' +
    'geldt de kloktijd bij 1.000; de groei wordt beoordeeld op de CPU-tijd, want op een gedeelde machine zegt de kloktijd veel ' +
    'over de buren.',
  functie:
    'Op wat Netlify deployt: `netlify/functions/` ingepakt door `@netlify/zip-it-and-ship-it` (zoals `netlify build`): eigen ' +
    'code + `node_modules` uitgepakt (Netlify’s eigen `___netlify-*`-bestanden niet meegeteld) en de zip. De koude start: een ' +
    'nieuw proces importeert het functiebestand uit dat pakket en handelt één echte inschrijving af tegen de Resend-stand-in, ' +
    'mediaan van 5; Node’s eigen opstart en het `Request`-object, die Netlify’s runtime al klaar heeft, tellen niet mee. De ' +
    'handler-tijden: in-process met een mailer zonder I/O en een geheim zoals in productie (dus ook het maken van de ' +
    'afmeldlink), p50 en p99 over 2.000 inschrijvingen, elk van een ander adres, na 200 om op te warmen.',
  vijandig:
    'De duurste bodies die een vreemde kan sturen, elk net onder 16 kB en gemaakt tegen een patroon van de controles (een ' +
    'lange reeks letters voor de webadres- en zinregels, punten, punt-lookalikes, koppeltekens, Zalgo-accenten, een lang ' +
    'e-mailadres, een stuurteken aan het eind van 16 kB vrije tekst, een formulier zonder JavaScript dat de foutpagina met ' +
    'alles erin terugkrijgt), en één met elk veld op zijn maximum die wordt aangenomen; in-process door de handler, om en om ' +
    'met gewone inschrijvingen die net zo binnenkomen (JSON naast JSON, formulier naast formulier), 3 rondes opwarmen en 15 ' +
    'tellen. Het budget vergelijkt de p50 van de zwaarste met de p50 van een gewone; de log van de bench noemt elke body.',
  stoot:
    'Een nieuwsbriefpiek op de gedeployde functie: 30 inschrijvingen op willekeurige momenten binnen 10 s (vast zaad), elk ' +
    'een los verzoek, tegen de Resend-stand-in met 2 verzoeken per seconde (Resends standaardlimiet, met `429` en ' +
    '`retry-after`).',
  lokaal:
    'Inschrijven op `npm start`: `astro dev` in een eigen proces, de functie in hetzelfde proces uit haar bundel, mails naar ' +
    'een tijdelijke outbox; eerst inschrijvingen na elkaar, dan een aantal tegelijk. Het budget is 300 ms per inschrijving.',
  last:
    'De lastproef: 1.000 inschrijvingen, 50 tegelijk, met de echte Resend-SDK over HTTP naar een nep-mail-API op 127.0.0.1 ' +
    'die 30% van de verzoeken willekeurig (vast zaad) laat mislukken: `500`, `429`, nooit antwoorden, de mail aannemen maar ' +
    'te laat antwoorden, de verbinding verbreken vóór of ná het aannemen; ze houdt zich aan idempotency-sleutels zoals ' +
    'Resend. Twee keer: op de gedeployde functie met de herhalingen van productie, en op de bron in-process met korte ' +
    'pauzes (30/90/180 ms, 1,5 s per poging). Verloren is een `200` waarvan de organisatormail ' +
    'nooit is aangenomen; dubbel is meer dan één aangenomen mail per persoon en soort.',
  installatie:
    '`npm ci` van `package.json` en de lock in een lege map, zoals een verse kloon en CI (`.ci/run`) het doen, met de npm-cache ' +
    'van de machine (en met `BENCH_KOUDE_CACHE=1` ook met een lege cache, dus alles uit het register): kloktijd (het budget) en ' +
    'CPU-tijd, het aantal pakketten (uit `node_modules/.package-lock.json`) en de grootte van `node_modules`. Daarnaast wat later ' +
    'los komt: Decap CMS ophalen zoals de eerste build het doet. Lighthouse (alleen voor de bench) telt niet mee: dat installeert ' +
    'de bench de eerste keer zelf in `scripts/bench/lighthouse/`.',
};

/** When each group ran and under what load, for the record: a group runs from its begin() to the next begin() or klaar(). */
const gestart: { groep: Groep; belasting: number; t0: number; t1?: number }[] = [];
const toelichtingen = new Map<Groep, string[]>();
function klaar(): void {
  const laatste = gestart.at(-1);
  if (laatste && laatste.t1 === undefined) laatste.t1 = performance.now();
}
function begin(groep: Groep, tekst: string): void {
  klaar();
  gestart.push({ groep, belasting: loadavg()[0]!, t0: performance.now() });
  log(tekst);
}
/** A line for the log that also goes below the group's table in the record. */
function merk(groep: Groep, tekst: string): void {
  log(tekst);
  toelichtingen.set(groep, [...(toelichtingen.get(groep) ?? []), `- ${tekst}`]);
}

const astro = fileURLToPath(new URL('node_modules/astro/bin/astro.mjs', root));
const belastingBijStart = loadavg()[0]!;
// Lighthouse, the weights and the deployed function read dist/ and netlify/functions/: build first.
const bouwNodig = (['lighthouse', 'verschuiving', 'gewicht', 'functie', 'stoot', 'last'] as const).some(doe);
if (bouwNodig) log('site bouwen');
const eigenBouw = bouwNodig ? await getimed([process.execPath, astro, 'build', '--silent'], fileURLToPath(root)) : undefined;

// --- Lighthouse and the layout shift, against the build served as Netlify serves it (gzip, headers) ---
const doelen = doelPaginas(root);
const benchmarkIndexen: number[] = [];
const adres = (pad: string) => `http://localhost:${poort}${pad}`;

async function metServer(werk: () => Promise<void>): Promise<void> {
  const server = spawn(process.execPath, ['scripts/serve.ts', '--port', String(poort)], {
    cwd: fileURLToPath(root),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((klaar, fout) => {
      server.stdout.on('data', (d: Buffer) => String(d).includes('Gebouwde site op') && klaar());
      server.once('exit', (code) => fout(new Error(`scripts/serve.ts stopte (code ${code})`)));
    });
    await werk();
  } finally {
    server.kill('SIGTERM');
  }
}

const alsScores = (s: Record<Categorie, number>) => CATEGORIEEN.map((c) => s[c]).join(' / ');

if (doe('lighthouse')) {
  begin('lighthouse', `server op :${poort}, Lighthouse ${runs}× per pagina, de pagina's om en om`);
  await metServer(async () => {
    const metPad = doelen.filter((d): d is typeof d & { pad: string } => Boolean(d.pad));
    const uitslagen = await lighthouseMediaan(
      metPad.map((d) => adres(d.pad)),
      runs,
      log,
    );
    for (const doel of doelen) {
      const wat = `Lighthouse ${doel.naam} (${CATEGORIEEN.join(' / ')})`;
      const u = doel.pad ? uitslagen.get(adres(doel.pad)) : undefined;
      if (!u) {
        rijen.push({ groep: 'lighthouse', wat, meting: `nog niet gemeten: ${doel.ontbreekt}`, budget: '100 / 100 / 100 / 100' });
        continue;
      }
      // Judged on the worst run: a score that is 100 in the median but 82 in one run does not hold.
      const slechtste = CATEGORIEEN.map((c) => u.slechtste[c]);
      rijen.push({
        groep: 'lighthouse',
        wat: `${wat} ${doel.pad}, mediaan (slechtste)`,
        meting: `${alsScores(u.scores)} (${alsScores(u.slechtste)})`,
        budget: '100 / 100 / 100 / 100 in elke run',
        verhouding: Math.min(...slechtste) / 100,
        binnen: slechtste.every((s) => s === 100),
      });
      if (u.tekorten.length) merk('lighthouse', `Lighthouse ${doel.pad} verliest punten op: ${u.tekorten.join('; ')}`);
      benchmarkIndexen.push(u.benchmarkIndex);
    }

    // The event page paints as fast as home: LCP of each round's pair, side by side.
    const home = uitslagen.get(adres('/'));
    const bijeenkomstPad = doelen.find((d) => d.naam === 'bijeenkomst')?.pad;
    const bijeenkomst = bijeenkomstPad ? uitslagen.get(adres(bijeenkomstPad)) : undefined;
    if (home && bijeenkomst) {
      const paren = bijeenkomst.lcp.map((lcp, i) => lcp / home.lcp[i]!);
      const verhouding = mediaan(paren);
      rijen.push({
        groep: 'lighthouse',
        wat: `LCP bijeenkomstpagina ÷ home, per ronde (mediaan van ${paren.length} paren)`,
        meting: `${verhouding.toFixed(2)}× (home ${Math.round(mediaan(home.lcp))} ms, bijeenkomst ${Math.round(mediaan(bijeenkomst.lcp))} ms; paren ${paren.map((p) => p.toFixed(2)).join(', ')})`,
        budget: '≤ 1,05×',
        verhouding: verhouding / 1.05,
        binnen: verhouding <= 1.05,
      });
    }
  });
}

if (doe('verschuiving')) {
  const bijeenkomstPad = doelen.find((d) => d.naam === 'bijeenkomst')?.pad;
  const wat = `CLS bijeenkomstpagina, slechtste van ${clsRuns} runs (throttling via DevTools)`;
  begin('verschuiving', `server op :${poort}, verschuiving van ${bijeenkomstPad ?? 'de bijeenkomstpagina'} ${clsRuns}× met throttling`);
  if (!bijeenkomstPad) rijen.push({ groep: 'verschuiving', wat, meting: 'nog niet gemeten: geen bijeenkomst', budget: '0 in elke run' });
  else
    await metServer(async () => {
      const metingen = await verschuivingen(adres(bijeenkomstPad), clsRuns, BENCH_CHROMIUM);
      const slechtste = metingen.reduce((a, b) => (b.cls > a.cls ? b : a), metingen[0]!);
      const metSchuif = metingen.filter((m) => m.cls > 0).length;
      rijen.push({
        groep: 'verschuiving',
        wat,
        meting: `${slechtste.cls.toFixed(3)} (${metSchuif} van ${metingen.length} runs met een verschuiving)`,
        budget: '0 in elke run',
        verhouding: slechtste.cls === 0 ? 0 : Number.POSITIVE_INFINITY,
        binnen: slechtste.cls === 0,
      });
      if (slechtste.cls > 0)
        merk('verschuiving', `Slechtste run (${slechtste.scherm}, ${slechtste.snelheid}): ${slechtste.bronnen.join('; ')}`);
    });
}

// --- bytes per page ---
if (doe('gewicht')) begin('gewicht', 'gewicht per pagina (gzip)');
const gewichten = doe('gewicht') ? await paginaGewichten(dist) : [];
if (doe('gewicht')) {
  const bijeenkomstPad = doelen.find((d) => d.naam === 'bijeenkomst')?.pad;
  const bijeenkomst = gewichten.find((g) => g.pad === bijeenkomstPad);
  if (bijeenkomst) {
    rijen.push(maximum('gewicht', `bijeenkomstpagina HTML + CSS + JS, gzip (${bijeenkomst.pad})`, bijeenkomst.totaal, 15 * 1024, kb));
    rijen.push(maximum('gewicht', 'JavaScript op de bijeenkomstpagina bij het laden, gzip', bijeenkomst.js, 4 * 1024, kb));
    rijen.push(
      maximum(
        'gewicht',
        'JavaScript op de bijeenkomstpagina met het schema dat bij eerste focus laadt, gzip',
        bijeenkomst.jsMetLater,
        4 * 1024,
        kb,
      ),
    );
  }
  const anderen = gewichten.filter((g) => g.pad !== bijeenkomstPad);
  const zwaarsteJs = anderen.reduce((a, b) => (b.js > a.js ? b : a), anderen[0]!);
  rijen.push(
    maximum('gewicht', `JavaScript op de ${anderen.length} andere pagina's (meeste: ${zwaarsteJs.pad})`, zwaarsteJs.js, 0, (n) => `${n} B`),
  );
}

// --- build time for many events ---
const bouwen: ({ aantal: number } & BouwTijd)[] = [];
if (doe('build')) begin('build', `build met ${bouwAantallen.join(' en ')} bijeenkomsten`);
for (const aantal of doe('build') ? bouwAantallen : []) {
  log(`build met ${aantal} extra bijeenkomsten (tijdelijke kopie)`);
  bouwen.push({ aantal, ...(await bouwTijd(root, aantal)) });
}
const sec = (n: number) => `${n.toFixed(1)} s`;
for (const { aantal, seconden, cpu } of bouwen) {
  const wat = `build met ${aantal} bijeenkomsten (klok; CPU ${sec(cpu)})`;
  rijen.push(
    aantal === 1000 ? maximum('build', wat, seconden, 30, sec) : { groep: 'build', wat, meting: sec(seconden), budget: 'ter vergelijking' },
  );
}
if (bouwen.length >= 2) {
  // On CPU time: wall time on a shared machine says more about the neighbours than about the build.
  const [a, b] = [bouwen[0]!, bouwen[bouwen.length - 1]!];
  const perStuk = (b.cpu - a.cpu) / (b.aantal - a.aantal);
  const vast = a.cpu - perStuk * a.aantal;
  rijen.push({
    groep: 'build',
    wat: `groei ${a.aantal} → ${b.aantal} bijeenkomsten (CPU)`,
    meting: `${(perStuk * 1000).toFixed(1)} ms per bijeenkomst + ${sec(vast)} vast`,
    budget: 'lineair',
    // Linear (or better) when the larger build costs no more than the smaller one scaled up.
    binnen: b.cpu <= (a.cpu / a.aantal) * b.aantal * 1.1,
  });
}

// --- the sign-up function ---
klaar();
const functiePakket = (['functie', 'stoot', 'last'] as const).some(doe) ? await pakket(root) : undefined;
if (doe('functie') && functiePakket) {
  begin('functie', 'functie: het pakket van zip-it-and-ship-it, koude start, handler in-process');
  rijen.push(...(await bundelRijen(functiePakket)), ...(await handlerTijden()));
}
if (doe('vijandig')) {
  begin('vijandig', 'vijandige inschrijvingen (16 kB, tegen de patronen van de controles) naast normale, in-process');
  rijen.push(...(await vijandigRijen(log)));
}
if (doe('stoot') && functiePakket) {
  begin('stoot', 'stoot: 30 inschrijvingen binnen 10 s tegen 2 verzoeken per seconde');
  rijen.push(...(await stootRijen(functiePakket.map)));
}
if (doe('lokaal')) {
  begin('lokaal', 'inschrijven op npm start');
  rijen.push(...(await lokaleRijen(root, poort + 1)));
}
if (doe('last') && functiePakket) {
  begin('last', 'lastproef: 1.000 inschrijvingen met 30% storingen');
  rijen.push(...(await lastProef(functiePakket.map)));
}

// --- a fresh install: npm ci of package.json and the lock in an empty folder ---
if (doe('installatie')) {
  begin('installatie', 'installatie: npm ci in een lege map');
  rijen.push(...(await installatieRijen(root, process.env.BENCH_KOUDE_CACHE === '1', log)));
}

// --- report ---
klaar();
const totaal = (performance.now() - begonnen) / 1000;
const kolommen = ['wat', 'meting', 'budget', 'verhouding', ''];
const tabel = cellen(rijen);
const breedtes = kolommen.map((k, i) => Math.max(k.length, ...tabel.map((t) => t[i]!.length)));
console.log([kolommen, ...tabel].map((t) => t.map((c, i) => c.padEnd(breedtes[i]!)).join('  ')).join('\n'));
if (gewichten.length) console.log('\nGewicht per pagina (gzip): pad  HTML  CSS  JS  totaal');
for (const g of gewichten)
  console.log(
    `  ${g.pad.padEnd(48)} ${kb(g.html).padStart(8)} ${kb(g.css).padStart(8)} ${kb(g.js).padStart(8)} ${kb(g.totaal).padStart(8)}`,
  );
console.log(
  `\n${eigenBouw ? `Build van de site zelf: ${sec(eigenBouw.seconden)} (CPU ${sec(eigenBouw.cpu)}). ` : ''}Belasting van de machine bij de start: ${belastingBijStart.toFixed(1)} op ${availableParallelism()} cores. Hele bench: ${(totaal / 60).toFixed(1)} min.`,
);

if (benchmarkIndexen.length)
  toelichtingen.set('lighthouse', [
    ...(toelichtingen.get('lighthouse') ?? []),
    `- ${runs} runs per pagina; benchmarkIndex van de machine: ${Math.round(mediaan(benchmarkIndexen))}.`,
  ]);
if (gewichten.length)
  toelichtingen.set('gewicht', [
    '| pagina (gzip) | HTML | CSS | JS | totaal |',
    '|---|---|---|---|---|',
    ...gewichten.map((g) => `| \`${g.pad}\` | ${kb(g.html)} | ${kb(g.css)} | ${kb(g.js)} | ${kb(g.totaal)} |`),
  ]);
const machine = dezeMachine();
const commando = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
const metingen: GroepMeting[] = gestart.map(({ groep, belasting, t0, t1 }) => ({
  groep,
  datum: new Date().toISOString().slice(0, 10),
  commando,
  machine,
  belasting,
  seconden: ((t1 ?? performance.now()) - t0) / 1000,
  rijen: rijen.filter((r) => r.groep === groep),
  toelichting: toelichtingen.get(groep) ?? [],
}));
const groepen = GROEPEN.map((naam) => ({ naam, methode: METHODE[naam] }));

// A partial run is no record of the whole: it leaves bench-results/ alone.
if (!alleen) {
  const datum = new Date().toISOString().slice(0, 10);
  await mkdir(new URL('bench-results/', root), { recursive: true });
  await writeFile(
    new URL('bench-results/laatste.json', root),
    JSON.stringify({ datum, machine, metingen, gewichten, bouwen, totaal }, null, 2),
  );
  await writeFile(new URL('bench-results/laatste.md', root), benchDocument(groepen, metingen));
}
// The docs' record: this run's groups replace theirs, the others stay as they were measured.
if (process.argv.includes('--docs')) {
  const doc = new URL(BENCH_DOC, root);
  const vorige = await readFile(doc, 'utf8').catch(() => '');
  await writeFile(doc, benchDocument(groepen, metingen, vorige));
  log(`${metingen.map((m) => m.groep).join(', ')} geschreven in ${BENCH_DOC}`);
}

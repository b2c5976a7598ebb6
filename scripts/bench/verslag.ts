import { availableParallelism, cpus, release, totalmem, type } from 'node:os';
import type { Rij } from './meting.ts';

/**
 * The bench's own record, docs/ontwikkelaars/bench.md: per group of rows how it was
 * measured, when, on what machine and under what load, and the table. The bench writes the
 * whole file (`npm run bench -- --docs`); a run of some groups (`--alleen`) replaces only
 * their sections and keeps the others as they were measured, each with its own date.
 */

export const BENCH_DOC = 'docs/ontwikkelaars/bench.md';

export interface Machine {
  cpu: string;
  cores: number;
  geheugenGb: number;
  systeem: string;
  node: string;
}

export function dezeMachine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() || 'onbekende processor',
    cores: availableParallelism(),
    geheugenGb: totalmem() / 1024 ** 3,
    systeem: `${type()} ${release()}`,
    node: process.version,
  };
}

/** One group's measurement. */
export interface GroepMeting {
  groep: string;
  /** Day of the measurement, yyyy-mm-dd. */
  datum: string;
  /** The command line that measured it. */
  commando: string;
  machine: Machine;
  /** One-minute load average when the group started. */
  belasting: number;
  /** Seconds the group took. */
  seconden: number;
  rijen: Rij[];
  /** Lines below the table: what else the group saw (per-page weights, Lighthouse's lost points). */
  toelichting?: string[];
}

/** A group as the document describes it: its name and how it measures. */
export interface Groep {
  naam: string;
  methode: string;
}

const cel = (tekst: string) => tekst.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const verhouding = (r: Rij) => (r.verhouding === undefined ? '' : Number.isFinite(r.verhouding) ? r.verhouding.toFixed(2) : '∞');
const oordeel = (r: Rij) => (r.binnen === undefined ? '–' : r.binnen ? '✓' : '✗');

/** The rows as cells: what, measured, budget, ratio, verdict. */
export const cellen = (rijen: Rij[]): string[][] => rijen.map((r) => [r.wat, r.meting, r.budget, verhouding(r), oordeel(r)]);

export function markdownTabel(rijen: Rij[]): string {
  return [
    '| wat | meting | budget | verhouding | |',
    '|---|---|---|---|---|',
    ...cellen(rijen).map((rij) => `| ${rij.map(cel).join(' | ')} |`),
  ].join('\n');
}

const getal = (n: number, decimalen = 1) => n.toFixed(decimalen);
const duur = (seconden: number) => (seconden < 90 ? `${Math.max(1, Math.round(seconden))} s` : `${getal(seconden / 60)} min`);

function metingBlok(m: GroepMeting): string {
  const { machine } = m;
  return [
    `Gemeten op ${m.datum} met \`${m.commando}\`, in ${duur(m.seconden)}. Machine: ${machine.cpu}, ` +
      `${machine.cores} cores, ${getal(machine.geheugenGb)} GB geheugen, ${machine.systeem}, Node ${machine.node}; ` +
      `belasting bij de start ${getal(m.belasting)}.`,
    '',
    m.rijen.length ? markdownTabel(m.rijen) : 'Geen rijen: deze groep had niets te meten.',
    ...(m.toelichting?.length ? ['', ...m.toelichting] : []),
  ].join('\n');
}

const NOG_NOOIT = 'Nog niet gemeten.';
const begin = (groep: string) => `<!-- meting:${groep} -->`;
const eind = (groep: string) => `<!-- /meting:${groep} -->`;

/** The measurement blocks of an earlier document, by group. */
export function vorigeMetingen(document: string): Map<string, string> {
  const uit = new Map<string, string>();
  for (const m of document.matchAll(/^<!-- meting:([\w-]+) -->\n([\s\S]*?)\n<!-- \/meting:\1 -->$/gm)) uit.set(m[1]!, m[2]!);
  return uit;
}

/**
 * The whole document: every group with its method (always from the bench's code, so it
 * cannot drift), and its newest measurement: from this run, else from `vorige`, else none.
 */
export function benchDocument(groepen: readonly Groep[], metingen: readonly GroepMeting[], vorige = ''): string {
  const oud = vorigeMetingen(vorige);
  const nieuw = new Map(metingen.map((m) => [m.groep, metingBlok(m)]));
  const secties = groepen.map((g) =>
    [`## ${g.naam}`, '', g.methode, '', begin(g.naam), nieuw.get(g.naam) ?? oud.get(g.naam) ?? NOG_NOOIT, eind(g.naam)].join('\n'),
  );
  return `${[
    '<!-- Dit bestand schrijft `npm run bench -- --docs` (scripts/bench/); pas het niet met de hand aan. -->',
    '',
    '# Metingen van `npm run bench`',
    '',
    'Elk budget uit de kwaliteitseisen naast zijn laatste meting, per groep: hoe er gemeten is,',
    'wanneer, op welke machine en bij welke belasting. `npm run bench -- --docs` meet alles en',
    'schrijft dit bestand opnieuw; `npm run bench -- --alleen <groep> --docs` meet één groep en',
    'vervangt alleen haar deel. Tijden hangen af van de machine en van wat er verder op draait:',
    'vergelijk ze alleen met een meting op dezelfde machine. Wat `npm test` controleert en waarom',
    'sommige budgetten niet gehaald worden: [kwaliteit.md](kwaliteit.md).',
    '',
    ...secties.flatMap((s) => [s, '']),
  ]
    .join('\n')
    .trimEnd()}\n`;
}

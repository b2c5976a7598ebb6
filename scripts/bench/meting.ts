/** One row of the benchmark: a figure beside its budget from the quality spec (../shared/spec/QUALITY.md). */
export interface Rij {
  groep: string;
  wat: string;
  /** The measured figure as printed, or why there is none. */
  meting: string;
  budget: string;
  /** measured / budget where a comparison applies (≤ 1 is within budget for a maximum). */
  verhouding?: number | undefined;
  /** true within budget, false over, undefined when not measured. */
  binnen?: boolean | undefined;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export const NOG_NIET = 'nog niet gemeten';

export function maximum(groep: string, wat: string, waarde: number, budget: number, opmaak: (n: number) => string): Rij {
  return {
    groep,
    wat,
    meting: opmaak(waarde),
    budget: `≤ ${opmaak(budget)}`,
    verhouding: budget === 0 ? (waarde === 0 ? 0 : Number.POSITIVE_INFINITY) : waarde / budget,
    binnen: waarde <= budget,
  };
}

export function mediaan(getallen: number[]): number {
  const s = [...getallen].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentiel(getallen: number[], p: number): number {
  const s = [...getallen].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Small seeded generator (mulberry32): the same seed gives the same sequence, so a run can be repeated. */
export function willekeur(zaad: number): () => number {
  let a = zaad >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

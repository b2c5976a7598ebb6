/**
 * The hooks between the form's markup (formulier.ts) and the browser script
 * (script.ts): data attributes and the id prefix of the fields. One
 * place for both, and small, so the page's script does not pull in the form's builder.
 */
export const VELD_PREFIX = 'inschrijving-';

export const KENMERK = {
  formulier: 'data-inschrijfformulier',
  foutoverzicht: 'data-foutoverzicht',
  verzendfout: 'data-verzendfout',
  verzendstatus: 'data-verzendstatus',
  veld: 'data-veld',
  foutTekst: 'data-fout-tekst',
} as const;

/** The CSS selector for an element with this hook. */
export const kies = (kenmerk: keyof typeof KENMERK): string => `[${KENMERK[kenmerk]}]`;

/**
 * The colour tokens, for the places that cannot read CSS custom properties: mails, the
 * share images and the function's error page. src/styles/global.css declares the same
 * tokens as `--kleur-…` for the site; src/styles/kleuren.test.ts fails when the two lists
 * differ, and checks the contrast of every pair either of them puts together.
 */
export const kleuren = {
  tekst: '#1b1b1b',
  'tekst-zacht': '#4a4f55',
  achtergrond: '#ffffff',
  vlak: '#f3f5f8',
  rand: '#c9d1da',
  merk: '#0b3d6e',
  'merk-donker': '#072a4d',
  'op-merk': '#ffffff',
  link: '#0b57a4',
  'link-bezocht': '#5a2d82',
  focus: '#ffbf47',
  'focus-tekst': '#0b0c0c',
  succes: '#0b6e3b',
  waarschuwing: '#8a4b00',
  fout: '#b3261e',
} as const;

export type Kleur = keyof typeof kleuren;

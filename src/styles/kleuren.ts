/**
 * The colour tokens: their one source. The site gets them as CSS custom properties
 * (`--kleur-<naam>`, made from this list by integraties/kleur-tokens.ts); the mails, the
 * share images and the pages' theme-color read them here. src/styles/kleuren.test.ts
 * checks the contrast of every pair the site puts together, and that no stylesheet
 * declares a colour token of its own or uses one that is not here.
 */
export const kleuren = {
  tekst: '#1b1b1b',
  'tekst-zacht': '#4a4f55',
  achtergrond: '#ffffff',
  vlak: '#f3f5f8',
  /** The secondary button under the pointer. */
  'vlak-donker': '#e3e9f0',
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
  /** Behind the draft banner and label, which `astro dev` and deploy previews show. */
  'waarschuwing-vlak': '#fff4d6',
  fout: '#b3261e',
  /** Behind the content check's banner, which only `astro dev` shows. */
  'fout-vlak': '#fdecea',
} as const;

export type Kleur = keyof typeof kleuren;

/** The tokens as CSS custom properties (`--kleur-<naam>`), the `:root` block every page gets (integraties/kleur-tokens.ts). */
export function kleurTokensCss(): string {
  return `:root {\n${Object.entries(kleuren)
    .map(([naam, waarde]) => `  --kleur-${naam}: ${waarde};\n`)
    .join('')}}\n`;
}

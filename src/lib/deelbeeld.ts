import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori from 'satori';

/**
 * Share images (Open Graph / Twitter cards), drawn at build time: satori lays out
 * the text as SVG with a self-hosted font, resvg renders it to PNG. No CDN, no
 * browser, and the same input always gives the same bytes.
 */
export const BREEDTE = 1200;
export const HOOGTE = 630;

const require = createRequire(import.meta.url);
const fontBestand = (gewicht: 400 | 700) =>
  require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${gewicht}-normal.woff`);

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;
function laadFonts() {
  fonts ??= Promise.all(
    ([400, 700] as const).map(async (weight) => ({
      name: 'Noto Sans',
      data: await readFile(fontBestand(weight)),
      weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}

/**
 * resvg allocates with its own mimalloc, which by default hands freed memory back to the
 * OS after 10 ms. Each image needs several fresh 3 MB buffers (pixmap, copies for the PNG),
 * so with one image every few tens of ms every buffer was page-faulted in anew: 1,000-1,700
 * faults and about half the CPU time per image. Keeping freed memory for a second makes the
 * next image reuse it. mimalloc reads the option when the addon loads, so resvg is loaded
 * here, after the option is set, and not by a static import.
 */
let resvg: Promise<typeof import('@resvg/resvg-js')> | undefined;
function laadResvg() {
  if (!resvg) {
    const eerder = process.env.MIMALLOC_PURGE_DELAY;
    process.env.MIMALLOC_PURGE_DELAY ??= '1000';
    resvg = import('@resvg/resvg-js').finally(() => {
      if (eerder === undefined) delete process.env.MIMALLOC_PURGE_DELAY;
    });
  }
  return resvg;
}

export interface Deelbeeld {
  /** Small line above the title, e.g. "Bijeenkomst · VPNG". */
  bovenregel: string;
  titel: string;
  /** Line under the title, e.g. the date. */
  onderregel?: string | undefined;
}

type Knoop = { type: string; props: Record<string, unknown> };
const el = (type: string, style: Record<string, unknown>, children: unknown): Knoop => ({ type, props: { style, children } });

export async function maakDeelbeeld({ bovenregel, titel, onderregel }: Deelbeeld): Promise<Buffer> {
  // Long titles get a smaller size so they keep to at most four lines.
  const titelGrootte = titel.length > 70 ? 60 : 72;
  const boom = el(
    'div',
    { width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#0b3d6e', color: '#ffffff', fontFamily: 'Noto Sans' },
    [
      el(
        'div',
        { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '64px 72px 48px', justifyContent: 'space-between' },
        [
          el('div', { display: 'flex', fontSize: 32, fontWeight: 700, color: '#ffbf47' }, bovenregel),
          el('div', { display: 'flex', fontSize: titelGrootte, fontWeight: 700, lineHeight: 1.15 }, titel),
          el('div', { display: 'flex', fontSize: 36, fontWeight: 400 }, onderregel ?? ''),
        ],
      ),
      // The focus colour of the site as a band along the bottom.
      el('div', { display: 'flex', height: 16, background: '#ffbf47' }, ''),
    ],
  );
  // satori accepts plain element objects in place of JSX.
  const svg = await satori(boom as Parameters<typeof satori>[0], { width: BREEDTE, height: HOOGTE, fonts: await laadFonts() });
  const { Resvg } = await laadResvg();
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}

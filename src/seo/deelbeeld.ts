import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { constants, crc32, deflateSync } from 'node:zlib';
import satori from 'satori';
import type { Bijeenkomst } from '../bijeenkomst/schema.ts';
import { datumVoluit, tijdVoluit } from '../bijeenkomst/tijd.ts';
import { kleuren } from '../styles/kleuren.ts';

/**
 * Share images (Open Graph / Twitter cards), drawn at build time: satori lays out
 * the text as SVG with a self-hosted font, resvg renders it to PNG. No CDN, no
 * browser, and the same input always gives the same bytes.
 */
export const BREEDTE = 1200;
export const HOOGTE = 630;

const require = createRequire(import.meta.url);
const fontBestand = (gewicht: 400 | 700) => require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${gewicht}-normal.woff`);

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

/** The share image of a bijeenkomst: who organises it, its title, and its date (and time) as the site writes them. */
export function bijeenkomstDeelbeeld(b: Bijeenkomst): Deelbeeld {
  const tijd = tijdVoluit(b);
  return {
    bovenregel: `Bijeenkomst · ${b.organisatoren.join(' en ')}`,
    titel: b.titel,
    onderregel: tijd ? `${datumVoluit(b)}, ${tijd}` : datumVoluit(b),
  };
}

type Knoop = { type: string; props: Record<string, unknown> };
const el = (type: string, style: Record<string, unknown>, children: unknown): Knoop => ({ type, props: { style, children } });

export async function maakDeelbeeld({ bovenregel, titel, onderregel }: Deelbeeld): Promise<Buffer> {
  // Long titles get a smaller size so they keep to at most four lines.
  const titelGrootte = titel.length > 70 ? 60 : 72;
  const boom = el(
    'div',
    {
      width: '100%',
      height: '100%',
      display: 'flex',
      flexDirection: 'column',
      background: kleuren.merk,
      color: kleuren['op-merk'],
      fontFamily: 'Noto Sans',
    },
    [
      el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '64px 72px 48px', justifyContent: 'space-between' }, [
        el('div', { display: 'flex', fontSize: 32, fontWeight: 700, color: kleuren.focus }, bovenregel),
        el('div', { display: 'flex', fontSize: titelGrootte, fontWeight: 700, lineHeight: 1.15 }, titel),
        el('div', { display: 'flex', fontSize: 36, fontWeight: 400 }, onderregel ?? ''),
      ]),
      // The focus colour of the site as a band along the bottom.
      el('div', { display: 'flex', height: 16, background: kleuren.focus }, ''),
    ],
  );
  // satori accepts plain element objects in place of JSX.
  const svg = await satori(boom as Parameters<typeof satori>[0], { width: BREEDTE, height: HOOGTE, fonts: await laadFonts() });
  const { Resvg } = await laadResvg();
  const beeld = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  return paletPng(beeld.pixels, beeld.width, beeld.height) ?? beeld.asPng();
}

/**
 * The image as a PNG with a palette, or undefined when it has more than 256 colours or
 * any that is not fully opaque (then resvg's own RGBA PNG is used). These images have two
 * flat colours and the anti-aliased edges of the text, about 60 colours in all, so the
 * palette PNG holds exactly the same pixels at 1 byte each instead of 4: less than half
 * the file of resvg's PNG and a third of its encoding time.
 */
export function paletPng(rgba: Uint8Array, breedte: number, hoogte: number): Buffer | undefined {
  // Pixels compared as whole 32-bit words; the colours themselves are read byte by byte.
  const woorden =
    rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, breedte * hoogte) : new Uint32Array(rgba.slice().buffer);
  const index = new Map<number, number>();
  const palet: number[] = [];
  // Each row starts with its filter byte, 0 (none): the usual choice for palette images.
  // The rows are long runs of one colour, so they are written a run at a time.
  const rijen = Buffer.alloc((breedte + 1) * hoogte);
  let i = 0;
  let o = 0;
  for (let y = 0; y < hoogte; y++) {
    o++;
    const eind = i + breedte;
    while (i < eind) {
      const woord = woorden[i]!;
      let j = i + 1;
      while (j < eind && woorden[j] === woord) j++;
      let n = index.get(woord);
      if (n === undefined) {
        if (index.size === 256 || rgba[i * 4 + 3] !== 255) return undefined;
        n = index.size;
        index.set(woord, n);
        palet.push(rgba[i * 4]!, rgba[i * 4 + 1]!, rgba[i * 4 + 2]!);
      }
      if (n !== 0) rijen.fill(n, o, o + j - i);
      o += j - i;
      i = j;
    }
  }
  const kop = Buffer.alloc(13);
  kop.writeUInt32BE(breedte, 0);
  kop.writeUInt32BE(hoogte, 4);
  kop[8] = 8; // bits per palette index
  kop[9] = 3; // colour type: palette
  // Run-length deflate: these rows are long runs of one index, and it is 5x faster than
  // the default level for a file about 10% larger.
  const data = deflateSync(rijen, { strategy: constants.Z_RLE });
  return Buffer.concat([
    PNG_HANDTEKENING,
    stuk('IHDR', kop),
    stuk('PLTE', Buffer.from(palet)),
    stuk('IDAT', data),
    stuk('IEND', Buffer.alloc(0)),
  ]);
}

const PNG_HANDTEKENING = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function stuk(soort: string, inhoud: Buffer): Buffer {
  const b = Buffer.alloc(inhoud.length + 12);
  b.writeUInt32BE(inhoud.length, 0);
  b.write(soort, 4, 'latin1');
  inhoud.copy(b, 8);
  b.writeUInt32BE(crc32(b.subarray(4, 8 + inhoud.length)), 8 + inhoud.length);
  return b;
}

/**
 * Draws the images in worker threads (one per core but one: the build itself keeps the
 * main thread), in list order, while the build goes on with the other pages. The result
 * gives image `nummer`: the worker's, or, when no worker has started on it yet, drawn
 * right here, so at the end the main thread helps instead of waiting. A worker that fails
 * for whatever reason costs nothing but time: its images are drawn here, where a real
 * error in the input shows up as itself.
 */
export function tekenVooruit(
  lijst: Deelbeeld[],
  aantalWerkers = Math.max(1, availableParallelism() - 1),
): (nummer: number) => Promise<Buffer> {
  const gestart: boolean[] = [];
  const beelden: Promise<Buffer>[] = [];
  let volgende = 0;
  const start = () => {
    const werker = new Worker(new URL(import.meta.url), { workerData: WERKER });
    let bezig: PromiseWithResolvers<Buffer> | undefined;
    const geefWerk = () => {
      while (gestart[volgende]) volgende++;
      if (volgende >= lijst.length) {
        void werker.terminate();
        return;
      }
      gestart[volgende] = true;
      bezig = Promise.withResolvers<Buffer>();
      bezig.promise.catch(() => {}); // handled where the image is fetched
      beelden[volgende] = bezig.promise;
      werker.postMessage(lijst[volgende]);
    };
    werker.on('message', ({ png, fout }: { png?: Uint8Array; fout?: unknown }) => {
      if (png) bezig!.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      else bezig!.reject(fout);
      geefWerk();
    });
    werker.on('error', () => {}); // followed by 'exit'
    werker.on('exit', () => bezig?.reject(new Error('deelbeeldwerker gestopt')));
    geefWerk();
  };
  // resvg is loaded here first: a worker's process.env is its own copy, so only the
  // main thread can set the mimalloc option before the addon loads (once per process).
  laadResvg().then(
    () => Array.from({ length: Math.min(aantalWerkers, lijst.length) }, start),
    () => {},
  );
  return (nummer) => {
    if (!gestart[nummer]) {
      gestart[nummer] = true;
      return maakDeelbeeld(lijst[nummer]!);
    }
    const beeld = beelden[nummer]!;
    delete beelden[nummer];
    return beeld.catch(() => maakDeelbeeld(lijst[nummer]!));
  };
}

const WERKER = 'deelbeeldwerker';
if (!isMainThread && workerData === WERKER) {
  parentPort!.on('message', (deelbeeld: Deelbeeld) => {
    maakDeelbeeld(deelbeeld).then(
      (png) => parentPort!.postMessage({ png }),
      (fout: unknown) => parentPort!.postMessage({ fout }),
    );
  });
}

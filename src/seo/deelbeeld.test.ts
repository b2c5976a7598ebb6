import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { jaarZonderMarkering } from '../../testhulp/onbevestigd.ts';
import { bijeenkomstSchema } from '../bijeenkomst/schema.ts';
import { BREEDTE, bijeenkomstDeelbeeld, type Deelbeeld, HOOGTE, maakDeelbeeld, paletPng, tekenVooruit } from './deelbeeld.ts';

const opties = { font: { loadSystemFonts: false } };
const pixels = (svg: string) => new Resvg(svg, opties).render().pixels;
/** Decodes a PNG with resvg's own decoder, so the check does not rest on our encoder. */
const gelezen = (png: Buffer, b: number, h: number) =>
  pixels(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${b}" height="${h}"><image width="${b}" height="${h}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`,
  );
const svg = (b: number, h: number, inhoud: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="${b}" height="${h}">${inhoud}</svg>`;

describe('paletPng', () => {
  it('holds exactly the pixels of a few colours with anti-aliased edges', () => {
    const beeld = svg(
      300,
      160,
      '<rect width="300" height="160" fill="#0b3d6e"/><circle cx="80" cy="80" r="61.3" fill="#ffbf47"/><path d="M150 20 L290 140 L170 150 Z" fill="#fff"/>',
    );
    const png = paletPng(pixels(beeld), 300, 160);
    expect(png).toBeDefined();
    expect(png![25]).toBe(3); // colour type: palette
    expect(gelezen(png!, 300, 160).equals(pixels(beeld))).toBe(true);
  });

  it('declines more than 256 colours and any transparency', () => {
    // Two gradients of 256 steps each, one per half: 512 colours.
    const verloop =
      '<defs><linearGradient id="r"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#f00"/></linearGradient><linearGradient id="g"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#0f0"/></linearGradient></defs>' +
      '<rect width="600" height="2" fill="url(#r)"/><rect y="2" width="600" height="2" fill="url(#g)"/>';
    expect(paletPng(pixels(svg(600, 4, verloop)), 600, 4)).toBeUndefined();
    expect(paletPng(pixels(svg(40, 40, '<circle cx="20" cy="20" r="10" fill="#fff"/>')), 40, 40)).toBeUndefined();
  });
});

describe('maakDeelbeeld', () => {
  it('draws a 1200x630 PNG', async () => {
    const png = await maakDeelbeeld({
      bovenregel: 'Bijeenkomst · VPNG',
      titel: 'Opgavegericht besturen',
      onderregel: 'donderdag 4 november 2027',
    });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([BREEDTE, HOOGTE]);
  });
});

describe('tekenVooruit', () => {
  const lijst: Deelbeeld[] = ['Eerste', 'Tweede', 'Derde'].map((titel) => ({
    bovenregel: 'Bijeenkomst · VPNG',
    titel,
    onderregel: 'maandag 1 februari 2027',
  }));

  it('a worker draws the same bytes as the main thread', async () => {
    const werker = new Worker(new URL('./deelbeeld.ts', import.meta.url), { workerData: 'deelbeeldwerker' });
    try {
      werker.postMessage(lijst[0]);
      const [{ png }] = (await once(werker, 'message')) as [{ png: Uint8Array }];
      expect(Buffer.from(png).equals(await maakDeelbeeld(lijst[0]!))).toBe(true);
    } finally {
      await werker.terminate();
    }
  });

  it('gives every image in its place, whoever drew it', async () => {
    const haal = tekenVooruit(lijst, 1);
    await new Promise((klaar) => setTimeout(klaar, 1500));
    const pngs = await Promise.all(lijst.map((_, i) => haal(i)));
    for (const [i, png] of pngs.entries()) expect(png.equals(await maakDeelbeeld(lijst[i]!))).toBe(true);
  });
});

describe('bijeenkomstDeelbeeld', () => {
  const basis = bijeenkomstSchema.parse({
    titel: 'Opgavegericht besturen',
    samenvatting: 'Een bijeenkomst.',
    datum: '2027-11-04',
    organisatoren: ['VPNG', 'Wethoudersvereniging'],
    doelgroep: 'Wethouders',
    contact: 't.routers@vpng.nl',
    inschrijving: { status: 'open' },
  });

  it('onder de titel de datum en tijd, zoals de site ze schrijft', () => {
    expect(bijeenkomstDeelbeeld({ ...basis, begintijd: '13:30' })).toEqual({
      bovenregel: 'Bijeenkomst · VPNG en Wethoudersvereniging',
      titel: 'Opgavegericht besturen',
      onderregel: 'donderdag 4 november 2027, 13.30 uur',
    });
  });

  it('een jaar dat nog niet vaststaat, staat er met de markering op', () => {
    const beeld = bijeenkomstDeelbeeld({ ...basis, onbevestigd: ['jaar'] });
    expect(beeld.onderregel).toBe('4 november 2027 (jaar nog te bevestigen)');
    expect(jaarZonderMarkering(Object.values(beeld).join('\n'), '2027')).toEqual([]);
  });
});

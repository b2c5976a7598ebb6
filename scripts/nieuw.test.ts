import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schrijfStartadres } from '../integraties/startadres.ts';
import { bijeenkomstSchema } from '../src/bijeenkomst/schema.ts';
import { controleerBestand, controleerInhoud, webadres } from '../src/inhoud/controle.ts';
import { BestaatAl, maakBijeenkomst, plaatshouderDatum, slugVan } from './nieuw.ts';

const project = join(import.meta.dirname, '..');

let tijdelijk: string;
let map: string;
beforeEach(async () => {
  tijdelijk = await mkdtemp(join(tmpdir(), 'nieuw-'));
  map = join(tijdelijk, 'src', 'content', 'bijeenkomsten');
  await mkdir(map, { recursive: true });
});
afterEach(() => rm(tijdelijk, { recursive: true, force: true }));

describe('slugVan', () => {
  it.each([
    [
      'Opgavegericht besturen, speciaal voor wethouders & opgavemanagers',
      'opgavegericht-besturen-speciaal-voor-wethouders-en-opgavemanagers',
    ],
    ['Één café: ideeën voor ’s avonds', 'een-cafe-ideeen-voor-s-avonds'],
    ['  Programmabegroting 2028  ', 'programmabegroting-2028'],
  ])('%s → %s', (titel, slug) => {
    expect(slugVan(titel)).toBe(slug);
    // The file name is the address: Astro must keep it as it is.
    expect(webadres(`${slug}.md`)).toBe(slug);
  });
});

describe('plaatshouderDatum', () => {
  it('ligt drie maanden na vandaag, ook over een jaargrens', () => {
    expect(plaatshouderDatum('2026-11-27')).toBe('2027-02-27');
    expect(plaatshouderDatum('2026-11-30')).toBe('2027-03-02');
  });
});

describe('maakBijeenkomst', () => {
  const titel = 'Opgavegericht besturen: de praktijk';

  it('schrijft een concept dat zo door de controle komt en open is', async () => {
    const pad = await maakBijeenkomst({ titel, map, vandaag: '2026-11-27' });
    expect(pad).toBe(join(map, 'opgavegericht-besturen-de-praktijk.md'));
    const tekst = await readFile(pad, 'utf8');

    expect(controleerBestand('bijeenkomsten', 'nieuw.md', tekst)).toEqual([]);
    expect(await controleerInhoud(tijdelijk)).toMatchObject({
      fouten: [],
      concepten: ['src/content/bijeenkomsten/opgavegericht-besturen-de-praktijk.md'],
      // The placeholder date is data, not a comment: the site marks it, the check lists it.
      nogTeBevestigen: [
        'src/content/bijeenkomsten/opgavegericht-besturen-de-praktijk.md: veld "datum": de datum 2027-02-27 is nog te bevestigen (onbevestigd: datum).',
      ],
    });

    // Parsed as Astro parses it (js-yaml's default schema), through the site's schema.
    const kop = /^---\n([\s\S]*?\n)---/.exec(tekst)?.[1] ?? '';
    const b = bijeenkomstSchema.parse(yaml.load(kop));
    expect(b).toMatchObject({
      titel,
      datum: '2027-02-27',
      vorm: 'fysiek',
      sprekers: [],
      organisatoren: ['VPNG'],
      contact: 't.routers@vpng.nl',
      inschrijving: { status: 'open' },
      onbevestigd: ['datum'],
      concept: true,
    });
    expect(b.begintijd).toBeUndefined();
    expect(b.locatie).toBeUndefined();
  });

  it('gaat zonder concept: true pas door de controle als de voorbeeldteksten weg zijn, en noemt elk veld', async () => {
    const bestand = 'src/content/bijeenkomsten/nieuw.md';
    const sjabloon = await readFile(await maakBijeenkomst({ titel, map, vandaag: '2026-11-27' }), 'utf8');
    const gepubliceerd = sjabloon.replace(/^concept: true\n/m, '');
    expect(controleerBestand('bijeenkomsten', bestand, gepubliceerd)).toEqual([
      `${bestand}: veld "samenvatting": is nog de voorbeeldzin uit het sjabloon ("Pas deze zin aan. …"): ` +
        'schrijf in één of twee zinnen waar het over gaat, of zet concept: true zolang het bestand niet af is. ' +
        'Voorbeeld: samenvatting: Een middag voor wethouders over opgavegericht besturen.',
      `${bestand}: tekst onder de velden: bevat nog voorbeeldtekst uit het sjabloon ("Schrijf hier de tekst van de bijeenkomst. …"). ` +
        'Vervang die door de echte tekst, of zet concept: true zolang het bestand niet af is.',
    ]);
    // concept: false is the same as no line at all.
    expect(controleerBestand('bijeenkomsten', bestand, sjabloon.replace(/^concept: true$/m, 'concept: false'))).toHaveLength(2);

    // Each placeholder on its own, also when the editor wrote on after it.
    const af = gepubliceerd
      .replace(/^samenvatting: .*$/m, 'samenvatting: Een middag over opgaven.')
      .replace(/\n---\n[\s\S]*$/, '\n---\n\nDe echte tekst.\n');
    expect(controleerBestand('bijeenkomsten', bestand, af)).toEqual([]);
    expect(controleerBestand('bijeenkomsten', bestand, af.replace('Een middag over opgaven.', 'Pas deze zin aan. Een middag.'))).toEqual([
      expect.stringMatching(/^src\/content\/bijeenkomsten\/nieuw\.md: veld "samenvatting": is nog de voorbeeldzin/),
    ]);
    expect(controleerBestand('bijeenkomsten', bestand, `${af}\n## Een tussenkop\n`)).toEqual([
      expect.stringContaining('tekst onder de velden: bevat nog voorbeeldtekst uit het sjabloon ("## Een tussenkop")'),
    ]);
  });

  it('legt elk veld uit, ook de velden die nog uit staan', async () => {
    const tekst = await readFile(await maakBijeenkomst({ titel, map, vandaag: '2026-11-27' }), 'utf8');
    for (const veld of ['begintijd', 'eindtijd', 'locatie', 'naam', 'adres', 'plaats', 'rol', 'tot']) {
      expect(tekst).toMatch(new RegExp(`^#\\s+(- )?${veld}:`, 'm'));
    }
    // What an editor must see is data, not a comment: the placeholder date is marked as not confirmed.
    expect(tekst).toMatch(/^onbevestigd: \[datum\]$/m);
    expect(tekst).not.toMatch(/LET OP/);
  });

  it('overschrijft nooit een bestaand bestand', async () => {
    const pad = await maakBijeenkomst({ titel, map, vandaag: '2026-11-27' });
    await writeFile(pad, 'eigen werk van de redactie');
    await expect(maakBijeenkomst({ titel, map, vandaag: '2026-11-27' })).rejects.toThrow(BestaatAl);
    expect(await readFile(pad, 'utf8')).toBe('eigen werk van de redactie');
  });

  it('weigert ook een titel die op hetzelfde webadres uitkomt als een ander bestand', async () => {
    await writeFile(join(map, 'Opgavegericht-Besturen-De-Praktijk.md'), 'bestaand');
    await expect(maakBijeenkomst({ titel, map, vandaag: '2026-11-27' })).rejects.toThrow(/bestaat al, met hetzelfde webadres/);
    expect(await readdir(map)).toEqual(['Opgavegericht-Besturen-De-Praktijk.md']);
  });

  // Starts Node itself, as an editor does: slower than the tests above.
  it('zegt het als opdracht in het Nederlands en stopt met een foutcode', async () => {
    const nieuw = (...args: string[]) =>
      promisify(execFile)(process.execPath, [join(project, 'scripts/nieuw.ts'), ...args], { cwd: tijdelijk });
    const eerste = await nieuw('Opgavegericht', 'besturen');
    expect(eerste.stdout).toContain('Nieuwe bijeenkomst, als concept: src/content/bijeenkomsten/opgavegericht-besturen.md');
    // The dev server takes another port when 4321 is in use: the address is the one `npm start` prints.
    expect(eerste.stdout).toContain(
      'Bekijk hem met npm start: open het adres dat npm start noemt, met bijeenkomsten/opgavegericht-besturen/ erachter.',
    );
    expect(eerste.stdout).not.toMatch(/localhost|:4321/);
    await expect(nieuw('Opgavegericht besturen')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('src/content/bijeenkomsten/opgavegericht-besturen.md bestaat al'),
    });
    await expect(nieuw()).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Geef een titel') });
  }, 30_000);

  it('noemt het adres van de npm start die nu draait, met de poort die hij kreeg, en geen oud adres', async () => {
    const nieuw = (titel: string) => promisify(execFile)(process.execPath, [join(project, 'scripts/nieuw.ts'), titel], { cwd: tijdelijk });
    // A server where npm start would be, on whatever port was free (not 4321).
    const server = createServer((_, antwoord) => antwoord.end('site'));
    await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
    const { port } = server.address() as AddressInfo;
    await schrijfStartadres(tijdelijk, `http://localhost:${port}/`);
    try {
      expect((await nieuw('Eerste bijeenkomst')).stdout).toContain(
        `Bekijk hem op http://localhost:${port}/bijeenkomsten/eerste-bijeenkomst/\n`,
      );
    } finally {
      await new Promise((klaar) => server.close(klaar));
    }
    // Stopped with Ctrl+C, the file stays behind: its address is not named.
    const tweede = await nieuw('Tweede bijeenkomst');
    expect(tweede.stdout).toContain('open het adres dat npm start noemt, met bijeenkomsten/tweede-bijeenkomst/ erachter.');
    expect(tweede.stdout).not.toContain('localhost');
  }, 30_000);
});

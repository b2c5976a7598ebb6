import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { leesBijeenkomsten, leesFrontmatter } from './bijeenkomsten-voor-functie.ts';

test('de functie kent de bijeenkomsten uit dezelfde Markdown als de pagina’s', async () => {
  const alle = await leesBijeenkomsten();
  const seed = alle.get('opgavegericht-besturen');
  expect(seed).toMatchObject({ datum: '2027-11-04', contact: 't.routers@vpng.nl', inschrijving: { status: 'open' } });
  expect(seed?.begintijd).toBeUndefined();
});

test('een fout in de frontmatter noemt het bestand en het veld', async () => {
  const map = await mkdtemp(join(tmpdir(), 'bijeenkomsten-'));
  try {
    await writeFile(join(map, 'kapot.md'), '---\ntitel: X\n---\nTekst\n');
    await expect(leesBijeenkomsten(map)).rejects.toThrow(/kapot\.md: .*datum/);
  } finally {
    await rm(map, { recursive: true, force: true });
  }
  expect(() => leesFrontmatter('geen frontmatter', 'leeg.md')).toThrow(/leeg\.md/);
});

test('de functie voor productie kent geen concepten; die van astro dev en van een voorbeeld wel; alleen die van dev slaat een bestand met een fout over', async () => {
  const map = await mkdtemp(join(tmpdir(), 'bijeenkomsten-'));
  try {
    const echt = await readFile(join(import.meta.dirname, '../content/bijeenkomsten/opgavegericht-besturen.md'), 'utf8');
    await writeFile(join(map, 'gewoon.md'), echt);
    await writeFile(join(map, 'concept.md'), echt.replace('vorm: fysiek', 'vorm: fysiek\nconcept: true'));
    expect([...(await leesBijeenkomsten(map)).keys()]).toEqual(['gewoon']);

    await writeFile(join(map, 'kapot.md'), echt.replace('datum: 2027-11-04', 'datum: 2027-02-30'));
    await expect(leesBijeenkomsten(map)).rejects.toThrow(/kapot\.md: datum bestaat niet in de kalender/);
    expect([...(await leesBijeenkomsten(map, { dev: true })).keys()]).toEqual(['concept', 'gewoon']);
    // A deploy preview's function: drafts in, a mistake still stops the build.
    await expect(leesBijeenkomsten(map, { concepten: true })).rejects.toThrow(/kapot\.md/);
    await rm(join(map, 'kapot.md'));
    expect([...(await leesBijeenkomsten(map, { concepten: true })).keys()]).toEqual(['concept', 'gewoon']);
    expect([...(await leesBijeenkomsten(map, { dev: true, concepten: false })).keys()]).toEqual(['gewoon']);
  } finally {
    await rm(map, { recursive: true, force: true });
  }
});

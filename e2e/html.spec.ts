import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { functiepaginas } from './functiepaginas.ts';
import { dist, gebouwdePaginas } from './gebouwd.ts';
import { htmlFouten } from './html-controle.ts';

test('elke gebouwde pagina en elke pagina van de functie is geldige HTML volgens de Nu Html Checker', async ({ request }) => {
  test.setTimeout(120_000);
  const bestanden = gebouwdePaginas().map((p) => fileURLToPath(new URL(p.bestand, dist)));
  expect(bestanden.length).toBeGreaterThan(0);
  // The function's pages as the deployed function serves them, in the same run of the checker (one JVM for all).
  const map = await mkdtemp(join(tmpdir(), 'functiepaginas-'));
  for (const [status, , verzoek] of functiepaginas) {
    const antwoord = await verzoek(request);
    expect(antwoord.status()).toBe(status);
    const bestand = join(map, `functie-${status}.html`);
    await writeFile(bestand, await antwoord.text());
    bestanden.push(bestand);
  }
  const fouten = await htmlFouten(bestanden);
  expect(fouten, `HTML-fouten:\n${fouten.join('\n')}`).toEqual([]);
});

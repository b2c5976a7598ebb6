import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { dist, gebouwdePaginas } from './gebouwd.ts';
import { htmlFouten } from './html-controle.ts';

test('elke gebouwde pagina is geldige HTML volgens de Nu Html Checker', async () => {
  test.setTimeout(120_000);
  const bestanden = gebouwdePaginas().map((p) => fileURLToPath(new URL(p.bestand, dist)));
  expect(bestanden.length).toBeGreaterThan(0);
  const fouten = await htmlFouten(bestanden);
  expect(fouten, `HTML-fouten:\n${fouten.join('\n')}`).toEqual([]);
});

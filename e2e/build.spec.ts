import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

const dist = new URL('../dist/', import.meta.url);

test('de build bevat elke pagina als statische HTML', async () => {
  for (const pagina of [
    'index.html',
    '404.html',
    'bijeenkomsten/index.html',
    'bijeenkomsten/opgavegericht-besturen/index.html',
    'gids/index.html',
    'wat-doen-we/index.html',
    'privacy/index.html',
    'toegankelijkheid/index.html',
  ]) {
    expect(existsSync(new URL(pagina, dist)), pagina).toBe(true);
  }
});

test('de build maakt geen eigen functie of edge function aan: alleen netlify/functions/ wordt gedeployd', async () => {
  const netlifyUit = new URL('../.netlify/', import.meta.url);
  for (const map of ['v1/functions', 'v1/edge-functions', 'functions-internal', 'edge-functions']) {
    expect(existsSync(new URL(map, netlifyUit)), `.netlify/${map}`).toBe(false);
  }
  const bestanden = await readdir(dist, { recursive: true });
  expect(bestanden.filter((f) => /(^|\/)(_worker|entry)\.m?js$|\.netlify/.test(f))).toEqual([]);
});

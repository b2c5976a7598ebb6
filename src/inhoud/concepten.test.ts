import { describe, expect, test } from 'vitest';
import { conceptenInBouw } from './concepten.ts';

const met = (waarden: Record<string, string>) => (naam: string) => waarden[naam];

describe('conceptenInBouw: welke bouw concepten laat zien', () => {
  test('een deploy preview en een branch deploy van Netlify: ja', () => {
    expect(conceptenInBouw(met({ CONTEXT: 'deploy-preview' }))).toBe(true);
    expect(conceptenInBouw(met({ CONTEXT: 'branch-deploy' }))).toBe(true);
  });

  test('productie, netlify dev, een onbekende of geen context: nee', () => {
    expect(conceptenInBouw(met({ CONTEXT: 'production' }))).toBe(false);
    expect(conceptenInBouw(met({ CONTEXT: 'dev' }))).toBe(false);
    expect(conceptenInBouw(met({ CONTEXT: 'staging' }))).toBe(false);
    expect(conceptenInBouw(met({ CONTEXT: 'Deploy-Preview' }))).toBe(false);
    expect(conceptenInBouw(met({}))).toBe(false);
  });
});

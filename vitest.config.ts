import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'netlify/**/*.test.ts', 'integraties/**/*.test.ts', 'scripts/**/*.test.ts', 'testhulp/**/*.test.ts'],
    environment: 'node',
  },
});

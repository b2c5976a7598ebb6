import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'netlify/**/*.test.ts', 'integraties/**/*.test.ts', 'scripts/**/*.test.ts', 'testhulp/**/*.test.ts'],
    environment: 'node',
    // At least two files at once: Vitest's default (one fewer than the cores) runs them one by
    // one on a 2-core machine, and the slow ones (a build of a copy, the ReDoS proofs) leave a
    // core idle while they wait for a child process.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

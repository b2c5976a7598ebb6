import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { dist, gebouwdePaginas } from './gebouwd.ts';

const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface VnuBericht {
  type: 'error' | 'info' | 'non-document-error';
  url: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

test('elke gebouwde pagina is geldige HTML volgens de Nu Html Checker', async () => {
  test.setTimeout(120_000);
  const bestanden = gebouwdePaginas().map((p) => fileURLToPath(new URL(p.bestand, dist)));
  expect(bestanden.length).toBeGreaterThan(0);
  // One JVM for all files; vnu exits 1 when it finds errors, and writes its report to stderr.
  const { stderr } = await promisify(execFile)('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...bestanden], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((fout: { stderr?: string; message: string }) => {
    if (fout.stderr?.trimStart().startsWith('{')) return { stderr: fout.stderr };
    throw new Error(`De Nu Html Checker draaide niet (is Java geïnstalleerd? \`java -version\`): ${fout.message}`);
  });
  const { messages } = JSON.parse(stderr) as { messages: VnuBericht[] };
  const fouten = messages
    .filter((m) => m.type !== 'info')
    .map(
      (m) =>
        `${fileURLToPath(m.url).replace(fileURLToPath(dist), 'dist/')}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}${m.extract ? `\n    ${m.extract.trim()}` : ''}`,
    );
  expect(fouten, `HTML-fouten:\n${fouten.join('\n')}`).toEqual([]);
});

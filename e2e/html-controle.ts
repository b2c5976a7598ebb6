import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface VnuBericht {
  type: 'error' | 'info' | 'non-document-error';
  url: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/** A file in the project by its path from the project root (`dist/…`); anything else by its full path. */
function toon(bestand: string): string {
  const pad = relative(process.cwd(), bestand);
  return pad.startsWith('..') ? bestand : pad;
}

/**
 * The Nu Html Checker (the npm package vnu-jar, run with Java) over these HTML files, in
 * one JVM: every error as a line `file:line:column message`, with the offending markup
 * below it; none means valid HTML. Fails with a clear message when Java is missing.
 */
export async function htmlFouten(bestanden: readonly string[]): Promise<string[]> {
  // vnu exits 1 when it finds errors, and writes its report to stderr.
  const { stderr } = await promisify(execFile)('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...bestanden], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((fout: { stderr?: string; message: string }) => {
    if (fout.stderr?.trimStart().startsWith('{')) return { stderr: fout.stderr };
    throw new Error(`De Nu Html Checker draaide niet (is Java geïnstalleerd? \`java -version\`): ${fout.message}`);
  });
  const { messages } = JSON.parse(stderr) as { messages: VnuBericht[] };
  return messages
    .filter((m) => m.type !== 'info')
    .map(
      (m) =>
        `${toon(fileURLToPath(m.url))}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}${m.extract ? `\n    ${m.extract.trim()}` : ''}`,
    );
}

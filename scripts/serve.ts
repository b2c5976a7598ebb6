/**
 * Serves the built site (dist/) the way Netlify does: static files, headers and
 * redirects, and the functions in netlify/functions/, with gzip. End-to-end tests
 * and the benchmark run against this, so they see what a deploy would serve.
 *
 *   node scripts/serve.ts [--port 8888]
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { behandel, startNetlify } from './netlify-lokaal.ts';

const poortIndex = process.argv.indexOf('--port');
const poort = Number(poortIndex > 0 ? process.argv[poortIndex + 1] : (process.env.PORT ?? 8888));
const root = new URL('..', import.meta.url);

const netlify = await startNetlify(fileURLToPath(root), `http://localhost:${poort}`);
const nietGevonden = await readFile(new URL('dist/404.html', root));

const server = createServer(async (req, res) => {
  try {
    const type = await behandel(netlify, req, res, { statisch: true, gzip: true });
    if (!type) res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(nietGevonden);
  } catch (fout) {
    console.error(fout);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Interne fout in de lokale server');
  }
});

server.listen(poort, '127.0.0.1', () => {
  console.log(`Gebouwde site op http://localhost:${poort}/ (zoals op Netlify, met de functies)`);
});

const stop = async () => {
  server.close();
  await netlify.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

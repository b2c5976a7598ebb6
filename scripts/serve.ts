/**
 * Serves the built site (dist/) the way Netlify does: static files, headers and
 * redirects through Netlify's own emulation, and the sign-up function from the package
 * Netlify's own bundler makes of netlify/functions/ (netlify/functie-pakket.ts), with
 * gzip. End-to-end tests and the benchmark run against this, so they see what a deploy
 * would serve and run.
 *
 *   node scripts/serve.ts [--port 8888]
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { laadFunctie, pakFunctie } from '../netlify/functie-pakket.ts';
import { naarRequest, schrijfAntwoord } from '../netlify/http.ts';
import { behandel, startNetlify } from '../netlify/lokaal.ts';
import { padPast } from '../src/functie/per-pad.ts';
import { omgeving, standaard } from '../src/omgeving.ts';

// A preview on this machine: the function, loaded in this process, may use the outbox and the
// public test secret (src/functie/omgeving.ts), unless the caller said otherwise.
standaard('INSCHRIJVING_LOKAAL', '1');

const poortIndex = process.argv.indexOf('--port');
const poort = Number(poortIndex > 0 ? process.argv[poortIndex + 1] : (omgeving('PORT') ?? 8888));
const root = new URL('..', import.meta.url);
const basis = `http://localhost:${poort}`;

const pakket = await pakFunctie(root, join(tmpdir(), `opgavegericht-functie-${poort}`));
const functie = await laadFunctie(pakket);
const netlify = await startNetlify(fileURLToPath(root), basis);
const nietGevonden = await readFile(new URL('dist/404.html', root));

const server = createServer(async (req, res) => {
  try {
    const pad = (req.url ?? '/').split('?')[0]!;
    if (pakket.paden.some((p) => padPast(p, pad))) return await schrijfAntwoord(req, res, await functie(naarRequest(req, basis)), {}, true);
    const type = await behandel(netlify, req, res, { statisch: true, gzip: true });
    if (!type) res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(nietGevonden);
  } catch (fout) {
    console.error(fout);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Interne fout in de lokale server');
  }
});

server.listen(poort, '127.0.0.1', () => {
  console.log(`Gebouwde site op ${basis}/ (zoals op Netlify; de functie uit het pakket van ${pakket.bundler}: ${pakket.pad})`);
});

const stop = async () => {
  server.close();
  await netlify.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

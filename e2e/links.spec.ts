import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { controleerLinks } from './linkcontrole.ts';

test('geen enkele interne link op de site is kapot', async ({ page, baseURL }) => {
  test.slow(); // visits every page of the site, and the site grows
  // The afmeld pages are linked only from mails: start there as well.
  const rapport = await controleerLinks(page, {
    basis: baseURL!,
    start: ['/', '/bestaat-niet/', '/bijeenkomsten/opgavegericht-besturen/afmelden/', '/bijeenkomsten/opgavegericht-besturen/afgemeld/'],
  });
  expect(rapport.kapot).toEqual([]);
  // The crawl reached the whole site, not just the home page.
  const paden = rapport.bezocht.map((u) => new URL(u).pathname);
  for (const pad of [
    '/bijeenkomsten/opgavegericht-besturen/',
    '/gids/',
    '/gids/besturen/',
    '/gids/voorbeelden-uit-gemeenten/',
    '/privacy/',
    '/toegankelijkheid/',
    '/wat-doen-we/',
  ]) {
    expect(paden).toContain(pad);
  }
});

test.describe('de linkcontrole zelf', () => {
  // A small site with known mistakes, so the crawler is shown to catch them.
  const paginas: Record<string, string> = {
    '/': `<a href="/a/">a</a> <a href="/weg/">kapot</a> <a href="/a/#bestaat">anker</a> <a href="/a/#fout">fout anker</a>
          <a href="#top">boven</a> <a href="mailto:iemand@example.org">mail</a> <a href="https://example.org/">extern</a>
          <a href="tel:+31000000000">bel</a> <link rel="stylesheet" href="/stijl.css">`,
    '/a/': `<h2 id="bestaat">Kop</h2><a href="/">terug</a><a href="/b/">b</a><a href="/bestand.ics">agenda</a>`,
    '/b/': `<a href="/a/#bestaat">goed</a><a href="../a/#ook-fout">relatief fout</a>`,
  };
  let server: Server;
  let basis: string;

  test.beforeAll(async () => {
    server = createServer((req, res) => {
      const pad = req.url ?? '/';
      if (pad === '/stijl.css') return void res.writeHead(200, { 'content-type': 'text/css' }).end('');
      if (pad === '/bestand.ics') return void res.writeHead(200, { 'content-type': 'text/calendar' }).end('BEGIN:VCALENDAR');
      const html = paginas[pad];
      if (html === undefined) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Niet gevonden</h1>');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>t</title>${html}`);
    });
    await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
    basis = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise((klaar) => server.close(klaar));
  });

  test('vindt kapotte pagina’s en ankers, en slaat mailto: en externe links over', async ({ page }) => {
    const rapport = await controleerLinks(page, { basis });
    expect(rapport.kapot).toEqual([
      { pagina: `${basis}/`, href: '/weg/', reden: 'HTTP 404' },
      { pagina: `${basis}/`, href: '/a/#fout', reden: `anker #fout bestaat niet op ${basis}/a/` },
      { pagina: `${basis}/b/`, href: '../a/#ook-fout', reden: `anker #ook-fout bestaat niet op ${basis}/a/` },
    ]);
    expect(rapport.bezocht.sort()).toEqual(
      [`${basis}/`, `${basis}/a/`, `${basis}/b/`, `${basis}/weg/`, `${basis}/stijl.css`, `${basis}/bestand.ics`].sort(),
    );
  });
});

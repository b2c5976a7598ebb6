import { mkdir, stat, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type Ontwikkelserver, startOntwikkelserver } from './ontwikkelserver.ts';

/**
 * The local API the CMS writes through with `npm start` (/api/v1, integraties/redactie-cms.ts),
 * driven with plain HTTP as a hostile page would: a page on another domain that points its
 * name at 127.0.0.1 (DNS rebinding) sends its own name as Host and as Origin, so only the
 * dev server's own loopback names may reach the API, and only the content and media folders
 * of the CMS configuration may be read or written. Node's http.request, because fetch does
 * not let a test set Host. Runs `astro dev` in a temporary copy of the project.
 */

// The tests do not depend on each other; a dev server starts slowly on a loaded machine.
test.describe.configure({ timeout: 180_000 });

interface Antwoord {
  status: number;
  tekst: string;
}

/** One POST to /api/v1 with exactly these headers (Host included), as Decap's local backend posts. */
function api(server: Ontwikkelserver, kop: { host: string; origin?: string }, inhoud: unknown): Promise<Antwoord> {
  const lijf = Buffer.from(JSON.stringify(inhoud));
  return new Promise((klaar, mis) => {
    const verzoek = request(
      {
        host: 'localhost',
        port: Number(new URL(server.basis).port),
        path: '/api/v1',
        method: 'POST',
        headers: {
          host: kop.host,
          ...(kop.origin ? { origin: kop.origin } : {}),
          'content-type': 'application/json; charset=utf-8',
          'content-length': lijf.length,
        },
      },
      (antwoord) => {
        let tekst = '';
        antwoord.setEncoding('utf8');
        antwoord.on('data', (d: string) => (tekst += d));
        antwoord.on('end', () => klaar({ status: antwoord.statusCode ?? 0, tekst }));
      },
    );
    verzoek.on('error', mis);
    verzoek.end(lijf);
  });
}

/** The headers a page of the dev server itself sends, under one of its loopback names. */
function eigen(server: Ontwikkelserver, naam = 'localhost'): { host: string; origin: string } {
  const host = `${naam}:${new URL(server.basis).port}`;
  return { host, origin: `http://${host}` };
}

/** What a rebinding page sends: its own name, resolved to this machine, on the server's port. */
function vreemd(server: Ontwikkelserver): { host: string; origin: string } {
  return eigen(server, 'rebind.attacker.example');
}

const bestaat = (server: Ontwikkelserver, bestand: string) =>
  stat(join(server.map, bestand)).then(
    () => true,
    () => false,
  );

/** The bodies Decap's local backend (decap-cms-backend-proxy) posts. */
const schrijfPagina = (pad: string, raw = '---\ntitel: Via de API\nsamenvatting: Geschreven via de lokale API.\n---\n\nTekst.\n') => ({
  action: 'persistEntry',
  params: {
    branch: 'main',
    dataFiles: [{ slug: 'x', path: pad, raw }],
    assets: [],
    options: { commitMessage: 'Pagina', useWorkflow: false, status: 'draft' },
  },
});
const schrijfMedia = (pad: string, tekst: string) => ({
  action: 'persistMedia',
  params: {
    branch: 'main',
    asset: { path: pad, content: Buffer.from(tekst).toString('base64'), encoding: 'base64' },
    options: { commitMessage: 'Upload' },
  },
});
const leesBestand = (pad: string) => ({ action: 'getEntry', params: { branch: 'main', path: pad } });

/** A 403 with a short JSON error, as the CMS shows it. */
function geweigerd(antwoord: Antwoord): void {
  expect(antwoord.status, antwoord.tekst).toBe(403);
  expect(JSON.parse(antwoord.tekst)).toEqual({ error: expect.any(String) });
}

const gitConfig = '[core]\n\trepositoryformatversion = 0\n';

test.describe('op deze computer (npm start)', () => {
  // One dev server for the group, so its tests run in order in one worker.
  test.describe.configure({ mode: 'default' });
  let server: Ontwikkelserver;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startOntwikkelserver(async (map) => {
      // What a working copy has beside the content: its git folder.
      await mkdir(join(map, '.git/hooks'), { recursive: true });
      await writeFile(join(map, '.git/config'), gitConfig);
      // A link inside a content folder that leads out of it, to the pages Astro runs.
      await symlink('../../pages', join(map, 'src/content/gids/uitweg'), 'dir');
    });
  });
  test.afterAll(async () => server?.stop());
  test.afterEach(async () => {
    const info = test.info();
    if (info.status !== info.expectedStatus) await info.attach('astro dev', { body: server.uitvoer(), contentType: 'text/plain' });
  });

  test('een pagina op een ander domein dat naar deze computer wijst (DNS rebinding): 403, niets geschreven of gelezen', async () => {
    geweigerd(await api(server, vreemd(server), schrijfPagina('src/content/paginas/overgenomen.md')));
    expect(await bestaat(server, 'src/content/paginas/overgenomen.md')).toBe(false);
    geweigerd(await api(server, vreemd(server), schrijfPagina('src/pages/x.astro', '---\nprocess.exit(1)\n---\n')));
    expect(await bestaat(server, 'src/pages/x.astro')).toBe(false);

    const lezen = await api(server, vreemd(server), leesBestand('.git/config'));
    geweigerd(lezen);
    expect(lezen.tekst).not.toContain('repositoryformatversion');
    // Reading the content is refused too, and so is the same request without Origin.
    geweigerd(await api(server, vreemd(server), leesBestand('src/content/paginas/privacy.md')));
    geweigerd(await api(server, { host: vreemd(server).host }, leesBestand('src/content/paginas/privacy.md')));
  });

  test('vanaf de eigen pagina, maar buiten de inhoudsmappen: 403 en niets geschreven', async () => {
    geweigerd(await api(server, eigen(server), schrijfPagina('src/pages/x.astro', '---\nprocess.exit(1)\n---\n')));
    expect(await bestaat(server, 'src/pages/x.astro')).toBe(false);

    geweigerd(await api(server, eigen(server), schrijfMedia('.git/hooks/pre-commit', '#!/bin/sh\ntouch /tmp/gehackt\n')));
    expect(await bestaat(server, '.git/hooks/pre-commit')).toBe(false);

    // Out of a content folder with "..", and through a link inside it.
    geweigerd(await api(server, eigen(server), schrijfPagina('src/content/gids/../../pages/y.astro')));
    expect(await bestaat(server, 'src/pages/y.astro')).toBe(false);
    geweigerd(await api(server, eigen(server), schrijfPagina('src/content/gids/uitweg/z.astro')));
    expect(await bestaat(server, 'src/pages/z.astro')).toBe(false);

    // An entry's new name and its assets are paths too.
    const hernoemen = schrijfPagina('src/content/paginas/hernoemd.md');
    hernoemen.params.dataFiles = [{ slug: 'x', path: 'src/content/paginas/hernoemd.md', raw: 'x', newPath: 'src/pages/x.md' } as never];
    geweigerd(await api(server, eigen(server), hernoemen));
    expect(await bestaat(server, 'src/content/paginas/hernoemd.md')).toBe(false);

    geweigerd(
      await api(server, eigen(server), {
        action: 'deleteFiles',
        params: { branch: 'main', paths: ['package.json'], options: { commitMessage: 'weg' } },
      }),
    );
    geweigerd(
      await api(server, eigen(server), {
        action: 'deleteFile',
        params: { branch: 'main', path: 'astro.config.ts', options: { commitMessage: 'weg' } },
      }),
    );
    expect(await bestaat(server, 'package.json')).toBe(true);
    expect(await bestaat(server, 'astro.config.ts')).toBe(true);
  });

  test('lezen buiten de inhoudsmappen: 403, ook vanaf de eigen pagina', async () => {
    const lezen = await api(server, eigen(server), leesBestand('.git/config'));
    geweigerd(lezen);
    expect(lezen.tekst).not.toContain('repositoryformatversion');
    geweigerd(
      await api(server, eigen(server), { action: 'entriesByFolder', params: { branch: 'main', folder: '.git', extension: '', depth: 3 } }),
    );
    geweigerd(await api(server, eigen(server), { action: 'getMedia', params: { branch: 'main', mediaFolder: 'src/pages' } }));
    geweigerd(
      await api(server, eigen(server), { action: 'getMediaFile', params: { branch: 'main', path: 'src/content/gids/uitweg/index.astro' } }),
    );
    geweigerd(
      await api(server, eigen(server), {
        action: 'entriesByFiles',
        params: { branch: 'main', files: [{ path: 'src/content/paginas/privacy.md' }, { path: '.git/config' }] },
      }),
    );
  });

  test('schrijven zonder Origin: 403 en niets geschreven, ook met het eigen adres als Host', async () => {
    geweigerd(await api(server, { host: eigen(server).host }, schrijfPagina('src/content/paginas/zonder-origin.md')));
    expect(await bestaat(server, 'src/content/paginas/zonder-origin.md')).toBe(false);
  });

  test('de eigen pagina schrijft en leest een inhoudsbestand zoals de CMS dat doet', async () => {
    const raw = '---\ntitel: Via de API\nsamenvatting: Geschreven via de lokale API.\n---\n\nTekst.\n';
    const schrijven = await api(server, eigen(server), schrijfPagina('src/content/paginas/via-de-api.md', raw));
    expect(schrijven.status, schrijven.tekst).toBe(200);
    expect(await server.lees('src/content/paginas/via-de-api.md')).toBe(raw);

    // Under another loopback name of the same server, and a read without Origin (curl): allowed.
    for (const naam of ['127.0.0.1', '[::1]']) {
      const lezen = await api(server, eigen(server, naam), leesBestand('src/content/paginas/via-de-api.md'));
      expect(lezen.status, lezen.tekst).toBe(200);
      expect(JSON.parse(lezen.tekst).data).toBe(raw);
    }
    const zonder = await api(
      server,
      { host: eigen(server).host },
      { action: 'entriesByFolder', params: { branch: 'main', folder: 'src/content/paginas', extension: 'md', depth: 1 } },
    );
    expect(zonder.status, zonder.tekst).toBe(200);
    expect(JSON.parse(zonder.tekst)).toContainEqual(expect.objectContaining({ data: raw }));

    // An Origin of another name than the Host is another site.
    geweigerd(
      await api(
        server,
        { host: eigen(server).host, origin: eigen(server, '127.0.0.1').origin },
        leesBestand('src/content/paginas/via-de-api.md'),
      ),
    );
  });
});

// Each with a dev server of its own, so they may run beside the group above.
test.describe('op het netwerk (astro dev --host)', () => {
  test('zonder REDACTIE_OP_NETWERK is de API er niet, en de terminal zegt waarom', async () => {
    const server = await startOntwikkelserver(async () => {}, { argumenten: ['--host'] });
    try {
      const info = await api(server, eigen(server), { action: 'info' });
      expect(info.status).toBe(404);
      const schrijven = await api(server, eigen(server), schrijfPagina('src/content/paginas/via-het-netwerk.md'));
      expect(schrijven.status).toBe(404);
      expect(await bestaat(server, 'src/content/paginas/via-het-netwerk.md')).toBe(false);
      expect(server.uitvoer()).toContain('REDACTIE_OP_NETWERK=1');
    } finally {
      await server.stop();
    }
  });

  test('met REDACTIE_OP_NETWERK=1 werkt de API, met een waarschuwing in de terminal, en blijven de regels gelden', async () => {
    const server = await startOntwikkelserver(async () => {}, { argumenten: ['--host'], omgeving: { REDACTIE_OP_NETWERK: '1' } });
    try {
      expect(server.uitvoer()).toContain('iedereen op het netwerk');
      const schrijven = await api(server, eigen(server), schrijfPagina('src/content/paginas/via-het-netwerk.md'));
      expect(schrijven.status, schrijven.tekst).toBe(200);
      expect(await bestaat(server, 'src/content/paginas/via-het-netwerk.md')).toBe(true);
      geweigerd(await api(server, vreemd(server), schrijfPagina('src/content/paginas/overgenomen.md')));
      geweigerd(await api(server, eigen(server), schrijfPagina('src/pages/x.astro')));
      expect(await bestaat(server, 'src/pages/x.astro')).toBe(false);
    } finally {
      await server.stop();
    }
  });
});

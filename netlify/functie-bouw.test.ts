import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { LOKAAL_GEHEIM, maakToken } from '../src/functie/afmelden/token.ts';
import { type NepResend, startNepResend } from '../testhulp/nep-resend.ts';
import { bouwFunctie } from './functie-bouw.ts';

/**
 * The bundle as it would be deployed by CI plus `netlify deploy`: built by the project's
 * own esbuild step with no CONTEXT, and run with no CONTEXT, no INSCHRIJVING_GEHEIM and
 * no local switch. Nothing tells it where it runs, so it must fail closed: the public
 * test secret in the repository signs nothing and opens nothing.
 */

type Handler = (req: Request) => Promise<Response>;

const root = new URL('..', import.meta.url);
const SITE = 'https://opgavegericht.example';
const ORGANISATOR = 'organisator@vpng.example';
const SLACHTOFFER = 'slachtoffer@elders.example';

const SLUG = 'proef';
const DATUM = '2099-11-04';

let map: string;
let functie: Handler;
let nep: NepResend;
let foutlog: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  map = await mkdtemp(join(tmpdir(), 'functiebundel-'));
  // Its own event, far ahead, so the test does not depend on the real content's dates.
  await mkdir(join(map, 'bijeenkomsten'));
  await writeFile(
    join(map, 'bijeenkomsten', `${SLUG}.md`),
    `---\ntitel: Proefbijeenkomst\nsamenvatting: Een bijeenkomst om de bundel mee te testen.\ndatum: ${DATUM}\norganisatoren:\n  - VPNG\ndoelgroep: Wethouders\ncontact: ${ORGANISATOR}\ninschrijving:\n  status: open\n---\n\nTekst.\n`,
  );
  vi.stubEnv('CONTEXT', undefined);
  await bouwFunctie({ root, site: SITE, bestand: join(map, 'inschrijven.mjs'), inhoud: join(map, 'bijeenkomsten') });
  vi.unstubAllEnvs();
  functie = ((await import(/* @vite-ignore */ pathToFileURL(join(map, 'inschrijven.mjs')).href)) as { default: Handler }).default;
  nep = await startNepResend();
}, 120_000);

afterAll(async () => {
  await nep.stop();
  await rm(map, { recursive: true, force: true });
});

beforeEach(() => {
  nep.reset();
  foutlog = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
  for (const naam of ['CONTEXT', 'INSCHRIJVING_GEHEIM', 'INSCHRIJVING_LOKAAL', 'RESEND_API_KEY', 'RESEND_BASE_URL', 'INSCHRIJVING_AAN'])
    vi.stubEnv(naam, undefined);
  vi.stubEnv('INSCHRIJVING_OUTBOX', join(map, 'outbox'));
  vi.stubEnv('MAIL_FROM', 'VPNG <inschrijving@vpng.example>');
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** A link as an attacker makes it with the secret that is in the repository: any name, any address. */
const vervalst = () =>
  maakToken(LOKAAL_GEHEIM, {
    slug: SLUG,
    verloopt: new Date(`${DATUM}T23:00:00Z`),
    gegevens: { voornaam: 'Klik', tussenvoegsel: '', achternaam: 'Hier', email: SLACHTOFFER, wachtlijst: false },
  });

const afmelden = (t: string) =>
  new Request(`${SITE}/api/afmelden`, {
    method: 'POST',
    body: JSON.stringify({ t }),
    headers: { 'content-type': 'application/json', accept: 'application/json' },
  });

const inschrijven = () =>
  new Request(`${SITE}/api/inschrijven`, {
    method: 'POST',
    body: JSON.stringify({
      bijeenkomst: SLUG,
      voornaam: 'Anna',
      achternaam: 'Berg',
      email: 'anna@gemeente.example',
      organisatie: 'Gemeente Zwolle',
      functie: 'wethouder',
      privacy: true,
    }),
    headers: { 'content-type': 'application/json', accept: 'application/json' },
  });

const outbox = () => readdir(join(map, 'outbox')).catch(() => []);
const gelogd = () => foutlog.mock.calls.map((c: unknown[]) => c.join(' ')).join('\n');

describe('de bundel zonder CONTEXT, zonder geheim en zonder lokale schakelaar', () => {
  test('een afmeldlink vervalst met het openbare testgeheim: 503, geen mail naar wie dan ook', async () => {
    vi.stubEnv('RESEND_API_KEY', 're_bundel');
    vi.stubEnv('RESEND_BASE_URL', nep.url);
    const r = await functie(afmelden(vervalst()));
    expect(r.status).toBe(503);
    expect(await r.json()).toMatchObject({ ok: false, reden: 'niet-ingesteld' });
    expect(nep.verzoeken).toEqual([]);
    expect(gelogd()).toMatch(/Afmelding niet verwerkt: "INSCHRIJVING_GEHEIM ontbreekt/);
  });

  test('ook zonder mailsleutel: 503, en niets in de outbox', async () => {
    const r = await functie(afmelden(vervalst()));
    expect(r.status).toBe(503);
    expect(await outbox()).toEqual([]);
  });

  test('het openbare testgeheim als INSCHRIJVING_GEHEIM gezet: net zo goed geweigerd', async () => {
    vi.stubEnv('RESEND_API_KEY', 're_bundel');
    vi.stubEnv('RESEND_BASE_URL', nep.url);
    vi.stubEnv('INSCHRIJVING_GEHEIM', LOKAAL_GEHEIM);
    expect((await functie(afmelden(vervalst()))).status).toBe(503);
    expect(nep.verzoeken).toEqual([]);
  });

  test('inschrijven met mailsleutel lukt, met een bevestiging zonder afmeldlink en een fout in de log', async () => {
    vi.stubEnv('RESEND_API_KEY', 're_bundel');
    vi.stubEnv('RESEND_BASE_URL', nep.url);
    const r = await functie(inschrijven());
    expect(r.status).toBe(200);
    const bevestiging = nep.verstuurd.find((m) => m.to === 'anna@gemeente.example')!;
    expect(bevestiging.text).not.toContain('/afmelden/');
    expect(bevestiging.text).toContain('Beantwoord deze e-mail');
    expect(gelogd()).toMatch(/Bevestiging zonder afmeldlink: "INSCHRIJVING_GEHEIM ontbreekt/);
  });

  test('inschrijven zonder mailsleutel: 503, geen stille outbox op een server', async () => {
    const r = await functie(inschrijven());
    expect(r.status).toBe(503);
    expect((await r.json()).melding).toMatch(/Je inschrijving is niet ontvangen\./);
    expect(await outbox()).toEqual([]);
  });

  test('ter controle: met INSCHRIJVING_LOKAAL=1 (npm start, preview, tests) werkt dezelfde link wel', async () => {
    vi.stubEnv('RESEND_API_KEY', 're_bundel');
    vi.stubEnv('RESEND_BASE_URL', nep.url);
    vi.stubEnv('INSCHRIJVING_LOKAAL', '1');
    expect((await functie(afmelden(vervalst()))).status).toBe(200);
    expect(nep.verstuurd.map((m) => m.to)).toEqual([ORGANISATOR, SLACHTOFFER]);
  });
});

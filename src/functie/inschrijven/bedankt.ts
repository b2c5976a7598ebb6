import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import escapeHtml from 'escape-html';
import { AGENDA_PAD, bedanktAdresPad, bedanktPad, bijeenkomstPad } from '../../bijeenkomst/paden.ts';
import type { Bijeenkomst } from '../../bijeenkomst/schema.ts';
import { inschrijfStand, kanInschrijven } from '../../bijeenkomst/status.ts';
import { titelInZin } from '../../bijeenkomst/titel.ts';
import { formulierHtml } from '../../components/inschrijfformulier/formulier.ts';
import type { Omgeving } from '../../omgeving.ts';
import { afmeldGeheim, geclaimdeSlug } from '../afmelden/token.ts';
import { type Afhankelijkheden, type Handler, maakEindpunt } from '../eindpunt.ts';
import type { Pagina } from '../sjabloon.ts';

/**
 * The bedankt page with the person's own address, for a sign-up without JavaScript.
 *
 * With JavaScript the form's script knows the address and the static bedankt page shows
 * it (src/components/inschrijfformulier/bedankt-adres.ts). Without, the function's 303 is
 * all there is, and a static page cannot know who signed up. So the 303 goes here, with
 * the address and the organisation sealed in the query (AES-256-GCM under a key derived
 * from INSCHRIJVING_GEHEIM, with the event and the expiry as associated data): the URL, the
 * browser's history and any log show only the event and a sealed blob, and the page is
 * rendered from it on every GET. A refresh reads the token again and sends nothing; after
 * 30 minutes, or with a token this function did not make, the answer is the static bedankt
 * page. The token is only made once the organiser's mail was accepted.
 *
 *   b1 . <event slug> . <expiry, Unix seconds> . <IV | ciphertext | tag, base64url>
 */

/**
 * Its path, under the event's own bedankt page: the 303 of a sign-up without JavaScript still
 * leads to the event's bedankt page (the contract, ../shared/spec/INSCHRIJVEN.md), now with the address.
 */
export const BEDANKT_API = bedanktAdresPad(':slug');
const VERSIE = 'b1';
const GELDIG_MS = 30 * 60_000;
/** Longer than any token of a valid sign-up (address 254, organisation 200 characters). */
const MAX_TOKEN = 2000;

export interface BedanktGegevens {
  email: string;
  organisatie: string;
  wachtlijst: boolean;
}

const sleutels = new Map<string, Buffer>();
/** Its own key, not one of the afmeldlink's: a token of the one can never be read as the other. */
function sleutel(geheim: string): Buffer {
  let s = sleutels.get(geheim);
  if (!s) {
    s = Buffer.from(hkdfSync('sha256', geheim, 'opgavegericht-besturen/bedankt', 'aes-256-gcm', 32));
    sleutels.set(geheim, s);
  }
  return s;
}

export function maakBedanktToken(geheim: string, slug: string, g: BedanktGegevens, nu: Date): string {
  const kop = `${VERSIE}.${slug}.${Math.floor((nu.getTime() + GELDIG_MS) / 1000)}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sleutel(geheim), iv);
  cipher.setAAD(Buffer.from(kop, 'utf8'));
  const tekst = Buffer.from(JSON.stringify([g.email, g.organisatie, g.wachtlijst ? 1 : 0]), 'utf8');
  const versleuteld = Buffer.concat([cipher.update(tekst), cipher.final()]);
  return `${kop}.${Buffer.concat([iv, versleuteld, cipher.getAuthTag()]).toString('base64url')}`;
}

export type BedanktUitlezing = { ok: true; slug: string; gegevens: BedanktGegevens } | { ok: false };

/** The details, if this function made the token (with this secret) and it has not expired. */
export function leesBedanktToken(geheim: string, token: string, nu: Date): BedanktUitlezing {
  const slug = geclaimdeSlug(token);
  const delen = token.split('.');
  if (!slug || token.length > MAX_TOKEN || delen.length !== 4) return { ok: false };
  const [versie, , seconden, verzegeld] = delen as [string, string, string, string];
  if (versie !== VERSIE || !/^\d{1,12}$/.test(seconden) || !/^[A-Za-z0-9_-]+$/.test(verzegeld)) return { ok: false };
  if (nu.getTime() >= Number(seconden) * 1000) return { ok: false };
  try {
    const bytes = Buffer.from(verzegeld, 'base64url');
    if (bytes.length < 12 + 16 + 1) return { ok: false };
    const decipher = createDecipheriv('aes-256-gcm', sleutel(geheim), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${versie}.${slug}.${seconden}`, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const tekst = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
    const [email, organisatie, wachtlijst] = JSON.parse(tekst) as unknown[];
    if (typeof email !== 'string' || typeof organisatie !== 'string' || (wachtlijst !== 0 && wachtlijst !== 1)) return { ok: false };
    return { ok: true, slug, gegevens: { email, organisatie, wachtlijst: wachtlijst === 1 } };
  } catch {
    return { ok: false };
  }
}

/**
 * Where a sign-up without JavaScript goes: this page with the person's address, or, when
 * there is no (strong) secret to seal it with, the static bedankt page (`zonder`).
 */
export function bedanktAdres(env: Omgeving, slug: string, g: BedanktGegevens, nu: Date, zonder: string): string {
  const geheim = afmeldGeheim(env);
  if ('fout' in geheim) return zonder;
  return `${bedanktAdresPad(slug)}?${new URLSearchParams({ b: maakBedanktToken(geheim.geheim, slug, g, nu) })}`;
}

/** `nu`: whether the form can take another sign-up now, and for the waitlist or not. */
function bedanktPagina(slug: string, b: Bijeenkomst, g: BedanktGegevens, nu: { open: boolean; wachtlijst: boolean }): Pagina {
  const { open } = nu;
  const e = escapeHtml;
  const titel = g.wachtlijst ? 'Je staat op de wachtlijst' : 'Bedankt voor je inschrijving';
  const ontvangen = g.wachtlijst
    ? `We hebben je aanmelding voor de wachtlijst van ${e(titelInZin(b.titel))} ontvangen. De bijeenkomst is vol: je bent nog niet zeker van een plek.`
    : `We hebben je inschrijving voor ${e(titelInZin(b.titel))} ontvangen.`;
  const nogIemand = open
    ? `<h2 id="nog-iemand">Nog iemand inschrijven?</h2><p>Je organisatie staat al ingevuld.</p>${formulierHtml({
        bijeenkomst: slug,
        contact: b.contact,
        wachtlijst: nu.wachtlijst,
        waarden: { organisatie: g.organisatie },
      })}`
    : '';
  const opnieuw = open
    ? `<a href="#nog-iemand">Schrijf je opnieuw in</a> met het goede adres, en zet in de opmerkingen dat het vorige adres niet klopte.`
    : `Mail dan naar <a href="mailto:${e(b.contact)}">${e(b.contact)}</a> met het goede adres.`;
  return {
    titel: `${titel} – ${b.titel}`,
    inhoud: [
      `<p class="bovenkop"><a href="${e(bijeenkomstPad(slug))}">${e(b.titel)}</a></p>`,
      `<h1>${titel}</h1>`,
      `<p class="melding melding--succes">${ontvangen} We hebben de bevestiging gestuurd naar <strong class="adres">${e(g.email)}</strong>.</p>`,
      `<p>Klopt dit adres niet? Dan krijg je geen bevestiging en geen afmeldlink. ${opnieuw}</p>`,
      `<p>Wat er nu gebeurt en hoe je de bijeenkomst in je agenda zet, staat in de bevestiging en op <a href="${e(bedanktPad(slug))}">de bedankpagina</a>.</p>`,
      nogIemand,
    ].join(''),
  };
}

/** GET /bijeenkomsten/<slug>/bedankt/adres/?b=<token> (a path of the one function: ../functie.ts). */
export function maakBedanktHandler(deps: Afhankelijkheden): Handler {
  return maakEindpunt(deps, {
    wat: 'Bedankpagina',
    bij: 'de bedankpagina',
    methode: 'GET',
    // A GET has no body; the layer's limits are never used.
    invoer: { maxBytes: 0, teGroot: '', onleesbaar: '', andereSoort: '' },
    andereMethode: 'Deze pagina krijg je na een inschrijving zonder JavaScript.',
    behandel: (v) => ({
      fout: (status, melding, headers) =>
        v.mislukt(
          status,
          { melding },
          () => ({
            titel: 'Bedankt voor je inschrijving',
            inhoud: `<h1>Bedankt voor je inschrijving</h1><p>${escapeHtml(melding)}</p><p><a href="${AGENDA_PAD}">Naar de bijeenkomsten</a></p>`,
          }),
          headers,
        ),
      onverwacht: () => 'Deze pagina kon niet worden getoond. Je inschrijving is wel ontvangen: kijk in je mail voor de bevestiging.',
      async verwerk() {
        const alle = await deps.bijeenkomsten();
        const token = new URL(v.req.url).searchParams.get('b') ?? '';
        const geclaimd = geclaimdeSlug(token);
        const terug = geclaimd && alle.has(geclaimd) ? bedanktPad(geclaimd) : AGENDA_PAD;
        // The event in the path and the one sealed in the token are the same, or the token is not for this page.
        const inPad = new URL(v.req.url).pathname.split('/')[2];
        const geheim = afmeldGeheim(v.env);
        const uitkomst = 'fout' in geheim ? ({ ok: false } as const) : leesBedanktToken(geheim.geheim, token, deps.nu());
        const b = uitkomst.ok ? alle.get(uitkomst.slug) : undefined;
        // Expired, not ours, or the event is gone: the static page, which says all but the address.
        if (!uitkomst.ok || !b || uitkomst.slug !== inPad) return v.naar(terug);
        const stand = inschrijfStand(b, deps.nu());
        const nu = { open: kanInschrijven(stand), wachtlijst: stand.status === 'wachtlijst' };
        // The token never leaves the site in a Referer (and a post of the form from here keeps its Origin).
        return v.pagina(bedanktPagina(uitkomst.slug, b, uitkomst.gegevens, nu), { 'Referrer-Policy': 'same-origin' });
      },
    }),
  });
}

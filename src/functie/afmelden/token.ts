import { createCipheriv, createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { afmeldPad } from '../../bijeenkomst/paden.ts';
import type { Bijeenkomst } from '../../bijeenkomst/schema.ts';
import { einde } from '../../bijeenkomst/status.ts';
import type { Omgeving } from '../../omgeving.ts';
import type { Aanmelding } from '../inschrijven/aanmelding.ts';
import { logWaarde } from '../log.ts';
import { isLokaal, isNetlifyDeploy } from '../omgeving.ts';

/**
 * The personal cancellation link ("afmeldlink") in the confirmation mail, without a
 * database: everything the function needs to act on a cancellation travels in the link,
 * sealed with a secret only the function knows (INSCHRIJVING_GEHEIM).
 *
 * A token has five parts, joined by dots:
 *
 *   v1 . <event slug> . <expiry, Unix seconds> . <sealed details> . <HMAC>
 *
 * - The event and the expiry (the end of the event) are public facts, readable so the
 *   static afmeldpagina and a person can see what the link is for.
 * - The details the organiser mail needs (name, e-mail address, waitlist or not) are
 *   encrypted with AES-256-GCM, with the event and expiry as associated data. Nobody
 *   who sees the URL (a mail scanner, a log, a shoulder) can read who it belongs to.
 * - The HMAC-SHA256 over the first four parts is the signature: it is checked (in
 *   constant time) before anything else, so a forged or altered link is refused
 *   without decrypting anything.
 *
 * The three keys (HMAC, AES, IV) are derived from the one secret with HKDF. The token is
 * deterministic: the same sign-up gives the same link, byte for byte, because the mail
 * bodies are part of the sign-up's idempotency key. So the IV cannot be random; it is
 * an HMAC of the associated data and the plaintext (a synthetic IV, as in SIV modes):
 * the same IV comes back only with the same plaintext, which then gives the same
 * ciphertext and reveals nothing but that the two links are the same link.
 */

export const AFMELD_API = '/api/afmelden';
/** Whose sign-up a link cancels: read-only, for the afmeldpagina (handler.ts). */
export const AFMELD_NAAM_API = '/api/afmelden/naam';
const VERSIE = 'v1';
/** Event slugs as `npm run nieuw` makes them; anything else cannot be put in a token. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/;
/** Longer than any token of a valid sign-up (names 220, address 254 characters). */
export const MAX_TOKEN = 2000;

/**
 * Only with the explicit local switch (INSCHRIJVING_LOKAAL=1, see ../omgeving.ts): `npm start`,
 * the preview and the tests work without a secret. It is public, in the repository, so
 * anyone can sign a link with it: nothing else ever accepts it, not even when it is set
 * as INSCHRIJVING_GEHEIM.
 */
export const LOKAAL_GEHEIM = 'lokaal-openbaar-testgeheim-opgavegericht-besturen-niet-voor-productie';
/** What a secret must at least be, spaces around it not counted (e.g. `openssl rand -base64 32` gives 44 characters). */
export const MIN_GEHEIM = 32;

/** What the link carries about the person: exactly what the organiser mail needs, no more. */
export interface AfmeldGegevens {
  voornaam: string;
  tussenvoegsel: string;
  achternaam: string;
  email: string;
  /** The person signed up for the waitlist (the event was full). */
  wachtlijst: boolean;
}

export interface Afmelding {
  slug: string;
  /** End of the event when the link was made; after it the link is refused. */
  verloopt: Date;
  gegevens: AfmeldGegevens;
}

/** Why a link is refused; each has its own Dutch page (handler.ts). */
export type Afwijzing = 'onvolledig' | 'ongeldig' | 'verlopen';

export type Uitlezing = { ok: true; afmelding: Afmelding } | { ok: false; reden: Afwijzing; slug?: string };

/** Why a secret is too weak to sign links with, or undefined when it is not. */
export function zwakGeheim(geheim: string): string | undefined {
  const kern = geheim.trim();
  if (kern === LOKAAL_GEHEIM) return 'INSCHRIJVING_GEHEIM is het openbare testgeheim uit de code';
  if (kern.length < MIN_GEHEIM) return `INSCHRIJVING_GEHEIM is korter dan ${MIN_GEHEIM} tekens (spaties aan begin en eind niet meegeteld)`;
  if (new Set(kern).size === 1) return 'INSCHRIJVING_GEHEIM is één teken, herhaald';
  return undefined;
}

/**
 * The secret for this request, or why there is none (then no link is made and nothing is
 * cancelled). With the explicit local switch, whatever is set, or the public one, said in
 * the log; anywhere else only a strong INSCHRIJVING_GEHEIM.
 */
export function afmeldGeheim(env: Omgeving): { geheim: string; lokaal: boolean } | { fout: string } {
  const geheim = env('INSCHRIJVING_GEHEIM');
  if (isLokaal(env)) return geheim ? { geheim, lokaal: false } : { geheim: LOKAAL_GEHEIM, lokaal: true };
  if (!geheim)
    return {
      fout: isNetlifyDeploy(env)
        ? 'INSCHRIJVING_GEHEIM ontbreekt in deze Netlify-omgeving'
        : 'INSCHRIJVING_GEHEIM ontbreekt (en INSCHRIJVING_LOKAAL=1 staat niet aan: dit is geen lokale ontwikkelomgeving)',
    };
  const zwak = zwakGeheim(geheim);
  return zwak ? { fout: zwak } : { geheim, lokaal: false };
}

interface Sleutels {
  mac: Buffer;
  aes: Buffer;
  iv: Buffer;
}

const sleutelCache = new Map<string, Sleutels>();

function sleutels(geheim: string): Sleutels {
  let s = sleutelCache.get(geheim);
  if (!s) {
    const leid = (doel: string) => Buffer.from(hkdfSync('sha256', geheim, 'opgavegericht-besturen/afmelden', doel, 32));
    s = { mac: leid('hmac-sha256'), aes: leid('aes-256-gcm'), iv: leid('synthetische-iv') };
    sleutelCache.set(geheim, s);
  }
  return s;
}

const b64 = (b: Buffer) => b.toString('base64url');
const B64URL = /^[A-Za-z0-9_-]+$/;

function handtekening(s: Sleutels, kop: string, verzegeld: string): Buffer {
  return createHmac('sha256', s.mac).update(`${kop}.${verzegeld}`).digest();
}

/** The compact plaintext: a JSON array, so no field names travel. */
function alsTekst(g: AfmeldGegevens): string {
  return JSON.stringify([g.voornaam, g.tussenvoegsel, g.achternaam, g.email, g.wachtlijst ? 1 : 0]);
}

function uitTekst(tekst: string): AfmeldGegevens | undefined {
  const w: unknown = JSON.parse(tekst);
  if (!Array.isArray(w) || w.length !== 5) return undefined;
  const [voornaam, tussenvoegsel, achternaam, email, wachtlijst] = w as unknown[];
  if (![voornaam, tussenvoegsel, achternaam, email].every((v) => typeof v === 'string') || (wachtlijst !== 0 && wachtlijst !== 1))
    return undefined;
  return {
    voornaam: voornaam as string,
    tussenvoegsel: tussenvoegsel as string,
    achternaam: achternaam as string,
    email: email as string,
    wachtlijst: wachtlijst === 1,
  };
}

export function maakToken(geheim: string, afmelding: Afmelding): string {
  if (!SLUG.test(afmelding.slug)) throw new Error(`Bijeenkomst ${JSON.stringify(afmelding.slug)} past niet in een afmeldlink`);
  const s = sleutels(geheim);
  const kop = `${VERSIE}.${afmelding.slug}.${Math.floor(afmelding.verloopt.getTime() / 1000)}`;
  const tekst = Buffer.from(alsTekst(afmelding.gegevens), 'utf8');
  const iv = createHmac('sha256', s.iv).update(kop).update('\n').update(tekst).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', s.aes, iv);
  cipher.setAAD(Buffer.from(kop, 'utf8'));
  const versleuteld = Buffer.concat([cipher.update(tekst), cipher.final()]);
  const verzegeld = b64(Buffer.concat([iv, versleuteld, cipher.getAuthTag()]));
  return `${kop}.${verzegeld}.${b64(handtekening(s, kop, verzegeld))}`;
}

/** The event a token claims, before anything is checked: only to show the right contact address. */
export function geclaimdeSlug(token: string): string | undefined {
  const slug = token.split('.')[1];
  return slug && SLUG.test(slug) ? slug : undefined;
}

/** Checks form, signature and expiry, in that order, and only then decrypts. */
export function leesToken(geheim: string, token: string, nu: Date): Uitlezing {
  const slug = geclaimdeSlug(token);
  const onvolledig: Uitlezing = { ok: false, reden: 'onvolledig', ...(slug ? { slug } : {}) };
  if (token.length > MAX_TOKEN) return onvolledig;
  const delen = token.split('.');
  if (delen.length !== 5) return onvolledig;
  const [versie, , seconden, verzegeld, mac] = delen as [string, string, string, string, string];
  if (versie !== VERSIE || !slug || !/^\d{1,12}$/.test(seconden) || !B64URL.test(verzegeld) || !B64URL.test(mac)) return onvolledig;

  const s = sleutels(geheim);
  const kop = `${versie}.${slug}.${seconden}`;
  // Compared as text, so another spelling of the same bytes does not pass either.
  const gegeven = Buffer.from(mac, 'utf8');
  const verwacht = Buffer.from(b64(handtekening(s, kop, verzegeld)), 'utf8');
  // A cut-off link is incomplete rather than forged: it gets the message that says to open it again.
  if (gegeven.length < verwacht.length) return onvolledig;
  if (gegeven.length !== verwacht.length || !timingSafeEqual(gegeven, verwacht)) return { ok: false, reden: 'ongeldig', slug };

  const verloopt = new Date(Number(seconden) * 1000);
  if (nu >= verloopt) return { ok: false, reden: 'verlopen', slug };

  // Signed by us, so well-formed unless the secret leaked; checked all the same.
  try {
    const bytes = Buffer.from(verzegeld, 'base64url');
    if (bytes.length < 12 + 16 + 1) return onvolledig;
    const decipher = createDecipheriv('aes-256-gcm', s.aes, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(kop, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const tekst = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
    const gegevens = uitTekst(tekst);
    return gegevens ? { ok: true, afmelding: { slug, verloopt, gegevens } } : onvolledig;
  } catch {
    return onvolledig;
  }
}

/**
 * The link for the confirmation mail: the event's static afmeldpagina on the site's own
 * address, with the token in the query (a static page cannot read a fragment without
 * JavaScript, and without JavaScript the browser still sends the query along, in the
 * Referer of the confirming post: see handler.ts).
 */
export function afmeldUrl(
  site: string,
  geheim: string,
  slug: string,
  bijeenkomst: Bijeenkomst,
  a: Aanmelding,
  wachtlijst: boolean,
): string {
  const token = maakToken(geheim, {
    slug,
    verloopt: einde(bijeenkomst),
    gegevens: { voornaam: a.voornaam, tussenvoegsel: a.tussenvoegsel ?? '', achternaam: a.achternaam, email: a.email, wachtlijst },
  });
  const url = new URL(afmeldPad(slug), site);
  url.searchParams.set('t', token);
  return url.href;
}

/**
 * For the sign-up: the link, or undefined when there cannot be one (no secret in a
 * deploy, an event slug that does not fit). A sign-up never fails because of this:
 * without a link the confirmation says to reply, as it always did.
 */
export function afmeldLinkVoorInschrijving(o: {
  env: Omgeving;
  site: string;
  slug: string;
  bijeenkomst: Bijeenkomst;
  aanmelding: Aanmelding;
  wachtlijst: boolean;
  log: (bericht: string) => void;
}): string | undefined {
  try {
    const g = afmeldGeheim(o.env);
    if ('fout' in g) {
      o.log(`Bevestiging zonder afmeldlink: ${logWaarde(g.fout)}`);
      return undefined;
    }
    if (g.lokaal) meldLokaalGeheim(o.log);
    return afmeldUrl(o.site, g.geheim, o.slug, o.bijeenkomst, o.aanmelding, o.wachtlijst);
  } catch (e) {
    o.log(`Bevestiging zonder afmeldlink: ${logWaarde(e instanceof Error ? e.message : String(e))}`);
    return undefined;
  }
}

let lokaalGemeld = false;
/** Once per process: locally the links are signed with the public test secret. */
export function meldLokaalGeheim(log: (bericht: string) => void): void {
  if (lokaalGemeld) return;
  lokaalGemeld = true;
  log(
    'INSCHRIJVING_GEHEIM ontbreekt: afmeldlinks worden ondertekend met het openbare testgeheim (alleen met INSCHRIJVING_LOKAAL=1, buiten Netlify)',
  );
}

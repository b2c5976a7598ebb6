import { contentSecurityPolicy, dataPolicy, sha256, vasteHeaders } from '../beveiliging/headers.ts';
import { bedanktPad, bijeenkomstPad, geenBevestigingPad, kalenderPad } from '../bijeenkomst/paden.ts';
import type { Bijeenkomst } from '../bijeenkomst/schema.ts';
import { inschrijfStand, kanInschrijven, standTekst } from '../bijeenkomst/status.ts';
import type { Bijeenkomsten } from '../inhoud/bijeenkomsten-voor-functie.ts';
import { controleer, type Fouten } from './aanmelding.ts';
import { afmeldLinkVoorInschrijving } from './afmelden.ts';
import { BEVESTIGINGEN_PER_UUR, maakBevestigingslimiet } from './bevestigingslimiet.ts';
import { foutPagina, kalePagina } from './foutpagina.ts';
import { logWaarde } from './log.ts';
import { inschrijfZending, type MailContext, organisatorZending } from './mail.ts';
import { type Herhaling, type Mailer, outboxMailer, resendMailer, type Verzending } from './mailer.ts';
import { isLokaal, isNetlifyDeploy, type Omgeving } from './omgeving.ts';
import { type Sjabloon, vulSjabloon } from './sjabloon.ts';

/**
 * POST /api/inschrijven, as a plain Request → Response function (contract:
 * INSCHRIJVEN.md). Env, clock, events and mailer are parameters, so tests and the
 * benchmark call it in-process; netlify/functions/inschrijven.ts passes the real ones.
 */

export const MAX_BYTES = 16 * 1024;

export interface Afhankelijkheden {
  env: Omgeving;
  /** The site's own address (Astro's `site`): links in mails are built on it, never on the request's Host. */
  site: string;
  /** Netlify's deploy context at build time (CONTEXT); the runtime CONTEXT, where set, wins. */
  bouwContext?: string | undefined;
  nu: () => Date;
  bijeenkomsten: () => Promise<Bijeenkomsten>;
  /** Overrides the choice from env (Resend with a key, the outbox without). */
  mailer?: Mailer;
  herhaling?: Herhaling;
  log?: (bericht: string) => void;
  /** The site's layout for the pages the function renders (built in by netlify/functie-bouw.ts). */
  sjabloon?: Sjabloon | undefined;
}

type Invoer = Record<string, string | boolean>;
type Velden = Record<string, string>;

class HttpFout extends Error {
  readonly status: number;
  readonly melding: string;
  constructor(status: number, melding: string) {
    super(melding);
    this.status = status;
    this.melding = melding;
  }
}

/** Reads at most MAX_BYTES, whatever Content-Length claims. */
async function leesBody(req: Request): Promise<Uint8Array> {
  const lengte = Number(req.headers.get('content-length') ?? 0);
  const teGroot = new HttpFout(
    413,
    'Je inschrijving is te groot om te verwerken (meer dan 16 kB). Maak de opmerkingen korter en probeer het opnieuw.',
  );
  if (lengte > MAX_BYTES) throw teGroot;
  if (!req.body) return new Uint8Array();
  const delen: Uint8Array[] = [];
  let totaal = 0;
  for await (const deel of req.body) {
    totaal += deel.byteLength;
    if (totaal > MAX_BYTES) throw teGroot;
    delen.push(deel);
  }
  return Buffer.concat(delen);
}

async function leesVelden(req: Request, bytes: Uint8Array): Promise<Invoer> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    try {
      const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
      return json && typeof json === 'object' && !Array.isArray(json) ? (json as Invoer) : {};
    } catch {
      // Not JSON at all: validation then names every required field.
      return {};
    }
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const form = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
      headers: { 'content-type': req.headers.get('content-type')! },
    })
      .formData()
      .catch(() => {
        throw new HttpFout(415, 'De inhoud van het formulier kon niet worden gelezen.');
      });
    const velden: Invoer = {};
    // The first value of a field counts; uploaded files are not part of a sign-up.
    for (const [naam, waarde] of form) if (typeof waarde === 'string' && !(naam in velden)) velden[naam] = waarde;
    return velden;
  }
  throw new HttpFout(415, 'Stuur de inschrijving als formulier (application/x-www-form-urlencoded of multipart/form-data) of als JSON.');
}

/** Only strings can be typed back into a form field. */
function tekstvelden(waarden: Invoer): Velden {
  const uit: Velden = {};
  for (const [k, v] of Object.entries(waarden)) if (typeof v === 'string') uit[k] = v;
  return uit;
}

/** An error page may run no script and only the inline styles of the site's layout. */
export const htmlHeadersVoor = (sjabloon: Sjabloon | undefined) => ({
  ...vasteHeaders,
  'Content-Security-Policy': contentSecurityPolicy({ scripts: [], styles: (sjabloon?.stijlen ?? []).map(sha256) }),
});
export const dataHeaders = { ...vasteHeaders, 'Content-Security-Policy': dataPolicy };

/**
 * A browser post from another site: any web page could make its visitors' browsers sign
 * up strangers (and send them our confirmation). Browsers say where a post comes from;
 * clients that say nothing (curl, a server) are not browsers being misused.
 */
export function vanAndereSite(req: Request, site: string): boolean {
  if (req.headers.get('sec-fetch-site')?.toLowerCase() === 'cross-site') return true;
  const herkomst = req.headers.get('origin');
  if (herkomst === null) return false;
  return herkomst !== new URL(site).origin && herkomst !== new URL(req.url).origin;
}

const niet = (adres: string) => `Je inschrijving is NIET ontvangen. Probeer het later opnieuw, of meld je aan per e-mail via ${adres}.`;

/** The environment as both handlers read it: the runtime's variables, and CONTEXT from the build where the runtime has none. */
export function omgevingVan(deps: Afhankelijkheden): Omgeving {
  return (naam) => deps.env(naam) ?? (naam === 'CONTEXT' ? deps.bouwContext : undefined);
}

/**
 * The mail route for a request: the injected one, Resend with a key, the outbox only with
 * the explicit local switch, or the reason there is none (a 503). Without the switch and
 * without a key the function may well be on a server that simply does not know its
 * context: a sign-up written to a folder nobody reads would be a silent loss.
 */
export function mailerVoor(deps: Afhankelijkheden, env: Omgeving): Mailer | string {
  if (deps.mailer) return deps.mailer;
  const sleutel = env('RESEND_API_KEY');
  if (sleutel)
    return resendMailer({ apiKey: sleutel, baseUrl: env('RESEND_BASE_URL'), ...(deps.herhaling ? { herhaling: deps.herhaling } : {}) });
  if (isLokaal(env)) return outboxMailer(env('INSCHRIJVING_OUTBOX') ?? '.outbox', (b) => console.log(b));
  return isNetlifyDeploy(env)
    ? 'RESEND_API_KEY ontbreekt in deze Netlify-omgeving'
    : 'RESEND_API_KEY ontbreekt (en INSCHRIJVING_LOKAAL=1 staat niet aan: geen outbox buiten een lokale ontwikkelomgeving)';
}

/** The sender: MAIL_FROM, or locally (explicit switch only) an address that can never be delivered from. */
export function afzenderVoor(env: Omgeving): string | undefined {
  return env('MAIL_FROM') ?? (isLokaal(env) ? 'Opgavegericht besturen <inschrijving@localhost.invalid>' : undefined);
}

export function maakInschrijfHandler(deps: Afhankelijkheden): (req: Request) => Promise<Response> {
  const log = deps.log ?? ((b: string) => console.error(b));
  const htmlHeaders = htmlHeadersVoor(deps.sjabloon);
  const env = omgevingVan(deps);
  const kiesMailer = () => mailerVoor(deps, env);
  // Per function instance, for as long as it lives (see bevestigingslimiet.ts).
  const bevestigingen = maakBevestigingslimiet();

  return async (req) => {
    const wilJson =
      /application\/json/i.test(req.headers.get('accept') ?? '') || /application\/json/i.test(req.headers.get('content-type') ?? '');
    let waarden: Invoer = {};
    let bijeenkomst: { slug: string; data: Bijeenkomst } | undefined;

    const json = (status: number, body: object, headers: Record<string, string> = {}) =>
      Response.json(body, { status, headers: { ...dataHeaders, 'cache-control': 'no-store', ...headers } });

    const fout = (status: number, melding: string, fouten?: Fouten, headers: Record<string, string> = {}): Response => {
      if (wilJson) return json(status, fouten ? { ok: false, fouten } : { ok: false, melding }, headers);
      const pagina = foutPagina({
        status,
        melding,
        ...(fouten ? { fouten } : {}),
        ...(bijeenkomst
          ? { bijeenkomst: { slug: bijeenkomst.slug, titel: bijeenkomst.data.titel, contact: bijeenkomst.data.contact } }
          : {}),
        waarden: tekstvelden(waarden),
        formulierTonen: status === 422 || status === 502 || status === 503,
        wachtlijst: bijeenkomst ? inschrijfStand(bijeenkomst.data, deps.nu()).status === 'wachtlijst' : false,
      });
      const html = deps.sjabloon ? vulSjabloon(deps.sjabloon, pagina.titel, pagina.inhoud) : kalePagina(pagina);
      return new Response(html, {
        status,
        headers: { ...htmlHeaders, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
      });
    };

    // `bevestiging` (additive to the contract): whether the person's confirmation went out; if not, the
    // bedankt page says so, by its address, which works without JavaScript and carries nothing personal.
    const gelukt = (bedankt: string, status: 'ingeschreven' | 'wachtlijst', bevestiging: boolean) =>
      wilJson
        ? json(200, { ok: true, status, bedankt, bevestiging })
        : new Response(null, { status: 303, headers: { ...dataHeaders, location: bedankt, 'cache-control': 'no-store' } });

    try {
      if (req.method !== 'POST') {
        return fout(405, 'Inschrijven gaat met het formulier op de pagina van de bijeenkomst.', undefined, { allow: 'POST' });
      }
      waarden = await leesVelden(req, await leesBody(req));
      const alle = await deps.bijeenkomsten();
      const slug = typeof waarden.bijeenkomst === 'string' ? waarden.bijeenkomst.trim() : '';
      const data = alle.get(slug);
      if (data) bijeenkomst = { slug, data };

      if (vanAndereSite(req, deps.site)) {
        log(
          `Inschrijving geweigerd: post van een andere site (Origin ${logWaarde(req.headers.get('origin'))}, Sec-Fetch-Site ${logWaarde(req.headers.get('sec-fetch-site'))})`,
        );
        return fout(
          403,
          `Inschrijven kan alleen met het formulier op deze website. Ga naar de pagina van de bijeenkomst, of meld je aan per e-mail via ${bijeenkomst?.data.contact ?? 'de organisatie van de bijeenkomst'}.`,
        );
      }

      // Honeypot: a bot gets what a person would, and nothing is sent. Values are logged quoted, never raw.
      if (typeof waarden.website === 'string' && waarden.website.trim() !== '') {
        log(`Inschrijving genegeerd: honeypot ingevuld (bijeenkomst ${logWaarde(slug.slice(0, 100))})`);
        return gelukt(data ? bedanktPad(slug) : '/', 'ingeschreven', true);
      }

      const uitkomst = controleer(waarden);
      if (!uitkomst.ok) return fout(422, 'Er ontbreekt iets of er klopt iets niet in je inschrijving.', uitkomst.fouten);
      // The whole address in lower case, in the mails and the afmeldlink too: the mails are part of
      // the idempotency key, so any other spelling of the same address would be another sign-up
      // (and another confirmation). No mail service delivers by the case of the local part.
      const a = { ...uitkomst.aanmelding, email: uitkomst.aanmelding.email.toLowerCase() };
      if (!bijeenkomst) return fout(404, 'Deze bijeenkomst bestaat niet (meer). Kies een bijeenkomst in de agenda op de website.');

      const stand = inschrijfStand(bijeenkomst.data, deps.nu());
      if (!kanInschrijven(stand)) return fout(409, `${standTekst(stand)} Vragen? Mail naar ${bijeenkomst.data.contact}.`);
      const wachtlijst = stand.status === 'wachtlijst';

      const organisator = env('INSCHRIJVING_AAN') ?? bijeenkomst.data.contact;
      const mailer = kiesMailer();
      const van = afzenderVoor(env);
      if (typeof mailer === 'string' || !van) {
        log(`Inschrijving niet verwerkt: ${logWaarde(typeof mailer === 'string' ? mailer : 'MAIL_FROM ontbreekt')}`);
        return fout(503, `Het inschrijven via de website werkt op dit moment niet. ${niet(bijeenkomst.data.contact)}`);
      }

      const context: MailContext = {
        slug,
        bijeenkomst: bijeenkomst.data,
        aanmelding: a,
        wachtlijst,
        organisator,
        van,
        paginaUrl: new URL(bijeenkomstPad(slug), deps.site).href,
        kalenderUrl: new URL(kalenderPad(slug), deps.site).href,
        privacyUrl: new URL('/privacy/', deps.site).href,
        afmeldUrl: afmeldLinkVoorInschrijving({
          env,
          site: deps.site,
          slug,
          bijeenkomst: bijeenkomst.data,
          aanmelding: a,
          wachtlijst,
          log,
        }),
      };
      // Organiser mail and confirmation in one request; if the mail service refuses the pair
      // (say, the person's address), the organiser's mail alone still gets the sign-up in. So
      // it does when the address already had its confirmations this hour: every sign-up
      // reaches the organiser, but the form sends no stranger more than a few mails.
      const beide = inschrijfZending(context);
      let bevestigd = bevestigingen.reserveer(a.email, beide.sleutel, deps.nu());
      let verzending: Verzending;
      if (bevestigd) {
        verzending = await mailer.verstuur(beide);
        if (!verzending.ok && verzending.soort === 'geweigerd') {
          bevestigingen.geefVrij(a.email, beide.sleutel);
          bevestigd = false;
          log(
            `Organisatormail en bevestiging samen geweigerd voor ${logWaarde(slug)}: ${logWaarde(verzending.melding)}; nu de organisatormail alleen`,
          );
          verzending = await mailer.verstuur(organisatorZending(context, 'geweigerd'));
        }
      } else {
        log(
          `Bevestiging niet verstuurd: al ${BEVESTIGINGEN_PER_UUR} in het afgelopen uur naar dit adres (bijeenkomst ${logWaarde(slug)}); alleen de organisatormail`,
        );
        verzending = await mailer.verstuur(organisatorZending(context, 'limiet'));
      }
      if (!verzending.ok) {
        log(`Organisatormail mislukt voor ${logWaarde(slug)}: ${logWaarde(verzending.melding)}`);
        return fout(502, `Je inschrijving kon niet worden doorgestuurd. ${niet(bijeenkomst.data.contact)}`);
      }
      return gelukt(bevestigd ? bedanktPad(slug) : geenBevestigingPad(slug), wachtlijst ? 'wachtlijst' : 'ingeschreven', bevestigd);
    } catch (e) {
      if (e instanceof HttpFout) return fout(e.status, e.melding);
      log(`Onverwachte fout bij inschrijven: ${logWaarde(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
      return fout(500, `Er ging iets mis bij het verwerken. ${niet(bijeenkomst?.data.contact ?? 'de organisatie van de bijeenkomst')}`);
    }
  };
}

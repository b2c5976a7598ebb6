import { AGENDA_PAD, afgemeldPad } from '../../bijeenkomst/paden.ts';
import type { Bijeenkomst } from '../../bijeenkomst/schema.ts';
import { inschrijfStand } from '../../bijeenkomst/status.ts';
import { kalePagina } from '../inschrijven/foutpagina.ts';
import {
  type Afhankelijkheden,
  afzenderVoor,
  dataHeaders,
  htmlHeadersVoor,
  mailerVoor,
  omgevingVan,
  vanAndereSite,
} from '../inschrijven/handler.ts';
import { logWaarde } from '../log.ts';
import { vulSjabloon } from '../sjabloon.ts';
import { type AfmeldContext, afmeldOrganisatorZending, afmeldZending } from './mails.ts';
import { afmeldPagina } from './pagina.ts';
import { type Afwijzing, afmeldGeheim, geclaimdeSlug, leesToken, MAX_TOKEN, meldLokaalGeheim } from './token.ts';

/**
 * POST /api/afmelden: the second path of the one function (functie.ts). The static
 * afmeldpagina (/bijeenkomsten/<slug>/afmelden/?t=<token>) posts its one button here;
 * nothing cancels on a GET, so a mail scanner that opens the link changes nothing.
 *
 * The token comes from the form field `t`, which the page's script fills from the
 * address bar. Without JavaScript that field stays empty, and the token comes from the
 * Referer instead: a same-origin post carries the full address of the page it was sent
 * from (the site's Referrer-Policy, strict-origin-when-cross-origin, and the page's own
 * `same-origin`), and that address is the link from the mail. The token is checked the
 * same way whichever way it came; a Referer from another site or another page is ignored.
 *
 * Then: signature, expiry, the event (known, not over), and the mails, organiser's and
 * person's in one request under a key derived from the cancellation, so confirming
 * twice sends one pair. Every refusal is a Dutch page (or JSON) with the organiser's
 * address, and sends nothing.
 */

const MAX_BYTES = 4 * 1024;

type Velden = Record<string, unknown>;

class HttpFout extends Error {
  readonly status: number;
  readonly kop: string;
  constructor(status: number, kop: string, melding: string) {
    super(melding);
    this.status = status;
    this.kop = kop;
  }
}

async function leesVelden(req: Request): Promise<Velden> {
  const teGroot = new HttpFout(413, 'Dit verzoek is te groot', 'Dit is geen afmelding van de afmeldpagina: het verzoek is te groot.');
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BYTES) throw teGroot;
  const delen: Uint8Array[] = [];
  let totaal = 0;
  if (req.body)
    for await (const deel of req.body) {
      totaal += deel.byteLength;
      if (totaal > MAX_BYTES) throw teGroot;
      delen.push(deel);
    }
  const bytes = Buffer.concat(delen);
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    try {
      const json: unknown = JSON.parse(bytes.toString('utf8'));
      return json && typeof json === 'object' && !Array.isArray(json) ? (json as Velden) : {};
    } catch {
      return {};
    }
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const form = await new Response(bytes, { headers: { 'content-type': req.headers.get('content-type')! } }).formData().catch(() => {
      throw new HttpFout(415, 'Dit verzoek kon niet worden gelezen', 'De inhoud van het formulier kon niet worden gelezen.');
    });
    const velden: Velden = {};
    for (const [naam, waarde] of form) if (typeof waarde === 'string' && !(naam in velden)) velden[naam] = waarde;
    return velden;
  }
  throw new HttpFout(
    415,
    'Dit verzoek kon niet worden gelezen',
    'Stuur de afmelding als formulier (application/x-www-form-urlencoded) of als JSON met het veld "t".',
  );
}

const tekst = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const afmeldPaginaPad = new RegExp(`^${AGENDA_PAD}([^/]+)/afmelden/$`);

/** The token and event from the page the post came from, if that is an afmeldpagina of this site. */
function uitReferer(req: Request, site: string): { token?: string; slug?: string } {
  const ref = req.headers.get('referer');
  if (!ref) return {};
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    return {};
  }
  if (url.origin !== new URL(site).origin && url.origin !== new URL(req.url).origin) return {};
  const slug = afmeldPaginaPad.exec(url.pathname)?.[1];
  if (!slug) return {};
  const token = url.searchParams.get('t')?.trim();
  return { slug, ...(token ? { token } : {}) };
}

const NIET = 'Je bent NIET afgemeld.';

const afwijzingen: Record<Afwijzing, { status: number; kop: string; melding: string }> = {
  onvolledig: {
    status: 400,
    kop: 'Deze afmeldlink is niet compleet',
    melding: `De link uit je bevestigingsmail is niet helemaal meegekomen, bijvoorbeeld omdat je mailprogramma hem over twee regels heeft afgebroken. Open de link opnieuw vanuit de mail, of kopieer hem in zijn geheel naar de adresbalk. ${NIET}`,
  },
  ongeldig: {
    status: 403,
    kop: 'Deze afmeldlink klopt niet',
    melding: `De link is veranderd, of hij komt niet van deze website. Gebruik de link uit je eigen bevestigingsmail. ${NIET}`,
  },
  verlopen: {
    status: 410,
    kop: 'Deze afmeldlink is verlopen',
    melding: `Een afmeldlink werkt tot het einde van de bijeenkomst waarvoor je je hebt ingeschreven. ${NIET}`,
  },
};

export function maakAfmeldHandler(deps: Afhankelijkheden): (req: Request) => Promise<Response> {
  const log = deps.log ?? ((b: string) => console.error(b));
  const env = omgevingVan(deps);
  const htmlHeaders = htmlHeadersVoor(deps.sjabloon);

  const kiesMailer = () => mailerVoor(deps, env);

  return async (req) => {
    const wilJson =
      /application\/json/i.test(req.headers.get('accept') ?? '') || /application\/json/i.test(req.headers.get('content-type') ?? '');
    let bijeenkomst: { slug: string; data: Bijeenkomst } | undefined;
    /** The organiser's address when the event is not known: the one address all events share, if they do. */
    let gedeeldContact: string | undefined;

    const adres = () => bijeenkomst?.data.contact ?? gedeeldContact;
    const ook = () => {
      const a = adres();
      return a
        ? `Afmelden kan ook door de bevestigingsmail te beantwoorden, of per e-mail via ${a}.`
        : 'Afmelden kan ook door de bevestigingsmail te beantwoorden.';
    };

    const fout = (
      status: number,
      kop: string,
      melding: string,
      extra: { reden?: string; hulp?: string; headers?: Record<string, string> } = {},
    ) => {
      const headers = { 'cache-control': 'no-store', ...extra.headers };
      if (wilJson)
        return Response.json(
          { ok: false, ...(extra.reden ? { reden: extra.reden } : {}), melding: `${melding} ${ook()}` },
          { status, headers: { ...dataHeaders, ...headers } },
        );
      const pagina = afmeldPagina({
        kop,
        melding,
        bijeenkomst: bijeenkomst ? { slug: bijeenkomst.slug, titel: bijeenkomst.data.titel, contact: bijeenkomst.data.contact } : undefined,
        contact: gedeeldContact,
        hulp: extra.hulp,
      });
      const html = deps.sjabloon ? vulSjabloon(deps.sjabloon, pagina.titel, pagina.inhoud) : kalePagina(pagina);
      return new Response(html, { status, headers: { ...htmlHeaders, 'content-type': 'text/html; charset=utf-8', ...headers } });
    };

    try {
      if (req.method !== 'POST')
        return fout(
          405,
          'Zo werkt afmelden niet',
          'Afmelden gaat met de knop op de afmeldpagina. Open de afmeldlink uit je bevestigingsmail en bevestig daar.',
          { headers: { allow: 'POST' } },
        );
      const alle = await deps.bijeenkomsten();
      const contacten = new Set([...alle.values()].map((b) => b.contact));
      if (contacten.size === 1) gedeeldContact = [...contacten][0];
      const vind = (slug: string | undefined) => {
        const data = slug ? alle.get(slug) : undefined;
        return slug && data ? { slug, data } : undefined;
      };

      const velden = await leesVelden(req);
      const vanPagina = uitReferer(req, deps.site);
      const token = tekst(velden.t) || vanPagina.token || '';
      // Only to name the right organiser if the link turns out to be bad; the token decides what is cancelled.
      bijeenkomst = vind(geclaimdeSlug(token) ?? (tekst(velden.bijeenkomst) || vanPagina.slug));

      if (vanAndereSite(req, deps.site)) {
        log(
          `Afmelding geweigerd: post van een andere site (Origin ${logWaarde(req.headers.get('origin'))}, Sec-Fetch-Site ${logWaarde(req.headers.get('sec-fetch-site'))})`,
        );
        return fout(
          403,
          'Afmelden kan alleen via de website',
          `Afmelden kan alleen met de knop op de afmeldpagina van deze website. ${NIET}`,
        );
      }

      const geheim = afmeldGeheim(env);
      if ('fout' in geheim) {
        log(`Afmelding niet verwerkt: ${logWaarde(geheim.fout)}`);
        return fout(503, 'Afmelden via de website werkt nu niet', `Afmelden via de website werkt op dit moment niet. ${NIET}`, {
          reden: 'niet-ingesteld',
        });
      }
      if (geheim.lokaal) meldLokaalGeheim(log);

      const uitkomst =
        token && token.length <= MAX_TOKEN ? leesToken(geheim.geheim, token, deps.nu()) : ({ ok: false, reden: 'onvolledig' } as const);
      if (!uitkomst.ok) {
        log(`Afmelding geweigerd: link ${logWaarde(uitkomst.reden)} (bijeenkomst ${logWaarde(bijeenkomst?.slug ?? null)})`);
        const a = afwijzingen[uitkomst.reden];
        return fout(a.status, a.kop, a.melding, { reden: uitkomst.reden });
      }
      const { slug, gegevens } = uitkomst.afmelding;
      bijeenkomst = vind(slug);
      if (!bijeenkomst) {
        log(`Afmelding geweigerd: onbekende bijeenkomst ${logWaarde(slug)}`);
        return fout(
          404,
          'Deze bijeenkomst bestaat niet (meer)',
          `De bijeenkomst uit deze afmeldlink staat niet (meer) op de website. ${NIET}`,
          {
            reden: 'onbekend',
          },
        );
      }
      const b = bijeenkomst.data;
      if (inschrijfStand(b, deps.nu()).status === 'afgelopen')
        return fout(
          410,
          'Deze bijeenkomst is voorbij',
          `${b.titel} is voorbij, dus afmelden kan niet meer. Je bent niet afgemeld, en dat hoeft ook niet meer.`,
          { reden: 'afgelopen', hulp: 'Wil je de organisatie toch iets laten weten? Beantwoord de bevestigingsmail.' },
        );

      const mailer = kiesMailer();
      const van = afzenderVoor(env);
      if (typeof mailer === 'string' || !van) {
        log(`Afmelding niet verwerkt: ${logWaarde(typeof mailer === 'string' ? mailer : 'MAIL_FROM ontbreekt')}`);
        return fout(503, 'Afmelden via de website werkt nu niet', `Afmelden via de website werkt op dit moment niet. ${NIET}`, {
          reden: 'niet-ingesteld',
        });
      }

      const context: AfmeldContext = { slug, bijeenkomst: b, gegevens, organisator: env('INSCHRIJVING_AAN') ?? b.contact, van };
      let verzending = await mailer.verstuur(afmeldZending(context));
      if (!verzending.ok && verzending.soort === 'geweigerd') {
        log(`Afmeldmails samen geweigerd voor ${logWaarde(slug)}: ${logWaarde(verzending.melding)}; nu de organisatormail alleen`);
        verzending = await mailer.verstuur(afmeldOrganisatorZending(context));
      }
      if (!verzending.ok) {
        log(`Afmeldmail mislukt voor ${logWaarde(slug)}: ${logWaarde(verzending.melding)}`);
        return fout(
          502,
          'Je afmelding is niet doorgekomen',
          `Je afmelding kon niet worden doorgestuurd. ${NIET} Probeer het later opnieuw met dezelfde link.`,
          { reden: 'mail' },
        );
      }
      const afgemeld = afgemeldPad(slug);
      return wilJson
        ? Response.json(
            { ok: true, status: 'afgemeld', afgemeld },
            { status: 200, headers: { ...dataHeaders, 'cache-control': 'no-store' } },
          )
        : new Response(null, { status: 303, headers: { ...dataHeaders, location: afgemeld, 'cache-control': 'no-store' } });
    } catch (e) {
      if (e instanceof HttpFout) return fout(e.status, e.kop, `${e.message} ${NIET}`);
      log(`Onverwachte fout bij afmelden: ${logWaarde(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
      return fout(500, 'Er ging iets mis', `Er ging iets mis bij het verwerken van je afmelding. ${NIET}`);
    }
  };
}

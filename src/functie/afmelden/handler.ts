import { AGENDA_PAD, afgemeldPad, afmeldPad } from '../../bijeenkomst/paden.ts';
import type { Bijeenkomst } from '../../bijeenkomst/schema.ts';
import { inschrijfStand } from '../../bijeenkomst/status.ts';
import { type Afhankelijkheden, type Behandeling, type Handler, maakEindpunt, type Verzoek } from '../eindpunt.ts';
import { volledigeNaam } from '../inschrijven/aanmelding.ts';
import { logWaarde } from '../log.ts';
import { NIET_AFGEMELD } from '../nadruk.ts';
import { verstuurPaar } from '../verzenden.ts';
import { type AfmeldContext, afmeldOrganisatorZending, afmeldZending } from './mails.ts';
import { afmeldPagina } from './pagina.ts';
import { type Afwijzing, afmeldGeheim, geclaimdeSlug, leesToken, MAX_TOKEN, meldLokaalGeheim } from './token.ts';

/**
 * POST /api/afmelden, the function's second path (../functie.ts). The static
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

const invoer = {
  maxBytes: MAX_BYTES,
  teGroot: `Dit is geen afmelding van de afmeldpagina: het verzoek is te groot. ${NIET_AFGEMELD}`,
  onleesbaar: `De inhoud van het formulier kon niet worden gelezen. ${NIET_AFGEMELD}`,
  andereSoort: `Deze afmelding kwam niet binnen zoals de knop op de afmeldpagina haar verstuurt, en kon daarom niet worden gelezen. Meld je af met de knop op de afmeldpagina. ${NIET_AFGEMELD}`,
};
const andereMethode = 'Afmelden gaat met de knop op de afmeldpagina. Open de afmeldlink uit je bevestigingsmail en bevestig daar.';

export function maakAfmeldHandler(deps: Afhankelijkheden): Handler {
  return maakEindpunt(deps, { wat: 'Afmelding', bij: 'afmelden', invoer, andereMethode, behandel: (v) => afmelding(v, deps, 'afmelden') });
}

/**
 * POST /api/afmelden/naam: whose sign-up this link cancels, so the afmeldpagina can name
 * the person (from a shared mailbox, two links look alike). It reads the link exactly as
 * a cancellation does, and refuses it for the same reasons, but it only answers the name:
 * it sends nothing and cancels nothing. The link comes from the request's body only,
 * never from the Referer.
 */
export function maakAfmeldNaamHandler(deps: Afhankelijkheden): Handler {
  return maakEindpunt(deps, {
    wat: 'Naam bij afmeldlink',
    bij: 'de naam bij een afmeldlink',
    invoer,
    andereMethode,
    behandel: (v) => afmelding(v, deps, 'naam'),
  });
}

const tekst = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const afmeldPaginaPad = new RegExp(`^${AGENDA_PAD}([^/]+)/afmelden/$`);

/** The token and event from the page the post came from, if that is an afmeldpagina of this site. */
function uitReferer(req: Request, eigenOrigins: readonly string[]): { token?: string; slug?: string } {
  const ref = req.headers.get('referer');
  if (!ref) return {};
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    return {};
  }
  if (!eigenOrigins.includes(url.origin)) return {};
  const slug = afmeldPaginaPad.exec(url.pathname)?.[1];
  if (!slug) return {};
  const token = url.searchParams.get('t')?.trim();
  return { slug, ...(token ? { token } : {}) };
}

const afwijzingen: Record<Afwijzing, { status: number; kop: string; melding: string }> = {
  onvolledig: {
    status: 400,
    kop: 'Deze afmeldlink is niet compleet',
    melding: `De link uit je bevestigingsmail is niet helemaal meegekomen, bijvoorbeeld omdat je mailprogramma hem over twee regels heeft afgebroken. Open de link opnieuw vanuit de mail, of kopieer hem in zijn geheel naar de adresbalk. ${NIET_AFGEMELD}`,
  },
  ongeldig: {
    status: 403,
    kop: 'Deze afmeldlink klopt niet',
    melding: `De link is veranderd, of hij komt niet van deze website. Gebruik de link uit je eigen bevestigingsmail. ${NIET_AFGEMELD}`,
  },
  verlopen: {
    status: 410,
    kop: 'Deze afmeldlink is verlopen',
    melding: `Een afmeldlink werkt tot het einde van de bijeenkomst waarvoor je je hebt ingeschreven. ${NIET_AFGEMELD}`,
  },
};

/** The headings of the answers the request layer asks for. */
const koppen: Record<number, string> = {
  405: 'Zo werkt afmelden niet',
  413: 'Dit verzoek is te groot',
  415: 'Dit verzoek kon niet worden gelezen',
};

function afmelding(v: Verzoek, deps: Afhankelijkheden, doel: 'afmelden' | 'naam'): Behandeling {
  let bijeenkomst: { slug: string; data: Bijeenkomst } | undefined;
  /** The organiser's address when the event is not known: the one address all events share, if they do. */
  let gedeeldContact: string | undefined;

  const ook = () => {
    const a = bijeenkomst?.data.contact ?? gedeeldContact;
    return a
      ? `Afmelden kan ook door de bevestigingsmail te beantwoorden, of per e-mail via ${a}.`
      : 'Afmelden kan ook door de bevestigingsmail te beantwoorden.';
  };

  const fout = (
    status: number,
    kop: string,
    melding: string,
    extra: { reden?: string; hulp?: string; headers?: Record<string, string> | undefined } = {},
  ) =>
    v.mislukt(
      status,
      { ...(extra.reden ? { reden: extra.reden } : {}), melding: `${melding} ${ook()}` },
      () =>
        afmeldPagina({
          kop,
          melding,
          bijeenkomst: bijeenkomst
            ? { slug: bijeenkomst.slug, titel: bijeenkomst.data.titel, contact: bijeenkomst.data.contact }
            : undefined,
          contact: gedeeldContact,
          hulp: extra.hulp,
        }),
      extra.headers,
    );
  const nietIngesteld = () =>
    fout(503, 'Afmelden via de website werkt nu niet', `Afmelden via de website werkt op dit moment niet. ${NIET_AFGEMELD}`, {
      reden: 'niet-ingesteld',
    });

  return {
    fout: (status, melding, headers) => fout(status, koppen[status] ?? 'Er ging iets mis', melding, { headers }),
    onverwacht: () => `Er ging iets mis bij het verwerken van je afmelding. ${NIET_AFGEMELD}`,
    async verwerk() {
      const alle = await deps.bijeenkomsten();
      const contacten = new Set([...alle.values()].map((b) => b.contact));
      if (contacten.size === 1) gedeeldContact = [...contacten][0];
      const vind = (slug: string | undefined) => {
        const data = slug ? alle.get(slug) : undefined;
        return slug && data ? { slug, data } : undefined;
      };

      const velden = await v.invoer();
      // Only a cancellation may take its link from the Referer (a post without JavaScript); asking the name never does.
      const vanPagina = doel === 'afmelden' ? uitReferer(v.req, v.eigenOrigins) : {};
      const token = tekst(velden.t) || vanPagina.token || '';
      // Only to name the right organiser if the link turns out to be bad; the token decides what is cancelled.
      bijeenkomst = vind(geclaimdeSlug(token) ?? (tekst(velden.bijeenkomst) || vanPagina.slug));

      if (v.vanAndereSite())
        return fout(
          403,
          'Afmelden kan alleen via de website',
          `Afmelden kan alleen met de knop op de afmeldpagina van deze website. ${NIET_AFGEMELD}`,
        );

      const geheim = afmeldGeheim(v.env);
      if ('fout' in geheim) {
        v.log(`Afmelding niet verwerkt: ${logWaarde(geheim.fout)}`);
        return nietIngesteld();
      }
      if (geheim.lokaal) meldLokaalGeheim(v.log);

      const uitkomst =
        token && token.length <= MAX_TOKEN ? leesToken(geheim.geheim, token, deps.nu()) : ({ ok: false, reden: 'onvolledig' } as const);
      if (!uitkomst.ok) {
        v.log(
          `${doel === 'afmelden' ? 'Afmelding' : 'Naam bij afmeldlink'} geweigerd: link ${logWaarde(uitkomst.reden)} (bijeenkomst ${logWaarde(bijeenkomst?.slug ?? null)})`,
        );
        const a = afwijzingen[uitkomst.reden];
        return fout(a.status, a.kop, a.melding, { reden: uitkomst.reden });
      }
      const { slug, gegevens } = uitkomst.afmelding;
      bijeenkomst = vind(slug);
      if (!bijeenkomst) {
        v.log(`Afmelding geweigerd: onbekende bijeenkomst ${logWaarde(slug)}`);
        return fout(
          404,
          'Deze bijeenkomst bestaat niet (meer)',
          `De bijeenkomst uit deze afmeldlink staat niet (meer) op de website. ${NIET_AFGEMELD}`,
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
          { reden: 'afgelopen', hulp: 'Wil je de organisator toch iets laten weten? Beantwoord de bevestigingsmail.' },
        );
      // The name only, as the confirmation greets the person: no address, no waitlist state.
      if (doel === 'naam') return v.gelukt(afmeldPad(slug), { naam: volledigeNaam(gegevens) });

      const route = v.mailroute();
      if (!route) return nietIngesteld();

      const context: AfmeldContext = { slug, bijeenkomst: b, gegevens, organisator: route.organisator(b.contact), van: route.van };
      const verstuurd = await verstuurPaar(
        route.mailer,
        {
          beide: afmeldZending(context),
          organisator: () => afmeldOrganisatorZending(context),
          slug,
          namen: { beide: 'Afmeldmails', organisator: 'Afmeldmail' },
        },
        v.log,
      );
      if (!verstuurd.ok)
        return fout(
          502,
          'Je afmelding is niet doorgekomen',
          `Je afmelding kon niet worden doorgestuurd. ${NIET_AFGEMELD} Probeer het later opnieuw met dezelfde link.`,
          { reden: 'mail' },
        );
      const afgemeld = afgemeldPad(slug);
      return v.gelukt(afgemeld, { status: 'afgemeld', afgemeld });
    },
  };
}

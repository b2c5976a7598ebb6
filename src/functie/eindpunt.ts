import { vanElders } from '../beveiliging/herkomst.ts';
import type { Bijeenkomsten } from '../inhoud/bijeenkomsten-voor-functie.ts';
import type { Omgeving } from '../omgeving.ts';
import { type Antwoorden, antwoordenVoor } from './antwoord.ts';
import { type Invoer, type Invoerregels, leesInvoer, Weigering } from './invoer.ts';
import { logWaarde } from './log.ts';
import { type Herhaling, type Mailer, type Mailroute, mailrouteVoor } from './mailer.ts';
import type { Sjabloon } from './sjabloon.ts';

/**
 * The request layer of the one function: what every endpoint (inschrijven/, afmelden/)
 * shares, so that each holds only its own steps. The layer takes only a POST (or, for a page
 * that only shows something, only a GET), reads the
 * body by the endpoint's rules, answers JSON or a page as the caller wants, tells a post
 * from another site, finds the mail route, and turns a refusal or an unexpected error
 * into the endpoint's own Dutch answer. Env, clock, events and mailer are parameters, so
 * tests and the benchmark call an endpoint in-process; functie.ts passes the real ones.
 */

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

export type Handler = (req: Request) => Promise<Response>;

/** One request as an endpoint's steps see it: its answers, and the layer's shared steps. */
export interface Verzoek extends Antwoorden {
  req: Request;
  env: Omgeving;
  log: (bericht: string) => void;
  /** The origins that are this site's own: its address, and that of the request (a deploy preview, a local server). */
  eigenOrigins: readonly string[];
  /** The body's fields by the endpoint's rules; a body it cannot take (413, 415) is answered by the layer. */
  invoer(): Promise<Invoer>;
  /** Whether a browser posted this from another site (logged if so): any page could make its visitors post. */
  vanAndereSite(): boolean;
  /** How the mails go out, or undefined (logged) when they cannot: the endpoint answers 503. */
  mailroute(): Mailroute | undefined;
}

/** An endpoint: its rules for the layer, and its own steps. */
export interface Eindpunt {
  /** What the log calls one request: 'Inschrijving', 'Afmelding'. */
  wat: string;
  /** What the person was doing, in the log line of an unexpected error: 'inschrijven', 'afmelden'. */
  bij: string;
  invoer: Invoerregels;
  /** The one method it takes: POST (the default), or GET for a page that only shows something. */
  methode?: 'GET' | 'POST';
  /** The message for any other method (405). */
  andereMethode: string;
  /** For each request: the endpoint's steps, and its error answer from what they found so far. */
  behandel(v: Verzoek): Behandeling;
}

export interface Behandeling {
  verwerk(): Promise<Response>;
  /** The endpoint's error answer with this status and message (JSON or its page). */
  fout(status: number, melding: string, headers?: Record<string, string>): Response;
  /** The message of a 500: nothing about what broke, everything about what the person can do now. */
  onverwacht(): string;
}

/** The environment as the endpoints read it: the runtime's variables, and CONTEXT from the build where the runtime has none. */
function omgevingVan(deps: Afhankelijkheden): Omgeving {
  return (naam) => deps.env(naam) ?? (naam === 'CONTEXT' ? deps.bouwContext : undefined);
}

export function maakEindpunt(deps: Afhankelijkheden, eindpunt: Eindpunt): Handler {
  const log = deps.log ?? ((b: string) => console.error(b));
  const env = omgevingVan(deps);
  const antwoorden = antwoordenVoor(deps.sjabloon);
  const site = new URL(deps.site).origin;

  return async (req) => {
    const eigenOrigins = [site, new URL(req.url).origin];
    const v: Verzoek = {
      ...antwoorden(req),
      req,
      env,
      log,
      eigenOrigins,
      invoer: () => leesInvoer(req, eindpunt.invoer),
      vanAndereSite: () => {
        const origin = req.headers.get('origin') ?? undefined;
        const secFetchSite = req.headers.get('sec-fetch-site') ?? undefined;
        if (!vanElders({ origin, secFetchSite }, eigenOrigins)) return false;
        log(
          `${eindpunt.wat} geweigerd: post van een andere site (Origin ${logWaarde(origin ?? null)}, Sec-Fetch-Site ${logWaarde(secFetchSite ?? null)})`,
        );
        return true;
      },
      mailroute: () => {
        const route = mailrouteVoor(env, { mailer: deps.mailer, herhaling: deps.herhaling });
        if (typeof route !== 'string') return route;
        log(`${eindpunt.wat} niet verwerkt: ${logWaarde(route)}`);
        return undefined;
      },
    };
    const behandeling = eindpunt.behandel(v);
    try {
      const methode = eindpunt.methode ?? 'POST';
      if (req.method !== methode) return behandeling.fout(405, eindpunt.andereMethode, { allow: methode });
      return await behandeling.verwerk();
    } catch (e) {
      if (e instanceof Weigering) return behandeling.fout(e.status, e.message);
      log(`Onverwachte fout bij ${eindpunt.bij}: ${logWaarde(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
      return behandeling.fout(500, behandeling.onverwacht());
    }
  };
}

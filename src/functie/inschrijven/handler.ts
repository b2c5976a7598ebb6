import { bedanktPad, bijeenkomstPad, geenBevestigingPad, kalenderPad } from '../../bijeenkomst/paden.ts';
import type { Bijeenkomst } from '../../bijeenkomst/schema.ts';
import { inschrijfStand, kanInschrijven, standTekst } from '../../bijeenkomst/status.ts';
import { afmeldLinkVoorInschrijving } from '../afmelden/token.ts';
import { type Afhankelijkheden, type Behandeling, type Handler, maakEindpunt, type Verzoek } from '../eindpunt.ts';
import type { Invoer } from '../invoer.ts';
import { logWaarde } from '../log.ts';
import { NIET_ONTVANGEN } from '../nadruk.ts';
import { isLokaal } from '../omgeving.ts';
import { verstuurPaar } from '../verzenden.ts';
import { type Aanmelding, controleer, type Fouten, honeypots } from './aanmelding.ts';
import { bedanktAdres } from './bedankt.ts';
import { BEVESTIGINGEN_PER_UUR, type Bevestigingslimiet, maakBevestigingslimiet } from './bevestigingslimiet.ts';
import { foutPagina } from './foutpagina.ts';
import { inschrijfZending, type MailContext, organisatorZending } from './mails.ts';

/**
 * POST /api/inschrijven (contract: ../shared/spec/INSCHRIJVEN.md): a sign-up from the
 * form on an event's page. The request layer (../eindpunt.ts) has read the body; here:
 * the event, the origin, the honeypot, the schema, the registration state, and the two
 * mails, within the confirmation limit.
 */

export const MAX_BYTES = 16 * 1024;

const niet = (adres: string) => `${NIET_ONTVANGEN} Probeer het later opnieuw, of meld je aan per e-mail via ${adres}.`;

export function maakInschrijfHandler(deps: Afhankelijkheden): Handler {
  // Per function instance, for as long as it lives (see bevestigingslimiet.ts).
  const bevestigingen = maakBevestigingslimiet();
  return maakEindpunt(deps, {
    wat: 'Inschrijving',
    bij: 'inschrijven',
    invoer: {
      maxBytes: MAX_BYTES,
      teGroot: 'Je inschrijving is te groot om te verwerken (meer dan 16 kB). Maak de opmerkingen korter en probeer het opnieuw.',
      onleesbaar: 'De inhoud van het formulier kon niet worden gelezen.',
      andereSoort:
        'Deze inschrijving kwam niet binnen zoals het formulier op de website haar verstuurt, en kon daarom niet worden gelezen. Schrijf je in met het formulier op de pagina van de bijeenkomst.',
    },
    andereMethode: 'Inschrijven gaat met het formulier op de pagina van de bijeenkomst.',
    behandel: (v) => inschrijving(v, deps, bevestigingen),
  });
}

/** Only strings can be typed back into a form field. */
function tekstvelden(waarden: Invoer): Record<string, string> {
  const uit: Record<string, string> = {};
  for (const [k, w] of Object.entries(waarden)) if (typeof w === 'string') uit[k] = w;
  return uit;
}

function inschrijving(v: Verzoek, deps: Afhankelijkheden, bevestigingen: Bevestigingslimiet): Behandeling {
  let waarden: Invoer = {};
  let bijeenkomst: { slug: string; data: Bijeenkomst } | undefined;
  const contact = () => bijeenkomst?.data.contact ?? 'de organisator van de bijeenkomst';

  const fout = (status: number, melding: string, fouten?: Fouten, headers?: Record<string, string>): Response =>
    v.mislukt(
      status,
      fouten ? { fouten } : { melding },
      () =>
        foutPagina({
          status,
          melding,
          ...(fouten ? { fouten } : {}),
          ...(bijeenkomst
            ? { bijeenkomst: { slug: bijeenkomst.slug, titel: bijeenkomst.data.titel, contact: bijeenkomst.data.contact } }
            : {}),
          waarden: tekstvelden(waarden),
          formulierTonen: status === 422 || status === 502 || status === 503,
          wachtlijst: bijeenkomst ? inschrijfStand(bijeenkomst.data, deps.nu()).status === 'wachtlijst' : false,
        }),
      headers,
    );

  // `bevestiging` (additive to the contract): whether the person's confirmation went out; if not, the
  // bedankt page says so, by its address, which works without JavaScript and carries nothing personal.
  // Without JavaScript a sign-up whose confirmation went out is shown where it went (bedankt.ts);
  // the JSON answer stays as it was: the form's script shows the address itself.
  const gelukt = (bedankt: string, status: 'ingeschreven' | 'wachtlijst', bevestiging: boolean, persoonlijk?: Aanmelding) =>
    v.gelukt(
      persoonlijk && bevestiging && !v.wilJson && bijeenkomst
        ? bedanktAdres(
            v.env,
            bijeenkomst.slug,
            { email: persoonlijk.email.toLowerCase(), organisatie: persoonlijk.organisatie, wachtlijst: status === 'wachtlijst' },
            deps.nu(),
            bedankt,
          )
        : bedankt,
      { status, bedankt, bevestiging },
    );

  return {
    fout: (status, melding, headers) => fout(status, melding, undefined, headers),
    onverwacht: () => `Er ging iets mis bij het verwerken. ${niet(contact())}`,
    async verwerk() {
      waarden = await v.invoer();
      const alle = await deps.bijeenkomsten();
      const slug = typeof waarden.bijeenkomst === 'string' ? waarden.bijeenkomst.trim() : '';
      const data = alle.get(slug);
      if (data) bijeenkomst = { slug, data };

      if (v.vanAndereSite())
        return fout(
          403,
          `Inschrijven kan alleen met het formulier op deze website. Ga naar de pagina van de bijeenkomst, of meld je aan per e-mail via ${contact()}.`,
        );

      // Honeypots (the contract's `website`, the form's `vangnet`): a bot gets what a person would,
      // and nothing is sent. Values are logged quoted, never raw.
      if (honeypots.some((veld) => typeof waarden[veld] === 'string' && waarden[veld].trim() !== '')) {
        v.log(`Inschrijving genegeerd: honeypot ingevuld (bijeenkomst ${logWaarde(slug.slice(0, 100))})`);
        // The same answer a person gets, down to the page with the address, where the values would pass.
        const alsPersoon = controleer(waarden);
        return gelukt(data ? bedanktPad(slug) : '/', 'ingeschreven', true, alsPersoon.ok ? alsPersoon.aanmelding : undefined);
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

      // Only a deploy preview's bundle holds drafts (src/inhoud/concepten.ts), and a preview may well
      // have the real mail key: a sign-up there stops here, after every check the live site makes.
      // 409 as for a closed event: the event's state allows no sign-up; not a 2xx (nothing was
      // received), not a 5xx (nothing is broken, and trying again changes nothing). Locally the mails
      // go to the outbox, as every sign-up's there.
      if (bijeenkomst.data.concept === true && !isLokaal(v.env))
        return fout(
          409,
          'Dit is een voorbeeld van de site: de bijeenkomst is nog een concept. Er is niets verstuurd, ook niet naar de organisator. ' +
            'Inschrijven kan zodra de bijeenkomst gepubliceerd is, op de echte site.',
        );

      const route = v.mailroute();
      if (!route) return fout(503, `Het inschrijven via de website werkt op dit moment niet. ${niet(bijeenkomst.data.contact)}`);

      const context: MailContext = {
        slug,
        bijeenkomst: bijeenkomst.data,
        aanmelding: a,
        wachtlijst,
        ontvangen: deps.nu(),
        organisator: route.organisator(bijeenkomst.data.contact),
        van: route.van,
        paginaUrl: new URL(bijeenkomstPad(slug), deps.site).href,
        kalenderUrl: new URL(kalenderPad(slug), deps.site).href,
        privacyUrl: new URL('/privacy/', deps.site).href,
        afmeldUrl: afmeldLinkVoorInschrijving({
          env: v.env,
          site: deps.site,
          slug,
          bijeenkomst: bijeenkomst.data,
          aanmelding: a,
          wachtlijst,
          log: v.log,
        }),
      };
      // Every sign-up reaches the organiser, but the form sends no stranger more than a few
      // mails: once the address had its confirmations this hour, the organiser's mail goes alone.
      const beide = inschrijfZending(context);
      const bevestigen = bevestigingen.reserveer(a.email, beide.sleutel, deps.nu());
      if (!bevestigen)
        v.log(
          `Bevestiging niet verstuurd: al ${BEVESTIGINGEN_PER_UUR} in het afgelopen uur naar dit adres (bijeenkomst ${logWaarde(slug)}); alleen de organisatormail`,
        );
      const verstuurd = await verstuurPaar(
        route.mailer,
        {
          beide: bevestigen ? beide : undefined,
          organisator: () => organisatorZending(context, bevestigen ? 'geweigerd' : 'limiet'),
          bijWeigering: () => bevestigingen.geefVrij(a.email, beide.sleutel),
          slug,
          namen: { beide: 'Organisatormail en bevestiging', organisator: 'Organisatormail' },
        },
        v.log,
      );
      if (!verstuurd.ok) return fout(502, `Je inschrijving kon niet worden doorgestuurd. ${niet(bijeenkomst.data.contact)}`);
      return gelukt(
        verstuurd.beide ? bedanktPad(slug) : geenBevestigingPad(slug),
        wachtlijst ? 'wachtlijst' : 'ingeschreven',
        verstuurd.beide,
        a,
      );
    },
  };
}

import { createHash } from 'node:crypto';
import type { Bijeenkomst } from '../../bijeenkomst/schema.ts';
import { datumVoluit } from '../../bijeenkomst/tijd.ts';
import { titelInZin } from '../../bijeenkomst/titel.ts';
import { labelVan } from '../../components/inschrijfformulier/formulier.ts';
import { ORGANISATIE } from '../../site.ts';
import { volledigeNaam } from '../inschrijven/aanmelding.ts';
import { type Blok, eenRegel, type Mail, naarHtml, naarTekst, type Zending } from '../mail.ts';
import type { AfmeldGegevens } from './token.ts';

/**
 * The two mails of a cancellation: to the organiser ("Afmelding: <name> – <title>",
 * reply-to the person) and a short confirmation to the person (reply-to the organiser).
 * Like the sign-up's mails they depend only on the link and the event, never on the
 * moment, so the same cancellation always gives the same mails and the same key:
 * confirming twice sends one pair (Resend's idempotency, and the outbox's).
 */

export interface AfmeldContext {
  slug: string;
  bijeenkomst: Bijeenkomst;
  gegevens: AfmeldGegevens;
  /** Where the organiser mail goes: the event's contact, or INSCHRIJVING_AAN. */
  organisator: string;
  van: string;
}

/**
 * What the organiser does with a cancellation of a sign-up. The site counts no places, so
 * it cannot say that one came free; only that the event is marked full, if it is.
 */
function deelnemerslijst(voornaam: string, b: Bijeenkomst): string {
  const vol =
    b.inschrijving.status === 'wachtlijst'
      ? ' Op de website staat de bijeenkomst als vol: bied de plek zo nodig aan iemand van de wachtlijst aan.'
      : '';
  return `Haal ${voornaam} van de deelnemerslijst.${vol}`;
}

export function afmeldOrganisatorMail(c: AfmeldContext, opties: { bevestigingMee: boolean }): Mail {
  const { gegevens: g, bijeenkomst: b } = c;
  const naam = volledigeNaam(g);
  // Who first, as in the sign-up's subject.
  const onderwerp = eenRegel(`Afmelding: ${naam} – ${b.titel}`);
  // The link says where it came from, not who used it: anyone with the confirmation (a
  // forward, a shared mailbox, a scanner that clicks) can press the button.
  const herkomst = `met de afmeldlink uit de bevestigingsmail die naar ${g.email} is gestuurd.`;
  const geenBewijs = `Dat zegt alleen dat iemand die link had: het is geen bewijs dat ${g.voornaam} zelf op de knop drukte.`;
  const blokken: Blok[] = [
    {
      alinea: g.wachtlijst
        ? `${naam} stond op de wachtlijst voor ${titelInZin(b.titel)} op ${datumVoluit(b)} en is afgemeld ${herkomst} ${geenBewijs} Omdat ${g.voornaam} op de wachtlijst stond, komt er geen plek vrij; haal ${g.voornaam} van de wachtlijst.`
        : `${naam} is afgemeld voor ${titelInZin(b.titel)} op ${datumVoluit(b)}, ${herkomst} ${geenBewijs} ${deelnemerslijst(g.voornaam, b)}`,
    },
    {
      kop: 'Gegevens',
      gegevens: [
        ['Naam', naam],
        [labelVan('email'), g.email],
        ['Status bij inschrijving', g.wachtlijst ? 'wachtlijst' : 'ingeschreven'],
        ['Nieuwe status', 'afgemeld'],
      ],
    },
    {
      alinea: [
        `Beantwoorden gaat rechtstreeks naar ${g.email}.`,
        opties.bevestigingMee
          ? `Tegelijk met deze mail is een bevestiging van de afmelding naar ${g.email} verstuurd.`
          : `Een bevestiging van de afmelding kon niet naar ${g.email} worden verstuurd: laat ${g.voornaam} zelf weten dat de afmelding binnen is.`,
        `Twijfel je of ${g.voornaam} zich echt wil afmelden, vraag het dan na.`,
        'De website bewaart deze afmelding niet: er is geen lijst van afmeldingen buiten deze mails.',
      ].join(' '),
    },
  ];
  return {
    soort: 'organisator',
    van: c.van,
    aan: c.organisator,
    antwoordAan: g.email,
    onderwerp,
    tekst: naarTekst(blokken),
    html: naarHtml(onderwerp, blokken),
  };
}

export function afmeldBevestiging(c: AfmeldContext): Mail {
  const { gegevens: g, bijeenkomst: b } = c;
  const onderwerp = eenRegel(`Afmelding ontvangen: ${b.titel}`);
  const blokken: Blok[] = [
    { alinea: `Beste ${g.voornaam},` },
    {
      alinea: g.wachtlijst
        ? `Je staat niet meer op de wachtlijst voor ${titelInZin(b.titel)} op ${datumVoluit(b)}. We hebben je afmelding per e-mail naar de organisator gestuurd (${c.organisator}).`
        : `Je bent afgemeld voor ${titelInZin(b.titel)} op ${datumVoluit(b)}. We hebben je afmelding per e-mail naar de organisator gestuurd (${c.organisator}).`,
    },
    {
      kop: 'Toch komen?',
      alinea: `Beantwoord deze e-mail; je bericht gaat naar de organisator (${c.organisator}).`,
    },
    { alinea: `Met vriendelijke groet,\n${ORGANISATIE}` },
  ];
  return {
    soort: 'bevestiging',
    van: c.van,
    aan: g.email,
    antwoordAan: c.organisator,
    onderwerp,
    tekst: naarTekst(blokken),
    html: naarHtml(onderwerp, blokken),
  };
}

/**
 * Event + kind + a hash of the person's details and the exact mails: the same
 * cancellation (a second click, a reload, a retry) gives the same key.
 */
function afmeldSleutel(c: AfmeldContext, soort: string, mails: readonly Mail[]): string {
  const g = c.gegevens;
  const hash = createHash('sha256')
    .update(JSON.stringify([c.slug, g.voornaam, g.tussenvoegsel, g.achternaam, g.email.toLowerCase(), g.wachtlijst]))
    .update('\n')
    .update(JSON.stringify(mails))
    .digest('hex')
    .slice(0, 40);
  return `afmelding-${soort}-${c.slug.slice(0, 120)}-${hash}`;
}

/** Both mails as one request, the organiser's first (as for a sign-up: see ../inschrijven/mails.ts). */
export function afmeldZending(c: AfmeldContext): Zending {
  const mails = [afmeldOrganisatorMail(c, { bevestigingMee: true }), afmeldBevestiging(c)];
  return { mails, sleutel: afmeldSleutel(c, 'beide', mails) };
}

/** The organiser's mail alone, for when the mail service refuses the pair. */
export function afmeldOrganisatorZending(c: AfmeldContext): Zending {
  const mails = [afmeldOrganisatorMail(c, { bevestigingMee: false })];
  return { mails, sleutel: afmeldSleutel(c, 'organisator', mails) };
}

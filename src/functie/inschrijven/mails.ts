import { createHash } from 'node:crypto';
import { googleAgendaUrl, outlookAgendaUrl } from '../../bijeenkomst/agendalinks.ts';
import { locatieTekst } from '../../bijeenkomst/locatie.ts';
import { nogNietBekend } from '../../bijeenkomst/nog-niet-bekend.ts';
import type { Bijeenkomst } from '../../bijeenkomst/schema.ts';
import { datumInAmsterdam, datumInCijfers, datumVoluit, tijdVoluit } from '../../bijeenkomst/tijd.ts';
import { titelInZin } from '../../bijeenkomst/titel.ts';
import { functieKeuzes, labelVan } from '../../components/inschrijfformulier/formulier.ts';
import { ORGANISATIE } from '../../site.ts';
import { type Blok, eenRegel, type Mail, naarHtml, naarTekst, type Zending } from '../mail.ts';
import { type Aanmelding, volledigeNaam } from './aanmelding.ts';
import { BEVESTIGINGEN_PER_UUR } from './bevestigingslimiet.ts';

/**
 * The two mails of a sign-up: the function hands them to a Mailer, together, as one
 * request to the mail service (a batch: see ../mailer.ts), written as blocks (../mail.ts).
 * Nothing in a mail depends on the request, and of the moment only its date (the day the
 * sign-up came in, for the organiser's spreadsheet), so the same submission on the same day
 * always gives the same mails, byte for byte: the idempotency key can be derived from them.
 * A time of day would make every retry a new mail, and a retry after a lost answer a second
 * sign-up; the mailbox shows the time anyway.
 */

export interface MailContext {
  slug: string;
  bijeenkomst: Bijeenkomst;
  aanmelding: Aanmelding;
  wachtlijst: boolean;
  /** When the sign-up came in: only its date (in Amsterdam) goes into the mail. */
  ontvangen: Date;
  /** Where the organiser mail goes: the event's contact, or INSCHRIJVING_AAN. */
  organisator: string;
  van: string;
  /** Absolute address of the event page, from the site's configured URL (never from the request). */
  paginaUrl: string;
  /** Absolute address of the event's calendar file (.ics) on the site. */
  kalenderUrl: string;
  /** Absolute address of the privacy statement. */
  privacyUrl: string;
  /** The person's own cancellation link (../afmelden/token.ts), on the site's address; without it, cancelling is replying. */
  afmeldUrl?: string | undefined;
}

/**
 * The submission as the key sees it: every field, trimmed and normalised by the schema,
 * the e-mail address wholly lower-cased, the honeypots and the consent left out (they
 * are the same for every sign-up that gets this far).
 */
function genormaliseerd(a: Aanmelding): string {
  const { website: _honeypot, vangnet: _vangnet, privacy: _toestemming, ...velden } = a;
  const paren = Object.entries({ ...velden, email: a.email.trim().toLowerCase() })
    .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const)
    .filter(([, v]) => v !== undefined && v !== '')
    .sort(([x], [y]) => (x < y ? -1 : 1));
  return JSON.stringify(paren);
}

/**
 * The idempotency key of a request to the mail service: event + kind + a hash of the
 * whole normalised submission and of the exact mails. The identical submission (a double
 * click, a retry, two posts at once) gives the same key, so Resend sends nothing twice
 * within its 24 hours; any other submission from the same address gives another key and
 * reaches the organiser. Because the mails themselves are hashed too, a key never comes
 * back with another body (Resend would refuse that with 409).
 */
export function idempotentieSleutel(slug: string, soort: string, a: Aanmelding, mails: readonly Mail[]): string {
  const hash = createHash('sha256').update(genormaliseerd(a)).update('\n').update(JSON.stringify(mails)).digest('hex').slice(0, 40);
  return `inschrijving-${soort}-${slug.slice(0, 120)}-${hash}`;
}

const leeg = '–';

function functieLabel(waarde: string): string {
  return functieKeuzes.find((k) => k.waarde === waarde)?.label ?? waarde;
}

/** For the organiser: the function, with the person's own words for `anders` (never in the confirmation: free text). */
function functieVoluit(a: Aanmelding): string {
  return a.functieomschrijving ? `${functieLabel(a.functie)}: ${a.functieomschrijving}` : functieLabel(a.functie);
}

function gegevensVan(a: Aanmelding): [string, string][] {
  return [
    ['Naam', volledigeNaam(a)],
    [labelVan('email'), a.email],
    [labelVan('organisatie'), a.organisatie],
    [labelVan('functie'), functieVoluit(a)],
    [labelVan('telefoon'), a.telefoon || leeg],
    [labelVan('dieetwensen'), a.dieetwensen || leeg],
    [labelVan('opmerkingen'), a.opmerkingen || leeg],
  ];
}

function praktisch(b: Bijeenkomst): [string, string][] {
  return [
    ['Datum', datumVoluit(b)],
    ['Tijd', tijdVoluit(b) ?? 'volgt'],
    ['Locatie', locatieTekst(b) ?? 'volgt'],
    // Not "Organisatie": in these mails that is the person's own employer.
    ['Georganiseerd door', b.organisatoren.join(' en ')],
  ];
}

const opsomming = new Intl.ListFormat('nl', { type: 'conjunction' });

/** What went to the organiser and not into the confirmation: only the fields the person filled in. */
function doorgestuurd(a: Aanmelding): string {
  const velden = [
    ['organisatie', a.organisatie],
    ['telefoonnummer', a.telefoon],
    ['dieetwensen', a.dieetwensen],
    ['opmerkingen', a.opmerkingen],
  ]
    .filter(([, waarde]) => waarde)
    .map(([naam]) => naam!);
  return `Je ${opsomming.format(velden)} hebben we doorgestuurd naar de organisator.`;
}

/**
 * What happened to the confirmation: sent with this mail, refused by the mail service,
 * or left out because the address already had its confirmations this hour (bevestigingslimiet.ts).
 */
export type Bevestiging = 'mee' | 'geweigerd' | 'limiet';

function overBevestiging(a: Aanmelding, bevestiging: Bevestiging): string {
  if (bevestiging === 'mee') return `Tegelijk met deze mail is een bevestiging naar ${a.email} verstuurd.`;
  if (bevestiging === 'geweigerd')
    return `Een bevestiging aan ${a.voornaam} kon niet worden verstuurd: laat ${a.voornaam} zelf weten dat de inschrijving binnen is.`;
  return [
    `Er is geen bevestiging naar ${a.email} gestuurd: in het afgelopen uur gingen er al ${BEVESTIGINGEN_PER_UUR} bevestigingen naar dit adres.`,
    'Zo kan niemand het formulier gebruiken om een ander te overspoelen met mail, want iedereen kan elk adres invullen.',
    `Kijk dus of deze inschrijvingen echt zijn, en laat ${a.voornaam} zelf weten dat de inschrijving binnen is.`,
  ].join(' ');
}

export function organisatorMail(c: MailContext, opties: { bevestiging: Bevestiging }): Mail {
  const { aanmelding: a, bijeenkomst: b } = c;
  const naam = volledigeNaam(a);
  // Who first: in a list of subjects the event's title would take the space, and it is the same in every one.
  const onderwerp = eenRegel(`${c.wachtlijst ? 'Wachtlijst' : 'Inschrijving'}: ${naam}, ${a.organisatie} – ${b.titel}`);
  const blokken: Blok[] = [
    {
      alinea: c.wachtlijst
        ? `${naam} heeft zich via de website op de wachtlijst gezet voor ${titelInZin(b.titel)} op ${datumVoluit(b)}. De bijeenkomst is vol: laat ${a.voornaam} weten of er een plek vrijkomt.`
        : `${naam} heeft zich via de website ingeschreven voor ${titelInZin(b.titel)} op ${datumVoluit(b)}.`,
    },
    {
      kop: 'Gegevens',
      gegevens: [...gegevensVan(a), ['Status', c.wachtlijst ? 'wachtlijst' : 'ingeschreven'], ['Toestemming privacyverklaring', 'ja']],
    },
    {
      kop: 'Voor de deelnemerslijst (plak in een spreadsheet)',
      rij: {
        kolommen: [
          'Ontvangen op',
          'Bijeenkomst',
          'Datum bijeenkomst',
          'Status',
          'Voornaam',
          'Tussenvoegsel',
          'Achternaam',
          'E-mailadres',
          'Organisatie',
          'Functie',
          'Telefoon',
          'Dieetwensen',
          'Opmerkingen',
        ],
        waarden: [
          datumInAmsterdam(c.ontvangen),
          b.titel,
          datumInCijfers(b),
          c.wachtlijst ? 'wachtlijst' : 'ingeschreven',
          a.voornaam,
          a.tussenvoegsel ?? '',
          a.achternaam,
          a.email,
          a.organisatie,
          functieVoluit(a),
          a.telefoon ?? '',
          a.dieetwensen ?? '',
          a.opmerkingen ?? '',
        ],
      },
    },
    {
      alinea: [
        `Beantwoorden gaat rechtstreeks naar ${a.email}.`,
        overBevestiging(a, opties.bevestiging),
        'De website bewaart deze inschrijving niet: er is geen lijst van inschrijvingen buiten deze mails.',
      ].join(' '),
    },
  ];
  return {
    soort: 'organisator',
    van: c.van,
    aan: c.organisator,
    antwoordAan: a.email,
    onderwerp,
    tekst: naarTekst(blokken),
    html: naarHtml(onderwerp, blokken),
  };
}

/** One click to cancel, confirmed on the site (../afmelden/handler.ts); replying stays the fallback. */
function afmeldBlokken(c: MailContext): Blok[] {
  if (!c.afmeldUrl) return [];
  return [
    {
      kop: 'Kun je niet komen?',
      alinea:
        'Meld je af met je persoonlijke link hieronder: je bevestigt op de website met één knop. Lukt dat niet, beantwoord dan deze e-mail. Stuur deze e-mail niet door: met de link kan iedereen je afmelden.',
    },
    // The name in the link: from a shared mailbox, each sign-up's link says whose it is.
    { links: [[`${volledigeNaam(c.aanmelding)} afmelden`, c.afmeldUrl]] },
  ];
}

/**
 * While the time or the place is not known: where it will appear. An entry made now in a
 * calendar is a copy, so the person changes it there.
 */
function volgtNog(b: Bijeenkomst, paginaUrl: string): string {
  const onbekend = nogNietBekend(b);
  if (!onbekend) return '';
  return `${onbekend.zin} op de pagina van de bijeenkomst:\n${paginaUrl}\nZet je de bijeenkomst nu al in je agenda, pas ${onbekend.wat} daar dan later aan.`;
}

export function bevestigingsMail(c: MailContext): Mail {
  const { aanmelding: a, bijeenkomst: b } = c;
  const onderwerp = eenRegel(`${c.wachtlijst ? 'Wachtlijst' : 'Bevestiging inschrijving'}: ${b.titel}`);
  const blokken: Blok[] = [
    { alinea: `Beste ${a.voornaam},` },
    {
      alinea: c.wachtlijst
        ? `Bedankt voor je aanmelding voor ${titelInZin(b.titel)}. De bijeenkomst is vol, daarom sta je op de wachtlijst. Je bent dus nog niet zeker van een plek.`
        : `Bedankt voor je inschrijving voor ${titelInZin(b.titel)}. We hebben je inschrijving per e-mail naar de organisator gestuurd (${c.organisator}).`,
    },
    { kop: 'De bijeenkomst', gegevens: praktisch(b) },
    {
      kop: 'Wat gebeurt er nu?',
      alinea: [
        c.wachtlijst ? 'Komt er een plek vrij, dan krijg je daarover een e-mail.' : 'Je hoeft verder niets te doen.',
        volgtNog(b, c.paginaUrl),
      ]
        .filter(Boolean)
        .join('\n'),
    },
    {
      links: [
        ['Meer informatie over de bijeenkomst', c.paginaUrl],
        ['Wat we met je gegevens doen (privacyverklaring)', c.privacyUrl],
      ],
    },
    // Google Calendar on Android cannot open an .ics from Gmail: the links add the entry directly, as on the event page.
    {
      kop: 'Zet de bijeenkomst in je agenda',
      links: [
        ['Google Agenda', googleAgendaUrl(b, c.paginaUrl)],
        ['Outlook', outlookAgendaUrl(b, c.paginaUrl)],
        ['Agendabestand (.ics), voor Apple Agenda en andere agenda’s', c.kalenderUrl],
      ],
    },
    ...afmeldBlokken(c),
    {
      kop: c.afmeldUrl ? 'Iets wijzigen of een vraag?' : 'Afmelden of iets wijzigen?',
      alinea: `Beantwoord deze e-mail; je bericht gaat naar de organisator (${c.organisator}).`,
    },
    // Only what cannot carry someone else's message to a stranger: anyone can type any
    // address, so the organisation, phone and free text go to the organiser, not back here.
    {
      kop: 'Wat je hebt ingevuld',
      gegevens: [
        ['Naam', volledigeNaam(a)],
        [labelVan('email'), a.email],
        [labelVan('functie'), functieLabel(a.functie)],
      ],
    },
    { alinea: doorgestuurd(a) },
    { alinea: `Met vriendelijke groet,\n${ORGANISATIE}` },
  ];
  return {
    soort: 'bevestiging',
    van: c.van,
    aan: a.email,
    antwoordAan: c.organisator,
    onderwerp,
    tekst: naarTekst(blokken),
    html: naarHtml(onderwerp, blokken),
  };
}

/**
 * Both mails of a sign-up as one request: the organiser's first. One request instead of
 * two halves what a sign-up costs of the mail service's rate limit (2 per second for
 * the whole team), and the two arrive or fail together.
 */
export function inschrijfZending(c: MailContext): Zending {
  const mails = [organisatorMail(c, { bevestiging: 'mee' }), bevestigingsMail(c)];
  return { mails, sleutel: idempotentieSleutel(c.slug, 'beide', c.aanmelding, mails) };
}

/**
 * The organiser's mail alone: when the mail service refuses the pair (say, it rejects the
 * person's address), or when the address had its confirmations for this hour.
 */
export function organisatorZending(c: MailContext, waarom: Exclude<Bevestiging, 'mee'>): Zending {
  const mails = [organisatorMail(c, { bevestiging: waarom })];
  return { mails, sleutel: idempotentieSleutel(c.slug, 'organisator', c.aanmelding, mails) };
}

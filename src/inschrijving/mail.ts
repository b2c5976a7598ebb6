import { createHash } from 'node:crypto';
import escapeHtml from 'escape-html';
import { volledigeNaam, type Aanmelding } from './aanmelding.ts';
import type { Bijeenkomst } from './bijeenkomst.ts';
import { functieKeuzes, labelVan } from './formulier.ts';
import { kalenderBestand, locatieTekst } from './kalender.ts';
import { datumVoluit, tijdVoluit } from './tijd.ts';

/**
 * The two mails of a sign-up, as plain data: the function hands them to a Mailer.
 * Each mail is written once as blocks and rendered to text and to HTML, so both
 * parts always say the same.
 */

export type MailSoort = 'organisator' | 'bevestiging';

export interface Bijlage {
  bestandsnaam: string;
  inhoud: string;
  type: string;
}

export interface Mail {
  soort: MailSoort;
  van: string;
  aan: string;
  antwoordAan: string;
  onderwerp: string;
  tekst: string;
  html: string;
  bijlagen: Bijlage[];
  /** The same for every retry and every double submit of this person for this event. */
  idempotentieSleutel: string;
}

export interface MailContext {
  slug: string;
  bijeenkomst: Bijeenkomst;
  aanmelding: Aanmelding;
  wachtlijst: boolean;
  /** Where the organiser mail goes: the event's contact, or INSCHRIJVING_AAN. */
  organisator: string;
  van: string;
  paginaUrl: string;
}

type Blok = { kop?: string; alinea: string } | { kop?: string; gegevens: [string, string][] };

function alsTekst(blokken: Blok[]): string {
  return blokken
    .map((b) => {
      const kop = b.kop ? `${b.kop}\n${'-'.repeat(b.kop.length)}\n` : '';
      const romp = 'alinea' in b ? b.alinea : b.gegevens.map(([k, v]) => `${k}:${v.includes('\n') ? `\n${v}` : ` ${v}`}`).join('\n');
      return kop + romp;
    })
    .join('\n\n')
    .concat('\n');
}

function alsHtml(titel: string, blokken: Blok[]): string {
  const e = escapeHtml;
  const romp = blokken
    .map((b) => {
      const kop = b.kop ? `<h2 style="font-size:18px;margin:24px 0 8px">${e(b.kop)}</h2>` : '';
      if ('alinea' in b) return `${kop}<p style="margin:0 0 12px">${e(b.alinea).replaceAll('\n', '<br>')}</p>`;
      const rijen = b.gegevens
        .map(
          ([k, v]) =>
            `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0;white-space:nowrap">${e(k)}</th><td style="padding:4px 0">${e(v).replaceAll('\n', '<br>')}</td></tr>`,
        )
        .join('');
      return `${kop}<table role="presentation" style="border-collapse:collapse;margin:0 0 12px">${rijen}</table>`;
    })
    .join('\n');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${e(titel)}</title></head><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;max-width:40em">\n${romp}\n</body></html>\n`;
}

/** Subjects are single lines whatever the input: no CR/LF can reach a header. */
function eenRegel(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

/** Event + normalised address + kind: a double submit within Resend's 24 h window sends nothing twice. */
export function idempotentieSleutel(slug: string, email: string, soort: MailSoort): string {
  const hash = createHash('sha256').update(`${slug}\n${email.trim().toLowerCase()}`).digest('hex').slice(0, 40);
  return `inschrijving-${soort}-${hash}`;
}

const leeg = '–';

function functieLabel(waarde: string): string {
  return functieKeuzes.find((k) => k.waarde === waarde)?.label ?? waarde;
}

function gegevensVan(a: Aanmelding): [string, string][] {
  return [
    ['Naam', volledigeNaam(a)],
    [labelVan('email'), a.email],
    [labelVan('organisatie'), a.organisatie],
    [labelVan('functie'), functieLabel(a.functie)],
    [labelVan('telefoon'), a.telefoon || leeg],
    [labelVan('dieetwensen'), a.dieetwensen || leeg],
    [labelVan('opmerkingen'), a.opmerkingen || leeg],
  ];
}

function praktisch(b: Bijeenkomst): [string, string][] {
  return [
    ['Datum', datumVoluit(b.datum)],
    ['Tijd', tijdVoluit(b.begintijd, b.eindtijd) ?? 'volgt'],
    ['Locatie', locatieTekst(b) ?? 'volgt'],
  ];
}

export function organisatorMail(c: MailContext): Mail {
  const { aanmelding: a, bijeenkomst: b } = c;
  const naam = volledigeNaam(a);
  const onderwerp = eenRegel(`${c.wachtlijst ? 'Wachtlijst' : 'Inschrijving'}: ${b.titel} – ${naam}`);
  const blokken: Blok[] = [
    {
      alinea: c.wachtlijst
        ? `${naam} heeft zich via de website op de wachtlijst gezet voor ${b.titel} (${datumVoluit(b.datum)}). De bijeenkomst staat op vol: laat ${a.voornaam} weten of er een plek vrijkomt.`
        : `${naam} heeft zich via de website ingeschreven voor ${b.titel} (${datumVoluit(b.datum)}).`,
    },
    { kop: 'Gegevens', gegevens: [...gegevensVan(a), ['Status', c.wachtlijst ? 'wachtlijst' : 'ingeschreven'], ['Toestemming privacyverklaring', 'ja']] },
    {
      alinea: `Beantwoorden gaat rechtstreeks naar ${a.email}. ${a.voornaam} heeft een bevestiging gekregen met een agenda-item. De website bewaart deze inschrijving niet: deze mail is de enige registratie.`,
    },
  ];
  return {
    soort: 'organisator',
    van: c.van,
    aan: c.organisator,
    antwoordAan: a.email,
    onderwerp,
    tekst: alsTekst(blokken),
    html: alsHtml(onderwerp, blokken),
    bijlagen: [],
    idempotentieSleutel: idempotentieSleutel(c.slug, a.email, 'organisator'),
  };
}

export function bevestigingsMail(c: MailContext): Mail {
  const { aanmelding: a, bijeenkomst: b } = c;
  const onderwerp = eenRegel(`${c.wachtlijst ? 'Wachtlijst' : 'Bevestiging inschrijving'}: ${b.titel}`);
  const nogOnbekend = !b.begintijd || !b.locatie;
  const blokken: Blok[] = [
    { alinea: `Beste ${a.voornaam},` },
    {
      alinea: c.wachtlijst
        ? `Bedankt voor je aanmelding voor ${b.titel}. De bijeenkomst is vol, daarom sta je op de wachtlijst. Je bent dus nog niet zeker van een plek.`
        : `Bedankt voor je inschrijving voor ${b.titel}. De organisatie heeft je inschrijving ontvangen.`,
    },
    { kop: 'De bijeenkomst', gegevens: praktisch(b) },
    {
      kop: 'Wat gebeurt er nu?',
      alinea: [
        c.wachtlijst ? 'Komt er een plek vrij, dan krijg je daarover een e-mail.' : 'Je hoeft verder niets te doen.',
        nogOnbekend ? 'Tijd en locatie zijn nog niet bekend; die hoor je van de organisatie.' : '',
        `In de bijlage (${c.slug}.ics) staat de bijeenkomst als agenda-item.`,
        `Meer informatie: ${c.paginaUrl}`,
      ]
        .filter(Boolean)
        .join('\n'),
    },
    {
      kop: 'Afmelden of iets wijzigen?',
      alinea: `Beantwoord deze e-mail; je bericht gaat naar de organisatie (${c.organisator}).`,
    },
    { kop: 'Wat je hebt ingevuld', gegevens: gegevensVan(a) },
    { alinea: `Met vriendelijke groet,\n${b.organisatoren.join(' en ')}` },
  ];
  return {
    soort: 'bevestiging',
    van: c.van,
    aan: a.email,
    antwoordAan: c.organisator,
    onderwerp,
    tekst: alsTekst(blokken),
    html: alsHtml(onderwerp, blokken),
    bijlagen: [{ bestandsnaam: `${c.slug}.ics`, inhoud: kalenderBestand(c.slug, b, c.paginaUrl), type: 'text/calendar; charset=utf-8; method=PUBLISH' }],
    idempotentieSleutel: idempotentieSleutel(c.slug, a.email, 'bevestiging'),
  };
}

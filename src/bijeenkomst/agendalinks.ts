import { locatieTekst } from './locatie.ts';
import type { Bijeenkomst } from './schema.ts';
import { begin, einde } from './status.ts';
import { datumVoluit, markeringenVoorMoment, TIJDZONE, tijdVoluit, volgendeDag } from './tijd.ts';

/**
 * The links that add a bijeenkomst to Google Calendar and Outlook, on the event page
 * (ZetInAgenda.astro) and in the confirmation mail: the same two functions, with the
 * entry's title and text that the .ics file (kalender.ts) uses too. This module does
 * without the iCalendar writer, so the sign-up function's bundle does too.
 */

export type Agendapunt = Pick<
  Bijeenkomst,
  'titel' | 'samenvatting' | 'datum' | 'begintijd' | 'eindtijd' | 'locatie' | 'contact' | 'inschrijving' | 'onbevestigd'
>;

/**
 * The entry's title: the event's, with "(jaar nog te bevestigen)" and the like when its
 * date or time is not confirmed. A calendar shows the entry on a fixed day and hour; the
 * title is what it shows with it, so that is where the doubt has to be.
 */
export function agendaTitel(b: Agendapunt): string {
  return [b.titel, ...markeringenVoorMoment(b)].join(' ');
}

/** The entry's text: what is not yet confirmed, in the site's words, then the summary and the page. */
export function agendaTekst(b: Agendapunt, paginaUrl: string): string {
  const onzeker = [
    ...(b.onbevestigd.includes('jaar') || b.onbevestigd.includes('datum') ? [`Datum: ${datumVoluit(b)}`] : []),
    ...(b.onbevestigd.includes('tijd') ? [`Tijd: ${tijdVoluit(b)}`] : []),
    ...(b.onbevestigd.includes('locatie') ? [`Locatie: ${locatieTekst(b)}`] : []),
  ];
  return [...(onzeker.length > 0 ? [onzeker.join('\n')] : []), b.samenvatting, paginaUrl].join('\n\n');
}

/** Without a start time the bijeenkomst is an all-day entry on its date. */
export function heleDag(b: Agendapunt): boolean {
  return !b.begintijd;
}

export const compact = (s: string) => s.replaceAll('-', '').replaceAll(':', '');

/** Google Calendar's "add event" link; all-day as DATE/DATE with an exclusive end. */
export function googleAgendaUrl(b: Agendapunt, paginaUrl: string): string {
  const datums = heleDag(b)
    ? `${compact(b.datum)}/${compact(volgendeDag(b.datum))}`
    : `${compact(b.datum)}T${compact(b.begintijd!)}00/${compact(b.datum)}T${compact(b.eindtijd ?? b.begintijd!)}00`;
  const p = new URLSearchParams({
    action: 'TEMPLATE',
    text: agendaTitel(b),
    dates: datums,
    ctz: TIJDZONE,
    details: agendaTekst(b, paginaUrl),
  });
  const locatie = locatieTekst(b);
  if (locatie) p.set('location', locatie);
  return `https://calendar.google.com/calendar/render?${p}`;
}

/** Outlook on the web's compose link; times as local ISO, which Outlook reads in the user's zone. */
export function outlookAgendaUrl(b: Agendapunt, paginaUrl: string): string {
  const p = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: agendaTitel(b),
    body: agendaTekst(b, paginaUrl),
  });
  if (heleDag(b)) {
    p.set('startdt', b.datum);
    p.set('enddt', volgendeDag(b.datum));
    p.set('allday', 'true');
  } else {
    p.set('startdt', begin(b).toISOString());
    p.set('enddt', einde(b).toISOString());
  }
  const locatie = locatieTekst(b);
  if (locatie) p.set('location', locatie);
  return `https://outlook.office.com/calendar/0/deeplink/compose?${p}`;
}

import { locatieTekst } from './locatie.ts';
import type { Bijeenkomst } from './schema.ts';
import { begin, einde } from './status.ts';
import { TIJDZONE, volgendeDag } from './tijd.ts';

/**
 * The links that add a bijeenkomst to Google Calendar and Outlook, on the event page
 * (ZetInAgenda.astro) and in the confirmation mail: the same two functions. The .ics file
 * is kalender.ts; this module does without its iCalendar writer, so the sign-up function's
 * bundle does too.
 */

export type Agendapunt = Pick<
  Bijeenkomst,
  'titel' | 'samenvatting' | 'datum' | 'begintijd' | 'eindtijd' | 'locatie' | 'contact' | 'inschrijving'
>;

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
    text: b.titel,
    dates: datums,
    ctz: TIJDZONE,
    details: `${b.samenvatting}\n\n${paginaUrl}`,
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
    subject: b.titel,
    body: `${b.samenvatting}\n\n${paginaUrl}`,
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

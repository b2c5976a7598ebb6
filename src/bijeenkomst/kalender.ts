import ical, { ICalCalendarMethod, type ICalDayJsStub } from 'ical-generator';
import { locatieTekst } from './locatie.ts';
import type { Bijeenkomst } from './schema.ts';
import { begin, einde } from './status.ts';
import { datumVoluit, markeringenVoorMoment, naarInstant, TIJDZONE, tijdVoluit, volgendeDag, wandklokInAmsterdam } from './tijd.ts';

/**
 * The calendar entry of a bijeenkomst: the .ics download on the site (which the
 * confirmation mail links to) and the Google and Outlook links all come from here.
 */

/**
 * Europe/Amsterdam under the EU rules that apply since 1996. Calendar clients need the
 * rules inside the file to place TZID times; ical-generator asks for them by name.
 */
const VTIMEZONE_AMSTERDAM = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'X-LIC-LOCATION:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZNAME:CEST',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZNAME:CET',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

type Agendapunt = Pick<
  Bijeenkomst,
  'titel' | 'samenvatting' | 'datum' | 'begintijd' | 'eindtijd' | 'locatie' | 'contact' | 'inschrijving' | 'onbevestigd'
>;

/**
 * The entry's title: the event's, with "(jaar nog te bevestigen)" and the like when its
 * date or time is not confirmed. A calendar shows the entry on a fixed day and hour; the
 * title is what it shows with it, so that is where the doubt has to be.
 */
function agendaTitel(b: Agendapunt): string {
  return [b.titel, ...markeringenVoorMoment(b)].join(' ');
}

/** The entry's text: what is not yet confirmed, in the site's words, then the summary and the page. */
function agendaTekst(b: Agendapunt, paginaUrl: string): string {
  const onzeker = [
    ...(b.onbevestigd.includes('jaar') || b.onbevestigd.includes('datum') ? [`Datum: ${datumVoluit(b)}`] : []),
    ...(b.onbevestigd.includes('tijd') ? [`Tijd: ${tijdVoluit(b)}`] : []),
    ...(b.onbevestigd.includes('locatie') ? [`Locatie: ${locatieTekst(b)}`] : []),
  ];
  return [...(onzeker.length > 0 ? [onzeker.join('\n')] : []), b.samenvatting, paginaUrl].join('\n\n');
}

/** Without a start time the bijeenkomst is an all-day entry on its date. */
function heleDag(b: Agendapunt): boolean {
  return !b.begintijd;
}

/** The same UID in every download and mail, so calendars update the entry instead of adding one. */
export function kalenderUid(slug: string): string {
  return `bijeenkomst-${slug}@vpng.nl`;
}

const compact = (s: string) => s.replaceAll('-', '').replaceAll(':', '');

/**
 * An instant as ical-generator's date-library interface (the one it knows from dayjs), reading
 * the Amsterdam wall clock: it asks for the value in the event's zone and formats it with
 * `YYYYMMDD` and `HHmmss`. Spares the function a date library for two strings.
 */
function inAmsterdam(instant: Date): ICalDayJsStub {
  const { datum, tijd } = wandklokInAmsterdam(instant);
  const waarde: ICalDayJsStub = {
    isValid: () => true,
    tz: (zone) => {
      if (zone !== TIJDZONE) throw new Error(`calendar time asked in ${zone ?? 'no zone'}; only ${TIJDZONE} is written`);
      return waarde;
    },
    format: (opmaak) => {
      if (opmaak === 'YYYYMMDD') return compact(datum);
      if (opmaak === 'HHmmss') return compact(tijd);
      throw new Error(`unknown date format ${opmaak ?? '(none)'}`);
    },
    toDate: () => instant,
    toJSON: () => instant.toISOString(),
  };
  return waarde;
}

export function kalenderBestand(slug: string, b: Agendapunt, paginaUrl: string): string {
  const kalender = ical({
    prodId: { company: 'VPNG', product: 'Opgavegericht besturen', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
    name: b.titel,
    timezone: { name: TIJDZONE, generator: (tz) => (tz === TIJDZONE ? VTIMEZONE_AMSTERDAM : null) },
  });
  const locatie = locatieTekst(b);
  kalender.createEvent({
    id: kalenderUid(slug),
    summary: agendaTitel(b),
    description: agendaTekst(b, paginaUrl),
    url: paginaUrl,
    // ical-generator writes a native Date in the process's zone; an Amsterdamse value is
    // written as Amsterdam dates and wall-clock times (with TZID), wherever this runs.
    ...(heleDag(b)
      ? {
          start: inAmsterdam(naarInstant({ datum: b.datum })),
          end: inAmsterdam(naarInstant({ datum: volgendeDag(b.datum) })),
          allDay: true,
        }
      : { start: inAmsterdam(begin(b)), end: inAmsterdam(einde(b)), timezone: TIJDZONE }),
    ...(locatie ? { location: locatie } : {}),
    organizer: { name: 'VPNG', email: b.contact },
  });
  return kalender.toString();
}

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

import ical, { ICalCalendarMethod, type ICalDayJsStub } from 'ical-generator';
import { type Agendapunt, agendaTekst, agendaTitel, compact, heleDag } from './agendalinks.ts';
import { locatieTekst } from './locatie.ts';
import { begin, einde } from './status.ts';
import { naarInstant, TIJDZONE, volgendeDag, wandklokInAmsterdam } from './tijd.ts';

/**
 * The calendar entry of a bijeenkomst as the .ics download on the site (which the
 * confirmation mail links to). Its title and text, and the Google and Outlook links, are in
 * agendalinks.ts, apart from the iCalendar writer, so the sign-up function can put the
 * links in its mail without it.
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

/** The same UID in every download and mail, so calendars update the entry instead of adding one. */
export function kalenderUid(slug: string): string {
  return `bijeenkomst-${slug}@vpng.nl`;
}

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

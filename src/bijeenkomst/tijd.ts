import type { Bijeenkomst, OnbevestigdFeit } from './schema.ts';

/**
 * Dates and times of bijeenkomsten. Editors write wall-clock times in Dutch time;
 * everything that needs an instant (state, calendar, JSON-LD) converts here, once.
 */
export const TIJDZONE = 'Europe/Amsterdam';

/** A calendar date (`2027-11-04`) with an optional wall-clock time (`13:30`) in Dutch time. */
export interface Moment {
  datum: string;
  tijd?: string | undefined;
}

const onderdelen = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIJDZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Amsterdam is ahead of UTC at the given instant (60 in winter, 120 in summer). */
export function afwijkingInMinuten(instant: Date): number {
  const p = Object.fromEntries(onderdelen.formatToParts(instant).map((d) => [d.type, d.value]));
  const alsUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return Math.round((alsUtc - (instant.getTime() - instant.getMilliseconds())) / 60_000);
}

/** The instant of a wall-clock moment in Amsterdam (midnight when no time is given). */
export function naarInstant({ datum, tijd }: Moment): Date {
  const [j, m, d] = datum.split('-').map(Number) as [number, number, number];
  const [u, min] = (tijd ?? '00:00').split(':').map(Number) as [number, number];
  const alsUtc = Date.UTC(j, m - 1, d, u, min);
  // The offset at the guessed instant is right except within an hour of a DST switch;
  // a second pass settles it.
  const eerste = alsUtc - afwijkingInMinuten(new Date(alsUtc)) * 60_000;
  return new Date(alsUtc - afwijkingInMinuten(new Date(eerste)) * 60_000);
}

/** ISO 8601 with the Amsterdam offset, e.g. `2027-11-04T13:30:00+01:00`. */
export function isoMetAfwijking(moment: Moment): string {
  const instant = naarInstant(moment);
  const min = afwijkingInMinuten(instant);
  const teken = min >= 0 ? '+' : '-';
  const uu = String(Math.floor(Math.abs(min) / 60)).padStart(2, '0');
  const mm = String(Math.abs(min) % 60).padStart(2, '0');
  return `${moment.datum}T${moment.tijd ?? '00:00'}:00${teken}${uu}:${mm}`;
}

/** The wall clock in Amsterdam at an instant: `2027-11-04` and `13:30:00`. */
export function wandklokInAmsterdam(instant: Date): { datum: string; tijd: string } {
  const p = Object.fromEntries(onderdelen.formatToParts(instant).map((d) => [d.type, d.value]));
  return { datum: `${p.year}-${p.month}-${p.day}`, tijd: `${p.hour}:${p.minute}:${p.second}` };
}

/** The calendar date in Amsterdam of an instant, as `YYYY-MM-DD`. */
export function datumInAmsterdam(instant: Date): string {
  return wandklokInAmsterdam(instant).datum;
}

/** The day after a `YYYY-MM-DD` date. */
export function volgendeDag(datum: string): string {
  const [j, m, d] = datum.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(j, m - 1, d + 1)).toISOString().slice(0, 10);
}

const datumNl = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const datumKortNl = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

function alsUtcDatum(datum: string): Date {
  return new Date(`${datum}T00:00:00Z`);
}

/*
 * How an event's date, time and place read, wherever they are shown: pages, cards, mails,
 * the calendar entry, the share image. A fact the editor marked in `onbevestigd` carries
 * "(… nog te bevestigen)" right after it, so nothing unconfirmed ever reads as settled.
 */

/** What of an event these texts need: the facts and which of them are not yet confirmed. */
type Feiten = Pick<Bijeenkomst, 'onbevestigd'>;

/** `(jaar nog te bevestigen)`: the mark after an unconfirmed fact. */
export function markering(feit: OnbevestigdFeit): string {
  return `(${feit} nog te bevestigen)`;
}

/** The mark for `feit` when the event has it unconfirmed. */
function markeringVoor(b: Feiten, feit: OnbevestigdFeit): string | undefined {
  return b.onbevestigd.includes(feit) ? markering(feit) : undefined;
}

const metMarkering = (tekst: string, mark: string | undefined) => (mark ? `${tekst} ${mark}` : tekst);

export interface DatumDelen {
  /** `donderdag 4 november 2027`; without the weekday when the year is not confirmed (the weekday depends on it). */
  tekst: string;
  /** `(jaar nog te bevestigen)` or `(datum nog te bevestigen)`, when that is so. */
  markering?: string;
  /**
   * For `<time datetime>`: the date, or only month and day (`11-04`, HTML's yearless date)
   * while the year is not confirmed; nothing while the date itself is not.
   */
  machine?: string;
}

/** The date of an event in its parts, for markup that shows the mark apart from the date. */
export function datumDelen(b: Feiten & Pick<Bijeenkomst, 'datum'>): DatumDelen {
  if (b.onbevestigd.includes('jaar')) {
    return { tekst: datumKortNl.format(alsUtcDatum(b.datum)), markering: markering('jaar'), machine: b.datum.slice(5) };
  }
  const tekst = datumNl.format(alsUtcDatum(b.datum));
  return b.onbevestigd.includes('datum') ? { tekst, markering: markering('datum') } : { tekst, machine: b.datum };
}

/** `donderdag 4 november 2027`, or `4 november 2027 (jaar nog te bevestigen)`. */
export function datumVoluit(b: Feiten & Pick<Bijeenkomst, 'datum'>): string {
  const { tekst, markering } = datumDelen(b);
  return metMarkering(tekst, markering);
}

/** `2027-11-04`, or `2027-11-04 (jaar nog te bevestigen)`: for the organiser's attendee list. */
export function datumInCijfers(b: Feiten & Pick<Bijeenkomst, 'datum'>): string {
  return metMarkering(b.datum, markeringVoor(b, 'jaar') ?? markeringVoor(b, 'datum'));
}

/** `4 november 2027`: a date that is not an event's, such as when a page was last changed. */
export function datumKort(datum: string): string {
  return datumKortNl.format(alsUtcDatum(datum));
}

/** `13.30 uur`, or `13.30–17.00 uur`, with the mark if the time is not confirmed; undefined when no time is known. */
export function tijdVoluit(b: Feiten & Pick<Bijeenkomst, 'begintijd' | 'eindtijd'>): string | undefined {
  if (!b.begintijd) return undefined;
  const nl = (t: string) => t.replace(':', '.');
  return metMarkering(b.eindtijd ? `${nl(b.begintijd)}–${nl(b.eindtijd)} uur` : `${nl(b.begintijd)} uur`, markeringVoor(b, 'tijd'));
}

/** The marks for the date and time together: what a calendar entry's title carries. */
export function markeringenVoorMoment(b: Feiten): string[] {
  return (['jaar', 'datum', 'tijd'] as const).filter((f) => b.onbevestigd.includes(f)).map(markering);
}

/** The mark after a location, when the location is not confirmed. */
export function locatieMarkering(b: Feiten): string | undefined {
  return markeringVoor(b, 'locatie');
}

import type { Bijeenkomst } from './schema.ts';
import { naarInstant, volgendeDag } from './tijd.ts';

/**
 * Registration state, computed from the frontmatter and a clock. Pages use the build
 * time; the sign-up function uses the request time, so a stale page cannot sign
 * anyone up for a closed event.
 */
export type InschrijfStatus = 'open' | 'wachtlijst' | 'gesloten' | 'afgelopen';
export type Reden = 'redactie' | 'deadline' | 'begonnen';

export interface Stand {
  status: InschrijfStatus;
  /** Why registration is gesloten (undefined for the other states). */
  reden?: Reden | undefined;
}

type Tijden = Pick<Bijeenkomst, 'datum' | 'begintijd' | 'eindtijd' | 'inschrijving'>;

export function begin(b: Tijden): Date {
  return naarInstant({ datum: b.datum, tijd: b.begintijd });
}

/** The end; without an end time the event lasts until the end of its day. */
export function einde(b: Tijden): Date {
  return b.eindtijd ? naarInstant({ datum: b.datum, tijd: b.eindtijd }) : naarInstant({ datum: volgendeDag(b.datum) });
}

export function inschrijfStand(b: Tijden, nu: Date): Stand {
  if (nu >= einde(b)) return { status: 'afgelopen' };
  if (nu >= begin(b)) return { status: 'gesloten', reden: 'begonnen' };
  if (b.inschrijving.status === 'gesloten') return { status: 'gesloten', reden: 'redactie' };
  // "inschrijven tot 1 november" includes 1 November itself.
  if (b.inschrijving.tot && nu >= naarInstant({ datum: volgendeDag(b.inschrijving.tot) })) {
    return { status: 'gesloten', reden: 'deadline' };
  }
  return { status: b.inschrijving.status };
}

export function kanInschrijven(stand: Stand): boolean {
  return stand.status === 'open' || stand.status === 'wachtlijst';
}

/** How the state reads on a page, in one short Dutch sentence. */
export function standTekst(stand: Stand): string {
  switch (stand.status) {
    case 'open':
      return 'De inschrijving is open.';
    case 'wachtlijst':
      return 'De bijeenkomst is vol. Je kunt je inschrijven voor de wachtlijst.';
    case 'afgelopen':
      return 'Deze bijeenkomst is voorbij.';
    case 'gesloten':
      if (stand.reden === 'deadline') return 'De inschrijftermijn is verstreken.';
      if (stand.reden === 'begonnen') return 'De bijeenkomst is begonnen; inschrijven kan niet meer.';
      return 'De inschrijving is gesloten.';
  }
}

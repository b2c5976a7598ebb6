import { logWaarde } from './log.ts';
import type { Zending } from './mail.ts';
import type { Mailer } from './mailer.ts';

/**
 * What every endpoint sends: the organiser's mail and the person's confirmation, in one
 * request to the mail service; if the service refuses the pair (say, the person's
 * address), the organiser's mail alone, so what the person did still reaches the
 * organiser. Nothing reports success unless the organiser's mail was accepted.
 */
export interface Paar {
  /** Both mails, the organiser's first; absent when the person gets no mail this time (then the organiser's alone). */
  beide?: Zending | undefined;
  /** The organiser's mail alone: it says that the person got no confirmation. */
  organisator: () => Zending;
  /** Called when the mail service refuses the pair, before the organiser's mail goes alone. */
  bijWeigering?: () => void;
  /** In the log lines: the event, and what the pair and the organiser's mail are called. */
  slug: string;
  namen: { beide: string; organisator: string };
}

/** Whether the organiser's mail went out, and if so whether the person's confirmation went with it. */
export type Verstuurd = { ok: true; beide: boolean } | { ok: false };

export async function verstuurPaar(mailer: Mailer, p: Paar, log: (bericht: string) => void): Promise<Verstuurd> {
  let verzending = p.beide ? await mailer.verstuur(p.beide) : undefined;
  if (verzending && !verzending.ok && verzending.soort === 'geweigerd') {
    p.bijWeigering?.();
    log(`${p.namen.beide} samen geweigerd voor ${logWaarde(p.slug)}: ${logWaarde(verzending.melding)}; nu de organisatormail alleen`);
    verzending = undefined;
  }
  const beide = verzending !== undefined;
  verzending ??= await mailer.verstuur(p.organisator());
  if (!verzending.ok) {
    log(`${p.namen.organisator} mislukt voor ${logWaarde(p.slug)}: ${logWaarde(verzending.melding)}`);
    return { ok: false };
  }
  return { ok: true, beide };
}

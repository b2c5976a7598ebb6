/**
 * A brake on mail bombing through the sign-up form. Anyone can type any address, so a
 * script can make the site send confirmation after confirmation to a stranger, each
 * submission a little different (another name, another dieetwens) so that no idempotency
 * key stops it. This counts confirmations per recipient and sends at most
 * BEVESTIGINGEN_PER_UUR in any hour; past that the sign-up still reaches the organiser,
 * only the confirmation is left out, and the answer says so.
 *
 * Why three an hour: a person signs up once; a correction (other dieetwensen) or a
 * secretariat signing up a second or third colleague from one shared address stays
 * within it. A fourth sign-up within the hour is rare and loses nothing but the
 * confirmation; a script gets three, not hundreds.
 *
 * Best effort, in memory, per function instance: Netlify runs as many instances as the
 * traffic asks for and starts fresh ones with empty memory, so the real bound is three
 * per instance per hour. docs/ontwikkelaars/inschrijven.md gives the numbers of what remains.
 */

export const BEVESTIGINGEN_PER_UUR = 3;
const UUR_MS = 60 * 60 * 1000;
/** Each address holds at most three short entries: ten thousand is a few megabytes at most. */
const MAX_ADRESSEN = 10_000;

/**
 * The mailbox an address ends up in: lower case (no provider delivers by the case of the
 * local part), without a `+tag` (sub-addressing: Gmail, Outlook, Fastmail and most
 * others deliver victim+1@ to victim@), and for Gmail without dots (Gmail ignores them).
 * Only for counting: the mail goes to the address as given.
 */
export function ontvanger(adres: string): string {
  const klein = adres.trim().toLowerCase();
  const at = klein.lastIndexOf('@');
  let lokaal = klein.slice(0, at);
  let domein = klein.slice(at + 1);
  lokaal = lokaal.split('+')[0]!;
  if (domein === 'googlemail.com') domein = 'gmail.com';
  if (domein === 'gmail.com') lokaal = lokaal.replaceAll('.', '');
  return `${lokaal}@${domein}`;
}

interface Verzonden {
  tijd: number;
  /** The idempotency key of the sign-up's mails: the same key again sends nothing new. */
  sleutel: string;
}

export interface Bevestigingslimiet {
  /**
   * May this sign-up's confirmation go to this address at `nu`? If so, its place is
   * taken (before sending, so two posts at once cannot both take the last place). The
   * same sign-up again (same key) may always: the mail service sends it only once.
   */
  reserveer(adres: string, sleutel: string, nu: Date): boolean;
  /** The confirmation did not go after all (the mail service refused it): its place is free again. */
  geefVrij(adres: string, sleutel: string): void;
  /** How many addresses are remembered now. */
  aantalAdressen(): number;
}

export function maakBevestigingslimiet(o: { perUur?: number; maxAdressen?: number } = {}): Bevestigingslimiet {
  const perUur = o.perUur ?? BEVESTIGINGEN_PER_UUR;
  const maxAdressen = o.maxAdressen ?? MAX_ADRESSEN;
  /** In order of last use (a Map keeps insertion order): the first is the one to forget. */
  const perAdres = new Map<string, Verzonden[]>();

  const bewaar = (sleutel: string, lijst: Verzonden[]) => {
    perAdres.delete(sleutel);
    if (lijst.length > 0) perAdres.set(sleutel, lijst);
    while (perAdres.size > maxAdressen) perAdres.delete(perAdres.keys().next().value!);
  };

  return {
    reserveer(adres, sleutel, nu) {
      const wie = ontvanger(adres);
      const nuMs = nu.getTime();
      const lijst = (perAdres.get(wie) ?? []).filter((v) => nuMs - v.tijd < UUR_MS);
      const mag = lijst.some((v) => v.sleutel === sleutel) || lijst.length < perUur;
      if (mag && !lijst.some((v) => v.sleutel === sleutel)) lijst.push({ tijd: nuMs, sleutel });
      bewaar(wie, lijst);
      return mag;
    },
    geefVrij(adres, sleutel) {
      const wie = ontvanger(adres);
      const lijst = perAdres.get(wie);
      if (lijst)
        bewaar(
          wie,
          lijst.filter((v) => v.sleutel !== sleutel),
        );
    },
    aantalAdressen: () => perAdres.size,
  };
}

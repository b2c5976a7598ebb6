import * as z from 'zod/mini';

/**
 * The one schema for a sign-up (contract: INSCHRIJVEN.md). The sign-up function and the
 * browser script both validate with it. It uses `zod/mini` so the form's script stays
 * small: the full zod API would weigh more than the whole page budget.
 */

export const functies = ['wethouder', 'opgavemanager', 'anders'] as const;

/**
 * Never allowed where a value may reach a mail header or subject: CR, LF, NUL and the
 * other C0/C1 control characters, the Unicode line and paragraph separators (line
 * breaks too), direction overrides and isolates (they make a subject read differently
 * from what it says), zero-width space, word joiner and BOM (invisible names).
 * U+FFFD is what a decoder makes of broken bytes: the person's text did not arrive.
 * Zero-width (non-)joiners stay allowed: some scripts need them inside names.
 */
const stuurteken = /[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffd]/;
/** Half a UTF-16 pair: not a character at all, and not encodable in a mail. */
const losseSurrogaat = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function geenStuurtekens(label: string) {
  return z.refine<string>((s) => !stuurteken.test(s) && !losseSurrogaat.test(s), {
    error: `Gebruik in ${label} geen regeleinden, onzichtbare tekens of andere stuurtekens`,
  });
}

function regel(label: string, max: number, verplicht: boolean) {
  return z.string({ error: `Vul ${label} in` }).check(
    // NFC first: "é" typed as e + accent counts as one character, and mails get one form.
    z.normalize('NFC'),
    z.trim(),
    ...(verplicht ? [z.minLength(1, { error: `Vul ${label} in` })] : []),
    z.maxLength(max, { error: `Gebruik voor ${label} ten hoogste ${max} tekens` }),
    geenStuurtekens(label),
  );
}

function tekst(label: string, max: number) {
  return z.optional(
    z.string({ error: `Vul bij ${label} tekst in` }).check(
      z.normalize('NFC'),
      z.trim(),
      z.maxLength(max, { error: `Gebruik voor ${label} ten hoogste ${max} tekens` }),
      z.refine((s) => !losseSurrogaat.test(s), { error: `Gebruik bij ${label} alleen gewone tekens` }),
    ),
  );
}

/** The local part may hold `+` and capitals; the domain is case-insensitive, so it is stored lower-cased. */
function kleineLettersInDomein(adres: string): string {
  const at = adres.lastIndexOf('@');
  return at < 0 ? adres : adres.slice(0, at) + adres.slice(at).toLowerCase();
}

export const aanmeldingSchema = z.object({
  bijeenkomst: z
    .string({ error: 'Kies een bijeenkomst' })
    .check(z.trim(), z.minLength(1, { error: 'Kies een bijeenkomst' }), z.maxLength(200, { error: 'Kies een bijeenkomst' }), geenStuurtekens('de bijeenkomst')),
  voornaam: regel('je voornaam', 100, true),
  tussenvoegsel: z.optional(regel('het tussenvoegsel', 20, false)),
  achternaam: regel('je achternaam', 100, true),
  email: z.string({ error: 'Vul je e-mailadres in' }).check(
    z.trim(),
    z.minLength(1, { error: 'Vul je e-mailadres in' }),
    z.maxLength(254, { error: 'Gebruik voor je e-mailadres ten hoogste 254 tekens' }),
    z.regex(z.regexes.email, { error: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl' }),
    z.overwrite(kleineLettersInDomein),
  ),
  organisatie: regel('je organisatie', 200, true),
  functie: z.enum(functies, { error: 'Kies je functie' }),
  telefoon: z.optional(
    z.string({ error: 'Vul je telefoonnummer in als tekst, bijvoorbeeld 038 123 45 67' }).check(
      z.trim(),
      z.maxLength(30, { error: 'Gebruik voor je telefoonnummer ten hoogste 30 tekens' }),
      z.regex(/^[0-9 +\-()]*$/, { error: 'Gebruik voor je telefoonnummer alleen cijfers, spaties en + - ( )' }),
    ),
  ),
  dieetwensen: tekst('dieetwensen', 500),
  opmerkingen: tekst('opmerkingen', 2000),
  privacy: z.union([z.literal(true), z.enum(['on', 'ja', 'true'])], {
    error: 'Geef toestemming voor het gebruik van je gegevens',
  }),
  /** Honeypot: people never see it; the function answers a filled one with a success that sends nothing. */
  website: z.optional(z.string({ error: 'Laat dit veld leeg' })),
});

export type Aanmelding = z.output<typeof aanmeldingSchema>;
export type Veldnaam = keyof Aanmelding;
export type Fouten = Partial<Record<Veldnaam, string>>;

export type Uitkomst = { ok: true; aanmelding: Aanmelding } | { ok: false; fouten: Fouten };

/** Validates any input and returns one Dutch message per failing field (the first, in field order). */
export function controleer(invoer: unknown): Uitkomst {
  const r = aanmeldingSchema.safeParse(invoer);
  if (r.success) return { ok: true, aanmelding: r.data };
  const fouten: Fouten = {};
  for (const issue of r.error.issues) {
    const veld = issue.path[0];
    // A non-object body has no path: blame the first field so the person sees something.
    const naam = (typeof veld === 'string' ? veld : 'bijeenkomst') as Veldnaam;
    fouten[naam] ??= issue.message;
  }
  return { ok: false, fouten };
}

/** "Jan van der Berg" */
export function volledigeNaam(a: Pick<Aanmelding, 'voornaam' | 'tussenvoegsel' | 'achternaam'>): string {
  return [a.voornaam, a.tussenvoegsel, a.achternaam].filter(Boolean).join(' ');
}

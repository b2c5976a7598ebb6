import * as z from 'zod/mini';

/**
 * The one schema for a sign-up (contract: INSCHRIJVEN.md). The sign-up function and the
 * browser script both validate with it. It uses `zod/mini` so the form's script stays
 * small: the full zod API would weigh more than the whole page budget.
 */

export const functies = ['wethouder', 'opgavemanager', 'anders'] as const;

/**
 * Characters no field may hold (contract: INSCHRIJVEN.md). People do not see them, but
 * mail clients, summarisers and the organiser's eye are led by them:
 * - control characters (`\p{Cc}`: NUL, ESC, CR, …); only free text keeps newline and tab;
 * - format characters (`\p{Cf}`): direction marks, overrides and isolates (an address that
 *   reads backwards), zero-width characters, soft hyphen, BOM, and the tag block
 *   U+E0000–E007F (hidden text that summarisers read); names keep ZWJ and ZWNJ, which some
 *   scripts need inside a name;
 * - letters and symbols that look like nothing: the Hangul fillers and the Braille blank
 *   (a name of only those signs up with an empty-looking name), the combining grapheme
 *   joiner and variation selectors; the Unicode line and paragraph separators;
 * - U+FFFD, what a decoder makes of broken bytes: the person's text did not arrive.
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: these code points are listed to be refused one by one, not as parts of a character.
const onzichtbaar = /[\p{Cf}\u034f\u115f\u1160\u2028\u2029\u2800\u3164\ufe00-\ufe0f\uffa0\ufffd]|[\u{e0100}-\u{e01ef}]/u;
const ZWJ_ZWNJ = /[\u200c\u200d]/g;
/** Half a UTF-16 pair: not a character at all, and not encodable in a mail. */
const losseSurrogaat = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function geenStuurtekens(label: string, toegestaan: 'niets' | 'zwj' = 'niets') {
  return z.refine<string>(
    (s) => !/\p{Cc}/u.test(s) && !onzichtbaar.test(toegestaan === 'zwj' ? s.replace(ZWJ_ZWNJ, '') : s) && !losseSurrogaat.test(s),
    { error: `Gebruik in ${label} geen regeleinden, onzichtbare tekens of andere stuurtekens` },
  );
}

/**
 * What a name may be. A name reaches a stranger's inbox in the confirmation's greeting,
 * so it takes what Dutch names need (letters with accents, spaces, hyphens, apostrophes,
 * initials with a full stop, tussenvoegsels) and nothing that carries a message: no
 * web address, no @, no digits, no sentence.
 */
function naamRegels(label: string, maxWoorden: number) {
  return z.superRefine<string>((s, ctx) => {
    const fout = (message: string) => ctx.addIssue({ code: 'custom', message, input: s });
    if (s === '') return;
    if (s.includes('@')) return fout(`Vul bij ${label} alleen een naam in, geen e-mailadres`);
    if (/:\/\/|www\.|\p{L}{2,}\.\p{L}{2,6}(?=$|[\s/])/iu.test(s)) return fout(`Vul bij ${label} alleen een naam in, geen webadres`);
    if (/\p{Nd}/u.test(s)) return fout(`Gebruik in ${label} geen cijfers`);
    // biome-ignore lint/suspicious/noMisleadingCharacterClass: ZWJ/ZWNJ and combining marks are allowed each on their own, between letters.
    if (!/^[\p{L}\p{M}\u200c\u200d' ’ʼ.\-‐]+$/u.test(s))
      return fout(`Gebruik in ${label} alleen letters, spaties, koppeltekens, apostroffen en punten`);
    if (!/\p{L}/u.test(s.replace(/[\u3164\u115f\u1160\uffa0]/g, ''))) return fout(`Vul ${label} in met letters`);
    if (/^[\u200c\u200d]|[\u200c\u200d]$|[\u200c\u200d]{2}/.test(s)) return fout(`Gebruik in ${label} geen onzichtbare tekens`);
    // A full stop after a word, then more: a sentence ("collega. Let op …"), not initials ("J. P.").
    if (/\p{L}{2,}\.\s+\S/u.test(s) || s.split(/\s+/).length > maxWoorden)
      return fout(`Vul bij ${label} alleen een naam in, geen zin (ten hoogste ${maxWoorden} woorden)`);
  });
}

function regel(label: string, max: number, verplicht: boolean, naam?: { maxWoorden: number }) {
  return z.string({ error: `Vul ${label} in` }).check(
    // NFC first: "é" typed as e + accent counts as one character, and mails get one form.
    z.normalize('NFC'),
    z.trim(),
    ...(verplicht ? [z.minLength(1, { error: `Vul ${label} in` })] : []),
    z.maxLength(max, { error: `Gebruik voor ${label} ten hoogste ${max} tekens` }),
    geenStuurtekens(label, naam ? 'zwj' : 'niets'),
    ...(naam ? [naamRegels(label, naam.maxWoorden)] : []),
  );
}

function tekst(label: string, max: number) {
  return z.optional(
    z.string({ error: `Vul bij ${label} tekst in` }).check(
      // A textarea posts its line breaks as CR LF: one newline each, before any other check.
      z.overwrite((s) => s.replace(/\r\n/g, '\n')),
      z.normalize('NFC'),
      z.trim(),
      z.maxLength(max, { error: `Gebruik voor ${label} ten hoogste ${max} tekens` }),
      z.refine((s) => !/[^\P{Cc}\n\t]/u.test(s) && !onzichtbaar.test(s) && !losseSurrogaat.test(s), {
        error: `Gebruik bij ${label} gewone tekst: geen onzichtbare tekens of stuurtekens`,
      }),
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
    .check(
      z.trim(),
      z.minLength(1, { error: 'Kies een bijeenkomst' }),
      z.maxLength(200, { error: 'Kies een bijeenkomst' }),
      geenStuurtekens('de bijeenkomst'),
    ),
  voornaam: regel('je voornaam', 100, true, { maxWoorden: 4 }),
  tussenvoegsel: z.optional(regel('het tussenvoegsel', 20, false, { maxWoorden: 3 })),
  achternaam: regel('je achternaam', 100, true, { maxWoorden: 5 }),
  email: z
    .string({ error: 'Vul je e-mailadres in' })
    .check(
      z.trim(),
      z.minLength(1, { error: 'Vul je e-mailadres in' }),
      z.maxLength(254, { error: 'Gebruik voor je e-mailadres ten hoogste 254 tekens' }),
      z.regex(z.regexes.email, { error: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl' }),
      z.overwrite(kleineLettersInDomein),
    ),
  organisatie: regel('je organisatie', 200, true),
  functie: z.enum(functies, { error: 'Kies je functie' }),
  telefoon: z.optional(
    z
      .string({ error: 'Vul je telefoonnummer in als tekst, bijvoorbeeld 038 123 45 67' })
      .check(
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

import * as z from 'zod/mini';

/**
 * The one schema for a sign-up (contract: ../shared/spec/INSCHRIJVEN.md). The sign-up
 * function and the form's browser script (src/components/inschrijfformulier/script.ts,
 * which loads it lazily) both validate with it. It uses `zod/mini` so that script stays
 * small: the full zod API would weigh more than the whole page budget.
 */

export const functies = ['wethouder', 'opgavemanager', 'anders'] as const;

/**
 * Characters no field may hold. The contract (../shared/spec/INSCHRIJVEN.md) refuses control
 * characters in single-line fields; this goes further. People do not see them, but
 * mail clients, summarisers and the organiser's eye are led by them:
 * - control characters (`\p{Cc}`: NUL, ESC, CR, …); only free text keeps newline and tab;
 * - format characters (`\p{Cf}`) and everything else Unicode calls default-ignorable
 *   (`\p{DI}`: drawn as nothing): direction marks, overrides and isolates (an address that
 *   reads backwards), zero-width characters, soft hyphen, BOM, the tag block
 *   U+E0000–E0FFF (hidden text that summarisers read), the combining grapheme joiner,
 *   variation selectors (also the Mongolian ones), the Khmer inherent vowels and the
 *   Hangul fillers (a name of only those signs up with an empty-looking name); names keep
 *   ZWJ and ZWNJ, which some scripts need inside a name;
 * - the Braille blank, and the Unicode line and paragraph separators;
 * - U+FFFD, what a decoder makes of broken bytes: the person's text did not arrive.
 */
const onzichtbaar = /[\p{Cf}\p{DI}\u2028\u2029\u2800\ufffd]/u;
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
 * Titles a Dutch name may carry with a full stop, lower case: the degrees of the Wet op het
 * hoger onderwijs (bc., ing., mr., ir., drs., dr.), professor and dominee.
 */
const TITELS = new Set(['bc', 'ing', 'mr', 'ir', 'drs', 'dr', 'prof', 'ds']);

/**
 * Looks like a web address: a scheme, `www.`, or a dot with a letter before it and two
 * letters after it (`t.co`, `evil.com.`, `prijzen.amsterdam`). The dot may be one of those
 * Unicode's confusables list reads as a full stop or middle dot, and the ideographic and
 * full-width stops that browsers read as dots in a host name.
 */
const webachtig =
  /:\/\/|www\.|[\p{L}\p{M}][.\u00b7\u0387\u0701\u0702\u1427\u16eb\u2022\u2024\u2027\u2219\u22c5\u2e31\u3002\u30fb\ua4f8-\ua4fd\ua60e\ua78f\uff0e\uff61\uff65\u{10101}\u{10a50}\u{1d16d}]\p{L}\p{M}*\p{L}/iu;
/** Of those, the ones that are letters or marks (Lisu tone letters, Canadian final middle dot, sinological dot, augmentation dot). */
const puntachtigeLetter = /[\u1427\ua4f8-\ua4fd\ua78f\u{1d16d}]/u;

type Soort = 'letter' | 'accent' | 'zwj' | ' ' | '-' | "'" | '.';
type Bouwfout = 'accent' | 'accenten' | 'zwj' | '-' | "'" | '.';

function soort(teken: string): Soort {
  if (teken === ' ' || teken === '.') return teken;
  if (teken === '-' || teken === '\u2010') return '-';
  if (teken === "'" || teken === '’' || teken === 'ʼ') return "'";
  if (teken === '\u200c' || teken === '\u200d') return 'zwj';
  return /\p{M}/u.test(teken) ? 'accent' : 'letter';
}

/**
 * Reads a name that holds only letters, marks, ZWJ/ZWNJ, spaces, hyphens, apostrophes and
 * full stops, once from left to right: the number of words, or what is built wrong.
 * - a mark sits on a letter, at most two on one letter;
 * - ZWJ/ZWNJ only between two letters;
 * - a hyphen between two letters (Anne-Marie), or with a space on both sides between two
 *   words (Berg - de Boer);
 * - an apostrophe between two letters (D'Artagnan), or in front of 't or 's as a word of
 *   its own ('s-Gravesande, in 't);
 * - a full stop after an initial (one letter, or the Dutch IJ) or a title; after it comes
 *   a space, the end, or the next initial (A.J.).
 * Every part between spaces and hyphens counts as a word; titles do not, and initials
 * written together (A.J.M.) count as one.
 */
function bouw(naam: string): Bouwfout | number {
  const tekens = [...naam];
  const soorten = tekens.map(soort);
  let woorden = 0;
  let woordBegin = 0;
  let letters = 0;
  let accenten = 0;
  for (let i = 0; i < tekens.length; i++) {
    const vorige = soorten[i - 1];
    const volgende = soorten[i + 1];
    const tussenLetters = (vorige === 'letter' || vorige === 'accent') && volgende === 'letter';
    switch (soorten[i]) {
      case 'letter':
        if (vorige === undefined || vorige === ' ' || vorige === '-' || vorige === '.') {
          if (vorige === '.') {
            // Straight after a full stop only the next initial: A.J. (a longer word there is caught as a web address).
            let na = i + 1;
            while (soorten[na] === 'accent') na++;
            if (soorten[na] !== undefined && soorten[na] !== ' ' && soorten[na] !== '.') return '.';
          } else woorden++;
          woordBegin = i;
          letters = 0;
        }
        letters++;
        accenten = 0;
        break;
      case 'accent':
        if (vorige !== 'letter' && vorige !== 'accent') return 'accent';
        if (++accenten > 2) return 'accenten';
        break;
      case 'zwj':
        if (!tussenLetters) return 'zwj';
        break;
      case '-':
        if (!tussenLetters && !(vorige === ' ' && volgende === ' ' && soorten[i - 2] !== '-')) return '-';
        break;
      case "'":
        if (tussenLetters) break;
        if (
          (vorige === undefined || vorige === ' ' || vorige === '-') &&
          /^[st]$/i.test(tekens[i + 1] ?? '') &&
          [undefined, ' ', '-'].includes(soorten[i + 2])
        ) {
          woorden++;
          woordBegin = i;
          letters = 0;
          break;
        }
        return "'";
      case '.': {
        if (vorige !== 'letter' && vorige !== 'accent') return '.';
        const woord = tekens.slice(woordBegin, i).join('').toLowerCase();
        if (TITELS.has(woord)) woorden--;
        else if (letters !== 1 && woord !== 'ij') return '.';
        break;
      }
    }
  }
  return woorden;
}

/**
 * What a name may be, by construction: only what Dutch names need (letters with accents,
 * spaces, hyphens, apostrophes, initials and titles with a full stop, tussenvoegsels) and
 * nothing that carries a message. A name reaches a stranger's inbox in the
 * confirmation's greeting. What is refused gets the reason: an e-mail or web address,
 * digits, a sentence, or the sign that is out of place.
 */
function naamRegels(label: string, maxWoorden: number) {
  return z.superRefine<string>((s, ctx) => {
    const fout = (message: string) => ctx.addIssue({ code: 'custom', message, input: s });
    if (s === '') return;
    if (s.includes('@')) return fout(`Vul bij ${label} alleen een naam in, geen e-mailadres`);
    if (webachtig.test(s)) return fout(`Vul bij ${label} alleen een naam in, geen webadres`);
    if (/\p{N}/u.test(s)) return fout(`Gebruik in ${label} geen cijfers`);
    if (puntachtigeLetter.test(s)) return fout(`Gebruik in ${label} een gewone punt (.)`);
    // biome-ignore lint/suspicious/noMisleadingCharacterClass: ZWJ/ZWNJ and combining marks are allowed each on their own, between letters.
    if (/[^\p{L}\p{M}\u200c\u200d' ’ʼ.\-‐]/u.test(s))
      return fout(`Gebruik in ${label} alleen letters, spaties, koppeltekens, apostroffen en punten`);
    if (!/\p{L}/u.test(s)) return fout(`Vul ${label} in met letters`);
    const uitkomst = bouw(s);
    if (typeof uitkomst === 'number') {
      if (uitkomst > maxWoorden) fout(`Vul bij ${label} alleen een naam in, geen zin (ten hoogste ${maxWoorden} woorden)`);
      return;
    }
    fout(
      {
        accent: `Zet een accent in ${label} altijd op een letter`,
        accenten: `Gebruik in ${label} ten hoogste twee accenten op één letter`,
        zwj: `Gebruik in ${label} geen onzichtbare tekens`,
        '-': `Zet een koppelteken in ${label} tussen twee woorden, zoals Anne-Marie of Berg - de Boer`,
        "'": `Zet een apostrof in ${label} tussen twee letters, zoals D'Artagnan, of in 't en 's`,
        '.': `Een punt mag in ${label} alleen na een voorletter of een titel (zoals drs.)`,
      }[uitkomst],
    );
  });
}

function regel(label: string, max: number, verplicht: boolean, naam?: { maxWoorden: number }) {
  return z.string({ error: `Vul ${label} in` }).check(
    // NFC first: "é" typed as e + accent counts as one character, and mails get one form.
    z.normalize('NFC'),
    z.trim(),
    // In a name, two spaces in a row are one: nobody means two, and nobody sees them.
    ...(naam ? [z.overwrite((s: string) => s.replace(/ {2,}/g, ' '))] : []),
    ...(verplicht ? [z.minLength(1, { error: `Vul ${label} in` })] : []),
    // Too long: that message alone, and no pattern runs on up to 16 kB of text.
    z.maxLength(max, { error: `Gebruik voor ${label} ten hoogste ${max} tekens`, abort: true }),
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
      z.maxLength(max, { error: `Gebruik voor ${label} ten hoogste ${max} tekens`, abort: true }),
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
      z.maxLength(200, { error: 'Kies een bijeenkomst', abort: true }),
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
      z.maxLength(254, { error: 'Gebruik voor je e-mailadres ten hoogste 254 tekens', abort: true }),
      z.regex(z.regexes.email, { error: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl' }),
      z.overwrite(kleineLettersInDomein),
    ),
  organisatie: regel('je organisatie', 200, true),
  functie: z.enum(functies, { error: 'Kies je functie' }),
  /** Only with functie `anders`: which function, in the person's words (an addition to the contract; optional). */
  functieomschrijving: z.optional(regel('je functie', 100, false)),
  telefoon: z.optional(
    z
      .string({ error: 'Vul je telefoonnummer in als tekst, bijvoorbeeld 038 123 45 67' })
      .check(
        z.trim(),
        z.maxLength(30, { error: 'Gebruik voor je telefoonnummer ten hoogste 30 tekens', abort: true }),
        z.regex(/^[0-9 +\-()]*$/, { error: 'Gebruik voor je telefoonnummer alleen cijfers, spaties en + - ( )' }),
      ),
  ),
  dieetwensen: tekst('dieetwensen', 500),
  opmerkingen: tekst('opmerkingen', 2000),
  privacy: z.union([z.literal(true), z.enum(['on', 'ja', 'true'])], {
    error: 'Geef toestemming voor het gebruik van je gegevens',
  }),
  /**
   * Honeypots: people never see them; the function answers a filled one with a success that
   * sends nothing. `website` is the contract's; the form's own is `vangnet`, a name no
   * browser or password manager fills in (they do fill a field called website).
   */
  website: z.optional(z.string({ error: 'Laat dit veld leeg' })),
  vangnet: z.optional(z.string({ error: 'Laat dit veld leeg' })),
});

/** The honeypot fields: filled means a bot (see the schema). */
export const honeypots = ['website', 'vangnet'] as const;

export type Aanmelding = z.output<typeof aanmeldingSchema>;
export type Veldnaam = keyof Aanmelding;
export type Fouten = Partial<Record<Veldnaam, string>>;

export type Uitkomst = { ok: true; aanmelding: Aanmelding } | { ok: false; fouten: Fouten };

/**
 * Which function only means something with `anders`: a value left behind after choosing
 * another (the field is hidden then) is neither checked nor kept.
 */
function zonderLosseOmschrijving(invoer: unknown): unknown {
  if (!invoer || typeof invoer !== 'object' || Array.isArray(invoer) || (invoer as { functie?: unknown }).functie === 'anders')
    return invoer;
  const { functieomschrijving: _los, ...rest } = invoer as Record<string, unknown>;
  return rest;
}

/** Validates any input and returns one Dutch message per failing field (the first, in field order). */
export function controleer(invoer: unknown): Uitkomst {
  const r = aanmeldingSchema.safeParse(zonderLosseOmschrijving(invoer));
  if (r.success) {
    const { functieomschrijving, ...rest } = r.data;
    return { ok: true, aanmelding: functieomschrijving ? { ...rest, functieomschrijving } : rest };
  }
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

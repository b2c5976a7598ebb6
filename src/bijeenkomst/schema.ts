import * as z from 'zod/mini';

/**
 * The frontmatter of a bijeenkomst (src/content/bijeenkomsten/*.md). Pages, the
 * sign-up function and the calendar all read events through this one schema. It uses
 * `zod/mini` so the sign-up function only bundles the checks it uses; Astro's content
 * collections take any zod 4 schema.
 */

/** A calendar day as the files write it; the CMS (src/redactie/config.ts) recognises date fields by it. */
export const datumPatroon = /^\d{4}-\d{2}-\d{2}$/;
/** A time of day, `13:30`; the CMS recognises time fields by it. */
export const tijdPatroon = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A calendar day, `2027-11-04`: a day that is not in the calendar (2027-02-30) is a
 * mistake, never another day. YAML may turn `2027-11-04` into a Date and editors may
 * quote it; both become `2027-11-04`. Also used for a page's `bijgewerkt`.
 */
export const datum = z.pipe(
  z.transform((v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v)),
  z
    .string({
      error: (i) => (i.input === undefined ? 'ontbreekt: de dag van de bijeenkomst' : 'moet een datum zijn, bijvoorbeeld 2027-11-04'),
    })
    .check(
      // abort: a text that is no date at all gets one message, not a second about the calendar.
      z.regex(datumPatroon, { error: 'moet een datum zijn als jjjj-mm-dd, bijvoorbeeld 2027-11-04', abort: true }),
      z.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
        error: 'bestaat niet in de kalender; schrijf bijvoorbeeld 2027-11-04',
      }),
    ),
);

const tijd = z
  .string({ error: 'moet een tijd zijn tussen aanhalingstekens, bijvoorbeeld "13:30"' })
  .check(z.regex(tijdPatroon, { error: 'moet een tijd zijn als uu:mm, bijvoorbeeld "13:30"' }));

const email = z.email({
  error: (i) => (i.input === undefined ? 'ontbreekt: het e-mailadres voor vragen' : 'moet een e-mailadres zijn, bijvoorbeeld naam@vpng.nl'),
});

/** "ontbreekt" only when the field is absent; a field of the wrong kind gets `anders`. */
const verplicht =
  (ontbreekt: string, anders = 'moet tekst zijn') =>
  (i: { input?: unknown }) =>
    i.input === undefined ? `ontbreekt: ${ontbreekt}` : anders;
const nietLeeg = { error: 'mag niet leeg zijn' } as const;
/** Not empty: at least one character. */
const gevuld = (schema: z.ZodMiniString) => schema.check(z.minLength(1, nietLeeg));

/** For a group of fields: names an unknown field, else says `anders` (the group is missing or not a group). */
export const onbekendVeld =
  (anders?: string) =>
  (i: z.core.$ZodRawIssue): string | undefined =>
    i.code === 'unrecognized_keys' ? `onbekend veld: ${i.keys.join(', ')}` : anders;

/**
 * `concept: true`: a draft. `astro dev` shows it with a banner; the build and the
 * deployed sign-up function leave it out (src/inhoud/lader.ts, src/inhoud/bijeenkomsten-voor-functie.ts).
 */
export const concept = z.optional(z.boolean({ error: 'moet true (nog niet publiceren) of false (publiceren) zijn' }));

export const inschrijfStatussen = ['open', 'wachtlijst', 'gesloten'] as const;

/**
 * The facts of a bijeenkomst that can be on the site before they are confirmed. Each one
 * marked in `onbevestigd` is shown everywhere with "(… nog te bevestigen)"
 * (src/bijeenkomst/tijd.ts), and the content check lists it as an open item.
 */
export const onbevestigdeFeiten = ['jaar', 'datum', 'tijd', 'locatie'] as const;
export type OnbevestigdFeit = (typeof onbevestigdeFeiten)[number];

export const bijeenkomstSchema = z
  .strictObject(
    {
      titel: z.string({ error: verplicht('geef de bijeenkomst een titel') }).check(z.trim(), z.minLength(1, nietLeeg)),
      samenvatting: z
        .string({ error: verplicht('schrijf één of twee zinnen over de bijeenkomst') })
        .check(z.trim(), z.minLength(1, nietLeeg), z.maxLength(300, { error: 'is te lang: houd het onder 300 tekens' })),
      datum,
      begintijd: z.optional(tijd),
      eindtijd: z.optional(tijd),
      locatie: z.optional(
        z.strictObject(
          {
            naam: gevuld(z.string({ error: verplicht('de naam van de locatie') })),
            adres: z.optional(z.string({ error: 'moet tekst zijn' })),
            plaats: gevuld(z.string({ error: verplicht('de plaats') })),
          },
          { error: onbekendVeld('moet naam en plaats hebben, elk op een eigen regel') },
        ),
      ),
      /** Facts shown before they are confirmed, e.g. `[jaar]`: everywhere they appear, the site says so. */
      onbevestigd: z._default(
        z.array(z.enum(onbevestigdeFeiten, { error: 'kent alleen jaar, datum, tijd en locatie' }), {
          error: 'moet een lijst zijn, bijvoorbeeld [jaar]',
        }),
        [],
      ),
      vorm: z._default(z.enum(['fysiek', 'online'], { error: 'moet "fysiek" of "online" zijn' }), 'fysiek'),
      sprekers: z._default(
        z.array(
          z.strictObject(
            {
              naam: gevuld(z.string({ error: verplicht('de naam van de spreker') })),
              rol: gevuld(z.string({ error: verplicht('de rol van de spreker, bijvoorbeeld "directeur VPNG"') })),
            },
            { error: onbekendVeld('moet een naam en een rol hebben') },
          ),
          { error: 'moet een lijst zijn van sprekers met naam en rol' },
        ),
        [],
      ),
      organisatoren: z
        .array(gevuld(z.string({ error: 'moet een naam zijn' })), {
          error: verplicht('noem ten minste één organisator', 'moet een lijst zijn, bijvoorbeeld [VPNG, Wethoudersvereniging]'),
        })
        .check(z.minLength(1, { error: 'noem ten minste één organisator' })),
      doelgroep: gevuld(z.string({ error: verplicht('voor wie is de bijeenkomst?') })),
      contact: email,
      inschrijving: z.strictObject(
        {
          status: z.enum(inschrijfStatussen, { error: 'moet "open", "wachtlijst" of "gesloten" zijn' }),
          tot: z.optional(datum),
        },
        { error: onbekendVeld('ontbreekt: geef inschrijving.status (open, wachtlijst of gesloten)') },
      ),
      concept,
    },
    { error: onbekendVeld() },
  )
  .check(
    z.superRefine((b, ctx) => {
      if (b.eindtijd && !b.begintijd) {
        ctx.addIssue({
          code: 'custom',
          path: ['begintijd'],
          message: 'ontbreekt: een eindtijd vraagt ook een begintijd',
        });
      }
      if (b.begintijd && b.eindtijd && b.eindtijd <= b.begintijd) {
        ctx.addIssue({
          code: 'custom',
          path: ['eindtijd'],
          message: `ligt niet na de begintijd (${b.begintijd})`,
        });
      }
      const gemeld = new Set<OnbevestigdFeit>();
      for (const feit of b.onbevestigd) {
        if (gemeld.has(feit))
          ctx.addIssue({ code: 'custom', path: ['onbevestigd'], message: `noemt ${feit} twee keer; één keer is genoeg` });
        gemeld.add(feit);
      }
      if (gemeld.has('jaar') && gemeld.has('datum')) {
        ctx.addIssue({
          code: 'custom',
          path: ['onbevestigd'],
          message: 'noemt jaar én datum: kies datum als de hele dag nog niet vaststaat, jaar als alleen het jaar nog niet vaststaat',
        });
      }
      if (gemeld.has('tijd') && !b.begintijd) {
        ctx.addIssue({
          code: 'custom',
          path: ['onbevestigd'],
          message: 'noemt tijd, maar er is geen begintijd: zonder tijd toont de site al "Volgt"; haal tijd weg of vul begintijd in',
        });
      }
      if (gemeld.has('locatie') && !b.locatie) {
        ctx.addIssue({
          code: 'custom',
          path: ['onbevestigd'],
          message: 'noemt locatie, maar er is geen locatie: zonder locatie toont de site al "Volgt"; haal locatie weg of vul locatie in',
        });
      }
      if (b.inschrijving.tot && b.inschrijving.tot > b.datum) {
        ctx.addIssue({
          code: 'custom',
          path: ['inschrijving', 'tot'],
          message: `ligt na de datum van de bijeenkomst (${b.datum}); kies een dag op of vóór die datum`,
        });
      }
    }),
  );

export type Bijeenkomst = z.output<typeof bijeenkomstSchema>;

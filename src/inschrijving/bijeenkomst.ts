import * as z from 'zod';

/**
 * The frontmatter of a bijeenkomst (src/content/bijeenkomsten/*.md). Pages, the
 * sign-up function and the calendar all read events through this one schema.
 */

const datumPatroon = /^\d{4}-\d{2}-\d{2}$/;
const tijdPatroon = /^([01]\d|2[0-3]):[0-5]\d$/;

/** YAML turns `2027-11-04` into a Date; editors may also quote it. Both become `2027-11-04`. */
const datum = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string({
      error: (i) => (i.input === undefined ? 'ontbreekt: de dag van de bijeenkomst' : 'moet een datum zijn, bijvoorbeeld 2027-11-04'),
    })
    // abort: a text that is no date at all gets one message, not a second about the calendar.
    .regex(datumPatroon, { error: 'moet een datum zijn als jjjj-mm-dd, bijvoorbeeld 2027-11-04', abort: true })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: 'bestaat niet in de kalender; schrijf bijvoorbeeld 2027-11-04',
    }),
);

const tijd = z
  .string({ error: 'moet een tijd zijn tussen aanhalingstekens, bijvoorbeeld "13:30"' })
  .regex(tijdPatroon, { error: 'moet een tijd zijn als uu:mm, bijvoorbeeld "13:30"' });

const email = z.email({
  error: (i) => (i.input === undefined ? 'ontbreekt: het e-mailadres voor vragen' : 'moet een e-mailadres zijn, bijvoorbeeld naam@vpng.nl'),
});

/** "ontbreekt" only when the field is absent; a field of the wrong kind gets `anders`. */
const verplicht =
  (ontbreekt: string, anders = 'moet tekst zijn') =>
  (i: { input?: unknown }) =>
    i.input === undefined ? `ontbreekt: ${ontbreekt}` : anders;
const nietLeeg = { error: 'mag niet leeg zijn' } as const;

/** For a group of fields: names an unknown field, else says `anders` (the group is missing or not a group). */
export const onbekendVeld =
  (anders?: string) =>
  (i: z.core.$ZodRawIssue): string | undefined =>
    i.code === 'unrecognized_keys' ? `onbekend veld: ${i.keys.join(', ')}` : anders;

export const inschrijfStatussen = ['open', 'wachtlijst', 'gesloten'] as const;

export const bijeenkomstSchema = z
  .strictObject(
    {
      titel: z
        .string({ error: verplicht('geef de bijeenkomst een titel') })
        .trim()
        .min(1, nietLeeg),
      samenvatting: z
        .string({ error: verplicht('schrijf één of twee zinnen over de bijeenkomst') })
        .trim()
        .min(1, nietLeeg)
        .max(300, { error: 'is te lang: houd het onder 300 tekens' }),
      datum,
      begintijd: tijd.optional(),
      eindtijd: tijd.optional(),
      locatie: z
        .strictObject(
          {
            naam: z.string({ error: verplicht('de naam van de locatie') }).min(1, nietLeeg),
            adres: z.string({ error: 'moet tekst zijn' }).optional(),
            plaats: z.string({ error: verplicht('de plaats') }).min(1, nietLeeg),
          },
          { error: onbekendVeld('moet naam en plaats hebben, elk op een eigen regel') },
        )
        .optional(),
      vorm: z.enum(['fysiek', 'online'], { error: 'moet "fysiek" of "online" zijn' }).default('fysiek'),
      sprekers: z
        .array(
          z.strictObject(
            {
              naam: z.string({ error: verplicht('de naam van de spreker') }).min(1, nietLeeg),
              rol: z.string({ error: verplicht('de rol van de spreker, bijvoorbeeld "directeur VPNG"') }).min(1, nietLeeg),
            },
            { error: onbekendVeld('moet een naam en een rol hebben') },
          ),
          { error: 'moet een lijst zijn van sprekers met naam en rol' },
        )
        .default([]),
      organisatoren: z
        .array(z.string({ error: 'moet een naam zijn' }).min(1, nietLeeg), {
          error: verplicht('noem ten minste één organisator', 'moet een lijst zijn, bijvoorbeeld [VPNG, Wethoudersvereniging]'),
        })
        .min(1, { error: 'noem ten minste één organisator' }),
      doelgroep: z.string({ error: verplicht('voor wie is de bijeenkomst?') }).min(1, nietLeeg),
      contact: email,
      inschrijving: z.strictObject(
        {
          status: z.enum(inschrijfStatussen, { error: 'moet "open", "wachtlijst" of "gesloten" zijn' }),
          tot: datum.optional(),
        },
        { error: onbekendVeld('ontbreekt: geef inschrijving.status (open, wachtlijst of gesloten)') },
      ),
    },
    { error: onbekendVeld() },
  )
  .superRefine((b, ctx) => {
    if (b.eindtijd && !b.begintijd) {
      ctx.addIssue({ code: 'custom', path: ['begintijd'], message: 'ontbreekt: een eindtijd vraagt ook een begintijd' });
    }
    if (b.begintijd && b.eindtijd && b.eindtijd <= b.begintijd) {
      ctx.addIssue({ code: 'custom', path: ['eindtijd'], message: `ligt niet na de begintijd (${b.begintijd})` });
    }
    if (b.inschrijving.tot && b.inschrijving.tot > b.datum) {
      ctx.addIssue({
        code: 'custom',
        path: ['inschrijving', 'tot'],
        message: `ligt na de datum van de bijeenkomst (${b.datum}); kies een dag op of vóór die datum`,
      });
    }
  });

export type Bijeenkomst = z.output<typeof bijeenkomstSchema>;

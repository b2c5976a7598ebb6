import * as z from 'zod/mini';
import { bijeenkomstSchema, concept, datum, onbekendVeld } from '../bijeenkomst/schema.ts';

/**
 * The frontmatter schemas of every content collection, free of Astro so that
 * src/content.config.ts and the editors' content check (src/inhoud/controle.ts)
 * validate with the very same rules. All of them in zod/mini, like the event schema
 * (src/bijeenkomst/schema.ts) and the sign-up schema: one style for every schema.
 */

const titel = z
  .string({ error: (i) => (i.input === undefined ? 'ontbreekt: geef de pagina een titel' : 'moet tekst zijn') })
  .check(z.trim(), z.minLength(1, { error: 'mag niet leeg zijn' }));

const samenvatting = z
  .string({
    error: (i) => (i.input === undefined ? 'ontbreekt: schrijf één of twee zinnen over de pagina' : 'moet tekst zijn'),
  })
  .check(z.trim(), z.minLength(1, { error: 'mag niet leeg zijn' }), z.maxLength(300, { error: 'is te lang: houd het onder 300 tekens' }));

/** A chapter of the inspiration guide "Opgavegericht werken"; `volgorde` sets its place in the table of contents. */
export const gidsSchema = z.strictObject(
  {
    titel: titel.check(z.maxLength(90, { error: 'is te lang voor de inhoudsopgave: houd het onder 90 tekens' })),
    samenvatting,
    volgorde: z
      .number({
        error: (i) => (i.input === undefined ? 'ontbreekt: de plaats van het hoofdstuk in de gids' : 'moet een getal zijn'),
      })
      .check(z.refine(Number.isInteger, { error: 'moet een heel getal zijn', abort: true }), z.positive({ error: 'moet 1 of hoger zijn' })),
    concept,
  },
  { error: onbekendVeld() },
);

/** A plain page such as /wat-doen-we/, /privacy/ or /toegankelijkheid/. */
export const paginaSchema = z.strictObject(
  {
    titel,
    samenvatting,
    // The same calendar check as an event's date: 2027-02-30 is a mistake, not 2 March.
    bijgewerkt: z.optional(datum),
    /** What the page says that VPNG still has to confirm, one short sentence each; the page shows the list. */
    onbevestigd: z._default(
      z.array(
        z.string({ error: 'moet tekst zijn: één korte zin per punt' }).check(z.trim(), z.minLength(1, { error: 'mag niet leeg zijn' })),
        { error: 'moet een lijst zijn, elk punt op een eigen regel met "- " ervoor' },
      ),
      [],
    ),
    concept,
  },
  { error: onbekendVeld() },
);

/** Each folder under src/content/ with the schema of its Markdown files. */
export const inhoudSchemas = {
  bijeenkomsten: bijeenkomstSchema,
  gids: gidsSchema,
  paginas: paginaSchema,
} as const;

export type Collectie = keyof typeof inhoudSchemas;

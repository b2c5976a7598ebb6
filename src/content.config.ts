import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { bijeenkomstSchema } from './inschrijving/bijeenkomst.ts';

/** Events: one Markdown file per bijeenkomst; the file name is the slug in the URL. */
const bijeenkomsten = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/bijeenkomsten' }),
  schema: bijeenkomstSchema,
});

/**
 * Chapters of the inspiration guide "Opgavegericht werken". The file name is the
 * chapter's address (/gids/<bestandsnaam>/); `volgorde` sets the order of the table
 * of contents and of the previous/next links (src/lib/gids.ts checks it is unique).
 */
const gids = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/gids' }),
  schema: z.strictObject(
    {
      titel: z
        .string({ error: 'ontbreekt: geef het hoofdstuk een titel' })
        .trim()
        .min(1, { error: 'mag niet leeg zijn' })
        .max(90, { error: 'is te lang voor de inhoudsopgave: houd het onder 90 tekens' }),
      samenvatting: z
        .string({ error: 'ontbreekt: schrijf één of twee zinnen over wat de lezer in dit hoofdstuk leert' })
        .trim()
        .min(1, { error: 'mag niet leeg zijn' })
        .max(300, { error: 'is te lang: houd het onder 300 tekens' }),
      volgorde: z
        .number({ error: 'moet een getal zijn, bijvoorbeeld 3 (de plek in de inhoudsopgave)' })
        .int({ error: 'moet een heel getal zijn, bijvoorbeeld 3' })
        .positive({ error: 'moet 1 of hoger zijn' }),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `onbekend veld: ${issue.keys.join(', ')}` : undefined) },
  ),
});

/** Plain pages such as /wat-doen-we/, /privacy/ and /toegankelijkheid/. */
const paginas = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/paginas' }),
  schema: z.strictObject({
    titel: z.string().min(1),
    samenvatting: z.string().min(1).max(300),
    bijgewerkt: z.coerce.date().optional(),
  }),
});

export const collections = { bijeenkomsten, gids, paginas };

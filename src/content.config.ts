import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { bijeenkomstSchema } from './inschrijving/bijeenkomst.ts';

/** Events: one Markdown file per bijeenkomst; the file name is the slug in the URL. */
const bijeenkomsten = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/bijeenkomsten' }),
  schema: bijeenkomstSchema,
});

/** Chapters of the inspiration guide "Opgavegericht werken", in the order of `volgorde`. */
const gids = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/gids' }),
  schema: z.strictObject({
    titel: z.string().min(1),
    samenvatting: z.string().min(1).max(300),
    volgorde: z.number({ error: 'moet een getal zijn, bijvoorbeeld 3' }).int().positive(),
  }),
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

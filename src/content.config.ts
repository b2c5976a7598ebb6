import { defineCollection } from 'astro:content';
import { inhoudLader } from './inhoud/lader.ts';
import { inhoudSchemas } from './inhoud/schemas.ts';

// The schemas live in src/inhoud/schemas.ts, shared with the editors' content check
// (`npm run check:inhoud`, and before every build), so both apply the same rules. Each
// collection is read by inhoudLader (src/inhoud/lader.ts): the folder's *.md files, read
// with the check's YAML rules, without files the check rejects, and without drafts outside dev.

/** Events: one Markdown file per bijeenkomst; the file name is the slug in the URL. */
const bijeenkomsten = defineCollection({
  loader: inhoudLader('bijeenkomsten'),
  schema: inhoudSchemas.bijeenkomsten,
});

/**
 * Chapters of the inspiration guide "Opgavegericht werken". The file name is the
 * chapter's address (/gids/<bestandsnaam>/); `volgorde` sets the order of the table
 * of contents and of the previous/next links (src/gids/hoofdstukken.ts checks it is unique).
 */
const gids = defineCollection({
  loader: inhoudLader('gids'),
  schema: inhoudSchemas.gids,
});

/** Plain pages such as /wat-doen-we/, /privacy/ and /toegankelijkheid/. */
const paginas = defineCollection({
  loader: inhoudLader('paginas'),
  schema: inhoudSchemas.paginas,
});

export const collections = { bijeenkomsten, gids, paginas };

import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { cspHeaders } from './integraties/csp-headers.ts';
import { inhoudscontrole } from './integraties/inhoudscontrole.ts';
import { inschrijffunctie } from './integraties/inschrijffunctie.ts';
import { kleurTokens } from './integraties/kleur-tokens.ts';
import { kopAnkers } from './integraties/kop-ankers.ts';
import { redactieCms } from './integraties/redactie-cms.ts';
import { scriptsNaWeergave } from './integraties/scripts-na-weergave.ts';
import { terminal } from './integraties/terminal.ts';
import { zonderNoindex } from './integraties/zonder-noindex.ts';
import { omgeving } from './src/omgeving.ts';
import { vanDeSite } from './src/redactie/app-bestanden.ts';

const noindex = zonderNoindex();

/**
 * The site is fully static: `astro build` writes HTML to dist/, and the one Netlify
 * function is bundled beside it into netlify/functions/. No adapter: an adapter without
 * `buildOutput: 'static'` makes Astro switch to server output and emit a catch-all SSR
 * function. Each integration is one file in integraties/.
 */
export default defineConfig({
  // Netlify sets URL during its build; SITE_URL overrides it for another domain.
  site: omgeving('SITE_URL') ?? omgeving('URL') ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // CSS inline in every page: ~2 KB gzip per page instead of a render-blocking request,
  // which on a slow mobile connection costs a round trip before the first paint.
  // The Content-Security-Policy allows each block by its hash (integraties/csp-headers.ts).
  build: { format: 'directory', inlineStylesheets: 'always' },
  // The guide's chapters are long reads: their headings get a link to themselves.
  markdown: { processor: satteri({ hastPlugins: [kopAnkers(new URL('./src/content/gids/', import.meta.url))] }) },
  integrations: [
    // The colour tokens of src/styles/kleuren.ts as CSS custom properties in every page's stylesheet.
    kleurTokens(),
    // Dutch lines for every mistake in the Markdown: stops the build; in dev, on the page.
    inhoudscontrole(),
    // Every page but the 404 (served for unknown paths), the sign-up function's template, the
    // pages a person only reaches after a sign-up or from a personal link, and any other page
    // with noindex (a draft in a deploy preview). The editing UI (/admin/) is not part of the
    // public site either. `noindex` comes first: it notes where the pages are.
    noindex.integratie,
    sitemap({
      filter: (pagina) => {
        const pad = new URL(pagina).pathname;
        return (
          vanDeSite(pad.slice(1)) &&
          !/^\/(404|inschrijven)\b|\/(bedankt|bedankt\/geen-bevestiging|afmelden|afgemeld)\/$/.test(pad) &&
          noindex.magInSitemap(pagina)
        );
      },
    }),
    // Page scripts (the form's) load after the first paint instead of with the HTML. Before
    // cspHeaders: the inline loader it writes is hashed there.
    scriptsNaWeergave(),
    // dist/_headers: the security headers and a CSP with the hash of every inline block.
    cspHeaders(),
    // The sign-up function, bundled for Netlify; served in-process by `astro dev`.
    inschrijffunctie(),
    // The editing UI at /admin/ (Decap CMS): with `npm start`, on the working copy, without an account.
    redactieCms(),
    // `npm start`'s terminal: the Dutch lines that matter to an editor, no upgrade prompt.
    terminal(),
  ],
  devToolbar: { enabled: false },
});

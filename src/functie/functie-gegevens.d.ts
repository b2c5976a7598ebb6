/** What netlify/functie-bouw.ts puts into the function bundle at build time. */
declare module 'inschrijven:gegevens' {
  import type { Bijeenkomst } from '../bijeenkomst/schema.ts';

  const gegevens: {
    /** The site's address (Astro's `site`): links in mails. */
    site: string;
    /** Netlify's CONTEXT during the build, if any. */
    context: string | undefined;
    /** The built page with the site's layout that the function's own pages go in (sjabloon.ts). */
    sjabloon: string | undefined;
    /** Every event in src/content/bijeenkomsten/, by slug. */
    bijeenkomsten: [string, Bijeenkomst][];
  };
  export default gegevens;
}

/** The addresses of a bijeenkomst's pages, used by the site, the function, its mails and the bench. */
export const bijeenkomstPad = (slug: string) => `/bijeenkomsten/${slug}/`;
export const bedanktPad = (slug: string) => `${bijeenkomstPad(slug)}bedankt/`;
export const kalenderPad = (slug: string) => `/bijeenkomsten/${slug}.ics`;

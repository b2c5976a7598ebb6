/** The addresses of the agenda and of a bijeenkomst's pages, used by the site, the function, its mails and the bench. */
export const AGENDA_PAD = '/bijeenkomsten/';
export const bijeenkomstPad = (slug: string) => `${AGENDA_PAD}${slug}/`;
export const bedanktPad = (slug: string) => `${bijeenkomstPad(slug)}bedankt/`;
/** The bedankt page that says no confirmation mail was sent (src/functie/inschrijven/bevestigingslimiet.ts, or the mail service refused it). */
export const geenBevestigingPad = (slug: string) => `${bedanktPad(slug)}geen-bevestiging/`;
/** The bedankt page with the person's own address, made by the function (a sign-up without JavaScript). */
export const bedanktAdresPad = (slug: string) => `${bedanktPad(slug)}adres/`;
export const kalenderPad = (slug: string) => `${AGENDA_PAD}${slug}.ics`;
export const deelbeeldPad = (slug: string) => `${bijeenkomstPad(slug)}deelbeeld.png`;
export const afmeldPad = (slug: string) => `${bijeenkomstPad(slug)}afmelden/`;
export const afgemeldPad = (slug: string) => `${bijeenkomstPad(slug)}afgemeld/`;

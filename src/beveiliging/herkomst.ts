/**
 * Where a request comes from, as the browser says it: one rule for every door that acts on
 * a post (the function's sign-up and afmelden, the CMS's local API in `astro dev`). A
 * browser names the page's origin in `Origin` and tells in `Sec-Fetch-Site` whether it is
 * another site's; any page could otherwise make its visitors' browsers post to us.
 */

/** The headers that say where a request comes from. */
export interface Herkomst {
  host?: string | undefined;
  origin?: string | undefined;
  secFetchSite?: string | undefined;
}

/**
 * Whether a request comes from a page of another origin than `eigen`: an Origin that is
 * not one of them (the browser sends the exact serialisation, so a string comparison;
 * `null` from a sandbox or a redirect is none of them either), Sec-Fetch-Site
 * `cross-site`, or, when `originVerplicht`, no Origin at all. Without Origin a request is
 * not from a page that has one (curl, a server, a script on this computer).
 */
export function vanElders({ origin, secFetchSite }: Herkomst, eigen: readonly string[], originVerplicht = false): boolean {
  if (secFetchSite?.toLowerCase() === 'cross-site') return true;
  if (origin === undefined) return originVerplicht;
  return !eigen.includes(origin);
}

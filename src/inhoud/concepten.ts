import { type Omgeving, omgeving } from '../omgeving.ts';

/**
 * Netlify's deploy contexts of a build that is not the live site: the deploy preview of a
 * pull request (each change saved in the editing UI online is one) and a branch deploy.
 */
const VOORBEELDEN: ReadonlySet<string> = new Set(['deploy-preview', 'branch-deploy']);

/**
 * Whether this build shows drafts (`concept: true`), with their banner and `noindex`: only
 * a Netlify deploy preview or branch deploy, so an editor sees a draft online as it will
 * look before it goes live. Production, `netlify dev`, a build without CONTEXT (a
 * developer's `npm run build`, CI with `netlify deploy`) or any other value: no drafts.
 * Unknown means no: a draft never reaches a site by a missing or mistyped setting.
 * `astro dev` shows drafts on its own terms (src/inhoud/lader.ts).
 */
export function conceptenInBouw(env: Omgeving = omgeving): boolean {
  return VOORBEELDEN.has(env('CONTEXT') ?? '');
}

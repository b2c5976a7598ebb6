import { omgeving } from '../omgeving.ts';

/**
 * "Bewerk deze pagina": a link to the Markdown file of a page in the repository's web
 * editor. One setting, REPO_BEWERK_URL at build time (e.g.
 * https://github.com/<org>/<repo>/edit/main/); unset means no link.
 */
export function bewerkUrl(filePath: string | undefined, basis = omgeving('REPO_BEWERK_URL')): string | undefined {
  if (!basis?.trim() || !filePath) return undefined;
  const map = basis.trim().endsWith('/') ? basis.trim() : `${basis.trim()}/`;
  // filePath is relative to the project root, as in the repository.
  return new URL(
    filePath
      .replace(/^\.?\//, '')
      .split('/')
      .map(encodeURIComponent)
      .join('/'),
    map,
  ).href;
}

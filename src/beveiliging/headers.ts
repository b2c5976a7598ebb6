import { createHash } from 'node:crypto';

/**
 * The security headers of every response of the site: the static pages (written into
 * dist/_headers by the build, integraties/csp-headers.ts) and everything the sign-up
 * function answers (Netlify applies _headers to static files only). One list, so the
 * two cannot drift apart.
 */
export const vasteHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function sha256(tekst: string): string {
  return `'sha256-${createHash('sha256').update(tekst, 'utf8').digest('base64')}'`;
}

/** The policy, given the hashes of every inline script and style the document may run. */
export function contentSecurityPolicy({ scripts, styles }: { scripts: Iterable<string>; styles: Iterable<string> }): string {
  const lijst = (basis: string, hashes: Iterable<string>) => [basis, ...[...new Set(hashes)].sort()].join(' ');
  return [
    "default-src 'self'",
    `script-src ${lijst("'self'", scripts)}`,
    `style-src ${lijst("'self'", styles)}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** For answers that are data, not documents (JSON, redirects): nothing may load or frame them. */
export const dataPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

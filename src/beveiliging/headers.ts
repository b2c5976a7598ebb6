import { createHash } from 'node:crypto';

/** The headers every path shares, the editing UI at /admin/ included. */
export const algemeneHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
};

/**
 * The security headers of every response of the site: the static pages (written into
 * dist/_headers by the build, integraties/csp-headers.ts) and everything the sign-up
 * function answers (Netlify applies _headers to static files only). One list, so the
 * two cannot drift apart.
 */
export const vasteHeaders: Readonly<Record<string, string>> = {
  ...algemeneHeaders,
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * What the editing UI (Decap CMS, /admin/) needs, and nothing the public site gets:
 * - script-src 'unsafe-eval': Decap checks its configuration with ajv, which compiles
 *   its checks with `new Function`;
 * - style-src 'unsafe-inline': its components write their styles as <style> elements;
 * - connect-src api.github.com and img-src avatars.githubusercontent.com: the GitHub
 *   login in production; blob: and data: for the images it shows;
 * - Cross-Origin-Opener-Policy same-origin-allow-popups: the login opens Netlify's
 *   OAuth window, which hands the token back to this page through `window.opener`.
 * Only the UI's own files are scripts: no CDN, no inline script.
 */
export const cmsPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com",
  "font-src 'self' data:",
  "connect-src 'self' https://api.github.com",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

export const cmsHeaders: Readonly<Record<string, string>> = {
  ...algemeneHeaders,
  'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
  'X-Robots-Tag': 'noindex, nofollow',
  'Content-Security-Policy': cmsPolicy,
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

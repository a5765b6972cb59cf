import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer, set by one onSend hook. The directives are written in the
 * shape @fastify/helmet takes (`contentSecurityPolicy.directives`), so adding that plugin
 * later means passing these to it and removing this hook.
 *
 * The web app is built by Vite into files: index.html holds no inline script or style, so
 * scripts come only from Accord itself. Styles also allow 'unsafe-inline', for two reasons the
 * app cannot design away: ECharts writes its tooltips as HTML with style attributes, and the
 * rich-text editor of news and minutes (TipTap) adds its base styles as a <style> element.
 * Inline styles cannot run code; the script policy is what stops injection.
 */

export type Directives = Record<string, string[]>;

/** The web app and every API answer. */
export const APP_DIRECTIVES: Directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Swagger UI at /api/docs loads its scripts from files too, and inserts <style> elements the
 * app's 'unsafe-inline' already allows; only its images are relaxed: its logo and icons are
 * data: URLs.
 */
export const DOCS_DIRECTIVES: Directives = {
  ...APP_DIRECTIVES,
  imgSrc: ["'self'", 'data:'],
};

/** One year: browsers remember that Accord is reached over HTTPS only. */
const HSTS = 'max-age=31536000';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function policyText(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${kebab(name)} ${values.join(' ')}`)
    .join('; ');
}

/** True for Swagger UI's pages: the path of a request's URL, its query string ignored. */
function isDocsUrl(url: string): boolean {
  if (!url.startsWith('/api/docs')) return false;
  const next = url.charAt('/api/docs'.length);
  return next === '' || next === '/' || next === '?';
}

/** The headers of an answer to a request for this path. */
export function securityHeaders(
  path: string,
  options: { secureCookies: boolean },
): Record<string, string> {
  const docs = isDocsUrl(path);
  return {
    'Content-Security-Policy': policyText(docs ? DOCS_DIRECTIVES : APP_DIRECTIVES),
    'X-Content-Type-Options': 'nosniff',
    // Links out (a meeting's join link, a member's website) carry no path of Accord's.
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // For browsers older than frame-ancestors.
    'X-Frame-Options': 'DENY',
    // Only when Accord is reached over HTTPS (secure cookies say so): over plain HTTP the
    // header is ignored, and sent by mistake it would lock browsers out of a plain-HTTP site.
    ...(options.secureCookies ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

/**
 * Registers the hook. Call it first thing on the root instance: hooks reach the plugins and
 * the not-found and framework-error handlers registered after them, not before.
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  options: { secureCookies: boolean },
): void {
  // Worked out once: every answer carries one of two sets (issue 13: not per request).
  const appHeaders = securityHeaders('/', options);
  const docsHeaders = securityHeaders('/api/docs', options);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(isDocsUrl(request.url) ? docsHeaders : appHeaders);
    done(null, payload);
  });
}

/**
 * The addresses of the web app's pages, as patterns (`:name` is one path segment). The server
 * answers 200 with the app's page at these and 404 (still with the page, which shows "not
 * found") anywhere else; the web's router declares the same list (a test compares them).
 */
export const CLIENT_ROUTES: readonly string[] = [
  '/',
  '/signin',
  '/account/password',
  '/account/invitation/:token',
  '/members',
  '/members/:slug',
  '/members/:slug/climate',
  '/members/:slug/climate/targets/new',
  '/members/:slug/climate/targets/:id/edit',
  '/members/:slug/climate/actions/new',
  '/members/:slug/climate/actions/:id/edit',
  '/members/:slug/climate/inventories/:id/edit',
  '/offices',
  '/climate',
  '/bodies',
  '/bodies/:slug',
  '/bodies/:slug/terms/:termId',
  '/bodies/:slug/seats/:id',
  '/meetings',
  '/meetings/:id',
  '/news',
  '/news/:slug',
  '/elections',
  '/elections/:id',
  '/apply',
  '/apply/status/:token',
  '/admin',
  '/admin/governments',
  '/admin/governments/new',
  '/admin/governments/:slug',
  '/admin/duplicates',
  '/admin/duplicates/dismissed',
  '/admin/merges',
  '/admin/people',
  '/admin/users',
  '/admin/audit',
  '/admin/tokens',
  '/admin/applications',
  '/admin/applications/:id',
  '/admin/imports',
  '/admin/elections',
  '/admin/elections/new',
  '/admin/elections/:id',
  '/admin/meetings',
  '/admin/meetings/new',
  '/admin/meetings/:id',
  '/admin/meetings/:id/edit',
  '/admin/mail',
  '/admin/mail/:id',
  '/admin/invoices',
  '/admin/fees',
  '/admin/news',
  '/admin/news/new',
  '/admin/news/:slug',
];

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

const PATTERNS = CLIENT_ROUTES.map(segments);

/**
 * Whether a path (without the query) is one of the app's pages. Matches as the web's router
 * does: letters in any case, with or without a trailing slash.
 */
export function isClientRoute(path: string): boolean {
  const parts = segments(path);
  return PATTERNS.some(
    (pattern) =>
      pattern.length === parts.length &&
      pattern.every((p, i) => p.startsWith(':') || p.toLowerCase() === parts[i]?.toLowerCase()),
  );
}

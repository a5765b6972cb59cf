/**
 * Which methods a path takes, from the routes Fastify registered. Fastify answers a known path
 * with an unknown method as it answers an unknown path (404); HTTP says 405 with an `Allow`
 * header listing the methods that path does take, so a client learns it has the method wrong,
 * not the address.
 */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A route pattern as a regular expression over a request path: `:name` (up to the next `/`,
 * `.` or `-`, as the router reads a parameter's name) matches one non-empty piece of a
 * segment, `*` matches the rest.
 */
function patternToRegExp(url: string): RegExp {
  let source = '';
  for (const part of url.split(/(:[A-Za-z0-9_]+|\*)/)) {
    if (part === '*') source += '.*';
    else if (part.startsWith(':')) source += '[^/]+';
    else source += escapeRegExp(part);
  }
  return new RegExp(`^${source}$`);
}

export class RouteMethods {
  private readonly byUrl = new Map<string, { pattern: RegExp; methods: Set<string> }>();

  /** Records a route as Fastify's onRoute hook reports it. */
  add(method: string | string[], url: string): void {
    let entry = this.byUrl.get(url);
    if (!entry) {
      entry = { pattern: patternToRegExp(url), methods: new Set() };
      this.byUrl.set(url, entry);
    }
    for (const m of Array.isArray(method) ? method : [method]) {
      entry.methods.add(m.toUpperCase());
      // Fastify answers HEAD wherever it answers GET.
      if (m.toUpperCase() === 'GET') entry.methods.add('HEAD');
    }
  }

  /** The methods some route takes at this path (without the query), sorted; [] if none. */
  allowedAt(path: string): string[] {
    const allowed = new Set<string>();
    for (const { pattern, methods } of this.byUrl.values()) {
      if (pattern.test(path)) for (const m of methods) allowed.add(m);
    }
    return [...allowed].sort();
  }
}

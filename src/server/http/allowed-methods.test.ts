import { describe, expect, it } from 'vitest';
import { RouteMethods } from './allowed-methods';

describe('RouteMethods', () => {
  const routes = new RouteMethods();
  routes.add(['GET', 'POST'], '/api/v1/meetings');
  routes.add('GET', '/api/v1/meetings/:id.ics');
  routes.add(['GET', 'PATCH'], '/api/v1/meetings/:id');
  routes.add('PUT', '/api/v1/meetings/:id/agenda');
  routes.add('GET', '/api/docs/*');

  it('lists the methods of every route whose pattern matches the path, HEAD with GET', () => {
    expect(routes.allowedAt('/api/v1/meetings')).toEqual(['GET', 'HEAD', 'POST']);
    expect(routes.allowedAt('/api/v1/meetings/12/agenda')).toEqual(['PUT']);
    expect(routes.allowedAt('/api/v1/meetings/12')).toEqual(['GET', 'HEAD', 'PATCH']);
    // The router would give "12.ics" to the :id route for a PATCH, so PATCH is allowed there.
    expect(routes.allowedAt('/api/v1/meetings/12.ics')).toEqual(['GET', 'HEAD', 'PATCH']);
    expect(routes.allowedAt('/api/docs/static/x.js')).toEqual(['GET', 'HEAD']);
  });

  it('matches a parameter within one segment only, and literal text literally', () => {
    expect(routes.allowedAt('/api/v1/meetings/')).toEqual([]);
    expect(routes.allowedAt('/api/v1/meetings/1/2')).toEqual([]);
    expect(routes.allowedAt('/api/v1/meetingsX')).toEqual([]);
    expect(routes.allowedAt('/api/v1/meetings/12/agendaX')).toEqual([]);
  });
});

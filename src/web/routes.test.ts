import { describe, expect, it } from 'vitest';
import type { RouteObject } from 'react-router';
import { CLIENT_ROUTES, isClientRoute } from '../core/client-routes';
import { pageRoutes } from './routes';

/** Every address the router declares, as full patterns ('*', the not-found page, left out). */
function declared(routes: RouteObject[], parent = ''): string[] {
  return routes.flatMap((route) => {
    if (route.path === '*') return [];
    const full = route.index
      ? parent || '/'
      : route.path === undefined
        ? parent
        : route.path.startsWith('/')
          ? route.path
          : `${parent.replace(/\/$/, '')}/${route.path}`;
    const own = route.index || (route.path !== undefined && route.element) ? [full] : [];
    return [...own, ...declared(route.children ?? [], full)];
  });
}

describe('the web app and the server know the same pages', () => {
  it('lists in CLIENT_ROUTES exactly the addresses the router declares', () => {
    const fromRouter = [...new Set(declared(pageRoutes))].sort();
    expect(fromRouter).toEqual([...new Set(CLIENT_ROUTES)].sort());
  });

  it('matches paths as the router does', () => {
    expect(isClientRoute('/')).toBe(true);
    expect(isClientRoute('/members/seoul')).toBe(true);
    expect(isClientRoute('/members/seoul/')).toBe(true);
    expect(isClientRoute('/Members/Seoul')).toBe(true);
    expect(isClientRoute('/admin/meetings/12/edit')).toBe(true);
    expect(isClientRoute('/apply/status/abc')).toBe(true);
    expect(isClientRoute('/nowhere')).toBe(false);
    expect(isClientRoute('/members/seoul/nothing')).toBe(false);
    expect(isClientRoute('/admin/nothing')).toBe(false);
    expect(isClientRoute('/apply/status')).toBe(false);
  });
});

import type { ComponentType } from 'react';
import { lazyWithNamespaces } from '../i18n/lazy';

/**
 * A page exported by name, loaded when its route is first shown, with its namespaces beside
 * its code (i18n/lazy.ts). The page's code is then a chunk of its own, out of every other
 * page's download; Layout's Suspense boundary holds the frame while it comes.
 */
export function lazyPage<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
  namespaces: readonly string[],
) {
  return lazyWithNamespaces(async () => ({ default: (await load())[name] }), namespaces);
}

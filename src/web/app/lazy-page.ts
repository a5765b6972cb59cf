import { lazy, type ComponentType } from 'react';

/**
 * A page exported by name, loaded when its route is first shown (React.lazy wants a default
 * export). The page's code is then a chunk of its own, out of every other page's download;
 * Layout's Suspense boundary holds the frame while it comes.
 */
export function lazyPage<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

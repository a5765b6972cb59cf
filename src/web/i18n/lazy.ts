import { lazy, type ComponentType } from 'react';
import i18n from './index';

/**
 * A component loaded when first shown (React.lazy), with the catalogs it speaks from: its code
 * and its namespaces are fetched side by side, and it renders only once both have come, so no
 * key is ever shown in place of a word. `namespaces` names every namespace the module and what
 * it imports use (`common` is always loaded; `problems` follows the first page and its readers
 * fall back to the server's words until then); namespace-uses.test.ts checks each list
 * against the code.
 */
export function lazyWithNamespaces<Props extends object>(
  load: () => Promise<{ default: ComponentType<Props> }>,
  namespaces: readonly string[],
) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), i18n.loadNamespaces([...namespaces])]);
    return module;
  });
}

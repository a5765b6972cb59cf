import type { TFunction } from 'i18next';
import type { ImportKind } from './types';

/**
 * An import field's name in the reader's language (imports.fields in the catalogs, the words of
 * the mapping step). A field a catalog lacks is called "Accord field", never shown by its key.
 */
export function importFieldName(t: TFunction, kind: ImportKind, field: string): string {
  return t(`climate:imports.fields.${kind}.${field}`, {
    defaultValue: t('climate:imports.columnMap.field'),
  });
}

/**
 * A layout as people know it: a published one by its translated name, a saved one by the name
 * its author gave it (its id is `saved:NAME`).
 */
export function importLayoutName(t: TFunction, id: string): string {
  if (id.startsWith('saved:')) return id.slice('saved:'.length);
  return t(`climate:imports.layoutNames.${id}`, {
    defaultValue: t('climate:imports.layoutUnknown'),
  });
}

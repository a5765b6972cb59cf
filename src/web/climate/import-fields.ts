import type { TFunction } from 'i18next';
import type { ImportKind } from './types';

/**
 * An import field's name in the reader's language (imports.fields in the catalogs, the words of
 * the mapping step). A field a catalog lacks is called "Accord field", never shown by its key.
 */
export function importFieldName(t: TFunction, kind: ImportKind, field: string): string {
  return t(`imports.fields.${kind}.${field}`, { defaultValue: t('imports.columnMap.field') });
}

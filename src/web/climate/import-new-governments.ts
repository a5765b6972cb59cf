import type { TFunction } from 'i18next';
import { formatNumber } from '../components/format';
import type { ImportRun } from './types';

/**
 * What an import does with the governments its file names that Accord does not know yet: add
 * them as prospects, or leave their rows out. The preview counts them; the person chooses.
 */
export type NewGovernmentsChoice = 'create' | 'skip';

type PreviewCounts = Pick<ImportRun, 'fileName' | 'created' | 'updated' | 'newGovernments'>;

/**
 * The question asked before an import writes, from its preview: what it will create and
 * update, and what becomes of the governments Accord does not know (added, or their rows left
 * out). Leaving rows out takes them from the records the preview would have created.
 */
export function importConfirmation(
  t: TFunction<'climate'>,
  locale: string,
  preview: PreviewCounts,
  choice: NewGovernmentsChoice | null,
): string {
  const n = (value: number) => formatNumber(value, locale);
  const fresh = preview.newGovernments;
  const lines = [t('imports.confirm.title', { file: preview.fileName })];
  lines.push(
    t('imports.confirm.records', {
      count: preview.created,
      created: n(preview.created),
      updated: n(preview.updated),
    }),
  );
  if (fresh.count > 0) {
    lines.push(
      choice === 'skip'
        ? t('imports.confirm.skipGovernments', { count: fresh.rows, rows: n(fresh.rows) })
        : t('imports.confirm.createGovernments', {
            count: fresh.count,
            governments: n(fresh.count),
          }),
    );
  }
  return lines.join('\n');
}

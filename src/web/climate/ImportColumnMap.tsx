/**
 * Which source column fed which Accord field: the run's column map, and a row's fields with
 * the columns that fed each. Fields are named in the reader's language; the headers are the
 * file's own text, shown as they are.
 */
import { useTranslation } from 'react-i18next';
import { importFieldName } from './import-fields';
import type { ImportKind, ImportRun, ImportRunRow } from './types';
import { ScrollFrame } from '../components/ScrollFrame';

type FieldSources = NonNullable<ImportRunRow['fields']>[number];

/** The headers of the columns a field came from, one to a line. */
function SourceList({ sources }: { sources: readonly string[] }) {
  if (sources.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="climate-sources">
      {sources.map((source) => (
        <li key={source}>{source}</li>
      ))}
    </ul>
  );
}

/** The run's column map, behind its title: each Accord field and the column(s) it is read from. */
export function ImportColumnMap({ run }: { run: ImportRun }) {
  const { t } = useTranslation('climate');
  if (run.columns === null) {
    // A run that read its layout before Accord kept the map; a run without one says so above.
    if (run.layout === null) return null;
    return (
      <p className="muted" data-testid="import-column-map-not-recorded">
        {t('imports.columnMap.notRecorded')}
      </p>
    );
  }
  return (
    <details className="climate-details climate-column-map" data-testid="import-column-map">
      <summary>{t('imports.columnMap.title')}</summary>
      <ScrollFrame label={t('imports.columnMap.caption')}>
        <table className="data-table">
          <caption className="visually-hidden">{t('imports.columnMap.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.columnMap.field')}</th>
              <th scope="col">{t('imports.columnMap.sources')}</th>
            </tr>
          </thead>
          <tbody>
            {run.columns.map((column) => (
              <tr key={column.field} data-testid="import-column-map-row">
                <th scope="row">{importFieldName(t, run.kind, column.field)}</th>
                <td>
                  <SourceList sources={column.sources} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
    </details>
  );
}

/** A row's fields and the columns they came from, folded under their count. */
export function RowFields({
  kind,
  fields,
}: {
  kind: ImportKind;
  fields: readonly FieldSources[] | null;
}) {
  const { t } = useTranslation('climate');
  if (fields === null) return <span className="muted">{t('imports.rowFields.notRecorded')}</span>;
  if (fields.length === 0) return <span className="muted">{t('imports.rowFields.none')}</span>;
  return (
    <details className="climate-row-fields" data-testid="import-row-fields">
      <summary>{t('imports.rowFields.summary', { count: fields.length })}</summary>
      <dl>
        {fields.map((f) => (
          <div key={f.field} className="climate-row-fields__item">
            <dt>{importFieldName(t, kind, f.field)}</dt>
            <dd>
              <SourceList sources={f.sources} />
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

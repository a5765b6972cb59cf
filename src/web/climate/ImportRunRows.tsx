/**
 * The row report of a run on the import page: every row's outcome with its reasons and records
 * in the reader's language, its government by name (linking to its page when it exists), and
 * the fields it had a value for, with the source columns each came from; filtered by action,
 * paged.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../components/format';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { GovernmentName } from '../components/GovernmentName';
import { Pagination } from '../components/Pagination';
import { useClimateFormat } from './format';
import { rowEntity, rowReasons } from './import-reasons';
import { RowFields } from './ImportColumnMap';
import { useImportRows } from './queries';
import { IMPORT_ROW_ACTIONS, type ImportRun, type ImportRunRow } from './types';
import { ScrollFrame } from '../components/ScrollFrame';

/**
 * The government a row is about, by the name the reader sees in Accord; one a preview would
 * create, by the name it would get, marked new.
 */
function RowGovernment({ run, row }: { run: ImportRun; row: ImportRunRow }) {
  const { t } = useTranslation('climate');
  const government = row.governmentNames;
  if (!government) return <>{row.government ?? '—'}</>;
  if (government.exists && row.government) {
    return (
      <Link to={`/members/${row.government}`} data-testid="import-row-government">
        <GovernmentName names={government.names} localLang={government.localLang ?? 'en'} />
      </Link>
    );
  }
  return (
    <span data-testid="import-row-government">
      {government.name}
      {run.dryRun && <span className="muted"> {t('importReasons:prospectNote')}</span>}
    </span>
  );
}

function RowReasons({ run, row }: { run: ImportRun; row: ImportRunRow }) {
  const { t } = useTranslation('climate');
  const locale = useClimateFormat().locale;
  const reasons = rowReasons(t, locale, run.kind, row);
  if (reasons.length < 2) return <>{reasons[0] ?? ''}</>;
  return (
    <ul className="climate-import-reasons">
      {reasons.map((reason, i) => (
        <li key={i}>{reason}</li>
      ))}
    </ul>
  );
}

export function RunRows({ run }: { run: ImportRun }) {
  const { t } = useTranslation('climate');
  const locale = useClimateFormat().locale;
  const [page, setPage] = useState(1);
  const [action, setAction] = useState('');
  const rows = useImportRows(run.id, page, action, run.status !== 'running');
  const filterId = useId();
  return (
    <section aria-labelledby={`${filterId}-title`} className="climate-import-rows">
      <div className="panel__header">
        <h3 id={`${filterId}-title`}>{t('imports.rows')}</h3>
        <label className="field field--inline">
          <span className="field__label">{t('imports.filter')}</span>
          <select
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              setPage(1);
            }}
            data-testid="import-row-filter"
          >
            <option value="">{t('imports.allRows')}</option>
            {IMPORT_ROW_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`imports.actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.isPending ? (
        <Loading />
      ) : rows.isError ? (
        <ErrorMessage error={rows.error} />
      ) : rows.data.items.length === 0 ? (
        <EmptyState title={t('imports.noRows')} />
      ) : (
        <>
          <ScrollFrame label={t('imports.rowsCaption')}>
            <table className="data-table" data-testid="import-rows">
              <caption className="visually-hidden">{t('imports.rowsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('imports.row')}
                  </th>
                  <th scope="col">{t('imports.action')}</th>
                  <th scope="col">{t('imports.entity')}</th>
                  <th scope="col">{t('imports.government')}</th>
                  <th scope="col">{t('imports.reason')}</th>
                  <th scope="col">{t('imports.rowFields.header')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.data.items.map((row, index) => (
                  <tr key={`${row.row}-${index}`} data-testid="import-row" data-action={row.action}>
                    <th scope="row" className="numeric">
                      {formatNumber(row.row, locale)}
                    </th>
                    <td>
                      <span
                        className={`climate-import-action climate-import-action--${row.action}`}
                      >
                        {t(`imports.actions.${row.action}`)}
                      </span>
                    </td>
                    <td>{rowEntity(t, row) ?? '—'}</td>
                    <td>
                      <RowGovernment run={run} row={row} />
                    </td>
                    <td data-testid="import-row-reasons">
                      <RowReasons run={run} row={row} />
                    </td>
                    <td>
                      <RowFields kind={run.kind} fields={row.fields} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
          <Pagination
            page={rows.data.page}
            pageSize={rows.data.pageSize}
            total={rows.data.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}

/**
 * A run on the import page: its progress, its counts, why it failed or was interrupted (in the
 * reader's language), the layout and encoding it read the file with, the matches it was not
 * sure of and every row's outcome; the row report to download in the reader's language.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../components/format';
import { useClimateFormat } from './format';
import { importLayoutName } from './import-fields';
import { runErrorText } from './import-reasons';
import { unchangedCount } from './import-upload';
import { ImportColumnMap } from './ImportColumnMap';
import { ImportMatches } from './ImportMatches';
import { RunRows } from './ImportRunRows';
import type { ImportRun } from './types';

/** Running an interrupted import again: possible once the same file is chosen for the same kind. */
export interface Rerun {
  ready: boolean;
  pending: boolean;
  start(): void;
}

function InterruptedNote({ run, rerun }: { run: ImportRun; rerun: Rerun }) {
  const { t } = useTranslation('climate');
  const locale = useClimateFormat().locale;
  return (
    <div className="climate-interrupted" role="alert" data-testid="import-interrupted">
      <p>{t('imports.interrupted', { error: runErrorText(t, locale, run) })}</p>
      <p>{t('imports.rerunHint')}</p>
      {rerun.ready ? (
        <button
          type="button"
          className="button"
          onClick={rerun.start}
          disabled={rerun.pending}
          data-testid="import-rerun"
        >
          {t('imports.rerunButton', { file: run.fileName })}
        </button>
      ) : (
        <p className="field__hint">
          {t('imports.rerunChooseFile', {
            file: run.fileName,
            kind: t(`imports.kinds.${run.kind}`),
          })}
        </p>
      )}
    </div>
  );
}

export function RunView({ run, rerun }: { run: ImportRun; rerun: Rerun }) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const n = (value: number) => formatNumber(value, f.locale);
  const share = run.totalRows > 0 ? run.processedRows / run.totalRows : 0;
  const prefix = run.dryRun ? 'imports.preview' : 'imports.real';
  const counts = [
    ['created', run.created],
    ['updated', run.updated],
    ['unchanged', unchangedCount(run)],
    ['skipped', run.skipped],
  ] as const;
  return (
    <section
      className="panel climate-run"
      aria-labelledby="import-run-title"
      data-testid="import-run-view"
      data-status={run.status}
    >
      <div className="panel__header">
        <h2 id="import-run-title">
          {t(run.dryRun ? 'imports.previewOf' : 'imports.importOf', { file: run.fileName })}
        </h2>
        <span className={`climate-run-status climate-run-status--${run.status}`}>
          {t(`imports.statuses.${run.status}`)}
        </span>
      </div>
      {run.dryRun && <p className="climate-notice">{t('imports.dryRunNote')}</p>}
      <div className="climate-run__progress" data-testid="import-progress">
        <progress
          max={Math.max(run.totalRows, 1)}
          value={run.status === 'done' ? Math.max(run.totalRows, 1) : run.processedRows}
          aria-label={t('imports.progressLabel')}
        />
        <p role="status" aria-live="polite">
          {t('imports.progress', {
            processed: n(run.processedRows),
            total: n(run.totalRows),
            share: f.share(run.status === 'done' ? 1 : share),
          })}
        </p>
      </div>
      {run.status === 'failed' && (
        <p className="climate-error" role="alert">
          {t('imports.failed', { error: runErrorText(t, f.locale, run) })}
        </p>
      )}
      {run.status === 'interrupted' && <InterruptedNote run={run} rerun={rerun} />}
      {run.status !== 'running' && (
        <>
          <dl className="climate-counts" data-testid="import-counts">
            {counts.map(([key, value]) => (
              <div key={key} className={`climate-counts__item climate-counts__item--${key}`}>
                <dt>{t(`${prefix}.${key}`)}</dt>
                <dd data-count={key}>{n(value)}</dd>
              </div>
            ))}
          </dl>
          {run.warnings.length > 0 && (
            <div className="climate-notice" role="status" data-testid="import-warnings">
              <p>{t('imports.warningsTitle')}</p>
              <ul>
                {run.warnings.map((w) => (
                  <li key={w.column}>
                    {t('imports.warnings.unreadNumbers', {
                      column: w.column,
                      count: w.rows,
                      rows: n(w.rows),
                      first: n(w.firstRow),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p>
            {run.layout ? (
              <>
                {t('imports.layout')}{' '}
                <strong data-testid="import-layout" data-layout={run.layout}>
                  {importLayoutName(t, run.layout)}
                </strong>
              </>
            ) : (
              <span className="muted">{t('imports.noLayout')}</span>
            )}
          </p>
          <ImportColumnMap run={run} />
          {run.encoding && (
            <p data-testid="import-encoding-read">
              {t('imports.encodingRead')}{' '}
              <code data-testid="import-encoding" data-encoding={run.encoding}>
                {t(`imports.encodings.${run.encoding}`, { defaultValue: run.encoding })}
              </code>{' '}
              <span className="field__hint">{t('imports.encodingCheck')}</span>
            </p>
          )}
          <p>
            <a
              className="button button--small button--secondary"
              href={`/api/v1/imports/${run.id}/report.csv?lang=${encodeURIComponent(f.locale)}`}
              download
              data-testid="import-report"
            >
              {t('imports.report')}
            </a>
          </p>
          <ImportMatches key={`matches-${run.id}`} run={run} />
          <RunRows key={run.id} run={run} />
        </>
      )}
    </section>
  );
}

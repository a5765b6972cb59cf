/**
 * /admin/imports — bring CDP and Net Zero Tracker files into Accord: choose the kind and the
 * file, preview (a dry run that writes nothing), then import; watch the run, read the counts
 * and every row's outcome with its reason, and download the row report.
 */
import { useEffect, useId, useState, type DragEvent, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RUN_PROBLEM_CODES, type RunProblemCode } from '../../core/climate/import-reasons';
import { usePageTitle } from '../components/page-title';
import { formatNumber } from '../components/format';
import { useProblemText } from '../forms/form';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { useClimateFormat } from './format';
import { runErrorText } from './import-reasons';
import { canRerun, contentTypeFor, ImportProblem, uploadImport } from './import-upload';
import { ImportMapping } from './ImportMapping';
import { NewGovernmentsChoiceField } from './ImportNewGovernments';
import { importConfirmation, type NewGovernmentsChoice } from './import-new-governments';
import { RunView, type Rerun } from './ImportRunView';
import { useImportRun, useRecentImports, useSavedLayouts } from './queries';
import { problemText as codedProblemText } from '../components/problem-text';
import {
  IMPORT_ENCODINGS,
  IMPORT_KINDS,
  type ImportEncoding,
  type ImportKind,
  type ImportRun,
} from './types';
import { ScrollFrame } from '../components/ScrollFrame';
import './climate.css';

function formatSize(bytes: number, locale: string): string {
  if (bytes < 1024) return formatNumber(bytes, locale, { style: 'unit', unit: 'byte' });
  if (bytes < 1024 * 1024) {
    return formatNumber(bytes / 1024, locale, {
      style: 'unit',
      unit: 'kilobyte',
      maximumFractionDigits: 1,
    });
  }
  return formatNumber(bytes / 1024 / 1024, locale, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });
}

/**
 * Why the file could not be read, in the reader's words when the server gave the reason as a
 * code (where and why), else as the server said it.
 */
function unreadableText(t: TFunction, locale: string, error: ImportProblem): string | undefined {
  const code = error.code as RunProblemCode | undefined;
  if (!code || !(RUN_PROBLEM_CODES as readonly string[]).includes(code)) return error.detail;
  const errorReason = { code, params: error.params } as ImportRun['errorReason'];
  return runErrorText(t, locale, { error: error.detail ?? null, errorReason });
}

function ProblemView({ error }: { error: unknown }) {
  const { t } = useTranslation('climate');
  const locale = useClimateFormat().locale;
  const problemText = useProblemText();
  if (error instanceof ImportProblem && error.status === 422) {
    const detail = unreadableText(t, locale, error);
    return (
      <div className="data-state data-state--error" role="alert" data-testid="import-problem">
        <p className="data-state__title">
          {t(
            error.missingColumns.length > 0 || error.errors.length > 0
              ? 'imports.layoutUnknown'
              : 'imports.unreadable',
          )}
        </p>
        {detail && (
          <p className="data-state__detail" data-testid="import-problem-detail">
            {detail}
          </p>
        )}
        {error.layoutNotRecognised && (
          <p className="data-state__detail">{t('imports.mapping.offer')}</p>
        )}
        {error.missingColumns.length > 0 ? (
          <>
            <p className="data-state__detail">{t('imports.missingColumns')}</p>
            <ul className="climate-missing" data-testid="import-missing-columns">
              {error.missingColumns.map((column) => (
                <li key={column}>
                  <code>{column}</code>
                </li>
              ))}
            </ul>
          </>
        ) : (
          error.errors.length > 0 && (
            <ul className="climate-missing">
              {error.errors.map((e) => (
                <li key={`${e.pointer}-${e.detail}`}>{codedProblemText(e) ?? e.detail}</li>
              ))}
            </ul>
          )
        )}
      </div>
    );
  }
  return (
    <div className="data-state data-state--error" role="alert" data-testid="import-problem">
      <p className="data-state__title">{t('imports.failedToStart')}</p>
      <p className="data-state__detail">{problemText(error)}</p>
    </div>
  );
}

function RecentRuns({
  sessionRuns,
  current,
  onShow,
}: {
  sessionRuns: ImportRun[];
  current: number | null;
  onShow(id: number): void;
}) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const recent = useRecentImports();
  const runs = recent.data ?? sessionRuns;
  return (
    <section className="panel" aria-labelledby="import-recent-title">
      <h2 id="import-recent-title">{t('imports.recent')}</h2>
      {recent.isPending ? (
        <Loading />
      ) : recent.isError ? (
        <ErrorMessage error={recent.error} />
      ) : runs.length === 0 ? (
        <EmptyState title={t('imports.noRecent')} />
      ) : (
        <>
          {recent.data === null && <p className="field__hint">{t('imports.sessionOnly')}</p>}
          <ScrollFrame label={t('imports.recent')}>
            <table className="data-table" data-testid="import-recent">
              <caption className="visually-hidden">{t('imports.recent')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.started')}</th>
                  <th scope="col">{t('imports.kind')}</th>
                  <th scope="col">{t('imports.file')}</th>
                  <th scope="col">{t('imports.mode')}</th>
                  <th scope="col">{t('imports.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('imports.show')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id}>
                    <td>{f.dateTime(run.startedAt)}</td>
                    <td>{t(`imports.kinds.${run.kind}`)}</td>
                    <td>{run.fileName}</td>
                    <td>{t(run.dryRun ? 'imports.modePreview' : 'imports.modeImport')}</td>
                    <td>{t(`imports.statuses.${run.status}`)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        onClick={() => onShow(run.id)}
                        aria-pressed={current === run.id}
                      >
                        {t('imports.show')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        </>
      )}
    </section>
  );
}

export default function ImportsPage() {
  const { t } = useTranslation('climate');
  usePageTitle(t('imports.title'));
  const locale = useClimateFormat().locale;
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('cdp-targets');
  const [file, setFile] = useState<File | null>(null);
  /**
   * What happens to governments the file names that Accord does not know: chosen in the
   * preview, once it has said how many there are (null: not chosen yet).
   */
  const [newGovernments, setNewGovernments] = useState<NewGovernmentsChoice | null>(null);
  /** A saved layout to read the file with, by name; '' lets the server recognise one. */
  const [layout, setLayout] = useState('');
  const savedLayouts = useSavedLayouts(kind);
  /** The CSV file's encoding as chosen; '' lets the server detect it. */
  const [encoding, setEncoding] = useState<ImportEncoding | ''>('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [runId, setRunId] = useState<number | null>(null);
  const [sessionRuns, setSessionRuns] = useState<ImportRun[]>([]);
  /** The file, kind and option the last finished preview was of: Import needs one. */
  const [previewed, setPreviewed] = useState<string | null>(null);
  const run = useImportRun(runId);
  const fileId = useId();

  const signature = file
    ? `${kind}|${layout}|${encoding}|${file.name}|${file.size}|${file.lastModified}`
    : null;
  const start = useMutation({
    mutationFn: (dryRun: boolean) =>
      uploadImport(kind, file as File, {
        dryRun,
        // A preview counts the governments the file would add; the import does what was chosen.
        noCreate: !dryRun && newGovernments === 'skip',
        layout: layout || null,
        encoding: encoding || undefined,
        // The import does what was decided on the preview's uncertain matches.
        decisionsFrom: !dryRun && run.data?.dryRun ? run.data.id : null,
      }),
    onSuccess: (started, dryRun) => {
      queryClient.setQueryData(['climate', 'import', started.id], started);
      setRunId(started.id);
      setSessionRuns((runs) => [started, ...runs.filter((r) => r.id !== started.id)]);
      setPreviewed(dryRun ? signature : null);
      // A new preview may name other governments: the choice is made again on what it says.
      if (dryRun) setNewGovernments(null);
      void queryClient.invalidateQueries({ queryKey: ['climate', 'imports'] });
    },
  });
  const current = run.data;
  const finished =
    current && current.status !== 'running' ? `${current.id}|${current.status}` : null;
  const wrote = current?.dryRun === false;
  // When a run ends: the recent list shows its outcome, and a real import refreshes the
  // climate pages (targets, emissions, dashboard) that it may have changed.
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: ['climate', 'imports'] });
    if (wrote) {
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'climate' && q.queryKey[1] !== 'import',
      });
      void queryClient.invalidateQueries({ queryKey: ['governments'] });
    }
  }, [finished, wrote, queryClient]);
  // The server keeps no upload: an interrupted run is run again from the same file, chosen again.
  const rerun: Rerun = {
    ready: canRerun(current, file, kind),
    pending: start.isPending,
    start: () => start.mutate(current?.dryRun ?? false),
  };
  const previewDone =
    previewed !== null &&
    previewed === signature &&
    current?.dryRun === true &&
    current.status === 'done';

  const choiceMissing = previewDone && current.newGovernments.count > 0 && newGovernments === null;

  // A layout saved in the mapping step reads the file at once: preview with it.
  const [previewWith, setPreviewWith] = useState<string | null>(null);
  useEffect(() => {
    if (previewWith !== null && layout === previewWith) {
      setPreviewWith(null);
      start.mutate(true);
    }
  }, [previewWith, layout, start]);
  const mapping =
    file !== null && start.error instanceof ImportProblem && start.error.layoutNotRecognised;

  function choose(next: File | null) {
    start.reset();
    setPreviewed(null);
    if (next && !contentTypeFor(next)) {
      setFile(null);
      setFileError(t('imports.wrongType'));
      return;
    }
    setFileError(null);
    setFile(next);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0] ?? null);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setFileError(t('imports.chooseFile'));
      return;
    }
    start.mutate(true);
  }

  return (
    <section className="climate-imports" aria-labelledby="imports-title">
      <div className="admin-heading">
        <h1 id="imports-title">{t('imports.title')}</h1>
      </div>
      <p className="admin-lead">{t('imports.lead')}</p>
      <form className="admin-form panel" onSubmit={onSubmit} noValidate>
        <div className="field admin-field">
          <label className="field__label" htmlFor="import-kind">
            {t('imports.kind')}
          </label>
          <select
            id="import-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ImportKind);
              setLayout('');
              setPreviewed(null);
            }}
            aria-describedby="import-kind-hint"
            data-testid="import-kind"
          >
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`imports.kinds.${k}`)}
              </option>
            ))}
          </select>
          <p id="import-kind-hint" className="field__hint">
            {t(`imports.kindHints.${kind}`)}
          </p>
        </div>
        <div className="field admin-field">
          <label className="field__label" htmlFor="import-layout">
            {t('imports.layoutChoice')}
          </label>
          <select
            id="import-layout"
            value={layout}
            onChange={(e) => {
              setLayout(e.target.value);
              setPreviewed(null);
            }}
            aria-describedby="import-layout-hint"
            data-testid="import-layout-choice"
          >
            <option value="">{t('imports.layoutAuto')}</option>
            {(savedLayouts.data ?? []).map((l) => (
              <option key={l.name} value={l.name}>
                {l.name}
              </option>
            ))}
          </select>
          <p id="import-layout-hint" className="field__hint">
            {t('imports.layoutChoiceHint')}
          </p>
        </div>
        <div
          className={`climate-drop${dragging ? ' climate-drop--over' : ''}${fileError ? ' admin-field--invalid' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label className="field__label" htmlFor={fileId}>
            {t('imports.file')}
          </label>
          <p className="field__hint" id={`${fileId}-hint`}>
            {t('imports.fileHint')}
          </p>
          {fileError && (
            <p className="admin-field__error" id={`${fileId}-error`}>
              {fileError}
            </p>
          )}
          <input
            id={fileId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            aria-describedby={[fileError ? `${fileId}-error` : null, `${fileId}-hint`]
              .filter(Boolean)
              .join(' ')}
            aria-invalid={fileError ? true : undefined}
            data-testid="import-file"
          />
          {file && (
            <p className="climate-drop__file" data-testid="import-file-name">
              {t('imports.chosen', { name: file.name, size: formatSize(file.size, locale) })}
            </p>
          )}
        </div>
        <div className="field admin-field">
          <label className="field__label" htmlFor="import-encoding">
            {t('imports.encoding')}
          </label>
          <select
            id="import-encoding"
            value={encoding}
            onChange={(e) => {
              setEncoding(e.target.value as ImportEncoding | '');
              setPreviewed(null);
            }}
            aria-describedby="import-encoding-hint"
            data-testid="import-encoding-choice"
          >
            <option value="">{t('imports.encodingAuto')}</option>
            {IMPORT_ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {t(`imports.encodings.${e}`)}
              </option>
            ))}
          </select>
          <p id="import-encoding-hint" className="field__hint">
            {t('imports.encodingHint')}
          </p>
        </div>
        {previewDone && current.newGovernments.count > 0 && (
          <NewGovernmentsChoiceField
            run={current}
            value={newGovernments}
            onChange={setNewGovernments}
          />
        )}
        <div className="admin-actions">
          <button
            type="submit"
            className="button button--secondary"
            disabled={start.isPending || current?.status === 'running'}
            data-testid="import-preview"
          >
            {t('imports.previewButton')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!previewDone || start.isPending || choiceMissing}
            onClick={() => {
              if (current && window.confirm(importConfirmation(t, locale, current, newGovernments)))
                start.mutate(false);
            }}
            aria-describedby="import-run-hint"
            data-testid="import-run"
          >
            {t('imports.importButton')}
          </button>
          <span id="import-run-hint" className="field__hint">
            {!previewDone
              ? t('imports.previewFirst')
              : choiceMissing
                ? t('imports.newGovernments.chooseFirst')
                : t('imports.readyToImport')}
          </span>
        </div>
      </form>
      {start.isError && <ProblemView error={start.error} />}
      {mapping && (
        <ImportMapping
          key={signature ?? ''}
          kind={kind}
          file={file}
          encoding={encoding || undefined}
          onSaved={(name) => {
            setLayout(name);
            setPreviewWith(name);
          }}
        />
      )}
      {runId !== null &&
        (run.isPending ? (
          <Loading />
        ) : run.isError ? (
          <ErrorMessage error={run.error} />
        ) : (
          <RunView run={run.data} rerun={rerun} />
        ))}
      <RecentRuns sessionRuns={sessionRuns} current={runId} onShow={setRunId} />
    </section>
  );
}

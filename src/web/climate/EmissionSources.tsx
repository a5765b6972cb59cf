/**
 * Every reported emissions figure per year, from each source, and the one progress uses.
 * Editors choose which source a year prefers and add figures reported elsewhere.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import {
  ErrorSummary,
  FormField,
  SavedMessage,
  useFormProblems,
  useProblemText,
  useSubmitState,
} from '../forms/form';
import { EmptyState } from '../components/DataState';
import { reportFigure } from './chart-series';
import { formatYear, useClimateFormat } from './format';
import { HistoryPanel } from './HistoryPanel';
import { parseNumberInput, parseYearInput } from './numbers';
import { ConfirmButton } from './parts';
import { refreshClimate } from './queries';
import { useSourceName } from './TargetChart';
import type { EmissionReport, EmissionReportCreate, EmissionsSeries } from './types';

const SOURCE_KEYS = ['cdp', 'national', 'other'] as const;
const FIGURES = ['scope1', 'scope2', 'scope3', 'basic', 'basicPlus', 'total'] as const;
type Figure = (typeof FIGURES)[number];

function ReportLine({
  report,
  slug,
  editable,
}: {
  report: EmissionReport;
  slug: string;
  editable: boolean;
}) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const sourceName = useSourceName();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const prefer = useMutation({
    mutationFn: () => api.patch(`/api/v1/emission-reports/${report.id}`, { preferred: true }),
    onSuccess: () => refreshClimate(queryClient, slug),
  });
  const remove = useMutation({
    mutationFn: () => api.del(`/api/v1/emission-reports/${report.id}`),
    onSuccess: () => refreshClimate(queryClient, slug),
  });
  const figure = reportFigure(report);
  const parts = FIGURES.filter((k) => report[k] !== null).map((k) =>
    t('sourcesTable.figure', { name: t(`fields.${k}`), value: f.tonnes(report[k] as number) }),
  );
  return (
    <li className="climate-report" data-testid="emission-report">
      <span className="climate-report__source">
        {report.sourceLabel || sourceName(report.source, null)}
      </span>{' '}
      <strong>{figure === null ? t('notGiven') : f.tonnes(figure)}</strong>
      {report.preferred && (
        <>
          {' '}
          <span className="climate-pill climate-pill--good">{t('sourcesTable.preferred')}</span>
        </>
      )}
      {parts.length > 0 && (
        <span className="climate-report__parts muted"> ({parts.join(t('list.separator'))})</span>
      )}
      {editable && (
        <span className="climate-tools">
          {!report.preferred && (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => prefer.mutate()}
              disabled={prefer.isPending}
              data-testid="report-prefer"
            >
              {t('sourcesTable.prefer')}
            </button>
          )}
          <ConfirmButton
            label={t('common:delete')}
            question={t('sourcesTable.deleteQuestion')}
            confirmLabel={t('sourcesTable.deleteConfirm')}
            onConfirm={() => remove.mutate()}
            pending={remove.isPending}
            danger
          />
        </span>
      )}
      {(prefer.isError || remove.isError) && (
        <span className="climate-error" role="alert">
          {' '}
          {problemText(prefer.error ?? remove.error)}
        </span>
      )}
      {editable && (
        <HistoryPanel
          entityType="emission-report"
          id={report.id}
          slug={slug}
          canRestore={editable}
        />
      )}
    </li>
  );
}

interface ReportFormValues extends Record<Figure, string> {
  year: string;
  source: string;
  sourceLabel: string;
  preferred: boolean;
}

const emptyReport = (): ReportFormValues => ({
  year: '',
  source: 'cdp',
  sourceLabel: '',
  scope1: '',
  scope2: '',
  scope3: '',
  basic: '',
  basicPlus: '',
  total: '',
  preferred: false,
});

function AddReportForm({ slug }: { slug: string }) {
  const { t } = useTranslation('climate');
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ReportFormValues>(emptyReport);
  const submit = useSubmitState();
  const [saved, setSaved] = useState(false);
  const fields = useMemo(
    () => [
      { pointer: '/year', id: 'report-year', label: t('fields.year') },
      { pointer: '/source', id: 'report-source', label: t('fields.source') },
      { pointer: '/sourceLabel', id: 'report-source-label', label: t('fields.sourceLabel') },
      ...FIGURES.map((k) => ({ pointer: `/${k}`, id: `report-${k}`, label: t(`fields.${k}`) })),
    ],
    [t],
  );
  const { errorFor, summary } = useFormProblems(fields, submit.problem);
  const create = useMutation({
    mutationFn: (body: EmissionReportCreate) =>
      api.post(`/api/v1/governments/${encodeURIComponent(slug)}/emission-reports`, body),
    onSuccess: () => {
      refreshClimate(queryClient, slug);
      setValues(emptyReport());
      submit.clear();
      setSaved(true);
    },
    onError: (error) => submit.fail(error),
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const errors: { pointer: string; detail: string }[] = [];
    const year = parseYearInput(values.year);
    if (year === null) errors.push({ pointer: '/year', detail: 'is required' });
    else if (Number.isNaN(year)) errors.push({ pointer: '/year', detail: 'must be integer' });
    if (values.sourceLabel.trim() === '') {
      errors.push({ pointer: '/sourceLabel', detail: 'is required' });
    }
    const figures: Partial<Record<Figure, number | null>> = {};
    for (const k of FIGURES) {
      const v = parseNumberInput(values[k]);
      if (v !== null && Number.isNaN(v))
        errors.push({ pointer: `/${k}`, detail: 'must be number' });
      else if (v !== null && v < 0) errors.push({ pointer: `/${k}`, detail: 'must be >= 0' });
      else figures[k] = v;
    }
    if (errors.length > 0) {
      submit.reject(errors);
      return;
    }
    create.mutate({
      year: year as number,
      source: values.source,
      sourceLabel: values.sourceLabel.trim(),
      preferred: values.preferred,
      ...figures,
    });
  }
  const set = (patch: Partial<ReportFormValues>) => setValues((v) => ({ ...v, ...patch }));
  return (
    <details className="climate-add">
      <summary>{t('sourcesTable.addTitle')}</summary>
      <form className="admin-form" onSubmit={onSubmit} noValidate>
        <ErrorSummary items={summary} attempt={submit.attempt} testId="report-errors" />
        {saved && <SavedMessage>{t('sourcesTable.added')}</SavedMessage>}
        <div className="admin-grid">
          <FormField id="report-year" label={t('fields.year')} error={errorFor('/year')} required>
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                value={values.year}
                onChange={(e) => set({ year: e.target.value })}
              />
            )}
          </FormField>
          <FormField id="report-source" label={t('fields.source')} error={errorFor('/source')}>
            {(control) => (
              <select
                {...control}
                value={values.source}
                onChange={(e) => set({ source: e.target.value })}
              >
                {SOURCE_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {t(`sources.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id="report-source-label"
            label={t('fields.sourceLabel')}
            hint={t('sourcesTable.sourceLabelHint')}
            error={errorFor('/sourceLabel')}
            required
          >
            {(control) => (
              <input
                {...control}
                value={values.sourceLabel}
                onChange={(e) => set({ sourceLabel: e.target.value })}
              />
            )}
          </FormField>
          {FIGURES.map((k) => (
            <FormField
              key={k}
              id={`report-${k}`}
              label={t(`fields.${k}`)}
              hint={t('units.tonnesHint')}
              error={errorFor(`/${k}`)}
            >
              {(control) => (
                <input
                  {...control}
                  inputMode="decimal"
                  value={values[k]}
                  onChange={(e) => set({ [k]: e.target.value })}
                />
              )}
            </FormField>
          ))}
        </div>
        <label className="admin-radio">
          <input
            type="checkbox"
            checked={values.preferred}
            onChange={(e) => set({ preferred: e.target.checked })}
          />
          {t('sourcesTable.makePreferred')}
        </label>
        <div className="admin-actions">
          <button
            type="submit"
            className="button"
            disabled={create.isPending}
            data-testid="report-add"
          >
            {t('sourcesTable.add')}
          </button>
        </div>
      </form>
    </details>
  );
}

export function EmissionSources({
  series,
  slug,
  editable,
}: {
  series: EmissionsSeries;
  slug: string;
  editable: boolean;
}) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const sourceName = useSourceName();
  const years = [...series.years].sort((a, b) => b.year - a.year);
  return (
    <section className="panel climate-section" aria-labelledby="climate-sources-title">
      <h2 id="climate-sources-title">{t('sourcesTable.title')}</h2>
      <p className="climate-lead">{t('sourcesTable.lead')}</p>
      {years.length === 0 ? (
        <EmptyState title={t('sourcesTable.emptyTitle')}>
          <p>{t('sourcesTable.empty')}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table climate-sources" data-testid="emission-sources">
            <caption className="visually-hidden">{t('sourcesTable.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.year')}</th>
                <th scope="col">{t('sourcesTable.used')}</th>
                <th scope="col">{t('sourcesTable.all')}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{formatYear(y.year)}</th>
                  <td>
                    {y.value === null ? (
                      <span className="muted">{t('notGiven')}</span>
                    ) : (
                      <>
                        <strong>{f.tonnes(y.value)}</strong>
                        <span className="muted climate-block">
                          {y.source ? sourceName(y.source, null) : ''}
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    <ul className="climate-reports">
                      {y.inventory && (
                        <li className="climate-report">
                          <span className="climate-report__source">
                            {sourceName('inventory', null, y.inventory.isIllustrative)}
                          </span>{' '}
                          <strong>{f.tonnes(y.inventory.basic)}</strong>{' '}
                          <span className="muted">
                            (
                            {t('sourcesTable.figure', {
                              name: t('fields.basicPlus'),
                              value: f.tonnes(y.inventory.basicPlus),
                            })}
                            )
                          </span>
                        </li>
                      )}
                      {y.reports.map((report) => (
                        <ReportLine
                          key={report.id}
                          report={report}
                          slug={slug}
                          editable={editable}
                        />
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && <AddReportForm slug={slug} />}
    </section>
  );
}

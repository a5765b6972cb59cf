/**
 * Every reported emissions figure per year, from each source, and the one progress uses with
 * why (chosen by staff, the own inventory, the newest report; the rule is the server's, in
 * src/core/climate/sources.ts). Editors may choose a year's figure, give the choice back to the
 * rule, and add figures reported elsewhere with their source.
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
import { reportOrigin } from './sources-text';
import { useSourceName } from './TargetChart';
import type { EmissionReport, EmissionReportCreate, EmissionsSeries } from './types';
import { ScrollFrame } from '../components/ScrollFrame';

const TOTAL_COVERAGES = ['basic', 'basic-plus', 'scope-1-2', 'scope-1'] as const;

const SOURCE_KEYS = ['cdp', 'national', 'other'] as const;
const FIGURES = ['scope1', 'scope2', 'scope3', 'basic', 'basicPlus', 'total'] as const;
type Figure = (typeof FIGURES)[number];

function ReportLine({
  report,
  used,
  slug,
  editable,
}: {
  report: EmissionReport;
  /** True for the report whose figure the year uses. */
  used: boolean;
  slug: string;
  editable: boolean;
}) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const sourceName = useSourceName();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const choose = useMutation({
    mutationFn: (preferred: boolean) =>
      api.patch(`/api/v1/emission-reports/${report.id}`, { preferred }),
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
  const origin = reportOrigin(report, t);
  return (
    <li
      className={`climate-report${used ? ' climate-report--used' : ''}`}
      data-testid="emission-report"
      data-used={used ? 'true' : undefined}
    >
      <span className="climate-report__source">
        {report.sourceLabel || sourceName(report.source, null)}
      </span>{' '}
      <strong>{figure === null ? t('notGiven') : f.tonnes(figure)}</strong>
      {used && (
        <>
          {' '}
          <span className="climate-pill climate-pill--good">{t('sourcesTable.usedPill')}</span>
        </>
      )}
      {report.preferred && (
        <>
          {' '}
          <span className="climate-pill climate-pill--warn">{t('sourcesTable.preferred')}</span>
        </>
      )}
      {parts.length > 0 && (
        <span className="climate-report__parts muted"> ({parts.join(t('list.separator'))})</span>
      )}
      {origin.length > 0 && (
        <span className="climate-report__origin muted climate-block">
          {origin.join(t('list.separator'))}
        </span>
      )}
      {editable && (
        <span className="climate-tools">
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => choose.mutate(!report.preferred)}
            disabled={choose.isPending}
            data-testid={report.preferred ? 'report-unprefer' : 'report-prefer'}
          >
            {t(report.preferred ? 'sourcesTable.unprefer' : 'sourcesTable.prefer')}
          </button>
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
      {(choose.isError || remove.isError) && (
        <span className="climate-error" role="alert">
          {' '}
          {problemText(choose.error ?? remove.error)}
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
  reportYear: string;
  source: string;
  sourceLabel: string;
  /** '' when the source does not say. */
  totalCoverage: '' | (typeof TOTAL_COVERAGES)[number];
  preferred: boolean;
}

const emptyReport = (): ReportFormValues => ({
  year: '',
  reportYear: '',
  totalCoverage: '',
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
      { pointer: '/reportYear', id: 'report-report-year', label: t('fields.reportYear') },
      { pointer: '/source', id: 'report-source', label: t('fields.source') },
      { pointer: '/sourceLabel', id: 'report-source-label', label: t('fields.sourceLabel') },
      ...FIGURES.map((k) => ({ pointer: `/${k}`, id: `report-${k}`, label: t(`fields.${k}`) })),
      {
        pointer: '/totalCoverage',
        id: 'report-total-coverage',
        label: t('fields.totalCoverage'),
      },
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
    const reportYear = parseYearInput(values.reportYear);
    if (reportYear !== null && Number.isNaN(reportYear)) {
      errors.push({ pointer: '/reportYear', detail: 'must be integer' });
    }
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
      reportYear,
      source: values.source,
      sourceLabel: values.sourceLabel.trim(),
      preferred: values.preferred,
      ...figures,
      totalCoverage: values.totalCoverage === '' ? null : values.totalCoverage,
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
          <FormField
            id="report-report-year"
            label={t('fields.reportYear')}
            hint={t('sourcesTable.reportYearHint')}
            error={errorFor('/reportYear')}
          >
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                value={values.reportYear}
                onChange={(e) => set({ reportYear: e.target.value })}
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
          <FormField
            id="report-total-coverage"
            label={t('fields.totalCoverage')}
            hint={t('sourcesTable.totalCoverageHint')}
            error={errorFor('/totalCoverage')}
          >
            {(control) => (
              <select
                {...control}
                value={values.totalCoverage}
                onChange={(e) =>
                  set({ totalCoverage: e.target.value as ReportFormValues['totalCoverage'] })
                }
              >
                <option value="">{t('sourcesTable.notSaid')}</option>
                {TOTAL_COVERAGES.map((c) => (
                  <option key={c} value={c}>
                    {t(`coverages.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
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

/** The figure a year uses, where it comes from, why, and what it covers. */
function UsedFigure({ year: y }: { year: EmissionsSeries['years'][number] }) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const sourceName = useSourceName();
  const report = y.reports.find((r) => r.id === y.reportId);
  const from = report
    ? report.sourceLabel || sourceName(report.source, null)
    : y.source
      ? sourceName(y.source, null)
      : '';
  return (
    <>
      <strong>{f.tonnes(y.value as number)}</strong>
      <span className="muted climate-block">{from}</span>
      {y.basis && (
        <span className="climate-block" data-testid="emission-basis">
          <span
            className={`climate-pill climate-pill--${y.basis === 'staff-choice' ? 'warn' : 'good'}`}
          >
            {t(`sourcesTable.basis.${y.basis}`)}
          </span>
        </span>
      )}
      {y.coverage && (
        <span className="muted climate-block">
          {t('sourcesTable.covers', { coverage: t(`coverages.${y.coverage}`) })}
        </span>
      )}
    </>
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
        <ScrollFrame label={t('sourcesTable.caption')}>
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
                      <UsedFigure year={y} />
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
                          used={report.id === y.reportId}
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
        </ScrollFrame>
      )}
      {editable && <AddReportForm slug={slug} />}
    </section>
  );
}

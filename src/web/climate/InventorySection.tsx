/**
 * A government's GPC inventories: one year at a time (latest first) with its totals, a stacked
 * bar by sector and scope, downloads, and for editors a way to start, edit or delete one.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api';
import {
  FormField,
  submitProblem,
  useFormProblems,
  useProblemText,
  type SubmitProblem,
} from '../forms/form';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { useLocale } from '../components/locale';
import { GWP_SETS, type GwpSet } from '../../core/climate/types';
import { EChart, type ChartOption } from '../components/EChart';
import { INK_SOFT, LINE, SCOPE_COLORS } from './colors';
import { formatYear, useClimateFormat } from './format';
import { HistoryPanel } from './HistoryPanel';
import { sectorScopeMatrix, sectorsWithEmissions } from './inventory-chart';
import { parseYearInput } from './numbers';
import { ConfirmButton, Fact, useGpcNames } from './parts';
import { refreshClimate, useInventory } from './queries';
import type { Inventory, InventorySummary } from './types';

const SCOPES = [1, 2, 3] as const;

function InventoryChart({ inventory }: { inventory: Inventory }) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const gpc = useGpcNames();
  const matrix = useMemo(
    () => sectorScopeMatrix(inventory.entries, inventory.gwpSet),
    [inventory.entries, inventory.gwpSet],
  );
  const sectors = sectorsWithEmissions(matrix);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 36, bottom: 40, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value) => (typeof value === 'number' ? f.tonnes(value) : String(value)),
      },
      legend: { bottom: 0, textStyle: { color: INK_SOFT } },
      xAxis: {
        type: 'category',
        data: sectors.map((s) => `${s} ${gpc.sector(s)}`),
        axisLabel: { color: INK_SOFT, interval: 0, width: 110, overflow: 'break' },
      },
      yAxis: {
        type: 'value',
        name: t('chart.axisTonnes'),
        nameTextStyle: { color: INK_SOFT, align: 'left' },
        axisLabel: { formatter: (value: number) => f.compact(value), color: INK_SOFT },
        splitLine: { lineStyle: { color: LINE } },
      },
      series: SCOPES.map((scope) => ({
        type: 'bar' as const,
        name: t('scope', { scope }),
        stack: 'scopes',
        color: SCOPE_COLORS[scope],
        data: sectors.map((s) => matrix[s][scope]),
        barMaxWidth: 56,
      })),
    }),
    [matrix, sectors, t, f, gpc],
  );
  if (sectors.length === 0) {
    return <p className="muted">{t('inventory.noFigures')}</p>;
  }
  const label = t('inventory.chartLabel', { year: formatYear(inventory.year) });
  return (
    <EChart option={option} label={label} testId="inventory-chart" height={320}>
      <table>
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inventory.sector')}</th>
            {SCOPES.map((scope) => (
              <th key={scope} scope="col">
                {t('scope', { scope })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sectors.map((s) => (
            <tr key={s}>
              <th scope="row">{`${s} ${gpc.sector(s)}`}</th>
              {SCOPES.map((scope) => (
                <td key={scope}>{f.tonnes(matrix[s][scope])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </EChart>
  );
}

function NewInventoryForm({ slug, years }: { slug: string; years: Set<number> }) {
  const { t } = useTranslation('climate');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [year, setYear] = useState('');
  const [gwpSet, setGwpSet] = useState<GwpSet>('AR6');
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const fields = useMemo(
    () => [
      { pointer: '/year', id: 'new-inventory-year', label: t('fields.year') },
      { pointer: '/gwpSet', id: 'new-inventory-gwp', label: t('fields.gwpSet') },
    ],
    [t],
  );
  const { errorFor } = useFormProblems(fields, problem);
  const create = useMutation({
    mutationFn: (body: { year: number; gwpSet: GwpSet }) =>
      api.post<Inventory>(`/api/v1/governments/${encodeURIComponent(slug)}/inventories`, body),
    onSuccess: (inventory) => {
      refreshClimate(queryClient, slug);
      void navigate(`/members/${slug}/climate/inventories/${inventory.id}/edit`);
    },
    onError: (error) => setProblem(submitProblem(error)),
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = parseYearInput(year);
    if (value === null || Number.isNaN(value)) {
      setProblem({
        message: null,
        status: 400,
        errors: [{ pointer: '/year', detail: value === null ? 'is required' : 'must be integer' }],
      });
      return;
    }
    if (years.has(value)) {
      setProblem({
        message: null,
        status: 400,
        errors: [{ pointer: '/year', detail: t('inventory.yearTaken') }],
      });
      return;
    }
    setProblem(null);
    create.mutate({ year: value, gwpSet });
  }
  return (
    <form className="climate-inline-form" onSubmit={onSubmit} noValidate>
      <h3>{t('inventory.newTitle')}</h3>
      <div className="climate-inline-form__fields">
        <FormField
          id="new-inventory-year"
          label={t('fields.year')}
          error={errorFor('/year')}
          required
        >
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              className="admin-input--short"
              value={year}
              onChange={(e) => setYear(e.target.value)}
              data-testid="inventory-new-year"
            />
          )}
        </FormField>
        <FormField id="new-inventory-gwp" label={t('fields.gwpSet')} error={errorFor('/gwpSet')}>
          {(control) => (
            <select
              {...control}
              value={gwpSet}
              onChange={(e) => setGwpSet(e.target.value as GwpSet)}
            >
              {GWP_SETS.map((set) => (
                <option key={set} value={set}>
                  {t(`gwpSets.${set}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button
          type="submit"
          className="button"
          disabled={create.isPending}
          data-testid="inventory-create"
        >
          {t('inventory.create')}
        </button>
      </div>
      {problem?.message && (
        <p className="climate-error" role="alert">
          {problem.message}
        </p>
      )}
    </form>
  );
}

function InventoryView({
  summary,
  slug,
  editable,
}: {
  summary: InventorySummary;
  slug: string;
  editable: boolean;
}) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const inventory = useInventory(summary.id);
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const remove = useMutation({
    mutationFn: () => api.del(`/api/v1/inventories/${summary.id}`),
    onSuccess: () => refreshClimate(queryClient, slug),
  });
  // The file's headers and words in the language the reader chose here, not the browser's.
  const locale = useLocale();
  const exportBase = `/api/v1/governments/${encodeURIComponent(slug)}/inventories/${summary.year}/export`;
  const exportQuery = `?lang=${encodeURIComponent(locale)}`;
  const totals = summary.totals;
  return (
    <div className="climate-inventory" data-testid="inventory-view" data-year={summary.year}>
      <h3>{t('inventory.heading', { year: formatYear(summary.year) })}</h3>
      {summary.isIllustrative && (
        <p className="climate-illustrative" role="note" data-testid="inventory-illustrative">
          <strong>{t('inventory.illustrative')}</strong> {t('inventory.illustrativeNote')}
        </p>
      )}
      <p className="climate-inventory__badges">
        <span className="badge">{t(`gwpSets.${summary.gwpSet}`)}</span>{' '}
        <span className="badge">{t(`inventoryStatuses.${summary.status}`)}</span>{' '}
        {summary.isIllustrative && (
          <span className="climate-pill climate-pill--warn">{t('inventory.illustrative')}</span>
        )}{' '}
        <span className="muted">{summary.methodology}</span>
      </p>
      <dl className="climate-totals">
        <Fact label={t('inventory.basic')}>{f.tonnes(totals.basic)}</Fact>
        <Fact label={t('inventory.basicPlus')}>{f.tonnes(totals.basicPlus)}</Fact>
        <Fact label={t('inventory.territorial')}>{f.tonnes(totals.territorial)}</Fact>
        <Fact label={t('inventory.completeness')}>{f.share(totals.completeness)}</Fact>
      </dl>
      {inventory.isPending ? (
        <Loading />
      ) : inventory.isError ? (
        <ErrorMessage error={inventory.error} />
      ) : (
        <InventoryChart inventory={inventory.data} />
      )}
      <div className="climate-tools climate-tools--spread">
        <span className="climate-downloads">
          <span className="muted">{t('inventory.download')}</span>{' '}
          <a
            className="button button--small button--secondary"
            href={`${exportBase}.csv${exportQuery}`}
            download
            data-testid="inventory-download-csv"
          >
            {t('download.csv')}
          </a>{' '}
          <a
            className="button button--small button--secondary"
            href={`${exportBase}.xlsx${exportQuery}`}
            download
            data-testid="inventory-download-xlsx"
          >
            {t('download.xlsx')}
          </a>
        </span>
        {editable && (
          <span className="climate-tools">
            <Link
              className="button button--small"
              to={`/members/${slug}/climate/inventories/${summary.id}/edit`}
              data-testid="inventory-edit"
            >
              {t('inventory.edit')}
            </Link>
            <ConfirmButton
              label={t('common:delete')}
              question={t('inventory.deleteQuestion', { year: formatYear(summary.year) })}
              confirmLabel={t('inventory.deleteConfirm')}
              onConfirm={() => remove.mutate()}
              pending={remove.isPending}
              danger
              testId="inventory-delete"
            />
          </span>
        )}
      </div>
      {remove.isError && (
        <p className="climate-error" role="alert">
          {problemText(remove.error)}
        </p>
      )}
      {editable && (
        <HistoryPanel entityType="inventory" id={summary.id} slug={slug} canRestore={editable} />
      )}
    </div>
  );
}

export function InventorySection({
  inventories,
  slug,
  editable,
}: {
  inventories: InventorySummary[];
  slug: string;
  editable: boolean;
}) {
  const { t } = useTranslation('climate');
  const sorted = [...inventories].sort((a, b) => b.year - a.year);
  const [chosen, setChosen] = useState<number | null>(null);
  const selected = sorted.find((i) => i.year === chosen) ?? sorted[0];
  const years = new Set(sorted.map((i) => i.year));
  return (
    <section className="panel climate-section" aria-labelledby="climate-inventory-title">
      <div className="panel__header">
        <h2 id="climate-inventory-title">{t('inventory.title')}</h2>
        {sorted.length > 1 && selected && (
          <label className="field field--inline">
            <span className="field__label">{t('inventory.year')}</span>
            <select
              value={selected.year}
              onChange={(e) => setChosen(Number(e.target.value))}
              data-testid="inventory-year"
            >
              {sorted.map((i) => (
                <option key={i.id} value={i.year}>
                  {i.isIllustrative
                    ? t('inventory.yearIllustrative', { year: formatYear(i.year) })
                    : formatYear(i.year)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="climate-lead">{t('inventory.lead')}</p>
      {!selected ? (
        <EmptyState title={t('inventory.emptyTitle')}>
          <p>{editable ? t('inventory.emptyEditable') : t('inventory.empty')}</p>
        </EmptyState>
      ) : (
        <InventoryView key={selected.id} summary={selected} slug={slug} editable={editable} />
      )}
      {editable && <NewInventoryForm slug={slug} years={years} />}
    </section>
  );
}

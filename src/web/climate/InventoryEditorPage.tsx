/**
 * /members/:slug/climate/inventories/:id/edit — the GPC reporting table as a grid: one row per
 * subcategory, one column per gas (or one CO2e column), each cell a number of tonnes or a
 * notation key. Totals follow as one types, computed by the same engine as the server's.
 * Arrow keys move between cells; saving replaces every entry of the inventory.
 */
import {
  memo,
  useCallback,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import {
  ErrorSummary,
  FormField,
  SavedMessage,
  StaleWriteNotice,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { ErrorMessage, Loading } from '../components/DataState';
import { governmentNameText } from '../components/GovernmentName';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { GPC_SECTORS, GPC_SUBCATEGORIES, type GpcSubcategory } from '../../core/climate/gpc';
import { inventoryTotals } from '../../core/climate/inventory';
import { GWP_SETS, NOTATION_KEYS, type EntryGas, type GwpSet } from '../../core/climate/types';
import type { Government } from '../types';
import { EditAccess } from './access';
import { formatYear, useClimateFormat } from './format';
import { HistoryPanel } from './HistoryPanel';
import {
  cellKey,
  columnsOf,
  GRID_MODES,
  entriesToGrid,
  gridToEntries,
  linesWithBothViews,
  linesWithHiddenValues,
  mayBeNegative,
  moveInGrid,
  parseCell,
  type ArrowKey,
  type GridState,
} from './inventory-grid';
import { useGpcNames } from './parts';
import { refreshClimate, useInventory } from './queries';
import type { Inventory, InventoryPatch } from './types';
import { useUnsavedChanges } from '../forms/unsaved';
import './climate.css';
import { gasLabel } from '../../core/climate/formulas';

export default function InventoryEditorPage() {
  const { slug = '', id } = useParams();
  return (
    <EditAccess slug={slug}>
      {(government) => <InventoryLoader government={government} id={Number(id)} />}
    </EditAccess>
  );
}

function InventoryLoader({ government, id }: { government: Government; id: number }) {
  const inventory = useInventory(Number.isInteger(id) ? id : null);
  if (inventory.isPending) return <Loading />;
  if (inventory.isError) return <ErrorMessage error={inventory.error} />;
  return (
    <InventoryEditor key={inventory.data.id} government={government} inventory={inventory.data} />
  );
}

const SECTOR_ROWS: {
  sector: (typeof GPC_SECTORS)[number];
  rows: { sub: GpcSubcategory; index: number }[];
}[] = GPC_SECTORS.map((sector) => ({
  sector,
  rows: GPC_SUBCATEGORIES.map((sub, index) => ({ sub, index })).filter(
    (r) => r.sub.sector === sector.code,
  ),
}));

const STATUSES = ['draft', 'final'] as const;

interface Meta {
  gwpSet: GwpSet;
  status: (typeof STATUSES)[number];
  boundary: string;
  methodology: string;
  notes: string;
}

function metaOf(inventory: Inventory): Meta {
  return {
    gwpSet: inventory.gwpSet,
    status: inventory.status,
    boundary: inventory.boundary,
    methodology: inventory.methodology,
    notes: inventory.notes ?? '',
  };
}

interface RowProps {
  sub: GpcSubcategory;
  rowIndex: number;
  columns: readonly EntryGas[];
  values: readonly string[];
  lineTotal: number | undefined;
  hiddenValues: boolean;
  bothViews: boolean;
  onCell(key: string, text: string): void;
}

function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.sub === b.sub &&
    a.rowIndex === b.rowIndex &&
    a.columns === b.columns &&
    a.lineTotal === b.lineTotal &&
    a.hiddenValues === b.hiddenValues &&
    a.bothViews === b.bothViews &&
    a.onCell === b.onCell &&
    a.values.length === b.values.length &&
    a.values.every((v, i) => v === b.values[i])
  );
}

const GridRow = memo(function GridRow({
  sub,
  rowIndex,
  columns,
  values,
  lineTotal,
  hiddenValues,
  bothViews,
  onCell,
}: RowProps) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const gpc = useGpcNames();
  const name = gpc.subsector(sub.subsector);
  return (
    <tr className="inventory-grid__row" data-code={sub.code}>
      <th scope="row" className="inventory-grid__code" id={`line-${rowIndex}`}>
        {sub.code}
      </th>
      <td className="inventory-grid__name">
        <span>{name}</span>
        <span className="inventory-grid__scope">{t('scope', { scope: sub.scope })}</span>
        {hiddenValues && <span className="inventory-grid__note">{t('grid.hiddenValues')}</span>}
        {bothViews && (
          <span className="inventory-grid__note inventory-grid__note--warn">
            {t('grid.bothViews')}
          </span>
        )}
      </td>
      <td className="inventory-grid__levels">
        {sub.basic ? (
          <span className="climate-level climate-level--basic">BASIC</span>
        ) : sub.basicPlus ? (
          <span className="climate-level climate-level--plus">BASIC+</span>
        ) : sub.territorialOnly ? (
          <span className="climate-level">{t('grid.territorialOnly')}</span>
        ) : (
          <span className="climate-level">{t('grid.notInTotals')}</span>
        )}
      </td>
      {columns.map((gas, columnIndex) => {
        const text = values[columnIndex] ?? '';
        const parsed = parseCell(text, mayBeNegative(sub.code, gas));
        const invalid = parsed.kind === 'invalid';
        return (
          <td key={gas} className="inventory-grid__cell">
            <input
              id={`cell-${rowIndex}-${columnIndex}`}
              className={`inventory-grid__input${parsed.kind === 'key' ? ' inventory-grid__input--key' : ''}`}
              value={text}
              onChange={(e) => onCell(cellKey(sub.code, gas), e.target.value)}
              onBlur={() => {
                // A notation key typed in lower case ("ne") is shown as the key it is ("NE").
                if (parsed.kind === 'key' && text !== parsed.notationKey) {
                  onCell(cellKey(sub.code, gas), parsed.notationKey);
                }
              }}
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              list="notation-keys"
              data-row={rowIndex}
              data-column={columnIndex}
              aria-label={t('grid.cellLabel', { code: sub.code, name, gas: gasLabel(gas) })}
              aria-describedby="inventory-grid-help"
              aria-invalid={invalid || undefined}
              title={invalid ? t(`grid.problems.${parsed.problem}`) : undefined}
            />
          </td>
        );
      })}
      <td className="inventory-grid__total numeric">
        {lineTotal === undefined ? '' : f.number(lineTotal, 1)}
      </td>
    </tr>
  );
}, sameRow);

function InventoryEditor({
  government,
  inventory,
}: {
  government: Government;
  inventory: Inventory;
}) {
  const { t } = useTranslation(['climate', 'common']);
  const locale = useLocale();
  const f = useClimateFormat();
  const gpc = useGpcNames();
  const queryClient = useQueryClient();
  const [grid, setGrid] = useState<GridState>(() => entriesToGrid(inventory.entries));
  const [meta, setMeta] = useState<Meta>(() => metaOf(inventory));
  // The version the grid shows: each save is made from it (If-Match) and moves it on.
  const [version, setVersion] = useState(inventory.version);
  const [dirty, setDirty] = useState(false);
  // Leaving with cells not saved asks first (a link, a reload, closing the tab).
  useUnsavedChanges(dirty);
  const submit = useSubmitState();
  const [saved, setSaved] = useState(false);
  const table = useRef<HTMLTableElement>(null);
  const slug = government.slug;
  const name = governmentNameText(government.names, government.localLang, locale);
  const heading = t('editor.title', { year: formatYear(inventory.year) });
  usePageTitle(`${heading} · ${name}`);

  const cells = useDeferredValue(grid.cells);
  const computed = useMemo(() => {
    const { entries, problems } = gridToEntries(cells, grid.notes);
    return { entries, problems, totals: inventoryTotals(entries, meta.gwpSet) };
  }, [cells, grid.notes, meta.gwpSet]);
  const columns = columnsOf(grid.mode);
  const hidden = useMemo(
    () => linesWithHiddenValues(grid.cells, grid.mode),
    [grid.cells, grid.mode],
  );
  const both = useMemo(() => linesWithBothViews(grid.cells), [grid.cells]);

  const onCell = useCallback((key: string, text: string) => {
    setGrid((g) => ({ ...g, cells: { ...g.cells, [key]: text } }));
    setDirty(true);
    setSaved(false);
  }, []);

  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/gwpSet', id: 'inventory-gwpSet', label: t('fields.gwpSet') },
      { pointer: '/status', id: 'inventory-status', label: t('fields.status') },
      { pointer: '/boundary', id: 'inventory-boundary', label: t('fields.boundary') },
      { pointer: '/methodology', id: 'inventory-methodology', label: t('fields.methodology') },
      { pointer: '/notes', id: 'inventory-notes', label: t('fields.notes') },
      { pointer: '/entries', id: 'inventory-grid', label: t('fields.entries') },
    ],
    [t],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem);

  const save = useMutation({
    mutationFn: (body: InventoryPatch) =>
      api.patch<Inventory>(`/api/v1/inventories/${inventory.id}`, body, { version }),
    onSuccess: (result) => {
      refreshClimate(queryClient, slug);
      show(result);
      setSaved(true);
    },
    onError: (error) => submit.fail(error),
  });
  const reload = useMutation({
    mutationFn: () => api.get<Inventory>(`/api/v1/inventories/${inventory.id}`),
    onSuccess: (fresh) => {
      show(fresh);
      setSaved(false);
    },
    onError: (error) => submit.fail(error),
  });

  /** The grid and the fields as the server has the inventory now. */
  function show(current: Inventory) {
    queryClient.setQueryData(['climate', 'inventory', current.id], current);
    setGrid((g) => ({ ...entriesToGrid(current.entries), mode: g.mode }));
    setMeta(metaOf(current));
    setVersion(current.version);
    setDirty(false);
    submit.clear();
  }

  function focusCell(row: number, column: number) {
    const input = table.current?.querySelector<HTMLInputElement>(`#cell-${row}-${column}`);
    if (input) {
      input.focus();
      input.select();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const input = event.target as HTMLInputElement;
    if (input.tagName !== 'INPUT' || input.dataset.row === undefined) return;
    const key = event.key as ArrowKey;
    if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(key)) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // Left and right move the caret inside the text until it reaches the edge.
    const start = input.selectionStart ?? 0;
    const end = input.selectionEnd ?? 0;
    const whole = start === 0 && end === input.value.length;
    if (key === 'ArrowLeft' && start > 0 && !whole) return;
    if (key === 'ArrowRight' && end < input.value.length && !whole) return;
    const next = moveInGrid(
      Number(input.dataset.row),
      Number(input.dataset.column),
      key,
      GPC_SUBCATEGORIES.length,
      columns.length,
    );
    if (!next) return;
    event.preventDefault();
    focusCell(next.row, next.column);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const { entries, problems } = gridToEntries(grid.cells, grid.notes);
    if (problems.length > 0) {
      submit.reject(
        problems.map((p) => ({
          pointer: '/entries',
          detail: t('grid.problemAt', {
            code: p.code,
            gas: p.gas,
            problem: t(`grid.problems.${p.problem}`),
          }),
        })),
      );
      return;
    }
    submit.clear();
    save.mutate({
      gwpSet: meta.gwpSet,
      status: meta.status,
      boundary: meta.boundary,
      methodology: meta.methodology,
      notes: meta.notes.trim() === '' ? null : meta.notes,
      entries,
    });
  }

  const setMetaField = (patch: Partial<Meta>) => {
    setMeta((m) => ({ ...m, ...patch }));
    setDirty(true);
    setSaved(false);
  };
  const totals = computed.totals;
  const gridError = errorFor('/entries');

  return (
    <section className="climate-editor" aria-labelledby="inventory-editor-title">
      <div className="admin-heading">
        <div>
          <p className="admin-breadcrumb">
            <Link to={`/members/${slug}/climate`}>{t('page.backTo', { name })}</Link>
          </p>
          <h1 id="inventory-editor-title">
            {heading}{' '}
            {inventory.isIllustrative && (
              <span className="climate-pill climate-pill--warn">{t('inventory.illustrative')}</span>
            )}
          </h1>
        </div>
      </div>
      {inventory.isIllustrative && (
        <p className="climate-illustrative" role="note">
          <strong>{t('inventory.illustrative')}</strong> {t('inventory.illustrativeNote')}
        </p>
      )}
      <ErrorSummary items={summary} attempt={submit.attempt} testId="inventory-errors" />
      <StaleWriteNotice
        problem={submit.problem}
        onReload={() => reload.mutate()}
        reloading={reload.isPending}
      />
      {saved && <SavedMessage testId="inventory-saved">{t('editor.saved')}</SavedMessage>}

      <form onSubmit={onSubmit} noValidate className="climate-inventory-form">
        <fieldset className="admin-fieldset">
          <legend>{t('editor.about')}</legend>
          <div className="admin-grid">
            <FormField
              id="inventory-gwpSet"
              label={t('fields.gwpSet')}
              hint={t('editor.gwpHint')}
              error={errorFor('/gwpSet')}
            >
              {(control) => (
                <select
                  {...control}
                  value={meta.gwpSet}
                  onChange={(e) => setMetaField({ gwpSet: e.target.value as GwpSet })}
                  data-testid="inventory-gwp"
                >
                  {GWP_SETS.map((set) => (
                    <option key={set} value={set}>
                      {t(`gwpSets.${set}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id="inventory-status" label={t('fields.status')} error={errorFor('/status')}>
              {(control) => (
                <select
                  {...control}
                  value={meta.status}
                  onChange={(e) => setMetaField({ status: e.target.value as Meta['status'] })}
                >
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`inventoryStatuses.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              id="inventory-boundary"
              label={t('fields.boundary')}
              error={errorFor('/boundary')}
            >
              {(control) => (
                <input
                  {...control}
                  value={meta.boundary}
                  onChange={(e) => setMetaField({ boundary: e.target.value })}
                />
              )}
            </FormField>
            <FormField
              id="inventory-methodology"
              label={t('fields.methodology')}
              error={errorFor('/methodology')}
            >
              {(control) => (
                <input
                  {...control}
                  value={meta.methodology}
                  onChange={(e) => setMetaField({ methodology: e.target.value })}
                />
              )}
            </FormField>
          </div>
          <FormField id="inventory-notes" label={t('fields.notes')} error={errorFor('/notes')}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={meta.notes}
                onChange={(e) => setMetaField({ notes: e.target.value })}
              />
            )}
          </FormField>
        </fieldset>

        <div className="inventory-totals" data-testid="inventory-totals">
          <h2 className="visually-hidden">{t('editor.totals')}</h2>
          <dl className="climate-totals">
            <div className="climate-facts__item">
              <dt>{t('inventory.basic')}</dt>
              <dd data-testid="inventory-total-basic">{f.tonnes(totals.basic)}</dd>
            </div>
            <div className="climate-facts__item">
              <dt>{t('inventory.basicPlus')}</dt>
              <dd data-testid="inventory-total-basic-plus">{f.tonnes(totals.basicPlus)}</dd>
            </div>
            <div className="climate-facts__item">
              <dt>{t('inventory.territorial')}</dt>
              <dd>{f.tonnes(totals.territorial)}</dd>
            </div>
            <div className="climate-facts__item">
              <dt>{t('inventory.completeness')}</dt>
              <dd>
                {t('editor.coverage', {
                  share: f.share(totals.completeness),
                  covered: f.number(totals.basicCoverage.covered, 0),
                  total: f.number(totals.basicCoverage.total, 0),
                })}
              </dd>
            </div>
          </dl>
          <p className="field__hint">
            {t('editor.totalsHint', { set: t(`gwpSets.${meta.gwpSet}`) })}
          </p>
        </div>

        <fieldset className="climate-mode">
          <legend className="field__label">{t('grid.columns')}</legend>
          {GRID_MODES.map((mode) => (
            <label key={mode} className="admin-radio">
              <input
                type="radio"
                name="grid-mode"
                value={mode}
                checked={grid.mode === mode}
                onChange={() => setGrid((g) => ({ ...g, mode }))}
                data-testid={`inventory-mode-${mode}`}
              />
              {t(`grid.modes.${mode}`)}
            </label>
          ))}
        </fieldset>

        <p id="inventory-grid-help" className="field__hint">
          {t('grid.help')}
        </p>
        {gridError && (
          <p className="admin-field__error" id="inventory-grid-error">
            {gridError}
          </p>
        )}
        <datalist id="notation-keys">
          {NOTATION_KEYS.map((key) => (
            <option key={key} value={key}>
              {t(`notationKeys.${key}`)}
            </option>
          ))}
        </datalist>
        <div className="table-wrap inventory-grid__wrap" id="inventory-grid" tabIndex={-1}>
          <table
            ref={table}
            className="data-table inventory-grid"
            data-testid="inventory-grid"
            data-mode={grid.mode}
          >
            <caption className="visually-hidden">
              {t('grid.caption', { year: formatYear(inventory.year) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('grid.code')}</th>
                <th scope="col">{t('grid.subsector')}</th>
                <th scope="col">{t('grid.level')}</th>
                {columns.map((gas) => (
                  <th key={gas} scope="col" className="inventory-grid__gas">
                    {gasLabel(gas)}
                    <span className="inventory-grid__unit">
                      {gas === 'CO2e' || gas === 'HFCs' || gas === 'PFCs'
                        ? t('grid.unitCo2e')
                        : t('grid.unitGas')}
                    </span>
                  </th>
                ))}
                <th scope="col" className="numeric">
                  {t('grid.lineTotal')}
                </th>
              </tr>
            </thead>
            <tbody onKeyDown={onKeyDown}>
              {SECTOR_ROWS.map(({ sector, rows }) => [
                <tr key={sector.code} className="inventory-grid__sector">
                  <th scope="colgroup" colSpan={columns.length + 4}>
                    {sector.code} {gpc.sector(sector.code)}
                  </th>
                </tr>,
                ...rows.map(({ sub, index }) => (
                  <GridRow
                    key={sub.code}
                    sub={sub}
                    rowIndex={index}
                    columns={columns}
                    values={columns.map((gas) => grid.cells[cellKey(sub.code, gas)] ?? '')}
                    lineTotal={totals.bySubcategory[sub.code]}
                    hiddenValues={hidden.has(sub.code)}
                    bothViews={both.has(sub.code)}
                    onCell={onCell}
                  />
                )),
              ])}
            </tbody>
          </table>
        </div>

        <div className="admin-actions admin-actions--sticky">
          <button
            type="submit"
            className="button"
            disabled={save.isPending}
            aria-busy={save.isPending || undefined}
            data-testid="inventory-save"
          >
            {save.isPending ? t('saving') : t('editor.save')}
          </button>
          <Link className="button button--secondary" to={`/members/${slug}/climate`}>
            {t('editor.back')}
          </Link>
          <span className="muted" role="status">
            {dirty ? t('editor.unsaved') : ''}
          </span>
          <span className="muted">
            {t('editor.summary', {
              entries: f.number(computed.entries.length, 0),
              keys: f.number(totals.notationKeyEntries.length, 0),
            })}
          </span>
        </div>
      </form>
      <HistoryPanel
        entityType="inventory"
        id={inventory.id}
        slug={slug}
        canRestore
        onRestored={(record) => {
          const restored = record as Inventory;
          if (Array.isArray(restored.entries)) {
            setGrid((g) => ({ ...entriesToGrid(restored.entries), mode: g.mode }));
            setMeta(metaOf(restored));
            setDirty(false);
          }
        }}
      />
    </section>
  );
}

/** /members/:slug/climate/actions/new and …/actions/:id/edit — a climate action. */
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api';
import {
  ErrorSummary,
  FormField,
  StaleWriteNotice,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { ErrorMessage, Loading } from '../components/DataState';
import { governmentNameText } from '../components/GovernmentName';
import { useLocale } from '../components/locale';
import { translated } from '../components/translated';
import { TranslationsFields } from '../forms/TranslationsFields';
import { LOCALE_NAMES, LOCALES } from '../../core/locales';
import { usePageTitle } from '../components/page-title';
import { GPC_SECTOR_CODES, type GpcSectorCode } from '../../core/climate/gpc';
import { ACTION_STATUSES, type ActionStatus } from '../../core/climate/types';
import type { Government } from '../types';
import { EditAccess } from './access';
import {
  actionBody,
  actionFormValues,
  emptyActionValues,
  SDGS,
  type ActionFormValues,
} from './action-form';
import { CheckboxGroup, useClimateFieldDetail } from './form-parts';
import { HistoryPanel } from './HistoryPanel';
import { useGpcNames } from './parts';
import { refreshClimate, useActions, useTargets } from './queries';
import type { Action, ActionCreate, Target } from './types';
import type { ClimateNotice } from './GovernmentClimatePage';
import './climate.css';

export default function ActionFormPage() {
  const { slug = '', id } = useParams();
  const actionId = id === undefined ? null : Number(id);
  return (
    <EditAccess slug={slug}>
      {(government) => <ActionLoader government={government} actionId={actionId} />}
    </EditAccess>
  );
}

function ActionLoader({
  government,
  actionId,
}: {
  government: Government;
  actionId: number | null;
}) {
  const { t } = useTranslation('climate');
  // Actions have no single-record GET in the contract: the government's list has them all.
  const actions = useActions(government.slug);
  const targets = useTargets(government.slug, null);
  if (actions.isPending || targets.isPending) return <Loading />;
  if (actions.isError) return <ErrorMessage error={actions.error} />;
  if (targets.isError) return <ErrorMessage error={targets.error} />;
  const action =
    actionId === null ? null : (actions.data.items.find((a) => a.id === actionId) ?? null);
  if (actionId !== null && !action)
    return <ErrorMessage error={new Error(t('actionForm.notFound'))} />;
  return (
    <ActionForm
      key={action?.id ?? 'new'}
      government={government}
      action={action}
      targets={targets.data.items}
    />
  );
}

function ActionForm({
  government,
  action: opened,
  targets,
}: {
  government: Government;
  action: Action | null;
  targets: Target[];
}) {
  const { t } = useTranslation(['climate', 'common']);
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const gpc = useGpcNames();
  const translate = useClimateFieldDetail();
  // The action as last read: the change is made from its version (If-Match).
  const [action, setAction] = useState(opened);
  const [values, setValues] = useState<ActionFormValues>(() =>
    action ? actionFormValues(action) : emptyActionValues(),
  );
  const submit = useSubmitState();
  const slug = government.slug;
  const name = governmentNameText(government.names, government.localLang, locale);
  const heading = action ? t('actionForm.editTitle') : t('actionForm.newTitle');
  usePageTitle(`${heading} · ${name}`);

  const specs = useMemo<FormFieldSpec[]>(
    () =>
      (
        [
          'title',
          'description',
          'status',
          'sector',
          'startDate',
          'endDate',
          'expectedReduction',
          'cost',
          'costCurrency',
          'coBenefits',
          'sdgs',
          'targetIds',
        ] as const
      )
        .map((field) => ({
          pointer: `/${field}`,
          id: `action-${field}`,
          label: t(`fields.${field}`),
        }))
        .concat(
          LOCALES.map((lang) => ({
            pointer: `/titles/${lang}`,
            id: `action-titles-${lang}`,
            label: t('fields.titleIn', { language: LOCALE_NAMES[lang] }),
          })),
        ),
    [t],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem);

  const save = useMutation({
    mutationFn: (body: ActionCreate) =>
      action
        ? api.patch<Action>(`/api/v1/actions/${action.id}`, body, { version: action.version })
        : api.post<Action>(`/api/v1/governments/${encodeURIComponent(slug)}/actions`, body),
    onSuccess: (saved) => {
      refreshClimate(queryClient, slug);
      const notice: ClimateNotice = action ? 'action-saved' : 'action-created';
      void navigate(`/members/${slug}/climate#action-${saved.id}`, { state: { notice } });
    },
    onError: (error) => submit.fail(error),
  });
  // Actions are read from their government's list; the one being edited is taken from it.
  const reload = useMutation({
    mutationFn: async (id: number) => {
      const { items } = await api.get<{ items: Action[] }>(
        `/api/v1/governments/${encodeURIComponent(slug)}/actions`,
      );
      const fresh = items.find((a) => a.id === id);
      if (!fresh) throw new Error(t('actionForm.notFound'));
      return fresh;
    },
    onSuccess: (fresh) => {
      refreshClimate(queryClient, slug);
      setAction(fresh);
      setValues(actionFormValues(fresh));
      submit.clear();
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { body, errors } = actionBody(values);
    if (errors.length > 0) {
      submit.reject(errors.map((e) => ({ ...e, detail: translate(e.detail) })));
      return;
    }
    submit.clear();
    save.mutate(body);
  }
  const set = (patch: Partial<ActionFormValues>) => setValues((v) => ({ ...v, ...patch }));

  return (
    <section className="climate-editor" aria-labelledby="action-form-title">
      <div className="admin-heading">
        <div>
          <p className="admin-breadcrumb">
            <Link to={`/members/${slug}/climate`}>{t('page.backTo', { name })}</Link>
          </p>
          <h1 id="action-form-title">{heading}</h1>
        </div>
      </div>
      <ErrorSummary items={summary} attempt={submit.attempt} testId="action-errors" />
      {action && (
        <StaleWriteNotice
          problem={submit.problem}
          onReload={() => reload.mutate(action.id)}
          reloading={reload.isPending}
        />
      )}
      <form className="admin-form" onSubmit={onSubmit} noValidate data-testid="action-form">
        <fieldset className="admin-fieldset">
          <legend>{t('actionForm.what')}</legend>
          <FormField
            id="action-title"
            label={t('fields.title')}
            error={errorFor('/title')}
            required
          >
            {(control) => (
              <input
                {...control}
                value={values.title}
                onChange={(e) => set({ title: e.target.value })}
                data-testid="action-title"
              />
            )}
          </FormField>
          <TranslationsFields
            id="action-titles"
            legend={t('fields.titles')}
            texts={values.titles}
            onChange={(titles) => set({ titles })}
            errorFor={errorFor}
            maxLength={300}
          />
          <FormField
            id="action-description"
            label={t('fields.description')}
            error={errorFor('/description')}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={values.description}
                onChange={(e) => set({ description: e.target.value })}
              />
            )}
          </FormField>
          <div className="admin-grid">
            <FormField
              id="action-status"
              label={t('fields.status')}
              error={errorFor('/status')}
              required
            >
              {(control) => (
                <select
                  {...control}
                  value={values.status}
                  onChange={(e) => set({ status: e.target.value as ActionStatus })}
                >
                  {ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`actionStatuses.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id="action-sector" label={t('fields.sector')} error={errorFor('/sector')}>
              {(control) => (
                <select
                  {...control}
                  value={values.sector}
                  onChange={(e) => set({ sector: e.target.value as '' | GpcSectorCode })}
                >
                  <option value="">{t('actionForm.noSector')}</option>
                  {GPC_SECTOR_CODES.map((s) => (
                    <option key={s} value={s}>
                      {`${s} ${gpc.sector(s)}`}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              id="action-startDate"
              label={t('fields.startDate')}
              error={errorFor('/startDate')}
            >
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={values.startDate}
                  onChange={(e) => set({ startDate: e.target.value })}
                />
              )}
            </FormField>
            <FormField id="action-endDate" label={t('fields.endDate')} error={errorFor('/endDate')}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={values.endDate}
                  onChange={(e) => set({ endDate: e.target.value })}
                />
              )}
            </FormField>
          </div>
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>{t('actionForm.impact')}</legend>
          <div className="admin-grid">
            <FormField
              id="action-expectedReduction"
              label={t('fields.expectedReduction')}
              hint={t('units.tonnesPerYearHint')}
              error={errorFor('/expectedReduction')}
            >
              {(control) => (
                <input
                  {...control}
                  inputMode="decimal"
                  value={values.expectedReduction}
                  onChange={(e) => set({ expectedReduction: e.target.value })}
                />
              )}
            </FormField>
            <FormField id="action-cost" label={t('fields.cost')} error={errorFor('/cost')}>
              {(control) => (
                <input
                  {...control}
                  inputMode="decimal"
                  value={values.cost}
                  onChange={(e) => set({ cost: e.target.value })}
                />
              )}
            </FormField>
            <FormField
              id="action-costCurrency"
              label={t('fields.costCurrency')}
              hint={t('actionForm.currencyHint')}
              error={errorFor('/costCurrency')}
            >
              {(control) => (
                <input
                  {...control}
                  className="admin-input--short"
                  maxLength={3}
                  value={values.costCurrency}
                  onChange={(e) => set({ costCurrency: e.target.value })}
                />
              )}
            </FormField>
          </div>
          <FormField
            id="action-coBenefits"
            label={t('fields.coBenefits')}
            hint={t('actionForm.coBenefitsHint')}
            error={errorFor('/coBenefits')}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={values.coBenefits}
                onChange={(e) => set({ coBenefits: e.target.value })}
              />
            )}
          </FormField>
          <CheckboxGroup
            id="action-sdgs"
            legend={t('fields.sdgs')}
            options={SDGS}
            selected={values.sdgs}
            onChange={(sdgs) => set({ sdgs })}
            labelOf={(goal) => t('actions.sdg', { goal })}
            error={errorFor('/sdgs')}
            testId="action-sdgs"
          />
          {targets.length > 0 ? (
            <CheckboxGroup
              id="action-targetIds"
              legend={t('fields.targetIds')}
              options={targets.map((target) => target.id)}
              selected={values.targetIds}
              onChange={(targetIds) => set({ targetIds })}
              labelOf={(id) => {
                const target = targets.find((one) => one.id === id);
                return target ? translated(target.titles, target.title, locale) : String(id);
              }}
              error={errorFor('/targetIds')}
            />
          ) : (
            <p className="field__hint">{t('actionForm.noTargets')}</p>
          )}
        </fieldset>
        <div className="admin-actions admin-actions--sticky">
          <button
            type="submit"
            className="button"
            disabled={save.isPending}
            aria-busy={save.isPending || undefined}
            data-testid="action-save"
          >
            {save.isPending ? t('saving') : t('common:save')}
          </button>
          <Link className="button button--secondary" to={`/members/${slug}/climate`}>
            {t('common:cancel')}
          </Link>
        </div>
      </form>
      {action && (
        <HistoryPanel
          entityType="action"
          id={action.id}
          slug={slug}
          canRestore
          onRestored={(record) => setValues(actionFormValues(record as Action))}
        />
      )}
    </section>
  );
}

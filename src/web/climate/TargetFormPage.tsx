/**
 * /members/:slug/climate/targets/new and …/targets/:id/edit — every field of a target, grouped;
 * the figures asked for follow the chosen type, and coverage is asked for emissions targets.
 */
import { Fragment, useMemo, useState, type FormEvent } from 'react';
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
import { GPC_SECTOR_CODES } from '../../core/climate/gpc';
import {
  GASES,
  NET_ZERO_LABELS,
  TARGET_BOUNDARIES,
  TARGET_STATUSES,
  TARGET_TYPES,
  type TargetType,
} from '../../core/climate/types';
import type { Government } from '../types';
import { EditAccess } from './access';
import { CheckboxGroup, useClimateFieldDetail } from './form-parts';
import { HistoryPanel } from './HistoryPanel';
import { useGpcNames } from './parts';
import { refreshClimate, useTarget, useTargets } from './queries';
import {
  emptyTargetValues,
  FIELDS_BY_TYPE,
  hasCoverage,
  requiredTargetFields,
  TARGET_FIELD_KINDS,
  targetBody,
  targetFormValues,
  INTENSITY_UNIT_CHOICES,
  type IntensityUnitChoice,
  type TargetFormValues,
  type TypeField,
} from './target-form';
import { intensityUnitText } from './intensity-unit';
import { parentCandidates } from './targets';
import type { Target, TargetCreate } from './types';
import type { ClimateNotice } from './GovernmentClimatePage';
import { isChanged, useUnsavedChanges } from '../forms/unsaved';
import './climate.css';
import { gasLabel } from '../../core/climate/formulas';

export default function TargetFormPage() {
  const { slug = '', id } = useParams();
  const targetId = id === undefined ? null : Number(id);
  return (
    <EditAccess slug={slug}>
      {(government) => <TargetLoader government={government} targetId={targetId} />}
    </EditAccess>
  );
}

function TargetLoader({
  government,
  targetId,
}: {
  government: Government;
  targetId: number | null;
}) {
  const target = useTarget(targetId);
  const siblings = useTargets(government.slug, null);
  if ((targetId !== null && target.isPending) || siblings.isPending) return <Loading />;
  if (target.isError) return <ErrorMessage error={target.error} />;
  if (siblings.isError) return <ErrorMessage error={siblings.error} />;
  return (
    <TargetForm
      key={target.data?.id ?? 'new'}
      government={government}
      target={target.data ?? null}
      siblings={siblings.data.items}
    />
  );
}

const NUMBER_UNITS: Partial<Record<TypeField, string>> = {
  baseEmissions: 'units.tonnesHint',
  targetEmissions: 'units.tonnesHint',
  bauEmissions: 'units.tonnesHint',
  reductionPercent: 'units.percentHint',
  sharePercent: 'units.percentHint',
};

function TargetForm({
  government,
  target: opened,
  siblings,
}: {
  government: Government;
  target: Target | null;
  siblings: Target[];
}) {
  const { t } = useTranslation(['climate', 'common']);
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const gpc = useGpcNames();
  const translate = useClimateFieldDetail();
  // The target as last read: the change is made from its version (If-Match).
  const [target, setTarget] = useState(opened);
  const [values, setValues] = useState<TargetFormValues>(() =>
    target ? targetFormValues(target) : emptyTargetValues(),
  );
  const submit = useSubmitState();
  // Leaving with changes not saved asks first.
  const base = useMemo(() => (target ? targetFormValues(target) : emptyTargetValues()), [target]);
  const guard = useUnsavedChanges(isChanged(base, values));
  const slug = government.slug;
  const name = governmentNameText(government.names, government.localLang, locale);
  const heading = target ? t('targetForm.editTitle') : t('targetForm.newTitle');
  usePageTitle(`${heading} · ${name}`);

  const shown = FIELDS_BY_TYPE[values.type];
  const required = new Set(requiredTargetFields(values.type));
  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/type', id: 'target-type', label: t('fields.type') },
      { pointer: '/title', id: 'target-title', label: t('fields.title') },
      ...LOCALES.map((lang) => ({
        pointer: `/titles/${lang}`,
        id: `target-titles-${lang}`,
        label: t('fields.titleIn', { language: LOCALE_NAMES[lang] }),
      })),
      { pointer: '/description', id: 'target-description', label: t('fields.description') },
      { pointer: '/parentTargetId', id: 'target-parent', label: t('fields.parentTargetId') },
      ...shown.map((field) => ({
        pointer: `/${field}`,
        id: `target-${field}`,
        label: t(`fields.${field}`),
      })),
      { pointer: '/coverage/gases', id: 'target-gases', label: t('fields.gases') },
      { pointer: '/coverage/scopes', id: 'target-scopes', label: t('fields.scopes') },
      { pointer: '/coverage/sectors', id: 'target-sectors', label: t('fields.sectors') },
      { pointer: '/coverage/boundary', id: 'target-boundary', label: t('fields.boundary') },
      { pointer: '/status', id: 'target-status', label: t('fields.status') },
      { pointer: '/dateSet', id: 'target-dateSet', label: t('fields.dateSet') },
      { pointer: '/sourceUrl', id: 'target-sourceUrl', label: t('fields.sourceUrl') },
      {
        pointer: '/sourceDocument',
        id: 'target-sourceDocument',
        label: t('fields.sourceDocument'),
      },
      { pointer: '/initiatives', id: 'target-initiatives', label: t('fields.initiatives') },
      {
        pointer: '/offsetsAllowed',
        id: 'target-offsetsAllowed',
        label: t('fields.offsetsAllowed'),
      },
    ],
    [t, shown],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem, {
    '/coverage': 'target-boundary',
  });

  const save = useMutation({
    mutationFn: (body: TargetCreate) =>
      target
        ? api.patch<Target>(`/api/v1/targets/${target.id}`, body, { version: target.version })
        : api.post<Target>(`/api/v1/governments/${encodeURIComponent(slug)}/targets`, body),
    onSuccess: (saved) => {
      refreshClimate(queryClient, slug);
      const notice: ClimateNotice = target ? 'target-saved' : 'target-created';
      guard.release();
      void navigate(`/members/${slug}/climate#target-${saved.id}`, { state: { notice } });
    },
    onError: (error) => submit.fail(error),
  });
  const reload = useMutation({
    mutationFn: (id: number) => api.get<Target>(`/api/v1/targets/${id}`),
    onSuccess: (fresh) => {
      queryClient.setQueryData(['climate', 'target', fresh.id], fresh);
      setTarget(fresh);
      setValues(targetFormValues(fresh));
      submit.clear();
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { body, errors } = targetBody(values);
    if (errors.length > 0) {
      submit.reject(errors.map((e) => ({ ...e, detail: translate(e.detail) })));
      return;
    }
    submit.clear();
    save.mutate(body);
  }

  const set = (patch: Partial<TargetFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const parents = parentCandidates(siblings, target?.id ?? null);

  function typeField(field: TypeField) {
    const fieldId = `target-${field}`;
    const label = t(`fields.${field}`);
    const unit = NUMBER_UNITS[field];
    const hint =
      field === 'intensityUnit'
        ? t('targetForm.intensityUnitHint')
        : field === 'targetEmissions'
          ? t('targetForm.targetEmissionsHint')
          : field === 'levelUnit'
            ? t('targetForm.levelUnitHint')
            : unit
              ? t(unit)
              : undefined;
    if (field === 'intensityUnit') {
      // A known unit is chosen by its name (its code never shows); another is typed.
      const typedId = `${fieldId}-typed`;
      return (
        <Fragment key={field}>
          <FormField
            id={fieldId}
            label={label}
            required={required.has(field)}
            error={values.intensityUnitChoice === 'other' ? undefined : errorFor(`/${field}`)}
          >
            {(control) => (
              <select
                {...control}
                value={values.intensityUnitChoice}
                onChange={(e) =>
                  set({ intensityUnitChoice: e.target.value as IntensityUnitChoice })
                }
                data-testid="target-field-intensityUnit"
              >
                {INTENSITY_UNIT_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice === ''
                      ? t('targetForm.intensityUnitNone')
                      : choice === 'other'
                        ? t('targetForm.intensityUnitOther')
                        : t('targetForm.intensityUnitPer', {
                            unit: intensityUnitText(t, choice),
                          })}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {values.intensityUnitChoice === 'other' && (
            <FormField
              id={typedId}
              label={t('targetForm.intensityUnitTyped')}
              hint={hint}
              required={required.has(field)}
              error={errorFor(`/${field}`)}
            >
              {(control) => (
                <input
                  {...control}
                  value={values.intensityUnit}
                  onChange={(e) => set({ intensityUnit: e.target.value })}
                  data-testid="target-field-intensityUnit-typed"
                />
              )}
            </FormField>
          )}
        </Fragment>
      );
    }
    if (field === 'netZeroLabel') {
      return (
        <FormField
          key={field}
          id={fieldId}
          label={label}
          hint={t('targetForm.netZeroHint')}
          error={errorFor(`/${field}`)}
        >
          {(control) => (
            <select
              {...control}
              value={values.netZeroLabel}
              onChange={(e) => set({ netZeroLabel: e.target.value })}
            >
              <option value="">{t('targetForm.notNetZero')}</option>
              {NET_ZERO_LABELS.map((l) => (
                <option key={l} value={l}>
                  {t(`netZeroLabels.${l}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      );
    }
    const numeric = TARGET_FIELD_KINDS[field] !== 'text';
    const year = TARGET_FIELD_KINDS[field] === 'year';
    return (
      <FormField
        key={field}
        id={fieldId}
        label={label}
        hint={hint}
        required={required.has(field)}
        error={errorFor(`/${field}`)}
      >
        {(control) => (
          <input
            {...control}
            inputMode={year ? 'numeric' : numeric ? 'decimal' : undefined}
            className={year ? 'admin-input--short' : undefined}
            value={values[field]}
            onChange={(e) => set({ [field]: e.target.value })}
            data-testid={`target-field-${field}`}
          />
        )}
      </FormField>
    );
  }

  return (
    <section className="climate-editor" aria-labelledby="target-form-title">
      <div className="admin-heading">
        <div>
          <p className="admin-breadcrumb">
            <Link to={`/members/${slug}/climate`}>{t('page.backTo', { name })}</Link>
          </p>
          <h1 id="target-form-title">{heading}</h1>
        </div>
      </div>
      <ErrorSummary items={summary} attempt={submit.attempt} testId="target-errors" />
      {target && (
        <StaleWriteNotice
          problem={submit.problem}
          onReload={() => reload.mutate(target.id)}
          reloading={reload.isPending}
        />
      )}
      <form className="admin-form" onSubmit={onSubmit} noValidate data-testid="target-form">
        <fieldset className="admin-fieldset">
          <legend>{t('targetForm.what')}</legend>
          <div className="admin-grid">
            <FormField id="target-type" label={t('fields.type')} error={errorFor('/type')} required>
              {(control) => (
                <select
                  {...control}
                  value={values.type}
                  onChange={(e) => set({ type: e.target.value as TargetType })}
                  data-testid="target-type"
                >
                  {TARGET_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`targetTypes.${type}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              id="target-parent"
              label={t('fields.parentTargetId')}
              hint={t('targetForm.parentHint')}
              error={errorFor('/parentTargetId')}
            >
              {(control) => (
                <select
                  {...control}
                  value={values.parentTargetId}
                  onChange={(e) => set({ parentTargetId: e.target.value })}
                >
                  <option value="">{t('targetForm.noParent')}</option>
                  {parents.map((p) => (
                    <option key={p.id} value={p.id}>
                      {translated(p.titles, p.title, locale)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
          <p className="field__hint">{t(`targetForm.typeHints.${values.type}`)}</p>
          <FormField
            id="target-title"
            label={t('fields.title')}
            error={errorFor('/title')}
            required
          >
            {(control) => (
              <input
                {...control}
                value={values.title}
                onChange={(e) => set({ title: e.target.value })}
                data-testid="target-title"
              />
            )}
          </FormField>
          <TranslationsFields
            id="target-titles"
            legend={t('fields.titles')}
            texts={values.titles}
            onChange={(titles) => set({ titles })}
            errorFor={errorFor}
            maxLength={300}
          />
          <FormField
            id="target-description"
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
        </fieldset>

        <fieldset className="admin-fieldset" data-testid="target-figures">
          <legend>{t('targetForm.figures')}</legend>
          <div className="admin-grid">{shown.map(typeField)}</div>
        </fieldset>

        {hasCoverage(values.type) && (
          <fieldset className="admin-fieldset">
            <legend>{t('targetForm.coverage')}</legend>
            <CheckboxGroup
              id="target-gases"
              legend={t('fields.gases')}
              options={GASES}
              selected={values.gases}
              onChange={(gases) => set({ gases })}
              labelOf={(gas) => gasLabel(gas)}
              error={errorFor('/coverage/gases')}
              testId="target-gases"
            />
            <CheckboxGroup
              id="target-scopes"
              legend={t('fields.scopes')}
              options={[1, 2, 3]}
              selected={values.scopes}
              onChange={(scopes) => set({ scopes })}
              labelOf={(scope) => t('scope', { scope })}
              error={errorFor('/coverage/scopes')}
              testId="target-scopes"
            />
            <CheckboxGroup
              id="target-sectors"
              legend={t('fields.sectors')}
              options={GPC_SECTOR_CODES}
              selected={values.sectors}
              onChange={(sectors) => set({ sectors })}
              labelOf={(sector) => `${sector} ${gpc.sector(sector)}`}
              error={errorFor('/coverage/sectors')}
              testId="target-sectors"
            />
            <FormField
              id="target-boundary"
              label={t('fields.boundary')}
              error={errorFor('/coverage/boundary')}
            >
              {(control) => (
                <select
                  {...control}
                  value={values.boundary}
                  onChange={(e) =>
                    set({ boundary: e.target.value as TargetFormValues['boundary'] })
                  }
                >
                  {TARGET_BOUNDARIES.map((b) => (
                    <option key={b} value={b}>
                      {t(`boundaries.${b}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </fieldset>
        )}

        <fieldset className="admin-fieldset">
          <legend>{t('targetForm.statusAndSource')}</legend>
          <div className="admin-grid">
            <FormField
              id="target-status"
              label={t('fields.status')}
              error={errorFor('/status')}
              required
            >
              {(control) => (
                <select
                  {...control}
                  value={values.status}
                  onChange={(e) => set({ status: e.target.value as TargetFormValues['status'] })}
                >
                  {TARGET_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`targetStatuses.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id="target-dateSet" label={t('fields.dateSet')} error={errorFor('/dateSet')}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={values.dateSet}
                  onChange={(e) => set({ dateSet: e.target.value })}
                />
              )}
            </FormField>
            <FormField
              id="target-offsetsAllowed"
              label={t('fields.offsetsAllowed')}
              error={errorFor('/offsetsAllowed')}
            >
              {(control) => (
                <select
                  {...control}
                  value={values.offsetsAllowed}
                  onChange={(e) =>
                    set({ offsetsAllowed: e.target.value as TargetFormValues['offsetsAllowed'] })
                  }
                >
                  <option value="">{t('unknown')}</option>
                  <option value="yes">{t('yes')}</option>
                  <option value="no">{t('no')}</option>
                </select>
              )}
            </FormField>
          </div>
          <FormField
            id="target-sourceUrl"
            label={t('fields.sourceUrl')}
            hint={t('targetForm.sourceUrlHint')}
            error={errorFor('/sourceUrl')}
          >
            {(control) => (
              <input
                {...control}
                type="url"
                value={values.sourceUrl}
                onChange={(e) => set({ sourceUrl: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            id="target-sourceDocument"
            label={t('fields.sourceDocument')}
            error={errorFor('/sourceDocument')}
          >
            {(control) => (
              <input
                {...control}
                value={values.sourceDocument}
                onChange={(e) => set({ sourceDocument: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            id="target-initiatives"
            label={t('fields.initiatives')}
            hint={t('targetForm.initiativesHint')}
            error={errorFor('/initiatives')}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={values.initiatives}
                onChange={(e) => set({ initiatives: e.target.value })}
              />
            )}
          </FormField>
        </fieldset>

        <div className="admin-actions admin-actions--sticky">
          <button
            type="submit"
            className="button"
            disabled={save.isPending}
            aria-busy={save.isPending || undefined}
            data-testid="target-save"
          >
            {save.isPending ? t('saving') : t('common:save')}
          </button>
          <Link className="button button--secondary" to={`/members/${slug}/climate`}>
            {t('common:cancel')}
          </Link>
        </div>
      </form>
      {target && (
        <HistoryPanel
          entityType="target"
          id={target.id}
          slug={slug}
          canRestore
          onRestored={(record) => setValues(targetFormValues(record as Target))}
        />
      )}
    </section>
  );
}

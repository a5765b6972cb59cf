/** The secretariat's forms on a body's page: its rules, a new term, the seats of a term. */
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import {
  ErrorSummary,
  FormField,
  StaleWriteNotice,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { MAJORITY_RULES } from '../../core/governance/votes';
import { refreshBody } from './queries';
import { rulesFormValues, rulesPatch, type RulesFormValues } from './rules-form';
import { SeatAdmin, SeatCard, SeatForm } from './seats';
import type { Body, MajorityRule, Seat, Term, TermCreate } from './types';

/**
 * The seats of a term as cards; for admins each card can be edited or removed in place,
 * and a seat can be added.
 */
export function SeatGrid({
  seats,
  bodySlug,
  termId,
  canManage,
}: {
  seats: readonly Seat[];
  bodySlug: string;
  termId: number | null;
  canManage: boolean;
}) {
  const { t } = useTranslation('governance');
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const sorted = [...seats].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  return (
    <>
      {sorted.length === 0 ? (
        <p className="muted">{t('seats.none')}</p>
      ) : (
        <ul className="gov-seats" data-testid="seats">
          {sorted.map((seat) => (
            <SeatCard
              key={seat.id}
              seat={seat}
              bodySlug={bodySlug}
              actions={
                canManage ? (
                  <SeatAdmin
                    seat={seat}
                    bodySlug={bodySlug}
                    editing={editing === seat.id}
                    onEdit={() => setEditing(seat.id)}
                    onClose={() => setEditing(null)}
                  />
                ) : undefined
              }
            />
          ))}
        </ul>
      )}
      {canManage && termId !== null && (
        <div className="gov-admin-block">
          {editing === 'new' ? (
            <SeatForm
              bodySlug={bodySlug}
              termId={termId}
              seat={null}
              onDone={() => setEditing(null)}
            />
          ) : (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setEditing('new')}
              data-testid="add-seat"
            >
              {t('seats.add')}
            </button>
          )}
        </div>
      )}
    </>
  );
}

export function RulesForm({ body, onDone }: { body: Body; onDone(saved: boolean): void }) {
  const { t } = useTranslation('governance');
  const queryClient = useQueryClient();
  const [values, setValues] = useState<RulesFormValues>(() => rulesFormValues(body.rules));
  // The version the rules were opened at: the change is refused (412) if someone changed them.
  const [version, setVersion] = useState(body.version);
  const submit = useSubmitState();
  const specs = useMemo<FormFieldSpec[]>(
    () => [
      {
        pointer: '/rules/quorum/numerator',
        id: 'rules-numerator',
        label: t('rulesForm.numerator'),
      },
      {
        pointer: '/rules/quorum/denominator',
        id: 'rules-denominator',
        label: t('rulesForm.denominator'),
      },
      { pointer: '/rules/quorum/strict', id: 'rules-comparison', label: t('rulesForm.comparison') },
      {
        pointer: '/rules/quorum/proxiesCount',
        id: 'rules-proxiesCount',
        label: t('rulesForm.proxiesCount'),
      },
      {
        pointer: '/rules/maxPrincipalsPerProxy',
        id: 'rules-maxPrincipals',
        label: t('rulesForm.maxPrincipalsPerProxy'),
      },
      { pointer: '/rules/majorityRule', id: 'rules-majority', label: t('rulesForm.majorityRule') },
      { pointer: '/rules/termYears', id: 'rules-termYears', label: t('rulesForm.termYears') },
    ],
    [t],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem, {
    '/rules/quorum': 'rules-numerator',
  });

  const save = useMutation({
    mutationFn: (patch: ReturnType<typeof rulesPatch>['patch']) =>
      api.patch<Body>(`/api/v1/bodies/${encodeURIComponent(body.slug)}`, patch, { version }),
    onSuccess: () => {
      refreshBody(queryClient, body.slug);
      onDone(true);
    },
    onError: (error) => submit.fail(error),
  });
  const reload = useMutation({
    mutationFn: () => api.get<Body>(`/api/v1/bodies/${encodeURIComponent(body.slug)}`),
    onSuccess: (fresh) => {
      refreshBody(queryClient, body.slug);
      setValues(rulesFormValues(fresh.rules));
      setVersion(fresh.version);
      submit.clear();
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { patch, problems } = rulesPatch(values);
    if (problems.length > 0) {
      submit.reject(
        problems.map((p) => ({
          pointer: p.pointer,
          detail: t(`rulesForm.problems.${p.code}`, p.values),
        })),
      );
      return;
    }
    submit.clear();
    save.mutate(patch);
  }

  const set = (patch: Partial<RulesFormValues>) => setValues((v) => ({ ...v, ...patch }));
  return (
    <form
      className="admin-subform"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="rules-form-title"
    >
      <h3 id="rules-form-title">{t('rulesForm.title')}</h3>
      <ErrorSummary items={summary} attempt={submit.attempt} testId="rules-errors" />
      <StaleWriteNotice
        problem={submit.problem}
        onReload={() => reload.mutate()}
        reloading={reload.isPending}
      />
      <fieldset className="admin-fieldset">
        <legend>{t('rulesForm.quorum')}</legend>
        <div className="gov-inline-fields">
          <FormField
            id="rules-comparison"
            label={t('rulesForm.comparison')}
            error={errorFor('/rules/quorum/strict')}
          >
            {(control) => (
              <select
                {...control}
                value={values.comparison}
                onChange={(e) =>
                  set({ comparison: e.target.value as RulesFormValues['comparison'] })
                }
              >
                <option value="more-than">{t('rulesForm.moreThan')}</option>
                <option value="at-least">{t('rulesForm.atLeast')}</option>
              </select>
            )}
          </FormField>
          <FormField
            id="rules-numerator"
            label={t('rulesForm.numerator')}
            error={errorFor('/rules/quorum/numerator')}
          >
            {(control) => (
              <input
                {...control}
                className="admin-input--short"
                inputMode="numeric"
                value={values.numerator}
                onChange={(e) => set({ numerator: e.target.value })}
                data-testid="rules-numerator"
              />
            )}
          </FormField>
          <FormField
            id="rules-denominator"
            label={t('rulesForm.denominator')}
            error={errorFor('/rules/quorum/denominator')}
          >
            {(control) => (
              <input
                {...control}
                className="admin-input--short"
                inputMode="numeric"
                value={values.denominator}
                onChange={(e) => set({ denominator: e.target.value })}
                data-testid="rules-denominator"
              />
            )}
          </FormField>
        </div>
        <FormField
          id="rules-proxiesCount"
          label={t('rulesForm.proxiesCount')}
          error={errorFor('/rules/quorum/proxiesCount')}
          className="admin-field--checkbox"
        >
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={values.proxiesCount}
              onChange={(e) => set({ proxiesCount: e.target.checked })}
            />
          )}
        </FormField>
      </fieldset>
      <FormField
        id="rules-maxPrincipals"
        label={t('rulesForm.maxPrincipalsPerProxy')}
        hint={t('rulesForm.maxPrincipalsHint')}
        error={errorFor('/rules/maxPrincipalsPerProxy')}
      >
        {(control) => (
          <input
            {...control}
            className="admin-input--short"
            inputMode="numeric"
            value={values.maxPrincipalsPerProxy}
            onChange={(e) => set({ maxPrincipalsPerProxy: e.target.value })}
          />
        )}
      </FormField>
      <FormField
        id="rules-majority"
        label={t('rulesForm.majorityRule')}
        error={errorFor('/rules/majorityRule')}
      >
        {(control) => (
          <select
            {...control}
            value={values.majorityRule}
            onChange={(e) => set({ majorityRule: e.target.value as MajorityRule })}
          >
            {MAJORITY_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {t(`majorityRules.${rule}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id="rules-termYears"
        label={t('rulesForm.termYears')}
        error={errorFor('/rules/termYears')}
      >
        {(control) => (
          <input
            {...control}
            className="admin-input--short"
            inputMode="numeric"
            value={values.termYears}
            onChange={(e) => set({ termYears: e.target.value })}
          />
        )}
      </FormField>
      <div className="admin-actions">
        <button type="submit" className="button" disabled={save.isPending} data-testid="save-rules">
          {save.isPending ? t('actions.saving') : t('common:save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

export function TermForm({
  body,
  initial,
  onDone,
}: {
  body: Body;
  /** Proposed values, e.g. the term after the last one. */
  initial?: TermCreate;
  onDone(term: Term | null): void;
}) {
  const { t } = useTranslation('governance');
  const queryClient = useQueryClient();
  const [values, setValues] = useState<TermCreate>(
    initial ?? { label: '', startsOn: '', endsOn: '' },
  );
  const submit = useSubmitState();
  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/label', id: 'term-label', label: t('termForm.label') },
      { pointer: '/startsOn', id: 'term-startsOn', label: t('termForm.startsOn') },
      { pointer: '/endsOn', id: 'term-endsOn', label: t('termForm.endsOn') },
    ],
    [t],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem);
  const save = useMutation({
    mutationFn: (term: TermCreate) =>
      api.post<Term>(`/api/v1/bodies/${encodeURIComponent(body.slug)}/terms`, term),
    onSuccess: (term) => {
      refreshBody(queryClient, body.slug);
      onDone(term);
    },
    onError: (error) => submit.fail(error),
  });
  return (
    <form
      className="admin-subform"
      noValidate
      aria-labelledby="term-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        submit.clear();
        save.mutate({ ...values, label: values.label.trim() });
      }}
    >
      <h3 id="term-form-title">{t('termForm.title')}</h3>
      <ErrorSummary items={summary} attempt={submit.attempt} testId="term-errors" />
      <FormField
        id="term-label"
        label={t('termForm.label')}
        hint={t('termForm.labelHint')}
        required
        error={errorFor('/label')}
      >
        {(control) => (
          <input
            {...control}
            value={values.label}
            maxLength={40}
            onChange={(e) => setValues((v) => ({ ...v, label: e.target.value }))}
            data-testid="term-label"
          />
        )}
      </FormField>
      <div className="gov-inline-fields">
        <FormField
          id="term-startsOn"
          label={t('termForm.startsOn')}
          required
          error={errorFor('/startsOn')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.startsOn}
              onChange={(e) => setValues((v) => ({ ...v, startsOn: e.target.value }))}
              data-testid="term-startsOn"
            />
          )}
        </FormField>
        <FormField
          id="term-endsOn"
          label={t('termForm.endsOn')}
          required
          error={errorFor('/endsOn')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.endsOn}
              onChange={(e) => setValues((v) => ({ ...v, endsOn: e.target.value }))}
              data-testid="term-endsOn"
            />
          )}
        </FormField>
      </div>
      <div className="admin-actions">
        <button type="submit" className="button" disabled={save.isPending} data-testid="save-term">
          {save.isPending ? t('actions.saving') : t('termForm.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

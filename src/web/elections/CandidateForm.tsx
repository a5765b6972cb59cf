/**
 * Nominating a government in an election: its political leader (from the people recorded at
 * the government), a short statement in the viewer's language and the code of honour. An
 * officer nominates their own government; the secretariat chooses any member first. The
 * endorsement document is uploaded on the candidacy once it exists.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { personNameText } from '../../core/names';
import { api } from '../api';
import { languageName } from '../components/format';
import { useLocale } from '../components/locale';
import {
  ErrorSummary,
  FormField,
  useFormProblems,
  useProblemText,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { GovernmentPicker, type PickedGovernment } from '../forms/GovernmentPicker';
import type { Government } from '../types';
import { leaderOptions, nominationBody } from './nomination';
import { storeElection, usePeopleOf } from './queries';
import type { Election } from './types';

interface ChosenGovernment {
  id: number;
  slug: string;
}

export function CandidateForm({
  election,
  government: fixed,
  idPrefix,
  onNominated,
}: {
  election: Election;
  /** The officer's own government; null lets the secretariat choose one. */
  government: ChosenGovernment | null;
  idPrefix: string;
  onNominated?(election: Election): void;
}) {
  const { t } = useTranslation(['elections', 'common']);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [picked, setPicked] = useState<PickedGovernment | null>(null);
  const [chosen, setChosen] = useState<ChosenGovernment | null>(fixed);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [personId, setPersonId] = useState('');
  const [statement, setStatement] = useState('');
  const [codeOfHonour, setCodeOfHonour] = useState(false);
  const submit = useSubmitState();
  const government = fixed ?? chosen;
  const people = usePeopleOf(government?.slug ?? null);
  const today = new Date().toISOString().slice(0, 10);
  const options = useMemo(
    () => (government && people.data ? leaderOptions(people.data.items, government.id, today) : []),
    [government, people.data, today],
  );

  const specs = useMemo<FormFieldSpec[]>(
    () => [
      ...(fixed
        ? []
        : [
            {
              pointer: '/governmentId',
              id: `${idPrefix}-government`,
              label: t('nominate.government'),
            },
          ]),
      { pointer: '/personId', id: `${idPrefix}-person`, label: t('nominate.leader') },
      { pointer: '/statement', id: `${idPrefix}-statement`, label: t('nominate.statement') },
      {
        pointer: '/codeOfHonourAccepted',
        id: `${idPrefix}-honour`,
        label: t('nominate.codeOfHonourLabel'),
      },
    ],
    [fixed, idPrefix, t],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem);

  const nominate = useMutation({
    mutationFn: (body: ReturnType<typeof nominationBody>['body']) =>
      api.post<Election>(`/api/v1/elections/${election.id}/candidates`, body),
    onSuccess: (saved) => {
      storeElection(queryClient, saved);
      submit.clear();
      setPersonId('');
      setStatement('');
      setCodeOfHonour(false);
      onNominated?.(saved);
    },
    onError: (error) => submit.fail(error),
  });

  async function choose(value: PickedGovernment | null) {
    setPicked(value);
    setChosen(null);
    setPersonId('');
    setLookupError(null);
    if (!value) return;
    try {
      const found = await api.get<Government>(
        `/api/v1/governments/${encodeURIComponent(value.slug)}`,
      );
      setChosen({ id: found.id, slug: found.slug });
    } catch (error) {
      setLookupError(problemText(error));
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { body, problems } = nominationBody({
      governmentId: government?.id ?? null,
      personId,
      statement,
      lang: locale,
      codeOfHonour,
    });
    if (problems.length > 0) {
      submit.reject(
        problems.map((p) => ({
          pointer: p.pointer,
          detail: t(`nominateProblems.${p.code}`),
        })),
      );
      return;
    }
    nominate.mutate(body);
  }

  return (
    <form
      className="admin-form election-nominate"
      onSubmit={onSubmit}
      noValidate
      data-testid={`${idPrefix}-form`}
    >
      <ErrorSummary items={summary} attempt={submit.attempt} testId={`${idPrefix}-errors`} />
      {!fixed && (
        <FormField
          id={`${idPrefix}-government`}
          label={t('nominate.government')}
          error={errorFor('/governmentId') ?? lookupError ?? undefined}
          required
        >
          {(control) => (
            <GovernmentPicker
              control={control}
              value={picked}
              onChange={(value) => void choose(value)}
              testId={`${idPrefix}-government`}
            />
          )}
        </FormField>
      )}
      <FormField
        id={`${idPrefix}-person`}
        label={t('nominate.leader')}
        hint={t('nominate.leaderHint')}
        error={errorFor('/personId')}
        required
      >
        {(control) => (
          <select
            {...control}
            value={personId}
            onChange={(e) => setPersonId(e.target.value)}
            disabled={!government || people.isPending}
            data-testid={`${idPrefix}-person`}
          >
            <option value="">
              {!government
                ? t('nominate.chooseGovernmentFirst')
                : people.isPending
                  ? t('common:loading')
                  : options.length === 0
                    ? t('nominate.nobody')
                    : t('admin:form.choose')}
            </option>
            {options.map((option) => (
              <option key={option.person.id} value={option.person.id}>
                {personNameText(option.person, locale)} —{' '}
                {option.titles
                  .map((title) => t(`common:positions.${title}`, { defaultValue: title }))
                  .join(', ')}
                {option.political ? '' : ` (${t('nominate.notPolitical')})`}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {people.isError && (
        <p className="admin-field__error" role="alert">
          {problemText(people.error)}
        </p>
      )}
      <FormField
        id={`${idPrefix}-statement`}
        label={t('nominate.statement')}
        hint={t('nominate.statementHint', { language: languageName(locale, locale) })}
        error={errorFor('/statement')}
      >
        {(control) => (
          <textarea
            {...control}
            lang={locale}
            rows={3}
            maxLength={200}
            value={statement}
            onChange={(e) => setStatement(e.target.value)}
            data-testid={`${idPrefix}-statement`}
          />
        )}
      </FormField>
      <div
        className={`field admin-field${errorFor('/codeOfHonourAccepted') ? ' admin-field--invalid' : ''}`}
      >
        <p className="field__hint" id={`${idPrefix}-honour-hint`}>
          {t('nominate.codeOfHonourText')}
        </p>
        {errorFor('/codeOfHonourAccepted') && (
          <p id={`${idPrefix}-honour-error`} className="admin-field__error">
            {errorFor('/codeOfHonourAccepted')}
          </p>
        )}
        <label className="admin-radio">
          <input
            id={`${idPrefix}-honour`}
            type="checkbox"
            checked={codeOfHonour}
            onChange={(e) => setCodeOfHonour(e.target.checked)}
            aria-describedby={[
              errorFor('/codeOfHonourAccepted') ? `${idPrefix}-honour-error` : null,
              `${idPrefix}-honour-hint`,
            ]
              .filter(Boolean)
              .join(' ')}
            aria-invalid={errorFor('/codeOfHonourAccepted') ? true : undefined}
            required
            data-testid={`${idPrefix}-honour`}
          />
          {t('nominate.codeOfHonourLabel')}
          <span className="admin-field__required"> ({t('admin:form.required')})</span>
        </label>
      </div>
      <div className="admin-actions">
        <button
          type="submit"
          className="button"
          disabled={nominate.isPending}
          aria-busy={nominate.isPending || undefined}
          data-testid={`${idPrefix}-submit`}
        >
          {fixed ? t('nominate.submitOwn') : t('nominate.submit')}
        </button>
      </div>
    </form>
  );
}

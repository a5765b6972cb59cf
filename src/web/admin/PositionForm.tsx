import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { POSITION_TITLES, type PositionTitle } from '../../core/membership';
import type { PositionCreate } from '../../server/people/schemas';
import { personNameText } from '../../core/names';
import { api } from '../api';
import { useLocale } from '../components/locale';
import { translated } from '../components/translated';
import type { Office, Person, Position } from '../types';
import {
  ErrorSummary,
  FormField,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { GovernmentPicker, type PickedGovernment } from '../forms/GovernmentPicker';

type Place = 'government' | 'office';

/** Titles held in governments come first; the network's own titles suit offices. */
const OFFICE_TITLES: readonly PositionTitle[] = [
  'secretary-general',
  'founding-director',
  'regional-director',
  'staff-liaison',
];

/** Gives a person a position in a government (found by name) or in one of the network's offices. */
export function PositionForm({
  person,
  initialGovernment,
  onDone,
}: {
  person: Person;
  initialGovernment: PickedGovernment | null;
  onDone(saved: Position | null): void;
}) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const prefix = `position-${person.id}`;
  const [place, setPlace] = useState<Place>('government');
  const [government, setGovernment] = useState<PickedGovernment | null>(initialGovernment);
  const [officeSlug, setOfficeSlug] = useState('');
  const [title, setTitle] = useState<PositionTitle>('mayor');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const submit = useSubmitState();

  const offices = useQuery({
    queryKey: ['offices'],
    queryFn: () => api.get<{ items: Office[] }>('/api/v1/offices'),
    staleTime: 5 * 60_000,
    enabled: place === 'office',
  });

  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/governmentSlug', id: `${prefix}-government`, label: t('fields.government') },
      { pointer: '/officeSlug', id: `${prefix}-office`, label: t('fields.office') },
      { pointer: '/title', id: `${prefix}-title`, label: t('fields.title') },
      { pointer: '/startDate', id: `${prefix}-start`, label: t('fields.startDate') },
      { pointer: '/endDate', id: `${prefix}-end`, label: t('fields.endDate') },
    ],
    [prefix, t],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem);

  const create = useMutation({
    mutationFn: (body: PositionCreate) => api.post<Position>('/api/v1/positions', body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void queryClient.invalidateQueries({ queryKey: ['government'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      onDone(saved);
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: PositionCreate = {
      personId: person.id,
      title,
      startDate: startDate || null,
      endDate: endDate || null,
    };
    if (place === 'government') {
      if (!government) {
        submit.reject([{ pointer: '/governmentSlug', detail: 'is required' }]);
        return;
      }
      body.governmentSlug = government.slug;
    } else {
      if (!officeSlug) {
        submit.reject([{ pointer: '/officeSlug', detail: 'is required' }]);
        return;
      }
      body.officeSlug = officeSlug;
    }
    if (startDate && endDate && endDate < startDate) {
      submit.reject([{ pointer: '/endDate', detail: 'must not be before the start date' }]);
      return;
    }
    create.mutate(body);
  }

  const titleOptions =
    place === 'office'
      ? [...OFFICE_TITLES, ...POSITION_TITLES.filter((x) => !OFFICE_TITLES.includes(x))]
      : POSITION_TITLES;
  const headingId = `${prefix}-form-title`;

  return (
    <form
      className="admin-form admin-subform"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{t('people.addPositionFor', { name: personNameText(person, locale) })}</h3>
      <ErrorSummary items={summary} attempt={submit.attempt} testId={`${prefix}-errors`} />
      <fieldset className="admin-fieldset admin-fieldset--inline">
        <legend>{t('people.where')}</legend>
        {(['government', 'office'] as const).map((option) => (
          <label key={option} className="admin-radio">
            <input
              type="radio"
              name={`${prefix}-place`}
              value={option}
              checked={place === option}
              onChange={() => setPlace(option)}
            />
            {t(`people.place.${option}`)}
          </label>
        ))}
      </fieldset>
      <div className="admin-grid">
        {place === 'government' ? (
          <FormField
            id={`${prefix}-government`}
            label={t('fields.government')}
            hint={t('picker.hint')}
            error={errorFor('/governmentSlug')}
            required
          >
            {(control) => (
              <GovernmentPicker
                control={control}
                value={government}
                onChange={setGovernment}
                testId="position-government"
              />
            )}
          </FormField>
        ) : (
          <FormField
            id={`${prefix}-office`}
            label={t('fields.office')}
            error={errorFor('/officeSlug')}
            required
          >
            {(control) => (
              <select
                {...control}
                value={officeSlug}
                onChange={(e) => setOfficeSlug(e.target.value)}
                data-testid="position-office"
              >
                <option value="">{t('form.choose')}</option>
                {(offices.data?.items ?? []).map((office) => (
                  <option key={office.slug} value={office.slug}>
                    {translated(office.names, office.name, locale)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <FormField id={`${prefix}-title`} label={t('fields.title')} error={errorFor('/title')}>
          {(control) => (
            <select
              {...control}
              value={title}
              onChange={(e) => setTitle(e.target.value as PositionTitle)}
              data-testid="position-title"
            >
              {titleOptions.map((option) => (
                <option key={option} value={option}>
                  {t(`titles.${option}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id={`${prefix}-start`}
          label={t('fields.startDate')}
          error={errorFor('/startDate')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
              data-testid="position-start"
            />
          )}
        </FormField>
        <FormField
          id={`${prefix}-end`}
          label={t('fields.endDate')}
          hint={t('people.endDateHint')}
          error={errorFor('/endDate')}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={endDate}
              onChange={(e) => setEndDate(e.target.value)}
              data-testid="position-end"
            />
          )}
        </FormField>
      </div>
      <div className="admin-actions">
        <button
          type="submit"
          className="button"
          disabled={create.isPending}
          aria-busy={create.isPending || undefined}
          data-testid="position-save"
        >
          {create.isPending ? t('form.saving') : t('people.addPosition')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onDone(null)}
          disabled={create.isPending}
        >
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

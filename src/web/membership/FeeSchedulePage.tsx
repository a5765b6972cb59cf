import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  ASSOCIATION_SCOPES,
  INCOME_GROUPS,
  validateSchedule,
  type FeeSchedule,
} from '../../core/membership-fees';
import { api } from '../api';
import { ErrorMessage, Loading } from '../components/DataState';
import { formatDate, formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import {
  ErrorSummary,
  FormField,
  SavedMessage,
  StaleWriteNotice,
  useSubmitState,
  type SummaryItem,
} from '../forms/form';
import type { FeeScheduleVersion } from '../types';
import { FeePreview } from './FeePreview';
import {
  addBand,
  fieldId,
  problemsByField,
  readNumber,
  removeBand,
  setAssociationFee,
  setBandEnd,
  setCurrency,
  setFee,
} from './schedule-form';
import { ScrollFrame } from '../components/ScrollFrame';

/** The pointers that have an input of their own (a band's start follows the band before). */
const INPUT_POINTER = /^\/(currency|bands\/\d+\/to|fees\/[a-z-]+\/\d+|associations\/[a-z]+)$/;

/** /admin/fees: the fee schedule, edited as a whole, checked as it is typed, with a preview. */
export default function FeeSchedulePage() {
  const { t } = useTranslation('membership');
  usePageTitle(t('schedule.title'));
  // The version this page saved last: the editor starts afresh from it (keyed by version), so
  // the word that it was saved is kept here, above the editor, or it would go with the old one.
  const [savedHere, setSavedHere] = useState<number | null>(null);
  const current = useQuery({
    queryKey: ['fee-schedule'],
    queryFn: () => api.get<FeeScheduleVersion>('/api/v1/fee-schedule'),
  });
  if (current.isPending) return <Loading />;
  if (current.isError) return <ErrorMessage error={current.error} />;
  // Keyed by version: a reload or a save starts the form from the schedule as it is.
  return (
    <ScheduleEditor
      key={current.data.version}
      saved={current.data}
      notice={savedHere === current.data.version}
      onNotice={setSavedHere}
    />
  );
}

/**
 * The form over one version of the schedule. `notice`: this version is the one just saved here
 * (said until the next edit); `onNotice` is told the version saved, or null once edited again.
 */
export function ScheduleEditor({
  saved,
  notice,
  onNotice,
}: {
  saved: FeeScheduleVersion;
  notice: boolean;
  onNotice(version: number | null): void;
}) {
  const { t } = useTranslation('membership');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [schedule, setSchedule] = useState<FeeSchedule>(saved.schedule);
  /** What was typed in each field, kept as typed while it is not a number yet. */
  const [texts, setTexts] = useState<Record<string, string>>({});
  const submit = useSubmitState();
  const problems = problemsByField(schedule);
  const illustrative = new Set(schedule.illustrative);

  const save = useMutation({
    mutationFn: () =>
      api.put<FeeScheduleVersion>('/api/v1/fee-schedule', schedule, { version: saved.version }),
    onSuccess: (next) => {
      onNotice(next.version);
      queryClient.setQueryData(['fee-schedule'], next);
      void queryClient.invalidateQueries({ queryKey: ['membership'] });
    },
    onError: (error) => submit.fail(error),
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['fee-schedule'] });

  const edit = (pointer: string, text: string, apply: (value: number) => FeeSchedule) => {
    setTexts((all) => ({ ...all, [pointer]: text }));
    setSchedule(apply(readNumber(text)));
    onNotice(null);
  };
  const shown = (pointer: string, value: number | null) =>
    texts[pointer] ?? (value === null || Number.isNaN(value) ? '' : String(value));
  const message = (pointer: string) => {
    const code = problems.get(pointer);
    return code ? t(`schedule.problems.${code}`) : undefined;
  };
  const groupLabel = (group: string) => t(`incomeGroups.${group}`);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onNotice(null);
    const found = validateSchedule(schedule);
    if (found.length > 0) {
      submit.reject(
        found.map((p) => ({ pointer: p.pointer, detail: t(`schedule.problems.${p.code}`) })),
      );
      return;
    }
    submit.clear();
    save.mutate();
  }
  const summary: SummaryItem[] = (submit.problem?.errors ?? []).map((e) => ({
    id: INPUT_POINTER.test(e.pointer) ? fieldId(e.pointer) : null,
    label: null,
    message: e.detail,
  }));

  /** One number field of the table, with its placeholder mark and its problem beside it. */
  const cell = (
    pointer: string,
    label: string,
    value: number,
    apply: (v: number) => FeeSchedule,
  ) => {
    const id = fieldId(pointer);
    const error = message(pointer);
    return (
      <div className={`fee-cell${error ? ' admin-field--invalid' : ''}`}>
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <input
          id={id}
          inputMode="numeric"
          value={shown(pointer, value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [error ? `${id}-error` : '', illustrative.has(pointer) ? `${id}-mark` : '']
              .filter(Boolean)
              .join(' ') || undefined
          }
          onChange={(e) => edit(pointer, e.target.value, apply)}
        />
        {illustrative.has(pointer) && (
          <span id={`${id}-mark`} className="admin-badge fee-illustrative">
            {t('schedule.illustrative')}
          </span>
        )}
        {error && (
          <span id={`${id}-error`} className="admin-field__error">
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="fees-title">
      <h1 id="fees-title">{t('schedule.title')}</h1>
      <p className="admin-lead">
        {t('schedule.lead', { version: saved.version, date: formatDate(saved.createdAt, locale) })}
      </p>
      <p className="admin-hint" data-testid="fees-illustrative-note">
        {t('schedule.illustrativeNote')}
      </p>
      <p className="admin-hint">
        {t('schedule.classification', { name: saved.incomeClassification })}
      </p>
      <ErrorSummary items={summary} attempt={submit.attempt} />
      <StaleWriteNotice problem={submit.problem} onReload={reload} />
      {notice && <SavedMessage testId="fees-saved">{t('schedule.saved')}</SavedMessage>}

      <form className="admin-form" onSubmit={onSubmit} noValidate>
        <FormField
          id={fieldId('/currency')}
          label={t('schedule.currency')}
          hint={t('schedule.currencyHint')}
          error={message('/currency')}
        >
          {(control) => (
            <input
              {...control}
              value={schedule.currency}
              maxLength={3}
              onChange={(e) => setSchedule(setCurrency(schedule, e.target.value))}
            />
          )}
        </FormField>

        <ScrollFrame
          className="admin-table-wrap"
          label={t('schedule.bandsCaption', { currency: schedule.currency })}
        >
          <table className="admin-table fee-table" data-testid="fee-table">
            <caption>{t('schedule.bandsCaption', { currency: schedule.currency })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schedule.population')}</th>
                {INCOME_GROUPS.map((group) => (
                  <th scope="col" key={group}>
                    {groupLabel(group)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('schedule.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {schedule.bands.map((band, i) => {
                const range =
                  band.to === null
                    ? t('schedule.bandOpen', { from: formatNumber(band.from, locale) })
                    : t('schedule.bandFrom', { from: formatNumber(band.from, locale) });
                return (
                  <tr key={i}>
                    <th scope="row">
                      <span>{range}</span>
                      {message(`/bands/${i}/from`) && (
                        <span className="admin-field__error">{message(`/bands/${i}/from`)}</span>
                      )}
                      {band.to !== null &&
                        cell(
                          `/bands/${i}/to`,
                          t('schedule.bandEnd', { band: i + 1 }),
                          band.to,
                          (v) => setBandEnd(schedule, i, v),
                        )}
                    </th>
                    {INCOME_GROUPS.map((group) => (
                      <td key={group}>
                        {cell(
                          `/fees/${group}/${i}`,
                          t('schedule.feeLabel', { group: groupLabel(group), band: i + 1 }),
                          schedule.fees[group][i] ?? Number.NaN,
                          (v) => setFee(schedule, group, i, v),
                        )}
                      </td>
                    ))}
                    <td>
                      {schedule.bands.length > 1 && (
                        <button
                          type="button"
                          className="button button--link"
                          onClick={() => {
                            setTexts({});
                            setSchedule(removeBand(schedule, i));
                          }}
                        >
                          {t('schedule.removeBand', { band: i + 1 })}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollFrame>
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setTexts({});
              setSchedule(addBand(schedule));
            }}
            data-testid="fees-add-band"
          >
            {t('schedule.addBand')}
          </button>
        </p>

        <fieldset className="admin-fieldset">
          <legend>{t('schedule.associations')}</legend>
          <div className="admin-grid">
            {ASSOCIATION_SCOPES.map((scope) => (
              <div className="admin-field" key={scope}>
                <span className="field__label">{t(`scopes.${scope}`)}</span>
                {cell(
                  `/associations/${scope}`,
                  t(`scopes.${scope}`),
                  schedule.associations[scope],
                  (v) => setAssociationFee(schedule, scope, v),
                )}
              </div>
            ))}
          </div>
        </fieldset>

        <div className="admin-actions admin-actions--sticky">
          <button
            type="submit"
            className="button"
            disabled={save.isPending}
            data-testid="fees-save"
          >
            {save.isPending ? t('schedule.saving') : t('schedule.save')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setTexts({});
              setSchedule(saved.schedule);
              submit.clear();
            }}
          >
            {t('schedule.reset')}
          </button>
        </div>
      </form>

      <FeePreview schedule={schedule} />
    </section>
  );
}

import { isKnownPortfolio } from '../../core/governance/meeting';
/** Seat cards (who holds a seat, for which government, in what position) and the seat form. */
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import {
  ErrorSummary,
  FormField,
  StaleWriteNotice,
  submitProblem,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { GovernmentPicker, type PickedGovernment } from '../forms/GovernmentPicker';
import { useLocale } from '../components/locale';
import type { Locale } from '../../core/locales';
import { GovernmentName, governmentNameText } from '../components/GovernmentName';
import { SEAT_POSITIONS } from '../../core/governance/meeting';
import type { Government } from '../types';
import { InitialsAvatar, personName } from './parts';
import { PersonPicker, type PickedPerson } from './PersonPicker';
import { refreshBody } from './queries';
import type { Seat, SeatCreate, SeatHistory, SeatPatch, SeatPosition } from './types';

/** The position in words, with "without vote" for advisory seats. */
export function PositionLabel({ seat }: { seat: Pick<Seat, 'position' | 'voting'> }) {
  const { t } = useTranslation('governance');
  return (
    <span className="gov-position">
      <span className={`badge gov-position__badge gov-position--${seat.position}`}>
        {t(`positions.${seat.position}`)}
      </span>
      {!seat.voting && <span className="gov-position__note"> {t('seats.withoutVote')}</span>}
    </span>
  );
}

export function SeatCard({
  seat,
  bodySlug,
  actions,
}: {
  seat: Seat;
  bodySlug: string;
  actions?: ReactNode;
}) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const name = seat.person ? personName(seat.person, locale) : null;
  return (
    <li className="gov-seat" data-testid={`seat-${seat.government.slug}`}>
      {name ? (
        <InitialsAvatar name={name} />
      ) : (
        <span className="gov-avatar gov-avatar--vacant" aria-hidden="true" />
      )}
      <div className="gov-seat__body">
        <p className="gov-seat__person">{name ?? t('seats.vacant')}</p>
        <p className="gov-seat__government">
          <GovernmentName names={seat.government.names} localLang={seat.government.localLang} />
        </p>
        <p className="gov-seat__position">
          <PositionLabel seat={seat} />
        </p>
        {seat.portfolio && (
          <p className="gov-seat__portfolio">
            {t('seats.portfolio', {
              portfolio: isKnownPortfolio(seat.portfolio)
                ? t(`portfolios.${seat.portfolio}`)
                : seat.portfolio,
            })}
          </p>
        )}
        <p className="gov-seat__links">
          <Link to={`/bodies/${bodySlug}/seats/${seat.id}`}>
            {t('seats.historyLink')}
            <span className="visually-hidden">
              {' '}
              {governmentNameText(seat.government.names, seat.government.localLang, locale)}
            </span>
          </Link>
        </p>
        {actions}
      </div>
    </li>
  );
}

interface SeatFormValues {
  government: PickedGovernment | null;
  person: PickedPerson | null;
  position: SeatPosition;
  portfolio: string;
  sortOrder: string;
}

function seatFormValues(seat: Seat | null, locale: Locale): SeatFormValues {
  return {
    government: seat
      ? {
          slug: seat.government.slug,
          label: governmentNameText(seat.government.names, seat.government.localLang, locale),
        }
      : null,
    person: seat?.person ? { id: seat.person.id, fullName: seat.person.fullName } : null,
    position: seat?.position ?? 'member',
    portfolio: seat?.portfolio ?? '',
    sortOrder: seat ? String(seat.sortOrder) : '',
  };
}

/**
 * Adds a seat to a term (termId) or changes one (seat). The government of a seat is fixed
 * once it exists: a different government is a different seat.
 */
export function SeatForm({
  bodySlug,
  termId,
  seat,
  onDone,
}: {
  bodySlug: string;
  termId: number;
  seat: Seat | null;
  onDone(): void;
}) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SeatFormValues>(() => seatFormValues(seat, locale));
  // The version the seat was opened at: the change is refused (412) if someone changed it.
  const [version, setVersion] = useState(seat?.version);
  const submit = useSubmitState();
  const prefix = seat ? `seat-${seat.id}` : `seat-new-${termId}`;
  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/governmentId', id: `${prefix}-government`, label: t('seatForm.government') },
      { pointer: '/personId', id: `${prefix}-person`, label: t('seatForm.person') },
      { pointer: '/position', id: `${prefix}-position`, label: t('seatForm.position') },
      { pointer: '/portfolio', id: `${prefix}-portfolio`, label: t('seatForm.portfolio') },
      { pointer: '/sortOrder', id: `${prefix}-sortOrder`, label: t('seatForm.sortOrder') },
    ],
    [t, prefix],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem);

  const save = useMutation({
    mutationFn: async () => {
      const sortOrder = values.sortOrder.trim() === '' ? undefined : Number(values.sortOrder);
      const common = {
        personId: values.person?.id ?? null,
        position: values.position,
        portfolio: values.portfolio.trim() || null,
        ...(sortOrder === undefined ? {} : { sortOrder }),
      };
      if (seat) {
        return api.patch<Seat>(`/api/v1/seats/${seat.id}`, common satisfies SeatPatch, {
          version,
        });
      }
      const picked = values.government as PickedGovernment;
      const government = await api.get<Government>(
        `/api/v1/governments/${encodeURIComponent(picked.slug)}`,
      );
      const body: SeatCreate = { governmentId: government.id, ...common };
      return api.post<Seat>(`/api/v1/terms/${termId}/seats`, body);
    },
    onSuccess: () => {
      refreshBody(queryClient, bodySlug);
      onDone();
    },
    onError: (error) => submit.fail(error),
  });
  // The seat as it is now (its page reads it with its history), replacing what was typed.
  const reload = useMutation({
    mutationFn: (id: number) => api.get<SeatHistory>(`/api/v1/seats/${id}/history`),
    onSuccess: ({ seat: fresh }) => {
      refreshBody(queryClient, bodySlug);
      setValues(seatFormValues(fresh, locale));
      setVersion(fresh.version);
      submit.clear();
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!seat && !values.government) {
      submit.reject([{ pointer: '/governmentId', detail: t('seatForm.governmentRequired') }]);
      return;
    }
    submit.clear();
    save.mutate();
  }

  return (
    <form className="admin-subform gov-seat-form" onSubmit={onSubmit} noValidate>
      <h3>{seat ? t('seatForm.editTitle') : t('seatForm.addTitle')}</h3>
      <ErrorSummary items={summary} attempt={submit.attempt} testId={`${prefix}-errors`} />
      {seat && (
        <StaleWriteNotice
          problem={submit.problem}
          onReload={() => reload.mutate(seat.id)}
          reloading={reload.isPending}
          testId={`${prefix}-stale`}
        />
      )}
      {seat ? (
        <p className="admin-readonly">
          {t('seatForm.government')}:{' '}
          <GovernmentName names={seat.government.names} localLang={seat.government.localLang} />
        </p>
      ) : (
        <FormField
          id={`${prefix}-government`}
          label={t('seatForm.government')}
          required
          error={errorFor('/governmentId')}
        >
          {(control) => (
            <GovernmentPicker
              control={control}
              value={values.government}
              onChange={(government) => setValues((v) => ({ ...v, government }))}
              testId="seat-government"
            />
          )}
        </FormField>
      )}
      <FormField
        id={`${prefix}-person`}
        label={t('seatForm.person')}
        hint={t('seatForm.personHint')}
        error={errorFor('/personId')}
      >
        {(control) => (
          <PersonPicker
            control={control}
            value={values.person}
            onChange={(person) => setValues((v) => ({ ...v, person }))}
            testId="seat-person"
          />
        )}
      </FormField>
      <FormField
        id={`${prefix}-position`}
        label={t('seatForm.position')}
        required
        error={errorFor('/position')}
      >
        {(control) => (
          <select
            {...control}
            value={values.position}
            onChange={(e) => setValues((v) => ({ ...v, position: e.target.value as SeatPosition }))}
            data-testid="seat-position"
          >
            {SEAT_POSITIONS.map((p) => (
              <option key={p} value={p}>
                {t(`positions.${p}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id={`${prefix}-portfolio`}
        label={t('seatForm.portfolio')}
        hint={t('seatForm.portfolioHint')}
        error={errorFor('/portfolio')}
      >
        {(control) => (
          <input
            {...control}
            value={values.portfolio}
            maxLength={80}
            onChange={(e) => setValues((v) => ({ ...v, portfolio: e.target.value }))}
            data-testid="seat-portfolio"
          />
        )}
      </FormField>
      <FormField
        id={`${prefix}-sortOrder`}
        label={t('seatForm.sortOrder')}
        hint={t('seatForm.sortOrderHint')}
        error={errorFor('/sortOrder')}
      >
        {(control) => (
          <input
            {...control}
            className="admin-input--short"
            inputMode="numeric"
            value={values.sortOrder}
            onChange={(e) => setValues((v) => ({ ...v, sortOrder: e.target.value }))}
          />
        )}
      </FormField>
      <div className="admin-actions">
        <button type="submit" className="button" disabled={save.isPending} data-testid="save-seat">
          {save.isPending ? t('actions.saving') : t('common:save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

/** Edit and remove buttons for a seat, with the form opening in place. */
export function SeatAdmin({
  seat,
  bodySlug,
  editing,
  onEdit,
  onClose,
}: {
  seat: Seat;
  bodySlug: string;
  editing: boolean;
  onEdit(): void;
  onClose(): void;
}) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.del(`/api/v1/seats/${seat.id}`),
    onSuccess: () => refreshBody(queryClient, bodySlug),
  });
  const where = governmentNameText(seat.government.names, seat.government.localLang, locale);
  if (editing) {
    return <SeatForm bodySlug={bodySlug} termId={seat.termId} seat={seat} onDone={onClose} />;
  }
  return (
    <div className="gov-seat__actions">
      <button type="button" className="button button--secondary button--small" onClick={onEdit}>
        {t('seats.edit')}
        <span className="visually-hidden"> {where}</span>
      </button>
      {confirming ? (
        <span role="group" aria-label={t('seats.confirmRemove', { name: where })}>
          <span className="gov-confirm-text">{t('seats.confirmRemove', { name: where })}</span>{' '}
          <button
            type="button"
            className="button button--danger button--small"
            onClick={() => remove.mutate()}
            disabled={remove.isPending}
            data-testid="confirm"
          >
            {t('seats.remove')}
          </button>{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setConfirming(false)}
          >
            {t('common:cancel')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setConfirming(true)}
        >
          {t('seats.remove')}
          <span className="visually-hidden"> {where}</span>
        </button>
      )}
      {remove.isError && (
        <p role="alert" className="admin-field__error">
          {submitProblem(remove.error).message ?? t('actions.failed')}
        </p>
      )}
    </div>
  );
}

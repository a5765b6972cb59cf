import { useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { displayName, displayNameText, personDisplayName, personNameText } from '../../core/names';
import { officeStanding } from '../../core/governance/term';
import { api, query } from '../api';
import { formatDate, formatNumber } from '../components/format';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { Pagination } from '../components/Pagination';
import type { Government, PageOf, Person, Position } from '../types';
import {
  SavedMessage,
  StaleWriteNotice,
  submitProblem,
  useProblemText,
  type SubmitProblem,
} from '../forms/form';
import { PersonForm } from './PersonForm';
import { PositionForm } from './PositionForm';
import { usePageTitle } from '../components/page-title';
import { useLocale } from '../components/locale';
import { translated } from '../components/translated';

const PAGE_SIZE = 20;

/** Today as YYYY-MM-DD in the viewer's own calendar (not UTC). */
function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A position is held until the end of its end date. */
const isCurrent = (position: Position, today: string) =>
  position.endDate === null || position.endDate >= today;

/** /admin/people — people and the positions they hold in governments and offices. */
export function PeoplePage() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const government = params.get('government') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(q);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  usePageTitle(t('people.title'));

  const people = useQuery({
    queryKey: ['people', { q, government, page, pageSize: PAGE_SIZE }],
    queryFn: () =>
      api.get<PageOf<Person>>(
        `/api/v1/people${query({ q, government, page, pageSize: PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  // The filter note names the government, never its web address.
  const filteredBy = useQuery({
    queryKey: ['government', government],
    queryFn: () => api.get<Government>(`/api/v1/governments/${encodeURIComponent(government)}`),
    enabled: government !== '',
  });
  const filteredByName = filteredBy.data
    ? displayNameText(filteredBy.data.names, filteredBy.data.localLang, locale)
    : null;

  function setFilter(next: { q?: string; government?: string; page?: number }) {
    const merged = { q, government, page: 1, ...next };
    const entries: [string, string][] = [];
    if (merged.q) entries.push(['q', merged.q]);
    if (merged.government) entries.push(['government', merged.government]);
    if (merged.page > 1) entries.push(['page', String(merged.page)]);
    setParams(entries);
  }

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilter({ q: draft.trim() });
  }

  return (
    <section aria-labelledby="admin-people-title">
      <div className="admin-heading">
        <h1 id="admin-people-title">{t('people.title')}</h1>
        {!creating && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setCreating(true);
              setMessage(null);
            }}
            data-testid="person-new"
          >
            {t('people.new')}
          </button>
        )}
      </div>
      {message && <SavedMessage testId="people-saved">{message}</SavedMessage>}
      {creating && (
        <PersonForm
          person={null}
          onDone={(saved) => {
            setCreating(false);
            if (saved) setMessage(t('people.created', { name: personNameText(saved, locale) }));
          }}
        />
      )}
      <form role="search" className="admin-search" onSubmit={onSearch}>
        <label htmlFor="people-search">{t('people.search')}</label>
        <input
          id="people-search"
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="people-search"
        />
        <button type="submit" className="button button--secondary">
          {t('common:search')}
        </button>
      </form>
      {government && (
        <p className="admin-filter-note">
          {filteredByName
            ? t('people.filteredByGovernment', { name: filteredByName })
            : t('people.filteredByOneGovernment')}{' '}
          <button
            type="button"
            className="button button--link"
            onClick={() => setFilter({ government: '' })}
          >
            {t('people.clearFilter')}
          </button>
        </p>
      )}
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <ErrorMessage error={people.error} />
      ) : people.data.items.length === 0 ? (
        <EmptyState title={t('people.none')} />
      ) : (
        <>
          <ul className="admin-people">
            {people.data.items.map((person) => (
              <PersonCard key={person.id} person={person} onMessage={setMessage} />
            ))}
          </ul>
          <Pagination
            page={people.data.page}
            pageSize={people.data.pageSize}
            total={people.data.total}
            onPage={(next) => setFilter({ page: next })}
          />
        </>
      )}
    </section>
  );
}

function PersonCard({
  person,
  onMessage,
}: {
  person: Person;
  onMessage(message: string | null): void;
}) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [mode, setMode] = useState<'view' | 'edit' | 'position'>('view');
  const [deleteError, setDeleteError] = useState<string | null>(null);
  // The name by the rule every page follows, the record's full name beside it, then the rest.
  const shown = personDisplayName(person, locale);
  const otherNames = Object.entries(person.names).filter(
    ([lang, name]) => name && lang !== shown.lang && name !== person.fullName,
  );

  const remove = useMutation({
    mutationFn: () => api.del(`/api/v1/people/${person.id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void queryClient.invalidateQueries({ queryKey: ['government'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      onMessage(t('people.deleted', { name: personNameText(person, locale) }));
    },
    onError: (error) => setDeleteError(problemText(error)),
  });

  // A new position most often comes in a government the person already serves.
  const firstGovernment = person.positions.find((p) => p.government)?.government;
  const initialGovernment = firstGovernment
    ? {
        slug: firstGovernment.slug,
        label: displayName(firstGovernment.names, firstGovernment.localLang, locale).primary,
      }
    : null;

  return (
    <li className="admin-card admin-person" data-testid="person-card">
      <div className="admin-heading">
        <div>
          <h2 className="admin-person__name">
            {shown.primary !== person.fullName ? (
              <>
                <span lang={shown.lang}>{shown.primary}</span>{' '}
                <span className="admin-secondary" lang="en">
                  {person.fullName}
                </span>
              </>
            ) : (
              person.fullName
            )}
            {person.isDemo && <span className="admin-badge admin-badge--demo">{t('demo')}</span>}
          </h2>
          {otherNames.length > 0 && (
            <p className="admin-secondary">
              {otherNames.map(([lang, name], index) => (
                <span key={lang} lang={lang}>
                  {index > 0 && ' · '}
                  {name}
                </span>
              ))}
            </p>
          )}
          {person.email && <p className="admin-secondary">{person.email}</p>}
        </div>
        {mode === 'view' && (
          <div className="admin-actions">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setMode('edit');
                onMessage(null);
              }}
              data-testid="person-edit"
            >
              {t('common:edit')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setMode('position');
                onMessage(null);
              }}
              data-testid="person-add-position"
            >
              {t('people.addPosition')}
            </button>
            <button
              type="button"
              className="button button--danger button--small"
              disabled={remove.isPending}
              onClick={() => {
                setDeleteError(null);
                if (
                  window.confirm(
                    t('people.confirmDelete', { name: personNameText(person, locale) }),
                  )
                ) {
                  remove.mutate();
                }
              }}
              data-testid="person-delete"
            >
              {t('common:delete')}
            </button>
          </div>
        )}
      </div>
      {deleteError && (
        <p className="admin-field__error" role="alert">
          {deleteError}
        </p>
      )}
      {mode === 'edit' && (
        <PersonForm
          person={person}
          onDone={(saved) => {
            setMode('view');
            if (saved) onMessage(t('people.saved', { name: personNameText(saved, locale) }));
          }}
        />
      )}
      {mode === 'position' && (
        <PositionForm
          person={person}
          initialGovernment={initialGovernment}
          onDone={(saved) => {
            setMode('view');
            if (saved)
              onMessage(t('people.positionAdded', { name: personNameText(person, locale) }));
          }}
        />
      )}
      <PositionTable person={person} onMessage={onMessage} />
    </li>
  );
}

function PositionTable({
  person,
  onMessage,
}: {
  person: Person;
  onMessage(message: string | null): void;
}) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  if (person.positions.length === 0) {
    return <p className="admin-hint">{t('people.noPositions')}</p>;
  }
  return (
    <table className="admin-table admin-table--compact">
      <caption className="visually-hidden">
        {t('people.positionsOf', { name: personNameText(person, locale) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('fields.title')}</th>
          <th scope="col">{t('people.heldAt')}</th>
          <th scope="col">{t('fields.startDate')}</th>
          <th scope="col">{t('fields.endDate')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('form.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {person.positions.map((position) => (
          <PositionRow key={position.id} position={position} onMessage={onMessage} />
        ))}
      </tbody>
    </table>
  );
}

function PositionRow({
  position,
  onMessage,
}: {
  position: Position;
  onMessage(message: string | null): void;
}) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const today = todayIso();
  const [ending, setEnding] = useState(false);
  const [endDate, setEndDate] = useState(today);
  // The version the end date is set from (If-Match): the position as the form was opened, or
  // as reloaded. A change someone made meanwhile is refused (412) rather than written over.
  const [version, setVersion] = useState(position.version);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<SubmitProblem | null>(null);
  const place = position.government
    ? displayName(position.government.names, position.government.localLang, locale).primary
    : position.office
      ? translated(position.office.names, position.office.name, locale)
      : '—';
  const titleText = t(`titles.${position.title}`);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['people'] });
    void queryClient.invalidateQueries({ queryKey: ['government'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
  const showError = (e: unknown) => setError(problemText(e));
  const end = useMutation({
    mutationFn: (date: string) =>
      api.patch<Position>(`/api/v1/positions/${position.id}`, { endDate: date }, { version }),
    onSuccess: () => {
      setEnding(false);
      setError(null);
      refresh();
      onMessage(t('people.positionEnded', { title: titleText, place }));
    },
    onError: (e) => {
      const problem = submitProblem(e);
      // The date stays in the form; the notice offers the position as it is now.
      if (problem.status === 412) {
        setError(null);
        setStale(problem);
      } else showError(e);
    },
  });
  // There is no GET of one position: it is read with its person.
  const reload = useMutation({
    mutationFn: () => api.get<Person>(`/api/v1/people/${position.personId}`),
    onSuccess: (person) => {
      refresh();
      setStale(null);
      const fresh = person.positions.find((p) => p.id === position.id);
      if (!fresh) {
        setEnding(false);
        return;
      }
      setVersion(fresh.version);
      setEndDate(fresh.endDate ?? todayIso());
    },
    onError: showError,
  });
  function openEnding() {
    setVersion(position.version);
    setError(null);
    setStale(null);
    setEnding(true);
  }
  // The secretariat checked that the holder still holds it: "not confirmed since" counts from today.
  const confirm = useMutation({
    mutationFn: () =>
      api.patch<Position>(
        `/api/v1/positions/${position.id}`,
        { confirmedOn: todayIso() },
        { version: position.version },
      ),
    onSuccess: () => {
      setError(null);
      refresh();
      onMessage(t('people.positionConfirmed', { title: titleText, place }));
    },
    onError: showError,
  });
  const standing = officeStanding(position, today);
  const remove = useMutation({
    mutationFn: () => api.del(`/api/v1/positions/${position.id}`),
    onSuccess: () => {
      refresh();
      onMessage(t('people.positionDeleted', { title: titleText, place }));
    },
    onError: showError,
  });
  const errorId = `position-${position.id}-error`;

  return (
    <tr data-testid="position-row">
      <td>
        {titleText}
        {isCurrent(position, today) && (
          <span className="admin-badge admin-badge--current">{t('people.current')}</span>
        )}
      </td>
      <td>{place}</td>
      <td>
        {position.startDate ? formatDate(position.startDate, locale) : '—'}
        {position.confirmedOn && (
          <span className="admin-block muted" data-testid="position-confirmed-on">
            {t('people.confirmedOn', { date: formatDate(position.confirmedOn, locale) })}
          </span>
        )}
        {standing.kind === 'unconfirmed' && (
          <span className="admin-block" data-testid="position-unconfirmed">
            <strong>
              {t('people.notConfirmedSince', {
                year: formatNumber(standing.sinceYear, locale, { useGrouping: false }),
              })}
            </strong>
          </span>
        )}
      </td>
      <td>{position.endDate ? formatDate(position.endDate, locale) : '—'}</td>
      <td>
        {ending ? (
          <form
            className="admin-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              end.mutate(endDate);
            }}
          >
            <label htmlFor={`position-${position.id}-end`}>{t('fields.endDate')}</label>
            <input
              id={`position-${position.id}-end`}
              type="date"
              value={endDate}
              onChange={(e) => setEndDate(e.target.value)}
              aria-describedby={error ? errorId : undefined}
              aria-invalid={error ? true : undefined}
              data-testid="position-end-date"
            />
            <button
              type="submit"
              className="button button--small"
              disabled={end.isPending || !endDate}
              data-testid="position-end-save"
            >
              {t('people.endPosition')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setEnding(false);
                setError(null);
                setStale(null);
              }}
            >
              {t('common:cancel')}
            </button>
          </form>
        ) : (
          <div className="admin-actions">
            {isCurrent(position, today) && position.confirmedOn !== today && (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={confirm.isPending}
                onClick={() => confirm.mutate()}
                title={t('people.confirmHint')}
                data-testid="position-confirm"
              >
                {t('people.confirmToday')}
              </button>
            )}
            {isCurrent(position, today) && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={openEnding}
                data-testid="position-end"
              >
                {t('people.endPosition')}
              </button>
            )}
            <button
              type="button"
              className="button button--danger button--small"
              disabled={remove.isPending}
              onClick={() => {
                if (
                  window.confirm(t('people.confirmDeletePosition', { title: titleText, place }))
                ) {
                  remove.mutate();
                }
              }}
              data-testid="position-delete"
            >
              {t('common:delete')}
            </button>
          </div>
        )}
        {ending && (
          <StaleWriteNotice
            problem={stale}
            onReload={() => reload.mutate()}
            reloading={reload.isPending}
            testId={`position-${position.id}-stale`}
          />
        )}
        {error && (
          <p id={errorId} className="admin-field__error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}

/**
 * /admin/elections/new and /admin/elections/:id — the secretariat calls an election and runs
 * it: settings and windows (entered in the viewer's zone, sent as UTC), candidates, the voter
 * register, and, once voting has closed, filling the seats from the result.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { LOCALES } from '../../core/locales';
import { api } from '../api';
import { formatDate, formatNumber, languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import {
  ErrorSummary,
  FormField,
  SavedMessage,
  StaleWriteNotice,
  useFormProblems,
  useProblemText,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { GovernmentName } from '../components/GovernmentName';
import { pickText } from '../components/language-choice';
import { CandidateForm } from './CandidateForm';
import { CandidateList } from './CandidateList';
import {
  electionBody,
  electionPatch,
  electionValues,
  emptyElectionValues,
  type ElectionValues,
} from './form';
import { CandidateName, PhaseBadge, textOf, useReasonText } from './parts';
import { ResultSection } from './ResultSection';
import {
  storeElection,
  useBodies,
  useElection,
  useElectionResult,
  useVoterRegister,
} from './queries';
import { checkTieWinners, resultRows, tiedCandidateIds } from './result';
import { toggleChoice } from './ballot';
import { viewerTimeZone, WINDOW_FIELDS, type WindowField } from './windows';
import type { Election, ElectionCreate } from './types';
import { ScrollFrame } from '../components/ScrollFrame';
import './elections.css';

export default function ElectionEditorPage() {
  const { t } = useTranslation('elections');
  const { id } = useParams();
  const electionId = id === undefined ? null : Number(id);
  const valid = electionId !== null && Number.isSafeInteger(electionId) && electionId > 0;
  const election = useElection(valid ? electionId : null);
  if (electionId === null) return <ElectionForm key="new" election={null} />;
  if (!valid) return <EmptyState title={t('election.notFound')} />;
  if (election.isPending) return <Loading />;
  if (election.isError) return <ErrorMessage error={election.error} />;
  const e = election.data;
  return (
    <>
      <ElectionForm key={e.id} election={e} />
      <CandidatesPanel election={e} />
      <VoterRegisterPanel election={e} />
      <FillPanel election={e} />
    </>
  );
}

type Notice = 'created' | 'saved' | 'unchanged';

function ElectionForm({ election }: { election: Election | null }) {
  const { t } = useTranslation(['elections', 'common', 'admin']);
  const locale = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const bodies = useBodies();
  const [timeZone] = useState(viewerTimeZone);
  const [values, setValues] = useState<ElectionValues>(() =>
    election ? electionValues(election, timeZone) : emptyElectionValues(),
  );
  // The version the form's values were read at (If-Match): the election as opened, then as each
  // save or reload left it, however the election is refreshed behind the form.
  const version = useRef(election?.version);
  const submit = useSubmitState();
  const [notice, setNotice] = useState<Notice | null>(
    (location.state as { notice?: Notice } | null)?.notice ?? null,
  );
  const heading = election
    ? textOf(election.title, locale) || election.termLabel
    : t('editor.newTitle');
  usePageTitle(heading);

  const phase = election?.phase ?? 'upcoming';
  const finished = phase === 'closed' || election?.filledTerm != null;
  // Once voting has opened the server lets only the close of voting move.
  const onlyClose = phase === 'voting';
  const locked = (field: string) => finished || (onlyClose && field !== 'votingClose');

  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/body', id: 'election-body', label: t('fields.body') },
      ...LOCALES.map((lang) => ({
        pointer: `/title/${lang}`,
        id: `election-title-${lang}`,
        label: t('editor.titleIn', { language: languageName(lang, locale) }),
      })),
      { pointer: '/seats', id: 'election-seats', label: t('fields.seats') },
      { pointer: '/termLabel', id: 'election-term-label', label: t('fields.termLabel') },
      { pointer: '/termStartsOn', id: 'election-term-starts', label: t('fields.termStartsOn') },
      { pointer: '/termEndsOn', id: 'election-term-ends', label: t('fields.termEndsOn') },
      ...WINDOW_FIELDS.map((field) => ({
        pointer: `/${field}`,
        id: `election-window-${field}`,
        label: t(`windows.${field}`),
      })),
    ],
    [t, locale],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem, { '/title': '/title/en' });

  const save = useMutation({
    mutationFn: (body: ElectionCreate) => {
      if (!election) return api.post<Election>('/api/v1/elections', body);
      return api.patch<Election>(
        `/api/v1/elections/${election.id}`,
        electionPatch(body, election),
        { version: version.current },
      );
    },
    onSuccess: (saved) => {
      storeElection(queryClient, saved);
      submit.clear();
      if (election) {
        version.current = saved.version;
        setValues(electionValues(saved, timeZone));
        setNotice('saved');
      } else {
        void navigate(`/admin/elections/${saved.id}`, {
          replace: true,
          state: { notice: 'created' },
        });
      }
    },
    onError: (error) => {
      submit.fail(error);
      setNotice(null);
    },
  });

  const reload = useMutation({
    mutationFn: (id: number) => api.get<Election>(`/api/v1/elections/${id}`),
    onSuccess: (fresh) => {
      storeElection(queryClient, fresh);
      version.current = fresh.version;
      setValues(electionValues(fresh, timeZone));
      submit.clear();
      setNotice(null);
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { body, problems } = electionBody(values, timeZone);
    if (problems.length > 0) {
      submit.reject(
        problems.map((p) => ({ pointer: p.pointer, detail: t(`formProblems.${p.code}`) })),
      );
      setNotice(null);
      return;
    }
    if (election && Object.keys(electionPatch(body, election)).length === 0) {
      submit.clear();
      setNotice('unchanged');
      return;
    }
    save.mutate(body);
  }

  const set = (patch: Partial<ElectionValues>) => setValues((v) => ({ ...v, ...patch }));
  const setWindow = (field: WindowField, value: string) =>
    setValues((v) => ({ ...v, windows: { ...v.windows, [field]: value } }));

  return (
    <section className="election-editor" aria-labelledby="election-editor-title">
      <div className="admin-heading">
        <div>
          <p className="admin-breadcrumb">
            <Link to="/admin/elections">{t('admin.title')}</Link>
          </p>
          <h1 id="election-editor-title">{heading}</h1>
          {election && (
            <p>
              <PhaseBadge phase={election.phase} />
            </p>
          )}
        </div>
        {election && (
          <Link className="button button--secondary" to={`/elections/${election.id}`}>
            {t('editor.viewPublic')}
          </Link>
        )}
      </div>
      {notice && (
        <SavedMessage testId="election-notice">
          {notice === 'unchanged' ? t('admin:form.unchanged') : t(`notices.${notice}`)}
        </SavedMessage>
      )}
      {finished && <p className="election-note">{t('editor.finished')}</p>}
      {onlyClose && <p className="election-note">{t('editor.onlyClose')}</p>}
      <ErrorSummary items={summary} attempt={submit.attempt} testId="election-errors" />
      {election && (
        <StaleWriteNotice
          problem={submit.problem}
          onReload={() => reload.mutate(election.id)}
          reloading={reload.isPending}
        />
      )}
      <form className="admin-form" onSubmit={onSubmit} noValidate data-testid="election-form">
        <fieldset className="admin-fieldset">
          <legend>{t('editor.what')}</legend>
          <div className="admin-grid">
            <FormField
              id="election-body"
              label={t('fields.body')}
              hint={election ? t('editor.bodyFixed') : undefined}
              error={errorFor('/body')}
              required
            >
              {(control) => (
                <select
                  {...control}
                  value={values.body}
                  onChange={(e) => set({ body: e.target.value })}
                  disabled={election !== null}
                  data-testid="election-body"
                >
                  <option value="">{t('admin:form.choose')}</option>
                  {(bodies.data?.items ?? []).map((body) => (
                    <option key={body.slug} value={body.slug}>
                      {pickText(body.names, locale)?.text ?? body.slug}
                    </option>
                  ))}
                  {election && !bodies.data?.items.some((b) => b.slug === values.body) && (
                    <option value={values.body}>
                      {pickText(election.body.names, locale)?.text ?? values.body}
                    </option>
                  )}
                </select>
              )}
            </FormField>
            <FormField
              id="election-seats"
              label={t('fields.seats')}
              hint={t('editor.seatsHint')}
              error={errorFor('/seats')}
              required
            >
              {(control) => (
                <input
                  {...control}
                  type="number"
                  min={1}
                  max={50}
                  step={1}
                  className="admin-input--short"
                  value={values.seats}
                  onChange={(e) => set({ seats: e.target.value })}
                  disabled={locked('seats')}
                  data-testid="election-seats"
                />
              )}
            </FormField>
          </div>
          <fieldset className="admin-fieldset admin-fieldset--inline">
            <legend>{t('editor.titles')}</legend>
            <p className="field__hint">{t('editor.titlesHint')}</p>
            <div className="admin-grid">
              {LOCALES.map((lang) => (
                <FormField
                  key={lang}
                  id={`election-title-${lang}`}
                  label={languageName(lang, locale)}
                  error={errorFor(`/title/${lang}`)}
                >
                  {(control) => (
                    <input
                      {...control}
                      lang={lang}
                      maxLength={2000}
                      value={values.title[lang]}
                      onChange={(e) => set({ title: { ...values.title, [lang]: e.target.value } })}
                      disabled={locked('title')}
                      data-testid={`election-title-${lang}`}
                    />
                  )}
                </FormField>
              ))}
            </div>
          </fieldset>
        </fieldset>

        <fieldset className="admin-fieldset">
          <legend>{t('editor.term')}</legend>
          <div className="admin-grid">
            <FormField
              id="election-term-label"
              label={t('fields.termLabel')}
              hint={t('editor.termLabelHint')}
              error={errorFor('/termLabel')}
              required
            >
              {(control) => (
                <input
                  {...control}
                  maxLength={40}
                  value={values.termLabel}
                  onChange={(e) => set({ termLabel: e.target.value })}
                  disabled={locked('termLabel')}
                  data-testid="election-term-label"
                />
              )}
            </FormField>
            <FormField
              id="election-term-starts"
              label={t('fields.termStartsOn')}
              error={errorFor('/termStartsOn')}
              required
            >
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={values.termStartsOn}
                  onChange={(e) => set({ termStartsOn: e.target.value })}
                  disabled={locked('termStartsOn')}
                  data-testid="election-term-starts"
                />
              )}
            </FormField>
            <FormField
              id="election-term-ends"
              label={t('fields.termEndsOn')}
              error={errorFor('/termEndsOn')}
              required
            >
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={values.termEndsOn}
                  onChange={(e) => set({ termEndsOn: e.target.value })}
                  disabled={locked('termEndsOn')}
                  data-testid="election-term-ends"
                />
              )}
            </FormField>
          </div>
        </fieldset>

        <fieldset className="admin-fieldset">
          <legend>{t('editor.windows')}</legend>
          <p className="field__hint">{t('editor.windowsHint', { zone: timeZone })}</p>
          <div className="admin-grid">
            {WINDOW_FIELDS.map((field) => (
              <FormField
                key={field}
                id={`election-window-${field}`}
                label={t(`windows.${field}`)}
                error={errorFor(`/${field}`)}
                required
              >
                {(control) => (
                  <input
                    {...control}
                    type="datetime-local"
                    value={values.windows[field]}
                    onChange={(e) => setWindow(field, e.target.value)}
                    disabled={locked(field)}
                    data-testid={`election-window-${field}`}
                  />
                )}
              </FormField>
            ))}
          </div>
        </fieldset>

        {!finished && (
          <div className="admin-actions admin-actions--sticky">
            <button
              type="submit"
              className="button"
              disabled={save.isPending}
              aria-busy={save.isPending || undefined}
              data-testid="save-election"
            >
              {save.isPending
                ? t('admin:form.saving')
                : election
                  ? t('common:save')
                  : t('editor.create')}
            </button>
            <Link className="button button--secondary" to="/admin/elections">
              {t('common:cancel')}
            </Link>
          </div>
        )}
      </form>
    </section>
  );
}

function CandidatesPanel({ election }: { election: Election }) {
  const { t } = useTranslation('elections');
  const open = ['upcoming', 'nominations', 'between'].includes(election.phase);
  return (
    <section className="admin-panel election-admin-panel" aria-labelledby="admin-candidates-title">
      <h2 id="admin-candidates-title">{t('candidates.title')}</h2>
      <CandidateList election={election} />
      {open && (
        <details className="election-add-candidate">
          <summary data-testid="add-candidate">{t('candidates.add')}</summary>
          <p className="admin-hint">{t('candidates.addHint')}</p>
          <CandidateForm election={election} government={null} idPrefix="admin-nominate" />
        </details>
      )}
    </section>
  );
}

function VoterRegisterPanel({ election }: { election: Election }) {
  const { t } = useTranslation('elections');
  const locale = useLocale();
  const reasonText = useReasonText();
  const voters = useVoterRegister(election.id);
  return (
    <section className="admin-panel election-admin-panel" aria-labelledby="voters-title">
      <h2 id="voters-title">{t('voters.title')}</h2>
      <p className="admin-hint">{t('voters.lead')}</p>
      {voters.isPending ? (
        <Loading />
      ) : voters.isError ? (
        <ErrorMessage error={voters.error} />
      ) : voters.data.items.length === 0 ? (
        <EmptyState title={t('voters.none')} />
      ) : (
        <>
          <p data-testid="voters-summary">
            {t('voters.summary', {
              count: voters.data.items.filter((v) => v.eligible).length,
              eligible: formatNumber(voters.data.items.filter((v) => v.eligible).length, locale),
              voted: formatNumber(
                voters.data.items.filter((v) => v.votedOn !== null).length,
                locale,
              ),
            })}
          </p>
          <ScrollFrame className="admin-table-wrap" label={t('voters.title')}>
            <table className="admin-table admin-table--compact" data-testid="voters-table">
              <caption className="visually-hidden">{t('voters.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('voters.member')}</th>
                  <th scope="col">{t('voters.eligible')}</th>
                  <th scope="col">{t('voters.reason')}</th>
                  <th scope="col">{t('voters.votedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {voters.data.items.map((row) => (
                  <tr
                    key={row.government.id}
                    className={row.eligible ? undefined : 'admin-row--muted'}
                    data-testid="voter-row"
                  >
                    <th scope="row">
                      <GovernmentName
                        names={row.government.names}
                        localLang={row.government.localLang}
                      />
                    </th>
                    <td>{row.eligible ? t('voters.yes') : t('voters.no')}</td>
                    <td>{row.reason ? reasonText(row.reason) : '—'}</td>
                    <td>{row.votedOn ? formatDate(row.votedOn, locale) : t('voters.notVoted')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        </>
      )}
    </section>
  );
}

function FillPanel({ election }: { election: Election }) {
  const { t } = useTranslation(['elections', 'common']);
  if (election.phase !== 'closed') {
    return (
      <section className="admin-panel election-admin-panel" aria-labelledby="fill-title">
        <h2 id="fill-title">{t('fill.title')}</h2>
        <p className="admin-hint">{t('fill.afterClose')}</p>
      </section>
    );
  }
  return (
    <section className="admin-panel election-admin-panel" aria-labelledby="fill-title">
      <h2 id="fill-title">{t('fill.title')}</h2>
      <ResultSection election={election} />
      {election.filledTerm ? <FilledTerm election={election} /> : <FillForm election={election} />}
    </section>
  );
}

function FilledTerm({ election }: { election: Election }) {
  const { t } = useTranslation('elections');
  const locale = useLocale();
  const term = election.filledTerm;
  if (!term) return null;
  return (
    <p className="admin-saved" role="status" data-testid="filled-term">
      {t('fill.done', {
        label: term.label,
        start: formatDate(term.startsOn, locale),
        end: formatDate(term.endsOn, locale),
      })}{' '}
      <Link to={`/bodies/${encodeURIComponent(election.body.slug)}`} data-testid="new-term-link">
        {t('fill.openBody')}
      </Link>
    </p>
  );
}

function FillForm({ election }: { election: Election }) {
  const { t } = useTranslation(['elections', 'common']);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const result = useElectionResult(election.id, true);
  const [winners, setWinners] = useState<number[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [showProblem, setShowProblem] = useState(false);
  const fill = useMutation({
    mutationFn: () =>
      api.post<Election>(
        `/api/v1/elections/${election.id}/fill`,
        result.data?.tieAtCutoff ? { tieWinners: winners } : {},
      ),
    onSuccess: (saved) => {
      setConfirming(false);
      storeElection(queryClient, saved);
    },
  });

  if (!result.data) return null;
  const data = result.data;
  const rows = resultRows(data, election.candidates);
  const tied = tiedCandidateIds(data);
  const problem = data.tieAtCutoff ? checkTieWinners(winners, data) : null;
  const electedIds = [...data.elected, ...(data.tieAtCutoff ? winners : [])];
  const elected = rows.filter((row) => electedIds.includes(row.candidateId));
  const nameOf = (id: number) => {
    const row = rows.find((r) => r.candidateId === id);
    return row?.candidate ? (
      <CandidateName candidate={row.candidate} link={false} />
    ) : (
      t('result.unknownCandidate', { id })
    );
  };

  if (data.elected.length === 0 && !data.tieAtCutoff) {
    return <p className="election-note">{t('fill.nobody')}</p>;
  }

  return (
    <div className="election-fill" data-testid="fill-panel">
      {data.tieAtCutoff && (
        <fieldset className="admin-fieldset" aria-describedby="tie-remaining">
          <legend>
            {t('fill.chooseTieWinners', {
              count: data.seatsUndecided,
              seats: formatNumber(data.seatsUndecided, locale),
            })}
          </legend>
          <p className="field__hint">{t('fill.tieHint')}</p>
          <ul className="election-ballot__list">
            {tied.map((id) => {
              const checked = winners.includes(id);
              const disabled = !checked && winners.length >= data.seatsUndecided;
              return (
                <li key={id}>
                  <label className="admin-radio">
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={disabled || confirming}
                      onChange={() => setWinners((w) => toggleChoice(w, id, data.seatsUndecided))}
                      data-testid={`tie-winner-${id}`}
                    />
                    {nameOf(id)}
                  </label>
                </li>
              );
            })}
          </ul>
          <p id="tie-remaining" aria-live="polite">
            {t('fill.tieRemaining', {
              count: Math.max(0, data.seatsUndecided - winners.length),
              remaining: formatNumber(Math.max(0, data.seatsUndecided - winners.length), locale),
            })}
          </p>
          {showProblem && problem && (
            <p className="admin-field__error" role="alert" data-testid="tie-problem">
              {t(`fill.problems.${problem}`, {
                count: data.seatsUndecided,
                seats: formatNumber(data.seatsUndecided, locale),
              })}
            </p>
          )}
        </fieldset>
      )}
      {confirming ? (
        <div className="election-confirm" role="group" aria-labelledby="fill-confirm-title">
          <p id="fill-confirm-title">
            <strong>
              {t('fill.confirmTitle', {
                label: election.termLabel,
                start: formatDate(election.termStartsOn, locale),
                end: formatDate(election.termEndsOn, locale),
              })}
            </strong>
          </p>
          <ul>
            {elected.map((row) => (
              <li key={row.candidateId}>{nameOf(row.candidateId)}</li>
            ))}
          </ul>
          <p>{t('fill.final')}</p>
          <div className="admin-actions">
            <button
              type="button"
              className="button"
              onClick={() => fill.mutate()}
              disabled={fill.isPending}
              aria-busy={fill.isPending || undefined}
              data-testid="confirm-fill"
            >
              {t('fill.confirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirming(false)}
              disabled={fill.isPending}
            >
              {t('common:cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="admin-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setShowProblem(true);
              if (!problem) setConfirming(true);
            }}
            data-testid="fill-seats"
          >
            {t('fill.button')}
          </button>
        </div>
      )}
      {fill.isError && (
        <p className="admin-field__error" role="alert" data-testid="fill-error">
          {problemText(fill.error)}
        </p>
      )}
    </div>
  );
}

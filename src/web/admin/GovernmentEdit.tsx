import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { displayName } from '../../core/names';
import { api } from '../api';
import { formatDate } from '../components/format';
import { canEdit, mayDo, useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../components/DataState';
import type { Government } from '../types';
import {
  ErrorSummary,
  NotAllowed,
  SavedMessage,
  StaleWriteNotice,
  useFormProblems,
  useSubmitState,
} from '../forms/form';
import {
  GOVERNMENT_GROUP_FALLBACKS,
  GovernmentFormFields,
  useGovernmentFieldSpecs,
} from './GovernmentFormFields';
import {
  governmentFormValues,
  governmentPatch,
  type GovernmentFormValues,
} from './government-form';
import { usePageTitle } from '../components/page-title';
import { PersonName } from '../components/PersonName';
import { isChanged, useUnsavedChanges } from '../forms/unsaved';
import { useLocale } from '../components/locale';
import { MembershipPanel } from '../membership/routes';

/** /admin/governments/:slug — loads the government, then hands it to the editor. */
export function GovernmentEdit() {
  const { slug = '' } = useParams();
  const { user } = useSession();
  const government = useQuery({
    queryKey: ['government', slug],
    queryFn: () => api.get<Government>(`/api/v1/governments/${encodeURIComponent(slug)}`),
  });
  if (government.isPending) return <Loading />;
  if (government.isError) return <ErrorMessage error={government.error} />;
  if (!canEdit(user, government.data.id)) return <NotAllowed />;
  // Keyed by id so that moving to another government starts a fresh form.
  return <GovernmentEditor key={government.data.id} government={government.data} />;
}

function GovernmentEditor({ government }: { government: Government }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const isAdmin = mayDo(user, 'government.editMembership');
  // What the server last said, to send only the fields the person changed since then.
  const [baseline, setBaseline] = useState(government);
  const [values, setValues] = useState<GovernmentFormValues>(() =>
    governmentFormValues(government),
  );
  const submit = useSubmitState();
  // Leaving with changes not saved asks first.
  useUnsavedChanges(isChanged(governmentFormValues(baseline), values));
  const location = useLocation();
  // Arriving from the new-government form, which passes { created: true } in the history state.
  const [notice, setNotice] = useState<'created' | 'saved' | 'unchanged' | null>(() =>
    (location.state as { created?: boolean } | null)?.created ? 'created' : null,
  );
  const specs = useGovernmentFieldSpecs({ withSlug: false });
  const { errorFor, summary } = useFormProblems(specs, submit.problem, GOVERNMENT_GROUP_FALLBACKS);
  const name = displayName(baseline.names, baseline.localLang, locale);
  usePageTitle(t('governments.editTitle', { name: name.primary }));

  const save = useMutation({
    // Made from the baseline: refused (412) if someone changed the government since it was read.
    mutationFn: (patch: object) =>
      api.patch<Government>(`/api/v1/governments/${encodeURIComponent(baseline.slug)}`, patch, {
        version: baseline.version,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['government', saved.slug], saved);
      void queryClient.invalidateQueries({ queryKey: ['government', saved.slug] });
      void queryClient.invalidateQueries({ queryKey: ['governments'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      setBaseline(saved);
      setValues(governmentFormValues(saved));
      submit.clear();
      setNotice('saved');
    },
    onError: (error) => submit.fail(error),
  });
  // The government as it is now replaces the baseline and, at the person's asking, the form.
  const reload = useMutation({
    mutationFn: () =>
      api.get<Government>(`/api/v1/governments/${encodeURIComponent(baseline.slug)}`),
    onSuccess: (fresh) => {
      queryClient.setQueryData(['government', fresh.slug], fresh);
      setBaseline(fresh);
      setValues(governmentFormValues(fresh));
      submit.clear();
      setNotice(null);
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const { patch, errors } = governmentPatch(baseline, values);
    if (errors.length > 0) {
      submit.reject(errors);
      return;
    }
    if (Object.keys(patch).length === 0) {
      submit.clear();
      setNotice('unchanged');
      return;
    }
    save.mutate(patch);
  }

  return (
    <section aria-labelledby="gov-edit-title">
      <div className="admin-heading">
        <div>
          <p className="admin-breadcrumb">
            {isAdmin ? (
              <Link to="/admin/governments">{t('governments.title')}</Link>
            ) : (
              t('nav.myGovernment')
            )}
          </p>
          <h1 id="gov-edit-title">
            {name.primary}
            {name.secondary && (
              <span className="admin-secondary" lang="en">
                {' '}
                {name.secondary}
              </span>
            )}
          </h1>
          {baseline.isDemo && <span className="admin-badge admin-badge--demo">{t('demo')}</span>}
        </div>
        <ul className="admin-links">
          <li>
            <Link to={`/members/${baseline.slug}`}>{t('governments.viewProfile')}</Link>
          </li>
          {isAdmin && (
            <li>
              <Link
                to={`/admin/audit?entityType=government&entityId=${baseline.id}`}
                data-testid="gov-history"
              >
                {t('governments.history')}
              </Link>
            </li>
          )}
        </ul>
      </div>
      <p className="admin-hint">
        {t('governments.lastUpdated', { date: formatDate(baseline.updatedAt, locale) })}
      </p>

      <ErrorSummary items={summary} attempt={submit.attempt} />
      <StaleWriteNotice
        problem={submit.problem}
        onReload={() => reload.mutate()}
        reloading={reload.isPending}
      />
      {notice === 'saved' && (
        <SavedMessage testId="gov-saved">{t('governments.saved')}</SavedMessage>
      )}
      {notice === 'created' && (
        <SavedMessage testId="gov-created">{t('governments.created')}</SavedMessage>
      )}
      {notice === 'unchanged' && <SavedMessage>{t('form.unchanged')}</SavedMessage>}

      <form className="admin-form" onSubmit={onSubmit} noValidate>
        <GovernmentFormFields
          values={values}
          onChange={(next) => {
            setValues(next);
            setNotice(null);
          }}
          errorFor={errorFor}
          isAdmin={isAdmin}
        />
        <div className="admin-actions admin-actions--sticky">
          <button
            type="submit"
            className="button"
            disabled={save.isPending}
            aria-busy={save.isPending || undefined}
            data-testid="gov-save"
          >
            {save.isPending ? t('form.saving') : t('common:save')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={save.isPending}
            onClick={() => {
              setValues(governmentFormValues(baseline));
              submit.clear();
              setNotice(null);
            }}
          >
            {t('form.reset')}
          </button>
        </div>
      </form>

      <section className="admin-panel" aria-labelledby="gov-holders-title">
        <h2 id="gov-holders-title">{t('governments.officeHolders')}</h2>
        {baseline.officeHolders.length === 0 ? (
          <p>{t('governments.noOfficeHolders')}</p>
        ) : (
          <ul>
            {baseline.officeHolders.map((holder) => (
              <li key={holder.positionId}>
                {t(`titles.${holder.title}`)}:{' '}
                <PersonName
                  person={{ fullName: holder.fullName, names: holder.personNames }}
                  localLang={baseline.localLang}
                />
                {holder.startDate && (
                  <span className="admin-secondary">
                    {' '}
                    {t('people.since', { date: formatDate(holder.startDate, locale) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {isAdmin && (
          <p>
            <Link to={`/admin/people?government=${baseline.slug}`}>
              {t('governments.managePeople')}
            </Link>
          </p>
        )}
      </section>
      {mayDo(user, 'membership.manage', { governmentId: baseline.id }) && (
        <MembershipPanel slug={baseline.slug} />
      )}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { GovernmentCreate } from '../../server/members/schemas';
import { api } from '../api';
import type { Government } from '../types';
import { ErrorSummary, FormField, useFormProblems, useSubmitState } from '../forms/form';
import {
  GOVERNMENT_GROUP_FALLBACKS,
  GovernmentFormFields,
  useGovernmentFieldSpecs,
} from './GovernmentFormFields';
import {
  blankGovernmentForm,
  governmentCreateBody,
  slugFromName,
  type GovernmentFormValues,
} from './government-form';
import { usePageTitle } from '../components/page-title';
import { isChanged, useUnsavedChanges } from '../forms/unsaved';

/** /admin/governments/new — the secretariat adds a government (member or prospect). */
export function GovernmentNew() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<GovernmentFormValues>(blankGovernmentForm);
  // The slug follows the English name until the person types one of their own.
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const submit = useSubmitState();
  // Leaving with changes not saved asks first.
  const guard = useUnsavedChanges(isChanged(blankGovernmentForm(), values) || slug !== '');
  const specs = useGovernmentFieldSpecs({ withSlug: true });
  const { errorFor, summary } = useFormProblems(specs, submit.problem, GOVERNMENT_GROUP_FALLBACKS);
  usePageTitle(t('governments.newTitle'));

  const effectiveSlug = slugTouched ? slug : slugFromName(values.names.en);

  const create = useMutation({
    mutationFn: (body: GovernmentCreate) => api.post<Government>('/api/v1/governments', body),
    onSuccess: (created) => {
      queryClient.setQueryData(['government', created.slug], created);
      void queryClient.invalidateQueries({ queryKey: ['governments'] });
      void queryClient.invalidateQueries({ queryKey: ['regions'] });
      guard.release();
      navigate(`/admin/governments/${created.slug}`, { state: { created: true } });
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { body, errors } = governmentCreateBody(effectiveSlug, values);
    if (errors.length > 0) {
      submit.reject(errors);
      return;
    }
    create.mutate(body);
  }

  return (
    <section aria-labelledby="gov-new-title">
      <p className="admin-breadcrumb">
        <Link to="/admin/governments">{t('governments.title')}</Link>
      </p>
      <h1 id="gov-new-title">{t('governments.newTitle')}</h1>
      <ErrorSummary items={summary} attempt={submit.attempt} />
      <form className="admin-form" onSubmit={onSubmit} noValidate>
        <GovernmentFormFields
          values={values}
          onChange={setValues}
          errorFor={errorFor}
          isAdmin
          isNew
          afterNames={
            <fieldset className="admin-fieldset">
              <legend>{t('governments.sections.address')}</legend>
              <FormField
                id="gov-slug"
                label={t('fields.slug')}
                hint={t('governments.slugHint', { path: `/members/${effectiveSlug || '…'}` })}
                error={errorFor('/slug')}
                required
              >
                {(control) => (
                  <input
                    {...control}
                    type="text"
                    value={effectiveSlug}
                    onChange={(e) => {
                      setSlugTouched(true);
                      setSlug(e.target.value.toLowerCase());
                    }}
                    data-testid="gov-slug"
                  />
                )}
              </FormField>
            </fieldset>
          }
        />
        <div className="admin-actions">
          <button
            type="submit"
            className="button"
            disabled={create.isPending}
            aria-busy={create.isPending || undefined}
            data-testid="gov-create"
          >
            {create.isPending ? t('form.saving') : t('governments.create')}
          </button>
          <Link className="button button--secondary" to="/admin/governments">
            {t('common:cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}

/** The secretariat's form for a new governing body or thematic network, on /bodies. */
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api';
import {
  ErrorSummary,
  FormField,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { BODY_KINDS, type BodyKind } from '../../core/governance/meeting';
import { LOCALES } from '../../core/locales';
import type { Region } from '../types';
import { bodyCreateRequest, emptyBodyForm, slugFromName, type BodyFormValues } from './body-form';
import { governanceKeys } from './queries';
import type { Body } from './types';

export function BodyCreateForm({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation(['governance', 'common']);
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<BodyFormValues>(emptyBodyForm);
  const submit = useSubmitState();
  const regions = useQuery({
    queryKey: ['regions'],
    queryFn: () => api.get<{ items: Region[] }>('/api/v1/regions'),
    staleTime: 5 * 60_000,
  });
  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/kind', id: 'body-kind', label: t('bodyForm.kind') },
      { pointer: '/region', id: 'body-region', label: t('bodyForm.region') },
      ...LOCALES.map((lang) => ({
        pointer: `/names/${lang}`,
        id: `body-name-${lang}`,
        label: t('bodyForm.nameIn', { language: languageName(lang, locale) }),
      })),
      { pointer: '/slug', id: 'body-slug', label: t('bodyForm.slug') },
    ],
    [t, locale],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem, {
    '/names': 'body-name-en',
  });

  const create = useMutation({
    mutationFn: (body: ReturnType<typeof bodyCreateRequest>['request']) =>
      api.post<Body>('/api/v1/bodies', body),
    onSuccess: (body) => {
      void queryClient.invalidateQueries({ queryKey: governanceKeys.bodies });
      void navigate(`/bodies/${body.slug}`);
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { request, problems } = bodyCreateRequest(values);
    if (!request) {
      submit.reject(
        problems.map((p) => ({
          pointer: p.pointer,
          detail: t(`bodyForm.problems.${p.code}`),
        })),
      );
      return;
    }
    submit.clear();
    create.mutate(request);
  }

  function setName(lang: string, name: string) {
    setValues((v) => ({
      ...v,
      names: { ...v.names, [lang]: name },
      slug: lang === 'en' && !v.slugTouched ? slugFromName(name) : v.slug,
    }));
  }

  return (
    <form
      className="admin-subform"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="body-form-title"
    >
      <h2 id="body-form-title">{t('bodyForm.title')}</h2>
      <ErrorSummary items={summary} attempt={submit.attempt} testId="body-errors" />
      <div className="gov-inline-fields">
        <FormField id="body-kind" label={t('bodyForm.kind')} error={errorFor('/kind')} required>
          {(control) => (
            <select
              {...control}
              value={values.kind}
              onChange={(e) => setValues((v) => ({ ...v, kind: e.target.value as BodyKind }))}
              data-testid="body-kind"
            >
              {BODY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id="body-region"
          label={t('bodyForm.region')}
          hint={t('bodyForm.regionHint')}
          error={errorFor('/region')}
          required={values.kind === 'rexcom'}
        >
          {(control) => (
            <select
              {...control}
              value={values.region}
              onChange={(e) => setValues((v) => ({ ...v, region: e.target.value }))}
              data-testid="body-region"
            >
              <option value="">{t('bodyForm.noRegion')}</option>
              {(regions.data?.items ?? []).map((r) => (
                <option key={r.slug} value={r.slug}>
                  {t(`common:regions.${r.slug}`, { defaultValue: r.name })}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {LOCALES.map((lang) => (
        <FormField
          key={lang}
          id={`body-name-${lang}`}
          label={t('bodyForm.nameIn', { language: languageName(lang, locale) })}
          error={errorFor(`/names/${lang}`)}
          required={lang === 'en'}
        >
          {(control) => (
            <input
              {...control}
              lang={lang}
              maxLength={200}
              value={values.names[lang] ?? ''}
              onChange={(e) => setName(lang, e.target.value)}
              data-testid={`body-name-${lang}`}
            />
          )}
        </FormField>
      ))}
      <FormField
        id="body-slug"
        label={t('bodyForm.slug')}
        hint={t('bodyForm.slugHint')}
        error={errorFor('/slug')}
        required
      >
        {(control) => (
          <input
            {...control}
            maxLength={80}
            value={values.slug}
            onChange={(e) => setValues((v) => ({ ...v, slug: e.target.value, slugTouched: true }))}
            data-testid="body-slug"
          />
        )}
      </FormField>
      <div className="admin-actions">
        <button
          type="submit"
          className="button"
          disabled={create.isPending}
          data-testid="save-body"
        >
          {t('bodyForm.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../core/locales';
import type { PersonCreate, PersonPatch } from '../../server/people/schemas';
import { api } from '../api';
import type { Person } from '../types';
import {
  ErrorSummary,
  FormField,
  StaleWriteNotice,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';

interface PersonValues {
  fullName: string;
  names: Record<Locale, string>;
  email: string;
}

function personValues(person: Person | null): PersonValues {
  return {
    fullName: person?.fullName ?? '',
    names: Object.fromEntries(LOCALES.map((lang) => [lang, person?.names[lang] ?? ''])) as Record<
      Locale,
      string
    >,
    email: person?.email ?? '',
  };
}

/** Reads the form into API values; names in languages the form does not show are kept. */
function readPerson(values: PersonValues, person: Person | null) {
  const names: Record<string, string> = {};
  for (const [lang, name] of Object.entries(person?.names ?? {})) {
    if (name && !(LOCALES as readonly string[]).includes(lang)) names[lang] = name;
  }
  for (const lang of LOCALES) {
    const name = values.names[lang].trim();
    if (name) names[lang] = name;
  }
  return {
    fullName: values.fullName.trim(),
    names,
    email: values.email.trim() === '' ? null : values.email.trim(),
  };
}

const sameNames = (a: Record<string, string | undefined>, b: Record<string, string | undefined>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * Adds a person or edits one: the name as usually written, the name in each language,
 * and an e-mail address. Edits send only what changed.
 */
export function PersonForm({
  person: opened,
  onDone,
}: {
  /** The person to edit; null to add one. */
  person: Person | null;
  onDone(saved: Person | null): void;
}) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  // The person as last read: changes are worked out against it and made from its version.
  const [person, setPerson] = useState(opened);
  const prefix = person ? `person-${person.id}` : 'person-new';
  const [values, setValues] = useState(() => personValues(person));
  const submit = useSubmitState();
  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/fullName', id: `${prefix}-full-name`, label: t('fields.fullName') },
      ...LOCALES.map((lang) => ({
        pointer: `/names/${lang}`,
        id: `${prefix}-name-${lang}`,
        label: t('fields.nameIn', { language: LOCALE_NAMES[lang] }),
      })),
      { pointer: '/email', id: `${prefix}-email`, label: t('fields.email') },
    ],
    [prefix, t],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem);

  const save = useMutation({
    mutationFn: (body: PersonCreate | PersonPatch) =>
      person
        ? api.patch<Person>(`/api/v1/people/${person.id}`, body, { version: person.version })
        : api.post<Person>('/api/v1/people', body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void queryClient.invalidateQueries({ queryKey: ['government'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      onDone(saved);
    },
    onError: (error) => submit.fail(error),
  });
  const reload = useMutation({
    mutationFn: (id: number) => api.get<Person>(`/api/v1/people/${id}`),
    onSuccess: (fresh) => {
      setPerson(fresh);
      setValues(personValues(fresh));
      submit.clear();
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readPerson(values, person);
    if (!read.fullName) {
      submit.reject([{ pointer: '/fullName', detail: 'is required' }]);
      return;
    }
    if (!person) {
      save.mutate(read);
      return;
    }
    const patch: PersonPatch = {};
    if (read.fullName !== person.fullName) patch.fullName = read.fullName;
    if (!sameNames(read.names, person.names)) patch.names = read.names;
    if (read.email !== person.email) patch.email = read.email;
    if (Object.keys(patch).length === 0) {
      onDone(null);
      return;
    }
    save.mutate(patch);
  }

  const titleId = `${prefix}-form-title`;
  return (
    <form
      className="admin-form admin-subform"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>
        {person ? t('people.editTitle', { name: person.fullName }) : t('people.newTitle')}
      </h3>
      <ErrorSummary items={summary} attempt={submit.attempt} testId={`${prefix}-errors`} />
      {person && (
        <StaleWriteNotice
          problem={submit.problem}
          onReload={() => reload.mutate(person.id)}
          reloading={reload.isPending}
          testId={`${prefix}-stale`}
        />
      )}
      <div className="admin-grid">
        <FormField
          id={`${prefix}-full-name`}
          label={t('fields.fullName')}
          hint={t('people.fullNameHint')}
          error={errorFor('/fullName')}
          required
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={values.fullName}
              onChange={(e) => setValues({ ...values, fullName: e.target.value })}
              data-testid="person-full-name"
            />
          )}
        </FormField>
        <FormField id={`${prefix}-email`} label={t('fields.email')} error={errorFor('/email')}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(e) => setValues({ ...values, email: e.target.value })}
              data-testid="person-email"
            />
          )}
        </FormField>
        {LOCALES.map((lang) => (
          <FormField
            key={lang}
            id={`${prefix}-name-${lang}`}
            label={t('fields.nameIn', { language: LOCALE_NAMES[lang] })}
            error={errorFor(`/names/${lang}`)}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                lang={lang}
                value={values.names[lang]}
                onChange={(e) =>
                  setValues({ ...values, names: { ...values.names, [lang]: e.target.value } })
                }
                data-testid={`person-name-${lang}`}
              />
            )}
          </FormField>
        ))}
      </div>
      <div className="admin-actions">
        <button
          type="submit"
          className="button"
          disabled={save.isPending}
          aria-busy={save.isPending || undefined}
          data-testid="person-save"
        >
          {save.isPending ? t('form.saving') : t('common:save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onDone(null)}
          disabled={save.isPending}
        >
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

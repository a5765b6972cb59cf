import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/passwords';
import { api, type FieldError } from '../api';
import { Loading } from '../components/DataState';
import { usePageTitle } from '../components/page-title';
import {
  ErrorSummary,
  FormField,
  SavedMessage,
  submitProblem,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import '../components/admin.css';
import { signInPath } from './next-path';
import {
  passwordChangeProblems,
  serverPasswordProblem,
  type PasswordChangeFields,
  type PasswordProblem,
} from './password-form';
import { useSession } from './session';

const EMPTY: PasswordChangeFields = { currentPassword: '', newPassword: '', repeatPassword: '' };

/** /account/password — the signed-in person changes their own password. */
export function PasswordPage() {
  const { t } = useTranslation('auth');
  const { user, loading, refresh } = useSession();
  const location = useLocation();
  const [fields, setFields] = useState<PasswordChangeFields>(EMPTY);
  const [submitting, setSubmitting] = useState(false);
  const [changed, setChanged] = useState(false);
  const submit = useSubmitState();
  usePageTitle(t('password.title'));

  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/currentPassword', id: 'password-current', label: t('password.current') },
      { pointer: '/newPassword', id: 'password-new', label: t('password.new') },
      { pointer: '/repeatPassword', id: 'password-repeat', label: t('password.repeat') },
    ],
    [t],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem);
  const words = (problem: PasswordProblem) =>
    t(`password.problems.${problem}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });

  if (loading) return <Loading />;
  if (!user) {
    return (
      <section className="admin-signin">
        <h1>{t('password.title')}</h1>
        <p>{t('password.signInFirst')}</p>
        <Link className="button" to={signInPath(location.pathname)}>
          {t('signIn.submit')}
        </Link>
      </section>
    );
  }

  const set = (name: keyof PasswordChangeFields) => (value: string) =>
    setFields((f) => ({ ...f, [name]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    const local = passwordChangeProblems(fields);
    if (local.length > 0) {
      submit.reject(local.map((p) => ({ pointer: p.pointer, detail: words(p.problem) })));
      return;
    }
    setSubmitting(true);
    submit.clear();
    try {
      await api.post('/api/v1/me/password', {
        currentPassword: fields.currentPassword,
        newPassword: fields.newPassword,
      });
      // The answer set a new session cookie; the session context takes its CSRF token.
      await refresh();
      setFields(EMPTY);
      setChanged(true);
    } catch (error) {
      const read = submitProblem(error);
      read.errors = read.errors.map((e): FieldError => {
        const known = serverPasswordProblem(e.pointer, e.detail);
        return known ? { ...e, detail: words(known) } : e;
      });
      if (read.status === 429) read.message = t('signIn.tooManyAttempts');
      submit.show(read);
    } finally {
      setSubmitting(false);
    }
  }

  const passwordInput = (
    name: keyof PasswordChangeFields,
    id: string,
    autoComplete: string,
    hint?: string,
  ) => (
    <FormField
      id={id}
      label={specs.find((s) => s.id === id)?.label}
      hint={hint}
      error={errorFor(`/${name}`)}
      required
    >
      {(control) => (
        <input
          {...control}
          type="password"
          name={name}
          autoComplete={autoComplete}
          required
          value={fields[name]}
          onChange={(e) => set(name)(e.target.value)}
          data-testid={id}
        />
      )}
    </FormField>
  );

  return (
    <section className="admin-signin" aria-labelledby="password-title">
      <h1 id="password-title">{t('password.title')}</h1>
      <p className="admin-lead">
        {t('password.lead', { name: user.displayName, email: user.email })}
      </p>
      {changed && <SavedMessage testId="password-changed">{t('password.changed')}</SavedMessage>}
      <ErrorSummary items={summary} attempt={submit.attempt} />
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="admin-form">
        {passwordInput('currentPassword', 'password-current', 'current-password')}
        {passwordInput(
          'newPassword',
          'password-new',
          'new-password',
          t('password.newHint', { min: PASSWORD_MIN_LENGTH }),
        )}
        {passwordInput('repeatPassword', 'password-repeat', 'new-password')}
        <div className="admin-actions">
          <button
            type="submit"
            className="button"
            disabled={submitting}
            aria-busy={submitting || undefined}
            data-testid="password-submit"
          >
            {submitting ? t('password.submitting') : t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

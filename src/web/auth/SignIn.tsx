import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../components/DataState';
import {
  ErrorSummary,
  FormField,
  submitProblem,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import '../components/admin.css';
import { safeNextPath } from './next-path';
import { useSession } from './session';
import { usePageTitle } from '../components/page-title';

/** The sign-in page: e-mail and password, then back to where the person was going. */
export function SignIn() {
  const { t } = useTranslation('auth');
  const { user, loading, signIn, signOut } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const submit = useSubmitState();
  usePageTitle(t('signIn.title'));

  const fields: FormFieldSpec[] = [
    { pointer: '/email', id: 'signin-email', label: t('signIn.email') },
    { pointer: '/password', id: 'signin-password', label: t('signIn.password') },
  ];
  const { errorFor, summary } = useFormProblems(fields, submit.problem);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    submit.clear();
    try {
      await signIn(email.trim(), password);
      navigate(next, { replace: true });
    } catch (error) {
      const read = submitProblem(error);
      if (read.status === 401) read.message = t('signIn.wrongCredentials');
      else if (read.status === 429) read.message = t('signIn.tooManyAttempts');
      else if (read.status === 403) read.message = t('signIn.disabled');
      submit.show(read);
    } finally {
      setSubmitting(false);
    }
  }

  if (loading) return <Loading />;

  if (user && !submitting) {
    return (
      <section className="admin-signin">
        <h1>{t('signIn.title')}</h1>
        <p>{t('signIn.alreadySignedIn', { name: user.displayName, email: user.email })}</p>
        <div className="admin-actions">
          <Link className="button" to={next}>
            {t('signIn.continue')}
          </Link>
          <button type="button" className="button button--secondary" onClick={() => void signOut()}>
            {t('signIn.signOut')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="admin-signin" aria-labelledby="signin-title">
      <h1 id="signin-title">{t('signIn.title')}</h1>
      <p className="admin-lead">{t('signIn.lead')}</p>
      <ErrorSummary items={summary} attempt={submit.attempt} />
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="admin-form">
        <FormField id="signin-email" label={t('signIn.email')} error={errorFor('/email')} required>
          {(control) => (
            <input
              {...control}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="signin-email"
            />
          )}
        </FormField>
        <FormField
          id="signin-password"
          label={t('signIn.password')}
          error={errorFor('/password')}
          required
        >
          {(control) => (
            <input
              {...control}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="signin-password"
            />
          )}
        </FormField>
        <div className="admin-actions">
          <button
            type="submit"
            className="button"
            disabled={submitting}
            aria-busy={submitting || undefined}
            data-testid="signin-submit"
          >
            {submitting ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </div>
      </form>
      <p className="admin-hint">{t('signIn.help')}</p>
    </section>
  );
}

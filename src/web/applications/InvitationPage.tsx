/**
 * /account/invitation/:token — a new member's officer chooses a password. The link works once
 * and for seven days; afterwards the officer is signed in and taken to their government.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/passwords';
import { api, ApiError } from '../api';
import { useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../components/DataState';
import { GovernmentName } from '../components/GovernmentName';
import { formatDate } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { FormField, useProblemText } from '../forms/form';
import '../components/admin.css';
import './applications.css';
import { useInvitation } from './queries';

/** Why an invitation link no longer opens anything, by the problem's code. */
const GONE = ['invitation-used', 'invitation-expired', 'government-gone'] as const;

export default function InvitationPage() {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const invitation = useInvitation(token);
  const problemText = useProblemText();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  usePageTitle(t('invitation.title'));

  if (invitation.isPending) return <Loading />;
  if (invitation.isError) {
    const error = invitation.error;
    const code =
      error instanceof ApiError
        ? (GONE.find((c) => c === error.code) ?? (error.status === 404 ? 'unknown' : null))
        : null;
    return (
      <section className="apply" aria-labelledby="invitation-title">
        <h1 id="invitation-title">{t('invitation.title')}</h1>
        {code ? (
          <p role="alert" data-testid="invitation-gone">
            {t(`invitation.gone.${code}`)}
          </p>
        ) : (
          <ErrorMessage error={error} />
        )}
        <p>
          <Link to="/signin">{t('invitation.signIn')}</Link>
        </p>
      </section>
    );
  }
  const info = invitation.data;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: typeof errors = {};
    if (password.length < PASSWORD_MIN_LENGTH) {
      next.password = t('invitation.tooShort', { min: PASSWORD_MIN_LENGTH });
    } else if (password.length > PASSWORD_MAX_LENGTH) {
      next.password = t('invitation.tooLong', { max: PASSWORD_MAX_LENGTH });
    }
    if (repeat !== password) next.repeat = t('invitation.mismatch');
    setErrors(next);
    if (next.password || next.repeat) return;
    setBusy(true);
    try {
      await api.post(`/api/v1/account-invitations/${encodeURIComponent(token)}`, { password });
      await refresh();
      navigate(`/admin/governments/${info.government.slug}`);
    } catch (error) {
      setBusy(false);
      setErrors({ form: problemText(error) });
    }
  }

  return (
    <section className="apply" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t('invitation.title')}</h1>
      <p data-testid="invitation-for">
        {t('invitation.for', { name: info.displayName, email: info.emailHint })}{' '}
        <strong>
          <GovernmentName
            names={info.government.names}
            localLang={Object.keys(info.government.names).find((l) => l !== 'en') ?? 'en'}
          />
        </strong>
      </p>
      <p className="admin-hint">
        {t('invitation.expires', { date: formatDate(info.expiresAt, locale) })}
      </p>
      <form className="admin-form" onSubmit={onSubmit} noValidate>
        {errors.form && (
          <p className="admin-error-summary" role="alert" data-testid="invitation-error">
            {errors.form}
          </p>
        )}
        <FormField
          id="invitation-password"
          label={t('invitation.password')}
          hint={t('invitation.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          error={errors.password}
          required
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="invitation-password"
            />
          )}
        </FormField>
        <FormField
          id="invitation-repeat"
          label={t('invitation.repeat')}
          error={errors.repeat}
          required
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              data-testid="invitation-repeat"
            />
          )}
        </FormField>
        <div className="admin-actions">
          <button type="submit" className="button" disabled={busy} data-testid="invitation-submit">
            {t('invitation.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * /admin/mail/:id — one letter as it is sent: who it is for, where it stands (attempts, the
 * next one, the mail server's last answer), its plain text, and its HTML in a sandboxed frame
 * (no scripts, nothing of the page reachable); a waiting letter can be sent now and a failed
 * one again, each asked first.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isLocale, LOCALE_NAMES } from '../../core/locales';
import { api } from '../api';
import { ErrorMessage, Loading } from '../components/DataState';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { SavedMessage, useProblemText } from '../forms/form';
import {
  formatInstant,
  sendAction,
  TEMPLATES,
  type OutboxLetter,
  type OutboxPage,
} from './letters';
import { NotConfigured, StatusBadge } from './parts';
import './mail.css';

function formatSize(bytes: number, locale: string): string {
  if (bytes < 1024) return formatNumber(bytes, locale, { style: 'unit', unit: 'byte' });
  return formatNumber(bytes / 1024, locale, {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 1,
  });
}

export default function LetterPage() {
  const { t } = useTranslation('mail');
  const locale = useLocale();
  const { id } = useParams();
  const letter = useQuery({
    queryKey: ['mail', 'letter', id],
    queryFn: () => api.get<OutboxLetter>(`/api/v1/mail/outbox/${id}`),
  });
  // Whether this server sends mail, and the most attempts a letter gets: the outbox's first page.
  const outbox = useQuery({
    queryKey: ['mail', 'outbox', { status: undefined, page: 1 }],
    queryFn: () => api.get<OutboxPage>('/api/v1/mail/outbox?pageSize=25'),
  });
  usePageTitle(letter.data?.subject ?? t('outbox.title'));

  if (letter.isPending) return <Loading />;
  if (letter.isError) return <ErrorMessage error={letter.error} />;
  const l = letter.data;
  const configured = outbox.data?.configured ?? true;
  const templateName = (TEMPLATES as readonly string[]).includes(l.template)
    ? t(`templates.${l.template}`)
    : t('templates.other');

  return (
    <section aria-labelledby="mail-letter-title">
      <p className="admin-breadcrumb">
        <Link to="/admin/mail">{t('letter.back')}</Link>
      </p>
      <h1 id="mail-letter-title">{l.subject}</h1>
      {outbox.data && !outbox.data.configured && <NotConfigured />}
      <dl className="mail-facts" data-testid="mail-facts">
        <dt>{t('letter.to')}</dt>
        <dd>{l.to.name ? `${l.to.name} <${l.to.email}>` : l.to.email}</dd>
        <dt>{t('letter.template')}</dt>
        <dd>{templateName}</dd>
        <dt>{t('letter.language')}</dt>
        <dd>{isLocale(l.locale) ? LOCALE_NAMES[l.locale] : l.locale}</dd>
        <dt>{t('columns.status')}</dt>
        <dd>
          <StatusBadge status={l.status} />
        </dd>
        <dt>{t('columns.written')}</dt>
        <dd>{formatInstant(l.createdAt, locale)}</dd>
        {l.sentAt && (
          <>
            <dt>{t('letter.sentAt')}</dt>
            <dd>{formatInstant(l.sentAt, locale)}</dd>
          </>
        )}
        <dt>{t('letter.attempts')}</dt>
        <dd>
          {outbox.data
            ? t('letter.attemptsOf', {
                done: formatNumber(l.attempts, locale),
                max: formatNumber(outbox.data.maxAttempts, locale),
              })
            : formatNumber(l.attempts, locale)}
        </dd>
        {l.status === 'queued' && (
          <>
            <dt>{t('letter.nextAttempt')}</dt>
            <dd>
              {!configured
                ? t('letter.waitsForMail')
                : l.nextAttemptAt
                  ? formatInstant(l.nextAttemptAt, locale)
                  : t('letter.soon')}
            </dd>
          </>
        )}
        {l.lastError && (
          <>
            <dt>{t('letter.lastError')}</dt>
            <dd>
              <p className="mail-error" data-testid="mail-last-error">
                {l.lastError}
              </p>
            </dd>
          </>
        )}
        {l.attachment && (
          <>
            <dt>{t('letter.attachment')}</dt>
            <dd>
              {l.attachment.name}{' '}
              <span className="admin-secondary">{formatSize(l.attachment.bytes, locale)}</span>
            </dd>
          </>
        )}
      </dl>
      <SendButton letter={l} configured={configured} maxAttempts={outbox.data?.maxAttempts ?? 6} />
      <div className="mail-body">
        <h2>{t('letter.html')}</h2>
        {l.html ? (
          <iframe
            className="mail-html"
            title={t('letter.htmlFrame', { subject: l.subject })}
            sandbox=""
            srcDoc={l.html}
            data-testid="mail-html"
          />
        ) : (
          <p className="admin-hint">{t('letter.noHtml')}</p>
        )}
        <h2>{t('letter.text')}</h2>
        <pre className="mail-text" data-testid="mail-text">
          {l.text}
        </pre>
      </div>
    </section>
  );
}

function SendButton({
  letter,
  configured,
  maxAttempts,
}: {
  letter: OutboxLetter;
  configured: boolean;
  maxAttempts: number;
}) {
  const { t } = useTranslation('mail');
  const locale = useLocale();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: () => api.post<OutboxLetter>(`/api/v1/mail/outbox/${letter.id}/send`),
    onSuccess: (updated) => {
      queryClient.setQueryData(['mail', 'letter', String(letter.id)], updated);
      void queryClient.invalidateQueries({ queryKey: ['mail'] });
    },
  });
  const action = sendAction(letter, configured);
  if (send.isSuccess) {
    return (
      <SavedMessage testId="mail-queued">
        {t(configured ? 'letter.queued' : 'letter.queuedWithoutMail')}
      </SavedMessage>
    );
  }
  if (!action) return null;
  const email = letter.to.email;
  return (
    <div className="admin-actions">
      <button
        type="button"
        className="button"
        disabled={send.isPending}
        data-testid="mail-send"
        onClick={() => {
          const question =
            action === 'resend'
              ? t(configured ? 'letter.confirmResend' : 'letter.confirmResendWithoutMail', {
                  email,
                  max: formatNumber(maxAttempts, locale),
                })
              : t('letter.confirmSendNow', { email });
          if (window.confirm(question)) send.mutate();
        }}
      >
        {t(action === 'resend' ? 'letter.resend' : 'letter.sendNow')}
      </button>
      {send.isError && (
        <p className="admin-field__error" role="alert">
          {problemText(send.error)}
        </p>
      )}
    </div>
  );
}

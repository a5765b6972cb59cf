/**
 * /apply/status/:token — the applicant's private page: where the application stands on the
 * way to membership, its history as the applicant may read it, the council resolution's
 * deadline, and what the applicant may do now (answer a question, send a document, withdraw).
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { isFinalStep, pathIndexOf, PATH_TO_MEMBERSHIP } from '../../core/applications';
import { api, ApiError } from '../api';
import { ErrorMessage, Loading } from '../components/DataState';
import { formatDate } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { FormField, SavedMessage, useProblemText } from '../forms/form';
import '../components/admin.css';
import './applications.css';
import { checkFile, uploadDocument } from './documents';
import { ResolutionLine } from './parts';
import { statusKey, useApplicationStatus, type Status } from './queries';

interface SentState {
  sent?: boolean;
  confirmationQueued?: boolean;
  uploadFailed?: string | null;
}

export default function StatusPage() {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const { token = '' } = useParams();
  const state = (useLocation().state ?? {}) as SentState;
  const status = useApplicationStatus(token);
  usePageTitle(t('status.title'));

  if (status.isPending) return <Loading />;
  if (status.isError) {
    const error = status.error;
    const known = error instanceof ApiError && (error.status === 404 || error.status === 429);
    return (
      <section className="apply" aria-labelledby="status-title">
        <h1 id="status-title">{t('status.title')}</h1>
        {known ? (
          <p role="alert" data-testid="status-unknown">
            {error.status === 404 ? t('status.unknownLink') : t('status.lockedOut')}
          </p>
        ) : (
          <ErrorMessage error={error} />
        )}
      </section>
    );
  }
  const app = status.data;
  const here = pathIndexOf(app.step);
  const name =
    app.officialName === app.englishName
      ? app.officialName
      : `${app.officialName} (${app.englishName})`;

  return (
    <section className="apply" aria-labelledby="status-title">
      <h1 id="status-title">{t('status.title')}</h1>
      <p className="page-header__lead" data-testid="status-government">
        <span lang={app.officialNameLang}>{name}</span> · {t(`common:categories.${app.category}`)}
      </p>
      {state.sent && (
        <div className="apply-note" role="status" data-testid="status-sent">
          <p>
            <strong>{t('status.thanks')}</strong>
          </p>
          <p>{state.confirmationQueued ? t('status.letterSent') : t('status.letterNotSent')}</p>
          <p>{t('status.keepLink')}</p>
          {state.uploadFailed && (
            <p className="admin-field__error" data-testid="status-upload-failed">
              {t('status.uploadFailed', { reason: state.uploadFailed })}
            </p>
          )}
        </div>
      )}

      <h2>{t('status.whereItStands')}</h2>
      {here !== null ? (
        <ol className="apply-path" data-testid="status-path">
          {PATH_TO_MEMBERSHIP.map((step, i) => (
            <li
              key={step}
              className={i < here ? 'is-done' : i === here ? 'is-current' : undefined}
              aria-current={i === here ? 'step' : undefined}
            >
              {t(`stepNames.${step}`)}
            </li>
          ))}
        </ol>
      ) : null}
      <p data-testid="status-step">
        <strong>{t(`stepNames.${app.step}`)}</strong> — {t(`status.explain.${app.step}`)}
      </p>
      <ResolutionLine standing={app.resolution} />

      {app.actions.includes('answer') && <AnswerForm token={token} status={app} />}
      {!isFinalStep(app.step) && <DocumentForm token={token} />}

      <h2>{t('status.history')}</h2>
      <ol className="apply-history" data-testid="status-history">
        {app.history.map((entry, i) => (
          <li key={i}>
            <span className="admin-secondary">{formatDate(entry.at, locale)}</span>{' '}
            <strong>{t(`stepNames.${entry.step}`)}</strong>{' '}
            <span className="admin-secondary">({t(`by.${entry.by}`)})</span>
            {entry.comment && <blockquote>{entry.comment}</blockquote>}
          </li>
        ))}
      </ol>
      {app.documents.length > 0 && (
        <>
          <h2>{t('documents.title')}</h2>
          <ul data-testid="status-documents">
            {app.documents.map((d) => (
              <li key={d.id}>
                {d.filename} · {t(`documents.kinds.${d.kind}`)} · {formatDate(d.uploadedAt, locale)}
              </li>
            ))}
          </ul>
        </>
      )}
      {app.actions.includes('withdraw') && <WithdrawForm token={token} />}
    </section>
  );
}

function useStatusUpdate(token: string) {
  const queryClient = useQueryClient();
  return (next: Status) => queryClient.setQueryData(statusKey(token), next);
}

function AnswerForm({ token, status }: { token: string; status: Status }) {
  const { t } = useTranslation('applications');
  const update = useStatusUpdate(token);
  const problemText = useProblemText();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const question = [...status.history].reverse().find((h) => h.action === 'request-information');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!comment.trim()) {
      setError(t('problems.required'));
      return;
    }
    setBusy(true);
    try {
      update(
        await api.post<Status>(`/api/v1/apply/${encodeURIComponent(token)}/answer`, { comment }),
      );
      setComment('');
      setError(undefined);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="admin-form apply-panel"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="answer-title"
    >
      <h2 id="answer-title">{t('status.answerTitle')}</h2>
      {question?.comment && (
        <blockquote data-testid="status-question">{question.comment}</blockquote>
      )}
      <FormField id="status-answer" label={t('status.answerLabel')} error={error} required>
        {(control) => (
          <textarea
            {...control}
            rows={5}
            maxLength={4000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            data-testid="status-answer"
          />
        )}
      </FormField>
      <div className="admin-actions">
        <button type="submit" className="button" disabled={busy} data-testid="status-answer-send">
          {t('status.answerSend')}
        </button>
      </div>
    </form>
  );
}

function DocumentForm({ token }: { token: string }) {
  const { t } = useTranslation('applications');
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<'resolution' | 'other'>('resolution');
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    const problem = file ? checkFile(file) : 'type';
    if (!file || problem) {
      setError(file ? t(`documents.problems.${problem ?? 'type'}`) : t('documents.choose'));
      return;
    }
    setBusy(true);
    try {
      queryClient.setQueryData(statusKey(token), await uploadDocument(token, file, kind));
      setError(undefined);
      setSent(true);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="admin-form apply-panel"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="doc-title"
    >
      <h2 id="doc-title">{t('documents.send')}</h2>
      <div className="admin-grid">
        <FormField
          id="status-document"
          label={t('documents.file')}
          hint={t('hints.resolution')}
          error={error}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".pdf,.docx,.odt,.jpg,.jpeg,.png"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="status-document"
            />
          )}
        </FormField>
        <FormField id="status-document-kind" label={t('documents.kind')}>
          {(control) => (
            <select
              {...control}
              value={kind}
              onChange={(e) => setKind(e.target.value === 'other' ? 'other' : 'resolution')}
            >
              <option value="resolution">{t('documents.kinds.resolution')}</option>
              <option value="other">{t('documents.kinds.other')}</option>
            </select>
          )}
        </FormField>
      </div>
      {sent && <SavedMessage testId="status-document-sent">{t('documents.sent')}</SavedMessage>}
      <div className="admin-actions">
        <button type="submit" className="button" disabled={busy} data-testid="status-document-send">
          {t('documents.send')}
        </button>
      </div>
    </form>
  );
}

function WithdrawForm({ token }: { token: string }) {
  const { t } = useTranslation('applications');
  const update = useStatusUpdate(token);
  const problemText = useProblemText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!window.confirm(t('status.withdrawConfirm'))) return;
    try {
      update(
        await api.post<Status>(`/api/v1/apply/${encodeURIComponent(token)}/withdraw`, {
          comment: reason.trim() || null,
        }),
      );
    } catch (e) {
      setError(problemText(e));
    }
  }

  return (
    <form
      className="admin-form apply-panel"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="withdraw-title"
    >
      <h2 id="withdraw-title">{t('status.withdrawTitle')}</h2>
      <FormField id="status-withdraw-reason" label={t('status.withdrawReason')}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={4000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </FormField>
      {error && (
        <p className="admin-field__error" role="alert">
          {error}
        </p>
      )}
      <div className="admin-actions">
        <button type="submit" className="button button--danger" data-testid="status-withdraw">
          {t('status.withdraw')}
        </button>
      </div>
    </form>
  );
}

/**
 * The invited government's answer: attending, not attending, or sending a proxy (who, and
 * where the invitation should go). Officers see it for their own government's invitation.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type FieldError } from '../api';
import {
  ErrorSummary,
  FormField,
  SavedMessage,
  StaleWriteNotice,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { governanceKeys, storeMeeting } from './queries';
import type { Invitation, Meeting, ReplyRequest } from './types';

type Answer = 'attending' | 'not-attending' | 'proxy';
const ANSWERS: readonly Answer[] = ['attending', 'not-attending', 'proxy'];

/** The answer the form opens with: the one given, none while the invitation is pending. */
function openedAnswer(invitation: Invitation | null): Answer | null {
  const given = invitation?.reply;
  return given && given !== 'pending' ? given : null;
}

export function ReplyForm({
  meetingId,
  invitationId,
  invitation,
}: {
  meetingId: number;
  invitationId: number;
  invitation: Invitation | null;
}) {
  const { t } = useTranslation('governance');
  const queryClient = useQueryClient();
  const current = invitation?.reply;
  const [reply, setReply] = useState<Answer | null>(() => openedAnswer(invitation));
  const [proxyName, setProxyName] = useState(invitation?.proxy?.name ?? '');
  const [proxyEmail, setProxyEmail] = useState(invitation?.proxy?.email ?? '');
  const [comment, setComment] = useState(invitation?.comment ?? '');
  // The version the invitation was opened (or last answered) at: an answer is refused (412)
  // rather than written over one someone else gave meanwhile.
  const [version, setVersion] = useState(invitation?.version);
  const submit = useSubmitState();
  const [saved, setSaved] = useState<Answer | null>(null);
  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/reply', id: 'reply-attending', label: t('reply.question') },
      { pointer: '/proxyName', id: 'reply-proxy-name', label: t('reply.proxyName') },
      { pointer: '/proxyEmail', id: 'reply-proxy-email', label: t('reply.proxyEmail') },
      { pointer: '/comment', id: 'reply-comment', label: t('reply.comment') },
    ],
    [t],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem, {
    '/proxyPersonId': 'reply-proxy-name',
  });

  const send = useMutation({
    mutationFn: (body: ReplyRequest) =>
      api.put<Invitation>(`/api/v1/invitations/${invitationId}/reply`, body, { version }),
    onSuccess: (answer) => {
      setVersion(answer.version);
      setSaved(answer.reply === 'pending' ? null : answer.reply);
      void queryClient.invalidateQueries({ queryKey: governanceKeys.meeting(meetingId) });
    },
    onError: (error) => submit.fail(error),
  });
  // The invitation as it is now, replacing what was chosen and typed.
  const reload = useMutation({
    mutationFn: () => api.get<Meeting>(`/api/v1/meetings/${meetingId}`),
    onSuccess: (meeting) => {
      storeMeeting(queryClient, meeting);
      const fresh = meeting.invitations.find((i) => i.id === invitationId) ?? null;
      setReply(openedAnswer(fresh));
      setProxyName(fresh?.proxy?.name ?? '');
      setProxyEmail(fresh?.proxy?.email ?? '');
      setComment(fresh?.comment ?? '');
      setVersion(fresh?.version);
      setSaved(null);
      submit.clear();
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const errors: FieldError[] = [];
    if (!reply) errors.push({ pointer: '/reply', detail: t('reply.chooseOne') });
    if (reply === 'proxy' && !proxyName.trim()) {
      errors.push({ pointer: '/proxyName', detail: t('reply.proxyNameRequired') });
    }
    if (errors.length > 0 || !reply) {
      submit.reject(errors);
      return;
    }
    submit.clear();
    send.mutate({
      reply,
      proxyName: reply === 'proxy' ? proxyName.trim() : null,
      proxyEmail: reply === 'proxy' && proxyEmail.trim() ? proxyEmail.trim() : null,
      comment: comment.trim() || null,
    });
  }

  const replyError = errorFor('/reply');
  return (
    <form
      className="gov-reply admin-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="reply-title"
      data-testid="reply-form"
    >
      <h2 id="reply-title">{t('reply.title')}</h2>
      {current && current !== 'pending' && (
        <p>{t('reply.current', { reply: t(`replies.${current}`) })}</p>
      )}
      <ErrorSummary items={summary} attempt={submit.attempt} testId="reply-errors" />
      <StaleWriteNotice
        problem={submit.problem}
        onReload={() => reload.mutate()}
        reloading={reload.isPending}
        testId="reply-stale"
      />
      <fieldset
        className={`admin-fieldset${replyError ? ' admin-field--invalid' : ''}`}
        aria-describedby={replyError ? 'reply-error' : undefined}
      >
        <legend>{t('reply.question')}</legend>
        {replyError && (
          <p id="reply-error" className="admin-field__error">
            {replyError}
          </p>
        )}
        {ANSWERS.map((answer) => (
          <label key={answer} className="admin-radio">
            <input
              type="radio"
              name="reply"
              id={`reply-${answer}`}
              value={answer}
              checked={reply === answer}
              onChange={() => setReply(answer)}
              data-testid={`reply-${answer}`}
            />{' '}
            {t(`reply.answers.${answer}`)}
          </label>
        ))}
      </fieldset>
      {reply === 'proxy' && (
        <div className="admin-subform">
          <p className="field__hint">{t('reply.proxyHint')}</p>
          <FormField
            id="reply-proxy-name"
            label={t('reply.proxyName')}
            required
            error={errorFor('/proxyName')}
          >
            {(control) => (
              <input
                {...control}
                value={proxyName}
                autoComplete="name"
                maxLength={200}
                onChange={(e) => setProxyName(e.target.value)}
                data-testid="reply-proxy-name"
              />
            )}
          </FormField>
          <FormField
            id="reply-proxy-email"
            label={t('reply.proxyEmail')}
            hint={t('reply.proxyEmailHint')}
            error={errorFor('/proxyEmail')}
          >
            {(control) => (
              <input
                {...control}
                type="email"
                value={proxyEmail}
                autoComplete="email"
                maxLength={254}
                onChange={(e) => setProxyEmail(e.target.value)}
                data-testid="reply-proxy-email"
              />
            )}
          </FormField>
        </div>
      )}
      <FormField id="reply-comment" label={t('reply.comment')} error={errorFor('/comment')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </FormField>
      <div className="admin-actions">
        <button
          type="submit"
          className="button"
          disabled={send.isPending}
          data-testid="reply-submit"
        >
          {send.isPending ? t('actions.saving') : t('reply.submit')}
        </button>
      </div>
      {saved && (
        <SavedMessage testId="reply-saved">
          {t('reply.saved', { reply: t(`replies.${saved}`) })}
        </SavedMessage>
      )}
    </form>
  );
}

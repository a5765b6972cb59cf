/** Managing a meeting: its status, its invitations and the news post made from it. */
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../api';
import { useLocale } from '../components/locale';
import { GovernmentName } from '../components/GovernmentName';
import { invitationRoleKey } from './guest-invite';
import { Problem, useMeetingWrite } from './manage-common';
import { GuestInviteForm } from './manage-guests';
import { attendeeName } from './meeting-parts';
import {
  availableActions,
  canMakeNews,
  isEarlyStart,
  needsConfirmation,
  targetStatus,
  type StatusAction,
} from './meeting-status';
import { governanceKeys } from './queries';
import type { Invitation, Meeting, MeetingStatus } from './types';
import { formatInZone, viewerTimeZone } from './zoned-time';
import { ScrollFrame } from '../components/ScrollFrame';

/** What the confirmation asks about: an irreversible action, or a start long before its time. */
type Confirming = StatusAction | 'earlyStart';

export function StatusActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const change = useMeetingWrite(({ status, early }: { status: MeetingStatus; early: boolean }) =>
    api.post<Meeting>(`/api/v1/meetings/${meeting.id}/status`, {
      status,
      ...(early ? { acknowledgeEarlyStart: true } : {}),
    }),
  );
  const actions = availableActions(meeting.status);
  // The server counts from its own clock: if it finds the start early where this browser did
  // not, it asks the same question.
  const refusedEarly = change.error instanceof ApiError && change.error.code === 'early-start';

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (refusedEarly) setConfirming('earlyStart');
  }, [refusedEarly]);

  function run(action: Confirming) {
    setConfirming(null);
    if (action === 'earlyStart') change.mutate({ status: 'in-progress', early: true });
    else change.mutate({ status: targetStatus(action), early: false });
  }

  function ask(action: StatusAction) {
    if (isEarlyStart(action, meeting)) setConfirming('earlyStart');
    else if (needsConfirmation(action)) setConfirming(action);
    else run(action);
  }
  const scheduled = formatInZone(meeting.startsAt, meeting.timeZone, locale);
  const viewer = viewerTimeZone();

  return (
    <div className="gov-status-actions">
      {actions.length === 0 ? (
        <p className="muted">{t('statusActions.none')}</p>
      ) : (
        <div className="admin-actions" role="group" aria-label={t('statusActions.label')}>
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`button${action === 'cancel' ? ' button--danger' : action === 'backToDraft' ? ' button--secondary' : ''}`}
              onClick={() => ask(action)}
              disabled={change.isPending}
              data-testid={`status-${action}`}
            >
              {t(`statusActions.${action}`)}
            </button>
          ))}
        </div>
      )}
      {confirming && (
        <div
          className="gov-confirm"
          role="alertdialog"
          aria-labelledby="status-confirm-title"
          aria-describedby="status-confirm-text"
        >
          <p id="status-confirm-title" className="gov-confirm__title">
            {t(`statusActions.confirmTitle.${confirming}`)}
          </p>
          <p id="status-confirm-text" data-testid="status-confirm-text">
            {confirming === 'earlyStart'
              ? [
                  t('statusActions.confirmText.earlyStart', {
                    when: scheduled,
                    zone: meeting.timeZone,
                  }),
                  viewer === meeting.timeZone
                    ? ''
                    : t('statusActions.inYourZone', {
                        time: formatInZone(meeting.startsAt, viewer, locale),
                      }),
                ]
                  .filter(Boolean)
                  .join(' ')
              : t(`statusActions.confirmText.${confirming}`)}
          </p>
          <div className="admin-actions">
            <button
              ref={confirmRef}
              type="button"
              className="button button--danger"
              onClick={() => run(confirming)}
              data-testid="confirm"
            >
              {t(`statusActions.${confirming}`)}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirming(null)}
              data-testid="confirm-cancel"
            >
              {t('statusActions.keep')}
            </button>
          </div>
        </div>
      )}
      {!refusedEarly && <Problem error={change.error} testId="status-problem" />}
    </div>
  );
}

export function InvitationsPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const zone = viewerTimeZone();
  const invite = useMutation({
    mutationFn: () =>
      api.post<{ items: Invitation[] }>(`/api/v1/meetings/${meeting.id}/invitations`, {
        seats: true,
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: governanceKeys.meeting(meeting.id) }),
  });
  const open = meeting.status !== 'closed' && meeting.status !== 'cancelled';
  return (
    <>
      {meeting.body && open && (
        <div className="admin-actions">
          <button
            type="button"
            className="button"
            onClick={() => invite.mutate()}
            disabled={invite.isPending}
            data-testid="invite-body"
          >
            {/* Guests invited first do not make the body's invitation a second one. */}
            {meeting.invitations.some((i) => i.seatId !== null)
              ? t('invitations.inviteAgain')
              : t('invitations.invite')}
          </button>
          <span className="field__hint">{t('invitations.inviteHint')}</span>
        </div>
      )}
      {invite.isSuccess && (
        <p role="status" className="admin-saved">
          {t('invitations.sent', { count: invite.data.items.length })}
        </p>
      )}
      <Problem error={invite.error} />
      {meeting.invitations.length === 0 ? (
        <p className="muted">{t('invitations.none')}</p>
      ) : (
        <ScrollFrame label={t('invitations.caption')}>
          <table className="data-table" data-testid="invitations">
            <caption className="visually-hidden">{t('invitations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invitations.invitee')}</th>
                <th scope="col">{t('invitations.government')}</th>
                <th scope="col">{t('invitations.role')}</th>
                <th scope="col">{t('invitations.reply')}</th>
                <th scope="col">{t('invitations.proxy')}</th>
                <th scope="col">{t('invitations.repliedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {meeting.invitations.map((invitation) => (
                <tr
                  key={invitation.id}
                  data-testid={`invitation-${invitation.government?.slug ?? invitation.id}`}
                >
                  <th scope="row">
                    {attendeeName(invitation, locale)}
                    {invitation.email && (
                      <span className="admin-block muted">{invitation.email}</span>
                    )}
                  </th>
                  <td>
                    {invitation.government ? (
                      <GovernmentName
                        names={invitation.government.names}
                        localLang={invitation.government.localLang}
                      />
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{t(invitationRoleKey(invitation))}</td>
                  <td>
                    <span className={`badge gov-reply-badge gov-reply-badge--${invitation.reply}`}>
                      {t(`replies.${invitation.reply}`)}
                    </span>
                    {invitation.comment && (
                      <span className="admin-block">{invitation.comment}</span>
                    )}
                  </td>
                  <td>
                    {invitation.proxy ? (
                      <>
                        {attendeeName(invitation.proxy, locale)}
                        {invitation.proxy.email && (
                          <span className="admin-block muted">{invitation.proxy.email}</span>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {invitation.repliedAt ? formatInZone(invitation.repliedAt, zone, locale) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
      {open && <GuestInviteForm meeting={meeting} />}
    </>
  );
}

export function NewsPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('governance');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const make = useMutation({
    mutationFn: () => api.post<{ slug: string }>(`/api/v1/meetings/${meeting.id}/news`),
    onSuccess: (post) => {
      void queryClient.invalidateQueries({ queryKey: governanceKeys.meeting(meeting.id) });
      void navigate(`/admin/news/${post.slug}`);
    },
  });
  if (meeting.newsPost) {
    return (
      <p>
        <Link to={`/admin/news/${meeting.newsPost.slug}`} data-testid="news-post-link">
          {t('news.open')}
        </Link>
      </p>
    );
  }
  const allowed = canMakeNews(meeting.status);
  return (
    <>
      <div className="admin-actions">
        <button
          type="button"
          className="button"
          onClick={() => make.mutate()}
          disabled={!allowed || make.isPending}
          aria-describedby="news-hint"
          data-testid="make-news-post"
        >
          {t('news.make')}
        </button>
      </div>
      <p id="news-hint" className="field__hint">
        {allowed ? t('news.hint') : t('news.onlyClosed')}
      </p>
      <Problem error={make.error} />
    </>
  );
}

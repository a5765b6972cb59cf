/**
 * The signed-in user's private calendar address: a feed their calendar application polls, with
 * the meetings that concern them and the join links they may have. The address is shown once,
 * when made; replacing or revoking it stops the old one, so both ask first.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { OneTimeSecret } from '../components/CopyButton';
import { ErrorMessage, Loading } from '../components/DataState';
import { formatDate } from '../components/format';
import { useLocale } from '../components/locale';
import { useProblemText } from '../forms/form';
import '../components/admin.css';

interface FeedStatus {
  active: boolean;
  createdAt: string | null;
  lastUsedAt: string | null;
}

const FEED_KEY = ['governance', 'calendar-feed'] as const;

export function PersonalCalendar() {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [address, setAddress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const status = useQuery({
    queryKey: FEED_KEY,
    queryFn: () => api.get<FeedStatus>('/api/v1/auth/calendar-feed'),
  });
  const done = () => void queryClient.invalidateQueries({ queryKey: FEED_KEY });
  const create = useMutation({
    mutationFn: () => api.post<{ url: string }>('/api/v1/auth/calendar-feed', {}),
    onSuccess: (result) => {
      setAddress(result.url);
      done();
    },
    onError: (e) => setError(problemText(e)),
  });
  const revoke = useMutation({
    mutationFn: () => api.del('/api/v1/auth/calendar-feed'),
    onSuccess: () => {
      setAddress(null);
      done();
    },
    onError: (e) => setError(problemText(e)),
  });
  const busy = create.isPending || revoke.isPending;

  return (
    <section
      className="panel"
      aria-labelledby="personal-calendar-title"
      data-testid="personal-calendar"
    >
      <h2 id="personal-calendar-title">{t('personalFeed.title')}</h2>
      <p className="muted">{t('personalFeed.lead')}</p>
      {error && (
        <p className="admin-field__error" role="alert">
          {error}
        </p>
      )}
      {address && (
        <OneTimeSecret
          label={t('personalFeed.addressLabel')}
          secret={address}
          onDismiss={() => setAddress(null)}
          testId="personal-calendar-address"
        />
      )}
      {status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <ErrorMessage error={status.error} />
      ) : !status.data.active ? (
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-busy={busy || undefined}
          onClick={() => {
            setError(null);
            create.mutate();
          }}
          data-testid="personal-calendar-create"
        >
          {t('personalFeed.create')}
        </button>
      ) : (
        <>
          <p data-testid="personal-calendar-status">
            {t('personalFeed.active', {
              created: formatDate(status.data.createdAt ?? '', locale),
            })}{' '}
            {status.data.lastUsedAt
              ? t('personalFeed.lastRead', { date: formatDate(status.data.lastUsedAt, locale) })
              : t('personalFeed.neverRead')}
          </p>
          <div className="admin-actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => {
                setError(null);
                if (window.confirm(t('personalFeed.confirmReplace'))) create.mutate();
              }}
              data-testid="personal-calendar-replace"
            >
              {t('personalFeed.replace')}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => {
                setError(null);
                if (window.confirm(t('personalFeed.confirmRevoke'))) revoke.mutate();
              }}
              data-testid="personal-calendar-revoke"
            >
              {t('personalFeed.revoke')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

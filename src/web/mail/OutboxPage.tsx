/**
 * /admin/mail — the outbox: every letter Accord wrote, newest first, with how many are in
 * each state (a filter), where each one stands, and whether this server sends mail at all.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../api';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { Pagination } from '../components/Pagination';
import {
  formatInstant,
  isOutboxStatus,
  OUTBOX_STATUSES,
  type OutboxLetterSummary,
  type OutboxPage as OutboxPageData,
  type OutboxStatus,
} from './letters';
import { NotConfigured, StatusBadge } from './parts';
import { ScrollFrame } from '../components/ScrollFrame';
import './mail.css';

const PAGE_SIZE = 25;

export default function OutboxPage() {
  const { t } = useTranslation('mail');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isOutboxStatus(raw) ? raw : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  usePageTitle(t('outbox.title'));

  const outbox = useQuery({
    queryKey: ['mail', 'outbox', { status, page }],
    queryFn: () =>
      api.get<OutboxPageData>(`/api/v1/mail/outbox${query({ status, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });

  function show(next: { status?: OutboxStatus | undefined; page?: number }) {
    const merged = { status, page: 1, ...next };
    const entries: [string, string][] = [];
    if (merged.status) entries.push(['status', merged.status]);
    if (merged.page > 1) entries.push(['page', String(merged.page)]);
    setParams(entries);
  }

  const data = outbox.data;
  const total = data ? OUTBOX_STATUSES.reduce((sum, s) => sum + data.counts[s], 0) : 0;
  const filters: { value: OutboxStatus | undefined; label: string; count: number }[] = data
    ? [
        { value: undefined, label: t('outbox.all'), count: total },
        ...OUTBOX_STATUSES.map((s) => ({
          value: s,
          label: t(`statuses.${s}`),
          count: data.counts[s],
        })),
      ]
    : [];

  return (
    <section aria-labelledby="mail-outbox-title">
      <h1 id="mail-outbox-title">{t('outbox.title')}</h1>
      <p className="admin-lead">
        {t('outbox.lead', { max: formatNumber(outbox.data?.maxAttempts ?? 6, locale) })}
      </p>
      {outbox.isPending ? (
        <Loading />
      ) : outbox.isError ? (
        <ErrorMessage error={outbox.error} />
      ) : (
        <>
          {!outbox.data.configured && <NotConfigured />}
          <ul className="mail-filters" aria-label={t('outbox.filterLabel')}>
            {filters.map((f) => (
              <li key={f.value ?? 'all'}>
                <button
                  type="button"
                  className="mail-filter"
                  aria-pressed={f.value === status}
                  onClick={() => show({ status: f.value })}
                  data-testid={`mail-filter-${f.value ?? 'all'}`}
                >
                  <span>{f.label}</span>{' '}
                  <span className="mail-filter__count">{formatNumber(f.count, locale)}</span>
                </button>
              </li>
            ))}
          </ul>
          {outbox.data.items.length === 0 ? (
            <EmptyState title={t('outbox.none')} />
          ) : (
            <>
              <ScrollFrame className="admin-table-wrap" label={t('outbox.title')}>
                <table className="admin-table" data-testid="mail-outbox">
                  <caption className="visually-hidden">{t('outbox.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('columns.written')}</th>
                      <th scope="col">{t('columns.to')}</th>
                      <th scope="col">{t('columns.subject')}</th>
                      <th scope="col">{t('columns.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {outbox.data.items.map((letter) => (
                      <LetterRow
                        key={letter.id}
                        letter={letter}
                        maxAttempts={outbox.data.maxAttempts}
                      />
                    ))}
                  </tbody>
                </table>
              </ScrollFrame>
              <Pagination
                page={outbox.data.page}
                pageSize={outbox.data.pageSize}
                total={outbox.data.total}
                onPage={(next) => show({ page: next })}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}

function LetterRow({ letter, maxAttempts }: { letter: OutboxLetterSummary; maxAttempts: number }) {
  const { t } = useTranslation('mail');
  const locale = useLocale();
  return (
    <tr data-testid="mail-letter">
      <td>
        <time dateTime={letter.createdAt}>{formatInstant(letter.createdAt, locale)}</time>
      </td>
      <td>
        {letter.to.name ?? letter.to.email}
        {letter.to.name && <span className="admin-block admin-secondary">{letter.to.email}</span>}
      </td>
      <td>
        <Link to={`/admin/mail/${letter.id}`}>{letter.subject}</Link>
      </td>
      <td>
        <StatusBadge status={letter.status} />
        {letter.attempts > 0 && letter.status !== 'sent' && (
          <span className="admin-block admin-secondary">
            {t('letter.attemptsOf', {
              done: formatNumber(letter.attempts, locale),
              max: formatNumber(maxAttempts, locale),
            })}
          </span>
        )}
        {letter.status === 'queued' && letter.nextAttemptAt && (
          <span className="admin-block admin-secondary">
            {t('letter.nextAt', { when: formatInstant(letter.nextAttemptAt, locale) })}
          </span>
        )}
      </td>
    </tr>
  );
}

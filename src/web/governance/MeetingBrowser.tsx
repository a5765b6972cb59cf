import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLocale } from '../components/locale';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { Pagination } from '../components/Pagination';
import { MEETING_STATUSES } from '../../core/governance/meeting';
import { MeetingTable } from './MeetingTable';
import { useBodies, useMeetings } from './queries';
import { pickText } from './text';
import type { MeetingStatus, MeetingSummary } from './types';

export const MEETINGS_PAGE_SIZE = 20;

function isStatus(value: string | null): value is MeetingStatus {
  return value !== null && (MEETING_STATUSES as readonly string[]).includes(value);
}

/** Filters by body and status and pages through meetings; all of it in the URL. */
export function MeetingBrowser({ linkTo }: { linkTo(meeting: MeetingSummary): string }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const body = params.get('body') ?? '';
  const status = isStatus(params.get('status')) ? (params.get('status') as MeetingStatus) : '';
  const pageNumber = Number(params.get('page'));
  const page = Number.isInteger(pageNumber) && pageNumber > 1 ? pageNumber : 1;
  const bodies = useBodies();
  const meetings = useMeetings({ body, status, page, pageSize: MEETINGS_PAGE_SIZE });

  const update = useCallback(
    (changes: Record<'body' | 'status' | 'page', string | undefined>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        if (value === '' || (key === 'page' && value === '1')) next.delete(key);
        else next.set(key, value);
      }
      if (changes.page === undefined) next.delete('page');
      setParams(next);
    },
    [params, setParams],
  );

  return (
    <>
      <search className="filters gov-filters" aria-label={t('meetings.filters')}>
        <div className="filters__row">
          <label className="field">
            <span className="field__label">{t('meetings.filterBody')}</span>
            <select
              value={body}
              onChange={(e) => update({ body: e.target.value, status: undefined, page: undefined })}
              data-testid="meetings-filter-body"
            >
              <option value="">{t('meetings.allBodies')}</option>
              {(bodies.data?.items ?? []).map((b) => (
                <option key={b.slug} value={b.slug}>
                  {pickText(b.names, locale).text}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('meetings.filterStatus')}</span>
            <select
              value={status}
              onChange={(e) => update({ status: e.target.value, body: undefined, page: undefined })}
              data-testid="meetings-filter-status"
            >
              <option value="">{t('meetings.allStatuses')}</option>
              {MEETING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="field__hint">{t('meetings.timesHint')}</p>
      </search>
      {meetings.isPending ? (
        <Loading />
      ) : meetings.isError ? (
        <ErrorMessage error={meetings.error} />
      ) : meetings.data.items.length === 0 ? (
        <EmptyState title={t('meetings.empty')} />
      ) : (
        <>
          <MeetingTable
            meetings={meetings.data.items}
            linkTo={linkTo}
            caption={t('meetings.listLabel')}
          />
          <Pagination
            page={meetings.data.page}
            pageSize={meetings.data.pageSize}
            total={meetings.data.total}
            onPage={(p) => update({ page: String(p), body: undefined, status: undefined })}
          />
        </>
      )}
    </>
  );
}

import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../api';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { GovernmentName, governmentNameText } from '../components/GovernmentName';
import { useLocale } from '../components/locale';
import { translated } from '../components/translated';
import type { Locale } from '../../core/locales';
import { usePageTitle } from '../components/page-title';
import { Pagination } from '../components/Pagination';
import { useProblemText } from '../forms/form';
import type { PageOf } from '../types';
import type { DismissalSide, DuplicateDismissal } from './merges';
import { ScrollFrame } from '../components/ScrollFrame';

/**
 * /admin/duplicates/dismissed — pairs marked as two records, not one (two governments, or two
 * targets of one government), newest first. Withdrawing a mark (asked first) lists the pair
 * among the likely duplicates again while it still looks alike.
 */

const PAGE_SIZE = 20;

function formatInstant(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A side's name as the reader reads it: a government's by the rule of names, a target's title. */
function sideText(kind: DuplicateDismissal['kind'], side: DismissalSide, locale: Locale): string {
  if (kind === 'government') {
    return side.government
      ? governmentNameText(side.government.names, side.government.localLang, locale)
      : side.name;
  }
  return side.titles ? translated(side.titles, side.name, locale) : side.name;
}

function Side({ kind, side }: { kind: DuplicateDismissal['kind']; side: DismissalSide }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  if (!side.exists || !side.slug) {
    return (
      <>
        {side.name} <span className="admin-secondary">({t('dismissals.gone')})</span>
      </>
    );
  }
  if (kind === 'government') {
    return (
      <Link to={`/admin/governments/${side.slug}`}>
        {side.government ? (
          <GovernmentName names={side.government.names} localLang={side.government.localLang} />
        ) : (
          side.name
        )}
      </Link>
    );
  }
  return (
    <>
      {sideText(kind, side, locale)}
      <br />
      <Link className="admin-secondary" to={`/members/${side.slug}/climate`}>
        {side.government ? (
          <GovernmentName names={side.government.names} localLang={side.government.localLang} />
        ) : (
          side.governmentName
        )}
      </Link>
    </>
  );
}

function WithdrawButton({ mark }: { mark: DuplicateDismissal }) {
  const { t } = useTranslation('admin');
  const problemText = useProblemText();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => api.del(`/api/v1/duplicate-dismissals/${mark.id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['dismissals'] });
      void queryClient.invalidateQueries({ queryKey: ['governments', 'duplicates'] });
    },
  });
  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={withdraw.isPending}
        data-testid="dismissal-withdraw"
        onClick={() => {
          if (
            window.confirm(
              t('dismissals.confirmWithdraw', {
                a: sideText(mark.kind, mark.a, locale),
                b: sideText(mark.kind, mark.b, locale),
              }),
            )
          ) {
            withdraw.mutate();
          }
        }}
      >
        {t('dismissals.withdraw')}
      </button>
      {withdraw.isError && (
        <p className="admin-field__error" role="alert">
          {problemText(withdraw.error)}
        </p>
      )}
    </>
  );
}

export function DismissalsPage() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  usePageTitle(t('dismissals.title'));
  const [page, setPage] = useState(1);
  const marks = useQuery({
    queryKey: ['dismissals', page],
    queryFn: () =>
      api.get<PageOf<DuplicateDismissal>>(
        `/api/v1/duplicate-dismissals${query({ page, pageSize: PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-labelledby="admin-dismissals-title">
      <div className="admin-heading">
        <h1 id="admin-dismissals-title">{t('dismissals.title')}</h1>
        <Link className="button button--secondary" to="/admin/duplicates">
          {t('merges.duplicates')}
        </Link>
      </div>
      <p className="admin-lead">{t('dismissals.lead')}</p>
      {marks.isPending ? (
        <Loading />
      ) : marks.isError ? (
        <ErrorMessage error={marks.error} />
      ) : marks.data.items.length === 0 ? (
        <EmptyState title={t('dismissals.none')} />
      ) : (
        <>
          <ScrollFrame className="admin-table-wrap" label={t('dismissals.title')}>
            <table className="admin-table" data-testid="dismissals">
              <caption className="visually-hidden">{t('dismissals.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dismissals.when')}</th>
                  <th scope="col">{t('dismissals.kind')}</th>
                  <th scope="col">{t('dismissals.first')}</th>
                  <th scope="col">{t('dismissals.second')}</th>
                  <th scope="col">{t('dismissals.by')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('dismissals.withdraw')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {marks.data.items.map((mark) => (
                  <tr key={mark.id} data-testid="dismissal-row">
                    <td>{formatInstant(mark.at, locale)}</td>
                    <td>{t(`dismissals.kinds.${mark.kind}`)}</td>
                    <td>
                      <Side kind={mark.kind} side={mark.a} />
                    </td>
                    <td>
                      <Side kind={mark.kind} side={mark.b} />
                    </td>
                    <td>{mark.by}</td>
                    <td>
                      <WithdrawButton mark={mark} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
          <Pagination
            page={marks.data.page}
            pageSize={marks.data.pageSize}
            total={marks.data.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}

import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../api';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { ScrollFrame } from '../components/ScrollFrame';
import { countryName, formatNumber } from '../components/format';
import { GovernmentName } from '../components/GovernmentName';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { Pagination } from '../components/Pagination';
import { useProblemText } from '../forms/form';
import type { PageOf } from '../types';
import { namesApart, rowsTotal, type GovernmentMerge, type MergeSide } from './merges';
import { useSideText } from './side-text';

/**
 * /admin/merges — the merges of governments, newest first, each with what it moved; a merge
 * can be undone (asked first) while the government it was merged into has not been merged
 * into another since.
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

/** One side of a merge: its name (a link while it exists), and its kind and country. */
function MergeSideCell({ side }: { side: MergeSide }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const name = <GovernmentName names={side.names} localLang={side.localLang} />;
  return (
    <>
      {side.exists ? <Link to={`/admin/governments/${side.slug}`}>{name}</Link> : name}
      <br />
      <span className="admin-secondary">
        {t(`kinds.${side.kind}`)} · {countryName(side.country, locale)}
      </span>
    </>
  );
}

function UndoButton({ merge }: { merge: GovernmentMerge }) {
  const { t } = useTranslation('admin');
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const sideText = useSideText();
  const [merged, kept] = namesApart(merge.merged, merge.kept, sideText.name, sideText.apart);
  const undo = useMutation({
    mutationFn: () => api.post<GovernmentMerge>(`/api/v1/government-merges/${merge.id}/undo`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['merges'] });
      void queryClient.invalidateQueries({ queryKey: ['governments'] });
    },
  });
  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={undo.isPending}
        data-testid="merge-undo"
        onClick={() => {
          if (window.confirm(t('merges.confirmUndo', { merged, kept }))) {
            undo.mutate();
          }
        }}
      >
        {t('merges.undo')}
      </button>
      {undo.isError && (
        <p className="admin-field__error" role="alert">
          {problemText(undo.error)}
        </p>
      )}
    </>
  );
}

export function MergesPage() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  usePageTitle(t('merges.title'));
  const [page, setPage] = useState(1);
  const merges = useQuery({
    queryKey: ['merges', page],
    queryFn: () =>
      api.get<PageOf<GovernmentMerge>>(
        `/api/v1/government-merges${query({ page, pageSize: PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-labelledby="admin-merges-title">
      <div className="admin-heading">
        <h1 id="admin-merges-title">{t('merges.title')}</h1>
        <Link className="button button--secondary" to="/admin/duplicates">
          {t('merges.duplicates')}
        </Link>
      </div>
      <p className="admin-lead">{t('merges.lead')}</p>
      {merges.isPending ? (
        <Loading />
      ) : merges.isError ? (
        <ErrorMessage error={merges.error} />
      ) : merges.data.items.length === 0 ? (
        <EmptyState title={t('merges.none')} />
      ) : (
        <>
          <ScrollFrame className="admin-table-wrap" label={t('merges.title')}>
            <table className="admin-table" data-testid="merges">
              <caption className="visually-hidden">{t('merges.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('merges.when')}</th>
                  <th scope="col">{t('merges.merged')}</th>
                  <th scope="col">{t('merges.kept')}</th>
                  <th scope="col" className="admin-num">
                    {t('merges.rows')}
                  </th>
                  <th scope="col">{t('merges.by')}</th>
                  <th scope="col">{t('merges.state')}</th>
                </tr>
              </thead>
              <tbody>
                {merges.data.items.map((merge) => (
                  <tr key={merge.id} data-testid="merge-row">
                    <td>{formatInstant(merge.at, locale)}</td>
                    <td>
                      <MergeSideCell side={merge.merged} />
                    </td>
                    <td>
                      <MergeSideCell side={merge.kept} />
                    </td>
                    <td className="admin-num">{formatNumber(rowsTotal(merge), locale)}</td>
                    <td>{merge.by}</td>
                    <td>
                      {merge.undoneAt ? (
                        t('merges.undone', {
                          when: formatInstant(merge.undoneAt, locale),
                          by: merge.undoneBy ?? '',
                        })
                      ) : merge.undoable ? (
                        <UndoButton merge={merge} />
                      ) : (
                        t('merges.notUndoable')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
          <Pagination
            page={merges.data.page}
            pageSize={merges.data.pageSize}
            total={merges.data.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}

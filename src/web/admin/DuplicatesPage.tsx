import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { countryName, formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { useProblemText } from '../forms/form';
import {
  pairKey,
  sidesFor,
  type DuplicatePair,
  type DuplicateSide,
  type GovernmentMerge,
} from './merges';

/**
 * /admin/duplicates — governments that are likely one (a likely name with the country, or the
 * same place): the secretariat chooses which to keep and merges the other into it. A merge
 * asks first; it can be undone from /admin/merges.
 */

function Side({ side }: { side: DuplicateSide }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  return (
    <>
      <Link to={`/admin/governments/${side.slug}`}>{side.name}</Link>{' '}
      <span className="admin-secondary">{side.slug}</span>
      <br />
      <span className="admin-secondary">
        {t(`kinds.${side.kind}`)} · {countryName(side.country, locale)} ·{' '}
        {t(`categories.${side.category}`)}
      </span>
      <br />
      <span className="admin-secondary">
        {t('duplicates.records', {
          targets: formatNumber(side.targets, locale),
          reports: formatNumber(side.reports, locale),
        })}
        {side.cdpAccount && <> · CDP {side.cdpAccount}</>}
        {side.nztId && <> · {t('duplicates.trackerId', { id: side.nztId })}</>}
      </span>
    </>
  );
}

function PairRow({
  pair,
  onMerged,
}: {
  pair: DuplicatePair;
  onMerged: (merge: GovernmentMerge) => void;
}) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const problemText = useProblemText();
  const [keep, setKeep] = useState(pair.suggestedKeep);
  const { kept, merged } = sidesFor(pair, keep);
  const merge = useMutation({
    mutationFn: () =>
      api.post<GovernmentMerge>('/api/v1/government-merges', {
        keep: kept.slug,
        merge: merged.slug,
      }),
    onSuccess: onMerged,
  });
  const key = pairKey(pair);
  return (
    <tr data-testid="duplicate-pair">
      {[pair.a, pair.b].map((side) => (
        <td key={side.slug}>
          <label className="admin-radio">
            <input
              type="radio"
              name={`keep-${key}`}
              value={side.slug}
              checked={keep === side.slug}
              onChange={() => setKeep(side.slug)}
            />
            {t('duplicates.keepThis')}
          </label>
          <Side side={side} />
        </td>
      ))}
      <td>
        <ul className="admin-links">
          {pair.reasons.includes('name') && (
            <li>{t('duplicates.reasonName', { names: pair.matchingNames.join(', ') })}</li>
          )}
          {pair.reasons.includes('place') && <li>{t('duplicates.reasonPlace')}</li>}
          {pair.distanceKm !== null && (
            <li>
              {t('duplicates.distance', {
                km: formatNumber(pair.distanceKm, locale, { maximumFractionDigits: 1 }),
              })}
            </li>
          )}
        </ul>
        {pair.keysDiffer && (
          <p className="admin-hint" role="note">
            {t('duplicates.keysDiffer')}
          </p>
        )}
      </td>
      <td>
        <button
          type="button"
          className="button button--small"
          disabled={merge.isPending}
          data-testid="duplicate-merge"
          onClick={() => {
            if (
              window.confirm(
                t('duplicates.confirm', { merged: merged.name, kept: kept.name, slug: kept.slug }),
              )
            ) {
              merge.mutate();
            }
          }}
        >
          {t('duplicates.merge', { merged: merged.name, kept: kept.name })}
        </button>
        {merge.isError && (
          <p className="admin-field__error" role="alert">
            {problemText(merge.error)}
          </p>
        )}
      </td>
    </tr>
  );
}

export function DuplicatesPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('duplicates.title'));
  const queryClient = useQueryClient();
  const [done, setDone] = useState<GovernmentMerge | null>(null);
  const report = useQuery({
    queryKey: ['governments', 'duplicates'],
    queryFn: () => api.get<{ items: DuplicatePair[] }>('/api/v1/government-duplicates'),
  });

  function onMerged(merge: GovernmentMerge) {
    setDone(merge);
    void queryClient.invalidateQueries({ queryKey: ['governments'] });
    void queryClient.invalidateQueries({ queryKey: ['merges'] });
  }

  return (
    <section aria-labelledby="admin-duplicates-title">
      <div className="admin-heading">
        <h1 id="admin-duplicates-title">{t('duplicates.title')}</h1>
        <Link className="button button--secondary" to="/admin/merges" data-testid="merges-link">
          {t('duplicates.recentMerges')}
        </Link>
      </div>
      <p className="admin-lead">{t('duplicates.lead')}</p>
      {done && (
        <p className="admin-saved" role="status" data-testid="merge-done">
          {t('duplicates.merged', { merged: done.merged.name, kept: done.kept.name })}{' '}
          <Link to="/admin/merges">{t('duplicates.undoHint')}</Link>
        </p>
      )}
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorMessage error={report.error} />
      ) : report.data.items.length === 0 ? (
        <EmptyState title={t('duplicates.none')} />
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="duplicates">
            <caption className="visually-hidden">{t('duplicates.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('duplicates.first')}</th>
                <th scope="col">{t('duplicates.second')}</th>
                <th scope="col">{t('duplicates.why')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('duplicates.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {report.data.items.map((pair) => (
                <PairRow key={pairKey(pair)} pair={pair} onMerged={onMerged} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

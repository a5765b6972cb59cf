import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { ScrollFrame } from '../components/ScrollFrame';
import { countryName, formatNumber } from '../components/format';
import { GovernmentName } from '../components/GovernmentName';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { useProblemText } from '../forms/form';
import { DuplicateTargets } from './DuplicateTargets';
import { useSideText } from './side-text';
import {
  namesApart,
  pairKey,
  sidesFor,
  type DuplicateDismissal,
  type DuplicatePair,
  type DuplicateReport,
  type DuplicateSide,
  type GovernmentMerge,
} from './merges';

/**
 * /admin/duplicates — governments that are likely one (a likely name with the country, or the
 * same place): the secretariat chooses which to keep and merges the other into it, or marks
 * the two as not the same; then targets of one government stated twice (DuplicateTargets).
 * A merge and a mark ask first; a merge can be undone from /admin/merges, a mark withdrawn
 * from /admin/duplicates/dismissed.
 */

function Side({ side }: { side: DuplicateSide }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  return (
    <>
      <Link to={`/admin/governments/${side.slug}`}>
        <GovernmentName names={side.names} localLang={side.localLang} />
      </Link>
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
  onDismissed,
}: {
  pair: DuplicatePair;
  onMerged: (merge: GovernmentMerge) => void;
  onDismissed: (mark: DuplicateDismissal) => void;
}) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const problemText = useProblemText();
  const [keep, setKeep] = useState(pair.suggestedKeep);
  const { kept, merged } = sidesFor(pair, keep);
  const sideText = useSideText();
  const [keptName, mergedName] = namesApart(kept, merged, sideText.name, sideText.apart);
  const [aName, bName] = namesApart(pair.a, pair.b, sideText.name, sideText.apart);
  const merge = useMutation({
    mutationFn: () =>
      api.post<GovernmentMerge>('/api/v1/government-merges', {
        keep: kept.slug,
        merge: merged.slug,
      }),
    onSuccess: onMerged,
  });
  const dismiss = useMutation({
    mutationFn: () =>
      api.post<DuplicateDismissal>('/api/v1/duplicate-dismissals/governments', {
        a: pair.a.slug,
        b: pair.b.slug,
      }),
    onSuccess: onDismissed,
  });
  const error = merge.error ?? dismiss.error;
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
          disabled={merge.isPending || dismiss.isPending}
          data-testid="duplicate-merge"
          onClick={() => {
            if (window.confirm(t('duplicates.confirm', { merged: mergedName, kept: keptName }))) {
              merge.mutate();
            }
          }}
        >
          {t('duplicates.merge', { merged: mergedName, kept: keptName })}
        </button>{' '}
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={merge.isPending || dismiss.isPending}
          data-testid="duplicate-not-same"
          onClick={() => {
            if (window.confirm(t('duplicates.confirmNotSame', { a: aName, b: bName }))) {
              dismiss.mutate();
            }
          }}
        >
          {t('duplicates.notSame')}
        </button>
        {error && (
          <p className="admin-field__error" role="alert">
            {problemText(error)}
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
  const [said, setSaid] = useState<string | null>(null);
  const sideText = useSideText();
  const report = useQuery({
    queryKey: ['governments', 'duplicates'],
    queryFn: () => api.get<DuplicateReport>('/api/v1/government-duplicates'),
  });

  function onMerged(merge: GovernmentMerge) {
    setDone(merge);
    setSaid(null);
    void queryClient.invalidateQueries({ queryKey: ['governments'] });
    void queryClient.invalidateQueries({ queryKey: ['merges'] });
  }
  function onChanged(message: string) {
    setDone(null);
    setSaid(message);
    void queryClient.invalidateQueries({ queryKey: ['governments', 'duplicates'] });
    void queryClient.invalidateQueries({ queryKey: ['dismissals'] });
  }
  const doneNames = done ? namesApart(done.merged, done.kept, sideText.name, sideText.apart) : null;
  const dismissed = report.data
    ? report.data.dismissed.governments + report.data.dismissed.targets
    : 0;

  return (
    <section aria-labelledby="admin-duplicates-title">
      <div className="admin-heading">
        <h1 id="admin-duplicates-title">{t('duplicates.title')}</h1>
        <Link className="button button--secondary" to="/admin/merges" data-testid="merges-link">
          {t('duplicates.recentMerges')}
        </Link>
        <Link
          className="button button--secondary"
          to="/admin/duplicates/dismissed"
          data-testid="dismissals-link"
        >
          {t('duplicates.dismissedLink')}
        </Link>
      </div>
      <p className="admin-lead">{t('duplicates.lead')}</p>
      {done && doneNames && (
        <p className="admin-saved" role="status" data-testid="merge-done">
          {t('duplicates.merged', { merged: doneNames[0], kept: doneNames[1] })}{' '}
          <Link to="/admin/merges">{t('duplicates.undoHint')}</Link>
        </p>
      )}
      {said && (
        <p className="admin-saved" role="status" data-testid="duplicate-done">
          {said}
        </p>
      )}
      {dismissed > 0 && (
        <p className="admin-hint" data-testid="dismissed-count">
          {t('duplicates.dismissedCount', { count: dismissed })}{' '}
          <Link to="/admin/duplicates/dismissed">{t('duplicates.dismissedShow')}</Link>
        </p>
      )}
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorMessage error={report.error} />
      ) : (
        <>
          {report.data.items.length === 0 ? (
            <EmptyState title={t('duplicates.none')} />
          ) : (
            <ScrollFrame className="admin-table-wrap" label={t('duplicates.title')}>
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
                    <PairRow
                      key={pairKey(pair)}
                      pair={pair}
                      onMerged={onMerged}
                      onDismissed={(mark) =>
                        onChanged(t('duplicates.markedNotSame', { a: mark.a.name, b: mark.b.name }))
                      }
                    />
                  ))}
                </tbody>
              </table>
            </ScrollFrame>
          )}
          <DuplicateTargets pairs={report.data.targetPairs} onChanged={onChanged} />
        </>
      )}
    </section>
  );
}

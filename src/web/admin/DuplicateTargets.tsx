import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { EmptyState } from '../components/DataState';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { useProblemText } from '../forms/form';
import {
  targetSidesFor,
  type DuplicateDismissal,
  type DuplicateTargetPair,
  type DuplicateTargetSide,
  type TargetResolution,
} from './merges';
import { ScrollFrame } from '../components/ScrollFrame';

/**
 * The part of /admin/duplicates that lists targets of one government stated twice (CDP's file
 * and the Net Zero Tracker, or two governments merged): keep one (the other is deleted, its
 * interim targets and actions move to the one kept), or mark the two as not the same. Both
 * ask first.
 */

/** What a target states, in figures: its years and its level (no words to translate). */
function figures(side: DuplicateTargetSide, locale: string): string {
  const years = `${side.baseYear ?? '–'} → ${side.targetYear ?? '–'}`;
  const level =
    side.reductionPercent !== null
      ? `−${formatNumber(side.reductionPercent, locale, { maximumFractionDigits: 1 })} %`
      : side.targetEmissions !== null
        ? `${formatNumber(side.targetEmissions, locale)} t CO₂e`
        : null;
  return level ? `${years} · ${level}` : years;
}

function TargetSide({ side }: { side: DuplicateTargetSide }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  return (
    <>
      <strong>{side.title}</strong>
      <br />
      <span className="admin-secondary">
        {t(`climate:targetTypes.${side.type}`)}
        {side.netZeroLabel && <> · {t(`climate:netZeroLabels.${side.netZeroLabel}`)}</>} ·{' '}
        {figures(side, locale)}
      </span>
      <br />
      <span className="admin-secondary">
        {t(`climate:targetStatuses.${side.status}`)} · {t(`duplicates.origins.${side.origin}`)}
        {side.sourceDocument && <> ({side.sourceDocument})</>}
      </span>
      <br />
      <span className="admin-secondary">
        {t('duplicates.targetLinks', {
          interims: formatNumber(side.interims, locale),
          actions: formatNumber(side.actions, locale),
        })}
        {side.interim && <> · {t('duplicates.interimStep')}</>}
      </span>
    </>
  );
}

function TargetPairRow({
  pair,
  onResolved,
  onDismissed,
}: {
  pair: DuplicateTargetPair;
  onResolved: (kept: DuplicateTargetSide, removed: DuplicateTargetSide) => void;
  onDismissed: (mark: DuplicateDismissal) => void;
}) {
  const { t } = useTranslation('admin');
  const problemText = useProblemText();
  const [keep, setKeep] = useState(pair.suggestedKeep);
  const { kept, removed } = targetSidesFor(pair, keep);
  const resolve = useMutation({
    mutationFn: () =>
      api.post<TargetResolution>('/api/v1/target-duplicates/resolutions', {
        keep: kept.id,
        remove: removed.id,
      }),
    onSuccess: () => onResolved(kept, removed),
  });
  const dismiss = useMutation({
    mutationFn: () =>
      api.post<DuplicateDismissal>('/api/v1/duplicate-dismissals/targets', {
        a: pair.a.id,
        b: pair.b.id,
      }),
    onSuccess: onDismissed,
  });
  const busy = resolve.isPending || dismiss.isPending;
  const error = resolve.error ?? dismiss.error;
  return (
    <tr data-testid="duplicate-target-pair">
      <td>
        <Link to={`/members/${pair.government.slug}/climate`}>{pair.government.name}</Link>
      </td>
      {[pair.a, pair.b].map((side) => (
        <td key={side.id}>
          <label className="admin-radio">
            <input
              type="radio"
              name={`keep-target-${pair.a.id}-${pair.b.id}`}
              value={side.id}
              checked={keep === side.id}
              onChange={() => setKeep(side.id)}
            />
            {t('duplicates.keepThis')}
          </label>
          <br />
          <TargetSide side={side} />
        </td>
      ))}
      <td>
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          data-testid="duplicate-target-keep"
          onClick={() => {
            if (
              window.confirm(
                t('duplicates.confirmKeepTarget', { kept: kept.title, removed: removed.title }),
              )
            ) {
              resolve.mutate();
            }
          }}
        >
          {t('duplicates.keepTarget')}
        </button>{' '}
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={busy}
          data-testid="duplicate-target-not-same"
          onClick={() => {
            if (
              window.confirm(
                t('duplicates.confirmNotSameTarget', { a: pair.a.title, b: pair.b.title }),
              )
            ) {
              dismiss.mutate();
            }
          }}
        >
          {t('duplicates.notSameTarget')}
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

export function DuplicateTargets({
  pairs,
  onChanged,
}: {
  pairs: readonly DuplicateTargetPair[];
  /** Called with what to say once a pair was resolved or marked. */
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <section aria-labelledby="admin-duplicate-targets-title">
      <h2 id="admin-duplicate-targets-title">{t('duplicates.targetsTitle')}</h2>
      <p className="admin-lead">{t('duplicates.targetsLead')}</p>
      {pairs.length === 0 ? (
        <EmptyState title={t('duplicates.targetsNone')} />
      ) : (
        <ScrollFrame className="admin-table-wrap" label={t('duplicates.targetsTitle')}>
          <table className="admin-table" data-testid="duplicate-targets">
            <caption className="visually-hidden">{t('duplicates.targetsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('duplicates.first')}</th>
                <th scope="col">{t('duplicates.target')}</th>
                <th scope="col">{t('duplicates.otherTarget')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('duplicates.resolve')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((pair) => (
                <TargetPairRow
                  key={`${pair.a.id}|${pair.b.id}`}
                  pair={pair}
                  onResolved={(kept, removed) =>
                    onChanged(
                      t('duplicates.targetKept', { kept: kept.title, removed: removed.title }),
                    )
                  }
                  onDismissed={(mark) =>
                    onChanged(t('duplicates.markedNotSame', { a: mark.a.name, b: mark.b.name }))
                  }
                />
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </section>
  );
}

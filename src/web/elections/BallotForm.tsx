/**
 * The secret ballot of the viewer's member: tick up to one candidate per seat (the boxes lock
 * once every seat has a choice, and a live line says how many remain), review, then cast.
 * A ballot cannot be changed once cast, which the review step says before anything is sent.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { useProblemText } from '../forms/form';
import {
  ballotBody,
  ballotCandidates,
  chosenCandidates,
  isChoiceDisabled,
  remainingChoices,
  toggleChoice,
} from './ballot';
import { CandidateName } from './parts';
import type { BallotReceipt, Election } from './types';

export function BallotForm({
  election,
  onVoted,
}: {
  election: Election;
  onVoted(receipt: BallotReceipt): void;
}) {
  const { t } = useTranslation(['elections', 'common']);
  const locale = useLocale();
  const problemText = useProblemText();
  const candidates = ballotCandidates(election.candidates);
  const [selected, setSelected] = useState<number[]>([]);
  const [reviewing, setReviewing] = useState(false);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const remaining = remainingChoices(selected, election.seats);

  useEffect(() => {
    if (reviewing) reviewHeading.current?.focus();
  }, [reviewing]);

  const cast = useMutation({
    mutationFn: () =>
      api.post<BallotReceipt>(
        `/api/v1/elections/${election.id}/ballots`,
        ballotBody(selected, candidates),
      ),
    onSuccess: onVoted,
  });

  function onReview(event: FormEvent) {
    event.preventDefault();
    setReviewing(true);
  }

  if (reviewing) {
    const chosen = chosenCandidates(selected, candidates);
    return (
      <section className="panel election-ballot" aria-labelledby="ballot-review-title">
        <h2 id="ballot-review-title" ref={reviewHeading} tabIndex={-1}>
          {t('ballot.reviewTitle')}
        </h2>
        {chosen.length === 0 ? (
          <p data-testid="ballot-blank">{t('ballot.blank')}</p>
        ) : (
          <>
            <p>{t('ballot.youChose', { count: chosen.length })}</p>
            <ul className="election-ballot__chosen" data-testid="ballot-chosen">
              {chosen.map((c) => (
                <li key={c.id}>
                  <CandidateName candidate={c} link={false} />
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="election-warning" role="note">
          <strong>{t('ballot.final')}</strong>
        </p>
        {cast.isError && (
          <p className="admin-field__error" role="alert" data-testid="ballot-error">
            {problemText(cast.error)}
          </p>
        )}
        <div className="admin-actions">
          <button
            type="button"
            className="button"
            onClick={() => cast.mutate()}
            disabled={cast.isPending}
            aria-busy={cast.isPending || undefined}
            data-testid="confirm-ballot"
          >
            {cast.isPending ? t('ballot.casting') : t('ballot.confirm')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setReviewing(false)}
            disabled={cast.isPending}
            data-testid="change-ballot"
          >
            {t('ballot.change')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="panel election-ballot" aria-labelledby="ballot-title">
      <h2 id="ballot-title">{t('ballot.title')}</h2>
      <form onSubmit={onReview} noValidate data-testid="ballot-form">
        <fieldset
          className="election-ballot__choices"
          aria-describedby="ballot-rule ballot-remaining"
        >
          <legend>
            {t('ballot.legend', {
              count: election.seats,
              seats: formatNumber(election.seats, locale),
            })}
          </legend>
          <p id="ballot-rule" className="field__hint">
            {t('ballot.rule')}
          </p>
          {candidates.length === 0 ? (
            <p>{t('ballot.noCandidates')}</p>
          ) : (
            <ul className="election-ballot__list">
              {candidates.map((c) => {
                const checked = selected.includes(c.id);
                const disabled = isChoiceDisabled(selected, c.id, election.seats);
                return (
                  <li key={c.id}>
                    <label className={`admin-radio${disabled ? ' election-ballot__locked' : ''}`}>
                      <input
                        type="checkbox"
                        checked={checked}
                        disabled={disabled}
                        onChange={() => setSelected((s) => toggleChoice(s, c.id, election.seats))}
                        data-testid={`ballot-choice-${c.id}`}
                      />
                      <CandidateName candidate={c} link={false} />
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
          <p id="ballot-remaining" aria-live="polite" data-testid="ballot-remaining">
            {remaining === 0
              ? t('ballot.full')
              : t('ballot.remaining', {
                  count: remaining,
                  remaining: formatNumber(remaining, locale),
                })}
          </p>
        </fieldset>
        <div className="admin-actions">
          <button type="submit" className="button" data-testid="cast-ballot">
            {t('ballot.review')}
          </button>
        </div>
      </form>
    </section>
  );
}

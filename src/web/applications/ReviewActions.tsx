/**
 * The steps the secretariat may take from where an application stands, each with its comment,
 * and making a member (a new government, or a prospect already in the directory promoted).
 * Refusing, recording a withdrawal and making a member cannot be taken back: each asks first.
 */
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { APPLICATION_TRANSITIONS, type ApplicationAction } from '../../core/applications';
import { HEAD_OF_GOVERNMENT_TITLES, type HeadOfGovernmentTitle } from '../../core/membership';
import { displayName } from '../../core/names';
import { api, ApiError } from '../api';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { FormField, useProblemText } from '../forms/form';
import type { Region } from '../types';
import { APPLICATIONS_KEY, detailKey, type Detail } from './queries';

const transitionOf = (action: ApplicationAction) =>
  APPLICATION_TRANSITIONS.find((t) => t.action === action);

/** The moves that close the application for good: the page asks before taking them. */
const IRREVERSIBLE: readonly ApplicationAction[] = ['reject', 'withdraw', 'make-member'];

function useApplied(id: number) {
  const queryClient = useQueryClient();
  return (next: Detail) => {
    queryClient.setQueryData(detailKey(id), next);
    void queryClient.invalidateQueries({ queryKey: [...APPLICATIONS_KEY, 'queue'] });
  };
}

export function ReviewActions({ detail }: { detail: Detail }) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const applied = useApplied(detail.id);
  const problemText = useProblemText();
  const [comment, setComment] = useState('');
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ApplicationAction | null>(null);
  const steps = detail.actions.filter((a) => a !== 'make-member');
  if (steps.length === 0 && !detail.actions.includes('make-member')) return null;
  // The invoice step asks for the fee only when the schedule gives none.
  const asksAmount = steps.includes('invoice') && detail.fee.amount === null;
  const money = (value: number) =>
    formatNumber(value, locale, {
      style: 'currency',
      currency: detail.fee.currency,
      maximumFractionDigits: 0,
    });

  async function take(action: ApplicationAction) {
    setError(null);
    setAmountError(undefined);
    if (transitionOf(action)?.commentRequired && !comment.trim()) {
      setError(t('review.commentNeeded', { action: t(`actions.${action}`) }));
      return;
    }
    const fee = action === 'invoice' && asksAmount ? Number(amount) : undefined;
    if (fee !== undefined && (amount.trim() === '' || !Number.isInteger(fee) || fee < 0)) {
      setAmountError(t('review.amountNeeded'));
      return;
    }
    if (IRREVERSIBLE.includes(action) && !window.confirm(t(`review.confirm.${action}`))) return;
    setBusy(action);
    try {
      applied(
        await api.post<Detail>(`/api/v1/applications/${detail.id}/steps`, {
          action,
          comment: comment.trim() || null,
          ...(fee !== undefined ? { amount: fee } : {}),
        }),
      );
      setComment('');
      setAmount('');
    } catch (e) {
      if (e instanceof ApiError && e.fieldError('amount')) setAmountError(t('review.amountNeeded'));
      else setError(problemText(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="apply-panel" aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      {steps.length > 0 && (
        <>
          <FormField id="review-comment" label={t('review.comment')} hint={t('review.commentHint')}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={4000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                data-testid="review-comment"
              />
            )}
          </FormField>
          {steps.includes('invoice') &&
            (asksAmount ? (
              <FormField
                id="review-amount"
                label={t('review.amount', { currency: detail.fee.currency })}
                hint={t(`review.noFee.${detail.fee.reason ?? 'invalid-schedule'}`, {
                  defaultValue: t('review.noFee.invalid-schedule'),
                })}
                error={amountError}
                required
              >
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    step={1}
                    value={amount}
                    onChange={(e) => setAmount(e.target.value)}
                    data-testid="review-amount"
                  />
                )}
              </FormField>
            ) : (
              detail.fee.amount !== null && (
                <p className="admin-hint" data-testid="review-fee">
                  {t('review.feeFromSchedule', { amount: money(detail.fee.amount) })}
                </p>
              )
            ))}
          {error && (
            <p className="admin-field__error" role="alert" data-testid="review-error">
              {error}
            </p>
          )}
          <ul className="apply-actions">
            {steps.map((action) => (
              <li key={action}>
                <button
                  type="button"
                  className={
                    action === 'reject' || action === 'withdraw'
                      ? 'button button--danger'
                      : 'button'
                  }
                  disabled={busy !== null}
                  aria-busy={busy === action || undefined}
                  onClick={() => void take(action)}
                  data-testid={`review-${action}`}
                >
                  {t(`actions.${action}`)}
                </button>{' '}
                <span className="admin-hint">
                  {transitionOf(action)?.tellsApplicant ? t('review.tells') : t('review.internal')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {detail.actions.includes('make-member') && <MakeMember detail={detail} />}
    </section>
  );
}

function MakeMember({ detail }: { detail: Detail }) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const applied = useApplied(detail.id);
  const problemText = useProblemText();
  const prospects = detail.duplicates.filter(
    (d) => d.category === null || d.category === 'non-member',
  );
  const [choice, setChoice] = useState<string>(prospects[0]?.slug ?? '');
  const [region, setRegion] = useState('');
  const [slug, setSlug] = useState('');
  const [headTitle, setHeadTitle] = useState<HeadOfGovernmentTitle>('mayor');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const regions = useQuery({
    queryKey: ['regions'],
    queryFn: () => api.get<{ items: Region[] }>('/api/v1/regions'),
    staleTime: 5 * 60_000,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!window.confirm(t('review.confirm.make-member'))) return;
    setBusy(true);
    setError(null);
    try {
      applied(
        await api.post<Detail>(`/api/v1/applications/${detail.id}/member`, {
          ...(choice ? { governmentSlug: choice } : {}),
          ...(!choice && region ? { region } : {}),
          ...(!choice && slug.trim() ? { slug: slug.trim() } : {}),
          headTitle,
          comment: comment.trim() || null,
        }),
      );
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate aria-labelledby="member-title">
      <h3 id="member-title">{t('member.title')}</h3>
      <p className="admin-hint">{t('member.lead')}</p>
      <fieldset className="admin-fieldset">
        <legend>{t('member.how')}</legend>
        {prospects.map((p) => (
          <label key={p.slug} className="apply-choice">
            <input
              type="radio"
              name="member-choice"
              checked={choice === p.slug}
              onChange={() => setChoice(p.slug)}
              data-testid={`member-promote-${p.slug}`}
            />
            <span>
              {t('member.promote', { name: displayName(p.names, p.localLang, locale).primary })}{' '}
              <span className="admin-hint">{t('member.records', { count: p.climateRecords })}</span>
            </span>
          </label>
        ))}
        <label className="apply-choice">
          <input
            type="radio"
            name="member-choice"
            checked={choice === ''}
            onChange={() => setChoice('')}
            data-testid="member-new"
          />
          <span>{t('member.addNew')}</span>
        </label>
      </fieldset>
      {choice === '' && (
        <div className="admin-grid">
          <FormField id="member-region" label={t('member.region')} hint={t('member.regionHint')}>
            {(control) => (
              <select {...control} value={region} onChange={(e) => setRegion(e.target.value)}>
                <option value="">{t('member.regionFromCountry')}</option>
                {(regions.data?.items ?? []).map((r) => (
                  <option key={r.slug} value={r.slug}>
                    {t(`common:regions.${r.slug}`, { defaultValue: r.name })}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="member-slug" label={t('member.slug')} hint={t('member.slugHint')}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={slug}
                onChange={(e) => setSlug(e.target.value.toLowerCase())}
              />
            )}
          </FormField>
        </div>
      )}
      <FormField
        id="member-head-title"
        label={t('member.headTitle')}
        hint={t('member.headTitleHint', { name: detail.head.name, title: detail.head.title })}
      >
        {(control) => (
          <select
            {...control}
            value={headTitle}
            onChange={(e) => setHeadTitle(e.target.value as HeadOfGovernmentTitle)}
            data-testid="member-head-title"
          >
            {HEAD_OF_GOVERNMENT_TITLES.map((title) => (
              <option key={title} value={title}>
                {t(`common:positions.${title}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="member-comment" label={t('review.comment')}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={4000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </FormField>
      {error && (
        <p className="admin-field__error" role="alert" data-testid="member-error">
          {error}
        </p>
      )}
      <div className="admin-actions">
        <button type="submit" className="button" disabled={busy} data-testid="member-submit">
          {t('actions.make-member')}
        </button>
      </div>
    </form>
  );
}

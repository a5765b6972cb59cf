import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ASSOCIATION_SCOPES } from '../../core/membership-fees';
import type { MembershipView } from '../types';
import { api, ApiError } from '../api';
import { ErrorMessage, Loading } from '../components/DataState';
import { formatDate, formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { FormField, useProblemText } from '../forms/form';
import { CancelInvoice, InvoiceState, MarkPaid } from './InvoiceParts';
import { formatMoney } from './money';
import { ScrollFrame } from '../components/ScrollFrame';

const MEMBER_CATEGORIES = ['full-member', 'associate-member', 'associate-partner'] as const;

/**
 * A government's membership on its admin page (the secretariat's): the status as the rule reads
 * it today and the days it holds, every year of membership (a renewal adds one; none is ever
 * changed), the invoices, and the renewal, suspension and payments, each confirmed first.
 */
export default function MembershipSection({ slug }: { slug: string }) {
  const { t } = useTranslation('membership');
  const queryClient = useQueryClient();
  const key = ['membership', slug];
  const membership = useQuery({
    queryKey: key,
    queryFn: () =>
      api.get<MembershipView>(`/api/v1/governments/${encodeURIComponent(slug)}/membership`),
  });
  const changed = (view?: MembershipView) => {
    if (view) queryClient.setQueryData(key, view);
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: ['government', slug] });
    void queryClient.invalidateQueries({ queryKey: ['invoices'] });
  };
  return (
    <section className="admin-panel" aria-labelledby="membership-title" data-testid="membership">
      <h2 id="membership-title">{t('section.title')}</h2>
      {membership.isPending ? (
        <Loading />
      ) : membership.isError ? (
        <ErrorMessage error={membership.error} />
      ) : (
        <MembershipBody view={membership.data} slug={slug} onChange={changed} />
      )}
    </section>
  );
}

function Standing({ view }: { view: MembershipView }) {
  const { t } = useTranslation('membership');
  const locale = useLocale();
  const day = (d: string | null) => (d ? formatDate(d, locale) : '');
  const values = { from: day(view.statusFrom), until: day(view.statusUntil) };
  const sentence =
    view.periods.length === 0 && view.suspendedOn === null
      ? t('standing.noPeriods')
      : view.status === 'none' && view.statusUntil
        ? t('standing.notBegun', { date: day(view.periods.at(-1)?.start ?? null) })
        : view.status === 'expired' && view.statusUntil
          ? t('standing.expiredUntil', values)
          : t(`standing.${view.status}`, values);
  const tone =
    view.status === 'expired' || view.status === 'suspended'
      ? 'admin-badge--expired'
      : view.status === 'current' || view.status === 'new'
        ? 'admin-badge--current'
        : '';
  return (
    <p data-testid="membership-status">
      <span className={`admin-badge ${tone}`}>{t(`common:statuses.${view.status}`)}</span>{' '}
      {sentence}
    </p>
  );
}

function MembershipBody({
  view,
  slug,
  onChange,
}: {
  view: MembershipView;
  slug: string;
  onChange(view?: MembershipView): void;
}) {
  const { t } = useTranslation('membership');
  const locale = useLocale();
  const problemText = useProblemText();
  const base = `/api/v1/governments/${encodeURIComponent(slug)}/membership`;
  const suspend = useMutation({
    mutationFn: () => api.put<MembershipView>(`${base}/suspension`, {}),
    onSuccess: onChange,
  });
  const lift = useMutation({
    mutationFn: () => api.del<MembershipView>(`${base}/suspension`),
    onSuccess: onChange,
  });
  const failed = suspend.error ?? lift.error;
  return (
    <>
      <Standing view={view} />
      <dl className="admin-readonly">
        <dt>{t('section.category')}</dt>
        <dd>{t(`common:categories.${view.category}`)}</dd>
        {view.since && (
          <>
            <dt>{t('section.since')}</dt>
            <dd>{formatDate(view.since, locale)}</dd>
          </>
        )}
        <dt>{t('section.incomeGroup')}</dt>
        <dd>
          {view.government.incomeGroup
            ? t(`incomeGroups.${view.government.incomeGroup}`)
            : t('section.noIncomeGroup')}
        </dd>
      </dl>

      {view.periods.length > 0 && (
        <p className="admin-actions">
          {view.suspendedOn === null ? (
            <button
              type="button"
              className="button button--danger button--small"
              disabled={suspend.isPending}
              onClick={() => {
                if (window.confirm(t('section.confirmSuspend'))) suspend.mutate();
              }}
              data-testid="membership-suspend"
            >
              {t('section.suspend')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={lift.isPending}
              onClick={() => {
                if (window.confirm(t('section.confirmLift'))) lift.mutate();
              }}
              data-testid="membership-lift"
            >
              {t('section.lift')}
            </button>
          )}
        </p>
      )}
      {failed && (
        <p className="admin-field__error" role="alert">
          {problemText(failed)}
        </p>
      )}

      <Renewal view={view} base={base} onChange={onChange} />

      <h3>{t('periods.title')}</h3>
      {view.periods.length === 0 ? (
        <p>{t('periods.none')}</p>
      ) : (
        <ScrollFrame className="admin-table-wrap" label={t('periods.title')}>
          <table className="admin-table" data-testid="membership-periods">
            <caption className="visually-hidden">{t('periods.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('periods.year')}</th>
                <th scope="col">{t('section.category')}</th>
                <th scope="col">{t('periods.invoice')}</th>
              </tr>
            </thead>
            <tbody>
              {view.periods.map((period) => {
                const invoice = view.invoices.find((i) => i.periodId === period.id);
                return (
                  <tr key={period.id}>
                    <th scope="row">
                      {t('periods.range', {
                        from: formatDate(period.start, locale),
                        until: formatDate(period.end, locale),
                      })}
                    </th>
                    <td>{t(`common:categories.${period.category}`)}</td>
                    <td>{invoice ? invoice.number : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollFrame>
      )}

      <h3>{t('invoices.title')}</h3>
      {view.invoices.length === 0 ? (
        <p>{t('invoices.none')}</p>
      ) : (
        <ScrollFrame className="admin-table-wrap" label={t('invoices.title')}>
          <table className="admin-table" data-testid="membership-invoices">
            <caption className="visually-hidden">{t('invoices.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invoices.number')}</th>
                <th scope="col">{t('invoices.year')}</th>
                <th scope="col" className="admin-num">
                  {t('invoices.amount')}
                </th>
                <th scope="col">{t('invoices.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('invoices.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.invoices.map((invoice) => (
                <tr key={invoice.id} data-testid="membership-invoice">
                  <th scope="row" className="invoice-number">
                    {invoice.number}
                  </th>
                  <td>
                    {t('periods.range', {
                      from: formatDate(invoice.periodStart, locale),
                      until: formatDate(invoice.periodEnd, locale),
                    })}
                  </td>
                  <td className="admin-num">
                    {formatMoney(invoice.amount, invoice.currency, locale)}
                  </td>
                  <td>
                    <InvoiceState invoice={invoice} today={view.today} />
                  </td>
                  <td>
                    <div className="invoice-actions">
                      <MarkPaid invoice={invoice} today={view.today} onPaid={() => onChange()} />
                      <CancelInvoice invoice={invoice} onCancelled={() => onChange()} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
      {view.government.population !== null && (
        <p className="admin-hint">
          {t('section.population', {
            population: formatNumber(view.government.population, locale),
          })}
        </p>
      )}
    </>
  );
}

/** The renewal: the next year and its fee, what the schedule cannot say asked for, confirmed. */
function Renewal({
  view,
  base,
  onChange,
}: {
  view: MembershipView;
  base: string;
  onChange(view?: MembershipView): void;
}) {
  const { t } = useTranslation('membership');
  const locale = useLocale();
  const problemText = useProblemText();
  const first = view.nextPeriod === null;
  // After a lapse the member may come back from a day of the secretariat's choosing.
  const askStart = first || view.status === 'expired';
  const [category, setCategory] = useState<string>(
    view.category === 'non-member' ? '' : view.category,
  );
  const [start, setStart] = useState('');
  const [scope, setScope] = useState<string>(view.associationScope ?? '');
  const [amount, setAmount] = useState('');
  const isAssociation = view.government.kind === 'association';
  const needsAmount =
    !view.fee.ok && !(isAssociation && scope && view.fee.reason === 'association-scope-unknown');
  const renew = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<MembershipView>(`${base}/periods`, body),
    onSuccess: (saved) => {
      setAmount('');
      onChange(saved);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: Record<string, unknown> = {};
    if (category) body.category = category;
    if (first || (askStart && start)) body.start = start;
    if (isAssociation && scope) body.associationScope = scope;
    if (amount.trim()) body.amount = Number(amount.replace(/[\s,]/g, ''));
    const from = (body.start as string | undefined) ?? view.nextPeriod?.start ?? '';
    const fee =
      body.amount !== undefined
        ? formatNumber(body.amount as number, locale)
        : view.fee.ok
          ? formatMoney(view.fee.amount, view.fee.currency, locale)
          : t('renew.feeByScope');
    if (window.confirm(t('renew.confirm', { from: from ? formatDate(from, locale) : '', fee }))) {
      renew.mutate(body);
    }
  }

  const error = renew.error instanceof ApiError ? renew.error : null;
  return (
    <form className="admin-subform" onSubmit={onSubmit} noValidate data-testid="membership-renew">
      <h3>{first ? t('renew.firstTitle') : t('renew.title')}</h3>
      {view.nextPeriod && (
        <p>
          {t('renew.next', {
            from: formatDate(view.nextPeriod.start, locale),
            until: formatDate(view.nextPeriod.end, locale),
          })}{' '}
          {view.fee.ok
            ? t('renew.fee', { fee: formatMoney(view.fee.amount, view.fee.currency, locale) })
            : t(`renew.noFee.${view.fee.reason}`)}
        </p>
      )}
      {first && !view.fee.ok && <p>{t(`renew.noFee.${view.fee.reason}`)}</p>}
      {first && view.fee.ok && (
        <p>{t('renew.fee', { fee: formatMoney(view.fee.amount, view.fee.currency, locale) })}</p>
      )}
      <div className="admin-grid">
        <FormField
          id="renew-category"
          label={t('section.category')}
          error={error?.fieldError('category') && t('renew.needCategory')}
        >
          {(control) => (
            <select {...control} value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">{first ? t('renew.choose') : t('renew.sameCategory')}</option>
              {MEMBER_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`common:categories.${c}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {askStart && (
          <FormField
            id="renew-start"
            label={first ? t('renew.start') : t('renew.restart')}
            hint={first ? undefined : t('renew.restartHint')}
            required={first}
            error={error?.fieldError('start') && t(first ? 'renew.needStart' : 'renew.badRestart')}
          >
            {(control) => (
              <input
                {...control}
                type="date"
                value={start}
                min={view.nextPeriod?.start}
                onChange={(e) => setStart(e.target.value)}
              />
            )}
          </FormField>
        )}
        {isAssociation && (
          <FormField id="renew-scope" label={t('renew.scope')}>
            {(control) => (
              <select {...control} value={scope} onChange={(e) => setScope(e.target.value)}>
                <option value="">{t('renew.choose')}</option>
                {ASSOCIATION_SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {t(`scopes.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <FormField
          id="renew-amount"
          label={t('renew.amount')}
          hint={needsAmount ? t('renew.amountNeeded') : t('renew.amountHint')}
          error={error?.fieldError('amount') && t('renew.needAmount')}
        >
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          )}
        </FormField>
      </div>
      {renew.isError && !error?.errors.length && (
        <p className="admin-field__error" role="alert">
          {problemText(renew.error)}
        </p>
      )}
      <div className="admin-actions">
        <button
          type="submit"
          className="button"
          disabled={renew.isPending}
          data-testid="membership-renew-submit"
        >
          {first ? t('renew.firstSubmit') : t('renew.submit')}
        </button>
      </div>
    </form>
  );
}

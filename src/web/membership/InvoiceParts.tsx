import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { formatDate } from '../components/format';
import { useLocale } from '../components/locale';
import { useProblemText } from '../forms/form';
import type { Invoice } from '../types';
import { daysBetween } from './money';

/** Paid (when), overdue (since when, how long), or open until its due day: said in words. */
export function InvoiceState({ invoice, today }: { invoice: Invoice; today: string }) {
  const { t } = useTranslation('membership');
  const locale = useLocale();
  if (invoice.status === 'paid') {
    return (
      <span data-testid="invoice-state">
        <span className="admin-badge admin-badge--current">{t('invoice.paid')}</span>{' '}
        {invoice.paidOn && t('invoice.paidOn', { date: formatDate(invoice.paidOn, locale) })}
      </span>
    );
  }
  if (invoice.overdue) {
    const days = daysBetween(invoice.dueOn, today);
    return (
      <span data-testid="invoice-state">
        <span className="admin-badge admin-badge--expired">{t('invoice.overdue')}</span>{' '}
        {t('invoice.overdueFor', { count: days, date: formatDate(invoice.dueOn, locale) })}
      </span>
    );
  }
  return (
    <span data-testid="invoice-state">
      <span className="admin-badge">{t('invoice.open')}</span>{' '}
      {t('invoice.dueOn', { date: formatDate(invoice.dueOn, locale) })}
    </span>
  );
}

/**
 * Marks an open invoice paid: the day (today unless changed), then a confirmation. The change
 * carries the invoice's version, so a payment someone recorded meanwhile is not overwritten.
 */
export function MarkPaid({
  invoice,
  today,
  onPaid,
}: {
  invoice: Invoice;
  today: string;
  onPaid(invoice: Invoice): void;
}) {
  const { t } = useTranslation('membership');
  const locale = useLocale();
  const problemText = useProblemText();
  const [open, setOpen] = useState(false);
  const [paidOn, setPaidOn] = useState(today);
  const pay = useMutation({
    mutationFn: () =>
      api.put<Invoice>(
        `/api/v1/invoices/${invoice.id}/payment`,
        { paidOn },
        {
          version: invoice.version,
        },
      ),
    onSuccess: (paid) => {
      setOpen(false);
      onPaid(paid);
    },
  });
  if (invoice.status === 'paid') return null;
  if (!open) {
    return (
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => setOpen(true)}
        data-testid="invoice-mark-paid"
      >
        {t('invoice.markPaid')}
      </button>
    );
  }
  const id = `paid-on-${invoice.id}`;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const question = t('invoice.confirmPaid', {
      number: invoice.number,
      date: formatDate(paidOn, locale),
    });
    if (window.confirm(question)) pay.mutate();
  }
  return (
    <form className="admin-inline-form" onSubmit={onSubmit} data-testid="invoice-paid-form">
      <label htmlFor={id}>{t('invoice.paidOnLabel')}</label>
      <input
        id={id}
        type="date"
        value={paidOn}
        max={today}
        min={invoice.issuedOn}
        required
        onChange={(e) => setPaidOn(e.target.value)}
      />
      <button type="submit" className="button button--small" disabled={pay.isPending || !paidOn}>
        {t('invoice.save')}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => setOpen(false)}
      >
        {t('invoice.cancel')}
      </button>
      {pay.isError && (
        <p className="admin-field__error" role="alert">
          {pay.error instanceof ApiError && pay.error.status === 409
            ? t('invoice.alreadyPaid')
            : pay.error instanceof ApiError && pay.error.status === 412
              ? t('invoice.changed')
              : problemText(pay.error)}
        </p>
      )}
    </form>
  );
}

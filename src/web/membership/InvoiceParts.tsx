import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { formatDate } from '../components/format';
import { useLocale } from '../components/locale';
import { FormField, useProblemText } from '../forms/form';
import type { Invoice } from '../types';
import { daysBetween } from './money';

/**
 * Paid (when), cancelled (when, and why), overdue (since when, how long), or open until its
 * due day: said in words.
 */
export function InvoiceState({ invoice, today }: { invoice: Invoice; today: string }) {
  const { t } = useTranslation('membership');
  const locale = useLocale();
  if (invoice.status === 'cancelled') {
    return (
      <span data-testid="invoice-state">
        <span className="admin-badge admin-badge--delete">{t('invoice.cancelled')}</span>{' '}
        {invoice.cancelledAt &&
          t('invoice.cancelledOn', { date: formatDate(invoice.cancelledAt.slice(0, 10), locale) })}
        {invoice.cancelledWith && (
          <span className="invoice-reason" data-testid="invoice-cancelled-with">
            {t(`invoice.cancelledWith.${invoice.cancelledWith}`)}
          </span>
        )}
        {invoice.cancelReason && (
          <span className="invoice-reason" data-testid="invoice-cancel-reason">
            {t('invoice.cancelledBecause', { reason: invoice.cancelReason })}
          </span>
        )}
      </span>
    );
  }
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
  if (invoice.status !== 'open') return null;
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

/**
 * Cancels an open invoice (administrators): a dialog asks first, with the reason, which is
 * required and whose problem is shown beside it. The invoice keeps its number; the change
 * carries the invoice's version.
 */
export function CancelInvoice({
  invoice,
  onCancelled,
}: {
  invoice: Invoice;
  onCancelled(invoice: Invoice): void;
}) {
  const { t } = useTranslation('membership');
  const problemText = useProblemText();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const cancel = useMutation({
    mutationFn: () =>
      api.put<Invoice>(
        `/api/v1/invoices/${invoice.id}/cancellation`,
        { reason: reason.trim() },
        { version: invoice.version },
      ),
    onSuccess: (cancelled) => {
      setOpen(false);
      onCancelled(cancelled);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fieldError('reason')) {
        setReasonError(t('invoice.reasonRequired'));
      }
    },
  });
  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
    if (!open && element?.open) element.close();
  }, [open]);
  if (invoice.status !== 'open') return null;

  const titleId = `cancel-title-${invoice.id}`;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('invoice.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    cancel.mutate();
  }
  const otherError =
    cancel.isError && !(cancel.error instanceof ApiError && cancel.error.fieldError('reason'))
      ? cancel.error instanceof ApiError && cancel.error.status === 409
        ? t('invoice.notOpen')
        : cancel.error instanceof ApiError && cancel.error.status === 412
          ? t('invoice.changed')
          : problemText(cancel.error)
      : null;
  return (
    <>
      <button
        type="button"
        className="button button--danger button--small"
        onClick={() => {
          cancel.reset();
          setReasonError(undefined);
          setOpen(true);
        }}
        data-testid="invoice-cancel"
      >
        {t('invoice.cancelInvoice')}
      </button>
      <dialog
        ref={dialog}
        className="invoice-dialog"
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        data-testid="invoice-cancel-dialog"
      >
        {open && (
          <form onSubmit={onSubmit} noValidate>
            <h2 id={titleId}>{t('invoice.cancelTitle', { number: invoice.number })}</h2>
            <p className="admin-hint">{t('invoice.cancelLead')}</p>
            <FormField
              id={`cancel-reason-${invoice.id}`}
              label={t('invoice.reason')}
              required
              error={reasonError}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={3}
                  maxLength={2000}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  data-testid="invoice-cancel-reason-input"
                />
              )}
            </FormField>
            {otherError && (
              <p className="admin-field__error" role="alert">
                {otherError}
              </p>
            )}
            <div className="admin-actions">
              <button
                type="submit"
                className="button button--danger"
                disabled={cancel.isPending}
                data-testid="invoice-cancel-confirm"
              >
                {t('invoice.confirmCancel')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setOpen(false)}
              >
                {t('invoice.keepOpen')}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}

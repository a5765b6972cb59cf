import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { displayName } from '../../core/names';
import { api, query } from '../api';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { formatDate } from '../components/format';
import { useLocale } from '../components/locale';
import { Pagination } from '../components/Pagination';
import { usePageTitle } from '../components/page-title';
import type { Invoice, PageOf } from '../types';
import { CancelInvoice, InvoiceState, MarkPaid } from './InvoiceParts';
import { formatMoney } from './money';
import { ScrollFrame } from '../components/ScrollFrame';

const PAGE_SIZE = 25;
const STATES = ['open', 'due', 'overdue', 'paid', 'cancelled'] as const;

type InvoicePage = PageOf<Invoice> & { years: number[]; today: string };

/** /admin/invoices: every invoice, by state and year of issue, overdue ones said so. */
export default function InvoicesPage() {
  const { t } = useTranslation('membership');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = (STATES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as string)
    : '';
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? (params.get('year') as string) : '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  usePageTitle(t('list.title'));

  const invoices = useQuery({
    queryKey: ['invoices', { status, year, page }],
    queryFn: () =>
      api.get<InvoicePage>(`/api/v1/invoices${query({ status, year, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });

  const setFilter = (next: { status?: string; year?: string; page?: number }) => {
    const merged = { status, year, page: '', ...next };
    setParams(
      Object.fromEntries(
        Object.entries(merged)
          .filter(([, v]) => v !== '' && v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ),
    );
  };
  const exportQuery = query({ lang: locale, status, year });

  return (
    <section aria-labelledby="invoices-title">
      <div className="admin-heading">
        <h1 id="invoices-title">{t('list.title')}</h1>
        <ul className="admin-links">
          <li>
            <a href={`/api/v1/exports/invoices.csv${exportQuery}`} data-testid="invoices-csv">
              {t('list.exportCsv')}
            </a>
          </li>
          <li>
            <a href={`/api/v1/exports/invoices.xlsx${exportQuery}`}>{t('list.exportXlsx')}</a>
          </li>
        </ul>
      </div>
      <p className="admin-lead">{t('list.lead')}</p>
      <div className="admin-filters">
        <div className="admin-search">
          <label htmlFor="invoice-status">{t('list.state')}</label>
          <select
            id="invoice-status"
            value={status}
            onChange={(e) => setFilter({ status: e.target.value })}
            data-testid="invoice-status-filter"
          >
            <option value="">{t('list.allStates')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`list.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-search">
          <label htmlFor="invoice-year">{t('list.year')}</label>
          <select
            id="invoice-year"
            value={year}
            onChange={(e) => setFilter({ year: e.target.value })}
          >
            <option value="">{t('list.allYears')}</option>
            {(invoices.data?.years ?? []).map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {invoices.isPending ? (
        <Loading />
      ) : invoices.isError ? (
        <ErrorMessage error={invoices.error} />
      ) : invoices.data.items.length === 0 ? (
        <EmptyState title={t('list.none')} />
      ) : (
        <>
          <ScrollFrame className="admin-table-wrap" label={t('list.listLabel')}>
            <table className="admin-table invoices-table" data-testid="invoices">
              <caption className="visually-hidden">{t('list.listLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('invoices.number')}</th>
                  <th scope="col">{t('list.government')}</th>
                  <th scope="col">{t('invoices.year')}</th>
                  <th scope="col" className="admin-num">
                    {t('invoices.amount')}
                  </th>
                  <th scope="col">{t('list.issued')}</th>
                  <th scope="col">{t('invoices.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('invoices.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invoices.data.items.map((invoice) => {
                  const changed = () => {
                    void queryClient.invalidateQueries({ queryKey: ['invoices'] });
                    void queryClient.invalidateQueries({ queryKey: ['membership'] });
                    void queryClient.invalidateQueries({ queryKey: ['applications'] });
                  };
                  return (
                    <tr key={invoice.id} data-testid="invoice-row">
                      <th scope="row" className="invoice-number">
                        {invoice.number}
                      </th>
                      <td>
                        <Billed invoice={invoice} />
                      </td>
                      <td>
                        {t('periods.range', {
                          from: formatDate(invoice.periodStart, locale),
                          until: formatDate(invoice.periodEnd, locale),
                        })}
                      </td>
                      <td className="admin-num">
                        {formatMoney(invoice.amount, invoice.currency, locale)}
                      </td>
                      <td>{formatDate(invoice.issuedOn, locale)}</td>
                      <td>
                        <InvoiceState invoice={invoice} today={invoices.data.today} />
                      </td>
                      <td>
                        <div className="invoice-actions">
                          <MarkPaid
                            invoice={invoice}
                            today={invoices.data.today}
                            onPaid={changed}
                          />
                          <CancelInvoice invoice={invoice} onCancelled={changed} />
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollFrame>
          <Pagination
            page={invoices.data.page}
            pageSize={invoices.data.pageSize}
            total={invoices.data.total}
            onPage={(next) => setFilter({ page: next })}
          />
        </>
      )}
    </section>
  );
}

/** Whom an invoice bills: its government, or an applicant not yet a member (its application). */
function Billed({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation('membership');
  const locale = useLocale();
  if (invoice.government) {
    const name = displayName(invoice.government.names, invoice.government.localLang, locale);
    return <Link to={`/admin/governments/${invoice.government.slug}`}>{name.primary}</Link>;
  }
  if (!invoice.application) return null;
  const app = invoice.application;
  const names = { en: app.name, [app.officialLang]: app.officialName };
  return (
    <>
      <Link to={`/admin/applications/${app.id}`}>
        {displayName(names, app.officialLang, locale).primary}
      </Link>{' '}
      <span className="admin-hint">{t('list.applicant')}</span>
    </>
  );
}

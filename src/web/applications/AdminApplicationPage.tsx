/**
 * /admin/applications/:id — one application for the secretariat: what was sent, the council
 * resolution's deadline and the documents, the governments it may already be, its history with
 * who, when and a comment, and the steps that may be taken from here.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { displayName } from '../../core/names';
import { LOCALE_NAMES } from '../../core/locales';
import { countryName, formatDate, formatNumber } from '../components/format';
import { ErrorMessage, Loading } from '../components/DataState';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { ActorName } from '../components/ActorName';
import { FormField, SavedMessage, useProblemText } from '../forms/form';
import './applications.css';
import { checkFile, uploadAsSecretariat } from './documents';
import { ResolutionLine } from './parts';
import { detailKey, useApplicationDetail, type Detail } from './queries';
import { ReviewActions } from './ReviewActions';
import { ScrollFrame } from '../components/ScrollFrame';

export default function AdminApplicationPage() {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const id = Number(useParams().id);
  const detail = useApplicationDetail(id);
  usePageTitle(detail.data?.englishName ?? t('queue.title'));

  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorMessage error={detail.error} />;
  const app = detail.data;
  return (
    <section aria-labelledby="application-title">
      <p className="admin-breadcrumb">
        <Link to="/admin/applications">{t('queue.title')}</Link>
      </p>
      <div className="admin-heading">
        <h1 id="application-title">
          <span lang={app.officialNameLang}>{app.officialName}</span>{' '}
          {app.englishName !== app.officialName && (
            <span className="admin-secondary">{app.englishName}</span>
          )}
        </h1>
        <span className="badge" data-testid="application-step">
          {t(`stepNames.${app.step}`)}
        </span>
      </div>
      <ResolutionLine standing={app.resolution} />
      {app.government && (
        <p data-testid="application-government">
          {t('member.done')}{' '}
          <Link to={`/members/${app.government.slug}`}>
            {displayName(app.government.names, app.officialNameLang, locale).primary}
          </Link>
        </p>
      )}
      {app.invoice && <ApplicationInvoice detail={app} />}
      <ReviewActions detail={app} />
      <Duplicates detail={app} />
      <Fields detail={app} />
      <Documents detail={app} />
      <History detail={app} />
      {app.invitations.length > 0 && <Invitations detail={app} />}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children || '—'}</dd>
    </div>
  );
}

function Fields({ detail: a }: { detail: Detail }) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const date = (d: string | null) => (d ? formatDate(d, locale) : '');
  return (
    <section className="apply-panel" aria-labelledby="fields-title">
      <h2 id="fields-title">{t('review.sent')}</h2>
      <dl className="apply-summary__list">
        <Row label={t('fields.kind')}>{t(`common:kinds.${a.kind}`)}</Row>
        <Row label={t('fields.country')}>{countryName(a.country, locale)}</Row>
        <Row label={t('fields.province')}>{a.province}</Row>
        <Row label={t('fields.category')}>{t(`common:categories.${a.category}`)}</Row>
        <Row label={t('fields.population')}>
          {formatNumber(a.population, locale)} ({a.populationYear})
        </Row>
        <Row label={t('fields.areaKm2')}>
          {a.areaKm2 !== null ? formatNumber(a.areaKm2, locale) : ''}
        </Row>
        <Row label={t('fields.budgetAmount')}>
          {a.budgetAmount !== null && a.budgetCurrency
            ? formatNumber(a.budgetAmount, locale, {
                style: 'currency',
                currency: a.budgetCurrency,
              })
            : ''}
        </Row>
        <Row label={t('fields.website')}>
          {a.website && (
            <a href={a.website} rel="noopener noreferrer nofollow" target="_blank">
              {a.website}
            </a>
          )}
        </Row>
        <Row label={t('fields.cdpAccount')}>{a.cdpAccount}</Row>
        <Row label={t('sections.head')}>
          {a.head.name}, {a.head.title}
          {a.head.electedOn && ` · ${t('review.elected', { date: date(a.head.electedOn) })}`}
          {a.head.termEndsOn && ` · ${t('review.termEnds', { date: date(a.head.termEndsOn) })}`}
        </Row>
        <Row label={t('sections.political')}>
          {[a.political.name, a.political.title, a.political.email, a.political.phone]
            .filter(Boolean)
            .join(' · ')}
        </Row>
        <Row label={t('sections.liaison')}>
          {[a.liaison.name, a.liaison.email, a.liaison.phone].join(' · ')}
        </Row>
        <Row label={t('fields.language')}>{LOCALE_NAMES[a.language]}</Row>
        <Row label={t('queue.submitted')}>{formatDate(a.submittedAt, locale)}</Row>
      </dl>
    </section>
  );
}

function Duplicates({ detail }: { detail: Detail }) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  return (
    <section className="apply-panel" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t('duplicates.title')}</h2>
      {detail.duplicates.length === 0 ? (
        <p data-testid="duplicates-none">{t('duplicates.none')}</p>
      ) : (
        <ul data-testid="duplicates">
          {detail.duplicates.map((d) => (
            <li key={d.slug}>
              <Link to={`/members/${d.slug}`}>
                {displayName(d.names, d.localLang, locale).primary}
              </Link>{' '}
              <span className="admin-secondary">
                {countryName(d.country, locale)} ·{' '}
                {t(`common:categories.${d.category ?? 'non-member'}`)} ·{' '}
                {d.reasons.map((r) => t(`duplicates.reasons.${r}`)).join(', ')} ·{' '}
                {t('member.records', { count: d.climateRecords })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Documents({ detail }: { detail: Detail }) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<'resolution' | 'other'>('resolution');
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    const problem = file ? checkFile(file) : 'type';
    if (!file || problem) {
      setError(file ? t(`documents.problems.${problem ?? 'type'}`) : t('documents.choose'));
      return;
    }
    try {
      const next = (await uploadAsSecretariat(detail.id, file, kind)) as Detail;
      queryClient.setQueryData(detailKey(detail.id), next);
      setError(undefined);
      setSent(true);
    } catch (e) {
      setError(problemText(e));
    }
  }

  return (
    <section className="apply-panel" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('documents.title')}</h2>
      {detail.documents.length === 0 ? (
        <p>{t('documents.none')}</p>
      ) : (
        <ul data-testid="application-documents">
          {detail.documents.map((d) => (
            <li key={d.id}>
              <a href={`/api/v1/applications/${detail.id}/documents/${d.id}`} download>
                {d.filename}
              </a>{' '}
              <span className="admin-secondary">
                {t(`documents.kinds.${d.kind}`)} · {t(`by.${d.by}`)} ·{' '}
                {formatDate(d.uploadedAt, locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form className="admin-form" onSubmit={onSubmit} noValidate>
        <div className="admin-grid">
          <FormField id="admin-document" label={t('documents.file')} error={error}>
            {(control) => (
              <input
                {...control}
                type="file"
                accept=".pdf,.docx,.odt,.jpg,.jpeg,.png"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </FormField>
          <FormField id="admin-document-kind" label={t('documents.kind')}>
            {(control) => (
              <select
                {...control}
                value={kind}
                onChange={(e) => setKind(e.target.value === 'other' ? 'other' : 'resolution')}
              >
                <option value="resolution">{t('documents.kinds.resolution')}</option>
                <option value="other">{t('documents.kinds.other')}</option>
              </select>
            )}
          </FormField>
        </div>
        {sent && <SavedMessage>{t('documents.sent')}</SavedMessage>}
        <div className="admin-actions">
          <button type="submit" className="button button--secondary">
            {t('documents.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

function History({ detail }: { detail: Detail }) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  return (
    <section className="apply-panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('status.history')}</h2>
      <ScrollFrame className="admin-table-wrap" label={t('status.history')}>
        <table className="admin-table" data-testid="application-history">
          <caption className="visually-hidden">{t('status.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.when')}</th>
              <th scope="col">{t('queue.step')}</th>
              <th scope="col">{t('review.who')}</th>
              <th scope="col">{t('review.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.history.map((h, i) => (
              <tr key={i}>
                <td>{formatDate(h.at, locale)}</td>
                <td>{t(`stepNames.${h.step}`)}</td>
                <td>{h.by === 'applicant' ? t('by.applicant') : <ActorName actor={h.actor} />}</td>
                <td>{h.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
    </section>
  );
}

function Invitations({ detail }: { detail: Detail }) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  return (
    <section className="apply-panel" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('member.invitations')}</h2>
      <ul data-testid="application-invitations">
        {detail.invitations.map((i) => (
          <li key={i.email}>
            {i.displayName} · {i.email} · {t(`member.invitationStates.${i.state}`)} ·{' '}
            {t('member.expires', { date: formatDate(i.expiresAt, locale) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The invoice of the first year, once invoiced: number, amount, state and due day. */
function ApplicationInvoice({ detail }: { detail: Detail }) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const invoice = detail.invoice;
  if (!invoice) return null;
  const state =
    invoice.status === 'open' && invoice.overdue ? 'overdue' : (invoice.status as string);
  return (
    <section className="apply-panel" aria-labelledby="invoice-title">
      <h2 id="invoice-title">{t('invoice.title')}</h2>
      <dl className="apply-fields" data-testid="application-invoice">
        <Row label={t('invoice.number')}>
          <span className="invoice-number" data-testid="application-invoice-number">
            {invoice.number}
          </span>
        </Row>
        <Row label={t('invoice.amount')}>
          {formatNumber(invoice.amount, locale, {
            style: 'currency',
            currency: invoice.currency,
            maximumFractionDigits: 0,
          })}
        </Row>
        <Row label={t('invoice.state')}>
          <span
            className={`admin-badge${
              state === 'paid'
                ? ' admin-badge--current'
                : state === 'cancelled'
                  ? ' admin-badge--delete'
                  : state === 'overdue'
                    ? ' admin-badge--expired'
                    : ''
            }`}
            data-testid="application-invoice-state"
          >
            {t(`invoice.states.${state}`)}
          </span>
          {invoice.status === 'paid' && invoice.paidOn && (
            <> {t('invoice.paidOn', { date: formatDate(invoice.paidOn, locale) })}</>
          )}
          {invoice.status === 'cancelled' && invoice.cancelReason && (
            <> {t('invoice.cancelledBecause', { reason: invoice.cancelReason })}</>
          )}
        </Row>
        <Row label={t('invoice.dueOn')}>{formatDate(invoice.dueOn, locale)}</Row>
      </dl>
      <p className="admin-hint">
        <Link to="/admin/invoices">{t('invoice.allInvoices')}</Link>
      </p>
    </section>
  );
}

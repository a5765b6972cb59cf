import { Fragment, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LOCALE_NAMES, isLocale } from '../../core/locales';
import { api, query } from '../api';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { ScrollFrame } from '../components/ScrollFrame';
import { Pagination } from '../components/Pagination';
import type { AuditEntry, PageOf } from '../types';
import { auditChanges, auditValueText } from '../components/audit-diff';
import { usePageTitle } from '../components/page-title';
import { useLocale } from '../components/locale';
import { formatDate } from '../components/format';
import { ActorName } from '../components/ActorName';
import { ENTITY_TYPES } from './audit-entities';

const PAGE_SIZE = 30;

/** The kinds of record the server writes audit entries for (src/server/*\/service.ts). */

/** Fields whose values are codes with a translated label, by the catalog group that names them. */
const VALUE_LABELS: Record<string, string> = {
  kind: 'kinds',
  'membership.category': 'categories',
  'membership.status': 'statuses',
  category: 'categories',
  status: 'statuses',
  role: 'roles',
  title: 'titles',
  region: 'common:regions',
};

/** A moment in the viewer's language and time zone, with the zone named. */
function formatInstant(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** /admin/audit — who changed what and when, with the fields each change touched. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const entityType = params.get('entityType') ?? '';
  const entityId = params.get('entityId') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  usePageTitle(t('audit.title'));

  const audit = useQuery({
    queryKey: ['audit', { entityType, entityId, page, pageSize: PAGE_SIZE, lang: locale }],
    queryFn: () =>
      api.get<PageOf<AuditEntry>>(
        `/api/v1/audit${query({ entityType, entityId, page, pageSize: PAGE_SIZE, lang: locale })}`,
      ),
    placeholderData: keepPreviousData,
  });

  function setFilter(next: { entityType?: string; entityId?: string; page?: number }) {
    const merged = { entityType, entityId, page: 1, ...next };
    const entries: [string, string][] = [];
    if (merged.entityType) entries.push(['entityType', merged.entityType]);
    if (merged.entityId) entries.push(['entityId', merged.entityId]);
    if (merged.page > 1) entries.push(['page', String(merged.page)]);
    setParams(entries);
  }

  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // A kind the catalog does not know is said in words too, never by its code.
  const entityLabel = (type: string) =>
    t(`audit.entities.${type}`, { defaultValue: t('audit.otherKind') });
  // The record the "only this record" filter names, as the entries about it call it.
  const filtered = entityId
    ? audit.data?.items.find(
        (entry) => entry.entityId === entityId && (!entityType || entry.entityType === entityType),
      )
    : undefined;

  return (
    <section aria-labelledby="admin-audit-title">
      <h1 id="admin-audit-title">{t('audit.title')}</h1>
      <p className="admin-lead">{t('audit.lead')}</p>
      <div className="admin-filters">
        <div className="admin-search">
          <label htmlFor="audit-entity-type">{t('audit.filterType')}</label>
          <select
            id="audit-entity-type"
            value={entityType}
            onChange={(e) => setFilter({ entityType: e.target.value, entityId: '' })}
            data-testid="audit-entity-type"
          >
            <option value="">{t('audit.allTypes')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {entityLabel(type)}
              </option>
            ))}
            {entityType && !(ENTITY_TYPES as readonly string[]).includes(entityType) && (
              <option value={entityType}>{entityLabel(entityType)}</option>
            )}
          </select>
        </div>
        {entityId && (
          <p className="admin-filter-note">
            {filtered?.record ? (
              <span data-testid="audit-only-entity">
                {t('audit.onlyEntity', {
                  type: entityLabel(filtered.entityType),
                  name: filtered.record.name,
                })}
              </span>
            ) : (
              <span data-testid="audit-only-entity">
                {t('audit.onlyEntityUnnamed', {
                  type: entityLabel(filtered?.entityType ?? entityType),
                })}
              </span>
            )}{' '}
            <button
              type="button"
              className="button button--link"
              onClick={() => setFilter({ entityId: '' })}
            >
              {t('audit.showAll')}
            </button>
          </p>
        )}
      </div>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <ErrorMessage error={audit.error} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState title={t('audit.none')} />
      ) : (
        <>
          <ScrollFrame className="admin-table-wrap" label={t('audit.listLabel')}>
            <table className="admin-table">
              <caption className="visually-hidden">{t('audit.listLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.who')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.summary')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('audit.details')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((entry) => {
                  const expanded = open.has(entry.id);
                  const detailsId = `audit-${entry.id}-changes`;
                  return (
                    <Fragment key={entry.id}>
                      <tr data-testid="audit-row">
                        <td>
                          <time dateTime={entry.at}>{formatInstant(entry.at, locale)}</time>
                        </td>
                        <td data-testid="audit-actor">
                          <ActorName actor={entry.actor} />
                        </td>
                        <td>
                          <span className={`admin-badge admin-badge--${entry.action}`}>
                            {t(`audit.actions.${entry.action}`)}
                          </span>
                        </td>
                        <td data-testid="audit-record">
                          <AuditRecord entry={entry} label={entityLabel(entry.entityType)} />
                        </td>
                        <td data-testid="audit-summary">
                          <AuditSummary entry={entry} />
                        </td>
                        <td>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            aria-expanded={expanded}
                            aria-controls={detailsId}
                            onClick={() => toggle(entry.id)}
                            data-testid="audit-toggle"
                          >
                            {expanded ? t('audit.hideChanges') : t('audit.showChanges')}
                          </button>
                        </td>
                      </tr>
                      {expanded && (
                        <tr id={detailsId} className="admin-audit-details">
                          <td colSpan={6}>
                            <AuditChanges entry={entry} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </ScrollFrame>
          <Pagination
            page={audit.data.page}
            pageSize={audit.data.pageSize}
            total={audit.data.total}
            onPage={(next) => setFilter({ page: next })}
          />
        </>
      )}
    </section>
  );
}

/** The record an entry is about: its kind and its name, or that it is gone; never its id. */
function AuditRecord({ entry, label }: { entry: AuditEntry; label: string }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const { record } = entry;
  if (entry.recordState === 'gone') {
    return <span className="admin-secondary">{t('audit.gone', { type: label })}</span>;
  }
  if (!record) return <>{label}</>;
  const name = <span lang={record.lang}>{record.name}</span>;
  return (
    <>
      <span className="admin-secondary">{label}</span>{' '}
      {record.path ? <Link to={record.path}>{name}</Link> : name}
      {record.on && (
        <>
          {' '}
          <time className="admin-secondary" dateTime={record.on}>
            {formatDate(record.on, locale)}
          </time>
        </>
      )}
    </>
  );
}

/** The catalogs whose `fields` group names the fields of audited records, searched in order. */
const FIELD_NAMESPACES = ['admin', 'climate', 'applications', 'elections', 'news'] as const;

/** A changed field's name in the reader's language ("Name in 日本語", "Population"). */
function useFieldLabel(): (path: string) => string {
  const { t } = useTranslation('admin');
  return (path: string) => {
    const [head, lang] = path.split('.');
    if (head === 'names' && lang) {
      return t('fields.nameIn', { language: isLocale(lang) ? LOCALE_NAMES[lang] : lang });
    }
    const flat = path.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());
    // The areas' forms name their own fields; a field none of them names is not shown by code.
    return t(
      FIELD_NAMESPACES.map((ns) => `${ns}:fields.${flat}`),
      { defaultValue: t('audit.otherField') },
    );
  };
}

/** How many changed fields the summary names before it counts the rest. */
const SUMMARY_FIELDS = 3;

/**
 * What an entry did, in the reader's language. The server writes its summary in English when
 * the change happens; an English reader sees it, and every other reader sees the fields the
 * change touched, named in their language (the Action column already says created or deleted).
 */
function AuditSummary({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const fieldLabel = useFieldLabel();
  if (locale === 'en') return <span lang="en">{entry.summary}</span>;
  if (entry.action !== 'update') return <span className="admin-secondary">—</span>;
  const labels = [
    ...new Set(auditChanges(entry.before, entry.after).map((c) => fieldLabel(c.path))),
  ];
  if (labels.length === 0) return <span className="admin-secondary">—</span>;
  const named = labels.slice(0, SUMMARY_FIELDS);
  const more = labels.length - named.length;
  const list = new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(named);
  return (
    <>
      {more > 0
        ? t('audit.changedFieldsMore', { fields: list, count: more })
        : t('audit.changedFields', { fields: list })}
    </>
  );
}

function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const fieldLabel = useFieldLabel();
  const changes = auditChanges(entry.before, entry.after);
  if (changes.length === 0) return <p className="admin-hint">{t('audit.noChanges')}</p>;

  const valueText = (path: string, value: unknown) => {
    const group = VALUE_LABELS[path];
    if (group && typeof value === 'string') return t(`${group}.${value}`, { defaultValue: value });
    // Quantities read better grouped; years, coordinates and ids must stay as written.
    if (typeof value === 'number' && (path === 'population' || path === 'areaKm2')) {
      return new Intl.NumberFormat(locale).format(value);
    }
    return auditValueText(value);
  };

  return (
    <table className="admin-table admin-table--compact admin-diff">
      <caption>{t('audit.changesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => {
          const before = valueText(change.path, change.before);
          const after = valueText(change.path, change.after);
          return (
            <tr key={change.path}>
              <th scope="row">{fieldLabel(change.path)}</th>
              <td className="admin-diff__before">
                {before === null ? (
                  <span className="admin-secondary">{t('audit.empty')}</span>
                ) : (
                  <del>{before}</del>
                )}
              </td>
              <td className="admin-diff__after">
                {after === null ? (
                  <span className="admin-secondary">{t('audit.empty')}</span>
                ) : (
                  <ins>{after}</ins>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { mayDo, useSession } from '../auth/session';
import { useProblemText } from '../forms/form';
import { timeZoneLabel, timeZoneOptions } from '../../core/time-zone-label';
import type { Office } from '../types';
import { OFFICE_KINDS, type OfficeKind } from '../../core/membership';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { GeoMap, type MapPoint } from '../components/GeoMap';
import { countryName, formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { translated } from '../components/translated';
import { usePageTitle } from '../components/page-title';
import { useRegions } from '../components/network-queries';

const OFFICE_KIND_COLORS: Record<OfficeKind, string> = {
  'world-secretariat': 'var(--office-world)',
  'regional-secretariat': 'var(--office-regional)',
  'country-office': 'var(--office-country)',
  'project-office': 'var(--office-project)',
  'representation-office': 'var(--office-representation)',
};

export function useOffices() {
  return useQuery({
    queryKey: ['offices', null],
    queryFn: () => api.get<{ items: Office[]; total: number }>('/api/v1/offices'),
    staleTime: 5 * 60_000,
  });
}

/** Every zone the browser knows, labelled as people know them, west to east. */
function useZoneOptions(current: string | null) {
  const locale = useLocale();
  return useMemo(() => {
    const zones = new Set<string>(
      typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [],
    );
    zones.add('UTC');
    if (current) zones.add(current);
    return timeZoneOptions([...zones], locale, new Date());
  }, [current, locale]);
}

/**
 * The office's time zone, which its region's bodies meet in by default; the secretariat
 * changes it here (office.manage).
 */
function OfficeZone({ office }: { office: Office }) {
  const { t } = useTranslation(['offices', 'common']);
  const locale = useLocale();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [editing, setEditing] = useState(false);
  const [zone, setZone] = useState(office.timeZone ?? '');
  const options = useZoneOptions(editing ? office.timeZone : null);
  const save = useMutation({
    mutationFn: (timeZone: string | null) =>
      api.patch<Office>(
        `/api/v1/offices/${office.slug}`,
        { timeZone },
        { version: office.version },
      ),
    onSuccess: () => {
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: ['offices'] });
      void queryClient.invalidateQueries({ queryKey: ['governance'] });
    },
  });
  const manage = mayDo(user, 'office.manage');
  if (!office.timeZone && !manage) return null;
  const fieldId = `office-${office.slug}-zone`;
  return (
    <div>
      <dt>{t('timeZone')}</dt>
      <dd data-testid={`office-zone-${office.slug}`}>
        {editing ? (
          <form
            className="admin-inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(zone || null);
            }}
          >
            <label htmlFor={fieldId} className="visually-hidden">
              {t('timeZone')}
            </label>
            <select
              id={fieldId}
              value={zone}
              onChange={(e) => setZone(e.target.value)}
              aria-invalid={save.error ? true : undefined}
              aria-describedby={save.error ? `${fieldId}-error` : undefined}
              data-testid={`office-zone-select-${office.slug}`}
            >
              <option value="">{t('noTimeZone')}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
            <button
              type="submit"
              className="button button--small"
              disabled={save.isPending}
              data-testid={`office-zone-save-${office.slug}`}
            >
              {t('common:save')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setEditing(false);
                save.reset();
              }}
            >
              {t('common:cancel')}
            </button>
            {save.error && (
              <p id={`${fieldId}-error`} className="admin-field__error" role="alert">
                {problemText(save.error)}
              </p>
            )}
          </form>
        ) : (
          <>
            {office.timeZone ? (
              timeZoneLabel(office.timeZone, locale, new Date())
            ) : (
              <span className="muted">{t('common:notRecorded')}</span>
            )}
            {manage && (
              <>
                {' '}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    setZone(office.timeZone ?? '');
                    setEditing(true);
                  }}
                  data-testid={`office-zone-edit-${office.slug}`}
                >
                  {t('changeTimeZone')}
                </button>
              </>
            )}
          </>
        )}
      </dd>
    </div>
  );
}

/** Numbers and addresses are dialled and mailed as written, so they keep their own direction. */
function OfficeCard({ office }: { office: Office }) {
  const { t } = useTranslation(['offices', 'common']);
  const locale = useLocale();
  const lines = office.address
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

  return (
    <article
      className="office-card"
      id={`office-${office.slug}`}
      tabIndex={-1}
      aria-labelledby={`office-${office.slug}-name`}
      data-testid="office-card"
    >
      <header className="office-card__header">
        <h3 id={`office-${office.slug}-name`}>{translated(office.names, office.name, locale)}</h3>
        <span className={`badge badge--office badge--${office.kind}`}>
          {t(`common:officeKinds.${office.kind}`)}
        </span>
        {/* Addresses are written for the local post; this line names the place for everyone. */}
        <p className="office-card__place">
          {office.city}, {countryName(office.country, locale)}
        </p>
      </header>
      <address className="office-card__address">
        {lines.length > 0 ? (
          lines.map((line, i) => (
            <span key={i} className="office-card__line">
              {line}
            </span>
          ))
        ) : (
          <span className="muted">{t('common:notRecorded')}</span>
        )}
      </address>
      <dl className="office-card__contacts">
        {office.phone && (
          <div>
            <dt>{t('phone')}</dt>
            <dd>
              <a href={`tel:${office.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                {office.phone}
              </a>
            </dd>
          </div>
        )}
        {office.fax && (
          <div>
            <dt>{t('fax')}</dt>
            <dd dir="ltr">{office.fax}</dd>
          </div>
        )}
        {office.email && (
          <div>
            <dt>{t('email')}</dt>
            <dd>
              <a href={`mailto:${office.email}`}>{office.email}</a>
            </dd>
          </div>
        )}
        {office.website && (
          <div>
            <dt>{t('website')}</dt>
            <dd>
              <a href={office.website} rel="noopener noreferrer" target="_blank">
                {office.website.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')}
                <span className="visually-hidden"> {t('opensInNewTab')}</span>
              </a>
            </dd>
          </div>
        )}
        <OfficeZone office={office} />
      </dl>
    </article>
  );
}

/** Every office of the network on a world map and as cards grouped by region. */
export function Offices() {
  const { t } = useTranslation(['offices', 'common']);
  const locale = useLocale();
  usePageTitle(t('title'));
  const offices = useOffices();
  const regions = useRegions();

  const groups = useMemo(() => {
    const order = ['global', ...(regions.data?.items ?? []).map((r) => r.slug)];
    const bySlug = new Map<string, Office[]>();
    for (const office of offices.data?.items ?? []) {
      const list = bySlug.get(office.region) ?? [];
      list.push(office);
      bySlug.set(office.region, list);
    }
    const rank = (slug: string) => {
      const i = order.indexOf(slug);
      return i === -1 ? order.length : i;
    };
    const kindRank = (kind: OfficeKind) => OFFICE_KINDS.indexOf(kind);
    return [...bySlug.entries()]
      .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
      .map(([region, list]) => ({
        region,
        offices: [...list].sort(
          (a, b) =>
            kindRank(a.kind) - kindRank(b.kind) ||
            translated(a.names, a.name, locale).localeCompare(
              translated(b.names, b.name, locale),
              locale,
            ),
        ),
      }));
  }, [offices.data, regions.data, locale]);

  const points = useMemo<MapPoint[]>(
    () =>
      (offices.data?.items ?? []).flatMap((o) =>
        o.latitude === null || o.longitude === null
          ? []
          : [
              {
                id: o.id,
                latitude: o.latitude,
                longitude: o.longitude,
                label: `${translated(o.names, o.name, locale)} — ${t(`common:officeKinds.${o.kind}`)}`,
                series: o.kind,
                href: `#office-${o.slug}`,
              },
            ],
      ),
    [offices.data, t, locale],
  );
  const series = OFFICE_KINDS.map((kind) => ({
    key: kind,
    label: t(`common:officeKinds.${kind}`),
    color: OFFICE_KIND_COLORS[kind],
  }));
  const regionName = (slug: string) => t(`common:regions.${slug}`, { defaultValue: slug });

  return (
    <div className="offices">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <p className="page-header__lead">{t('lead')}</p>
      </header>
      {offices.isPending ? (
        <Loading />
      ) : offices.isError ? (
        <ErrorMessage error={offices.error} />
      ) : offices.data.items.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <>
          <section className="panel" aria-labelledby="offices-map-title">
            <h2 id="offices-map-title">{t('mapHeading')}</h2>
            <GeoMap points={points} series={series} title={t('mapTitle')} extent="world" />
            <p className="muted">
              {t('count', { total: formatNumber(offices.data.total, locale) })}
            </p>
          </section>
          <nav className="jump-links" aria-label={t('jumpTo')}>
            <ul>
              {groups.map((g) => (
                <li key={g.region}>
                  <a href={`#region-${g.region}`}>{regionName(g.region)}</a>
                </li>
              ))}
            </ul>
          </nav>
          {groups.map((g) => (
            <section
              key={g.region}
              id={`region-${g.region}`}
              className="office-group"
              aria-labelledby={`region-${g.region}-title`}
              tabIndex={-1}
            >
              <h2 id={`region-${g.region}-title`}>{regionName(g.region)}</h2>
              <div className="office-grid">
                {g.offices.map((office) => (
                  <OfficeCard key={office.id} office={office} />
                ))}
              </div>
            </section>
          ))}
        </>
      )}
    </div>
  );
}

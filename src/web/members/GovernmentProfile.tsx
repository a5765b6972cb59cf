import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api';
import { canEdit, useSession } from '../auth/session';
import type { Government, OfficeHolder } from '../types';
import { displayName } from '../../core/names';
import { CategoryBadge } from '../components/CategoryBadge';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { GeoMap } from '../components/GeoMap';
import { GovernmentName, governmentNameText } from '../components/GovernmentName';
import { PersonName } from '../components/PersonName';
import { countryName, formatDate, formatNumber, languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { HolderSince } from './holder-since';

function useGovernment(slug: string) {
  return useQuery({
    queryKey: ['government', slug],
    queryFn: () => api.get<Government>(`/api/v1/governments/${encodeURIComponent(slug)}`),
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 1,
  });
}

function Fact({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function Coordinates({ latitude, longitude }: { latitude: number; longitude: number }) {
  const { t } = useTranslation('members');
  const locale = useLocale();
  const degrees = (value: number) =>
    formatNumber(Math.abs(value), locale, { maximumFractionDigits: 4, minimumFractionDigits: 2 });
  return (
    <>
      {t(latitude >= 0 ? 'profile.north' : 'profile.south', { value: degrees(latitude) })},{' '}
      {t(longitude >= 0 ? 'profile.east' : 'profile.west', { value: degrees(longitude) })}
    </>
  );
}

function OfficeHolders({ government }: { government: Government }) {
  const { t } = useTranslation(['members', 'common']);
  const locale = useLocale();
  const current = new Set(government.officeHolders.map((h) => h.positionId));
  const past = government.positions.filter((p) => !current.has(p.positionId));
  const name = (h: OfficeHolder) => (
    <PersonName
      person={{ fullName: h.fullName, names: h.personNames }}
      localLang={government.localLang}
    />
  );
  const today = new Date().toISOString().slice(0, 10);
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : t('profile.unknownDate'));
  return (
    <section className="panel" aria-labelledby="office-holders-title">
      <h2 id="office-holders-title">{t('profile.officeHolders')}</h2>
      {government.officeHolders.length === 0 ? (
        <p className="muted">{t('profile.noOfficeHolders')}</p>
      ) : (
        <ul className="holders" data-testid="office-holders">
          {government.officeHolders.map((h) => (
            <li key={h.positionId} className="holders__item">
              <span className="holders__title">{t(`common:positions.${h.title}`)}</span>
              <span className="holders__name">{name(h)}</span>
              <HolderSince holder={h} today={today} />
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <details className="past-positions">
          <summary>
            {t('profile.pastPositions', { total: formatNumber(past.length, locale) })}
          </summary>
          <ul className="holders holders--past">
            {past.map((h) => (
              <li key={h.positionId} className="holders__item">
                <span className="holders__title">{t(`common:positions.${h.title}`)}</span>
                <span className="holders__name">{name(h)}</span>
                <span className="holders__since">
                  {t('profile.period', { start: date(h.startDate), end: date(h.endDate) })}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function ProfileNotFound({ slug }: { slug: string }) {
  const { t } = useTranslation('members');
  usePageTitle(t('profile.notFoundTitle'));
  return (
    <div className="not-found" data-testid="profile-not-found">
      <h1>{t('profile.notFoundTitle')}</h1>
      <p>{t('profile.notFoundBody', { slug })}</p>
      <p>
        <Link className="button" to="/members">
          {t('profile.backToDirectory')}
        </Link>
      </p>
    </div>
  );
}

/** One government's public profile. */
export function GovernmentProfile() {
  const { slug = '' } = useParams();
  const { t } = useTranslation(['members', 'common']);
  const locale = useLocale();
  const { user } = useSession();
  const government = useGovernment(slug);
  const g = government.data;
  usePageTitle(g ? displayName(g.names, g.localLang, locale).primary : null);

  if (government.isPending) return <Loading />;
  if (government.isError) {
    if (government.error instanceof ApiError && government.error.status === 404) {
      return <ProfileNotFound slug={slug} />;
    }
    return <ErrorMessage error={government.error} />;
  }
  if (!g) return null;

  const nameEntries = Object.entries(g.names).filter((e): e is [string, string] => !!e[1]);
  const label = governmentNameText(g.names, g.localLang, locale);

  return (
    <article className="profile">
      <nav className="breadcrumbs" aria-label={t('profile.breadcrumbs')}>
        <Link to="/members">{t('common:nav.members')}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={`/members?region=${encodeURIComponent(g.region)}`}>
          {t(`common:regions.${g.region}`, { defaultValue: g.region })}
        </Link>
      </nav>
      <header className="profile__header">
        <div>
          <h1 className="profile__name" data-testid="profile-name">
            <GovernmentName names={g.names} localLang={g.localLang} />
          </h1>
          <p className="profile__subtitle">
            {t(`common:kinds.${g.kind}`)} · {countryName(g.country, locale)}{' '}
            <CategoryBadge category={g.membership.category} />
          </p>
        </div>
        {canEdit(user, g.id) && (
          <Link
            className="button"
            to={`/admin/governments/${encodeURIComponent(g.slug)}`}
            data-testid="profile-edit"
          >
            {t('common:edit')}
          </Link>
        )}
      </header>

      <div className="profile__grid">
        <section className="panel" aria-labelledby="facts-title">
          <h2 id="facts-title">{t('profile.facts')}</h2>
          <dl className="facts">
            <Fact label={t('profile.country')}>{countryName(g.country, locale)}</Fact>
            <Fact label={t('profile.region')}>
              {t(`common:regions.${g.region}`, { defaultValue: g.region })}
            </Fact>
            <Fact label={t('profile.kind')}>{t(`common:kinds.${g.kind}`)}</Fact>
            <Fact label={t('profile.population')} testId="profile-population">
              {g.population === null ? (
                <span className="muted">{t('common:notRecorded')}</span>
              ) : (
                <>
                  {formatNumber(g.population, locale)}
                  {g.populationYear !== null && (
                    <span className="muted">
                      {' '}
                      {t('profile.populationYear', { year: g.populationYear })}
                    </span>
                  )}
                </>
              )}
            </Fact>
            <Fact label={t('profile.area')}>
              {g.areaKm2 === null ? (
                <span className="muted">{t('common:notRecorded')}</span>
              ) : (
                t('profile.areaValue', {
                  value: formatNumber(g.areaKm2, locale, { maximumFractionDigits: 1 }),
                })
              )}
            </Fact>
            <Fact label={t('profile.coordinates')}>
              {g.latitude === null || g.longitude === null ? (
                <span className="muted">{t('common:notRecorded')}</span>
              ) : (
                <Coordinates latitude={g.latitude} longitude={g.longitude} />
              )}
            </Fact>
            <Fact label={t('profile.unlocode')}>
              {g.unlocode ?? <span className="muted">{t('common:notRecorded')}</span>}
            </Fact>
            <Fact label={t('profile.cdpAccount')}>
              {g.cdpAccount ?? <span className="muted">{t('common:notRecorded')}</span>}
            </Fact>
            <Fact label={t('profile.website')}>
              {g.website ? (
                <a href={g.website} rel="noopener noreferrer" target="_blank">
                  {g.website.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')}
                  <span className="visually-hidden"> {t('profile.opensInNewTab')}</span>
                </a>
              ) : (
                <span className="muted">{t('common:notRecorded')}</span>
              )}
            </Fact>
          </dl>
        </section>

        <section className="panel" aria-labelledby="location-title">
          <h2 id="location-title">{t('profile.location')}</h2>
          {g.latitude !== null && g.longitude !== null ? (
            <GeoMap
              points={[
                {
                  id: g.id,
                  latitude: g.latitude,
                  longitude: g.longitude,
                  label,
                  series: g.membership.category,
                },
              ]}
              series={[{ key: g.membership.category, label, color: 'var(--brand)' }]}
              title={t('profile.locatorTitle', { name: label })}
              width={480}
              height={320}
              legend={false}
              className="geo-map--locator"
            />
          ) : (
            <EmptyState title={t('profile.noLocation')} />
          )}
        </section>

        <section className="panel" aria-labelledby="names-title">
          <h2 id="names-title">{t('profile.names')}</h2>
          <dl className="facts facts--names">
            {nameEntries.map(([lang, name]) => (
              <Fact key={lang} label={languageName(lang, locale)}>
                <span lang={lang}>{name}</span>
                {lang === g.localLang && <span className="tag">{t('profile.officialName')}</span>}
              </Fact>
            ))}
          </dl>
          <h3>{t('profile.aliases')}</h3>
          {g.aliases.length === 0 ? (
            <p className="muted">{t('profile.noAliases')}</p>
          ) : (
            <ul className="aliases">
              {g.aliases.map((alias) => (
                <li key={alias}>{alias}</li>
              ))}
            </ul>
          )}
        </section>

        <section className="panel" aria-labelledby="membership-title">
          <h2 id="membership-title">{t('profile.membership')}</h2>
          <dl className="facts">
            <Fact label={t('profile.category')}>
              <CategoryBadge category={g.membership.category} />
            </Fact>
            <Fact label={t('profile.status')}>
              <span data-testid="profile-status">
                {t(`common:statuses.${g.membership.status}`)}
              </span>
            </Fact>
            <Fact label={t('profile.memberSince')}>
              {g.membership.since ? (
                formatDate(g.membership.since, locale)
              ) : (
                <span className="muted">{t('common:notRecorded')}</span>
              )}
            </Fact>
          </dl>
        </section>
      </div>

      <section className="panel" aria-labelledby="climate-link-title">
        <h2 id="climate-link-title">{t('climate:profile.title')}</h2>
        <p>{t('climate:profile.lead')}</p>
        <Link className="button" to={`/members/${g.slug}/climate`} data-testid="profile-climate">
          {t('climate:profile.link')}
        </Link>
      </section>

      <OfficeHolders government={g} />
    </article>
  );
}

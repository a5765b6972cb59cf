import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api';
import type { Office } from '../types';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { useRegions } from '../components/network-queries';
import { LatestNews } from '../news/routes';
import { RegionMembersMap } from './RegionMembersMap';

/**
 * The map's default: the whole world, every government of the network. A region is one choice
 * away (and in the address, ?region=…), so a link to a region's map keeps working.
 */
const WORLD = '';

function useOfficeCount() {
  return useQuery({
    queryKey: ['offices', null],
    queryFn: () => api.get<{ items: Office[]; total: number }>('/api/v1/offices'),
    staleTime: 5 * 60_000,
  });
}

function KeyNumbers() {
  const { t } = useTranslation('home');
  const locale = useLocale();
  const regions = useRegions();
  const offices = useOfficeCount();
  const regional = (regions.data?.items ?? []).filter((r) => r.slug !== 'global');
  const members = regions.data?.items.reduce((sum, r) => sum + r.memberCount, 0);
  const governments = regions.data?.items.reduce((sum, r) => sum + r.governmentCount, 0);
  const show = (n: number | undefined) => (n === undefined ? '–' : formatNumber(n, locale));
  const stats = [
    { key: 'members', value: show(members), to: '/members' },
    { key: 'governments', value: show(governments), to: '/members' },
    { key: 'regions', value: show(regions.data ? regional.length : undefined), to: '/offices' },
    { key: 'offices', value: show(offices.data?.total), to: '/offices' },
  ] as const;
  return (
    <section className="key-numbers" aria-labelledby="key-numbers-title">
      <h2 id="key-numbers-title" className="visually-hidden">
        {t('stats.title')}
      </h2>
      <dl className="key-numbers__list" aria-busy={regions.isPending || offices.isPending}>
        {stats.map((s) => (
          <div key={s.key} className="key-numbers__item">
            <dt>{t(`stats.${s.key}`)}</dt>
            <dd data-testid={`stat-${s.key}`}>
              <Link to={s.to}>{s.value}</Link>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The public front page: what the network is, its numbers, a regional map and news. */
export function Home() {
  const { t } = useTranslation(['home', 'common']);
  usePageTitle(null);
  const regions = useRegions();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? WORLD;
  const regionChoices = (regions.data?.items ?? []).filter((r) => r.slug !== 'global');

  function chooseRegion(slug: string) {
    const next = new URLSearchParams(params);
    if (slug === WORLD) next.delete('region');
    else next.set('region', slug);
    setParams(next, { replace: true, preventScrollReset: true });
  }

  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('hero.title')}</h1>
        <p className="hero__lead">{t('hero.lead')}</p>
        <p>{t('hero.body')}</p>
        <p className="hero__actions">
          <Link className="button" to="/members">
            {t('hero.browseMembers')}
          </Link>
          <Link className="button button--secondary" to="/offices">
            {t('hero.findOffice')}
          </Link>
          <Link className="button button--secondary" to="/apply" data-testid="home-apply">
            {t('hero.apply')}
          </Link>
        </p>
      </section>

      <KeyNumbers />

      <section className="panel" aria-labelledby="region-map-title">
        <div className="panel__header">
          <h2 id="region-map-title">{t('map.heading')}</h2>
          <label className="field field--inline">
            <span className="field__label">{t('map.regionLabel')}</span>
            <select
              value={region}
              onChange={(event) => chooseRegion(event.target.value)}
              data-testid="home-region"
            >
              <option value={WORLD}>{t('map.world')}</option>
              {regionChoices.length === 0 && region !== WORLD && (
                <option value={region}>{t(`common:regions.${region}`)}</option>
              )}
              {regionChoices.map((r) => (
                <option key={r.slug} value={r.slug}>
                  {t(`common:regions.${r.slug}`, { defaultValue: r.name })}
                </option>
              ))}
            </select>
          </label>
        </div>
        <RegionMembersMap region={region === WORLD ? null : region} />
        <p>
          {region === WORLD ? (
            <Link to="/members">{t('map.listLinkWorld')}</Link>
          ) : (
            <Link to={`/members?region=${encodeURIComponent(region)}`}>
              {t('map.listLink', {
                region: t(`common:regions.${region}`, { defaultValue: region }),
              })}
            </Link>
          )}
        </p>
      </section>

      <LatestNews />
    </div>
  );
}

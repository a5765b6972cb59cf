import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBERSHIP_CATEGORIES } from '../../core/membership';
import { GeoMap, type MapPoint } from '../components/GeoMap';
import { CATEGORY_COLORS } from '../components/categories';
import { governmentNameText } from '../components/GovernmentName';
import { ErrorMessage, Loading } from '../components/DataState';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { useAllGovernments } from '../components/network-queries';

/**
 * The governments of one region as points on a map, coloured by membership category; with no
 * region, every government of the network on a map of the whole world.
 */
export function RegionMembersMap({ region }: { region: string | null }) {
  const { t } = useTranslation(['home', 'common']);
  const locale = useLocale();
  const governments = useAllGovernments(region);

  const points = useMemo<MapPoint[]>(
    () =>
      (governments.data ?? []).flatMap((g) =>
        g.latitude === null || g.longitude === null
          ? []
          : [
              {
                id: g.id,
                latitude: g.latitude,
                longitude: g.longitude,
                label: `${governmentNameText(g.names, g.localLang, locale)} — ${t(`common:categories.${g.membership.category}`)}`,
                series: g.membership.category,
                href: `/members/${g.slug}`,
              },
            ],
      ),
    [governments.data, locale, t],
  );
  const series = MEMBERSHIP_CATEGORIES.map((category) => ({
    key: category,
    label: t(`common:categories.${category}`),
    color: CATEGORY_COLORS[category],
  }));

  if (governments.isPending) return <Loading />;
  if (governments.isError) return <ErrorMessage error={governments.error} />;

  const title =
    region === null
      ? t('map.titleWorld')
      : t('map.title', { region: t(`common:regions.${region}`, { defaultValue: region }) });
  const memberCount = governments.data.filter((g) => g.membership.category !== 'non-member').length;
  return (
    <div
      className="region-map"
      data-testid="home-map"
      data-extent={region === null ? 'world' : 'region'}
    >
      <GeoMap
        points={points}
        series={series}
        title={title}
        extent={region === null ? 'world' : 'points'}
        minimumSpan={24}
      />
      <p className="region-map__summary">
        {t('map.summary', {
          governments: formatNumber(governments.data.length, locale),
          members: formatNumber(memberCount, locale),
        })}
        {points.length < governments.data.length && (
          <>
            {' '}
            {t('map.unplaced', {
              missing: formatNumber(governments.data.length - points.length, locale),
            })}
          </>
        )}
      </p>
    </div>
  );
}

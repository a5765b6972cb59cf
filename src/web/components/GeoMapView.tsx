import { useId, useMemo, type MouseEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { geoEqualEarth, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';

export interface MapSeries {
  key: string;
  label: string;
  /** A CSS colour, usually a var(--…) from styles.css. */
  color: string;
}

export interface MapPoint {
  id: string | number;
  latitude: number;
  longitude: number;
  /** What the point is, for its tooltip and for screen readers. */
  label: string;
  /** The series (legend entry) the point belongs to. */
  series: string;
  /** An app path the point links to. */
  href?: string;
}

export interface GeoMapProps {
  points: MapPoint[];
  series: MapSeries[];
  /** Describes the map as a whole, e.g. "Members in East Asia". */
  title: string;
  /** 'points' zooms to the points; 'world' shows the whole globe. */
  extent?: 'points' | 'world';
  width?: number;
  height?: number;
  /** Hide the legend, e.g. for a single-point locator map. */
  legend?: boolean;
  /** The least extent shown, in degrees, so that one or two close points keep some context. */
  minimumSpan?: number;
  className?: string;
}

/**
 * Country shapes load on demand, the light set (1:110m, 108 KB, 39 KB compressed) for the
 * world and for regions alike: under the points a region's outlines are context, and the
 * detailed set (1:50m) cost a reader 757 KB for them.
 */
async function loadCountries(): Promise<FeatureCollection<Geometry>> {
  const module = await import('world-atlas/countries-110m.json');
  const topology = module.default as unknown as Topology<{ countries: GeometryCollection }>;
  return feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
}

interface Bounds {
  west: number;
  east: number;
  south: number;
  north: number;
}

/**
 * The smallest longitude interval holding every point, so that a region straddling the
 * 180th meridian (Fiji, Samoa) is one span rather than the whole world.
 */
function longitudeSpan(longitudes: number[]): { west: number; east: number } {
  const sorted = [...longitudes].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? 0;
  let widestGap = first + 360 - last;
  let west = first;
  let east = last;
  for (let i = 1; i < sorted.length; i++) {
    const gap = (sorted[i] ?? 0) - (sorted[i - 1] ?? 0);
    if (gap > widestGap) {
      widestGap = gap;
      west = sorted[i] ?? 0;
      east = (sorted[i - 1] ?? 0) + 360;
    }
  }
  return { west, east };
}

/** Bounds of the points, widened to a minimum size and padded so no point sits on the edge. */
function pointBounds(points: MapPoint[], minimumSpan: number): Bounds {
  const { west, east } = longitudeSpan(points.map((p) => p.longitude));
  const latitudes = points.map((p) => p.latitude);
  let south = Math.min(...latitudes);
  let north = Math.max(...latitudes);
  const lonPad = Math.max((minimumSpan - (east - west)) / 2, 0) + (east - west) * 0.12 + 1.5;
  const latPad = Math.max((minimumSpan - (north - south)) / 2, 0) + (north - south) * 0.12 + 1.5;
  south = Math.max(south - latPad, -80);
  north = Math.min(north + latPad, 84);
  return { west: west - lonPad, east: east + lonPad, south, north };
}

function makeProjection(
  points: MapPoint[],
  extent: 'points' | 'world',
  minimumSpan: number,
  width: number,
  height: number,
): GeoProjection {
  const inset = 12;
  const box: [[number, number], [number, number]] = [
    [inset, inset],
    [width - inset, height - inset],
  ];
  if (extent === 'world' || points.length === 0) {
    return geoEqualEarth().fitExtent(box, { type: 'Sphere' });
  }
  const bounds = pointBounds(points, minimumSpan);
  const centre = (bounds.west + bounds.east) / 2;
  // Rotating to the centre keeps a region that crosses the antimeridian in one piece.
  const projection = geoMercator().rotate([-centre, 0]);
  projection.fitExtent(box, {
    type: 'MultiPoint',
    coordinates: [
      [bounds.west, bounds.south],
      [bounds.west, bounds.north],
      [bounds.east, bounds.south],
      [bounds.east, bounds.north],
      [centre, bounds.south],
      [centre, bounds.north],
    ],
  });
  return projection;
}

/**
 * A map of points over country outlines, drawn as SVG. Each point is a link (keyboard
 * focusable, named by its label); the legend explains the colours.
 */
export default function GeoMapView({
  points,
  series,
  title,
  extent = 'points',
  width = 960,
  height = 540,
  legend = true,
  minimumSpan = 8,
  className,
}: GeoMapProps) {
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  const projection = useMemo(
    () => makeProjection(points, extent, minimumSpan, width, height),
    [points, extent, minimumSpan, width, height],
  );
  const countries = useQuery({
    queryKey: ['world-atlas', '110m'],
    queryFn: loadCountries,
    staleTime: Infinity,
    gcTime: Infinity,
  });

  const countryPaths = useMemo(() => {
    if (!countries.data) return [];
    const path = geoPath(projection);
    return countries.data.features.map((country, index) => ({
      key: String(country.id ?? index),
      d: path(country) ?? '',
    }));
  }, [countries.data, projection]);

  const spherePath = useMemo(() => geoPath(projection)({ type: 'Sphere' }) ?? '', [projection]);

  // Earlier series in the legend are drawn last so that they sit on top.
  const order = new Map(series.map((s, i) => [s.key, i]));
  const colour = new Map(series.map((s) => [s.key, s.color]));
  const placed = points
    .map((point) => ({ point, xy: projection([point.longitude, point.latitude]) }))
    .filter((p): p is { point: MapPoint; xy: [number, number] } => p.xy !== null)
    .sort((a, b) => (order.get(b.point.series) ?? 99) - (order.get(a.point.series) ?? 99));

  const usedSeries = series.filter((s) => points.some((p) => p.series === s.key));
  const titleId = useId();

  function follow(event: MouseEvent, href: string) {
    // Same-page anchors are left to the browser, which scrolls to them and moves focus.
    if (href.startsWith('#')) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    void navigate(href);
  }

  return (
    <figure className={['geo-map', className].filter(Boolean).join(' ')}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="geo-map__svg"
        aria-labelledby={titleId}
        data-testid="geo-map"
      >
        <title id={titleId}>{title}</title>
        <rect className="geo-map__sea" width={width} height={height} />
        {extent === 'world' && <path className="geo-map__sphere" d={spherePath} />}
        <g className="geo-map__countries" aria-hidden="true">
          {countryPaths.map((c) => (
            <path key={c.key} d={c.d} />
          ))}
        </g>
        <g className="geo-map__points">
          {placed.map(({ point, xy: [x, y] }) => {
            const marker = (
              <>
                <title>{point.label}</title>
                <circle
                  cx={x}
                  cy={y}
                  r={legend ? 6 : 7}
                  fill={colour.get(point.series) ?? 'var(--map-point)'}
                />
              </>
            );
            return point.href ? (
              <a
                key={point.id}
                href={point.href}
                aria-label={point.label}
                className="geo-map__point"
                data-testid="map-point"
                onClick={(event) => follow(event, point.href as string)}
              >
                {marker}
              </a>
            ) : (
              <g key={point.id} className="geo-map__point" role="img" aria-label={point.label}>
                {marker}
              </g>
            );
          })}
        </g>
      </svg>
      {points.length === 0 && <p className="geo-map__empty">{t('map.noLocations')}</p>}
      {legend && usedSeries.length > 0 && (
        <figcaption className="geo-map__legend">
          <span className="visually-hidden">{t('map.legend')}: </span>
          <ul>
            {usedSeries.map((s) => (
              <li key={s.key}>
                <span
                  className="geo-map__swatch"
                  style={{ background: s.color }}
                  aria-hidden="true"
                />
                {s.label}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}

/**
 * The map, loaded when a page first shows one (React.lazy): d3-geo and the country shapes are
 * not in the download of a page without a map. Until they come, a frame of the map's own
 * proportions holds its place, so the page does not jump.
 */
import { Suspense } from 'react';
import type { GeoMapProps } from './GeoMapView';
import { lazyWithNamespaces } from '../i18n/lazy';

export type { GeoMapProps, MapPoint, MapSeries } from './GeoMapView';

const GeoMapView = lazyWithNamespaces(() => import('./GeoMapView'), []);

export function GeoMap(props: GeoMapProps) {
  const { width = 960, height = 540, className } = props;
  return (
    <Suspense
      fallback={
        <figure className={['geo-map', className].filter(Boolean).join(' ')}>
          <svg viewBox={`0 0 ${width} ${height}`} className="geo-map__svg" aria-hidden="true">
            <rect className="geo-map__sea" width={width} height={height} />
          </svg>
        </figure>
      }
    >
      <GeoMapView {...props} />
    </Suspense>
  );
}

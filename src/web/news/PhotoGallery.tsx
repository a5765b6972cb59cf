/**
 * A post's photos: thumbnails that open the full image in a modal dialog. The native <dialog>
 * traps focus, closes on Escape and hands focus back to the thumbnail, so the gallery needs no
 * focus management of its own; the arrow keys step through the photos while it is open.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { pickText } from './language';
import type { FileInfo } from './types';

export function PhotoGallery({ photos, lang }: { photos: readonly FileInfo[]; lang: string }) {
  const { t } = useTranslation('news');
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState<number | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (open !== null && element && !element.open) element.showModal();
  }, [open]);

  if (photos.length === 0) return null;
  const current = open === null ? null : photos[open];
  const count = photos.length;

  function step(by: number) {
    setOpen((index) => (index === null ? null : (index + by + count) % count));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'ArrowRight') {
      event.preventDefault();
      step(1);
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      step(-1);
    }
  }

  const captionOf = (photo: FileInfo) => pickText(photo.caption, lang);
  const currentCaption = current ? captionOf(current) : null;

  return (
    <section className="news-gallery" aria-labelledby={`${titleId}-gallery`}>
      <h2 id={`${titleId}-gallery`}>{t('post.photos')}</h2>
      <ul className="news-gallery__grid" data-testid="news-photos">
        {photos.map((photo, index) => {
          const caption = captionOf(photo);
          return (
            <li key={photo.id}>
              <figure className="news-gallery__item">
                <button
                  type="button"
                  className="news-gallery__thumb"
                  onClick={() => setOpen(index)}
                  data-testid={`news-photo-${photo.id}`}
                >
                  <img src={photo.thumbUrl ?? photo.url} alt="" loading="lazy" />
                  <span className="visually-hidden">
                    {t('gallery.open', {
                      number: formatNumber(index + 1, locale),
                      count: formatNumber(count, locale),
                    })}
                  </span>
                </button>
                {(caption || photo.credit) && (
                  <figcaption>
                    {caption && <span lang={caption.lang}>{caption.text}</span>}
                    {photo.credit && (
                      <span className="news-gallery__credit">
                        {t('gallery.credit', { credit: photo.credit })}
                      </span>
                    )}
                  </figcaption>
                )}
              </figure>
            </li>
          );
        })}
      </ul>
      <dialog
        ref={dialog}
        className="news-lightbox"
        aria-labelledby={titleId}
        onClose={() => setOpen(null)}
        onKeyDown={onKeyDown}
        onClick={(event) => {
          // A click on the backdrop lands on the dialog itself, not on its content.
          if (event.target === event.currentTarget) dialog.current?.close();
        }}
        data-testid="news-lightbox"
      >
        {current && open !== null && (
          <div className="news-lightbox__content">
            <p id={titleId} className="news-lightbox__count">
              {t('gallery.position', {
                number: formatNumber(open + 1, locale),
                count: formatNumber(count, locale),
              })}
            </p>
            <img
              className="news-lightbox__image"
              src={current.url}
              alt={currentCaption?.text ?? t('gallery.noCaption')}
              lang={currentCaption?.lang}
            />
            {(currentCaption || current.credit) && (
              <p className="news-lightbox__caption">
                {currentCaption && <span lang={currentCaption.lang}>{currentCaption.text}</span>}
                {current.credit && (
                  <span className="news-gallery__credit">
                    {t('gallery.credit', { credit: current.credit })}
                  </span>
                )}
              </p>
            )}
            <div className="news-lightbox__actions">
              {count > 1 && (
                <>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => step(-1)}
                  >
                    <span aria-hidden="true">← </span>
                    {t('common:previous')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => step(1)}
                  >
                    {t('common:next')}
                    <span aria-hidden="true"> →</span>
                  </button>
                </>
              )}
              <a className="button button--secondary" href={current.url}>
                {t('gallery.original')}
              </a>
              <button
                type="button"
                className="button"
                onClick={() => dialog.current?.close()}
                data-testid="news-lightbox-close"
              >
                {t('common:close')}
              </button>
            </div>
          </div>
        )}
      </dialog>
    </section>
  );
}

/** One published post as a card: cover, title, date, summary, and its language when not the reader's. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { fallbackLanguage, pickText } from './language';
import type { NewsSummary } from './types';

export function NewsCard({
  item,
  headingLevel = 2,
}: {
  item: NewsSummary;
  /** 2 on the news page; 3 where the list sits under its own section heading (home). */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { t } = useTranslation('news');
  const locale = useLocale();
  const other = fallbackLanguage(item.lang, locale);
  const caption = item.cover ? pickText(item.cover.caption, item.lang) : null;
  return (
    <article className="news-card" data-testid="news-item" aria-labelledby={`news-${item.id}`}>
      {item.cover && (
        // The title beside it names the post; the caption says what the photo shows.
        <img
          className="news-card__cover"
          src={item.cover.thumbUrl ?? item.cover.url}
          alt={caption?.text ?? ''}
          lang={caption?.lang}
          loading="lazy"
          width={160}
          height={107}
        />
      )}
      <div className="news-card__text">
        <Heading id={`news-${item.id}`} className="news-card__title" lang={item.lang}>
          <Link to={`/news/${encodeURIComponent(item.slug)}`}>{item.title}</Link>
        </Heading>
        <p className="news-card__meta">
          {item.publishedAt ? (
            <time dateTime={item.publishedAt}>{formatDate(item.publishedAt, locale)}</time>
          ) : (
            <span>{t('status.draft')}</span>
          )}
          {other && (
            <span className="tag" data-testid="news-other-language">
              {t('list.inLanguage', { language: languageName(other, locale) })}
            </span>
          )}
        </p>
        {item.summary && (
          <p className="news-card__summary" lang={item.lang}>
            {item.summary}
          </p>
        )}
      </div>
    </article>
  );
}

/**
 * The home page's news section: the newest published posts in the reader's language, with the
 * way to all of them. Its words are the home page's (home:news.*).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { useLocale } from '../components/locale';
import { NewsCard } from './NewsCard';
import { useNewsList } from './queries';
import './news.css';

/** How many of the newest published posts the front page shows. */
export const LATEST_NEWS_COUNT = 3;

/**
 * The newest published posts in the reader's language (the news API falls back to another
 * language per post, and the card says so), with the way to the whole list.
 */
export function LatestNews() {
  const { t } = useTranslation(['home', 'news']);
  const locale = useLocale();
  const news = useNewsList({
    lang: locale,
    page: 1,
    pageSize: LATEST_NEWS_COUNT,
    status: 'published',
  });
  return (
    <section className="panel" aria-labelledby="news-title" data-testid="home-news">
      <div className="panel__header">
        <h2 id="news-title">{t('home:news.title')}</h2>
        {news.data && news.data.total > 0 && (
          <Link to="/news" data-testid="home-news-all">
            {t('home:news.all', { count: news.data.total })}
          </Link>
        )}
      </div>
      {news.isPending ? (
        <Loading />
      ) : news.isError ? (
        <ErrorMessage error={news.error} />
      ) : news.data.items.length === 0 ? (
        <EmptyState title={t('home:news.empty')}>
          <p>{t('home:news.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ol className="news-list">
          {news.data.items.map((item) => (
            <li key={item.id}>
              <NewsCard item={item} headingLevel={3} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

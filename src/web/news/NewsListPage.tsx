/**
 * /news — the published posts in the reader's language. A post not written in it is shown in
 * the language the API fell back to, and says which, so nobody mistakes it for a translation.
 */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { Pagination } from '../components/Pagination';
import { useNewsList } from './queries';
import { NewsCard } from './NewsCard';
import './news.css';

const PAGE_SIZE = 10;

export default function NewsListPage() {
  const { t } = useTranslation(['news', 'common']);
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  usePageTitle(t('list.title'));
  const news = useNewsList({ lang: locale, page, pageSize: PAGE_SIZE, status: 'published' });

  return (
    <section className="news" aria-labelledby="news-list-title">
      <header className="page-header news-header">
        <div>
          <h1 id="news-list-title">{t('list.title')}</h1>
          <p className="page-header__lead">{t('list.lead')}</p>
        </div>
        <a
          className="news-feed-link"
          href={`/api/v1/news/feed.xml?lang=${encodeURIComponent(locale)}`}
          type="application/atom+xml"
          data-testid="news-feed"
        >
          {t('list.feed', { language: languageName(locale, locale) })}
        </a>
      </header>
      {news.isPending ? (
        <Loading />
      ) : news.isError ? (
        <ErrorMessage error={news.error} />
      ) : news.data.items.length === 0 ? (
        <EmptyState title={t('list.empty')}>
          <p>{t('list.emptyHint')}</p>
        </EmptyState>
      ) : (
        <>
          <ol className="news-list" data-testid="news-list">
            {news.data.items.map((item) => (
              <li key={item.id}>
                <NewsCard item={item} />
              </li>
            ))}
          </ol>
          <Pagination
            page={news.data.page}
            pageSize={news.data.pageSize}
            total={news.data.total}
            onPage={(next) => setParams(next > 1 ? { page: String(next) } : {})}
          />
        </>
      )}
    </section>
  );
}

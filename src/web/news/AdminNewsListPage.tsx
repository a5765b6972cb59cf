/** /admin/news — every post, drafts included, newest first, for the secretariat to edit. */
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { formatDate, languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { SavedMessage } from '../forms/form';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { Pagination } from '../components/Pagination';
import { orderLanguages } from './language';
import { useNewsList } from './queries';
import { ScrollFrame } from '../components/ScrollFrame';
import './news.css';

const PAGE_SIZE = 25;

export default function AdminNewsListPage() {
  const { t } = useTranslation(['news', 'common']);
  const locale = useLocale();
  const location = useLocation();
  const deleted = (location.state as { notice?: string } | null)?.notice === 'deleted';
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  usePageTitle(t('admin.title'));
  const news = useNewsList({ lang: locale, page, pageSize: PAGE_SIZE, status: 'all' });

  return (
    <section aria-labelledby="admin-news-title">
      <div className="admin-heading">
        <h1 id="admin-news-title">{t('admin.title')}</h1>
        <Link className="button" to="/admin/news/new" data-testid="news-new">
          {t('admin.new')}
        </Link>
      </div>
      {deleted && <SavedMessage testId="news-deleted">{t('editor.deleted')}</SavedMessage>}
      {news.isPending ? (
        <Loading />
      ) : news.isError ? (
        <ErrorMessage error={news.error} />
      ) : news.data.items.length === 0 ? (
        <EmptyState title={t('admin.empty')} />
      ) : (
        <>
          <ScrollFrame className="admin-table-wrap" label={t('admin.title')}>
            <table className="admin-table">
              <caption className="visually-hidden">{t('admin.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.title')}</th>
                  <th scope="col">{t('fields.status')}</th>
                  <th scope="col">{t('fields.languages')}</th>
                  <th scope="col">{t('fields.publishedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {news.data.items.map((item) => (
                  <tr key={item.id} data-testid="admin-news-row">
                    <th scope="row">
                      <Link to={`/admin/news/${encodeURIComponent(item.slug)}`} lang={item.lang}>
                        {item.title}
                      </Link>
                      {item.isDemo && (
                        <span className="admin-badge admin-badge--demo">{t('admin:demo')}</span>
                      )}
                    </th>
                    <td>
                      <span className={`badge news-status news-status--${item.status}`}>
                        {t(`status.${item.status}`)}
                      </span>
                    </td>
                    <td>
                      {orderLanguages(item.languages)
                        .map((lang) => languageName(lang, locale))
                        .join(', ')}
                    </td>
                    <td>{item.publishedAt ? formatDate(item.publishedAt, locale) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
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

/**
 * /news/:slug — one post in the language the reader chose (the switcher lists the languages it
 * is written in), with its photos and the meeting, body and governments it is about.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api';
import { formatDate, languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { mayDo, useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../components/DataState';
import { GovernmentName } from '../components/GovernmentName';
import { fallbackLanguage, orderLanguages, pickText, postLanguage } from './language';
import { PhotoGallery } from './PhotoGallery';
import { useNewsPost } from './queries';
import type { NewsPost } from './types';
import './news.css';

export default function NewsPostPage() {
  const { slug = '' } = useParams();
  const locale = useLocale();
  const post = useNewsPost(slug, locale);
  if (post.isPending) return <Loading />;
  if (post.isError) {
    if (post.error instanceof ApiError && post.error.status === 404) return <PostNotFound />;
    return <ErrorMessage error={post.error} />;
  }
  return <PostView post={post.data} />;
}

function PostNotFound() {
  const { t } = useTranslation('news');
  usePageTitle(t('post.notFound'));
  return (
    <div className="not-found" data-testid="news-not-found">
      <h1>{t('post.notFound')}</h1>
      <p>{t('post.notFoundBody')}</p>
      <p>
        <Link className="button" to="/news">
          {t('post.backToNews')}
        </Link>
      </p>
    </div>
  );
}

function PostView({ post }: { post: NewsPost }) {
  const { t } = useTranslation(['news', 'common']);
  const locale = useLocale();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const shown = postLanguage(post.languages, params.get('lang'), locale, post.lang);
  const translation = post.translations[shown] ?? {
    title: post.title,
    summary: post.summary,
    bodyHtml: '',
  };
  const languages = orderLanguages(post.languages);
  const other = fallbackLanguage(shown, locale);
  usePageTitle(translation.title);

  const meetingTitle = post.meeting ? pickText(post.meeting.title, shown) : null;
  const bodyName = post.body ? pickText(post.body.names, shown) : null;

  return (
    <article className="news-post" aria-labelledby="news-title">
      <nav className="breadcrumbs" aria-label={t('post.breadcrumbs')}>
        <Link to="/news">{t('list.title')}</Link>
      </nav>
      <header className="news-post__header">
        <h1 id="news-title" lang={shown} data-testid="news-title">
          {translation.title}
        </h1>
        <p className="news-post__meta">
          {post.publishedAt ? (
            <time dateTime={post.publishedAt}>
              {t('post.published', { date: formatDate(post.publishedAt, locale) })}
            </time>
          ) : (
            <span className="badge" data-testid="news-draft">
              {t('status.draft')}
            </span>
          )}
          {other && (
            <span className="tag">
              {t('list.inLanguage', { language: languageName(other, locale) })}
            </span>
          )}
          {post.isDemo && <span className="tag">{t('post.demo')}</span>}
        </p>
        {languages.length > 1 && (
          <div className="news-languages" role="group" aria-label={t('post.languages')}>
            {languages.map((lang) => (
              <button
                key={lang}
                type="button"
                className="button button--secondary button--small"
                aria-pressed={lang === shown}
                lang={lang}
                onClick={() => setParams(lang === locale ? {} : { lang }, { replace: true })}
                data-testid={`news-lang-${lang}`}
              >
                {languageName(lang, lang)}
              </button>
            ))}
          </div>
        )}
        {mayDo(user, 'news.manage') && (
          <p>
            <Link
              className="button button--secondary button--small"
              to={`/admin/news/${encodeURIComponent(post.slug)}`}
              data-testid="news-edit"
            >
              {t('common:edit')}
            </Link>
          </p>
        )}
      </header>

      {translation.summary && (
        <p className="news-post__summary" lang={shown}>
          {translation.summary}
        </p>
      )}
      <div
        className="news-post__body"
        lang={shown}
        data-testid="news-body"
        // bodyHtml is sanitised by the server (sanitizeRichText) when the post is saved and
        // allows only text markup (paragraphs, headings, lists, links, emphasis, tables).
        dangerouslySetInnerHTML={{ __html: translation.bodyHtml }}
      />

      <PhotoGallery photos={post.photos} lang={shown} />

      {(post.meeting || post.body || post.governments.length > 0) && (
        <aside className="news-related panel" aria-labelledby="news-related-title">
          <h2 id="news-related-title">{t('post.related')}</h2>
          <dl className="news-related__list">
            {post.meeting && (
              <div>
                <dt>{t('post.meeting')}</dt>
                <dd>
                  <Link to={`/meetings/${post.meeting.id}`} data-testid="news-meeting">
                    <span lang={meetingTitle?.lang}>
                      {meetingTitle?.text ?? t('post.meetingUntitled')}
                    </span>
                  </Link>{' '}
                  <time className="muted" dateTime={post.meeting.startsAt}>
                    {formatDate(post.meeting.startsAt, locale)}
                  </time>
                </dd>
              </div>
            )}
            {post.body && (
              <div>
                <dt>{t('post.body')}</dt>
                <dd>
                  <Link
                    to={`/bodies/${encodeURIComponent(post.body.slug)}`}
                    data-testid="news-body-link"
                  >
                    <span lang={bodyName?.lang}>{bodyName?.text ?? post.body.slug}</span>
                  </Link>
                </dd>
              </div>
            )}
            {post.governments.length > 0 && (
              <div>
                <dt>{t('post.governments')}</dt>
                <dd>
                  <ul className="news-related__governments">
                    {post.governments.map((g) => (
                      <li key={g.id}>
                        <Link to={`/members/${encodeURIComponent(g.slug)}`}>
                          <GovernmentName names={g.names} localLang={g.localLang} />
                        </Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
          </dl>
        </aside>
      )}
    </article>
  );
}

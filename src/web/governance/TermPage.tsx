/** /bodies/:slug/terms/:termId — who sat on a body during one term. */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { mayDo, useSession } from '../auth/session';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { ErrorMessage, Loading } from '../components/DataState';
import { SeatGrid } from './body-admin';
import { TermDates } from './parts';
import { useBody, useTerm } from './queries';
import { pickText } from './text';
import '../components/admin.css';
import './governance.css';

export default function TermPage() {
  const { slug = '', termId } = useParams();
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const { user } = useSession();
  const body = useBody(slug);
  const term = useTerm(Number(termId));
  const bodyName = body.data ? pickText(body.data.names, locale).text : slug;
  usePageTitle(term.data ? `${term.data.label} · ${bodyName}` : bodyName);
  if (term.isPending || body.isPending) return <Loading />;
  if (term.isError) return <ErrorMessage error={term.error} />;
  if (body.isError) return <ErrorMessage error={body.error} />;
  return (
    <div className="gov-page">
      <p className="breadcrumbs">
        <Link to="/bodies">{t('bodies.title')}</Link> ›{' '}
        <Link to={`/bodies/${slug}`}>{bodyName}</Link>
      </p>
      <header className="page-header">
        <h1>{t('termPage.title', { label: term.data.label, body: bodyName })}</h1>
        <p className="page-header__lead">
          <TermDates term={term.data} />
        </p>
      </header>
      <section className="panel" aria-labelledby="term-seats">
        <h2 id="term-seats">{t('termPage.seats')}</h2>
        <SeatGrid
          seats={term.data.seats}
          bodySlug={slug}
          termId={term.data.id}
          canManage={mayDo(user, 'body.manage')}
        />
      </section>
    </div>
  );
}

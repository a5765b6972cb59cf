/** /bodies — the governing bodies of the network with their current term and seats. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { BODY_KINDS } from '../../core/governance/meeting';
import { mayDo, useSession } from '../auth/session';
import { BodyCreateForm } from './body-create';
import { pickText } from './text';
import { useBodies } from './queries';
import type { BodySummary } from './types';
import './governance.css';

function BodyCard({ body }: { body: BodySummary }) {
  const { t } = useTranslation(['governance', 'common']);
  const locale = useLocale();
  const name = pickText(body.names, locale);
  const term = body.currentTerm;
  return (
    <li className="gov-body-card" data-testid={`body-${body.slug}`}>
      <h3 className="gov-body-card__name">
        <Link to={`/bodies/${body.slug}`} lang={name.lang === locale ? undefined : name.lang}>
          {name.text}
        </Link>
      </h3>
      <p className="gov-body-card__kind">
        <span className="badge gov-kind">{t(`kinds.${body.kind}`)}</span>
        {body.region && <> {t(`common:regions.${body.region}`, { defaultValue: body.region })}</>}
        {body.isDemo && <span className="tag">{t('bodies.demo')}</span>}
      </p>
      {term ? (
        <p className="gov-body-card__term">
          {t('bodies.currentTerm', {
            label: term.label,
            from: formatDate(term.startsOn, locale),
            to: formatDate(term.endsOn, locale),
          })}
          <br />
          <span className="gov-body-card__seats">
            {t('bodies.seatCount', {
              count: term.seatCount,
              formatted: formatNumber(term.seatCount, locale),
            })}
          </span>
        </p>
      ) : (
        <p className="muted">{t('bodies.noTerm')}</p>
      )}
    </li>
  );
}

export default function BodiesPage() {
  const { t } = useTranslation('governance');
  usePageTitle(t('bodies.title'));
  const bodies = useBodies();
  const { user } = useSession();
  const [creating, setCreating] = useState(false);
  return (
    <div className="gov-page">
      <header className="page-header">
        <h1>{t('bodies.title')}</h1>
        <p className="page-header__lead">{t('bodies.lead')}</p>
        <p>
          <Link to="/meetings">{t('bodies.allMeetings')}</Link>
        </p>
        {mayDo(user, 'body.manage') && !creating && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setCreating(true)}
            data-testid="new-body"
          >
            {t('bodyForm.open')}
          </button>
        )}
      </header>
      {creating && <BodyCreateForm onCancel={() => setCreating(false)} />}
      {bodies.isPending ? (
        <Loading />
      ) : bodies.isError ? (
        <ErrorMessage error={bodies.error} />
      ) : bodies.data.items.length === 0 ? (
        <EmptyState title={t('bodies.empty')} />
      ) : (
        BODY_KINDS.map((kind) => {
          const ofKind = bodies.data.items.filter((b) => b.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <section key={kind} className="gov-body-group" aria-labelledby={`kind-${kind}`}>
              <h2 id={`kind-${kind}`}>{t(`kindsPlural.${kind}`)}</h2>
              <ul className="gov-body-list">
                {ofKind.map((body) => (
                  <BodyCard key={body.slug} body={body} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}

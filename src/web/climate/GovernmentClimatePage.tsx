/** /members/:slug/climate — one government's targets, progress, emissions, inventory, actions. */
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api';
import { SavedMessage } from '../forms/form';
import { canEdit, useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../components/DataState';
import { GovernmentName, governmentNameText } from '../components/GovernmentName';
import { countryName } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { ActionsSection } from './ActionsSection';
import { EmissionSources } from './EmissionSources';
import { InventorySection } from './InventorySection';
import { TargetsSection } from './TargetsSection';
import { AsOfSelect, useAsOf } from './as-of';
import { useActions, useEmissions, useGovernment, useInventories, useTargets } from './queries';
import './climate.css';

export type ClimateNotice =
  'target-saved' | 'target-created' | 'action-saved' | 'action-created' | 'inventory-saved';

export default function GovernmentClimatePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation(['climate', 'common']);
  const locale = useLocale();
  const { user } = useSession();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const asOf = useAsOf(params);
  const government = useGovernment(slug);
  // The records load once the government is known to exist (no four 404s for a wrong slug).
  const found = government.isSuccess;
  const targets = useTargets(slug, asOf, found);
  const emissions = useEmissions(slug, found);
  const inventories = useInventories(slug, found);
  const actions = useActions(slug, found);
  const g = government.data;
  const name = g ? governmentNameText(g.names, g.localLang, locale) : null;
  usePageTitle(name ? t('page.documentTitle', { name }) : t('page.heading'));
  const notice = (location.state as { notice?: ClimateNotice } | null)?.notice;

  if (government.isPending) return <Loading />;
  if (government.isError) {
    if (government.error instanceof ApiError && government.error.status === 404) {
      return (
        <div className="not-found" data-testid="climate-not-found">
          <h1>{t('page.notFound')}</h1>
          <p>
            <Link className="button" to="/members">
              {t('page.backToMembers')}
            </Link>
          </p>
        </div>
      );
    }
    return <ErrorMessage error={government.error} />;
  }
  if (!g) return null;
  const editable = canEdit(user, g.id);

  return (
    <article className="climate-page" data-testid="climate-page">
      <nav className="breadcrumbs" aria-label={t('page.breadcrumbs')}>
        <Link to="/members">{t('common:nav.members')}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={`/members/${g.slug}`}>{name}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('page.crumb')}</span>
      </nav>
      <header className="profile__header">
        <div>
          <p className="climate-eyebrow">{t('page.heading')}</p>
          <h1 className="profile__name">
            <GovernmentName names={g.names} localLang={g.localLang} />
          </h1>
          <p className="profile__subtitle">
            {t(`common:kinds.${g.kind}`)} · {countryName(g.country, locale)}
          </p>
        </div>
        <AsOfSelect
          value={asOf}
          current={targets.data?.asOfYear ?? null}
          onChange={(year) => {
            const next = new URLSearchParams(params);
            if (year === null) next.delete('asOf');
            else next.set('asOf', String(year));
            setParams(next, { replace: true });
          }}
        />
      </header>
      <p className="page-header__lead">{t('page.lead')}</p>

      {notice && <SavedMessage testId="climate-saved">{t(`notices.${notice}`)}</SavedMessage>}

      {targets.isPending ? (
        <Loading />
      ) : targets.isError ? (
        <ErrorMessage error={targets.error} />
      ) : (
        <TargetsSection
          targets={targets.data.items}
          series={emissions.data}
          slug={g.slug}
          editable={editable}
        />
      )}

      {emissions.isPending ? (
        <Loading />
      ) : emissions.isError ? (
        <ErrorMessage error={emissions.error} />
      ) : (
        <EmissionSources series={emissions.data} slug={g.slug} editable={editable} />
      )}

      {inventories.isPending ? (
        <Loading />
      ) : inventories.isError ? (
        <ErrorMessage error={inventories.error} />
      ) : (
        <InventorySection inventories={inventories.data.items} slug={g.slug} editable={editable} />
      )}

      {actions.isPending ? (
        <Loading />
      ) : actions.isError ? (
        <ErrorMessage error={actions.error} />
      ) : (
        <ActionsSection
          actions={actions.data.items}
          targets={targets.data?.items ?? []}
          slug={g.slug}
          editable={editable}
        />
      )}
    </article>
  );
}

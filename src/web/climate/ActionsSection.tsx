/** A government's climate actions: status, sector, expected reduction, SDGs, linked targets. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { useProblemText } from '../forms/form';
import { formatDate, formatNumber } from '../components/format';
import { EmptyState } from '../components/DataState';
import { useLocale } from '../components/locale';
import { translated } from '../components/translated';
import { useClimateFormat } from './format';
import { HistoryPanel } from './HistoryPanel';
import { ConfirmButton, useGpcNames } from './parts';
import { refreshClimate } from './queries';
import type { Action, Target } from './types';

function ActionCard({
  action,
  targets,
  slug,
  editable,
}: {
  action: Action;
  targets: Map<number, Target>;
  slug: string;
  editable: boolean;
}) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const locale = useLocale();
  const gpc = useGpcNames();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const remove = useMutation({
    mutationFn: () => api.del(`/api/v1/actions/${action.id}`),
    onSuccess: () => refreshClimate(queryClient, slug),
  });
  const titleOf = (target: Target | undefined) =>
    target ? translated(target.titles, target.title, locale) : '';
  const period =
    action.startDate || action.endDate
      ? t('actions.period', {
          start: action.startDate ? formatDate(action.startDate, f.locale) : '…',
          end: action.endDate ? formatDate(action.endDate, f.locale) : '…',
        })
      : null;
  return (
    <li className="climate-action" data-testid="climate-action" id={`action-${action.id}`}>
      <div className="climate-action__head">
        <h3 className="climate-action__title">{translated(action.titles, action.title, locale)}</h3>
        <span className={`climate-action-status climate-action-status--${action.status}`}>
          {t(`actionStatuses.${action.status}`)}
        </span>
      </div>
      <dl className="climate-action__facts">
        <div>
          <dt>{t('fields.sector')}</dt>
          <dd>{action.sector ? `${action.sector} ${gpc.sector(action.sector)}` : t('notGiven')}</dd>
        </div>
        <div>
          <dt>{t('fields.expectedReduction')}</dt>
          <dd>
            {action.expectedReduction === null
              ? t('notGiven')
              : t('units.perYear', { value: f.tonnes(action.expectedReduction) })}
          </dd>
        </div>
        {period && (
          <div>
            <dt>{t('actions.when')}</dt>
            <dd>{period}</dd>
          </div>
        )}
        {action.cost !== null && (
          <div>
            <dt>{t('fields.cost')}</dt>
            <dd>
              {action.costCurrency
                ? formatNumber(action.cost, f.locale, {
                    style: 'currency',
                    currency: action.costCurrency,
                    maximumFractionDigits: 0,
                  })
                : f.number(action.cost)}
            </dd>
          </div>
        )}
      </dl>
      {action.description && <p className="climate-action__description">{action.description}</p>}
      {action.sdgs.length > 0 && (
        <ul className="climate-sdgs" aria-label={t('fields.sdgs')}>
          {action.sdgs.map((goal) => (
            <li key={goal} className={`climate-sdg climate-sdg--${goal}`}>
              {t('actions.sdg', { goal })}
            </li>
          ))}
        </ul>
      )}
      {action.coBenefits.length > 0 && (
        <p className="climate-action__benefits">
          <span className="muted">{t('fields.coBenefits')}:</span>{' '}
          {action.coBenefits.join(t('list.separator'))}
        </p>
      )}
      {action.targetIds.length > 0 && (
        <p className="climate-action__targets">
          <span className="muted">{t('actions.linkedTargets')}:</span>{' '}
          {action.targetIds.map((id, index) => (
            <span key={id}>
              {index > 0 && t('list.separator')}
              {targets.has(id) ? (
                <a href={`#target-${id}`}>{titleOf(targets.get(id))}</a>
              ) : (
                t('actions.unknownTarget', { id })
              )}
            </span>
          ))}
        </p>
      )}
      {editable && (
        <div className="climate-tools">
          <Link
            className="button button--small button--secondary"
            to={`/members/${slug}/climate/actions/${action.id}/edit`}
            data-testid="action-edit"
          >
            {t('common:edit')}
          </Link>
          <ConfirmButton
            label={t('common:delete')}
            question={t('actions.deleteQuestion')}
            confirmLabel={t('actions.deleteConfirm')}
            onConfirm={() => remove.mutate()}
            pending={remove.isPending}
            danger
            testId="action-delete"
          />
        </div>
      )}
      {remove.isError && (
        <p className="climate-error" role="alert">
          {problemText(remove.error)}
        </p>
      )}
      {editable && (
        <HistoryPanel entityType="action" id={action.id} slug={slug} canRestore={editable} />
      )}
    </li>
  );
}

export function ActionsSection({
  actions,
  targets,
  slug,
  editable,
}: {
  actions: Action[];
  targets: Target[];
  slug: string;
  editable: boolean;
}) {
  const { t } = useTranslation('climate');
  const byId = new Map(targets.map((target) => [target.id, target]));
  return (
    <section className="panel climate-section" aria-labelledby="climate-actions-title">
      <div className="panel__header">
        <h2 id="climate-actions-title">{t('actions.title')}</h2>
        {editable && (
          <Link
            className="button button--small"
            to={`/members/${slug}/climate/actions/new`}
            data-testid="action-new"
          >
            {t('actions.add')}
          </Link>
        )}
      </div>
      {actions.length === 0 ? (
        <EmptyState title={t('actions.emptyTitle')}>
          <p>{editable ? t('actions.emptyEditable') : t('actions.empty')}</p>
        </EmptyState>
      ) : (
        <ul className="climate-actions" data-testid="climate-actions">
          {actions.map((action) => (
            <ActionCard
              key={action.id}
              action={action}
              targets={byId}
              slug={slug}
              editable={editable}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

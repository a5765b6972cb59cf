/**
 * The saved versions of one climate record, who made each and what it changed, with a way back
 * to an earlier version. Loads only when opened.
 */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useProblemText } from '../forms/form';
import { ErrorMessage, Loading } from '../components/DataState';
import { actorText } from '../components/ActorName';
import { useClimateFormat } from './format';
import { versionSummaries } from './history';
import { ConfirmButton } from './parts';
import { refreshClimate, useHistory } from './queries';
import type { HistoryEntityType } from './types';

export function HistoryPanel({
  entityType,
  id,
  slug,
  canRestore,
  onRestored,
}: {
  entityType: HistoryEntityType;
  id: number;
  slug: string;
  canRestore: boolean;
  /** Called with the restored record, e.g. to refill an open form. */
  onRestored?(record: unknown): void;
}) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const [open, setOpen] = useState(false);
  const history = useHistory(entityType, id, open);
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [restored, setRestored] = useState<number | null>(null);
  const restore = useMutation({
    mutationFn: (version: number) =>
      api.post<unknown>(`/api/v1/history/${entityType}/${id}/restore`, { version }),
    onSuccess: (record, version) => {
      setRestored(version);
      refreshClimate(queryClient, slug);
      onRestored?.(record);
    },
  });

  return (
    <details
      className="climate-history"
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
      data-testid="climate-history"
    >
      <summary>{t('history.title')}</summary>
      {!open ? null : history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorMessage error={history.error} />
      ) : history.data.versions.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <>
          {restored !== null && (
            <p className="climate-notice" role="status">
              {t('history.restored', { version: restored })}
            </p>
          )}
          {restore.isError && (
            <p className="climate-error" role="alert">
              {problemText(restore.error)}
            </p>
          )}
          <ol className="climate-history__list">
            {versionSummaries(history.data.versions).map((v) => (
              <li key={`${v.version}-${v.at}`} className="climate-history__item">
                <p className="climate-history__head">
                  <strong>{t('history.version', { version: v.version })}</strong>{' '}
                  <span className={`climate-change climate-change--${v.change}`}>
                    {t(`history.changes.${v.change}`)}
                  </span>{' '}
                  <span className="muted">
                    {t('history.byAt', { actor: actorText(t, v.actor), at: f.dateTime(v.at) })}
                  </span>
                  {v.current && <span className="tag">{t('history.current')}</span>}
                </p>
                {v.fields.length > 0 && (
                  <p className="climate-history__fields">
                    {t('history.changed', {
                      fields: v.fields
                        .map((field) => t(`fields.${field}`, { defaultValue: field }))
                        .join(t('list.separator')),
                    })}
                  </p>
                )}
                {canRestore && !v.current && v.change !== 'delete' && (
                  <ConfirmButton
                    label={t('history.restore')}
                    question={t('history.restoreQuestion', { version: v.version })}
                    confirmLabel={t('history.restoreConfirm')}
                    onConfirm={() => restore.mutate(v.version)}
                    pending={restore.isPending}
                    testId="history-restore"
                  />
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </details>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { problemText } from './problem-text';

/** A polite, announced placeholder while data loads. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation('common');
  return (
    <p className="data-state data-state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </p>
  );
}

/** Shows why a request failed; the server's problem detail when it gave one. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation('common');
  let detail: string | null = null;
  if (error instanceof ApiError) detail = problemText(error) ?? error.detail ?? error.title;
  else if (error instanceof Error && error.message) detail = error.message;
  return (
    <div className="data-state data-state--error" role="alert">
      <p className="data-state__title">{t('error')}</p>
      {detail && <p className="data-state__detail">{detail}</p>}
    </div>
  );
}

/** Shown when a list or section has nothing in it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="data-state data-state--empty">
      <p className="data-state__title">{title}</p>
      {children && <div className="data-state__detail">{children}</div>}
    </div>
  );
}

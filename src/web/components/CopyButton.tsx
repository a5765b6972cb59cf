import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Copies a secret (a generated password, an API token) to the clipboard and says so.
 * Where the clipboard is unavailable (plain http, old browsers) the text stays selectable.
 */
export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const { t } = useTranslation('admin');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          if (!navigator.clipboard) {
            setState('failed');
            return;
          }
          navigator.clipboard.writeText(text).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
        data-testid={testId}
      >
        {t('secret.copy')}
      </button>
      <span role="status" className="admin-copy-status">
        {state === 'copied' ? t('secret.copied') : state === 'failed' ? t('secret.copyFailed') : ''}
      </span>
    </>
  );
}

/** A secret shown once, with a warning that it will not be shown again. */
export function OneTimeSecret({
  label,
  secret,
  onDismiss,
  testId,
}: {
  label: string;
  secret: string;
  onDismiss(): void;
  testId: string;
}) {
  const { t } = useTranslation('admin');
  return (
    <div className="admin-secret" role="region" aria-label={label}>
      <p className="admin-secret__label">{label}</p>
      <p className="admin-secret__warning">{t('secret.onceWarning')}</p>
      <div className="admin-secret__value">
        <code data-testid={testId}>{secret}</code>
        <CopyButton text={secret} testId={`${testId}-copy`} />
      </div>
      <button type="button" className="button button--small" onClick={onDismiss}>
        {t('secret.dismiss')}
      </button>
    </div>
  );
}

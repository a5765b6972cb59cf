/** Small pieces the climate pages share: status badge, progress meter, confirmations. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentStatus } from './types';
import { useClimateFormat } from './format';

/** The computed status of a target as a coloured label. */
export function StatusBadge({
  status,
  testId = 'climate-target-status',
}: {
  status: AssessmentStatus;
  testId?: string;
}) {
  const { t } = useTranslation('climate');
  return (
    <span
      className={`climate-status climate-status--${status}`}
      data-status={status}
      data-testid={testId}
    >
      {t(`status.${status}`)}
    </span>
  );
}

/**
 * A horizontal bar for a share (0.414 = 41.4 %). The bar stops at the ends; the figure says
 * the real value, which can be below zero (emissions rose) or above 100 % (beyond the target).
 */
export function ShareBar({
  fraction,
  label,
  variant = 'computed',
  compact = false,
}: {
  fraction: number;
  label: string;
  variant?: 'computed' | 'reported';
  compact?: boolean;
}) {
  const f = useClimateFormat();
  const width = Math.max(0, Math.min(1, fraction)) * 100;
  const text = f.share(fraction);
  return (
    <div
      className={`climate-bar climate-bar--${variant}${compact ? ' climate-bar--compact' : ''}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(Math.max(0, Math.min(1, fraction)) * 1000) / 10}
      aria-valuetext={text}
    >
      <div className="climate-bar__fill" style={{ width: `${width}%` }} />
    </div>
  );
}

/**
 * A button that asks before it acts: the first press shows the question with confirm and
 * cancel, and moves focus to the confirm button so keyboard users land on it.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending = false,
  danger = false,
  testId,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm(): void;
  pending?: boolean;
  danger?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('common');
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button
        ref={opener}
        type="button"
        className={`button button--small ${danger ? 'button--secondary climate-danger-text' : 'button--secondary'}`}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="climate-confirm" role="group" aria-label={question}>
      <span className="climate-confirm__question">{question}</span>
      <button
        ref={confirm}
        type="button"
        className={`button button--small${danger ? ' button--danger' : ''}`}
        onClick={() => {
          onConfirm();
          setAsking(false);
        }}
        disabled={pending}
        data-testid={testId ? `${testId}-confirm` : undefined}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => setAsking(false)}
      >
        {t('cancel')}
      </button>
    </span>
  );
}

/** A labelled value in a definition list. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="climate-facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** "I.1 Residential buildings" in the viewer's language. */
export function useGpcNames() {
  const { t } = useTranslation('climate');
  return {
    sector: (code: string) => t(`gpc.sectors.${code}`, { defaultValue: code }),
    subsector: (code: string) =>
      t(`gpc.subsectors.${code.replace(/\./g, '_')}`, { defaultValue: code }),
  };
}

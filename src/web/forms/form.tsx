import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../api';
import { problemText } from '../components/problem-text';
import { assignFieldErrors, fieldDetailKey } from './field-problems';

/** What went wrong with a submit: a message for the summary and the fields it names. */
export interface SubmitProblem {
  message: string | null;
  errors: FieldError[];
  status: number | null;
  /** The server's code for the problem, where it gave one. */
  code?: string | undefined;
}

/**
 * Reads an error thrown by api.* (or anything else) into a SubmitProblem, in the reader's
 * language: the problem and each field's problem by their codes (src/web/i18n/problems.ts),
 * the server's English only where a code has no words.
 */
export function submitProblem(error: unknown): SubmitProblem {
  if (error instanceof ApiError) {
    const errors = error.errors.map((e) => ({ ...e, detail: problemText(e) ?? e.detail }));
    const message = errors.length > 0 ? null : (problemText(error) ?? error.detail ?? error.title);
    return { message, errors, status: error.status, code: error.code };
  }
  return { message: error instanceof Error ? error.message : null, errors: [], status: null };
}

/** The state of a form's submit: what went wrong last, and how many submits have failed. */
export interface SubmitState {
  problem: SubmitProblem | null;
  /** Counts failed submits, so the error summary takes focus again on each one. */
  attempt: number;
  /** The server refused (an ApiError or anything thrown). */
  fail(error: unknown): void;
  /** Checks in the browser failed: these problems, by JSON pointer, go beside their fields. */
  reject(errors: FieldError[], message?: string | null): void;
  /** A problem the form has already read, e.g. with its message reworded for the page. */
  show(problem: SubmitProblem): void;
  /** Takes the problem away, as after a save or before a new try; the count stays. */
  clear(): void;
}

/** One form's submit state; a page with several independent forms keeps one per form. */
export function useSubmitState(): SubmitState {
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const show = useCallback((next: SubmitProblem) => {
    setProblem(next);
    setAttempt((n) => n + 1);
  }, []);
  const fail = useCallback((error: unknown) => show(submitProblem(error)), [show]);
  const reject = useCallback(
    (errors: FieldError[], message: string | null = null) => show({ message, errors, status: 400 }),
    [show],
  );
  const clear = useCallback(() => setProblem(null), []);
  return useMemo(
    () => ({ problem, attempt, fail, reject, show, clear }),
    [problem, attempt, fail, reject, show, clear],
  );
}

/** Translates a validator message ("must be >= 0") into the viewer's language when it knows it. */
export function useFieldDetail(): (detail: string) => string {
  const { t, i18n } = useTranslation('admin');
  return useCallback(
    (detail: string) => {
      const known = fieldDetailKey(detail);
      if (!known) return detail;
      const values = Object.fromEntries(
        Object.entries(known.values).map(([k, v]) => [
          k,
          typeof v === 'number' ? new Intl.NumberFormat(i18n.language).format(v) : v,
        ]),
      );
      return t(`validation.${known.key}`, values);
    },
    [t, i18n.language],
  );
}

/** One line saying why an action failed, for buttons that have no form to mark up. */
export function useProblemText(): (error: unknown) => string {
  const { t } = useTranslation('admin');
  const translate = useFieldDetail();
  return useCallback(
    (error: unknown) => {
      const problem = submitProblem(error);
      const first = problem.errors[0];
      if (first) return translate(first.detail);
      if (problem.status === 412) return t('form.staleWrite');
      // A refusal that says why (a voter's standing, an officer's own government) says it.
      const coded = error instanceof ApiError && error.code !== 'not-allowed';
      if (problem.status === 403 && !coded) return t('form.forbidden');
      if (problem.status === null) return t('form.networkError');
      return problem.message ?? t('form.failed');
    },
    [t, translate],
  );
}

export interface FormFieldSpec {
  /** JSON Pointer of the field in the request body, e.g. "/population". */
  pointer: string;
  /** The id of the input, for the label and for links from the summary. */
  id: string;
  label: string;
}

export interface SummaryItem {
  id: string | null;
  label: string | null;
  message: string;
}

/**
 * Spreads a submit problem over a form: the message for each field (by pointer) and the
 * list for the summary at the top, in the order of the form's fields.
 */
export function useFormProblems(
  fields: readonly FormFieldSpec[],
  problem: SubmitProblem | null,
  groupFallbacks?: Readonly<Record<string, string>>,
) {
  const { t } = useTranslation('admin');
  const translate = useFieldDetail();
  return useMemo(() => {
    const errors = problem?.errors ?? [];
    const { byField, unassigned } = assignFieldErrors(
      errors,
      fields.map((f) => f.pointer),
      groupFallbacks,
    );
    const messageFor = new Map<string, string>();
    const items: SummaryItem[] = [];
    for (const field of fields) {
      const details = byField.get(field.pointer);
      if (!details) continue;
      const message = details.map(translate).join('; ');
      messageFor.set(field.pointer, message);
      items.push({ id: field.id, label: field.label, message });
    }
    for (const error of unassigned) {
      const where = error.pointer && error.pointer !== '/' ? error.pointer.slice(1) : null;
      items.push({ id: null, label: where, message: translate(error.detail) });
    }
    // A stale write has its own notice (StaleWriteNotice), with the way out it needs.
    if (problem && items.length === 0 && problem.status !== 412) {
      items.push({
        id: null,
        label: null,
        message:
          problem.status === 403 && (!problem.message || problem.code === 'not-allowed')
            ? t('form.forbidden')
            : problem.status === null
              ? t('form.networkError')
              : (problem.message ?? t('form.failed')),
      });
    }
    return { errorFor: (pointer: string) => messageFor.get(pointer), summary: items };
  }, [fields, problem, groupFallbacks, translate, t]);
}

/**
 * The list of problems at the top of a form, linking to each field. It takes focus when a
 * submit fails so keyboard and screen-reader users learn at once what to fix.
 */
export function ErrorSummary({
  items,
  attempt,
  testId = 'form-errors',
}: {
  items: readonly SummaryItem[];
  /** Changes on every failed submit, so focus moves back here even for the same errors. */
  attempt: number;
  testId?: string;
}) {
  const { t } = useTranslation('admin');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (items.length === 0) return null;
  return (
    <div
      ref={ref}
      className="admin-error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
    >
      <h2 id={`${testId}-title`} className="admin-error-summary__title">
        {t('form.errorSummary', { count: items.length })}
      </h2>
      <ul>
        {items.map((item, index) => (
          <li key={`${item.id ?? 'general'}-${index}`}>
            {item.id ? (
              <a
                href={`#${item.id}`}
                onClick={(event) => {
                  // Focus the field itself; following the fragment alone would only scroll.
                  const target = document.getElementById(item.id as string);
                  if (target) {
                    event.preventDefault();
                    target.focus();
                  }
                }}
              >
                {t('form.labelled', { label: item.label, message: item.message })}
              </a>
            ) : item.label ? (
              t('form.labelled', { label: item.label, message: item.message })
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/**
 * A labelled form field with its hint and its error, both tied to the control by
 * aria-describedby. The control comes from the caller, which spreads the props it is given.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  required,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const { t } = useTranslation('admin');
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field admin-field${error ? ' admin-field--invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && <span className="admin-field__required"> ({t('form.required')})</span>}
      </label>
      {hint && (
        <p id={hintId ?? undefined} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId ?? undefined} className="admin-field__error">
          {error}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

/**
 * The version of a record as the form opened it, kept however the record is refreshed behind
 * the form: it goes with the change as If-Match (api.patch/put `version`), so a change someone
 * else made meanwhile is refused rather than overwritten with what this form shows.
 */
export function useOpenedVersion(
  record: { version: number } | null | undefined,
): number | undefined {
  const [version] = useState(record?.version);
  return version;
}

/**
 * Shown when the server refused a change because the record changed since the form opened it
 * (412). What the person typed stays in the form; Reload replaces it with the record as it is
 * now, which they choose to do, never the form on its own.
 */
export function StaleWriteNotice({
  problem,
  onReload,
  reloading = false,
  testId = 'stale-write',
  hint,
}: {
  problem: SubmitProblem | null;
  onReload(): void;
  reloading?: boolean;
  testId?: string;
  /** What became of the change, where it was no form's input (by default: kept in the form). */
  hint?: string;
}) {
  const { t } = useTranslation('admin');
  const ref = useRef<HTMLDivElement>(null);
  const stale = problem?.status === 412;
  useEffect(() => {
    if (stale) ref.current?.focus();
  }, [stale, problem]);
  if (!stale) return null;
  return (
    <div
      ref={ref}
      className="admin-error-summary admin-stale-write"
      role="alert"
      tabIndex={-1}
      data-testid={testId}
    >
      <p className="admin-error-summary__title">{t('form.staleWrite')}</p>
      <p>{hint ?? t('form.staleWriteHint')}</p>
      <button
        type="button"
        className="button"
        onClick={onReload}
        disabled={reloading}
        data-testid={`${testId}-reload`}
      >
        {t('form.reload')}
      </button>
    </div>
  );
}

/** The announced confirmation after a save. */
export function SavedMessage({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="admin-saved" role="status" data-testid={testId}>
      {children}
    </p>
  );
}

/** Shown to a signed-in person who lacks the role for a page. */
export function NotAllowed() {
  const { t } = useTranslation('admin');
  return (
    <div className="data-state admin-not-allowed" data-testid="not-allowed">
      <h1>{t('notAllowed.title')}</h1>
      <p>{t('notAllowed.body')}</p>
    </div>
  );
}

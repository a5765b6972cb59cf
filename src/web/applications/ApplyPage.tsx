/**
 * /apply — the public membership application, in steps: the government, its figures, its
 * people, the membership sought (with the fee, the letters' language and the council
 * resolution), then everything once more before it is sent. Each field is checked when it is
 * left and each step before the next, by the rules the server applies; what was typed is kept
 * in the tab (session storage), so a reload loses nothing.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FieldIssue } from '../../core/application-form';
import { api, ApiError } from '../api';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { ErrorSummary, submitProblem, type SummaryItem } from '../forms/form';
import '../components/admin.css';
import './applications.css';
import {
  allProblems,
  APPLY_STEPS,
  applicationBody,
  blankApplication,
  clearDraft,
  fieldId,
  problemCodeOf,
  readDraft,
  STEP_FIELDS,
  stepOf,
  stepProblems,
  writeDraft,
  type ApplyStep,
  type ApplyValues,
} from './application-form';
import { FigureFields, GovernmentFields, MembershipFields, PeopleFields } from './ApplyFields';
import { ApplySummary } from './ApplySummary';
import { checkFile, uploadDocument } from './documents';

interface Submitted {
  statusToken: string;
  confirmationQueued: boolean;
}

const storage = (): Storage | null =>
  typeof sessionStorage === 'undefined' ? null : sessionStorage;
const todayIso = () => new Date().toISOString().slice(0, 10);

export default function ApplyPage() {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const navigate = useNavigate();
  usePageTitle(t('apply.title'));
  const [initial] = useState(() => {
    const blank = blankApplication(locale, new Date().getFullYear());
    const store = storage();
    return { blank, draft: store ? readDraft(store, blank) : null };
  });
  const [values, setValues] = useState<ApplyValues>(initial.draft?.values ?? initial.blank);
  const [step, setStep] = useState<ApplyStep>(initial.draft?.step ?? 'government');
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState<ReadonlySet<ApplyStep>>(new Set());
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const index = APPLY_STEPS.indexOf(step);

  useEffect(() => {
    const store = storage();
    if (store) writeDraft(store, { values, step });
  }, [values, step]);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const words = (issue: FieldIssue) => t(`problems.${issue.code}`);
  const live = useMemo(() => allProblems(values, todayIso()), [values]);
  const errorFor = (pointer: string): string | undefined => {
    if (serverErrors[pointer]) return serverErrors[pointer];
    if (!touched.has(pointer) && !tried.has(stepOf(pointer))) return undefined;
    const issue = live.find((i) => i.pointer === pointer);
    return issue ? words(issue) : undefined;
  };

  const set = <K extends keyof ApplyValues>(key: K, value: ApplyValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    const pointer = Object.values(STEP_FIELDS)
      .flat()
      .find(([, k]) => k === key)?.[0];
    if (pointer && serverErrors[pointer]) {
      setServerErrors(({ [pointer]: _gone, ...rest }) => rest);
    }
  };
  const touch = (pointer: string) => setTouched((s) => new Set(s).add(pointer));
  const fieldProps = { values, set, errorFor, touch };

  const labelOf = (pointer: string): string => {
    const key = Object.values(STEP_FIELDS)
      .flat()
      .find(([p]) => p === pointer)?.[1];
    return key ? t(`fields.${key}`) : pointer.slice(1);
  };
  const summaryItems: SummaryItem[] = (() => {
    const pointers = new Set(STEP_FIELDS[step].map(([p]) => p));
    const items: SummaryItem[] = [];
    for (const [pointer, key] of STEP_FIELDS[step]) {
      const error = errorFor(pointer);
      if (error && (tried.has(step) || serverErrors[pointer])) {
        items.push({ id: fieldId(key), label: labelOf(pointer), message: error });
      }
    }
    for (const [pointer, detail] of Object.entries(serverErrors)) {
      if (!pointers.has(pointer) && stepOf(pointer) === step) {
        items.push({ id: null, label: labelOf(pointer), message: detail });
      }
    }
    if (message) items.push({ id: null, label: null, message });
    return items;
  })();

  function goTo(next: ApplyStep) {
    setMessage(null);
    setStep(next);
  }

  function onNext(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried((s) => new Set(s).add(step));
    if (stepProblems(values, step, todayIso()).length > 0 || (step === 'membership' && fileError)) {
      setAttempt((n) => n + 1);
      return;
    }
    goTo(APPLY_STEPS[index + 1] as ApplyStep);
  }

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    const problem = chosen ? checkFile(chosen) : null;
    setFileError(problem ? t(`documents.problems.${problem}`) : undefined);
  }

  async function onSend(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(new Set(APPLY_STEPS));
    setMessage(null);
    const problems = allProblems(values, todayIso());
    if (problems.length > 0) {
      setAttempt((n) => n + 1);
      const first = stepOf(problems[0]?.pointer ?? '/consent');
      if (first !== 'summary') goTo(first);
      return;
    }
    setSending(true);
    try {
      const sent = await api.post<Submitted>('/api/v1/apply', applicationBody(values));
      const store = storage();
      if (store) clearDraft(store);
      let uploadFailed: string | null = null;
      if (file && !fileError) {
        uploadFailed = await uploadDocument(sent.statusToken, file, 'resolution').then(
          () => null,
          (error: unknown) =>
            error instanceof ApiError
              ? (submitProblem(error).errors[0]?.detail ??
                submitProblem(error).message ??
                t('documents.failed'))
              : t('documents.failed'),
        );
      }
      navigate(`/apply/status/${sent.statusToken}`, {
        state: { sent: true, confirmationQueued: sent.confirmationQueued, uploadFailed },
      });
    } catch (error) {
      setSending(false);
      setAttempt((n) => n + 1);
      if (error instanceof ApiError && error.errors.length > 0) {
        const next: Record<string, string> = {};
        for (const e of error.errors) {
          const code = problemCodeOf(e.detail);
          next[e.pointer] = code ? t(`problems.${code}`) : e.detail;
        }
        setServerErrors(next);
        const first = stepOf(error.errors[0]?.pointer ?? '/');
        if (first !== step) goTo(first);
      } else if (error instanceof ApiError && error.status === 429) {
        setMessage(t('apply.tooMany'));
      } else {
        setMessage(
          error instanceof ApiError
            ? (submitProblem(error).message ?? t('apply.networkError'))
            : t('apply.networkError'),
        );
      }
    }
  }

  return (
    <section className="apply" aria-labelledby="apply-title">
      <h1 id="apply-title">{t('apply.title')}</h1>
      <p className="page-header__lead">{t('apply.lead')}</p>
      {initial.draft && index === APPLY_STEPS.indexOf(initial.draft.step) && (
        <p className="apply-note" role="status" data-testid="apply-draft-restored">
          {t('apply.draftRestored')}
        </p>
      )}
      <nav aria-label={t('apply.stepsLabel')}>
        <ol className="apply-steps">
          {APPLY_STEPS.map((s, i) => (
            <li key={s} aria-current={s === step ? 'step' : undefined}>
              {i < index ? (
                <button type="button" className="button--link" onClick={() => goTo(s)}>
                  {t(`steps.${s}`)}
                </button>
              ) : (
                <span>{t(`steps.${s}`)}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <h2 id="apply-step-title" ref={heading} tabIndex={-1} data-testid="apply-step-title">
        {t('apply.stepOf', { n: index + 1, total: APPLY_STEPS.length, name: t(`steps.${step}`) })}
      </h2>
      <ErrorSummary items={summaryItems} attempt={attempt} testId="apply-errors" />
      <form
        className="admin-form"
        onSubmit={step === 'summary' ? onSend : onNext}
        noValidate
        aria-labelledby="apply-step-title"
      >
        {step === 'government' && <GovernmentFields {...fieldProps} />}
        {step === 'figures' && <FigureFields {...fieldProps} />}
        {step === 'people' && <PeopleFields {...fieldProps} />}
        {step === 'membership' && (
          <MembershipFields {...fieldProps} file={file} onFile={chooseFile} fileError={fileError} />
        )}
        {step === 'summary' && (
          <ApplySummary {...fieldProps} file={file} onChange={(s) => goTo(s)} />
        )}
        <div className="admin-actions">
          {index > 0 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => goTo(APPLY_STEPS[index - 1] as ApplyStep)}
              data-testid="apply-back"
            >
              {t('apply.back')}
            </button>
          )}
          {step === 'summary' ? (
            <button
              type="submit"
              className="button"
              disabled={sending}
              aria-busy={sending || undefined}
              data-testid="apply-send"
            >
              {sending ? t('apply.sending') : t('apply.send')}
            </button>
          ) : (
            <button type="submit" className="button" data-testid="apply-next">
              {t('apply.next')}
            </button>
          )}
        </div>
      </form>
      <p className="admin-hint">
        {t('apply.privacy')} <Link to="/members">{t('apply.seeMembers')}</Link>
      </p>
    </section>
  );
}

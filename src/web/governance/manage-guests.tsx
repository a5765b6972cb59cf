/** Inviting guests to a meeting, one at a time, beside the body's seats. */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import {
  FormField,
  submitProblem,
  useFormProblems,
  type FormFieldSpec,
  type SubmitProblem,
} from '../forms/form';
import {
  checkGuest,
  emptyGuest,
  guestInviteBody,
  guestServerErrors,
  GUEST_POINTERS,
  type CalendarRole,
  type GuestValues,
} from './guest-invite';
import { firstInvalidField } from './form-focus';
import { governanceKeys } from './queries';
import { CALENDAR_ROLES, type Invitation, type Meeting } from './types';

export function GuestInviteForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('governance');
  const queryClient = useQueryClient();
  const [values, setValues] = useState<GuestValues>(emptyGuest);
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  // Which field takes the focus after a refused submit; a new object each time, so the same
  // field is focused again on a second refusal.
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  const [invited, setInvited] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: GUEST_POINTERS.name, id: 'guest-name', label: t('guests.name') },
      { pointer: GUEST_POINTERS.email, id: 'guest-email', label: t('guests.email') },
      { pointer: GUEST_POINTERS.role, id: 'guest-role', label: t('guests.role') },
    ],
    [t],
  );
  const { errorFor, summary } = useFormProblems(specs, problem);
  const general = summary.filter((item) => item.id === null);

  // Moved once the error is on the page, so it is read out with the field.
  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget]);

  /** Shows the problems and sends the focus to the first field they name, if any. */
  function refuse(next: SubmitProblem) {
    setProblem(next);
    const first = firstInvalidField(specs, next.errors);
    if (first) setFocusTarget({ id: first });
  }

  const invite = useMutation({
    mutationFn: (body: GuestValues) =>
      api.post<{ items: Invitation[] }>(
        `/api/v1/meetings/${meeting.id}/invitations`,
        guestInviteBody(body),
      ),
    onSuccess: (_, sent) => {
      void queryClient.invalidateQueries({ queryKey: governanceKeys.meeting(meeting.id) });
      setInvited(sent.name.trim());
      setValues(emptyGuest());
      setProblem(null);
      // Ready for the next guest.
      nameRef.current?.focus();
    },
    onError: (error) => {
      const p = submitProblem(error);
      // A conflict means the list on the page is behind (someone else invited them): catch up.
      if (p.status === 409) {
        void queryClient.invalidateQueries({ queryKey: governanceKeys.meeting(meeting.id) });
      }
      refuse({
        ...p,
        errors: guestServerErrors(p.status, p.errors, t('guests.problems.alreadyInvited')),
      });
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setInvited(null);
    const problems = checkGuest(values, meeting.invitations);
    if (problems.length > 0) {
      refuse({
        message: null,
        status: 400,
        errors: problems.map((p) => ({
          pointer: p.pointer,
          detail: t(`guests.problems.${p.code}`),
        })),
      });
      return;
    }
    setProblem(null);
    invite.mutate(values);
  }

  const set = (patch: Partial<GuestValues>) => setValues((v) => ({ ...v, ...patch }));

  return (
    <form
      className="admin-subform gov-guest-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="guest-form-title"
      aria-describedby="guest-form-hint"
    >
      <h3 id="guest-form-title">{t('guests.title')}</h3>
      <p id="guest-form-hint" className="field__hint">
        {t('guests.hint')}
      </p>
      <div className="gov-inline-fields">
        <FormField
          id="guest-name"
          label={t('guests.name')}
          required
          error={errorFor(GUEST_POINTERS.name)}
        >
          {(control) => (
            <input
              {...control}
              ref={nameRef}
              value={values.name}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => set({ name: e.target.value })}
              data-testid="guest-name"
            />
          )}
        </FormField>
        <FormField
          id="guest-email"
          label={t('guests.email')}
          required
          error={errorFor(GUEST_POINTERS.email)}
        >
          {(control) => (
            <input
              {...control}
              type="email"
              value={values.email}
              maxLength={254}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => set({ email: e.target.value })}
              data-testid="guest-email"
            />
          )}
        </FormField>
        <FormField
          id="guest-role"
          label={t('guests.role')}
          hint={t(`guestRoleHints.${values.role}`)}
          error={errorFor(GUEST_POINTERS.role)}
        >
          {(control) => (
            <select
              {...control}
              value={values.role}
              onChange={(e) => set({ role: e.target.value as CalendarRole })}
              data-testid="guest-role"
            >
              {CALENDAR_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`guestRoles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="admin-actions">
        <button
          type="submit"
          className="button"
          disabled={invite.isPending}
          data-testid="invite-guest"
        >
          {invite.isPending ? t('guests.inviting') : t('guests.invite')}
        </button>
      </div>
      <div aria-live="polite">
        {invited && (
          <p className="admin-saved" data-testid="guest-invited">
            {t('guests.invited', { name: invited })}
          </p>
        )}
      </div>
      {general.length > 0 && (
        <p className="gov-problem" role="alert" data-testid="guest-problem">
          {general.map((item) => item.message).join(' ')}
        </p>
      )}
    </form>
  );
}

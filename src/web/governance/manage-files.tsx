/**
 * The secretariat's list of a meeting's files: who can see each one, and a small form to
 * change its captions, credit and visibility after the upload, or to delete it.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import {
  FormField,
  StaleWriteNotice,
  submitProblem,
  useFormProblems,
  type FormFieldSpec,
  type SubmitProblem,
} from '../forms/form';
import { languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { LOCALES } from '../../core/locales';
import {
  CAPTION_MAX,
  captionPointer,
  checkFileEdit,
  CREDIT_MAX,
  fileEditValues,
  filePatchBody,
  fileVisibilityKey,
  withFile,
  type FileEditValues,
} from './file-edit';
import { Problem } from './manage-common';
import { firstInvalidField } from './form-focus';
import { governanceKeys, storeMeeting } from './queries';
import { pickText } from './text';
import type { FileInfo, Meeting } from './types';

function FileEditor({
  meetingId,
  file: opened,
  onDone,
}: {
  meetingId: number;
  file: FileInfo;
  /** Closes the form; `saved` when the change reached the server. */
  onDone(saved: boolean): void;
}) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const queryClient = useQueryClient();
  // The file as last read: the change is worked out against it and made from its version.
  const [file, setFile] = useState(opened);
  const [values, setValues] = useState<FileEditValues>(() => fileEditValues(file));
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  const base = `file-${file.id}`;

  const specs = useMemo<FormFieldSpec[]>(
    () => [
      ...LOCALES.map((lang) => ({
        pointer: captionPointer(lang),
        id: `${base}-caption-${lang}`,
        label: t('files.captionIn', { language: languageName(lang, locale) }),
      })),
      { pointer: '/credit', id: `${base}-credit`, label: t('files.creditLabel') },
      { pointer: '/isPublic', id: `${base}-public`, label: t('files.public') },
    ],
    [t, base, locale],
  );
  // A pointer to the caption as a whole ("must have a caption") belongs to the English one.
  const fallbacks = useMemo(() => ({ '/caption': captionPointer('en') }), []);
  const { errorFor, summary } = useFormProblems(specs, problem, fallbacks);
  const general = summary.filter((item) => item.id === null);

  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget]);

  // The form opens with the first caption ready for typing.
  useEffect(() => {
    document.getElementById(`${base}-caption-en`)?.focus();
  }, [base]);

  function refuse(next: SubmitProblem) {
    setProblem(next);
    const first = firstInvalidField(specs, next.errors, fallbacks);
    if (first) setFocusTarget({ id: first });
  }

  const save = useMutation({
    mutationFn: (patch: ReturnType<typeof filePatchBody>) =>
      api.patch<FileInfo>(`/api/v1/files/${file.id}`, patch, { version: file.version }),
    onSuccess: (info) => {
      // Shown at once; the refetch then brings anything else the change touched.
      queryClient.setQueryData<Meeting>(governanceKeys.meeting(meetingId), (m) =>
        m ? withFile(m, info) : m,
      );
      onDone(true);
      return queryClient.invalidateQueries({ queryKey: governanceKeys.meeting(meetingId) });
    },
    onError: (error) => refuse(submitProblem(error)),
  });
  // A file has no record of its own to read: it is read again with its meeting.
  const reload = useMutation({
    mutationFn: () => api.get<Meeting>(`/api/v1/meetings/${meetingId}`),
    onSuccess: (meeting) => {
      storeMeeting(queryClient, meeting);
      const fresh = meeting.files.find((f) => f.id === file.id);
      if (!fresh) {
        onDone(false);
        return;
      }
      setFile(fresh);
      setValues(fileEditValues(fresh));
      setProblem(null);
    },
    onError: (error) => setProblem(submitProblem(error)),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = checkFileEdit(values);
    if (problems.length > 0) {
      refuse({
        message: null,
        status: 400,
        errors: problems.map((p) => ({
          pointer: p.pointer,
          detail: t(`files.problems.${p.code}`, {
            max: p.code === 'captionTooLong' ? CAPTION_MAX : CREDIT_MAX,
          }),
        })),
      });
      return;
    }
    const patch = filePatchBody(file, values);
    // Nothing changed: nothing to send, and nothing to announce.
    if (Object.keys(patch).length === 0) {
      onDone(false);
      return;
    }
    setProblem(null);
    save.mutate(patch);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone(false);
    }
  }

  return (
    <form
      id={`${base}-editor`}
      className="admin-subform gov-file-editor"
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={t('files.editLabel', { name: file.filename })}
    >
      <fieldset className="admin-fieldset">
        <legend>{t('files.caption')}</legend>
        {file.kind === 'photo' && <p className="field__hint">{t('files.captionAltHint')}</p>}
        <div className="gov-translations">
          {LOCALES.map((lang) => (
            <FormField
              key={lang}
              id={`${base}-caption-${lang}`}
              label={languageName(lang, locale)}
              error={errorFor(captionPointer(lang))}
            >
              {(control) => (
                <input
                  {...control}
                  lang={lang}
                  value={values.captions[lang]}
                  maxLength={CAPTION_MAX}
                  onChange={(e) =>
                    setValues((v) => ({
                      ...v,
                      captions: { ...v.captions, [lang]: e.target.value },
                    }))
                  }
                  data-testid={`file-caption-${lang}`}
                />
              )}
            </FormField>
          ))}
        </div>
      </fieldset>
      <FormField id={`${base}-credit`} label={t('files.creditLabel')} error={errorFor('/credit')}>
        {(control) => (
          <input
            {...control}
            value={values.credit}
            maxLength={CREDIT_MAX}
            onChange={(e) => setValues((v) => ({ ...v, credit: e.target.value }))}
            data-testid="file-credit"
          />
        )}
      </FormField>
      <div className={`field admin-field${errorFor('/isPublic') ? ' admin-field--invalid' : ''}`}>
        {errorFor('/isPublic') && (
          <p id={`${base}-public-error`} className="admin-field__error">
            {errorFor('/isPublic')}
          </p>
        )}
        <label className="admin-radio">
          <input
            id={`${base}-public`}
            type="checkbox"
            checked={values.isPublic}
            aria-describedby={[
              errorFor('/isPublic') ? `${base}-public-error` : '',
              `${base}-public-hint`,
            ]
              .filter(Boolean)
              .join(' ')}
            onChange={(e) => setValues((v) => ({ ...v, isPublic: e.target.checked }))}
            data-testid="file-public"
          />{' '}
          {t('files.public')}
        </label>
        <p id={`${base}-public-hint`} className="field__hint">
          {values.isPublic ? t('files.publicHint') : t('files.privateHint')}
        </p>
      </div>
      <div className="admin-actions">
        <button type="submit" className="button" disabled={save.isPending} data-testid="save-file">
          {save.isPending ? t('actions.saving') : t('files.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onDone(false)}
          data-testid="cancel-file"
        >
          {t('files.cancel')}
        </button>
      </div>
      <StaleWriteNotice
        problem={problem}
        onReload={() => reload.mutate()}
        reloading={reload.isPending}
        testId={`${base}-stale`}
      />
      {general.length > 0 && (
        <p className="gov-problem" role="alert">
          {general.map((item) => item.message).join(' ')}
        </p>
      )}
    </form>
  );
}

/** Each file with who can see it, and its edit and delete buttons. One editor at a time. */
export function FileAdminList({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const editButtons = useRef(new Map<number, HTMLButtonElement>());
  const remove = useMutation({
    mutationFn: (id: number) => api.del(`/api/v1/files/${id}`),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: governanceKeys.meeting(meeting.id) }),
  });

  function close(file: FileInfo, wasSaved: boolean) {
    setEditing(null);
    setSaved(wasSaved ? file.filename : null);
    // Back to the button that opened the form, so keyboard users keep their place.
    requestAnimationFrame(() => editButtons.current.get(file.id)?.focus());
  }

  if (meeting.files.length === 0) return null;
  return (
    <>
      <ul className="gov-file-admin" data-testid="file-admin">
        {meeting.files.map((file) => {
          const caption = pickText(file.caption, locale);
          const open = editing === file.id;
          return (
            <li key={file.id} className="gov-file-admin__item">
              <div className="gov-file-admin__row">
                <span className="gov-file-admin__name">{file.filename}</span>{' '}
                <span className="muted">({t(`fileKinds.${file.kind}`)})</span>{' '}
                <span
                  className={`badge gov-visibility gov-visibility--${file.isPublic ? 'public' : 'private'}`}
                  data-testid={`file-visibility-${file.id}`}
                >
                  {t(fileVisibilityKey(file))}
                </span>
                {caption.text && (
                  <span
                    className="admin-block"
                    lang={caption.lang === locale ? undefined : caption.lang}
                  >
                    {caption.text}
                  </span>
                )}
                {file.credit && (
                  <span className="admin-block muted">
                    {t('files.creditLine', { credit: file.credit })}
                  </span>
                )}
              </div>
              <div className="gov-row-actions">
                <button
                  type="button"
                  ref={(el) => {
                    if (el) editButtons.current.set(file.id, el);
                    else editButtons.current.delete(file.id);
                  }}
                  className="button button--secondary button--small"
                  aria-expanded={open}
                  aria-controls={open ? `file-${file.id}-editor` : undefined}
                  onClick={() => {
                    setSaved(null);
                    setEditing(open ? null : file.id);
                  }}
                  data-testid={`edit-file-${file.id}`}
                >
                  {t('files.edit')}
                  <span className="visually-hidden"> {file.filename}</span>
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => remove.mutate(file.id)}
                  disabled={remove.isPending}
                >
                  {t('files.delete')}
                  <span className="visually-hidden"> {file.filename}</span>
                </button>
              </div>
              {open && (
                <FileEditor
                  meetingId={meeting.id}
                  file={file}
                  onDone={(wasSaved) => close(file, wasSaved)}
                />
              )}
            </li>
          );
        })}
      </ul>
      <div aria-live="polite">
        {saved && (
          <p className="admin-saved" data-testid="file-saved">
            {t('files.saved', { name: saved })}
          </p>
        )}
      </div>
      <Problem error={remove.error} />
    </>
  );
}

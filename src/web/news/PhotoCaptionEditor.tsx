/**
 * The small form that changes an uploaded photo's captions and credit. The rules (what to
 * send, the length limits) are shared with the meeting files' editor in forms/file-edit,
 * so a photo is edited the same way wherever it was uploaded.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import {
  FormField,
  StaleWriteNotice,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { languageName } from '../components/format';
import { useLocale } from '../components/locale';
import {
  CAPTION_MAX,
  captionPointer,
  checkFileEdit,
  CREDIT_MAX,
  fileEditValues,
  filePatchBody,
  type FileEditValues,
} from '../forms/file-edit';
import { NEWS_LANGUAGES } from './language';
import type { FileInfo, FilePatch } from './types';

export function PhotoCaptionEditor({
  photo: opened,
  onSaved,
  onClose,
  onReload,
}: {
  photo: FileInfo;
  /** The server took the change and answered with the photo as it now is. */
  onSaved(saved: FileInfo): void;
  /** Closed without a change: cancelled, Escape, or saved with nothing changed. */
  onClose(): void;
  /** Reads the photo again as the server has it now; undefined when it is gone. */
  onReload(): Promise<FileInfo | undefined>;
}) {
  const { t } = useTranslation(['news', 'common', 'admin']);
  const locale = useLocale();
  // The photo as last read: the change is worked out against it and made from its version.
  const [photo, setPhoto] = useState(opened);
  const [values, setValues] = useState<FileEditValues>(() => fileEditValues(photo));
  const submit = useSubmitState();
  const base = `photo-${photo.id}-edit`;
  const firstInput = useRef<HTMLInputElement>(null);

  const specs = useMemo<FormFieldSpec[]>(
    () => [
      ...NEWS_LANGUAGES.map((lang) => ({
        pointer: captionPointer(lang),
        id: `${base}-caption-${lang}`,
        label: t('photos.captionIn', { language: languageName(lang, locale) }),
      })),
      { pointer: '/credit', id: `${base}-credit`, label: t('photos.credit') },
    ],
    [t, base, locale],
  );
  // A problem with the caption as a whole is shown beside the English one, listed first.
  const fallbacks = useMemo(() => ({ '/caption': captionPointer('en') }), []);
  const { errorFor, summary } = useFormProblems(specs, submit.problem, fallbacks);
  const general = summary.filter((item) => item.id === null);

  useEffect(() => {
    firstInput.current?.focus();
  }, []);

  // After each refused save, focus goes to the first field named (the list is in form order),
  // once per attempt, so a change of language does not move it again.
  const focusedAttempt = useRef(0);
  useEffect(() => {
    if (submit.attempt <= focusedAttempt.current) return;
    focusedAttempt.current = submit.attempt;
    const first = summary.find((item) => item.id !== null);
    if (first?.id) document.getElementById(first.id)?.focus();
  }, [submit.attempt, summary]);

  const save = useMutation({
    mutationFn: (patch: FilePatch) =>
      api.patch<FileInfo>(`/api/v1/files/${photo.id}`, patch, { version: photo.version }),
    onSuccess: (saved) => onSaved(saved),
    onError: (error) => submit.fail(error),
  });
  const reload = useMutation({
    mutationFn: onReload,
    onSuccess: (fresh) => {
      if (!fresh) {
        onClose();
        return;
      }
      setPhoto(fresh);
      setValues(fileEditValues(fresh));
      submit.clear();
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = checkFileEdit(values);
    if (problems.length > 0) {
      submit.reject(
        problems.map((p) => ({
          pointer: p.pointer,
          detail: t(`photos.problems.${p.code}`, {
            max: p.code === 'captionTooLong' ? CAPTION_MAX : CREDIT_MAX,
          }),
        })),
      );
      return;
    }
    const patch = filePatchBody(photo, values);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    submit.clear();
    save.mutate(patch);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <form
      id={base}
      className="admin-subform news-photo-editor"
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={t('photos.editLabel', { name: photo.filename })}
      data-testid={`photo-editor-${photo.id}`}
    >
      <fieldset className="admin-fieldset">
        <legend>{t('photos.captions')}</legend>
        <div className="news-photo-editor__captions">
          {NEWS_LANGUAGES.map((lang, index) => (
            <FormField
              key={lang}
              id={`${base}-caption-${lang}`}
              label={languageName(lang, locale)}
              error={errorFor(captionPointer(lang))}
            >
              {(control) => (
                <input
                  {...control}
                  ref={index === 0 ? firstInput : undefined}
                  lang={lang}
                  maxLength={CAPTION_MAX}
                  value={values.captions[lang]}
                  onChange={(e) =>
                    setValues((v) => ({
                      ...v,
                      captions: { ...v.captions, [lang]: e.target.value },
                    }))
                  }
                  data-testid={`photo-edit-caption-${lang}`}
                />
              )}
            </FormField>
          ))}
        </div>
      </fieldset>
      <FormField id={`${base}-credit`} label={t('photos.credit')} error={errorFor('/credit')}>
        {(control) => (
          <input
            {...control}
            maxLength={CREDIT_MAX}
            value={values.credit}
            onChange={(e) => setValues((v) => ({ ...v, credit: e.target.value }))}
            data-testid="photo-edit-credit"
          />
        )}
      </FormField>
      <StaleWriteNotice
        problem={submit.problem}
        onReload={() => reload.mutate()}
        reloading={reload.isPending}
        testId={`${base}-stale`}
      />
      {general.length > 0 && (
        <p className="admin-field__error" role="alert">
          {general.map((item) => item.message).join(' ')}
        </p>
      )}
      <div className="admin-actions">
        <button
          type="submit"
          className="button button--small"
          disabled={save.isPending}
          aria-busy={save.isPending || undefined}
          data-testid="save-photo"
        >
          {save.isPending ? t('admin:form.saving') : t('common:save')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={onClose}
          data-testid="cancel-photo"
        >
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The photos of a saved post: change one's captions and credit, remove one, or upload new ones
 * with a caption in each language and a credit. Several files go up one after the other, so the progress bar counts files;
 * a file the server refuses is named with the reason and the others still go up.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatNumber, languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { useProblemText } from '../forms/form';
import { NEWS_LANGUAGES, pickText } from './language';
import { PhotoCaptionEditor } from './PhotoCaptionEditor';
import { withPhoto } from './photo-edit';
import { NEWS_KEY } from './queries';
import { photoForm } from './upload';
import type { FileInfo, NewsPost } from './types';

interface Progress {
  done: number;
  total: number;
  failures: { file: string; message: string }[];
  running: boolean;
}

const ACCEPTED = 'image/jpeg,image/png,image/webp';

export function PhotoManager({ post, onChanged }: { post: NewsPost; onChanged(): void }) {
  const { t } = useTranslation(['news', 'common']);
  const locale = useLocale();
  const problemText = useProblemText();
  const formId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const [captions, setCaptions] = useState<Record<string, string>>({});
  const [credit, setCredit] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<number | null>(null);
  const [savedName, setSavedName] = useState<string | null>(null);
  const editButtons = useRef(new Map<number, HTMLButtonElement>());

  /** Closes the caption form and puts focus back on its Edit button, where the user was. */
  function closeEditor(photo: FileInfo, saved: boolean) {
    setEditing(null);
    setSavedName(saved ? photo.filename : null);
    requestAnimationFrame(() => editButtons.current.get(photo.id)?.focus());
  }

  /** Every cached language of the post shows the photo at once; the refetch follows. */
  function showPhoto(photo: FileInfo) {
    queryClient.setQueriesData<NewsPost>(
      { queryKey: [...NEWS_KEY, 'post', post.slug] },
      (cached) => (cached ? withPhoto(cached, photo) : cached),
    );
    onChanged();
  }

  function onPhotoSaved(saved: FileInfo) {
    showPhoto(saved);
    closeEditor(saved, true);
  }

  /** A photo as the server has it now (its version with it), read from its post. */
  async function reloadPhoto(id: number): Promise<FileInfo | undefined> {
    const fresh = await api.get<NewsPost>(`/api/v1/news/${encodeURIComponent(post.slug)}`);
    const photo = fresh.photos.find((p) => p.id === id);
    if (photo) showPhoto(photo);
    else onChanged();
    return photo;
  }

  const remove = useMutation({
    mutationFn: (photo: FileInfo) => api.del(`/api/v1/files/${photo.id}`),
    onSuccess: () => {
      setConfirming(null);
      onChanged();
    },
  });

  async function onUpload(event: FormEvent) {
    event.preventDefault();
    if (files.length === 0) {
      setFileError(t('photos.chooseFile'));
      return;
    }
    setFileError(null);
    const failures: Progress['failures'] = [];
    setProgress({ done: 0, total: files.length, failures, running: true });
    for (const [index, file] of files.entries()) {
      try {
        await api.upload<FileInfo>(`/api/v1/news/${encodeURIComponent(post.slug)}/photos`, {
          body: photoForm(file, file.name, captions, credit),
        });
      } catch (error) {
        failures.push({ file: file.name, message: problemText(error) });
      }
      setProgress({ done: index + 1, total: files.length, failures: [...failures], running: true });
    }
    setProgress({ done: files.length, total: files.length, failures, running: false });
    if (failures.length < files.length) {
      setFiles([]);
      setInputKey((k) => k + 1);
      setCaptions({});
      setCredit('');
    }
    onChanged();
  }

  return (
    <section className="admin-panel news-photos" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('photos.title')}</h2>
      {post.photos.length === 0 ? (
        <p className="admin-hint">{t('photos.none')}</p>
      ) : (
        <ul className="news-photos__list" data-testid="post-photos">
          {post.photos.map((photo) => {
            const caption = pickText(photo.caption, locale);
            const open = editing === photo.id;
            return (
              <li key={photo.id} className="news-photos__item" data-testid="post-photo">
                <img src={photo.thumbUrl ?? photo.url} alt="" width={96} height={64} />
                <div>
                  <p>
                    {caption ? (
                      <span lang={caption.lang}>{caption.text}</span>
                    ) : (
                      <span className="muted">{t('photos.noCaption')}</span>
                    )}
                  </p>
                  {photo.credit && (
                    <p className="admin-secondary">
                      {t('gallery.credit', { credit: photo.credit })}
                    </p>
                  )}
                  <p className="admin-secondary">{photo.filename}</p>
                </div>
                <div className="news-photos__actions">
                  <button
                    type="button"
                    ref={(el) => {
                      if (el) editButtons.current.set(photo.id, el);
                      else editButtons.current.delete(photo.id);
                    }}
                    className="button button--secondary button--small"
                    aria-expanded={open}
                    aria-controls={open ? `photo-${photo.id}-edit` : undefined}
                    onClick={() => {
                      setSavedName(null);
                      setEditing(open ? null : photo.id);
                    }}
                    data-testid={`edit-photo-${photo.id}`}
                  >
                    {t('photos.edit')}
                    <span className="visually-hidden"> {photo.filename}</span>
                  </button>
                  {confirming === photo.id ? (
                    <div
                      className="admin-actions"
                      role="group"
                      aria-label={t('photos.confirmRemove')}
                    >
                      <span>{t('photos.confirmRemove')}</span>
                      <button
                        type="button"
                        className="button button--danger button--small"
                        onClick={() => remove.mutate(photo)}
                        disabled={remove.isPending}
                        data-testid={`confirm-remove-photo-${photo.id}`}
                      >
                        {t('photos.remove')}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => setConfirming(null)}
                      >
                        {t('common:cancel')}
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => setConfirming(photo.id)}
                      data-testid={`remove-photo-${photo.id}`}
                    >
                      {t('photos.remove')}
                    </button>
                  )}
                </div>
                {open && (
                  <PhotoCaptionEditor
                    photo={photo}
                    onSaved={onPhotoSaved}
                    onClose={() => closeEditor(photo, false)}
                    onReload={() => reloadPhoto(photo.id)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div role="status" className="news-photos__status">
        {savedName && (
          <p className="admin-saved" data-testid="photo-saved">
            {t('photos.saved', { name: savedName })}
          </p>
        )}
      </div>
      {remove.isError && (
        <p className="admin-field__error" role="alert">
          {problemText(remove.error)}
        </p>
      )}

      <form className="admin-subform" onSubmit={(e) => void onUpload(e)} noValidate>
        <h3>{t('photos.add')}</h3>
        <div className={`field admin-field${fileError ? ' admin-field--invalid' : ''}`}>
          <label htmlFor={`${formId}-file`} className="field__label">
            {t('photos.files')}
          </label>
          <p id={`${formId}-file-hint`} className="field__hint">
            {t('photos.filesHint')}
          </p>
          {fileError && (
            <p id={`${formId}-file-error`} className="admin-field__error">
              {fileError}
            </p>
          )}
          <input
            key={inputKey}
            id={`${formId}-file`}
            type="file"
            accept={ACCEPTED}
            multiple
            aria-describedby={
              fileError ? `${formId}-file-error ${formId}-file-hint` : `${formId}-file-hint`
            }
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            data-testid="photo-file"
          />
        </div>
        <fieldset className="admin-fieldset">
          <legend>{t('photos.captions')}</legend>
          <div className="admin-grid">
            {NEWS_LANGUAGES.map((lang) => (
              <div key={lang} className="field admin-field">
                <label htmlFor={`${formId}-caption-${lang}`} className="field__label">
                  {t('photos.captionIn', { language: languageName(lang, locale) })}
                </label>
                <input
                  id={`${formId}-caption-${lang}`}
                  lang={lang}
                  maxLength={200}
                  value={captions[lang] ?? ''}
                  onChange={(e) => setCaptions((c) => ({ ...c, [lang]: e.target.value }))}
                  data-testid={`photo-caption-${lang}`}
                />
              </div>
            ))}
          </div>
        </fieldset>
        <div className="field admin-field">
          <label htmlFor={`${formId}-credit`} className="field__label">
            {t('photos.credit')}
          </label>
          <input
            id={`${formId}-credit`}
            maxLength={300}
            value={credit}
            onChange={(e) => setCredit(e.target.value)}
            data-testid="photo-credit"
          />
        </div>
        <div className="admin-actions">
          <button
            type="submit"
            className="button"
            disabled={progress?.running}
            aria-busy={progress?.running || undefined}
            data-testid="photo-upload"
          >
            {t('photos.upload')}
          </button>
        </div>
        {progress && (
          <div className="news-upload-progress" data-testid="photo-progress">
            <progress
              value={progress.done}
              max={progress.total}
              aria-label={t('photos.progressLabel')}
            />
            <p aria-live="polite">
              {progress.running
                ? t('photos.uploading', {
                    done: formatNumber(progress.done, locale),
                    total: formatNumber(progress.total, locale),
                  })
                : t('photos.uploaded', {
                    count: progress.total - progress.failures.length,
                    done: formatNumber(progress.total - progress.failures.length, locale),
                  })}
            </p>
            {progress.failures.length > 0 && (
              <ul className="admin-field__error" role="alert">
                {progress.failures.map((failure) => (
                  <li key={failure.file}>
                    {t('photos.failed', { file: failure.file, message: failure.message })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
    </section>
  );
}

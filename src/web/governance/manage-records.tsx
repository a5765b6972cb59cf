/** The written record of a meeting: its minutes, and its documents and photos. */
import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { StaleWriteNotice, submitProblem, useProblemText } from '../forms/form';
import { photoChoices, RichTextEditor } from '../forms/rich-text';
import { useUnsavedChanges } from '../forms/unsaved';
import { languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { LOCALES } from '../../core/locales';
import { FileAdminList } from './manage-files';
import { Problem, useMeetingWrite } from './manage-common';
import { FilesView } from './meeting-parts';
import { governanceKeys } from './queries';
import { FILE_KINDS, type FileInfo, type Meeting } from './types';
import { uploadMeetingFile } from './upload';

export function MinutesEditor({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation(['governance', 'editor']);
  const locale = useLocale();
  const [html, setHtml] = useState(meeting.minutesHtml ?? '');
  // The minutes as opened or last saved: leaving with anything else asks first.
  const [opened, setOpened] = useState(meeting.minutesHtml ?? '');
  const [saved, setSaved] = useState(false);
  // The version the text was opened (or last saved) at: a save is refused (412) rather than
  // written over minutes someone else saved meanwhile.
  const version = useRef(meeting.version);
  const save = useMeetingWrite((body: { html: string }) =>
    api.put<Meeting>(`/api/v1/meetings/${meeting.id}/minutes`, body, {
      version: version.current,
    }),
  );
  const reload = useMeetingWrite(() => api.get<Meeting>(`/api/v1/meetings/${meeting.id}`));
  const stale = save.error ? submitProblem(save.error) : null;
  useUnsavedChanges(html !== opened);
  // Only photos the public page shows can be placed in the minutes, which the public reads.
  const photos = photoChoices(
    meeting.files.filter((file) => file.isPublic),
    locale,
    (number) => t('editor:photo.numbered', { number }),
  );

  function show(m: Meeting) {
    version.current = m.version;
    setHtml(m.minutesHtml ?? '');
    setOpened(m.minutesHtml ?? '');
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      { html },
      {
        onSuccess: (m) => {
          show(m);
          setSaved(true);
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="gov-minutes-editor" aria-labelledby="minutes-editor-label">
      <p id="minutes-editor-label" className="field__label">
        {t('minutes.label')}
      </p>
      <p id="minutes-hint" className="field__hint">
        {t('minutes.hint')}
      </p>
      <RichTextEditor
        id="minutes-html"
        label={t('minutes.label')}
        describedBy="minutes-hint"
        value={html}
        onChange={(next) => {
          setHtml(next);
          setSaved(false);
        }}
        photos={photos}
        noPhotos={t('editor:photo.noneMinutes')}
        testId="minutes-html"
      />
      <div className="admin-actions">
        <button
          type="submit"
          className="button"
          disabled={save.isPending}
          data-testid="save-minutes"
        >
          {t('minutes.save')}
        </button>
      </div>
      {saved && (
        <p role="status" className="admin-saved" data-testid="minutes-saved">
          {t('minutes.saved')}
        </p>
      )}
      {stale?.status === 412 ? (
        <StaleWriteNotice
          problem={stale}
          reloading={reload.isPending}
          onReload={() =>
            reload.mutate(undefined, {
              onSuccess: (m) => {
                show(m);
                save.reset();
              },
            })
          }
        />
      ) : (
        <Problem error={save.error ?? reload.error} />
      )}
      {meeting.minutesHtml && (
        <details className="gov-minutes-preview">
          <summary>{t('minutes.preview')}</summary>
          {/* Returned by the server after sanitising (sanitizeRichText), so safe to insert. */}
          <div className="gov-minutes" dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }} />
        </details>
      )}
    </form>
  );
}

interface UploadProgress {
  done: number;
  total: number;
  current: string | null;
}

export function UploadsPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const fileInput = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [kind, setKind] = useState<FileInfo['kind']>('document');
  const [captions, setCaptions] = useState<Partial<Record<string, string>>>({});
  const [credit, setCredit] = useState('');
  const [isPublic, setIsPublic] = useState(true);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [failures, setFailures] = useState<string[]>([]);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: governanceKeys.meeting(meeting.id) });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (files.length === 0) {
      setFailures([t('files.chooseFile')]);
      return;
    }
    setFailures([]);
    setUploaded(null);
    const problems: string[] = [];
    let done = 0;
    // One at a time, so the progress says which file is on its way and a failure names it.
    for (const file of files) {
      setProgress({ done, total: files.length, current: file.name });
      try {
        await uploadMeetingFile(meeting.id, {
          file,
          filename: file.name,
          kind,
          captions,
          credit,
          isPublic,
        });
        done += 1;
      } catch (error) {
        problems.push(t('files.failed', { name: file.name, problem: problemText(error) }));
      }
    }
    setProgress(null);
    setFailures(problems);
    setUploaded(done);
    if (problems.length === 0) {
      setFiles([]);
      setCaptions({});
      if (fileInput.current) fileInput.current.value = '';
    }
    void refresh();
  }

  return (
    <>
      <form
        className="admin-subform gov-upload"
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        aria-labelledby="upload-title"
      >
        <h3 id="upload-title">{t('files.upload')}</h3>
        <div className="field admin-field">
          <label htmlFor="upload-file" className="field__label">
            {t('files.file')}
          </label>
          <p id="upload-file-hint" className="field__hint">
            {kind === 'photo' ? t('files.photoHint') : t('files.documentHint')}
          </p>
          <input
            id="upload-file"
            ref={fileInput}
            type="file"
            multiple
            accept={kind === 'photo' ? 'image/jpeg,image/png,image/webp' : undefined}
            aria-describedby="upload-file-hint"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
            data-testid="upload-file"
          />
        </div>
        <div className="field admin-field">
          <label htmlFor="upload-kind" className="field__label">
            {t('files.kind')}
          </label>
          <select
            id="upload-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as FileInfo['kind'])}
            data-testid="upload-kind"
          >
            {FILE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`fileKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="admin-fieldset">
          <legend>{t('files.caption')}</legend>
          {LOCALES.map((lang) => (
            <div key={lang} className="field admin-field">
              <label htmlFor={`upload-caption-${lang}`} className="field__label">
                {languageName(lang, locale)}
              </label>
              <input
                id={`upload-caption-${lang}`}
                lang={lang}
                value={captions[lang] ?? ''}
                maxLength={200}
                onChange={(e) => setCaptions((c) => ({ ...c, [lang]: e.target.value }))}
                data-testid={`upload-caption-${lang}`}
              />
            </div>
          ))}
        </fieldset>
        <div className="field admin-field">
          <label htmlFor="upload-credit" className="field__label">
            {t('files.creditLabel')}
          </label>
          <input
            id="upload-credit"
            value={credit}
            maxLength={200}
            onChange={(e) => setCredit(e.target.value)}
            data-testid="upload-credit"
          />
        </div>
        <label className="admin-radio">
          <input
            type="checkbox"
            checked={isPublic}
            onChange={(e) => setIsPublic(e.target.checked)}
            data-testid="upload-public"
          />{' '}
          {t('files.public')}
        </label>
        <div className="admin-actions">
          <button
            type="submit"
            className="button"
            disabled={progress !== null}
            data-testid="upload-submit"
          >
            {t('files.uploadButton')}
          </button>
        </div>
        <div aria-live="polite" className="gov-upload__status">
          {progress && (
            <>
              <progress
                max={progress.total}
                value={progress.done}
                aria-label={t('files.progressLabel')}
                data-testid="upload-progress"
              />{' '}
              {t('files.progress', {
                done: progress.done,
                total: progress.total,
                name: progress.current ?? '',
              })}
            </>
          )}
          {uploaded !== null && uploaded > 0 && (
            <span className="admin-saved">{t('files.uploaded', { count: uploaded })}</span>
          )}
        </div>
        {failures.length > 0 && (
          <ul className="gov-problem" role="alert" data-testid="upload-problems">
            {failures.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        )}
      </form>
      <FilesView files={meeting.files} />
      <FileAdminList meeting={meeting} />
    </>
  );
}

/**
 * /admin/news/new and /admin/news/:slug — a post in each of the five languages (one tab each,
 * the body in the rich-text editor, which can place the post's photos in it), its links to a
 * meeting, a body and governments, its photos, and publishing. Publishing a post with unsaved
 * changes saves them first; leaving it with unsaved changes asks first.
 */
import { useDeferredValue, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Locale } from '../../core/locales';
import { api, query } from '../api';
import { formatDate, languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import {
  ErrorSummary,
  FormField,
  SavedMessage,
  StaleWriteNotice,
  submitProblem,
  useFormProblems,
  useProblemText,
  useSubmitState,
  type FormFieldSpec,
  type SubmitProblem,
} from '../forms/form';
import { GovernmentPicker } from '../forms/GovernmentPicker';
import { photoChoices, RichTextEditor, type RichTextPhoto } from '../forms/rich-text';
import { isChanged, useUnsavedChanges } from '../forms/unsaved';
import { ErrorMessage, Loading } from '../components/DataState';
import { governmentNameText } from '../components/GovernmentName';
import type { Government } from '../types';
import {
  draftPayload,
  filterMeetingChoices,
  meetingChoices,
  emptyPostDraft,
  firstLanguageWithProblem,
  isWritten,
  patchFromCreate,
  postDraft,
  translationPointer,
  type DraftProblem,
  type PostDraft,
  type TranslationDraft,
} from './editor';
import { LanguageTabs } from './LanguageTabs';
import { NEWS_LANGUAGES, pickText } from './language';
import { PhotoManager } from './PhotoManager';
import { NEWS_KEY, refreshNews, useBodies, useMeetingChoices, useNewsPost } from './queries';
import type { NewsCreate, NewsPost } from './types';
import './news.css';

type Notice = 'created' | 'saved' | 'published' | 'unpublished';

export default function NewsEditorPage() {
  const { slug } = useParams();
  const locale = useLocale();
  const post = useNewsPost(slug ?? null, locale);
  if (slug !== undefined) {
    if (post.isPending) return <Loading />;
    if (post.isError) return <ErrorMessage error={post.error} />;
    return <PostEditor key={post.data.id} post={post.data} />;
  }
  return <PostEditor key="new" post={null} />;
}

/** Ids of the inputs; the body field's id differs from its test id to keep ids unique. */
const inputId = (field: keyof TranslationDraft, lang: string) =>
  `news-${field === 'bodyHtml' ? 'bodyhtml' : field}-${lang}`;
const testId = (field: keyof TranslationDraft, lang: string) =>
  `news-${field === 'bodyHtml' ? 'body' : field}-${lang}`;

function PostEditor({ post }: { post: NewsPost | null }) {
  const { t } = useTranslation(['news', 'common', 'admin']);
  const locale = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const labelOf = (g: NewsPost['governments'][number]) =>
    governmentNameText(g.names, g.localLang, locale);
  const [draft, setDraft] = useState<PostDraft>(() =>
    post ? postDraft(post, labelOf) : emptyPostDraft(),
  );
  const [tab, setTab] = useState<Locale>(() => {
    if (!post) return locale;
    return NEWS_LANGUAGES.find((lang) => post.translations[lang]) ?? locale;
  });
  // The version the draft was read at (If-Match): the post as opened, then as each save, publish
  // or reload left it, however the post is refreshed behind the form (its photos change it so).
  const version = useRef(post?.version);
  const submit = useSubmitState();
  const [notice, setNotice] = useState<Notice | null>(
    (location.state as { notice?: Notice } | null)?.notice ?? null,
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  const heading = post ? t('editor.editTitle') : t('editor.newTitle');
  usePageTitle(heading);

  const baseline = useMemo(
    () => (post ? JSON.stringify(draftPayload(postDraft(post, () => '')).payload) : null),
    [post],
  );
  const current = draftPayload(draft);
  const dirty = baseline === null || JSON.stringify(current.payload) !== baseline;
  // Leaving asks first when something was written: for a new post, anything at all.
  const guard = useUnsavedChanges(
    post ? dirty : isChanged(draftPayload(emptyPostDraft()).payload, current.payload),
  );

  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/slug', id: 'news-slug', label: t('fields.slug') },
      ...NEWS_LANGUAGES.flatMap((lang) =>
        (['title', 'summary', 'bodyHtml'] as const).map((field) => ({
          pointer: translationPointer(lang, field),
          id: inputId(field, lang),
          label: t('editor.fieldIn', {
            field: t(`fields.${field}`),
            language: languageName(lang, locale),
          }),
        })),
      ),
      { pointer: '/meetingId', id: 'news-meeting', label: t('fields.meetingId') },
      { pointer: '/body', id: 'news-body-select', label: t('fields.body') },
      { pointer: '/governmentIds', id: 'news-governments', label: t('fields.governments') },
    ],
    [t, locale],
  );
  const fallbacks = useMemo(
    () => ({
      '/translations': translationPointer('en', 'title'),
      ...Object.fromEntries(
        NEWS_LANGUAGES.map((lang) => [`/translations/${lang}`, translationPointer(lang, 'title')]),
      ),
    }),
    [],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem, fallbacks);

  function fail(next: SubmitProblem) {
    submit.show(next);
    setNotice(null);
    const lang = firstLanguageWithProblem(next.errors.map((e) => e.pointer));
    if (lang) setTab(lang);
  }

  function clientProblems(problems: DraftProblem[]): SubmitProblem {
    return {
      message: null,
      status: 400,
      errors: problems.map((p) => ({ pointer: p.pointer, detail: t(`problems.${p.code}`) })),
    };
  }

  function afterSave(saved: NewsPost) {
    queryClient.setQueryData([...NEWS_KEY, 'post', saved.slug, locale], saved);
    refreshNews(queryClient);
    version.current = saved.version;
    setDraft(postDraft(saved, labelOf));
    submit.clear();
  }

  const save = useMutation({
    mutationFn: (body: NewsCreate) =>
      post
        ? api.patch<NewsPost>(
            `/api/v1/news/${encodeURIComponent(post.slug)}`,
            patchFromCreate(body),
            { version: version.current },
          )
        : api.post<NewsPost>('/api/v1/news', body),
    onSuccess: (saved) => {
      afterSave(saved);
      if (post) {
        setNotice('saved');
      } else {
        guard.release();
        void navigate(`/admin/news/${encodeURIComponent(saved.slug)}`, {
          replace: true,
          state: { notice: 'created' },
        });
      }
    },
    onError: (error) => fail(submitProblem(error)),
  });

  const publish = useMutation({
    mutationFn: async ({
      action,
      body,
    }: {
      action: 'publish' | 'unpublish';
      body?: NewsCreate;
    }) => {
      if (!post) throw new Error('not saved');
      const path = `/api/v1/news/${encodeURIComponent(post.slug)}`;
      if (body) {
        const patched = await api.patch<NewsPost>(path, patchFromCreate(body), {
          version: version.current,
        });
        version.current = patched.version;
      }
      return api.post<NewsPost>(`${path}/${action}`);
    },
    onSuccess: (saved, { action }) => {
      afterSave(saved);
      setNotice(action === 'publish' ? 'published' : 'unpublished');
    },
    onError: (error) => fail(submitProblem(error)),
  });

  const reload = useMutation({
    mutationFn: (slug: string) =>
      api.get<NewsPost>(`/api/v1/news/${encodeURIComponent(slug)}${query({ lang: locale })}`),
    onSuccess: (fresh) => {
      queryClient.setQueryData([...NEWS_KEY, 'post', fresh.slug, locale], fresh);
      version.current = fresh.version;
      setDraft(postDraft(fresh, labelOf));
      submit.clear();
      setNotice(null);
    },
    onError: (error) => fail(submitProblem(error)),
  });

  const remove = useMutation({
    mutationFn: () => api.del(`/api/v1/news/${encodeURIComponent(post?.slug ?? '')}`),
    onSuccess: () => {
      refreshNews(queryClient);
      guard.release();
      void navigate('/admin/news', { state: { notice: 'deleted' } });
    },
  });

  /** The request body when the draft is sound; otherwise shows why and returns null. */
  function validBody(): NewsCreate | null {
    if (current.problems.length > 0) {
      fail(clientProblems(current.problems));
      return null;
    }
    return current.payload;
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body = validBody();
    if (body) save.mutate(body);
  }

  function onPublish(action: 'publish' | 'unpublish') {
    if (!dirty) {
      publish.mutate({ action });
      return;
    }
    const body = validBody();
    if (body) publish.mutate({ action, body });
  }

  const setTranslation = (lang: Locale, patch: Partial<TranslationDraft>) =>
    setDraft((d) => ({
      ...d,
      translations: { ...d.translations, [lang]: { ...d.translations[lang], ...patch } },
    }));
  const busy = save.isPending || publish.isPending || remove.isPending;
  const hasErrorIn = (lang: Locale) =>
    (['title', 'summary', 'bodyHtml'] as const).some((f) => errorFor(translationPointer(lang, f)));

  return (
    <section className="news-editor" aria-labelledby="news-editor-title">
      <div className="admin-heading">
        <div>
          <p className="admin-breadcrumb">
            <Link to="/admin/news">{t('admin.title')}</Link>
          </p>
          <h1 id="news-editor-title">{heading}</h1>
        </div>
        {post?.status === 'published' && (
          <Link className="button button--secondary" to={`/news/${encodeURIComponent(post.slug)}`}>
            {t('editor.view')}
          </Link>
        )}
      </div>

      {post && (
        <p className="news-editor__status" data-testid="post-status">
          <span className={`badge news-status news-status--${post.status}`}>
            {t(`status.${post.status}`)}
          </span>{' '}
          {post.status === 'published' && post.publishedAt
            ? t('editor.publishedOn', { date: formatDate(post.publishedAt, locale) })
            : t('editor.draftHint')}
        </p>
      )}
      {notice && <SavedMessage testId="post-notice">{t(`notices.${notice}`)}</SavedMessage>}
      <ErrorSummary items={summary} attempt={submit.attempt} testId="post-errors" />
      {post && (
        <StaleWriteNotice
          problem={submit.problem}
          onReload={() => reload.mutate(post.slug)}
          reloading={reload.isPending}
        />
      )}

      <form className="admin-form" onSubmit={onSubmit} noValidate data-testid="post-form">
        {!post && (
          <FormField
            id="news-slug"
            label={t('fields.slug')}
            hint={t('editor.slugHint')}
            error={errorFor('/slug')}
          >
            {(control) => (
              <input
                {...control}
                value={draft.slug}
                onChange={(e) => setDraft((d) => ({ ...d, slug: e.target.value }))}
                data-testid="news-slug"
              />
            )}
          </FormField>
        )}

        <fieldset className="admin-fieldset">
          <legend>{t('editor.text')}</legend>
          <p className="field__hint">{t('editor.textHint')}</p>
          <LanguageTabs<Locale>
            idPrefix="news-lang"
            label={t('editor.languages')}
            languages={NEWS_LANGUAGES}
            selected={tab}
            onSelect={setTab}
            tabLabel={(lang) => (
              <>
                <span lang={lang}>{languageName(lang, lang)}</span>
                {isWritten(draft.translations[lang]) && (
                  <span className="news-tabs__mark"> {t('editor.written')}</span>
                )}
                {hasErrorIn(lang) && (
                  <span className="news-tabs__mark news-tabs__mark--error">
                    {' '}
                    {t('editor.hasProblems')}
                  </span>
                )}
              </>
            )}
          >
            {(lang) => (
              <TranslationFields
                lang={lang}
                photos={photoChoices(post?.photos ?? [], lang, (number) =>
                  t('editor:photo.numbered', { number }),
                )}
                noPhotos={post ? t('editor:photo.nonePost') : t('editor:photo.noneNews')}
                value={draft.translations[lang]}
                onChange={(patch) => setTranslation(lang, patch)}
                errorFor={errorFor}
              />
            )}
          </LanguageTabs>
        </fieldset>

        <LinksFields draft={draft} setDraft={setDraft} post={post} errorFor={errorFor} />

        <div className="admin-actions admin-actions--sticky">
          <button
            type="submit"
            className="button"
            disabled={busy}
            aria-busy={save.isPending || undefined}
            data-testid="save-post"
          >
            {save.isPending ? t('admin:form.saving') : post ? t('common:save') : t('editor.create')}
          </button>
          {post &&
            (post.status === 'draft' ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => onPublish('publish')}
                data-testid="publish-post"
              >
                {dirty ? t('editor.saveAndPublish') : t('editor.publish')}
              </button>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => onPublish('unpublish')}
                data-testid="unpublish-post"
              >
                {t('editor.unpublish')}
              </button>
            ))}
          {dirty && post && <span className="admin-hint">{t('editor.unsaved')}</span>}
        </div>
      </form>

      {post && (
        <PhotoManager
          post={post}
          onChanged={() => {
            void queryClient.invalidateQueries({ queryKey: NEWS_KEY });
          }}
        />
      )}

      {post?.status === 'draft' && (
        <section className="admin-panel news-delete" aria-labelledby="news-delete-title">
          <h2 id="news-delete-title">{t('editor.deleteTitle')}</h2>
          {confirmDelete ? (
            <div className="admin-actions" role="group" aria-labelledby="news-delete-confirm">
              <p id="news-delete-confirm">{t('editor.deleteConfirm')}</p>
              <button
                type="button"
                className="button button--danger"
                onClick={() => remove.mutate()}
                disabled={remove.isPending}
                data-testid="confirm-delete-post"
              >
                {t('editor.deleteForGood')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setConfirmDelete(false)}
              >
                {t('common:cancel')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button button--danger"
              onClick={() => setConfirmDelete(true)}
              data-testid="delete-post"
            >
              {t('editor.delete')}
            </button>
          )}
          {remove.isError && (
            <p className="admin-field__error" role="alert">
              {problemText(remove.error)}
            </p>
          )}
        </section>
      )}
    </section>
  );
}

function TranslationFields({
  lang,
  photos,
  noPhotos,
  value,
  onChange,
  errorFor,
}: {
  lang: Locale;
  photos: RichTextPhoto[];
  noPhotos: string;
  value: TranslationDraft;
  onChange(patch: Partial<TranslationDraft>): void;
  errorFor(pointer: string): string | undefined;
}) {
  const { t } = useTranslation(['news', 'editor']);
  return (
    <div className="news-translation">
      <FormField
        id={inputId('title', lang)}
        label={t('fields.title')}
        error={errorFor(translationPointer(lang, 'title'))}
      >
        {(control) => (
          <input
            {...control}
            lang={lang}
            maxLength={300}
            value={value.title}
            onChange={(e) => onChange({ title: e.target.value })}
            data-testid={testId('title', lang)}
          />
        )}
      </FormField>
      <FormField
        id={inputId('summary', lang)}
        label={t('fields.summary')}
        hint={t('editor.summaryHint')}
        error={errorFor(translationPointer(lang, 'summary'))}
      >
        {(control) => (
          <textarea
            {...control}
            lang={lang}
            rows={3}
            maxLength={1000}
            value={value.summary}
            onChange={(e) => onChange({ summary: e.target.value })}
            data-testid={testId('summary', lang)}
          />
        )}
      </FormField>
      <FormField
        id={inputId('bodyHtml', lang)}
        label={t('fields.bodyHtml')}
        hint={t('editor.bodyHint')}
        error={errorFor(translationPointer(lang, 'bodyHtml'))}
      >
        {(control) => (
          <RichTextEditor
            id={control.id}
            label={t('fields.bodyHtml')}
            describedBy={control['aria-describedby']}
            invalid={control['aria-invalid']}
            lang={lang}
            value={value.bodyHtml}
            onChange={(bodyHtml) => onChange({ bodyHtml })}
            photos={photos}
            noPhotos={noPhotos}
            testId={testId('bodyHtml', lang)}
          />
        )}
      </FormField>
    </div>
  );
}

function LinksFields({
  draft,
  setDraft,
  post,
  errorFor,
}: {
  draft: PostDraft;
  setDraft(update: (d: PostDraft) => PostDraft): void;
  post: NewsPost | null;
  errorFor(pointer: string): string | undefined;
}) {
  const { t } = useTranslation(['news', 'common']);
  const locale = useLocale();
  const problemText = useProblemText();
  const bodies = useBodies();
  const [pickerKey, setPickerKey] = useState(0);
  const [lookupError, setLookupError] = useState<string | null>(null);

  async function addGovernment(slug: string, label: string) {
    setLookupError(null);
    try {
      const government = await api.get<Government>(
        `/api/v1/governments/${encodeURIComponent(slug)}`,
      );
      setDraft((d) =>
        d.governments.some((g) => g.id === government.id)
          ? d
          : { ...d, governments: [...d.governments, { id: government.id, slug, label }] },
      );
      setPickerKey((k) => k + 1);
    } catch (error) {
      setLookupError(problemText(error));
    }
  }

  const [meetingSearch, setMeetingSearch] = useState('');
  const meetings = useMeetingChoices(useDeferredValue(meetingSearch));
  const choices = useMemo(
    () =>
      meetingChoices(
        meetings.items,
        post?.meeting,
        locale,
        (day) => formatDate(day, locale),
        t('editor.meetingUntitled'),
      ),
    [meetings.items, post?.meeting, locale, t],
  );
  const shownChoices = filterMeetingChoices(choices, meetingSearch, draft.meetingId);
  const linkedMeeting =
    post?.meeting && String(post.meeting.id) === draft.meetingId.trim() ? post.meeting : null;
  const meetingTitle = linkedMeeting ? pickText(linkedMeeting.title, locale) : null;

  return (
    <fieldset className="admin-fieldset">
      <legend>{t('editor.links')}</legend>
      <div className="admin-grid">
        <FormField
          id="news-meeting-search"
          label={t('editor.meetingSearch')}
          hint={t('editor.meetingSearchHint')}
        >
          {(control) => (
            <input
              {...control}
              type="search"
              value={meetingSearch}
              onChange={(e) => setMeetingSearch(e.target.value)}
              data-testid="news-meeting-search"
            />
          )}
        </FormField>
        <FormField
          id="news-meeting"
          label={t('fields.meetingId')}
          hint={t('editor.meetingHint')}
          error={
            errorFor('/meetingId') ?? (meetings.isError ? problemText(meetings.error) : undefined)
          }
        >
          {(control) => (
            <select
              {...control}
              value={draft.meetingId}
              onChange={(e) => setDraft((d) => ({ ...d, meetingId: e.target.value }))}
              data-testid="news-meeting"
            >
              <option value="">{t('editor.noMeeting')}</option>
              {shownChoices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="news-body-select" label={t('fields.body')} error={errorFor('/body')}>
          {(control) => (
            <select
              {...control}
              value={draft.body}
              onChange={(e) => setDraft((d) => ({ ...d, body: e.target.value }))}
              data-testid="news-body-select"
            >
              <option value="">{t('editor.noBody')}</option>
              {(bodies.data?.items ?? []).map((body) => (
                <option key={body.slug} value={body.slug}>
                  {pickText(body.names, locale)?.text ?? body.slug}
                </option>
              ))}
              {draft.body !== '' && !bodies.data?.items.some((b) => b.slug === draft.body) && (
                <option value={draft.body}>{draft.body}</option>
              )}
            </select>
          )}
        </FormField>
      </div>
      {linkedMeeting && (
        <p className="admin-hint">
          <Link to={`/meetings/${linkedMeeting.id}`}>
            <span lang={meetingTitle?.lang}>{meetingTitle?.text}</span>
          </Link>{' '}
          {formatDate(linkedMeeting.startsAt, locale)}
        </p>
      )}
      <FormField
        id="news-governments"
        label={t('fields.governments')}
        hint={t('editor.governmentsHint')}
        error={errorFor('/governmentIds') ?? lookupError ?? undefined}
      >
        {(control) => (
          <GovernmentPicker
            key={pickerKey}
            control={control}
            value={null}
            onChange={(picked) => {
              if (picked) void addGovernment(picked.slug, picked.label);
            }}
            testId="news-government-picker"
          />
        )}
      </FormField>
      {draft.governments.length > 0 && (
        <ul className="news-linked" aria-label={t('fields.governments')}>
          {draft.governments.map((g) => (
            <li key={g.id} data-testid="news-linked-government">
              <span>{g.label}</span>
              <button
                type="button"
                className="button button--link"
                onClick={() =>
                  setDraft((d) => ({
                    ...d,
                    governments: d.governments.filter((other) => other.id !== g.id),
                  }))
                }
                aria-label={t('editor.unlink', { name: g.label })}
              >
                {t('editor.unlinkShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

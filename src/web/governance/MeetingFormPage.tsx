/**
 * /admin/meetings/new and /admin/meetings/:id/edit — a meeting's title in the network's
 * languages, its body, format, start and end on the clock of its zone, venue, join link and
 * its agenda. A new meeting is sent whole (POST /meetings); an existing one in two steps
 * (PATCH the meeting, then PUT its agenda).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError, type FieldError } from '../api';
import {
  ErrorSummary,
  FormField,
  StaleWriteNotice,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { clearStoredDraft, draftStorage, readStoredDraft, writeStoredDraft } from '../forms/draft';
import { isChanged, useUnsavedChanges } from '../forms/unsaved';
import { mayDo, useSession } from '../auth/session';
import { formatDate, languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { ErrorMessage, Loading } from '../components/DataState';
import { MEETING_FORMATS } from '../../core/governance/meeting';
import { isTimeZone, zonedTimeToUtc } from '../../core/governance/time';
import { LOCALES } from '../../core/locales';
import { filterTimeZones, timeZoneOptions } from '../../core/time-zone-label';
import { agendaClockLocal } from './agenda-clock';
import { agendaProblems, fromAgenda, toAgendaInput, type EditorItem } from './agenda-tree';
import { AgendaEditor } from './AgendaEditor';
import {
  acceptMeetingDraft,
  checkMeeting,
  defaultMeetingZone,
  emptyMeetingValues,
  highestKey,
  meetingDraftKey,
  meetingCreateBody,
  meetingFormValues,
  meetingPatchBody,
  type MeetingFormValues,
} from './meeting-form';
import { storeMeeting, useBodies, useBody, useMeeting } from './queries';
import { defaultTermFor, endedTermFor, meetingDay, termsNewestFirst } from './term-choice';
import { pickText } from './text';
import type { Meeting, MeetingFormat } from './types';
import { COMMON_TIME_ZONES, formatInZone, sameClock, viewerTimeZone } from './zoned-time';
import './governance.css';

const OTHER_ZONE = '__other__';

export default function MeetingFormPage() {
  const { id } = useParams();
  const meetingId = id === undefined ? null : Number(id);
  const meeting = useMeeting(meetingId ?? 0);
  if (meetingId !== null && meeting.isPending) return <Loading />;
  if (meetingId !== null && meeting.isError) return <ErrorMessage error={meeting.error} />;
  return <MeetingForm key={meeting.data?.id ?? 'new'} meeting={meeting.data ?? null} />;
}

/** The agenda's pointers are /items/… in PUT …/agenda and /agenda/… in POST /meetings. */
function asAgendaPointers(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) =>
    e.pointer === '/items' || e.pointer.startsWith('/items/')
      ? { ...e, pointer: `/agenda${e.pointer.slice('/items'.length)}` }
      : e,
  );
}

function ZonePreview({ local, zone }: { local: string; zone: string }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const viewer = viewerTimeZone();
  if (!local || !isTimeZone(zone)) return null;
  let instant: string;
  try {
    instant = zonedTimeToUtc(local, zone);
  } catch {
    return null;
  }
  if (sameClock([instant], zone, viewer)) return null;
  return (
    <p className="field__hint">
      {t('meetingForm.inYourZone', { time: formatInZone(instant, viewer, locale), zone: viewer })}
    </p>
  );
}

/**
 * The term whose seats meet, for a new meeting of a body. By default the server takes the
 * term of the meeting's day; the hint says which one that will be, so the choice is seen.
 */
function TermField({
  values,
  error,
  onChange,
}: {
  values: MeetingFormValues;
  error: string | undefined;
  onChange(termId: string): void;
}) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const body = useBody(values.body);
  const terms = termsNewestFirst(body.data?.terms ?? []);
  const day = meetingDay(values.start, values.timeZone);
  const byDate = day ? defaultTermFor(terms, day) : null;
  const ended = day && values.termId === '' ? endedTermFor(terms, day) : null;
  const { user } = useSession();
  const hint = ended ? (
    <span className="gov-term-note" data-testid="meeting-no-current-term">
      {t('meetingForm.noCurrentTerm', {
        term: ended.label,
        date: formatDate(ended.endsOn, locale),
      })}{' '}
      {mayDo(user, 'body.manage') && (
        <Link to={`/bodies/${encodeURIComponent(values.body)}`} data-testid="meeting-open-term">
          {t('meetingForm.openNextTerm')}
        </Link>
      )}
    </span>
  ) : body.isError ? (
    t('meetingForm.termsUnavailable')
  ) : body.isPending ? (
    t('meetingForm.termsLoading')
  ) : terms.length === 0 ? (
    t('meetingForm.noTerms')
  ) : values.termId !== '' ? (
    t('meetingForm.termChosenHint')
  ) : byDate ? (
    t('meetingForm.termByDate', { term: byDate.label })
  ) : (
    t('meetingForm.termHint')
  );
  return (
    <FormField id="meeting-term" label={t('meetingForm.term')} hint={hint} error={error}>
      {(control) => (
        <select
          {...control}
          value={values.termId}
          onChange={(e) => onChange(e.target.value)}
          data-testid="meeting-term"
        >
          <option value="">{t('meetingForm.termDefault')}</option>
          {terms.map((term) => (
            <option key={term.id} value={String(term.id)}>
              {t('meetingForm.termOption', {
                label: term.label,
                from: formatDate(term.startsOn, locale),
                to: formatDate(term.endsOn, locale),
                count: term.seatCount,
              })}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

function MeetingForm({ meeting }: { meeting: Meeting | null }) {
  const { t } = useTranslation(['governance', 'common']);
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search] = useSearchParams();
  const bodies = useBodies();
  const keyCounter = useRef(0);
  const makeKey = () => `item-${++keyCounter.current}`;
  // The form as opened, and the draft this tab kept of it if the last visit was not saved.
  const draftKey = meetingDraftKey(meeting?.id ?? null);
  const [opened, setOpened] = useState(() => {
    const values = meeting
      ? meetingFormValues(meeting)
      : emptyMeetingValues(viewerTimeZone(), search.get('body') ?? '');
    const agenda = meeting ? fromAgenda(meeting.agenda, makeKey) : [];
    const draft = readStoredDraft(draftStorage(), draftKey, (parsed) =>
      acceptMeetingDraft(parsed, values, meeting?.version ?? null),
    );
    if (draft) keyCounter.current = Math.max(keyCounter.current, highestKey(draft.agenda));
    return { values, agenda, draft };
  });
  const [values, setValues] = useState<MeetingFormValues>(opened.draft?.values ?? opened.values);
  const [agenda, setAgenda] = useState<EditorItem[]>(opened.draft?.agenda ?? opened.agenda);
  const [draftShown, setDraftShown] = useState(opened.draft !== null);
  const dirty = isChanged({ values: opened.values, agenda: opened.agenda }, { values, agenda });
  const guard = useUnsavedChanges(dirty);
  useEffect(() => {
    if (dirty)
      writeStoredDraft(draftStorage(), draftKey, {
        version: meeting?.version ?? null,
        values,
        agenda,
      });
    else clearStoredDraft(draftStorage(), draftKey);
  }, [dirty, draftKey, meeting?.version, values, agenda]);
  function discardDraft() {
    setValues(opened.values);
    setAgenda(opened.agenda);
    setDraftShown(false);
    clearStoredDraft(draftStorage(), draftKey);
  }
  // The version each step is made from (If-Match): the meeting as opened, then as each step
  // of a save left it, so a second try after a refused agenda is not taken for someone else's.
  const version = useRef(meeting?.version);
  const knownZones = useMemo(() => {
    // The full IANA list where the browser gives it, else the common ones.
    const all =
      typeof Intl.supportedValuesOf === 'function'
        ? Intl.supportedValuesOf('timeZone')
        : COMMON_TIME_ZONES;
    const zones = new Set<string>(all);
    zones.add('UTC');
    zones.add(viewerTimeZone());
    if (meeting) zones.add(meeting.timeZone);
    return [...zones].sort();
  }, [meeting]);
  const zoneOptions = useMemo(
    () => timeZoneOptions(knownZones, locale, new Date()),
    [knownZones, locale],
  );
  const [zoneQuery, setZoneQuery] = useState('');
  const [otherZone, setOtherZone] = useState(() => !knownZones.includes(values.timeZone));
  // A new meeting starts in its body's zone until someone chooses one (a restored draft chose).
  const zoneChosen = useRef(meeting !== null || opened.draft !== null);
  const bodyList = bodies.data?.items;
  const zoneFor = useCallback(
    (body: string) => defaultMeetingZone(body, bodyList ?? [], viewerTimeZone()),
    [bodyList],
  );
  function chooseZone(timeZone: string) {
    setOtherZone(!knownZones.includes(timeZone));
    return timeZone;
  }
  // Opened for a body (?body=…): once the bodies are known, the form opens in its zone.
  useEffect(() => {
    if (zoneChosen.current || !bodyList || !opened.values.body) return;
    zoneChosen.current = true;
    const timeZone = zoneFor(opened.values.body);
    if (timeZone === opened.values.timeZone) return;
    const next = { ...opened.values, timeZone };
    setOpened((o) => ({ ...o, values: next }));
    setValues((v) => (v.timeZone === opened.values.timeZone ? { ...v, timeZone } : v));
    setOtherZone(!knownZones.includes(timeZone));
  }, [bodyList, opened.values, zoneFor, knownZones]);
  const bodyZone = values.body ? zoneFor(values.body) : null;
  const submit = useSubmitState();

  const heading = meeting ? t('meetingForm.editTitle') : t('meetingForm.newTitle');
  usePageTitle(heading);

  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/body', id: 'meeting-body', label: t('meetingForm.body') },
      { pointer: '/termId', id: 'meeting-term', label: t('meetingForm.term') },
      { pointer: '/title', id: 'meeting-title-en', label: t('meetingForm.titleEn') },
      { pointer: '/format', id: 'meeting-format', label: t('meetingForm.format') },
      { pointer: '/timeZone', id: 'meeting-zone', label: t('meetingForm.zone') },
      { pointer: '/start', id: 'meeting-start', label: t('meetingForm.start') },
      { pointer: '/end', id: 'meeting-end', label: t('meetingForm.end') },
      { pointer: '/venue', id: 'meeting-venue', label: t('meetingForm.venue') },
      { pointer: '/joinUrl', id: 'meeting-joinUrl', label: t('meetingForm.joinUrl') },
      { pointer: '/agenda', id: 'agenda-editor', label: t('meetingForm.agenda') },
    ],
    [t],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem);
  const itemProblems = useMemo(
    () => agendaProblems(submit.problem?.errors ?? [], '/agenda', agenda),
    [submit.problem, agenda],
  );
  const clock = agendaClockLocal(agenda, values.start, values.end, values.timeZone.trim());

  const save = useMutation({
    mutationFn: async (): Promise<Meeting> => {
      if (!meeting) return api.post<Meeting>('/api/v1/meetings', meetingCreateBody(values, agenda));
      const patched = await api.patch<Meeting>(
        `/api/v1/meetings/${meeting.id}`,
        meetingPatchBody(values),
        { version: version.current },
      );
      version.current = patched.version;
      try {
        const saved = await api.put<Meeting>(
          `/api/v1/meetings/${meeting.id}/agenda`,
          { items: toAgendaInput(agenda) },
          { version: version.current },
        );
        version.current = saved.version;
        return saved;
      } catch (error) {
        if (error instanceof ApiError) {
          throw new ApiError(
            error.status,
            error.title,
            error.detail,
            asAgendaPointers(error.errors),
            error.code,
            error.params,
          );
        }
        throw error;
      }
    },
    onSuccess: (saved) => {
      storeMeeting(queryClient, saved);
      clearStoredDraft(draftStorage(), draftKey);
      guard.release();
      void navigate(`/admin/meetings/${saved.id}`, { state: { notice: 'meeting-saved' } });
    },
    onError: (error) => {
      // The server's words are English: say the refusal of a meeting between terms in the reader's.
      if (error instanceof ApiError && error.code === 'meeting-outside-term') {
        const params = error.params ?? {};
        const after = params.side === 'after';
        const detail = t(after ? 'meetingForm.outsideTermAfter' : 'meetingForm.outsideTermBefore', {
          term: String(params.term ?? ''),
          date: formatDate(String((after ? params.endsOn : params.startsOn) ?? ''), locale),
        });
        submit.fail(
          new ApiError(error.status, error.title, detail, [{ pointer: '/start', detail }]),
        );
        return;
      }
      if (error instanceof ApiError && error.code === 'no-current-term') {
        const params = error.params ?? {};
        const detail = t('meetingForm.noCurrentTerm', {
          term: String(params.term ?? ''),
          date: formatDate(String(params.endedOn ?? ''), locale),
        });
        submit.fail(
          new ApiError(error.status, error.title, detail, [{ pointer: '/termId', detail }]),
        );
        return;
      }
      submit.fail(error);
    },
  });
  const reload = useMutation({
    mutationFn: (id: number) => api.get<Meeting>(`/api/v1/meetings/${id}`),
    onSuccess: (fresh) => {
      storeMeeting(queryClient, fresh);
      version.current = fresh.version;
      setValues(meetingFormValues(fresh));
      setAgenda(fromAgenda(fresh.agenda, makeKey));
      submit.clear();
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = checkMeeting(values, agenda);
    if (problems.length > 0) {
      submit.reject(
        problems.map((p) => ({
          pointer: p.pointer,
          detail: t(`meetingForm.problems.${p.code}`),
        })),
      );
      return;
    }
    submit.clear();
    save.mutate();
  }

  const set = (patch: Partial<MeetingFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const zoneSelectValue = otherZone ? OTHER_ZONE : values.timeZone;

  return (
    <section className="gov-admin" aria-labelledby="meeting-form-title">
      <div className="admin-heading">
        <div>
          <p className="admin-breadcrumb">
            <Link to={meeting ? `/admin/meetings/${meeting.id}` : '/admin/meetings'}>
              {meeting ? pickText(meeting.title, locale).text : t('adminMeetings.title')}
            </Link>
          </p>
          <h1 id="meeting-form-title">{heading}</h1>
        </div>
      </div>
      <form className="admin-form" onSubmit={onSubmit} noValidate>
        <ErrorSummary items={summary} attempt={submit.attempt} testId="meeting-errors" />
        {draftShown && (
          <p className="admin-saved" role="status" data-testid="meeting-draft-restored">
            {t('common:unsaved.draftRestored')}{' '}
            <button
              type="button"
              className="button button--secondary"
              onClick={discardDraft}
              data-testid="discard-meeting-draft"
            >
              {t('common:unsaved.discardDraft')}
            </button>
          </p>
        )}
        {meeting && (
          <StaleWriteNotice
            problem={submit.problem}
            onReload={() => reload.mutate(meeting.id)}
            reloading={reload.isPending}
          />
        )}

        <fieldset className="admin-fieldset">
          <legend>{t('meetingForm.what')}</legend>
          <FormField
            id="meeting-body"
            label={t('meetingForm.body')}
            hint={meeting ? t('meetingForm.bodyFixed') : t('meetingForm.bodyHint')}
            error={errorFor('/body')}
          >
            {(control) => (
              <select
                {...control}
                value={values.body}
                disabled={meeting !== null}
                // Terms belong to a body: another body starts again from the default, and in
                // its own zone unless one was chosen.
                onChange={(e) => {
                  const body = e.target.value;
                  if (zoneChosen.current) set({ body, termId: '' });
                  else set({ body, termId: '', timeZone: chooseZone(zoneFor(body)) });
                }}
                data-testid="meeting-body"
              >
                <option value="">{t('meetingForm.noBody')}</option>
                {(bodies.data?.items ?? []).map((b) => (
                  <option key={b.slug} value={b.slug}>
                    {pickText(b.names, locale).text}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {meeting === null && values.body !== '' && (
            <TermField
              values={values}
              error={errorFor('/termId')}
              onChange={(termId) => set({ termId })}
            />
          )}
          <FormField
            id="meeting-title-en"
            label={t('meetingForm.titleEn')}
            required
            error={errorFor('/title')}
          >
            {(control) => (
              <input
                {...control}
                lang="en"
                value={values.title.en}
                maxLength={2000}
                onChange={(e) => set({ title: { ...values.title, en: e.target.value } })}
                data-testid="meeting-title-en"
              />
            )}
          </FormField>
          <div className="gov-translations">
            {LOCALES.filter((l) => l !== 'en').map((lang) => (
              <FormField
                key={lang}
                id={`meeting-title-${lang}`}
                label={t('meetingForm.titleIn', { language: languageName(lang, locale) })}
              >
                {(control) => (
                  <input
                    {...control}
                    lang={lang}
                    value={values.title[lang]}
                    maxLength={2000}
                    onChange={(e) => set({ title: { ...values.title, [lang]: e.target.value } })}
                    data-testid={`meeting-title-${lang}`}
                  />
                )}
              </FormField>
            ))}
          </div>
          <FormField
            id="meeting-format"
            label={t('meetingForm.format')}
            error={errorFor('/format')}
          >
            {(control) => (
              <select
                {...control}
                value={values.format}
                onChange={(e) => set({ format: e.target.value as MeetingFormat })}
                data-testid="meeting-format"
              >
                {MEETING_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(`formats.${f}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </fieldset>

        <fieldset className="admin-fieldset">
          <legend>{t('meetingForm.when')}</legend>
          <div className="field admin-field">
            <label htmlFor="meeting-zone-search" className="field__label">
              {t('meetingForm.zoneSearch')}
            </label>
            <input
              id="meeting-zone-search"
              type="search"
              value={zoneQuery}
              placeholder={t('meetingForm.zoneSearchPlaceholder')}
              onChange={(e) => setZoneQuery(e.target.value)}
              data-testid="meeting-zone-search"
            />
          </div>
          <FormField
            id="meeting-zone"
            label={t('meetingForm.zone')}
            hint={
              bodyZone !== null && bodyZone === values.timeZone
                ? t('meetingForm.zoneOfBody')
                : t('meetingForm.zoneHint')
            }
            required
            error={errorFor('/timeZone')}
          >
            {(control) => (
              <select
                {...control}
                value={zoneSelectValue}
                onChange={(e) => {
                  zoneChosen.current = true;
                  if (e.target.value === OTHER_ZONE) {
                    setOtherZone(true);
                  } else {
                    setOtherZone(false);
                    set({ timeZone: e.target.value });
                  }
                }}
                data-testid="meeting-zone"
              >
                {filterTimeZones(zoneOptions, zoneQuery, values.timeZone).map((zone) => (
                  <option key={zone.id} value={zone.id}>
                    {zone.label}
                  </option>
                ))}
                <option value={OTHER_ZONE}>{t('meetingForm.otherZone')}</option>
              </select>
            )}
          </FormField>
          {otherZone && (
            <FormField
              id="meeting-zone-other"
              label={t('meetingForm.zoneName')}
              hint={t('meetingForm.zoneNameHint')}
            >
              {(control) => (
                <input
                  {...control}
                  value={values.timeZone}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => {
                    zoneChosen.current = true;
                    set({ timeZone: e.target.value });
                  }}
                  data-testid="meeting-zone-other"
                />
              )}
            </FormField>
          )}
          <div className="gov-inline-fields">
            <FormField
              id="meeting-start"
              label={t('meetingForm.start')}
              hint={t('meetingForm.localHint', { zone: values.timeZone })}
              required
              error={errorFor('/start')}
            >
              {(control) => (
                <>
                  <input
                    {...control}
                    type="datetime-local"
                    value={values.start}
                    onChange={(e) => set({ start: e.target.value })}
                    data-testid="meeting-start"
                  />
                  <ZonePreview local={values.start} zone={values.timeZone} />
                </>
              )}
            </FormField>
            <FormField
              id="meeting-end"
              label={t('meetingForm.end')}
              hint={t('meetingForm.localHint', { zone: values.timeZone })}
              required
              error={errorFor('/end')}
            >
              {(control) => (
                <>
                  <input
                    {...control}
                    type="datetime-local"
                    value={values.end}
                    min={values.start || undefined}
                    onChange={(e) => set({ end: e.target.value })}
                    data-testid="meeting-end"
                  />
                  <ZonePreview local={values.end} zone={values.timeZone} />
                </>
              )}
            </FormField>
          </div>
        </fieldset>

        <fieldset className="admin-fieldset">
          <legend>{t('meetingForm.where')}</legend>
          <FormField id="meeting-venue" label={t('meetingForm.venue')} error={errorFor('/venue')}>
            {(control) => (
              <input
                {...control}
                value={values.venue}
                maxLength={300}
                onChange={(e) => set({ venue: e.target.value })}
                data-testid="meeting-venue"
              />
            )}
          </FormField>
          <FormField
            id="meeting-joinUrl"
            label={t('meetingForm.joinUrl')}
            hint={t('meetingForm.joinUrlHint')}
            error={errorFor('/joinUrl')}
          >
            {(control) => (
              <input
                {...control}
                type="url"
                value={values.joinUrl}
                maxLength={2000}
                onChange={(e) => set({ joinUrl: e.target.value })}
                data-testid="meeting-joinUrl"
              />
            )}
          </FormField>
        </fieldset>

        <fieldset className="admin-fieldset">
          <legend>{t('meetingForm.agenda')}</legend>
          <p className="field__hint">{t('meetingForm.agendaHint', { zone: values.timeZone })}</p>
          {errorFor('/agenda') && itemProblems.size === 0 && (
            <p className="admin-field__error">{errorFor('/agenda')}</p>
          )}
          <AgendaEditor
            tree={agenda}
            onChange={setAgenda}
            makeKey={makeKey}
            clock={clock}
            timeZone={isTimeZone(values.timeZone.trim()) ? values.timeZone.trim() : 'UTC'}
            problems={itemProblems}
          />
        </fieldset>

        <div className="admin-actions admin-actions--sticky">
          <button
            type="submit"
            className="button"
            disabled={save.isPending}
            data-testid="save-meeting"
          >
            {save.isPending
              ? t('actions.saving')
              : meeting
                ? t('common:save')
                : t('meetingForm.create')}
          </button>
          <Link
            className="button button--secondary"
            to={meeting ? `/admin/meetings/${meeting.id}` : '/admin/meetings'}
          >
            {t('common:cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}

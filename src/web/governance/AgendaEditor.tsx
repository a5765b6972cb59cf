/**
 * The agenda editor: a nested list of items that can be added, moved up and down, nested
 * and un-nested, and removed, all with ordinary buttons. The running clock beside each item
 * is recomputed as durations change, with the same rule the server publishes.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { AGENDA_KINDS, type AgendaKind } from '../../core/governance/agenda';
import { LOCALES } from '../../core/locales';
import { languageName } from '../components/format';
import type { AgendaClock } from './agenda-clock';
import {
  addItem,
  addSubItem,
  canAddSubItem,
  canIndent,
  canMove,
  canOutdent,
  flattenTree,
  indentItem,
  moveItem,
  newItem,
  newSpeaker,
  outdentItem,
  removeItem,
  updateItem,
  SPEAKER_SOURCES,
  type EditorItem,
  type EditorSpeaker,
  type FlatItem,
  type ItemProblem,
  subItemMinutes,
} from './agenda-tree';
import { PersonPicker } from './PersonPicker';
import { formatClock } from './zoned-time';

export interface AgendaEditorProps {
  tree: EditorItem[];
  onChange(tree: EditorItem[]): void;
  makeKey(): string;
  clock: AgendaClock | null;
  timeZone: string;
  /** Problems by flattened index, from the API or the browser's own checks. */
  problems: Map<number, ItemProblem[]>;
}

type FocusTarget = { key: string; control: 'up' | 'down' | 'indent' | 'outdent' | 'title' };

function domId(key: string, control: string): string {
  return `agenda-${key}-${control}`;
}

export function AgendaEditor({
  tree,
  onChange,
  makeKey,
  clock,
  timeZone,
  problems,
}: AgendaEditorProps) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const [focus, setFocus] = useState<FocusTarget | null>(null);
  const flat = flattenTree(tree);

  // After a move the item re-renders elsewhere; keyboard users keep their place on it.
  useEffect(() => {
    if (!focus) return;
    const wanted = document.getElementById(domId(focus.key, focus.control));
    const target =
      wanted && !(wanted as HTMLButtonElement).disabled
        ? wanted
        : document.getElementById(domId(focus.key, 'title'));
    target?.focus();
    setFocus(null);
  }, [focus, tree]);

  const rowsByKey = new Map((clock?.rows ?? []).map((r) => [r.key, r]));

  function edit(flatItem: FlatItem, patch: Partial<Omit<EditorItem, 'key' | 'children'>>) {
    onChange(updateItem(tree, flatItem.path, patch));
  }

  function move(flatItem: FlatItem, op: 'up' | 'down' | 'indent' | 'outdent') {
    const result =
      op === 'up'
        ? moveItem(tree, flatItem.path, -1)
        : op === 'down'
          ? moveItem(tree, flatItem.path, 1)
          : op === 'indent'
            ? indentItem(tree, flatItem.path)
            : outdentItem(tree, flatItem.path);
    onChange(result.tree);
    setFocus({ key: flatItem.item.key, control: op });
  }

  function add(parent: FlatItem | null) {
    const item = newItem(makeKey());
    onChange(parent ? addSubItem(tree, parent.path, item) : addItem(tree, item));
    setFocus({ key: item.key, control: 'title' });
  }

  function setSpeakers(flatItem: FlatItem, speakers: EditorSpeaker[]) {
    edit(flatItem, { speakers });
  }

  function renderItem(flatItem: FlatItem) {
    const { item, index, number, path } = flatItem;
    const itemProblems = problems.get(index) ?? [];
    const problemFor = (field: string) =>
      itemProblems
        .filter((p) => p.field === field || p.field.startsWith(`${field}/`))
        .map((p) => p.detail)
        .join('; ') || undefined;
    const general = itemProblems.filter(
      (p) =>
        !['title', 'durationMinutes', 'kind', 'speakers', 'notes'].some(
          (f) => p.field === f || p.field.startsWith(`${f}/`),
        ),
    );
    const row = rowsByKey.get(item.key);
    const children = flat.filter(
      (f) => f.depth === flatItem.depth + 1 && f.path.slice(0, -1).join('.') === path.join('.'),
    );
    const titleError = problemFor('title');
    const durationError = problemFor('durationMinutes');
    // An item with sub-items lasts as long as they do: its own duration is not used.
    const fromChildren = subItemMinutes(item);
    const label = t('agendaEditor.itemLabel', { number });
    const base = `agenda-${item.key}`;
    return (
      <li
        key={item.key}
        className={`gov-agenda-editor__item gov-agenda-editor__item--depth-${flatItem.depth}`}
      >
        <fieldset className="gov-agenda-editor__fieldset" data-testid={`agenda-item-${index}`}>
          <legend>
            {label}
            {row && (
              <span className="gov-agenda-editor__clock" data-testid={`agenda-item-clock-${index}`}>
                {' '}
                {formatClock(row.start, timeZone, locale)}–{formatClock(row.end, timeZone, locale)}{' '}
                (
                {t('agenda.minutes', {
                  count: row.minutes,
                  formatted: formatNumber(row.minutes, locale),
                })}
                )
              </span>
            )}
          </legend>
          {general.length > 0 && (
            <p className="admin-field__error" role="alert">
              {general.map((p) => p.detail).join('; ')}
            </p>
          )}
          <div className="gov-agenda-editor__fields">
            <div className={`field admin-field${titleError ? ' admin-field--invalid' : ''}`}>
              <label htmlFor={domId(item.key, 'title')} className="field__label">
                {t('agendaEditor.title')}
              </label>
              {titleError && (
                <p id={`${base}-title-error`} className="admin-field__error">
                  {titleError}
                </p>
              )}
              <input
                id={domId(item.key, 'title')}
                value={item.title.en ?? ''}
                onChange={(e) => edit(flatItem, { title: { ...item.title, en: e.target.value } })}
                aria-invalid={titleError ? true : undefined}
                aria-describedby={titleError ? `${base}-title-error` : undefined}
                maxLength={2000}
                data-testid={`agenda-item-title-${index}`}
              />
            </div>
            <div className="field admin-field">
              <label htmlFor={`${base}-kind`} className="field__label">
                {t('agendaEditor.kind')}
              </label>
              <select
                id={`${base}-kind`}
                value={item.kind}
                onChange={(e) => edit(flatItem, { kind: e.target.value as AgendaKind })}
                data-testid={`agenda-item-kind-${index}`}
              >
                {AGENDA_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`agendaKinds.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className={`field admin-field${durationError ? ' admin-field--invalid' : ''}`}>
              <label htmlFor={`${base}-duration`} className="field__label">
                {t('agendaEditor.duration')}
              </label>
              {durationError && (
                <p id={`${base}-duration-error`} className="admin-field__error">
                  {durationError}
                </p>
              )}
              <input
                id={`${base}-duration`}
                className="admin-input--short"
                inputMode="numeric"
                value={fromChildren === null ? item.duration : String(fromChildren)}
                disabled={fromChildren !== null}
                onChange={(e) => edit(flatItem, { duration: e.target.value })}
                aria-invalid={durationError ? true : undefined}
                aria-describedby={
                  [
                    durationError ? `${base}-duration-error` : '',
                    fromChildren !== null ? `${base}-duration-hint` : '',
                  ]
                    .filter(Boolean)
                    .join(' ') || undefined
                }
                data-testid={`agenda-item-duration-${index}`}
              />
              {fromChildren !== null && (
                <p
                  id={`${base}-duration-hint`}
                  className="field__hint"
                  data-testid={`agenda-item-duration-hint-${index}`}
                >
                  {t('agendaEditor.durationFromChildren', {
                    minutes: formatNumber(fromChildren, locale),
                  })}
                </p>
              )}
            </div>
          </div>
          <details className="gov-agenda-editor__more">
            <summary>{t('agendaEditor.translations')}</summary>
            {LOCALES.filter((l) => l !== 'en').map((lang) => (
              <div key={lang} className="field admin-field">
                <label htmlFor={`${base}-title-${lang}`} className="field__label">
                  {t('agendaEditor.titleIn', { language: languageName(lang, locale) })}
                </label>
                <input
                  id={`${base}-title-${lang}`}
                  lang={lang}
                  value={item.title[lang] ?? ''}
                  onChange={(e) =>
                    edit(flatItem, { title: { ...item.title, [lang]: e.target.value } })
                  }
                />
              </div>
            ))}
            <div className="field admin-field">
              <label htmlFor={`${base}-notes`} className="field__label">
                {t('agendaEditor.notes')}
              </label>
              <textarea
                id={`${base}-notes`}
                rows={2}
                maxLength={4000}
                value={item.notes}
                onChange={(e) => edit(flatItem, { notes: e.target.value })}
              />
            </div>
          </details>
          <fieldset className="gov-speakers">
            <legend>{t('agendaEditor.speakers')}</legend>
            {item.speakers.length === 0 && <p className="muted">{t('agendaEditor.noSpeakers')}</p>}
            {item.speakers.map((speaker, s) => {
              const speakerError = problemFor(`speakers/${s}`);
              const errorId = `${base}-speaker-${s}-error`;
              const change = (patch: Partial<EditorSpeaker>) =>
                setSpeakers(
                  flatItem,
                  item.speakers.map((sp, i) => (i === s ? { ...sp, ...patch } : sp)),
                );
              return (
                <div key={speaker.key} className="gov-speaker">
                  <div
                    className="gov-speaker__source"
                    role="radiogroup"
                    aria-label={t('agendaEditor.speakerSource', { n: s + 1 })}
                  >
                    {SPEAKER_SOURCES.map((source) => (
                      <label key={source} className="admin-radio">
                        <input
                          type="radio"
                          name={`${base}-speaker-${speaker.key}-source`}
                          value={source}
                          checked={speaker.source === source}
                          onChange={() => change({ source })}
                          data-testid={`agenda-item-speaker-source-${index}-${s}-${source}`}
                        />{' '}
                        {t(`agendaEditor.speakerSources.${source}`)}
                      </label>
                    ))}
                  </div>
                  {speaker.source === 'name' ? (
                    <div
                      className={`field admin-field${speakerError ? ' admin-field--invalid' : ''}`}
                    >
                      <label htmlFor={`${base}-speaker-${s}-name`} className="field__label">
                        {t('agendaEditor.speakerName', { n: s + 1 })}
                      </label>
                      {speakerError && (
                        <p id={errorId} className="admin-field__error">
                          {speakerError}
                        </p>
                      )}
                      <input
                        id={`${base}-speaker-${s}-name`}
                        value={speaker.name}
                        maxLength={200}
                        aria-invalid={speakerError ? true : undefined}
                        aria-describedby={speakerError ? errorId : undefined}
                        onChange={(e) => change({ name: e.target.value })}
                        data-testid={`agenda-item-speaker-name-${index}-${s}`}
                      />
                    </div>
                  ) : (
                    <div
                      className={`field admin-field gov-speaker__person${speakerError ? ' admin-field--invalid' : ''}`}
                    >
                      <label htmlFor={`${base}-speaker-${s}-person`} className="field__label">
                        {t('agendaEditor.speakerPerson', { n: s + 1 })}
                      </label>
                      {speakerError && (
                        <p id={errorId} className="admin-field__error">
                          {speakerError}
                        </p>
                      )}
                      <PersonPicker
                        control={{
                          id: `${base}-speaker-${s}-person`,
                          'aria-describedby': speakerError ? errorId : undefined,
                          'aria-invalid': speakerError ? true : undefined,
                        }}
                        value={speaker.person}
                        onChange={(person) => change({ person })}
                        testId={`agenda-item-speaker-person-${index}-${s}`}
                      />
                    </div>
                  )}
                  <div className="field admin-field">
                    <label htmlFor={`${base}-speaker-${s}-role`} className="field__label">
                      {t('agendaEditor.speakerRole', { n: s + 1 })}
                    </label>
                    <input
                      id={`${base}-speaker-${s}-role`}
                      value={speaker.role}
                      maxLength={200}
                      onChange={(e) => change({ role: e.target.value })}
                      data-testid={`agenda-item-speaker-role-${index}-${s}`}
                    />
                  </div>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() =>
                      setSpeakers(
                        flatItem,
                        item.speakers.filter((_, i) => i !== s),
                      )
                    }
                  >
                    {t('agendaEditor.removeSpeaker', { n: s + 1 })}
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setSpeakers(flatItem, [...item.speakers, newSpeaker(makeKey())])}
              disabled={item.speakers.length >= 20}
              data-testid={`agenda-item-add-speaker-${index}`}
            >
              {t('agendaEditor.addSpeaker')}
            </button>
          </fieldset>
          {/* Each button's name begins with the word it shows (WCAG 2.5.3, label in name) and
              says which item; its title says in full what it does. */}
          <div
            className="gov-agenda-editor__tools"
            role="group"
            aria-label={t('agendaEditor.tools', { number })}
          >
            <button
              type="button"
              id={domId(item.key, 'up')}
              className="button button--secondary button--small"
              onClick={() => move(flatItem, 'up')}
              disabled={!canMove(tree, path, -1)}
              aria-label={t('agendaEditor.forItem', { action: t('agendaEditor.moveUp'), number })}
              title={t('agendaEditor.moveUpLabel', { number })}
              data-testid={`agenda-item-up-${index}`}
            >
              <span aria-hidden="true">↑ </span>
              {t('agendaEditor.moveUp')}
            </button>
            <button
              type="button"
              id={domId(item.key, 'down')}
              className="button button--secondary button--small"
              onClick={() => move(flatItem, 'down')}
              disabled={!canMove(tree, path, 1)}
              aria-label={t('agendaEditor.forItem', { action: t('agendaEditor.moveDown'), number })}
              title={t('agendaEditor.moveDownLabel', { number })}
              data-testid={`agenda-item-down-${index}`}
            >
              <span aria-hidden="true">↓ </span>
              {t('agendaEditor.moveDown')}
            </button>
            <button
              type="button"
              id={domId(item.key, 'indent')}
              className="button button--secondary button--small"
              onClick={() => move(flatItem, 'indent')}
              disabled={!canIndent(tree, path)}
              aria-label={t('agendaEditor.forItem', { action: t('agendaEditor.indent'), number })}
              title={t('agendaEditor.indentLabel', { number })}
              data-testid={`agenda-item-indent-${index}`}
            >
              <span aria-hidden="true">→ </span>
              {t('agendaEditor.indent')}
            </button>
            <button
              type="button"
              id={domId(item.key, 'outdent')}
              className="button button--secondary button--small"
              onClick={() => move(flatItem, 'outdent')}
              disabled={!canOutdent(tree, path)}
              aria-label={t('agendaEditor.forItem', { action: t('agendaEditor.outdent'), number })}
              title={t('agendaEditor.outdentLabel', { number })}
              data-testid={`agenda-item-outdent-${index}`}
            >
              <span aria-hidden="true">← </span>
              {t('agendaEditor.outdent')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => add(flatItem)}
              disabled={!canAddSubItem(path)}
              aria-label={t('agendaEditor.forItem', {
                action: t('agendaEditor.addSubItem'),
                number,
              })}
              title={t('agendaEditor.addSubItemLabel', { number })}
              data-testid={`agenda-item-add-sub-${index}`}
            >
              {t('agendaEditor.addSubItem')}
            </button>
            <button
              type="button"
              className="button button--danger button--small"
              onClick={() => {
                onChange(removeItem(tree, path));
              }}
              aria-label={t('agendaEditor.forItem', { action: t('agendaEditor.remove'), number })}
              title={t('agendaEditor.removeLabel', { number })}
              data-testid={`agenda-item-remove-${index}`}
            >
              {t('agendaEditor.remove')}
            </button>
          </div>
        </fieldset>
        {children.length > 0 && (
          <ol className="gov-agenda-editor__list">{children.map(renderItem)}</ol>
        )}
      </li>
    );
  }

  const roots = flat.filter((f) => f.depth === 1);
  return (
    <div className="gov-agenda-editor" id="agenda-editor" tabIndex={-1}>
      {roots.length === 0 ? (
        <p className="muted">{t('agendaEditor.empty')}</p>
      ) : (
        <ol className="gov-agenda-editor__list">{roots.map(renderItem)}</ol>
      )}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => add(null)}
        disabled={tree.length >= 100}
        data-testid="agenda-add"
      >
        {t('agendaEditor.addItem')}
      </button>
      <p className="gov-agenda-editor__total" aria-live="polite" data-testid="agenda-total">
        {clock && clock.rows.length > 0
          ? clock.overrunMinutes > 0
            ? t('agenda.overrun', {
                count: clock.overrunMinutes,
                formatted: formatNumber(clock.overrunMinutes, locale),
              })
            : t('agendaEditor.plannedEnd', {
                time: formatClock(
                  clock.rows.reduce(
                    (last, r) => (r.end > last ? r.end : last),
                    clock.rows[0]?.end ?? '',
                  ),
                  timeZone,
                  locale,
                ),
              })
          : !clock && tree.length > 0
            ? t('agendaEditor.needStart')
            : ''}
      </p>
    </div>
  );
}

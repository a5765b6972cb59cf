/**
 * The mapping step of an import: when a file's headers fit no layout Accord knows, each of its
 * columns is shown with a few of its values and a choice of the Accord field it holds (or
 * "ignore"); the choices are saved as a named layout, which then reads the file (and the next
 * file with the same columns, in the web or with `accord import … --layout NAME`).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../components/DataState';
import { useProblemText } from '../forms/form';
import {
  doubleChoices,
  initialChoices,
  inspectColumns,
  mappingGaps,
  saveLayout,
  type ColumnChoices,
} from './import-upload';
import { importFieldName } from './import-fields';
import type { ImportEncoding, ImportKind } from './types';
import { ScrollFrame } from '../components/ScrollFrame';

/** A layout's name from the file's: "2019 city inventory.csv" → "2019 city inventory". */
export function nameFromFile(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[^\p{L}\p{N} ._-]+/gu, ' ')
    .replace(/\s+/g, ' ');
  const trimmed = base
    .trim()
    .replace(/^[._-]+/, '')
    .slice(0, 64)
    .trim();
  return trimmed || 'layout';
}

export function ImportMapping({
  kind,
  file,
  encoding,
  onSaved,
}: {
  kind: ImportKind;
  file: File;
  /** The CSV file's encoding as chosen on the page; the server detects it otherwise. */
  encoding?: ImportEncoding | undefined;
  /** Called with the saved layout's name: the page previews the file with it. */
  onSaved(name: string): void;
}) {
  const { t } = useTranslation('climate');
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const id = useId();
  const columns = useQuery({
    queryKey: [
      'climate',
      'import-columns',
      kind,
      encoding ?? '',
      file.name,
      file.size,
      file.lastModified,
    ],
    queryFn: () => inspectColumns(kind, file, encoding),
    retry: false,
  });
  const [choices, setChoices] = useState<ColumnChoices>({});
  const [name, setName] = useState(() => nameFromFile(file.name));
  const data = columns.data;
  useEffect(() => {
    if (data) setChoices(initialChoices(data.columns));
  }, [data]);
  const save = useMutation({
    mutationFn: () => saveLayout(name, kind, data?.columns ?? [], choices),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['climate', 'imports', 'layouts'] });
      onSaved(saved.name);
    },
  });

  if (columns.isPending) return <Loading />;
  if (columns.isError) return <ErrorMessage error={columns.error} />;
  const sheet = columns.data;
  const fieldName = (field: string) => importFieldName(t, kind, field);
  const gaps = mappingGaps(sheet.needs, choices);
  const twice = doubleChoices(choices);
  const nameOk = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u.test(name.trim());

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (gaps.length === 0 && twice.size === 0 && nameOk) save.mutate();
  }

  return (
    <section
      className="panel climate-mapping"
      aria-labelledby={`${id}-title`}
      data-testid="import-mapping"
    >
      <h2 id={`${id}-title`}>{t('imports.mapping.title')}</h2>
      <p>{t('imports.mapping.lead', { file: file.name, row: sheet.headerRow })}</p>
      <form onSubmit={onSubmit} noValidate>
        <ScrollFrame label={t('imports.mapping.caption')}>
          <table className="data-table" data-testid="import-mapping-table">
            <caption className="visually-hidden">{t('imports.mapping.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.mapping.column')}</th>
                <th scope="col">{t('imports.mapping.values')}</th>
                <th scope="col">{t('imports.mapping.field')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.columns.map((column) => {
                const choice = choices[column.index] ?? '';
                const selectId = `${id}-field-${column.index}`;
                const noteId = `${selectId}-note`;
                const unread = column.numeric && choice === '';
                const doubled = choice !== '' && twice.has(choice);
                return (
                  <tr key={column.index} data-testid="import-mapping-row">
                    <th scope="row">
                      <label htmlFor={selectId}>{column.header}</label>
                    </th>
                    <td className="muted">{column.samples.join(' · ') || '—'}</td>
                    <td>
                      <select
                        id={selectId}
                        value={choice}
                        onChange={(e) =>
                          setChoices((c) => ({ ...c, [column.index]: e.target.value }))
                        }
                        aria-describedby={unread || doubled ? noteId : undefined}
                        aria-invalid={doubled ? true : undefined}
                        data-testid="import-mapping-field"
                      >
                        <option value="">{t('imports.mapping.ignore')}</option>
                        {sheet.fields.map((field) => (
                          <option key={field} value={field}>
                            {fieldName(field)}
                          </option>
                        ))}
                      </select>
                      {doubled ? (
                        <p id={noteId} className="admin-field__error">
                          {t('imports.mapping.twice')}
                        </p>
                      ) : unread ? (
                        <p id={noteId} className="field__hint climate-mapping__unread">
                          {t('imports.mapping.numbersIgnored')}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollFrame>
        {gaps.length > 0 && (
          <div className="climate-notice" role="status" data-testid="import-mapping-gaps">
            <p>{t('imports.mapping.needs')}</p>
            <ul>
              {gaps.map((set) => (
                <li key={set.join('|')}>
                  {set.map(fieldName).join(` ${t('imports.mapping.or')} `)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="field admin-field">
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('imports.mapping.name')}
          </label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={64}
            onChange={(e) => setName(e.target.value)}
            aria-describedby={`${id}-name-hint`}
            aria-invalid={nameOk ? undefined : true}
            data-testid="import-mapping-name"
          />
          <p id={`${id}-name-hint`} className="field__hint">
            {t('imports.mapping.nameHint')}
          </p>
        </div>
        {save.isError && (
          <p className="admin-field__error" role="alert">
            {problemText(save.error)}
          </p>
        )}
        <div className="admin-actions">
          <button
            type="submit"
            className="button"
            disabled={gaps.length > 0 || twice.size > 0 || !nameOk || save.isPending}
            data-testid="import-mapping-save"
          >
            {t('imports.mapping.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

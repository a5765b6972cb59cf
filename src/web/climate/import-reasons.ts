/**
 * An import row's reasons and records, and a run's error, in the reader's language: the codes
 * and parameters of src/core/climate/import-reasons.ts put into words from the `importReasons`
 * catalog (the server says the same in its CSV report, from a copy its tests keep equal).
 *
 * Each parameter is put into words by its name: a field key becomes the field's name (the
 * mapping step's words), a list of rows or names a list in the language's way, a nested code
 * (`problem`, `why`, `origin`) its text, a target its description; the file's own text and
 * names go in as they are. Rows from before reasons were kept as codes show their English words.
 */
import type { TFunction } from 'i18next';
import type {
  ImportEntity,
  ImportReason,
  RecordRef,
  RunError,
  TargetRef,
} from '../../core/climate/import-reasons';
import { formatNumber } from '../components/format';
import { formatDateTime } from './format';
import { importFieldName, importLayoutName } from './import-fields';
import type { ImportKind, ImportRun, ImportRunRow } from './types';

const NS = 'importReasons:';

function list(locale: string, items: readonly string[], type: 'conjunction' | 'disjunction') {
  return new Intl.ListFormat(locale, { type, style: 'long' }).format(items);
}

function targetText(t: TFunction, target: TargetRef): string {
  const type = t(`climate:targetTypes.${target.type}`);
  return target.year === null
    ? t(`${NS}target.withoutYear`, { title: target.title, type })
    : t(`${NS}target.withYear`, { title: target.title, type, year: target.year });
}

function recordText(t: TFunction, record: RecordRef): string {
  return record.kind === 'report'
    ? t(`${NS}record.report`, { year: record.year })
    : targetText(t, record);
}

/** A nested problem's text (why a value was not read), with the end of a period it is about. */
function problemText(t: TFunction, params: Record<string, unknown>): string {
  const text = t(`${NS}problems.${String(params.problem)}`, params);
  const part = params.part;
  return part === 'start' || part === 'end'
    ? t(`${NS}periodParts.${part}`, { problem: text })
    : text;
}

const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

function words(t: TFunction, locale: string, kind: ImportKind, reason: ImportReason) {
  const params = (reason.params ?? {}) as Record<string, unknown>;
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    switch (key) {
      case 'field':
        out.field = importFieldName(t, kind, String(value));
        break;
      case 'fields':
        out.fields = list(
          locale,
          strings(value).map((f) => importFieldName(t, kind, f)),
          'disjunction',
        );
        break;
      case 'filled':
        out.filled = list(
          locale,
          strings(value).map((f) => t(`climate:fields.${f}`)),
          'conjunction',
        );
        break;
      case 'rows':
        out.rows = list(
          locale,
          strings(value).map((row) => t(`${NS}rowNumber`, { row })),
          'conjunction',
        );
        break;
      case 'namesakes':
      case 'governments':
        out[key] = list(locale, strings(value), 'conjunction');
        break;
      case 'records':
        out.records = list(
          locale,
          (value as RecordRef[]).map((r) => recordText(t, r)),
          'conjunction',
        );
        break;
      case 'target':
        out.target =
          typeof value === 'string'
            ? t(`${NS}trackerTargets.${value}`)
            : targetText(t, value as TargetRef);
        break;
      case 'why':
        out.why = t(`${NS}notKeptBecause.${String(value)}`);
        break;
      case 'origin':
        out.origin = t(`${NS}origins.${String(value)}`);
        break;
      case 'problem':
        out.problem = problemText(t, params);
        break;
      default:
        if (typeof value === 'string' || typeof value === 'number') out[key] = value;
    }
  }
  return out;
}

/** A reason in words: a target another source gave says what it took, if anything. */
export function reasonText(
  t: TFunction,
  locale: string,
  kind: ImportKind,
  reason: ImportReason,
): string {
  const filling =
    reason.code === 'states-target-of-other-source' && reason.params.filled.length > 0;
  const key = filling ? 'states-target-of-other-source-filling' : reason.code;
  return t(`${NS}reasons.${key}`, words(t, locale, kind, reason));
}

export function entityText(t: TFunction, entity: ImportEntity): string {
  const year = entity.year ?? t(`${NS}entities.noYear`);
  if (entity.kind === 'target') {
    return t(`${NS}entities.target`, { year, type: t(`climate:targetTypes.${entity.type}`) });
  }
  if (entity.kind === 'emission-report' && entity.rows) {
    return t(`${NS}entities.emission-report-rows`, { year, ...entity.rows });
  }
  return t(`${NS}entities.${entity.kind}`, { year });
}

/** A row's reasons in words, each its own line; its English words when it has no codes. */
export function rowReasons(
  t: TFunction,
  locale: string,
  kind: ImportKind,
  row: Pick<ImportRunRow, 'reasons' | 'reason'>,
): string[] {
  // The API's shapes are the core's, read back and checked by the server.
  const reasons = row.reasons as ImportReason[] | null;
  if (reasons === null) return row.reason ? [row.reason] : [];
  return reasons.map((reason) => reasonText(t, locale, kind, reason));
}

/** A row's records in words ("end target 2050 + interim target 2030"); null when none. */
export function rowEntity(t: TFunction, row: Pick<ImportRunRow, 'entities' | 'entity'>) {
  const entities = row.entities as ImportEntity[] | null;
  if (entities === null) return row.entity;
  return entities.map((entity) => entityText(t, entity)).join(' + ');
}

/**
 * Why a run failed or was interrupted, and what it had written by then; its English words for
 * a run from before errors were kept as codes.
 */
export function runErrorText(
  t: TFunction,
  locale: string,
  run: Pick<ImportRun, 'error' | 'errorReason'>,
): string {
  const error = run.errorReason as RunError | null;
  if (!error) return run.error ?? '';
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error.params ?? {})) {
    if (key === 'layout') params.layout = importLayoutName(t, String(value));
    else if (key === 'missing') {
      params.missing = list(
        locale,
        strings(value).map((header) => `“${header}”`),
        'conjunction',
      );
    } else if (key === 'lastSign') params.lastSign = formatDateTime(String(value), locale);
    else if (key === 'chars' || key === 'max' || key === 'megabytes') {
      params[key] = formatNumber(Number(value), locale);
    } else if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  const text = t(`${NS}runErrors.${error.code}`, params);
  const written = error.written;
  if (!written) return text;
  const count = written.params?.rows ?? 0;
  return `${text} ${t(`${NS}written.${written.code}`, { count })}`;
}

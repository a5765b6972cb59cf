import type {
  ImportEntity,
  ImportReason,
  RecordRef,
  TargetRef,
} from '../../../core/climate/import-reasons';
import type { ImportKind } from '../../../core/climate/types';
import type { MessageParams, Translate } from '../../i18n/translator';

/**
 * A row's reasons and records in words, from the server's `imports` catalog: in English for
 * the API's `reason` and `entity` (old clients, the command line), in the reader's language for
 * the CSV report. The web says the same from its own catalog (src/web/climate/import-reasons.ts),
 * whose texts catalogs.test.ts keeps equal to these.
 *
 * Each parameter is put into words by its name: a field key becomes the field's name, a list of
 * rows or names a list in the language's way ("row 4 and row 7"), a nested code (`problem`, `why`,
 * `origin`) its text, a target its description; the rest (the file's own text, numbers, names)
 * goes in as it is.
 */

/** An import field's name in the translator's language; one no kind knows, by a general word. */
export function fieldLabel(t: Translate, kind: ImportKind, field: string): string {
  return t.or(`imports:fields.${kind}.${field}`, t('imports:fieldUnknown'));
}

function list(t: Translate, items: readonly string[], type: 'conjunction' | 'disjunction') {
  return new Intl.ListFormat(t.locale, { type, style: 'long' }).format(items);
}

function targetText(t: Translate, target: TargetRef): string {
  const type = t.or(`imports:targetTypes.${target.type}`, target.type);
  return target.year === null
    ? t('imports:target.withoutYear', { title: target.title, type })
    : t('imports:target.withYear', { title: target.title, type, year: target.year });
}

function recordText(t: Translate, record: RecordRef): string {
  return record.kind === 'report'
    ? t('imports:record.report', { year: record.year })
    : targetText(t, record);
}

/** A nested problem's text (why a value was not read), with the end of a period it is about. */
function problemText(t: Translate, params: Record<string, unknown>): string {
  const text = t.or(`imports:problems.${String(params.problem)}`, String(params.problem), {
    ...(params as MessageParams),
  });
  const part = params.part;
  return part === 'start' || part === 'end'
    ? t.or(`imports:periodParts.${part}`, text, { problem: text })
    : text;
}

function words(t: Translate, kind: ImportKind, reason: ImportReason): MessageParams {
  const params = (reason.params ?? {}) as Record<string, unknown>;
  const out: MessageParams = {};
  const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  for (const [key, value] of Object.entries(params)) {
    switch (key) {
      case 'field':
        out.field = fieldLabel(t, kind, String(value));
        break;
      case 'fields':
        out.fields = list(
          t,
          strings(value).map((f) => fieldLabel(t, kind, f)),
          'disjunction',
        );
        break;
      case 'filled':
        out.filled = list(
          t,
          strings(value).map((f) => t.or(`imports:targetFields.${f}`, f)),
          'conjunction',
        );
        break;
      case 'rows':
        out.rows = list(
          t,
          strings(value).map((row) => t('imports:rowNumber', { row })),
          'conjunction',
        );
        break;
      case 'namesakes':
      case 'governments':
        out[key] = list(t, strings(value), 'conjunction');
        break;
      case 'records':
        out.records = list(
          t,
          (value as RecordRef[]).map((r) => recordText(t, r)),
          'conjunction',
        );
        break;
      case 'target':
        out.target =
          typeof value === 'string'
            ? t.or(`imports:trackerTargets.${value}`, value)
            : targetText(t, value as TargetRef);
        break;
      case 'why':
        out.why = t.or(`imports:notKeptBecause.${String(value)}`, String(value));
        break;
      case 'origin':
        out.origin = t.or(`imports:origins.${String(value)}`, String(value));
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

/** The catalog key of a reason: a target another source gave says what it took, if anything. */
function reasonKey(reason: ImportReason): string {
  if (reason.code === 'states-target-of-other-source' && reason.params.filled.length > 0) {
    return 'imports:reasons.states-target-of-other-source-filling';
  }
  return `imports:reasons.${reason.code}`;
}

export function reasonText(t: Translate, kind: ImportKind, reason: ImportReason): string {
  return t.or(reasonKey(reason), reason.code, words(t, kind, reason));
}

/** A row's reasons, one after the other. */
export function reasonsText(t: Translate, kind: ImportKind, reasons: readonly ImportReason[]) {
  return reasons.map((reason) => reasonText(t, kind, reason)).join('; ');
}

export function entityText(t: Translate, entity: ImportEntity): string {
  const year = entity.year ?? t('imports:entities.noYear');
  if (entity.kind === 'target') {
    const type = t.or(`imports:targetTypes.${entity.type}`, entity.type);
    return t('imports:entities.target', { year, type });
  }
  if (entity.kind === 'emission-report' && entity.rows) {
    return t('imports:entities.emission-report-rows', { year, ...entity.rows });
  }
  return t.or(`imports:entities.${entity.kind}`, entity.kind, { year });
}

/** The records a row carries ("end target 2050 + interim target 2030"). */
export function entitiesText(t: Translate, entities: readonly ImportEntity[]): string {
  return entities.map((entity) => entityText(t, entity)).join(' + ');
}

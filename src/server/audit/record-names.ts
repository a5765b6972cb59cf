/**
 * What the audit log names each record by: its name, title or number in the reader's language
 * (src/core/names.ts), read through the owning area's repository, one query per kind of record
 * on a page. A record that is gone, or a kind that has no name, gets none; the page then says
 * so in words, never with the id.
 */
import { displayNameText, personNameText, textFor, type NamesByLanguage } from '../../core/names';
import { parseTexts } from '../db/texts';
import type { Store } from '../store';
import type { AuditRecordName } from './schemas';

/** Each record found by id: its name, or null when it has none. */
type Names = Map<number, AuditRecordName | null>;
type Resolver = (store: Store, ids: number[], lang: string) => Promise<Names>;

const named = (
  name: string,
  lang: string,
  extra: Partial<Pick<AuditRecordName, 'on' | 'path'>> = {},
): AuditRecordName | null =>
  name.trim() === '' ? null : { name, lang, on: extra.on ?? null, path: extra.path ?? null };

/** Puts each row's name in the map under its id, leaving out rows with no name. */
function byId<R extends { id: number }>(
  rows: readonly R[],
  name: (row: R) => AuditRecordName | null,
): Names {
  const out: Names = new Map();
  for (const row of rows) out.set(row.id, name(row));
  return out;
}

/** The language a chosen text is in: the first language whose value it is. */
function langOf(texts: NamesByLanguage, text: string, fallback: string): string {
  return Object.keys(texts).find((lang) => texts[lang] === text) ?? fallback;
}

function textName(
  texts: NamesByLanguage,
  lang: string,
  extra?: Partial<Pick<AuditRecordName, 'on' | 'path'>>,
): AuditRecordName | null {
  const text = textFor(texts, lang);
  return named(text, langOf(texts, text, lang), extra);
}

const person = (
  row: { full_name: string; names: string },
  source: string,
  id: number,
  lang: string,
) => {
  const names = parseTexts(row.names, { table: source, id });
  const text = personNameText({ fullName: row.full_name, names }, lang);
  return named(text, langOf({ ...names, en: row.full_name }, text, lang));
};

/** The day a meeting starts in its own time zone (YYYY-MM-DD). */
function localDay(instant: string, zone: string): string | null {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(date);
  } catch {
    return instant.slice(0, 10);
  }
}

/** The climate page of a member, where its targets, actions and inventories are. */
const climatePath = (slug: string, anchor?: string) =>
  `/members/${encodeURIComponent(slug)}/climate${anchor ? `#${anchor}` : ''}`;

/** A government's name in the reader's language, from its names one row per language. */
function governmentName(
  rows: readonly { local_lang: string; lang: string | null; name: string | null }[],
  lang: string,
): AuditRecordName | null {
  const names: NamesByLanguage = {};
  for (const r of rows) if (r.lang && r.name) names[r.lang] = r.name;
  const local = rows[0]?.local_lang ?? 'en';
  const text = displayNameText(names, local, lang);
  return named(text, langOf(names, text, local));
}

/**
 * A member's record of one year (an inventory, reported emissions): the member's name and the
 * year, which needs no words, on its climate page. The rows hold the member's names, one per
 * language, so naming them takes no other query.
 */
function yearOfMember(
  rows: readonly {
    id: number;
    year: number;
    slug: string;
    local_lang: string;
    lang: string | null;
    name: string | null;
  }[],
  lang: string,
): Names {
  const groups = new Map<number, (typeof rows)[number][]>();
  for (const r of rows) groups.set(r.id, [...(groups.get(r.id) ?? []), r]);
  const out: Names = new Map();
  for (const [id, group] of groups) {
    const { year, slug } = group[0]!;
    const member = governmentName(group, lang);
    out.set(
      id,
      member
        ? { ...member, name: `${member.name} ${year}`, path: climatePath(slug) }
        : named(String(year), lang, { path: climatePath(slug) }),
    );
  }
  return out;
}

const RESOLVERS: Record<string, Resolver> = {
  async government(store, ids, lang) {
    const rows = await store.members.governmentNamesByIds(ids);
    const groups = new Map<number, (typeof rows)[number][]>();
    for (const r of rows) groups.set(r.id, [...(groups.get(r.id) ?? []), r]);
    const out: Names = new Map();
    for (const [id, group] of groups) {
      const name = governmentName(group, lang);
      const path = `/admin/governments/${encodeURIComponent(group[0]!.slug)}`;
      out.set(id, name && { ...name, path });
    }
    return out;
  },
  async person(store, ids, lang) {
    return byId(await store.people.peopleNamesByIds(ids), (r) => person(r, 'people', r.id, lang));
  },
  async position(store, ids, lang) {
    const rows = await store.people.positionHoldersByIds(ids);
    return byId(rows, (r) => person(r, 'people', r.id, lang));
  },
  async candidate(store, ids, lang) {
    const rows = await store.elections.candidateNamesByIds(ids);
    return byId(rows, (r) => person(r, 'people', r.id, lang));
  },
  async user(store, ids, lang) {
    const rows = await store.users.userNamesByIds(ids);
    return byId(rows, (r) => named(r.display_name.trim() || r.email, lang));
  },
  async 'api-token'(store, ids, lang) {
    return byId(await store.users.tokenNamesByIds(ids), (r) => named(r.name, lang));
  },
  async office(store, ids, lang) {
    const rows = await store.offices.officeNamesByIds(ids);
    return byId(rows, (r) =>
      textName({ ...parseTexts(r.names, { table: 'offices', id: r.id }), en: r.name }, lang),
    );
  },
  async news_post(store, ids, lang) {
    const rows = await store.news.postTitlesByIds(ids);
    const groups = new Map<number, { slug: string; titles: NamesByLanguage }>();
    for (const r of rows) {
      const g = groups.get(r.id) ?? { slug: r.slug, titles: {} };
      if (r.lang && r.title) g.titles[r.lang] = r.title;
      groups.set(r.id, g);
    }
    const out: Names = new Map();
    for (const [id, g] of groups) {
      out.set(id, textName(g.titles, lang, { path: `/admin/news/${encodeURIComponent(g.slug)}` }));
    }
    return out;
  },
  async meeting(store, ids, lang) {
    const rows = await store.governance.meetingTitlesByIds(ids);
    return byId(rows, (r) =>
      textName(parseTexts(r.title, { table: 'meetings', id: r.id }), lang, {
        on: localDay(r.starts_at, r.time_zone),
        path: `/admin/meetings/${r.id}`,
      }),
    );
  },
  async body(store, ids, lang) {
    const rows = await store.governance.bodyNamesByIds(ids);
    return byId(rows, (r) => textName(parseTexts(r.names, { table: 'bodies', id: r.id }), lang));
  },
  async term(store, ids, lang) {
    const rows = await store.governance.termLabelsByIds(ids);
    return byId(rows, (r) => {
      const body = textFor(parseTexts(r.names, { table: 'bodies', id: r.id }), lang);
      return named(body ? `${body} ${r.label}` : r.label, lang);
    });
  },
  async election(store, ids, lang) {
    const rows = await store.elections.electionTitlesByIds(ids);
    return byId(rows, (r) =>
      textName(parseTexts(r.title, { table: 'elections', id: r.id }), lang, {
        path: `/admin/elections/${r.id}`,
      }),
    );
  },
  async target(store, ids, lang) {
    const rows = await store.climate.targetTitlesByIds(ids);
    return byId(rows, (r) =>
      textName(
        { en: r.title, ...parseTexts(r.titles, { table: 'climate_targets', id: r.id }) },
        lang,
        { path: climatePath(r.slug, `target-${r.id}`) },
      ),
    );
  },
  async action(store, ids, lang) {
    const rows = await store.climate.actionTitlesByIds(ids);
    return byId(rows, (r) =>
      textName(
        { en: r.title, ...parseTexts(r.titles, { table: 'climate_actions', id: r.id }) },
        lang,
        { path: climatePath(r.slug) },
      ),
    );
  },
  async inventory(store, ids, lang) {
    return yearOfMember(await store.climate.inventoryYearsByIds(ids), lang);
  },
  async 'emission-report'(store, ids, lang) {
    return yearOfMember(await store.climate.emissionReportYearsByIds(ids), lang);
  },
  async file(store, ids, lang) {
    const rows = await store.files.fileNamesByIds(ids);
    return byId(
      rows,
      (r) =>
        textName(parseTexts(r.caption, { table: 'files', id: r.id }), lang) ??
        named(r.filename, lang),
    );
  },
  async invoice(store, ids, lang) {
    return byId(await store.membership.invoiceNumbersByIds(ids), (r) => named(r.number, lang));
  },
  async application(store, ids, lang) {
    const rows = await store.applications.applicantNamesByIds(ids);
    return byId(rows, (r) => {
      const names = { [r.official_name_lang]: r.official_name, en: r.english_name };
      const text = displayNameText(names, r.official_name_lang, lang);
      return named(text, langOf(names, text, r.official_name_lang), {
        path: `/admin/applications/${r.id}`,
      });
    });
  },
  async import(store, ids, lang) {
    return byId(await store.imports.importFileNamesByIds(ids), (r) => named(r.file_name, lang));
  },
  async 'import-layout'(store, ids, lang) {
    return byId(await store.imports.layoutNamesByIds(ids), (r) => named(r.name, lang));
  },
};

/** Whether the log can name records of this kind (else its entries say the kind alone). */
function namesKind(entityType: string): boolean {
  return Object.hasOwn(RESOLVERS, entityType);
}

/** The id of a record the log can name, or null for a kind it cannot or an id not a number. */
export function nameableId(entityType: string, entityId: string): number | null {
  return namesKind(entityType) ? recordId(entityId) : null;
}

const recordId = (entityId: string): number | null =>
  /^[1-9]\d{0,9}$/.test(entityId) && Number(entityId) <= 2_147_483_647 ? Number(entityId) : null;

/**
 * The names of the records a page of entries is about, keyed `type:id`: one query per kind.
 * A record found without a name maps to null; one that is gone is missing from the answer.
 */
export async function recordNames(
  store: Store,
  entries: readonly { entityType: string; entityId: string }[],
  lang: string,
): Promise<Map<string, AuditRecordName | null>> {
  const idsByType = new Map<string, Set<number>>();
  for (const e of entries) {
    const id = nameableId(e.entityType, e.entityId);
    if (id === null) continue;
    const set = idsByType.get(e.entityType) ?? new Set<number>();
    set.add(id);
    idsByType.set(e.entityType, set);
  }
  const out = new Map<string, AuditRecordName | null>();
  for (const [type, ids] of idsByType) {
    const names = await RESOLVERS[type]!(store, [...ids], lang);
    for (const [id, name] of names) out.set(`${type}:${id}`, name);
  }
  return out;
}

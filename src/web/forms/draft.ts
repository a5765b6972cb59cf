/**
 * Drafts of long forms kept in this tab (sessionStorage), as the application form keeps its
 * own: written as the form changes, read back when the form opens again, removed on save.
 * Storage refused or full (private browsing) only means no draft.
 */

export const draftStorage = (): Storage | null =>
  typeof sessionStorage === 'undefined' ? null : sessionStorage;

/** The draft under the key, if there is one and `accept` can read it. */
export function readStoredDraft<T>(
  storage: Pick<Storage, 'getItem'> | null,
  key: string,
  accept: (parsed: unknown) => T | null,
): T | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(key);
    return raw ? accept(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

export function writeStoredDraft(
  storage: Pick<Storage, 'setItem'> | null,
  key: string,
  draft: unknown,
): void {
  try {
    storage?.setItem(key, JSON.stringify(draft));
  } catch {
    // The form goes on without a draft.
  }
}

export function clearStoredDraft(storage: Pick<Storage, 'removeItem'> | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

/** The saved values on the blank's fields, each only when of the blank's type. */
export function overBlank<T extends object>(blank: T, saved: unknown): T | null {
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return null;
  const values = { ...blank } as Record<string, unknown>;
  for (const key of Object.keys(blank)) {
    const value = (saved as Record<string, unknown>)[key];
    const like = (blank as Record<string, unknown>)[key];
    if (
      value !== undefined &&
      typeof value === typeof like &&
      Array.isArray(value) === Array.isArray(like)
    )
      values[key] = value;
  }
  return values as T;
}

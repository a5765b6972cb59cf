/**
 * Where to go after signing in. Only paths on this site are followed, so a crafted
 * link (/signin?next=https://elsewhere or //elsewhere) cannot send someone away.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/admin'): string {
  if (!next) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if ([...next].some((c) => c.charCodeAt(0) < 0x20)) return fallback;
  // Coming back to the sign-in page itself would look like nothing happened.
  if (next === '/signin' || next.startsWith('/signin?')) return fallback;
  return next;
}

/** The sign-in address that returns to a page afterwards. */
export function signInPath(returnTo: string): string {
  return `/signin?next=${encodeURIComponent(returnTo)}`;
}

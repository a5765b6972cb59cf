/**
 * The guard of a long form against leaving it with changes not saved: a link inside the app
 * asks first (react-router's blocker), and a reload or closing the tab asks through the
 * browser's own question (beforeunload). A form calls release() just before it navigates
 * away after a save.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, type Location } from 'react-router';

/** Whether going from one place to another loses a form's changes: a new page, not a hash. */
export function leavesForm(
  dirty: boolean,
  released: boolean,
  from: Pick<Location, 'pathname' | 'search'>,
  to: Pick<Location, 'pathname' | 'search'>,
): boolean {
  return dirty && !released && (from.pathname !== to.pathname || from.search !== to.search);
}

/** A form's state compared with the one it was opened with (plain data only). */
export function isChanged(opened: unknown, current: unknown): boolean {
  return JSON.stringify(opened) !== JSON.stringify(current);
}

export interface UnsavedGuard {
  /** Lets the next navigation go without asking, as after a save. */
  release(): void;
}

export function useUnsavedChanges(dirty: boolean): UnsavedGuard {
  const { t } = useTranslation('common');
  const released = useRef(false);
  const shouldBlock = useCallback(
    ({ currentLocation, nextLocation }: { currentLocation: Location; nextLocation: Location }) =>
      leavesForm(dirty, released.current, currentLocation, nextLocation),
    [dirty],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('unsaved.leave'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (released.current) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set; they show their own words.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  return useMemo(
    () => ({
      release: () => {
        released.current = true;
      },
    }),
    [],
  );
}

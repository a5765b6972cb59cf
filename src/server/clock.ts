/**
 * The one source of now on the server. Tests move it (`advanceClockForTests`) to see what a
 * rule does after a time has passed, without waiting and without faking the process's Date.
 */
let offsetMs = 0;

/** The current instant. */
export const now = (): Date => new Date(Date.now() + offsetMs);

/** The current instant as an ISO 8601 string in UTC: how Accord stores times. */
export const nowIso = (): string => now().toISOString();

/** Moves the clock forward by `ms` (tests only; times add up until `resetClockForTests`). */
export function advanceClockForTests(ms: number): void {
  offsetMs += ms;
}

/** Back to the real time. */
export function resetClockForTests(): void {
  offsetMs = 0;
}

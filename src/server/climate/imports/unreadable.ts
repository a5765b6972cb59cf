import type { RunProblem } from '../../../core/climate/import-reasons';

/**
 * An error that ends a run and says why twice: in English in its message (the run's `error`,
 * the command line's words) and as a code with its parameters (`problem`), which the run page
 * shows in the reader's language. A file too large, an upload cut off, a stop.
 */
export class RunProblemError extends Error {
  override name = 'RunProblemError';
  constructor(
    message: string,
    readonly problem: RunProblem,
  ) {
    super(message);
  }
}

/** An upload that cannot be read as a sheet: the message says where and what, for people. */
export class UnreadableSheetError extends RunProblemError {
  override name = 'UnreadableSheetError';
}

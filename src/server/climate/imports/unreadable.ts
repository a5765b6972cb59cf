/** An upload that cannot be read as a sheet; the message says where and what, for people. */
export class UnreadableSheetError extends Error {
  override name = 'UnreadableSheetError';
}

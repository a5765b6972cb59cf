/**
 * A byte limit as people read it in an error message: "15 MB", "2.5 MB", "200 KB". Limits
 * are binary (15 MiB) but shown as MB, because that is the unit people know.
 */
export function formatSize(bytes: number): string {
  const mib = 1024 * 1024;
  if (bytes >= mib) {
    const mb = bytes / mib;
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

import type { ReactNode } from 'react';

/** How the frame is named: by a text of its own, or by the id of a heading on the page. */
type FrameName = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

/**
 * The scroll frame around a wide table: a named region that keyboard users can reach (tab to
 * it, then scroll it with the arrow keys) when the table is wider than the screen. The class
 * carries the overflow and the focus ring (.table-wrap in app/styles.css, .admin-table-wrap in
 * components/admin.css); the browser tests find frames by those classes and role="region".
 */
export function ScrollFrame({
  label,
  labelledBy,
  className = 'table-wrap',
  children,
  'data-testid': testId,
}: FrameName & {
  /** 'table-wrap' on public pages (the default), 'admin-table-wrap' on the admin pages. */
  className?: string;
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <div
      className={className}
      role="region"
      aria-label={label}
      aria-labelledby={labelledBy}
      tabIndex={0}
      data-testid={testId}
    >
      {children}
    </div>
  );
}

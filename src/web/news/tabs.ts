/**
 * Keyboard movement in a tab list, after the WAI-ARIA tabs pattern: the arrow keys move to the
 * neighbouring tab and wrap around, Home and End go to the ends. Other keys do nothing here.
 */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

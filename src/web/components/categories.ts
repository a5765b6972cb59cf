import type { MembershipCategory } from '../../core/membership';

/** One colour per membership category, shared by badges, map points and legends. */
export const CATEGORY_COLORS: Record<MembershipCategory, string> = {
  'full-member': 'var(--category-full)',
  'associate-member': 'var(--category-associate)',
  'associate-partner': 'var(--category-partner)',
  'non-member': 'var(--category-none)',
};

import { useTranslation } from 'react-i18next';
import type { MembershipCategory } from '../../core/membership';

/** The membership category as a small coloured label. */
export function CategoryBadge({ category }: { category: MembershipCategory }) {
  const { t } = useTranslation('common');
  return (
    <span className={`badge badge--${category}`} data-category={category}>
      {t(`categories.${category}`)}
    </span>
  );
}

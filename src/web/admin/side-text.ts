import { useTranslation } from 'react-i18next';
import { countryName } from '../components/format';
import { governmentNameText } from '../components/GovernmentName';
import { useLocale } from '../components/locale';
import type { GovernmentApart } from './merges';

/**
 * A government's name as a sentence says it, in the reader's language; and the same with its
 * kind and country, for telling apart two of one name (`namesApart` in ./merges).
 */
export function useSideText() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const name = (side: GovernmentApart) => governmentNameText(side.names, side.localLang, locale);
  return {
    name,
    apart: (side: GovernmentApart) =>
      t('duplicates.nameWithPlace', {
        name: name(side),
        kind: t(`kinds.${side.kind}`),
        country: countryName(side.country, locale),
      }),
  };
}

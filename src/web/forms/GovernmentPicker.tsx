import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../core/names';
import { api, query } from '../api';
import { countryName } from '../components/format';
import { useLocale } from '../components/locale';
import { SearchCombobox, type ComboboxOption } from './SearchCombobox';
import type { GovernmentSummary, PageOf } from '../types';
import type { FieldControlProps } from './form';

export interface PickedGovernment {
  slug: string;
  label: string;
}

function useGovernmentOptions(search: string, open: boolean) {
  const locale = useLocale();
  const results = useQuery({
    queryKey: ['governments', { q: search, pageSize: 8, lang: locale }],
    queryFn: () =>
      // No sort: the best matches first (exact names, then names that start with the search).
      api.get<PageOf<GovernmentSummary>>(
        `/api/v1/governments${query({ q: search, pageSize: 8, lang: locale })}`,
      ),
    enabled: open && search.length > 0,
  });
  const options: ComboboxOption<PickedGovernment>[] = (results.data?.items ?? []).map(
    (government) => {
      const name = displayName(government.names, government.localLang, locale);
      const label = name.secondary ? `${name.primary} (${name.secondary})` : name.primary;
      return {
        key: government.slug,
        label,
        detail: countryName(government.country, locale),
        value: { slug: government.slug, label },
      };
    },
  );
  return { options, fetching: results.isFetching };
}

/** Chooses a government by typing part of any of its names, in any script. */
export function GovernmentPicker({
  control,
  value,
  onChange,
  testId,
}: {
  control: FieldControlProps;
  value: PickedGovernment | null;
  onChange(value: PickedGovernment | null): void;
  testId?: string;
}) {
  const { t } = useTranslation('admin');
  return (
    <SearchCombobox
      control={control}
      initialText={value?.label ?? ''}
      useOptions={useGovernmentOptions}
      onPick={(picked) => onChange(picked)}
      chosen={value !== null}
      placeholder={t('picker.placeholder')}
      noMatch={t('picker.noMatch')}
      chosenText={value ? t('picker.chosen', { name: value.label }) : null}
      testId={testId}
    />
  );
}

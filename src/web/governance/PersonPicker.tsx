import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { displayNameText, personNameText } from '../../core/names';
import { api, query } from '../api';
import { useLocale } from '../components/locale';
import type { FieldControlProps } from '../forms/form';
import { SearchCombobox, type ComboboxOption } from '../forms/SearchCombobox';
import type { PageOf, Person } from '../types';

export interface PickedPerson {
  id: number;
  fullName: string;
}

function usePersonOptions(search: string, open: boolean) {
  const locale = useLocale();
  const results = useQuery({
    queryKey: ['people', { q: search, pageSize: 8 }],
    queryFn: () => api.get<PageOf<Person>>(`/api/v1/people${query({ q: search, pageSize: 8 })}`),
    enabled: open && search.length > 0,
  });
  const options: ComboboxOption<PickedPerson>[] = (results.data?.items ?? []).map((person) => ({
    key: person.id,
    label: personNameText(person, locale),
    detail: person.positions
      .filter((p) => !p.endDate)
      .map((p) =>
        p.government
          ? displayNameText(p.government.names, p.government.localLang, locale)
          : (p.office?.name ?? ''),
      )
      .filter(Boolean)
      .join(', '),
    value: { id: person.id, fullName: person.fullName },
  }));
  return { options, fetching: results.isFetching };
}

/**
 * Chooses a person from the people register (GET /people?q=) by typing part of the name.
 * Clearing the text clears the choice, which is how a seat is left vacant.
 */
export function PersonPicker({
  control,
  value,
  onChange,
  testId,
}: {
  control: FieldControlProps;
  value: PickedPerson | null;
  onChange(value: PickedPerson | null): void;
  testId?: string;
}) {
  const { t } = useTranslation('governance');
  return (
    <SearchCombobox
      control={control}
      initialText={value?.fullName ?? ''}
      useOptions={usePersonOptions}
      onPick={(picked) => onChange(picked)}
      chosen={value !== null}
      placeholder={t('people.placeholder')}
      noMatch={t('people.noMatch')}
      chosenText={value ? t('people.chosen', { name: value.fullName }) : null}
      testId={testId}
    />
  );
}

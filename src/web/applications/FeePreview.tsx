/**
 * The membership fee an applicant can expect, from the network's fee schedule.
 *
 * A placeholder hook, kept apart on purpose: the schedule (population band × the country's
 * income group, flat fees for associations) belongs to the membership area, which answers
 * `GET /api/v1/membership/fee-preview?country=JP&kind=city&population=237000&category=full-member`
 * with `{ amount: number, currency: string }` (ISO 4217; a yearly fee). Until that route
 * exists it answers 404, and the form says the secretariat will confirm the fee.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, query } from '../api';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { wholeNumber } from './application-form';

export interface FeePreviewAnswer {
  amount: number;
  currency: string;
}

export function isFeePreview(value: unknown): value is FeePreviewAnswer {
  const v = value as Partial<FeePreviewAnswer> | null;
  return (
    typeof v?.amount === 'number' &&
    Number.isFinite(v.amount) &&
    typeof v.currency === 'string' &&
    /^[A-Z]{3}$/.test(v.currency)
  );
}

export function FeePreview(props: {
  country: string;
  kind: string;
  population: string;
  category: string;
}) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const population = wholeNumber(props.population);
  const ready = props.country !== '' && Number.isInteger(population) && population > 0;
  const fee = useQuery({
    queryKey: ['fee-preview', props.country, props.kind, population, props.category],
    queryFn: () =>
      api.get<unknown>(
        `/api/v1/membership/fee-preview${query({
          country: props.country,
          kind: props.kind,
          population,
          category: props.category,
        })}`,
      ),
    enabled: ready,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
    staleTime: 10 * 60_000,
  });

  let text: string;
  if (!ready) text = t('fee.needsFigures');
  else if (fee.isPending) text = t('fee.loading');
  else if (fee.data !== undefined && isFeePreview(fee.data)) {
    text = t('fee.amount', {
      amount: formatNumber(fee.data.amount, locale, {
        style: 'currency',
        currency: fee.data.currency,
      }),
    });
  } else text = t('fee.confirmedLater');

  return (
    <div className="apply-fee" role="status" aria-live="polite" data-testid="apply-fee">
      <p className="apply-fee__title">{t('fee.title')}</p>
      <p>{text}</p>
    </div>
  );
}

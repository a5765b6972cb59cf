import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES } from '../../core/climate/country';
import {
  ASSOCIATION_SCOPES,
  feeFor,
  incomeGroupOf,
  type AssociationScope,
  type FeeSchedule,
} from '../../core/membership-fees';
import { countryName, formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { FormField } from '../forms/form';
import { formatMoney } from './money';
import { readNumber } from './schedule-form';

/**
 * What a member would pay under the schedule as it stands in the form (saved or not): a
 * government's country and population, or an association's reach. Computed in the browser by
 * the same rule the server applies (src/core/membership-fees.ts).
 */
export function FeePreview({ schedule }: { schedule: FeeSchedule }) {
  const { t } = useTranslation('membership');
  const locale = useLocale();
  const [association, setAssociation] = useState(false);
  const [country, setCountry] = useState('JP');
  const [population, setPopulation] = useState('');
  const [scope, setScope] = useState<AssociationScope>('national');
  const countries = useMemo(
    () =>
      COUNTRIES.map((c) => ({ code: c.alpha2, name: countryName(c.alpha2, locale) })).sort((a, b) =>
        a.name.localeCompare(b.name, locale),
      ),
    [locale],
  );
  const people = readNumber(population);
  const fee = feeFor(schedule, {
    kind: association ? 'association' : 'city',
    country,
    population: Number.isNaN(people) ? null : people,
    associationScope: scope,
  });
  const group = incomeGroupOf(country);

  let result: string;
  if (!fee.ok) result = t(`preview.noFee.${fee.reason}`);
  else if (fee.basis.kind === 'association') {
    result = t('preview.association', {
      fee: formatMoney(fee.amount, fee.currency, locale),
      scope: t(`scopes.${fee.basis.scope}`),
    });
  } else {
    const band =
      fee.basis.to === null
        ? t('schedule.bandOpen', { from: formatNumber(fee.basis.from, locale) })
        : t('preview.band', {
            from: formatNumber(fee.basis.from, locale),
            to: formatNumber(fee.basis.to - 1, locale),
          });
    result = t('preview.fee', {
      fee: formatMoney(fee.amount, fee.currency, locale),
      group: t(`incomeGroups.${fee.basis.incomeGroup}`),
      band,
    });
  }

  return (
    <section className="admin-panel" aria-labelledby="fee-preview-title" data-testid="fee-preview">
      <h2 id="fee-preview-title">{t('preview.title')}</h2>
      <p className="admin-hint">{t('preview.lead')}</p>
      <div className="admin-grid">
        <FormField id="preview-kind" label={t('preview.kind')}>
          {(control) => (
            <select
              {...control}
              value={association ? 'association' : 'government'}
              onChange={(e) => setAssociation(e.target.value === 'association')}
            >
              <option value="government">{t('preview.government')}</option>
              <option value="association">{t('preview.associationKind')}</option>
            </select>
          )}
        </FormField>
        {association ? (
          <FormField id="preview-scope" label={t('renew.scope')}>
            {(control) => (
              <select
                {...control}
                value={scope}
                onChange={(e) => setScope(e.target.value as AssociationScope)}
              >
                {ASSOCIATION_SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {t(`scopes.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : (
          <>
            <FormField
              id="preview-country"
              label={t('preview.country')}
              hint={group ? t(`incomeGroups.${group}`) : t('section.noIncomeGroup')}
            >
              {(control) => (
                <select {...control} value={country} onChange={(e) => setCountry(e.target.value)}>
                  {countries.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id="preview-population" label={t('preview.population')}>
              {(control) => (
                <input
                  {...control}
                  inputMode="numeric"
                  value={population}
                  onChange={(e) => setPopulation(e.target.value)}
                  data-testid="preview-population"
                />
              )}
            </FormField>
          </>
        )}
      </div>
      <p className="fee-preview__result" role="status" data-testid="preview-result">
        {result}
      </p>
    </section>
  );
}

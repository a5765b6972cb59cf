import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES, LOCALES, isLocale } from '../../core/locales';
import { GOVERNMENT_KINDS, type GovernmentKind } from '../../core/membership';
import { api } from '../api';
import { countryName, formatDate } from '../components/format';
import type { Region } from '../types';
import { FormField, type FormFieldSpec } from '../forms/form';
import type { GovernmentFormValues } from './government-form';
import { useLocale } from '../components/locale';

/** Field ids and labels of the government form, by the pointer the API uses. */
export function useGovernmentFieldSpecs(options: { withSlug: boolean }): FormFieldSpec[] {
  const { t } = useTranslation('admin');
  const specs: FormFieldSpec[] = [];
  if (options.withSlug) specs.push({ pointer: '/slug', id: 'gov-slug', label: t('fields.slug') });
  for (const lang of LOCALES) {
    specs.push({
      pointer: `/names/${lang}`,
      id: `gov-name-${lang}`,
      label: t('fields.nameIn', { language: LOCALE_NAMES[lang] }),
    });
  }
  specs.push(
    { pointer: '/localLang', id: 'gov-local-lang', label: t('fields.localLang') },
    { pointer: '/aliases', id: 'gov-aliases', label: t('fields.aliases') },
    { pointer: '/kind', id: 'gov-kind', label: t('fields.kind') },
    { pointer: '/country', id: 'gov-country', label: t('fields.country') },
    { pointer: '/region', id: 'gov-region', label: t('fields.region') },
    { pointer: '/population', id: 'gov-population', label: t('fields.population') },
    { pointer: '/populationYear', id: 'gov-population-year', label: t('fields.populationYear') },
    { pointer: '/areaKm2', id: 'gov-area', label: t('fields.areaKm2') },
    { pointer: '/latitude', id: 'gov-latitude', label: t('fields.latitude') },
    { pointer: '/longitude', id: 'gov-longitude', label: t('fields.longitude') },
    { pointer: '/unlocode', id: 'gov-unlocode', label: t('fields.unlocode') },
    { pointer: '/cdpAccount', id: 'gov-cdp-account', label: t('fields.cdpAccount') },
    { pointer: '/website', id: 'gov-website', label: t('fields.website') },
  );
  return specs;
}

/** Errors about the whole names object (e.g. "an English name is required") sit by English. */
export const GOVERNMENT_GROUP_FALLBACKS: Readonly<Record<string, string>> = {
  '/names': '/names/en',
};

interface Props {
  values: GovernmentFormValues;
  onChange(values: GovernmentFormValues): void;
  errorFor(pointer: string): string | undefined;
  /** Region and membership are the secretariat's to change; officers see them read-only. */
  isAdmin: boolean;
  /** A government not saved yet: its membership can start only once it exists. */
  isNew?: boolean;
  /** Shown right after the names (the new-government form puts the slug there). */
  afterNames?: ReactNode;
}

/** The fields shared by the new-government and edit-government forms. */
export function GovernmentFormFields({
  values,
  onChange,
  errorFor,
  isAdmin,
  isNew = false,
  afterNames,
}: Props) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const regions = useQuery({
    queryKey: ['regions'],
    queryFn: () => api.get<{ items: Region[] }>('/api/v1/regions'),
    staleTime: 5 * 60_000,
  });
  const set = <K extends keyof GovernmentFormValues>(key: K, value: GovernmentFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const countryPreview = /^[A-Za-z]{2}$/.test(values.country.trim())
    ? countryName(values.country.trim(), locale)
    : null;
  const regionOptions = regions.data?.items ?? [];
  const localLangOptions: string[] = isLocale(values.localLang)
    ? [...LOCALES]
    : [...LOCALES, values.localLang];

  const textInput = (
    key: 'unlocode' | 'cdpAccount' | 'website' | 'latitude' | 'longitude' | 'areaKm2',
    id: string,
    extra: { inputMode?: 'decimal' | 'numeric' | 'url'; type?: string; hint?: string } = {},
  ) => (
    <FormField id={id} label={t(`fields.${key}`)} hint={extra.hint} error={errorFor(`/${key}`)}>
      {(control) => (
        <input
          {...control}
          type={extra.type ?? 'text'}
          inputMode={extra.inputMode}
          value={values[key]}
          onChange={(e) => set(key, e.target.value)}
          data-testid={id}
        />
      )}
    </FormField>
  );

  return (
    <>
      <fieldset className="admin-fieldset">
        <legend>{t('governments.sections.names')}</legend>
        <p className="admin-hint">{t('governments.namesHint')}</p>
        <div className="admin-grid">
          {LOCALES.map((lang) => (
            <FormField
              key={lang}
              id={`gov-name-${lang}`}
              label={t('fields.nameIn', { language: LOCALE_NAMES[lang] })}
              error={errorFor(`/names/${lang}`)}
              required={lang === 'en'}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  lang={lang}
                  value={values.names[lang]}
                  onChange={(e) => set('names', { ...values.names, [lang]: e.target.value })}
                  data-testid={`gov-name-${lang}`}
                />
              )}
            </FormField>
          ))}
          <FormField
            id="gov-local-lang"
            label={t('fields.localLang')}
            hint={t('governments.localLangHint')}
            error={errorFor('/localLang')}
          >
            {(control) => (
              <select
                {...control}
                value={values.localLang}
                onChange={(e) => set('localLang', e.target.value)}
                data-testid="gov-local-lang"
              >
                {localLangOptions.map((lang) => (
                  <option key={lang} value={lang}>
                    {isLocale(lang) ? LOCALE_NAMES[lang] : lang}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField
          id="gov-aliases"
          label={t('fields.aliases')}
          hint={t('governments.aliasesHint')}
          error={errorFor('/aliases')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={values.aliases}
              onChange={(e) => set('aliases', e.target.value)}
              data-testid="gov-aliases"
            />
          )}
        </FormField>
      </fieldset>
      {afterNames}

      <fieldset className="admin-fieldset">
        <legend>{t('governments.sections.place')}</legend>
        <div className="admin-grid">
          <FormField id="gov-kind" label={t('fields.kind')} error={errorFor('/kind')}>
            {(control) => (
              <select
                {...control}
                value={values.kind}
                onChange={(e) => set('kind', e.target.value as GovernmentKind)}
                data-testid="gov-kind"
              >
                {GOVERNMENT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id="gov-country"
            label={t('fields.country')}
            hint={countryPreview ?? t('governments.countryHint')}
            error={errorFor('/country')}
            required
          >
            {(control) => (
              <input
                {...control}
                type="text"
                maxLength={2}
                autoCapitalize="characters"
                className="admin-input--short"
                value={values.country}
                onChange={(e) => set('country', e.target.value.toUpperCase())}
                data-testid="gov-country"
              />
            )}
          </FormField>
          <FormField
            id="gov-region"
            label={t('fields.region')}
            hint={isAdmin ? undefined : t('governments.regionAdminOnly')}
            error={errorFor('/region')}
            required
          >
            {(control) => (
              <select
                {...control}
                disabled={!isAdmin}
                value={values.region}
                onChange={(e) => set('region', e.target.value)}
                data-testid="gov-region"
              >
                <option value="">{t('form.choose')}</option>
                {regionOptions.map((region) => (
                  <option key={region.slug} value={region.slug}>
                    {t(`common:regions.${region.slug}`, { defaultValue: region.name })}
                  </option>
                ))}
                {values.region && !regionOptions.some((r) => r.slug === values.region) && (
                  <option value={values.region}>{values.region}</option>
                )}
              </select>
            )}
          </FormField>
          {textInput('latitude', 'gov-latitude', {
            inputMode: 'decimal',
            hint: t('governments.latitudeHint'),
          })}
          {textInput('longitude', 'gov-longitude', {
            inputMode: 'decimal',
            hint: t('governments.longitudeHint'),
          })}
          {textInput('unlocode', 'gov-unlocode', { hint: t('governments.unlocodeHint') })}
        </div>
      </fieldset>

      <fieldset className="admin-fieldset">
        <legend>{t('governments.sections.figures')}</legend>
        <div className="admin-grid">
          <FormField
            id="gov-population"
            label={t('fields.population')}
            error={errorFor('/population')}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="numeric"
                value={values.population}
                onChange={(e) => set('population', e.target.value)}
                data-testid="gov-population"
              />
            )}
          </FormField>
          <FormField
            id="gov-population-year"
            label={t('fields.populationYear')}
            error={errorFor('/populationYear')}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="numeric"
                maxLength={4}
                className="admin-input--short"
                value={values.populationYear}
                onChange={(e) => set('populationYear', e.target.value)}
                data-testid="gov-population-year"
              />
            )}
          </FormField>
          {textInput('areaKm2', 'gov-area', { inputMode: 'decimal' })}
        </div>
      </fieldset>

      <fieldset className="admin-fieldset">
        <legend>{t('governments.sections.links')}</legend>
        <div className="admin-grid">
          {textInput('cdpAccount', 'gov-cdp-account', {
            inputMode: 'numeric',
            hint: t('governments.cdpHint'),
          })}
          {textInput('website', 'gov-website', {
            type: 'url',
            inputMode: 'url',
            hint: t('governments.websiteHint'),
          })}
        </div>
      </fieldset>

      <fieldset className="admin-fieldset">
        <legend>{t('governments.sections.membership')}</legend>
        {/* Shown, never typed: category, status and first day follow the years of membership,
            which the membership section starts, renews and suspends. */}
        <dl className="admin-readonly" data-testid="gov-membership">
          <dt>{t('fields.membershipCategory')}</dt>
          <dd>{t(`categories.${values.membershipCategory}`)}</dd>
          <dt>{t('fields.membershipStatus')}</dt>
          <dd data-testid="gov-membership-status">{t(`statuses.${values.membershipStatus}`)}</dd>
          <dt>{t('fields.membershipSince')}</dt>
          <dd>{values.membershipSince ? formatDate(values.membershipSince, locale) : '—'}</dd>
        </dl>
        <p className="admin-hint" data-testid="gov-membership-hint">
          {t(
            isNew
              ? 'governments.membershipStartsAfterSaving'
              : isAdmin
                ? 'governments.membershipByYears'
                : 'governments.membershipAdminOnly',
          )}
        </p>
      </fieldset>
    </>
  );
}

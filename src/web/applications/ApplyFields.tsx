/** The fields of each step of the public application form. */
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SOUGHT_CATEGORIES } from '../../core/application-form';
import { COUNTRIES } from '../../core/climate/country';
import { LOCALE_NAMES, LOCALES, isLocale } from '../../core/locales';
import { GOVERNMENT_KINDS, type GovernmentKind } from '../../core/membership';
import { countryName, languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { FormField } from '../forms/form';
import { fieldId, NAME_LANGUAGES, type ApplyValues } from './application-form';
import { FeePreview } from './FeePreview';

export interface StepFieldsProps {
  values: ApplyValues;
  set<K extends keyof ApplyValues>(key: K, value: ApplyValues[K]): void;
  /** The message beside a field (by its pointer), once it was left or a step was tried. */
  errorFor(pointer: string): string | undefined;
  /** Called when the person leaves a field, to check it then. */
  touch(pointer: string): void;
}

type TextKey = {
  [K in keyof ApplyValues]: ApplyValues[K] extends string ? K : never;
}[keyof ApplyValues];

function TextField({
  k,
  pointer,
  props,
  required,
  hint,
  type = 'text',
  inputMode,
  autoComplete,
}: {
  k: TextKey;
  pointer: string;
  props: StepFieldsProps;
  required?: boolean;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date';
  inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
  autoComplete?: string;
}) {
  const { t } = useTranslation('applications');
  return (
    <FormField
      id={fieldId(k)}
      label={t(`fields.${k}`)}
      hint={hint}
      error={props.errorFor(pointer)}
      required={required}
    >
      {(control) => (
        <input
          {...control}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete ?? 'off'}
          value={props.values[k] as string}
          onChange={(e) => props.set(k, e.target.value)}
          onBlur={() => props.touch(pointer)}
          data-testid={fieldId(k)}
        />
      )}
    </FormField>
  );
}

/** Step 1: who applies. */
export function GovernmentFields(props: StepFieldsProps) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const { values, set } = props;
  const countries = useMemo(
    () =>
      COUNTRIES.map((c) => ({ code: c.alpha2, name: countryName(c.alpha2, locale) })).sort((a, b) =>
        a.name.localeCompare(b.name, locale),
      ),
    [locale],
  );
  return (
    <>
      <div className="admin-grid">
        <TextField
          k="officialName"
          pointer="/officialName"
          props={props}
          required
          hint={t('hints.officialName')}
        />
        <FormField
          id={fieldId('officialNameLang')}
          label={t('fields.officialNameLang')}
          error={props.errorFor('/officialNameLang')}
          required
        >
          {(control) => (
            <select
              {...control}
              value={values.officialNameLang}
              onChange={(e) => set('officialNameLang', e.target.value)}
              data-testid={fieldId('officialNameLang')}
            >
              {NAME_LANGUAGES.map((tag) => (
                <option key={tag} value={tag}>
                  {isLocale(tag) ? LOCALE_NAMES[tag] : languageName(tag, locale)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <TextField
          k="englishName"
          pointer="/englishName"
          props={props}
          required
          hint={t('hints.englishName')}
        />
      </div>
      <div className="admin-grid">
        <FormField
          id={fieldId('kind')}
          label={t('fields.kind')}
          error={props.errorFor('/kind')}
          required
        >
          {(control) => (
            <select
              {...control}
              value={values.kind}
              onChange={(e) => set('kind', e.target.value as GovernmentKind)}
              data-testid={fieldId('kind')}
            >
              {GOVERNMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`common:kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id={fieldId('country')}
          label={t('fields.country')}
          error={props.errorFor('/country')}
          required
        >
          {(control) => (
            <select
              {...control}
              value={values.country}
              onChange={(e) => set('country', e.target.value)}
              onBlur={() => props.touch('/country')}
              autoComplete="country"
              data-testid={fieldId('country')}
            >
              <option value="">{t('choose')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <TextField k="province" pointer="/province" props={props} hint={t('hints.province')} />
      </div>
      {/* For scripts that fill every field: people never see it, screen readers skip it. */}
      <div className="apply-trap" aria-hidden="true">
        <label htmlFor={fieldId('alternateUrl')}>{t('fields.alternateUrl')}</label>
        <input
          id={fieldId('alternateUrl')}
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={values.alternateUrl}
          onChange={(e) => set('alternateUrl', e.target.value)}
          data-testid={fieldId('alternateUrl')}
        />
      </div>
    </>
  );
}

/** Step 2: figures. */
export function FigureFields(props: StepFieldsProps) {
  const { t } = useTranslation('applications');
  return (
    <>
      <div className="admin-grid">
        <TextField
          k="population"
          pointer="/population"
          props={props}
          required
          inputMode="numeric"
        />
        <TextField
          k="populationYear"
          pointer="/populationYear"
          props={props}
          required
          inputMode="numeric"
        />
        <TextField k="areaKm2" pointer="/areaKm2" props={props} inputMode="decimal" />
      </div>
      <div className="admin-grid">
        <TextField
          k="budgetAmount"
          pointer="/budgetAmount"
          props={props}
          inputMode="decimal"
          hint={t('hints.budget')}
        />
        <TextField
          k="budgetCurrency"
          pointer="/budgetCurrency"
          props={props}
          hint={t('hints.currency')}
        />
      </div>
      <div className="admin-grid">
        <TextField
          k="website"
          pointer="/website"
          props={props}
          type="url"
          inputMode="url"
          hint={t('hints.website')}
        />
        <TextField
          k="cdpAccount"
          pointer="/cdpAccount"
          props={props}
          inputMode="numeric"
          hint={t('hints.cdpAccount')}
        />
      </div>
    </>
  );
}

/** Step 3: the people: the head of government, the political contact, the staff liaison. */
export function PeopleFields(props: StepFieldsProps) {
  const { t } = useTranslation('applications');
  return (
    <>
      <fieldset className="admin-fieldset">
        <legend>{t('sections.head')}</legend>
        <div className="admin-grid">
          <TextField k="headName" pointer="/head/name" props={props} required />
          <TextField
            k="headTitle"
            pointer="/head/title"
            props={props}
            required
            hint={t('hints.headTitle')}
          />
          <TextField k="headElectedOn" pointer="/head/electedOn" props={props} type="date" />
          <TextField k="headTermEndsOn" pointer="/head/termEndsOn" props={props} type="date" />
        </div>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t('sections.political')}</legend>
        <p className="admin-hint">{t('hints.political')}</p>
        <div className="admin-grid">
          <TextField k="politicalName" pointer="/political/name" props={props} required />
          <TextField k="politicalTitle" pointer="/political/title" props={props} />
          <TextField
            k="politicalEmail"
            pointer="/political/email"
            props={props}
            type="email"
            inputMode="email"
          />
          <TextField
            k="politicalPhone"
            pointer="/political/phone"
            props={props}
            type="tel"
            inputMode="tel"
          />
        </div>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t('sections.liaison')}</legend>
        <p className="admin-hint">{t('hints.liaison')}</p>
        <div className="admin-grid">
          <TextField
            k="liaisonName"
            pointer="/liaison/name"
            props={props}
            required
            autoComplete="name"
          />
          <TextField
            k="liaisonEmail"
            pointer="/liaison/email"
            props={props}
            required
            type="email"
            inputMode="email"
            autoComplete="email"
          />
          <TextField
            k="liaisonPhone"
            pointer="/liaison/phone"
            props={props}
            required
            type="tel"
            inputMode="tel"
            autoComplete="tel"
          />
        </div>
      </fieldset>
    </>
  );
}

/** Step 4: the membership sought, the letters' language and the council resolution. */
export function MembershipFields(
  props: StepFieldsProps & {
    file: File | null;
    onFile(file: File | null): void;
    fileError?: string;
  },
) {
  const { t } = useTranslation('applications');
  const { values, set } = props;
  return (
    <>
      <fieldset className="admin-fieldset">
        <legend>{t('fields.category')}</legend>
        {SOUGHT_CATEGORIES.map((category) => (
          <label key={category} className="apply-choice">
            <input
              type="radio"
              name="category"
              value={category}
              checked={values.category === category}
              onChange={() => set('category', category)}
              data-testid={`apply-category-${category}`}
            />
            <span>
              <strong>{t(`common:categories.${category}`)}</strong>
              <span className="admin-hint"> — {t(`categoryHints.${category}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <FeePreview
        country={values.country}
        kind={values.kind}
        population={values.population}
        category={values.category}
      />
      <FormField
        id={fieldId('language')}
        label={t('fields.language')}
        hint={t('hints.language')}
        error={props.errorFor('/language')}
        required
      >
        {(control) => (
          <select
            {...control}
            value={values.language}
            onChange={(e) => isLocale(e.target.value) && set('language', e.target.value)}
            data-testid={fieldId('language')}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id="apply-resolution"
        label={t('fields.resolution')}
        hint={t('hints.resolution')}
        error={props.fileError}
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".pdf,.docx,.odt,.jpg,.jpeg,.png"
            onChange={(e) => props.onFile(e.target.files?.[0] ?? null)}
            data-testid="apply-resolution"
          />
        )}
      </FormField>
      {props.file && (
        <p className="admin-hint" data-testid="apply-resolution-chosen">
          {t('resolutionChosen', { name: props.file.name })}
        </p>
      )}
    </>
  );
}

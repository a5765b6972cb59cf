/**
 * The World Bank's income groups and which group each country is in: a fact table, the
 * classification for the World Bank's fiscal year 2026 (published 1 July 2025, from 2024 GNI per
 * capita, Atlas method). That year's changes from the year before: Costa Rica became high
 * income; Cabo Verde and Samoa upper-middle; Namibia lower-middle.
 *
 * The World Bank reclassifies every 1 July; the table is then updated here, in one place (the
 * fee schedule reads it). Countries are ISO 3166-1 alpha-2 codes, plus XK for Kosovo, which the
 * World Bank classifies and ISO has not assigned. The Channel Islands, one economy to the World
 * Bank, are Jersey (JE) and Guernsey (GG) here. Venezuela has been unclassified since 2021 for
 * want of data, and territories the World Bank does not list (Åland, Anguilla, …) have no group:
 * a fee cannot be computed for them from the table, and an administrator sets it by hand.
 */

/** The four groups, the poorest first. */
export const INCOME_GROUPS = ['low', 'lower-middle', 'upper-middle', 'high'] as const;
export type IncomeGroup = (typeof INCOME_GROUPS)[number];

/** Which World Bank classification the table holds. */
export const INCOME_CLASSIFICATION = 'World Bank FY2026 (1 July 2025)';

const LOW = [
  'AF', // Afghanistan
  'BF', // Burkina Faso
  'BI', // Burundi
  'CF', // Central African Republic
  'TD', // Chad
  'CD', // Congo, Democratic Republic
  'ER', // Eritrea
  'ET', // Ethiopia
  'GM', // Gambia
  'GW', // Guinea-Bissau
  'KP', // Korea, Democratic People's Republic
  'LR', // Liberia
  'MG', // Madagascar
  'MW', // Malawi
  'ML', // Mali
  'MZ', // Mozambique
  'NE', // Niger
  'RW', // Rwanda
  'SL', // Sierra Leone
  'SO', // Somalia
  'SS', // South Sudan
  'SD', // Sudan
  'SY', // Syrian Arab Republic
  'TG', // Togo
  'UG', // Uganda
  'YE', // Yemen
];

const LOWER_MIDDLE = [
  'AO', // Angola
  'BD', // Bangladesh
  'BJ', // Benin
  'BT', // Bhutan
  'BO', // Bolivia
  'KH', // Cambodia
  'CM', // Cameroon
  'KM', // Comoros
  'CG', // Congo, Republic
  'CI', // Côte d'Ivoire
  'DJ', // Djibouti
  'EG', // Egypt
  'SZ', // Eswatini
  'GH', // Ghana
  'GN', // Guinea
  'HT', // Haiti
  'HN', // Honduras
  'IN', // India
  'JO', // Jordan
  'KE', // Kenya
  'KI', // Kiribati
  'KG', // Kyrgyz Republic
  'LA', // Lao PDR
  'LB', // Lebanon
  'LS', // Lesotho
  'MR', // Mauritania
  'FM', // Micronesia, Federated States
  'MA', // Morocco
  'MM', // Myanmar
  'NA', // Namibia
  'NP', // Nepal
  'NI', // Nicaragua
  'NG', // Nigeria
  'PK', // Pakistan
  'PG', // Papua New Guinea
  'PH', // Philippines
  'ST', // São Tomé and Príncipe
  'SN', // Senegal
  'SB', // Solomon Islands
  'LK', // Sri Lanka
  'TJ', // Tajikistan
  'TZ', // Tanzania
  'TL', // Timor-Leste
  'TN', // Tunisia
  'UZ', // Uzbekistan
  'VU', // Vanuatu
  'VN', // Viet Nam
  'PS', // West Bank and Gaza
  'ZM', // Zambia
  'ZW', // Zimbabwe
];

const UPPER_MIDDLE = [
  'AL', // Albania
  'DZ', // Algeria
  'AR', // Argentina
  'AM', // Armenia
  'AZ', // Azerbaijan
  'BY', // Belarus
  'BZ', // Belize
  'BA', // Bosnia and Herzegovina
  'BW', // Botswana
  'BR', // Brazil
  'CV', // Cabo Verde
  'CN', // China
  'CO', // Colombia
  'CU', // Cuba
  'DM', // Dominica
  'DO', // Dominican Republic
  'EC', // Ecuador
  'SV', // El Salvador
  'GQ', // Equatorial Guinea
  'FJ', // Fiji
  'GA', // Gabon
  'GE', // Georgia
  'GD', // Grenada
  'GT', // Guatemala
  'ID', // Indonesia
  'IR', // Iran
  'IQ', // Iraq
  'JM', // Jamaica
  'KZ', // Kazakhstan
  'XK', // Kosovo
  'LY', // Libya
  'MY', // Malaysia
  'MV', // Maldives
  'MH', // Marshall Islands
  'MU', // Mauritius
  'MX', // Mexico
  'MD', // Moldova
  'MN', // Mongolia
  'ME', // Montenegro
  'MK', // North Macedonia
  'PY', // Paraguay
  'PE', // Peru
  'WS', // Samoa
  'RS', // Serbia
  'ZA', // South Africa
  'LC', // St. Lucia
  'VC', // St. Vincent and the Grenadines
  'SR', // Suriname
  'TH', // Thailand
  'TO', // Tonga
  'TR', // Türkiye
  'TM', // Turkmenistan
  'TV', // Tuvalu
  'UA', // Ukraine
];

const HIGH = [
  'AS', // American Samoa
  'AD', // Andorra
  'AG', // Antigua and Barbuda
  'AW', // Aruba
  'AU', // Australia
  'AT', // Austria
  'BS', // Bahamas
  'BH', // Bahrain
  'BB', // Barbados
  'BE', // Belgium
  'BM', // Bermuda
  'VG', // British Virgin Islands
  'BN', // Brunei Darussalam
  'BG', // Bulgaria
  'CA', // Canada
  'KY', // Cayman Islands
  'JE', // Channel Islands: Jersey
  'GG', // Channel Islands: Guernsey
  'CL', // Chile
  'CR', // Costa Rica
  'HR', // Croatia
  'CW', // Curaçao
  'CY', // Cyprus
  'CZ', // Czechia
  'DK', // Denmark
  'EE', // Estonia
  'FO', // Faroe Islands
  'FI', // Finland
  'FR', // France
  'PF', // French Polynesia
  'DE', // Germany
  'GI', // Gibraltar
  'GR', // Greece
  'GL', // Greenland
  'GU', // Guam
  'GY', // Guyana
  'HK', // Hong Kong SAR, China
  'HU', // Hungary
  'IS', // Iceland
  'IE', // Ireland
  'IM', // Isle of Man
  'IL', // Israel
  'IT', // Italy
  'JP', // Japan
  'KR', // Korea, Republic
  'KW', // Kuwait
  'LV', // Latvia
  'LI', // Liechtenstein
  'LT', // Lithuania
  'LU', // Luxembourg
  'MO', // Macao SAR, China
  'MT', // Malta
  'MC', // Monaco
  'NR', // Nauru
  'NL', // Netherlands
  'NC', // New Caledonia
  'NZ', // New Zealand
  'MP', // Northern Mariana Islands
  'NO', // Norway
  'OM', // Oman
  'PW', // Palau
  'PA', // Panama
  'PL', // Poland
  'PT', // Portugal
  'PR', // Puerto Rico
  'QA', // Qatar
  'RO', // Romania
  'RU', // Russian Federation
  'SM', // San Marino
  'SA', // Saudi Arabia
  'SC', // Seychelles
  'SG', // Singapore
  'SX', // Sint Maarten
  'SK', // Slovak Republic
  'SI', // Slovenia
  'ES', // Spain
  'KN', // St. Kitts and Nevis
  'MF', // St. Martin (French part)
  'SE', // Sweden
  'CH', // Switzerland
  'TW', // Taiwan, China
  'TT', // Trinidad and Tobago
  'TC', // Turks and Caicos Islands
  'AE', // United Arab Emirates
  'GB', // United Kingdom
  'US', // United States
  'UY', // Uruguay
  'VI', // Virgin Islands (U.S.)
];

/** Country code → its income group; a country absent here has none. */
export const COUNTRY_INCOME_GROUPS: Readonly<Record<string, IncomeGroup>> = Object.freeze(
  Object.fromEntries([
    ...LOW.map((c) => [c, 'low'] as const),
    ...LOWER_MIDDLE.map((c) => [c, 'lower-middle'] as const),
    ...UPPER_MIDDLE.map((c) => [c, 'upper-middle'] as const),
    ...HIGH.map((c) => [c, 'high'] as const),
  ]),
);

/** The income group of a country (ISO 3166-1 alpha-2), or null when the table has none. */
export function incomeGroupOf(country: string): IncomeGroup | null {
  return COUNTRY_INCOME_GROUPS[country.toUpperCase()] ?? null;
}

/**
 * The network's region for a government created by an import. The country decides where it is
 * known, because CDP's regions cut differently from the network's ("Latin America" spans two of
 * them, "Southeast Asia and Oceania" two more, and CDP files Thailand under East Asia); CDP's
 * region is the fallback for a country Accord cannot read.
 *
 * The network has no Middle East or Central Asia region. Their governments go to Europe, whose
 * secretariat runs the network's Mediterranean and Eastern neighbourhood work; Iran and
 * Afghanistan go to South Asia. Antarctica and anything unknown go to 'global'.
 */

const REGION_COUNTRIES: Record<string, string> = {
  africa:
    'DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG ' +
    'MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW IO TF',
  'east-asia': 'CN HK MO TW JP KR KP MN',
  'southeast-asia': 'BN KH ID LA MY MM PH SG TH TL VN',
  'south-asia': 'AF BD BT IN MV NP PK LK IR',
  oceania: 'AU NZ FJ PG SB VU WS TO KI TV NR FM MH PW NC PF CK NU NF MP GU AS TK WF PN CX CC HM',
  'north-america': 'US CA GL BM PM UM',
  'mexico-central-america-caribbean':
    'MX GT BZ SV HN NI CR PA CU DO HT JM PR TT BS BB LC VC GD AG DM KN AW CW SX BQ KY TC VG VI ' +
    'AI MS GP MQ BL MF',
  'south-america': 'AR BO BR CL CO EC GY PY PE SR UY VE GF FK GS BV',
  europe:
    'AX AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG VA HU IS IE IM IT JE LV LI LT LU ' +
    'MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB XK TR CY GE AM AZ ' +
    // Central Asia and the Middle East (see above).
    'KZ KG TJ TM UZ SA AE QA KW BH OM YE IQ SY JO LB IL PS',
};

const REGION_OF_COUNTRY: ReadonlyMap<string, string> = new Map(
  Object.entries(REGION_COUNTRIES).flatMap(([region, codes]) =>
    codes.split(/\s+/).map((code) => [code, region] as const),
  ),
);

/** CDP's regions, for rows whose country Accord could not read. */
const REGION_OF_CDP_REGION: Readonly<Record<string, string>> = {
  'north america': 'north-america',
  europe: 'europe',
  'latin america': 'south-america',
  'east asia': 'east-asia',
  'southeast asia and oceania': 'southeast-asia',
  'southeast asia': 'southeast-asia',
  oceania: 'oceania',
  africa: 'africa',
  'south and west asia': 'south-asia',
  'south asia': 'south-asia',
  'middle east': 'europe',
};

/** The slug of the network region for a country (ISO 3166-1 alpha-2) and CDP's region name. */
export function regionFor(iso2: string | null, cdpRegion: string | null): string {
  const byCountry = iso2 ? REGION_OF_COUNTRY.get(iso2.toUpperCase()) : undefined;
  if (byCountry) return byCountry;
  const byCdp = cdpRegion ? REGION_OF_CDP_REGION[cdpRegion.trim().toLowerCase()] : undefined;
  return byCdp ?? 'global';
}

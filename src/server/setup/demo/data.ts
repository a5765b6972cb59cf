import {
  GOVERNMENT_KINDS,
  MEMBERSHIP_CATEGORIES,
  MEMBERSHIP_STATUSES,
  OFFICE_KINDS,
  POSITION_TITLES,
  type GovernmentKind,
  type MembershipCategory,
  type MembershipStatus,
  type OfficeKind,
  type PositionTitle,
} from '../../../core/membership';
import { isLocale, type Locale } from '../../../core/locales';

/**
 * The demo network: the regions, the offices of the seed article's footer, the East Asia
 * RexCom members and the people the article names, plus real cities as prospects so that
 * the directory has something to filter, sort and page through.
 *
 * Facts only. Where a number is not known for sure it is null; populations and areas say
 * where they come from (`figuresSource`), because the CDP figures are the cities' own
 * reports and may differ from census counts.
 */

/** The date the demo stands at: the 2020 East Asia RexCom meeting. Positions are as of then. */
export const DEMO_AS_OF = '2020-11-26';

export const REGION_SLUGS = [
  'global',
  'africa',
  'east-asia',
  'europe',
  'north-america',
  'mexico-central-america-caribbean',
  'south-america',
  'south-asia',
  'southeast-asia',
  'oceania',
] as const;
export type RegionSlug = (typeof REGION_SLUGS)[number];

export interface DemoRegion {
  slug: RegionSlug;
  name: string;
  sortOrder: number;
}

export interface DemoOffice {
  slug: string;
  region: RegionSlug;
  kind: OfficeKind;
  name: string;
  /** Postal or street address, lines joined by \n, as the footer gives it. */
  address: string;
  /** A separate postal address where the footer gives one (no column for it yet). */
  postalAddress: string | null;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  /** IANA time zone of the city: a body's meetings default to its secretariat's. */
  timeZone: string;
  /** Of the city, approximate. */
  latitude: number;
  longitude: number;
}

/** Names by BCP 47 tag; English is always there. */
export type DemoNames = { en: string } & Record<string, string>;

export interface DemoMembership {
  category: MembershipCategory;
  status: MembershipStatus;
  since: string | null;
}

export interface DemoGovernment {
  slug: string;
  kind: GovernmentKind;
  country: string;
  region: RegionSlug;
  /** Language of the official local name; a key of names. */
  localLang: string;
  names: DemoNames;
  /** Other names it is known by (CDP's organisation name, romanisations, short forms). */
  aliases: string[];
  latitude: number;
  longitude: number;
  /** "CC LLL" with a space. */
  unlocode: string | null;
  website: string | null;
  population: number | null;
  populationYear: number | null;
  areaKm2: number | null;
  /** Where population and area come from; null when both are null. */
  figuresSource: string | null;
  /** CDP account number, read from the shared CDP files. */
  cdpAccount: string | null;
  membership: DemoMembership;
}

export interface DemoPosition {
  title: PositionTitle;
  /** Exactly one of government and office is set. */
  government: string | null;
  office: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface DemoPerson {
  /** As the seed article writes it; unique within the demo, so the seeder keys on it. */
  fullName: string;
  /** The name in the person's own script, by language tag. */
  names: Record<string, string>;
  positions: DemoPosition[];
}

export interface DemoUser {
  email: string;
  displayName: string;
  role: 'officer';
  government: string;
  locale: Locale | null;
}

export interface DemoNetwork {
  regions: DemoRegion[];
  offices: DemoOffice[];
  governments: DemoGovernment[];
  people: DemoPerson[];
  users: DemoUser[];
}

const REGION_NAMES: Record<RegionSlug, string> = {
  global: 'Global',
  africa: 'Africa',
  'east-asia': 'East Asia',
  europe: 'Europe',
  'north-america': 'North America',
  'mexico-central-america-caribbean': 'Mexico, Central America and the Caribbean',
  'south-america': 'South America',
  'south-asia': 'South Asia',
  'southeast-asia': 'Southeast Asia',
  oceania: 'Oceania',
};

export const DEMO_REGIONS: DemoRegion[] = REGION_SLUGS.map((slug, i) => ({
  slug,
  name: REGION_NAMES[slug],
  sortOrder: i,
}));

const office = (
  o: Omit<DemoOffice, 'phone' | 'fax' | 'email' | 'website' | 'postalAddress'> &
    Partial<Pick<DemoOffice, 'phone' | 'fax' | 'email' | 'website' | 'postalAddress'>>,
): DemoOffice => ({
  phone: null,
  fax: null,
  email: null,
  website: null,
  postalAddress: null,
  ...o,
});

/** In the footer's order, which the seeder keeps as the sort order. */
export const DEMO_OFFICES: DemoOffice[] = [
  office({
    slug: 'world-secretariat',
    region: 'global',
    kind: 'world-secretariat',
    name: 'World Secretariat',
    address: 'Kaiser-Friedrich-Str. 7\n53113 Bonn',
    city: 'Bonn',
    country: 'DE',
    phone: '+49-228/97 62 99-00',
    fax: '+49-228/97 62 99-01',
    // The footer labels this "Email" but gives a web address, so it is the website.
    website: 'https://www.iclei.org',
    timeZone: 'Europe/Berlin',
    latitude: 50.7374,
    longitude: 7.0982,
  }),
  office({
    slug: 'european-secretariat',
    region: 'europe',
    kind: 'regional-secretariat',
    name: 'European Secretariat',
    address: 'Leopoldring 3\n79098 Freiburg, Germany',
    city: 'Freiburg',
    country: 'DE',
    timeZone: 'Europe/Berlin',
    latitude: 47.999,
    longitude: 7.8421,
  }),
  office({
    slug: 'brussels-office',
    region: 'europe',
    kind: 'representation-office',
    name: 'Brussels Office',
    address: 'Av. de Tervuren 35\n1040 Bruxelles',
    city: 'Brussels',
    country: 'BE',
    timeZone: 'Europe/Brussels',
    latitude: 50.8503,
    longitude: 4.3517,
  }),
  office({
    slug: 'africa-secretariat',
    region: 'africa',
    kind: 'regional-secretariat',
    name: 'Africa Secretariat',
    address: '3 Knowledge Park\nCentury City\nCape Town\nSouth Africa',
    postalAddress: 'PO Box 5319\nSouth Africa',
    city: 'Cape Town',
    country: 'ZA',
    timeZone: 'Africa/Johannesburg',
    latitude: -33.9249,
    longitude: 18.4241,
  }),
  office({
    slug: 'canada-office',
    region: 'north-america',
    kind: 'country-office',
    name: 'Canada Office',
    address: '401 Richmond St. W\nStudio 204\nToronto, Ontario\nM5V 3A8, Canada',
    city: 'Toronto',
    country: 'CA',
    timeZone: 'America/Toronto',
    latitude: 43.6532,
    longitude: -79.3832,
  }),
  office({
    slug: 'usa-office',
    region: 'north-america',
    kind: 'country-office',
    name: 'USA Office',
    address: '536 Wynkoop St.\nSuite 901\nDenver, Colorado\nUSA 80202',
    city: 'Denver',
    country: 'US',
    timeZone: 'America/Denver',
    latitude: 39.7392,
    longitude: -104.9903,
  }),
  office({
    slug: 'mexico-central-america-caribbean-secretariat',
    region: 'mexico-central-america-caribbean',
    kind: 'regional-secretariat',
    name: 'Mexico, Central America and Caribbean Secretariat',
    address:
      'Paseo de la Reforma 136 Piso 14 Of. B, Col. Juarez, C.P. 06600, Del. Cuauhtemoc, Ciudad de Mexico',
    city: 'Mexico City',
    country: 'MX',
    timeZone: 'America/Mexico_City',
    latitude: 19.4326,
    longitude: -99.1332,
  }),
  office({
    slug: 'south-america-secretariat',
    region: 'south-america',
    kind: 'regional-secretariat',
    name: 'South American Secretariat',
    address: 'Rua Ibiraçu, 226, Vila Madalena\nSão Paulo / SP - Brazil\nCEP 05451-040',
    city: 'São Paulo',
    country: 'BR',
    timeZone: 'America/Sao_Paulo',
    latitude: -23.5505,
    longitude: -46.6333,
  }),
  office({
    slug: 'south-asia-secretariat',
    region: 'south-asia',
    kind: 'regional-secretariat',
    name: 'South Asia Secretariat',
    address:
      'Ground Floor, NSIC-STP Complex NSIC Bhawan, Okhla Industrial Estate New Delhi – 110020, India',
    city: 'New Delhi',
    country: 'IN',
    timeZone: 'Asia/Kolkata',
    latitude: 28.6139,
    longitude: 77.209,
  }),
  office({
    slug: 'east-asia-secretariat',
    region: 'east-asia',
    kind: 'regional-secretariat',
    name: 'East Asia Secretariat',
    address:
      '14/F, Seoul Global Center Building, 38 Jongno, Jongno-gu, Seoul, South Korea (110-110)',
    city: 'Seoul',
    country: 'KR',
    timeZone: 'Asia/Seoul',
    latitude: 37.5665,
    longitude: 126.978,
  }),
  office({
    slug: 'japan-office',
    region: 'east-asia',
    kind: 'country-office',
    name: 'Japan Office',
    address: '1-14-2 Nishi-Shimbashi\nTokyo, Japan 105-0003',
    city: 'Tokyo',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    latitude: 35.6762,
    longitude: 139.6503,
  }),
  office({
    slug: 'korea-office',
    region: 'east-asia',
    kind: 'country-office',
    name: 'Korea Office',
    address:
      '(16429) 3F, Suwon Research Institute\n126, Suin-ro, Gwonseon-gu, Suwon-si\nGyeonggi-do, Republic of Korea',
    city: 'Suwon',
    country: 'KR',
    timeZone: 'Asia/Seoul',
    latitude: 37.2636,
    longitude: 127.0286,
  }),
  office({
    slug: 'southeast-asia-secretariat',
    region: 'southeast-asia',
    kind: 'regional-secretariat',
    name: 'Southeast Asia Secretariat',
    address:
      'c/o The Manila Observatory Ateneo de Manila University Campus Loyola Heights, Quezon City 1101 Manila, Philippines',
    city: 'Quezon City',
    country: 'PH',
    timeZone: 'Asia/Manila',
    latitude: 14.676,
    longitude: 121.0437,
  }),
  office({
    slug: 'indonesia-project-office',
    region: 'southeast-asia',
    kind: 'project-office',
    name: 'Indonesia Project Office',
    address:
      'Rasuna Office Park III WO. 06-09 Komplek Rasuna Epicentrum Jl. Taman Rasuna Selatan, Kuningan DKI Jakarta, 12960, Indonesia',
    city: 'Jakarta',
    country: 'ID',
    timeZone: 'Asia/Jakarta',
    latitude: -6.2088,
    longitude: 106.8456,
  }),
  office({
    slug: 'oceania-secretariat',
    region: 'oceania',
    kind: 'regional-secretariat',
    name: 'Oceania Secretariat',
    address: 'Level 1, 200 Little Collins Street Melbourne, Victoria 3000, Australia',
    city: 'Melbourne',
    country: 'AU',
    timeZone: 'Australia/Melbourne',
    latitude: -37.8136,
    longitude: 144.9631,
  }),
];

const CDP_2021 = 'CDP 2021 city-wide emissions (self-reported by the city)';
const CN_CENSUS_2020 = 'Seventh National Population Census of China (1 November 2020)';

const MEMBER: DemoMembership = { category: 'full-member', status: 'current', since: null };
/** Not a member: a prospect, e.g. a city that reports to CDP. */
const PROSPECT: DemoMembership = { category: 'non-member', status: 'none', since: null };

type GovernmentInput = Omit<
  DemoGovernment,
  | 'unlocode'
  | 'website'
  | 'population'
  | 'populationYear'
  | 'areaKm2'
  | 'figuresSource'
  | 'cdpAccount'
  | 'membership'
> &
  Partial<DemoGovernment>;

const gov = (g: GovernmentInput): DemoGovernment => ({
  unlocode: null,
  website: null,
  population: null,
  populationYear: null,
  areaKm2: null,
  figuresSource: null,
  cdpAccount: null,
  membership: PROSPECT,
  ...g,
});

/** The five members of the East Asia RexCom 2021–2024 that the seed article names. */
export const REXCOM_MEMBER_SLUGS = ['kyoto', 'seoul', 'suwon', 'changchun', 'new-taipei'] as const;

export const DEMO_GOVERNMENTS: DemoGovernment[] = [
  // --- The article's members -------------------------------------------------------------
  gov({
    slug: 'kyoto',
    kind: 'city',
    country: 'JP',
    region: 'east-asia',
    localLang: 'ja',
    names: { en: 'Kyoto', ja: '京都市', ko: '교토시', 'zh-Hans': '京都市', 'zh-Hant': '京都市' },
    aliases: ['Kyoto City', 'City of Kyoto', 'Kyōto-shi', 'Kyoto-shi'],
    latitude: 35.0116,
    longitude: 135.7681,
    unlocode: 'JP UKY',
    website: 'https://www.city.kyoto.lg.jp',
    population: 1452549,
    populationYear: 2021,
    areaKm2: 827.8,
    figuresSource: CDP_2021,
    cdpAccount: '49389',
    membership: MEMBER,
  }),
  gov({
    slug: 'seoul',
    kind: 'special-city',
    country: 'KR',
    region: 'east-asia',
    localLang: 'ko',
    names: {
      en: 'Seoul',
      ko: '서울특별시',
      ja: 'ソウル特別市',
      'zh-Hans': '首尔特别市',
      'zh-Hant': '首爾特別市',
    },
    aliases: [
      'Seoul Metropolitan Government',
      'Seoul Special City',
      'Seoul-teukbyeolsi',
      '서울시',
      '서울',
    ],
    latitude: 37.5665,
    longitude: 126.978,
    unlocode: 'KR SEL',
    website: 'https://www.seoul.go.kr',
    population: 9911088,
    populationYear: 2020,
    areaKm2: 605.23,
    figuresSource: CDP_2021,
    cdpAccount: '31187',
    membership: MEMBER,
  }),
  gov({
    slug: 'suwon',
    // A "special-case city" (특례시) since 2022: still a city among the kinds we know.
    kind: 'city',
    country: 'KR',
    region: 'east-asia',
    localLang: 'ko',
    names: { en: 'Suwon', ko: '수원시', ja: '水原市', 'zh-Hans': '水原市', 'zh-Hant': '水原市' },
    aliases: ['Suwon City', 'Suwon-si', 'Suwon Special City', '수원특례시'],
    latitude: 37.2636,
    longitude: 127.0286,
    unlocode: 'KR SWU',
    website: 'https://www.suwon.go.kr',
    population: 1221095,
    populationYear: 2020,
    areaKm2: 121.09,
    figuresSource: CDP_2021,
    cdpAccount: '44185',
    membership: MEMBER,
  }),
  gov({
    slug: 'changchun',
    kind: 'city',
    country: 'CN',
    region: 'east-asia',
    localLang: 'zh-Hans',
    names: {
      en: 'Changchun',
      'zh-Hans': '长春市',
      'zh-Hant': '長春市',
      ja: '長春市',
      ko: '창춘시',
    },
    aliases: ['Changchun City', 'Changchun Shi', '长春'],
    latitude: 43.8171,
    longitude: 125.3235,
    unlocode: 'CN CGQ',
    website: 'https://www.changchun.gov.cn',
    population: 9066906,
    populationYear: 2020,
    figuresSource: CN_CENSUS_2020,
    // Changchun does not appear in the 2021 CDP files.
    membership: MEMBER,
  }),
  gov({
    slug: 'new-taipei',
    kind: 'special-municipality',
    country: 'TW',
    region: 'east-asia',
    localLang: 'zh-Hant',
    names: {
      en: 'New Taipei',
      'zh-Hant': '新北市',
      'zh-Hans': '新北市',
      ja: '新北市',
      ko: '신베이시',
    },
    aliases: ['New Taipei City', 'New Taipei City Government', 'Xinbei'],
    latitude: 25.012,
    longitude: 121.4657,
    website: 'https://www.ntpc.gov.tw',
    population: 4030954,
    populationYear: 2020,
    areaKm2: 2052,
    figuresSource: CDP_2021,
    cdpAccount: '56276',
    membership: MEMBER,
  }),

  // --- Prospects in East Asia: Japan -------------------------------------------------------
  gov({
    slug: 'tokyo',
    kind: 'prefecture',
    country: 'JP',
    region: 'east-asia',
    localLang: 'ja',
    names: { en: 'Tokyo', ja: '東京都', ko: '도쿄도', 'zh-Hans': '东京都', 'zh-Hant': '東京都' },
    aliases: ['Tokyo Metropolitan Government', 'Tokyo Metropolis', 'Tōkyō-to'],
    latitude: 35.6895,
    longitude: 139.6917,
    unlocode: 'JP TYO',
    website: 'https://www.metro.tokyo.lg.jp',
    population: 13957977,
    populationYear: 2021,
    areaKm2: 2194.05,
    figuresSource: CDP_2021,
    cdpAccount: '31111',
  }),
  gov({
    slug: 'yokohama',
    kind: 'city',
    country: 'JP',
    region: 'east-asia',
    localLang: 'ja',
    names: {
      en: 'Yokohama',
      ja: '横浜市',
      ko: '요코하마시',
      'zh-Hans': '横滨市',
      'zh-Hant': '橫濱市',
    },
    aliases: ['City of Yokohama', 'Yokohama City'],
    latitude: 35.4437,
    longitude: 139.638,
    unlocode: 'JP YOK',
    website: 'https://www.city.yokohama.lg.jp',
    population: 3776146,
    populationYear: 2021,
    areaKm2: 438,
    figuresSource: CDP_2021,
    cdpAccount: '31113',
  }),
  gov({
    slug: 'kitakyushu',
    kind: 'city',
    country: 'JP',
    region: 'east-asia',
    localLang: 'ja',
    names: {
      en: 'Kitakyushu',
      ja: '北九州市',
      ko: '기타큐슈시',
      'zh-Hans': '北九州市',
      'zh-Hant': '北九州市',
    },
    aliases: ['City of Kitakyushu', 'Kitakyūshū-shi'],
    latitude: 33.8834,
    longitude: 130.8752,
    website: 'https://www.city.kitakyushu.lg.jp',
    population: 946338,
    populationYear: 2020,
    areaKm2: 491.95,
    figuresSource: CDP_2021,
    cdpAccount: '44080',
  }),
  gov({
    slug: 'toyama',
    kind: 'city',
    country: 'JP',
    region: 'east-asia',
    localLang: 'ja',
    names: { en: 'Toyama', ja: '富山市', ko: '도야마시', 'zh-Hans': '富山市', 'zh-Hant': '富山市' },
    aliases: ['Toyama City', 'City of Toyama'],
    latitude: 36.6959,
    longitude: 137.2137,
    population: 418686,
    populationYear: 2015,
    areaKm2: 1241.74,
    figuresSource: CDP_2021,
    cdpAccount: '54341',
  }),
  gov({
    slug: 'saitama',
    kind: 'city',
    country: 'JP',
    region: 'east-asia',
    localLang: 'ja',
    names: {
      en: 'Saitama',
      ja: 'さいたま市',
      ko: '사이타마시',
      'zh-Hans': '埼玉市',
      'zh-Hant': '埼玉市',
    },
    aliases: ['City of Saitama', 'Saitama City'],
    latitude: 35.8617,
    longitude: 139.6455,
    population: 1330286,
    populationYear: 2021,
    areaKm2: 217.43,
    figuresSource: CDP_2021,
    cdpAccount: '54338',
  }),

  // --- Korea ------------------------------------------------------------------------------
  gov({
    slug: 'busan',
    kind: 'metropolitan-city',
    country: 'KR',
    region: 'east-asia',
    localLang: 'ko',
    names: {
      en: 'Busan',
      ko: '부산광역시',
      ja: '釜山広域市',
      'zh-Hans': '釜山广域市',
      'zh-Hant': '釜山廣域市',
    },
    aliases: ['Busan Metropolitan City', 'Busan Metropolitan City Government', 'Pusan'],
    latitude: 35.1796,
    longitude: 129.0756,
    unlocode: 'KR PUS',
    website: 'https://www.busan.go.kr',
    population: 3438710,
    populationYear: 2020,
    areaKm2: 770.07,
    figuresSource: CDP_2021,
    cdpAccount: '35856',
  }),
  gov({
    slug: 'daegu',
    kind: 'metropolitan-city',
    country: 'KR',
    region: 'east-asia',
    localLang: 'ko',
    names: {
      en: 'Daegu',
      ko: '대구광역시',
      ja: '大邱広域市',
      'zh-Hans': '大邱广域市',
      'zh-Hant': '大邱廣域市',
    },
    aliases: ['Daegu Metropolitan City', 'Daegu Metropolitan Government'],
    latitude: 35.8714,
    longitude: 128.6014,
    website: 'https://www.daegu.go.kr',
    population: 2446144,
    populationYear: 2020,
    areaKm2: 883.49,
    figuresSource: CDP_2021,
    cdpAccount: '44180',
  }),
  gov({
    slug: 'ulsan',
    kind: 'metropolitan-city',
    country: 'KR',
    region: 'east-asia',
    localLang: 'ko',
    names: {
      en: 'Ulsan',
      ko: '울산광역시',
      ja: '蔚山広域市',
      'zh-Hans': '蔚山广域市',
      'zh-Hant': '蔚山廣域市',
    },
    aliases: ['Ulsan Metropolitan City', 'Ulsan Metropolitan Government'],
    latitude: 35.5384,
    longitude: 129.3114,
    website: 'https://www.ulsan.go.kr',
    population: 1153901,
    populationYear: 2020,
    areaKm2: 1061.54,
    figuresSource: CDP_2021,
    cdpAccount: '44184',
  }),
  gov({
    slug: 'changwon',
    kind: 'city',
    country: 'KR',
    region: 'east-asia',
    localLang: 'ko',
    names: { en: 'Changwon', ko: '창원시', ja: '昌原市', 'zh-Hans': '昌原市', 'zh-Hant': '昌原市' },
    aliases: ['Changwon City', 'Changwon-si'],
    latitude: 35.228,
    longitude: 128.6811,
    website: 'https://www.changwon.go.kr',
    population: 1036738,
    populationYear: 2020,
    areaKm2: 747.67,
    figuresSource: CDP_2021,
    cdpAccount: '31186',
  }),
  gov({
    slug: 'goyang',
    kind: 'city',
    country: 'KR',
    region: 'east-asia',
    localLang: 'ko',
    names: { en: 'Goyang', ko: '고양시', ja: '高陽市', 'zh-Hans': '高阳市', 'zh-Hant': '高陽市' },
    aliases: ['Goyang City', 'Goyang-si', 'Goyang Metropolitan Government'],
    latitude: 37.6584,
    longitude: 126.832,
    website: 'https://www.goyang.go.kr',
    population: 1080507,
    populationYear: 2021,
    areaKm2: 268.077,
    figuresSource: CDP_2021,
    cdpAccount: '44187',
  }),

  // --- China ------------------------------------------------------------------------------
  gov({
    slug: 'beijing',
    kind: 'city',
    country: 'CN',
    region: 'east-asia',
    localLang: 'zh-Hans',
    names: {
      en: 'Beijing',
      'zh-Hans': '北京市',
      'zh-Hant': '北京市',
      ja: '北京市',
      ko: '베이징시',
    },
    aliases: ['Beijing Municipality', 'Peking', '北京'],
    latitude: 39.9042,
    longitude: 116.4074,
    unlocode: 'CN BJS',
    website: 'https://www.beijing.gov.cn',
    population: 21893095,
    populationYear: 2020,
    figuresSource: CN_CENSUS_2020,
  }),
  gov({
    slug: 'shanghai',
    kind: 'city',
    country: 'CN',
    region: 'east-asia',
    localLang: 'zh-Hans',
    names: {
      en: 'Shanghai',
      'zh-Hans': '上海市',
      'zh-Hant': '上海市',
      ja: '上海市',
      ko: '상하이시',
    },
    aliases: ['Shanghai Municipality', '上海'],
    latitude: 31.2304,
    longitude: 121.4737,
    unlocode: 'CN SHA',
    website: 'https://www.shanghai.gov.cn',
    population: 24870895,
    populationYear: 2020,
    figuresSource: CN_CENSUS_2020,
  }),
  gov({
    slug: 'hangzhou',
    kind: 'city',
    country: 'CN',
    region: 'east-asia',
    localLang: 'zh-Hans',
    names: {
      en: 'Hangzhou',
      'zh-Hans': '杭州市',
      'zh-Hant': '杭州市',
      ja: '杭州市',
      ko: '항저우시',
    },
    aliases: ["Hangzhou City People's Government", 'Hangzhou City'],
    latitude: 30.2741,
    longitude: 120.1551,
    unlocode: 'CN HGH',
    website: 'https://www.hangzhou.gov.cn',
    population: 11936010,
    populationYear: 2020,
    areaKm2: 16850,
    figuresSource: CDP_2021,
    cdpAccount: '54282',
  }),
  gov({
    slug: 'guangzhou',
    kind: 'city',
    country: 'CN',
    region: 'east-asia',
    localLang: 'zh-Hans',
    names: {
      en: 'Guangzhou',
      'zh-Hans': '广州市',
      'zh-Hant': '廣州市',
      ja: '広州市',
      ko: '광저우시',
    },
    aliases: ["People's Government of Guangzhou Municipality", 'Canton'],
    latitude: 23.1291,
    longitude: 113.2644,
    unlocode: 'CN CAN',
    website: 'https://www.gz.gov.cn',
    population: 15305900,
    populationYear: 2019,
    areaKm2: 7436,
    figuresSource: CDP_2021,
    cdpAccount: '54293',
  }),
  gov({
    slug: 'dalian',
    kind: 'city',
    country: 'CN',
    region: 'east-asia',
    localLang: 'zh-Hans',
    names: { en: 'Dalian', 'zh-Hans': '大连市', 'zh-Hant': '大連市', ja: '大連市', ko: '다롄시' },
    aliases: ["Dalian Municipal People's Government", 'Dalian City'],
    latitude: 38.914,
    longitude: 121.6147,
    unlocode: 'CN DLC',
    website: 'https://www.dl.gov.cn',
    population: 5987000,
    populationYear: 2019,
    areaKm2: 12573.85,
    figuresSource: CDP_2021,
    cdpAccount: '54298',
  }),
  gov({
    // Host city of CBD COP15, which the East Asia secretariat prepares for.
    slug: 'kunming',
    kind: 'city',
    country: 'CN',
    region: 'east-asia',
    localLang: 'zh-Hans',
    names: { en: 'Kunming', 'zh-Hans': '昆明市', 'zh-Hant': '昆明市', ja: '昆明市', ko: '쿤밍시' },
    aliases: ['Kunming City'],
    latitude: 25.0389,
    longitude: 102.7183,
    unlocode: 'CN KMG',
    website: 'https://www.km.gov.cn',
    population: 8460088,
    populationYear: 2020,
    figuresSource: CN_CENSUS_2020,
  }),

  // --- Taiwan -----------------------------------------------------------------------------
  gov({
    slug: 'taipei',
    kind: 'special-municipality',
    country: 'TW',
    region: 'east-asia',
    localLang: 'zh-Hant',
    names: {
      en: 'Taipei',
      'zh-Hant': '臺北市',
      'zh-Hans': '台北市',
      ja: '台北市',
      ko: '타이베이시',
    },
    aliases: ['Taipei City', 'Taipei City Government'],
    latitude: 25.033,
    longitude: 121.5654,
    unlocode: 'TW TPE',
    website: 'https://www.gov.taipei',
    population: 2602418,
    populationYear: 2020,
    areaKm2: 271.8,
    figuresSource: CDP_2021,
    cdpAccount: '31446',
  }),
  gov({
    slug: 'kaohsiung',
    kind: 'special-municipality',
    country: 'TW',
    region: 'east-asia',
    localLang: 'zh-Hant',
    names: {
      en: 'Kaohsiung',
      'zh-Hant': '高雄市',
      'zh-Hans': '高雄市',
      ja: '高雄市',
      ko: '가오슝시',
    },
    aliases: ['Kaohsiung City', 'Kaohsiung City Government'],
    latitude: 22.6273,
    longitude: 120.3014,
    unlocode: 'TW KHH',
    website: 'https://www.kcg.gov.tw',
    population: 2765932,
    populationYear: 2020,
    areaKm2: 2947.62,
    figuresSource: CDP_2021,
    cdpAccount: '31112',
  }),
  gov({
    slug: 'taichung',
    kind: 'special-municipality',
    country: 'TW',
    region: 'east-asia',
    localLang: 'zh-Hant',
    names: {
      en: 'Taichung',
      'zh-Hant': '臺中市',
      'zh-Hans': '台中市',
      ja: '台中市',
      ko: '타이중시',
    },
    aliases: ['Taichung City', 'Taichung City Government'],
    latitude: 24.1477,
    longitude: 120.6736,
    website: 'https://www.taichung.gov.tw',
    population: 2829930,
    populationYear: 2021,
    areaKm2: 2214.9,
    figuresSource: CDP_2021,
    cdpAccount: '54389',
  }),
  gov({
    slug: 'tainan',
    kind: 'special-municipality',
    country: 'TW',
    region: 'east-asia',
    localLang: 'zh-Hant',
    names: { en: 'Tainan', 'zh-Hant': '臺南市', 'zh-Hans': '台南市', ja: '台南市', ko: '타이난시' },
    aliases: ['Tainan City', 'Tainan City Government'],
    latitude: 22.9999,
    longitude: 120.227,
    website: 'https://www.tainan.gov.tw',
    population: 1874917,
    populationYear: 2020,
    areaKm2: 2191.65,
    figuresSource: CDP_2021,
    cdpAccount: '54386',
  }),
  gov({
    slug: 'taoyuan',
    kind: 'special-municipality',
    country: 'TW',
    region: 'east-asia',
    localLang: 'zh-Hant',
    names: {
      en: 'Taoyuan',
      'zh-Hant': '桃園市',
      'zh-Hans': '桃园市',
      ja: '桃園市',
      ko: '타오위안시',
    },
    aliases: ['Taoyuan City', 'Taoyuan City Government'],
    latitude: 24.9936,
    longitude: 121.301,
    website: 'https://www.tycg.gov.tw',
    population: 2220872,
    populationYear: 2018,
    areaKm2: 1183.09,
    figuresSource: CDP_2021,
    cdpAccount: '54395',
  }),

  // --- Mongolia ---------------------------------------------------------------------------
  gov({
    slug: 'ulaanbaatar',
    kind: 'city',
    country: 'MN',
    region: 'east-asia',
    localLang: 'mn',
    names: {
      en: 'Ulaanbaatar',
      mn: 'Улаанбаатар хот',
      ja: 'ウランバートル市',
      ko: '울란바토르시',
      'zh-Hans': '乌兰巴托市',
      'zh-Hant': '烏蘭巴托市',
    },
    aliases: ['Ulan Bator', 'Ulaanbaatar City', 'Улаанбаатар'],
    latitude: 47.8864,
    longitude: 106.9057,
    unlocode: 'MN ULN',
    website: 'https://www.ulaanbaatar.mn',
  }),

  // --- Other regions ----------------------------------------------------------------------
  gov({
    slug: 'bonn',
    kind: 'city',
    country: 'DE',
    region: 'europe',
    localLang: 'de',
    names: { en: 'Bonn', de: 'Bonn', ja: 'ボン', ko: '본', 'zh-Hans': '波恩', 'zh-Hant': '波昂' },
    aliases: ['Bundesstadt Bonn', 'Stadt Bonn', 'City of Bonn'],
    latitude: 50.7374,
    longitude: 7.0982,
    unlocode: 'DE BON',
    website: 'https://www.bonn.de',
  }),
  gov({
    slug: 'heidelberg',
    kind: 'city',
    country: 'DE',
    region: 'europe',
    localLang: 'de',
    names: {
      en: 'Heidelberg',
      de: 'Heidelberg',
      ja: 'ハイデルベルク',
      ko: '하이델베르크',
      'zh-Hans': '海德堡',
      'zh-Hant': '海德堡',
    },
    aliases: ['Stadt Heidelberg', 'City of Heidelberg'],
    latitude: 49.3988,
    longitude: 8.6724,
    website: 'https://www.heidelberg.de',
    // The CDP file gives the area as 108830, not in km²; left out rather than converted.
    population: 145512,
    populationYear: 2020,
    figuresSource: CDP_2021,
    cdpAccount: '31165',
  }),
  gov({
    slug: 'cape-town',
    kind: 'city',
    country: 'ZA',
    region: 'africa',
    localLang: 'en',
    names: {
      en: 'Cape Town',
      af: 'Kaapstad',
      xh: 'iKapa',
      ja: 'ケープタウン',
      ko: '케이프타운',
      'zh-Hans': '开普敦',
      'zh-Hant': '開普敦',
    },
    aliases: ['City of Cape Town'],
    latitude: -33.9249,
    longitude: 18.4241,
    unlocode: 'ZA CPT',
    website: 'https://www.capetown.gov.za',
    population: 4423834,
    populationYear: 2018,
    areaKm2: 2440,
    figuresSource: CDP_2021,
    cdpAccount: '35858',
  }),
  gov({
    slug: 'toronto',
    kind: 'city',
    country: 'CA',
    region: 'north-america',
    localLang: 'en',
    names: {
      en: 'Toronto',
      ja: 'トロント',
      ko: '토론토',
      'zh-Hans': '多伦多',
      'zh-Hant': '多倫多',
    },
    aliases: ['City of Toronto', 'City of Toronto, ON'],
    latitude: 43.6532,
    longitude: -79.3832,
    unlocode: 'CA TOR',
    website: 'https://www.toronto.ca',
    population: 2956024,
    populationYear: 2018,
    areaKm2: 630,
    figuresSource: CDP_2021,
    cdpAccount: '31117',
  }),
  gov({
    slug: 'denver',
    kind: 'city',
    country: 'US',
    region: 'north-america',
    localLang: 'en',
    names: { en: 'Denver', ja: 'デンバー', ko: '덴버', 'zh-Hans': '丹佛', 'zh-Hant': '丹佛' },
    aliases: ['City and County of Denver', 'City of Denver, CO'],
    latitude: 39.7392,
    longitude: -104.9903,
    unlocode: 'US DEN',
    website: 'https://www.denvergov.org',
    population: 727211,
    populationYear: 2019,
    areaKm2: 401,
    figuresSource: CDP_2021,
    cdpAccount: '32550',
  }),
  gov({
    slug: 'mexico-city',
    kind: 'city',
    country: 'MX',
    region: 'mexico-central-america-caribbean',
    localLang: 'es',
    names: {
      en: 'Mexico City',
      es: 'Ciudad de México',
      ja: 'メキシコシティ',
      ko: '멕시코시티',
      'zh-Hans': '墨西哥城',
      'zh-Hant': '墨西哥城',
    },
    aliases: ['CDMX', 'Gobierno de la Ciudad de México', 'Ciudad de Mexico'],
    latitude: 19.4326,
    longitude: -99.1332,
    unlocode: 'MX MEX',
    website: 'https://www.cdmx.gob.mx',
    population: 9041395,
    populationYear: 2018,
    areaKm2: 1485,
    figuresSource: CDP_2021,
    cdpAccount: '31172',
  }),
  gov({
    slug: 'bogota',
    kind: 'city',
    country: 'CO',
    region: 'south-america',
    localLang: 'es',
    names: {
      en: 'Bogotá',
      es: 'Bogotá',
      ja: 'ボゴタ',
      ko: '보고타',
      'zh-Hans': '波哥大',
      'zh-Hant': '波哥大',
    },
    aliases: ['Bogotá Distrito Capital', 'Bogotá, D.C.', 'Bogota'],
    latitude: 4.711,
    longitude: -74.0721,
    unlocode: 'CO BOG',
    website: 'https://bogota.gov.co',
    population: 7333415,
    populationYear: 2017,
    areaKm2: 1605,
    figuresSource: CDP_2021,
    cdpAccount: '31154',
  }),
  gov({
    slug: 'rajkot',
    kind: 'city',
    country: 'IN',
    region: 'south-asia',
    localLang: 'gu',
    names: { en: 'Rajkot', gu: 'રાજકોટ', hi: 'राजकोट' },
    aliases: ['Rajkot Municipal Corporation'],
    latitude: 22.3039,
    longitude: 70.8022,
    website: 'https://www.rmc.gov.in',
    population: 1797530,
    populationYear: 2020,
    areaKm2: 129.21,
    figuresSource: CDP_2021,
    cdpAccount: '54305',
  }),
  gov({
    slug: 'quezon-city',
    kind: 'city',
    country: 'PH',
    region: 'southeast-asia',
    localLang: 'fil',
    names: {
      en: 'Quezon City',
      fil: 'Lungsod Quezon',
      ja: 'ケソン市',
      ko: '케손시티',
      'zh-Hans': '奎松市',
      'zh-Hant': '奎松市',
    },
    aliases: ['The Local Government of Quezon City', 'QC'],
    latitude: 14.676,
    longitude: 121.0437,
    website: 'https://quezoncity.gov.ph',
    population: 2960048,
    populationYear: 2020,
    areaKm2: 161.12,
    figuresSource: CDP_2021,
    cdpAccount: '54348',
  }),
  gov({
    slug: 'jakarta',
    kind: 'province',
    country: 'ID',
    region: 'southeast-asia',
    localLang: 'id',
    names: {
      en: 'Jakarta',
      id: 'Jakarta',
      ja: 'ジャカルタ',
      ko: '자카르타',
      'zh-Hans': '雅加达',
      'zh-Hant': '雅加達',
    },
    aliases: ['DKI Jakarta', 'Daerah Khusus Ibukota Jakarta', 'Jakarta City Government'],
    latitude: -6.2088,
    longitude: 106.8456,
    unlocode: 'ID JKT',
    website: 'https://jakarta.go.id',
    population: 10562088,
    populationYear: 2020,
    areaKm2: 662.33,
    figuresSource: CDP_2021,
    cdpAccount: '31166',
  }),
  gov({
    slug: 'melbourne',
    kind: 'city',
    country: 'AU',
    region: 'oceania',
    localLang: 'en',
    names: {
      en: 'Melbourne',
      ja: 'メルボルン',
      ko: '멜버른',
      'zh-Hans': '墨尔本',
      'zh-Hant': '墨爾本',
    },
    // The City of Melbourne is the central municipality, not greater Melbourne.
    aliases: ['City of Melbourne'],
    latitude: -37.8136,
    longitude: 144.9631,
    unlocode: 'AU MEL',
    website: 'https://www.melbourne.vic.gov.au',
    population: 183756,
    populationYear: 2020,
    areaKm2: 37.7,
    figuresSource: CDP_2021,
    cdpAccount: '31109',
  }),
];

const at = (
  title: PositionTitle,
  where: { government: string } | { office: string },
  startDate: string | null = null,
): DemoPosition => ({
  title,
  government: 'government' in where ? where.government : null,
  office: 'office' in where ? where.office : null,
  startDate,
  endDate: null,
});

/**
 * The people the seed article names, with their positions at the meeting (DEMO_AS_OF).
 * Start dates only where the record is clear; end dates are left open because the demo
 * tells the network as it stood then.
 */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    fullName: 'Gino Van Begin',
    names: {},
    positions: [at('secretary-general', { office: 'world-secretariat' })],
  },
  {
    fullName: 'Konrad Zimmerman',
    names: {},
    positions: [at('founding-director', { office: 'east-asia-secretariat' })],
  },
  {
    fullName: 'Daisaku Kadokawa',
    names: { ja: '門川大作' },
    positions: [at('mayor', { government: 'kyoto' }, '2008-02-26')],
  },
  {
    fullName: 'Jeong Hyup Seo',
    names: { ko: '서정협' },
    // First vice mayor, acting for the late mayor from the day after his death.
    positions: [at('acting-mayor', { government: 'seoul' }, '2020-07-10')],
  },
  {
    fullName: 'Min Kwon',
    names: { ko: '권민' },
    positions: [at('director-general', { government: 'seoul' })],
  },
  {
    fullName: 'Tae-Young Yeom',
    names: { ko: '염태영' },
    positions: [at('mayor', { government: 'suwon' }, '2010-07-01')],
  },
  {
    fullName: 'Moo Young Jo',
    names: { ko: '조무영' },
    positions: [at('vice-mayor', { government: 'suwon' }, '2019-08-12')],
  },
  {
    // Her name in Chinese script could not be confirmed, so only the English form is given.
    fullName: 'Lina Jia',
    names: {},
    positions: [at('vice-mayor', { government: 'changchun' })],
  },
  {
    fullName: 'Cheng-Ta Hsieh',
    names: { 'zh-Hant': '謝政達' },
    positions: [at('deputy-mayor', { government: 'new-taipei' })],
  },
];

/**
 * How each RexCom member was represented at the 2020 meeting: the principal and, where
 * the article says so, the proxy who attended for them. For the lead's meeting seed.
 */
export const EAST_ASIA_REXCOM_2021_2024 = {
  region: 'east-asia' as RegionSlug,
  termStart: 2021,
  termEnd: 2024,
  seats: [
    { government: 'kyoto', principal: 'Daisaku Kadokawa', proxy: null, portfolio: null },
    { government: 'seoul', principal: 'Jeong Hyup Seo', proxy: 'Min Kwon', portfolio: null },
    { government: 'suwon', principal: 'Tae-Young Yeom', proxy: 'Moo Young Jo', portfolio: null },
    {
      government: 'changchun',
      principal: 'Lina Jia',
      proxy: null,
      portfolio: 'circular-development',
    },
    { government: 'new-taipei', principal: 'Cheng-Ta Hsieh', proxy: null, portfolio: null },
  ],
} as const;

/** One officer per RexCom member, speaking the government's language where Accord does. */
export const DEMO_USERS: DemoUser[] = REXCOM_MEMBER_SLUGS.map((slug) => {
  const g = DEMO_GOVERNMENTS.find((x) => x.slug === slug);
  if (!g) throw new Error(`demo data: no government ${slug}`);
  return {
    email: `officer.${slug}@accord.example`,
    displayName: `${g.names.en} officer`,
    role: 'officer',
    government: slug,
    locale: isLocale(g.localLang) ? g.localLang : null,
  };
});

export const DEMO_NETWORK: DemoNetwork = {
  regions: DEMO_REGIONS,
  offices: DEMO_OFFICES,
  governments: DEMO_GOVERNMENTS,
  people: DEMO_PEOPLE,
  users: DEMO_USERS,
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{2}$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$/;
const UNLOCODE = /^[A-Z]{2} [A-Z2-9]{3}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const within = (v: number, limit: number) => Number.isFinite(v) && Math.abs(v) <= limit;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/**
 * Checks the demo data against the rules the database and the API enforce, so that a bad
 * edit fails in a unit test rather than halfway through a first start. Returns the problems.
 */
export function checkDemoNetwork(n: DemoNetwork): string[] {
  const problems: string[] = [];
  const fail = (msg: string) => problems.push(msg);

  const regionSlugs = new Set<string>(n.regions.map((r) => r.slug));
  const officeSlugs = new Set(n.offices.map((o) => o.slug));
  const govSlugs = new Set(n.governments.map((g) => g.slug));

  for (const [what, slugs] of [
    ['region', n.regions.map((r) => r.slug)],
    ['office', n.offices.map((o) => o.slug)],
    ['government', n.governments.map((g) => g.slug)],
  ] as const) {
    for (const d of duplicates(slugs)) fail(`${what} slug ${d} is not unique`);
    for (const s of slugs) if (!SLUG.test(s)) fail(`${what} slug "${s}" is not a slug`);
  }

  for (const o of n.offices) {
    const id = `office ${o.slug}`;
    if (!regionSlugs.has(o.region)) fail(`${id}: unknown region ${o.region}`);
    if (!(OFFICE_KINDS as readonly string[]).includes(o.kind)) fail(`${id}: bad kind ${o.kind}`);
    if (!COUNTRY.test(o.country)) fail(`${id}: country ${o.country} is not ISO alpha-2`);
    if (!within(o.latitude, 90) || !within(o.longitude, 180)) fail(`${id}: bad coordinates`);
    if (!o.name.trim() || !o.address.trim() || !o.city.trim()) fail(`${id}: empty text`);
    if (o.website !== null && !/^https?:\/\//.test(o.website)) fail(`${id}: website not http(s)`);
  }

  for (const d of duplicates(n.governments.flatMap((g) => (g.cdpAccount ? [g.cdpAccount] : []))))
    fail(`CDP account ${d} is used twice`);

  for (const g of n.governments) {
    const id = `government ${g.slug}`;
    if (!regionSlugs.has(g.region)) fail(`${id}: unknown region ${g.region}`);
    if (!(GOVERNMENT_KINDS as readonly string[]).includes(g.kind)) fail(`${id}: bad kind`);
    if (!COUNTRY.test(g.country)) fail(`${id}: country ${g.country} is not ISO alpha-2`);
    if (!within(g.latitude, 90) || !within(g.longitude, 180)) fail(`${id}: bad coordinates`);
    if (!g.names.en?.trim()) fail(`${id}: no English name`);
    if (!g.names[g.localLang]?.trim()) fail(`${id}: no name in its local language ${g.localLang}`);
    for (const [lang, name] of Object.entries(g.names)) {
      if (!LANG.test(lang)) fail(`${id}: bad language tag ${lang}`);
      if (!name.trim() || name.length > 200) fail(`${id}: bad ${lang} name`);
    }
    const nameSet = new Set(Object.values(g.names));
    for (const a of g.aliases) {
      if (!a.trim() || a.length > 200) fail(`${id}: bad alias "${a}"`);
      if (nameSet.has(a)) fail(`${id}: alias "${a}" repeats a name`);
    }
    for (const d of duplicates(g.aliases)) fail(`${id}: alias "${d}" twice`);
    if (g.unlocode !== null && !UNLOCODE.test(g.unlocode)) fail(`${id}: bad UN/LOCODE`);
    if (g.unlocode !== null && !g.unlocode.startsWith(g.country)) {
      fail(`${id}: UN/LOCODE ${g.unlocode} is not in ${g.country}`);
    }
    if (g.cdpAccount !== null && !/^[0-9]{1,12}$/.test(g.cdpAccount)) fail(`${id}: bad CDP no.`);
    if (g.website !== null && !/^https?:\/\//.test(g.website)) fail(`${id}: website not http(s)`);
    if ((g.population === null) !== (g.populationYear === null)) {
      fail(`${id}: population and its year go together`);
    }
    if (g.population !== null && !(Number.isInteger(g.population) && g.population > 0)) {
      fail(`${id}: bad population`);
    }
    if (g.areaKm2 !== null && !(g.areaKm2 > 0 && g.areaKm2 < 1_000_000)) fail(`${id}: bad area`);
    if ((g.population !== null || g.areaKm2 !== null) && !g.figuresSource) {
      fail(`${id}: figures without a source`);
    }
    const m = g.membership;
    if (!(MEMBERSHIP_CATEGORIES as readonly string[]).includes(m.category)) {
      fail(`${id}: bad category`);
    }
    if (!(MEMBERSHIP_STATUSES as readonly string[]).includes(m.status)) fail(`${id}: bad status`);
    if ((m.category === 'non-member') !== (m.status === 'none')) {
      fail(`${id}: non-members, and only they, have status none`);
    }
  }

  for (const d of duplicates(n.people.map((p) => p.fullName))) fail(`person ${d} twice`);
  for (const p of n.people) {
    const id = `person ${p.fullName}`;
    for (const lang of Object.keys(p.names)) {
      if (!LANG.test(lang)) fail(`${id}: bad language tag ${lang}`);
    }
    for (const pos of p.positions) {
      if (!(POSITION_TITLES as readonly string[]).includes(pos.title)) fail(`${id}: bad title`);
      if ((pos.government === null) === (pos.office === null)) {
        fail(`${id}: a position is in a government or an office, not both or neither`);
      }
      if (pos.government !== null && !govSlugs.has(pos.government)) {
        fail(`${id}: unknown government ${pos.government}`);
      }
      if (pos.office !== null && !officeSlugs.has(pos.office)) {
        fail(`${id}: unknown office ${pos.office}`);
      }
      for (const d of [pos.startDate, pos.endDate]) {
        if (d !== null && !ISO_DATE.test(d)) fail(`${id}: bad date ${d}`);
      }
    }
  }

  for (const d of duplicates(n.users.map((u) => u.email.toLowerCase()))) fail(`user ${d} twice`);
  for (const u of n.users) {
    if (!govSlugs.has(u.government)) fail(`user ${u.email}: unknown government`);
    if (!/^[^@\s]+@[^@\s]+\.[a-z]+$/.test(u.email)) fail(`user ${u.email}: bad e-mail`);
  }

  return problems;
}

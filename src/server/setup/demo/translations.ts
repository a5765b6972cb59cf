import type { Locale } from '../../../core/locales';
import type { RegionSlug } from './data';

/**
 * The demo's words that the areas keep by language: the offices' names, the governing bodies'
 * names and descriptions, the climate targets' and actions' titles and the agenda speakers'
 * roles, in each of Accord's five languages, so that no view of the demo is half translated.
 * The English text is also the original each record keeps beside its translations.
 */
export type InEveryLanguage = Record<Locale, string>;

/** The offices' names by slug (DEMO_OFFICES); each English name is the office's own. */
export const DEMO_OFFICE_NAMES: Record<string, InEveryLanguage> = {
  'world-secretariat': {
    en: 'World Secretariat',
    ko: '세계사무국',
    ja: '世界事務局',
    'zh-Hans': '世界秘书处',
    'zh-Hant': '世界秘書處',
  },
  'european-secretariat': {
    en: 'European Secretariat',
    ko: '유럽사무국',
    ja: '欧州事務局',
    'zh-Hans': '欧洲秘书处',
    'zh-Hant': '歐洲秘書處',
  },
  'brussels-office': {
    en: 'Brussels Office',
    ko: '브뤼셀 사무소',
    ja: 'ブリュッセル事務所',
    'zh-Hans': '布鲁塞尔办事处',
    'zh-Hant': '布魯塞爾辦事處',
  },
  'africa-secretariat': {
    en: 'Africa Secretariat',
    ko: '아프리카사무국',
    ja: 'アフリカ事務局',
    'zh-Hans': '非洲秘书处',
    'zh-Hant': '非洲秘書處',
  },
  'canada-office': {
    en: 'Canada Office',
    ko: '캐나다 사무소',
    ja: 'カナダ事務所',
    'zh-Hans': '加拿大办事处',
    'zh-Hant': '加拿大辦事處',
  },
  'usa-office': {
    en: 'USA Office',
    ko: '미국 사무소',
    ja: '米国事務所',
    'zh-Hans': '美国办事处',
    'zh-Hant': '美國辦事處',
  },
  'mexico-central-america-caribbean-secretariat': {
    en: 'Mexico, Central America and Caribbean Secretariat',
    ko: '멕시코·중미·카리브사무국',
    ja: 'メキシコ・中米・カリブ事務局',
    'zh-Hans': '墨西哥、中美洲及加勒比秘书处',
    'zh-Hant': '墨西哥、中美洲及加勒比海秘書處',
  },
  'south-america-secretariat': {
    en: 'South American Secretariat',
    ko: '남미사무국',
    ja: '南米事務局',
    'zh-Hans': '南美秘书处',
    'zh-Hant': '南美秘書處',
  },
  'south-asia-secretariat': {
    en: 'South Asia Secretariat',
    ko: '남아시아사무국',
    ja: '南アジア事務局',
    'zh-Hans': '南亚秘书处',
    'zh-Hant': '南亞秘書處',
  },
  'east-asia-secretariat': {
    en: 'East Asia Secretariat',
    ko: '동아시아사무국',
    ja: '東アジア事務局',
    'zh-Hans': '东亚秘书处',
    'zh-Hant': '東亞秘書處',
  },
  'japan-office': {
    en: 'Japan Office',
    ko: '일본 사무소',
    ja: '日本事務所',
    'zh-Hans': '日本办事处',
    'zh-Hant': '日本辦事處',
  },
  'korea-office': {
    en: 'Korea Office',
    ko: '한국 사무소',
    ja: '韓国事務所',
    'zh-Hans': '韩国办事处',
    'zh-Hant': '韓國辦事處',
  },
  'southeast-asia-secretariat': {
    en: 'Southeast Asia Secretariat',
    ko: '동남아시아사무국',
    ja: '東南アジア事務局',
    'zh-Hans': '东南亚秘书处',
    'zh-Hant': '東南亞秘書處',
  },
  'indonesia-project-office': {
    en: 'Indonesia Project Office',
    ko: '인도네시아 프로젝트 사무소',
    ja: 'インドネシア・プロジェクト事務所',
    'zh-Hans': '印度尼西亚项目办事处',
    'zh-Hant': '印尼專案辦事處',
  },
  'oceania-secretariat': {
    en: 'Oceania Secretariat',
    ko: '오세아니아사무국',
    ja: 'オセアニア事務局',
    'zh-Hans': '大洋洲秘书处',
    'zh-Hant': '大洋洲秘書處',
  },
};

/** Each region's executive committee (the demo has one per region but 'global'). */
export const DEMO_REXCOM_NAMES: Record<Exclude<RegionSlug, 'global'>, InEveryLanguage> = {
  africa: {
    en: 'Africa Regional Executive Committee',
    ko: '아프리카 지역집행위원회',
    ja: 'アフリカ地域執行委員会',
    'zh-Hans': '非洲区域执行委员会',
    'zh-Hant': '非洲區域執行委員會',
  },
  'east-asia': {
    en: 'East Asia Regional Executive Committee',
    ko: '동아시아 지역집행위원회',
    ja: '東アジア地域執行委員会',
    'zh-Hans': '东亚区域执行委员会',
    'zh-Hant': '東亞區域執行委員會',
  },
  europe: {
    en: 'Europe Regional Executive Committee',
    ko: '유럽 지역집행위원회',
    ja: 'ヨーロッパ地域執行委員会',
    'zh-Hans': '欧洲区域执行委员会',
    'zh-Hant': '歐洲區域執行委員會',
  },
  'north-america': {
    en: 'North America Regional Executive Committee',
    ko: '북미 지역집행위원회',
    ja: '北米地域執行委員会',
    'zh-Hans': '北美区域执行委员会',
    'zh-Hant': '北美區域執行委員會',
  },
  'mexico-central-america-caribbean': {
    en: 'Mexico, Central America and the Caribbean Regional Executive Committee',
    ko: '멕시코·중미·카리브 지역집행위원회',
    ja: 'メキシコ・中米・カリブ地域執行委員会',
    'zh-Hans': '墨西哥、中美洲及加勒比区域执行委员会',
    'zh-Hant': '墨西哥、中美洲及加勒比海區域執行委員會',
  },
  'south-america': {
    en: 'South America Regional Executive Committee',
    ko: '남미 지역집행위원회',
    ja: '南米地域執行委員会',
    'zh-Hans': '南美区域执行委员会',
    'zh-Hant': '南美區域執行委員會',
  },
  'south-asia': {
    en: 'South Asia Regional Executive Committee',
    ko: '남아시아 지역집행위원회',
    ja: '南アジア地域執行委員会',
    'zh-Hans': '南亚区域执行委员会',
    'zh-Hant': '南亞區域執行委員會',
  },
  'southeast-asia': {
    en: 'Southeast Asia Regional Executive Committee',
    ko: '동남아시아 지역집행위원회',
    ja: '東南アジア地域執行委員会',
    'zh-Hans': '东南亚区域执行委员会',
    'zh-Hant': '東南亞區域執行委員會',
  },
  oceania: {
    en: 'Oceania Regional Executive Committee',
    ko: '오세아니아 지역집행위원회',
    ja: 'オセアニア地域執行委員会',
    'zh-Hans': '大洋洲区域执行委员会',
    'zh-Hant': '大洋洲區域執行委員會',
  },
};

export const DEMO_REXCOM_DESCRIPTION: InEveryLanguage = {
  en: 'Elected by the members of its region for a term of four years, it steers the network’s work in the region.',
  ko: '지역 회원들이 4년 임기로 선출하며, 해당 지역에서 네트워크의 활동을 이끕니다.',
  ja: '地域の会員が4年の任期で選出し、その地域におけるネットワークの活動を導きます。',
  'zh-Hans': '由本区域会员选举产生，任期四年，负责指导网络在本区域的工作。',
  'zh-Hant': '由本區域會員選舉產生，任期四年，負責指導網絡在本區域的工作。',
};

export const DEMO_GEXCOM_NAMES: InEveryLanguage = {
  en: 'Global Executive Committee',
  ko: '세계집행위원회',
  ja: '世界執行委員会',
  'zh-Hans': '全球执行委员会',
  'zh-Hant': '全球執行委員會',
};

export const DEMO_GEXCOM_DESCRIPTION: InEveryLanguage = {
  en: 'The network’s executive: the representatives of the regions, who together lead the network between meetings of the Council.',
  ko: '네트워크의 집행기구로, 각 지역 대표들이 이사회 회의 사이에 네트워크를 함께 이끕니다.',
  ja: 'ネットワークの執行機関です。各地域の代表が、評議会の会合の間、ネットワークを共に率います。',
  'zh-Hans': '网络的执行机构，由各区域代表组成，在理事会会议之间共同领导网络。',
  'zh-Hant': '網絡的執行機構，由各區域代表組成，在理事會會議之間共同領導網絡。',
};

export const DEMO_COUNCIL_NAMES: InEveryLanguage = {
  en: 'Council',
  ko: '이사회',
  ja: '評議会',
  'zh-Hans': '理事会',
  'zh-Hant': '理事會',
};

export const DEMO_COUNCIL_DESCRIPTION: InEveryLanguage = {
  en: 'The assembly of the members: it elects the executive committees and sets the network’s strategy.',
  ko: '회원들의 총회로, 집행위원회를 선출하고 네트워크의 전략을 정합니다.',
  ja: '会員による総会です。執行委員会を選出し、ネットワークの戦略を定めます。',
  'zh-Hans': '会员大会，选举各执行委员会并制定网络的战略。',
  'zh-Hant': '會員大會，選舉各執行委員會並制定網絡的策略。',
};

/** The climate targets' titles, by the English title each is entered with (climate.ts). */
export const DEMO_TARGET_TITLES: Record<string, InEveryLanguage> = {
  '40 % below FY2013 by 2030': {
    en: '40 % below FY2013 by 2030',
    ko: '2030년까지 2013년도 대비 40% 감축',
    ja: '2030年度までに2013年度比40%削減',
    'zh-Hans': '到2030年比2013财年减少40%',
    'zh-Hant': '2030年前較2013年度減少40%',
  },
  'Zero emissions by 2050': {
    en: 'Zero emissions by 2050',
    ko: '2050년까지 배출 제로',
    ja: '2050年までに排出ゼロ',
    'zh-Hans': '到2050年实现零排放',
    'zh-Hant': '2050年前達成零排放',
  },
  'Coal-free by 2023': {
    en: 'Coal-free by 2023',
    ko: '2023년까지 탈석탄',
    ja: '2023年までに脱石炭',
    'zh-Hans': '到2023年实现无煤',
    'zh-Hant': '2023年前達成無煤',
  },
};

/** The climate actions' titles, by the English title each is entered with (climate.ts). */
export const DEMO_ACTION_TITLES: Record<string, InEveryLanguage> = {
  '1.5 °C Lifestyles campaign': {
    en: '1.5 °C Lifestyles campaign',
    ko: '1.5 °C 라이프스타일 캠페인',
    ja: '1.5℃ライフスタイル・キャンペーン',
    'zh-Hans': '1.5°C生活方式行动',
    'zh-Hant': '1.5°C生活方式行動',
  },
  'Revision of the global warming countermeasures ordinance': {
    en: 'Revision of the global warming countermeasures ordinance',
    ko: '지구온난화 대책 조례 개정',
    ja: '地球温暖化対策条例の改正',
    'zh-Hans': '修订全球变暖对策条例',
    'zh-Hant': '修訂全球暖化對策條例',
  },
  'Seoul Green New Deal': {
    en: 'Seoul Green New Deal',
    ko: '서울 그린뉴딜',
    ja: 'ソウル・グリーン・ニューディール',
    'zh-Hans': '首尔绿色新政',
    'zh-Hant': '首爾綠色新政',
  },
  'Eco-mobility programme': {
    en: 'Eco-mobility programme',
    ko: '생태교통 프로그램',
    ja: 'エコモビリティ・プログラム',
    'zh-Hans': '生态交通计划',
    'zh-Hant': '生態交通計畫',
  },
};

/** The speakers' roles at the 2020 meeting (governance.ts), by their English words. */
export const DEMO_SPEAKER_ROLES: Record<string, InEveryLanguage> = {
  'Secretary General, live': {
    en: 'Secretary General, live',
    ko: '사무총장, 실시간 참석',
    ja: '事務総長（ライブ）',
    'zh-Hans': '秘书长（现场）',
    'zh-Hant': '秘書長（現場）',
  },
  'founding director': {
    en: 'founding director',
    ko: '창립 대표',
    ja: '創設ディレクター',
    'zh-Hans': '创始主任',
    'zh-Hant': '創始主任',
  },
  'proxy of Jeong Hyup Seo': {
    en: 'proxy of Jeong Hyup Seo',
    ko: '서정협 시장 권한대행의 대리인',
    ja: '徐正協市長権限代行の代理',
    'zh-Hans': '代理市长徐正协的代理人',
    'zh-Hant': '代理市長徐正協之代理人',
  },
  'proxy of Tae-Young Yeom': {
    en: 'proxy of Tae-Young Yeom',
    ko: '염태영 시장의 대리인',
    ja: '廉泰英市長の代理',
    'zh-Hans': '市长廉泰英的代理人',
    'zh-Hant': '市長廉泰英之代理人',
  },
};

/** The text in every language for an English original the demo writes; throws if it has none. */
export function inEveryLanguage(
  table: Record<string, InEveryLanguage>,
  english: string,
): InEveryLanguage {
  const texts = table[english];
  if (!texts) throw new Error(`demo: no translations of "${english}"`);
  return texts;
}

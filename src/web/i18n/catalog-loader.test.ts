import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  catalogBackend,
  namespacesOf,
  routeNamespaces,
  type CatalogLoaders,
} from './catalog-loader';
import { fillFromEnglish } from './fill-from-english';

/** Loaders as import.meta.glob gives them, counting which files were asked for. */
function fakeLoaders() {
  const asked: string[] = [];
  const files: Record<string, Record<string, unknown>> = {
    './locales/en/common.json': { save: 'Save', cancel: 'Cancel' },
    './locales/en/home.json': { welcome: 'Welcome' },
    './locales/ko/common.json': { save: '저장', cancel: '취소' },
  };
  const loaders: CatalogLoaders = Object.fromEntries(
    Object.entries(files).map(([file, catalog]) => [
      file,
      async () => {
        asked.push(file);
        return catalog;
      },
    ]),
  );
  return { loaders, asked };
}

async function instance(loaders: CatalogLoaders, lng: string, ns: string[]) {
  const i18n = i18next.createInstance();
  await i18n.use(catalogBackend(loaders)).init({
    lng,
    fallbackLng: false,
    supportedLngs: ['en', 'ko'],
    load: 'currentOnly',
    ns,
    defaultNS: 'common',
  });
  return i18n;
}

describe('the catalogs, loaded by language and namespace', () => {
  it('loads only the reader’s language, and a namespace when it is asked for', async () => {
    const { loaders, asked } = fakeLoaders();
    const i18n = await instance(loaders, 'ko', ['common']);
    expect(asked).toEqual(['./locales/ko/common.json']);
    expect(i18n.t('save')).toBe('저장');
    expect(i18n.exists('home:welcome')).toBe(false);
    await i18n.loadNamespaces('home');
    expect(asked).toContain('./locales/en/home.json');
    expect(i18n.t('home:welcome')).toBe('Welcome');
  });

  it('loads the new language’s catalogs on a change of language', async () => {
    const { loaders, asked } = fakeLoaders();
    const i18n = await instance(loaders, 'en', ['common']);
    expect(i18n.t('cancel')).toBe('Cancel');
    await i18n.changeLanguage('ko');
    expect(asked).toEqual(['./locales/en/common.json', './locales/ko/common.json']);
    expect(i18n.t('cancel')).toBe('취소');
  });

  it('falls back to English for a namespace the language has no file of', async () => {
    const { loaders } = fakeLoaders();
    const i18n = await instance(loaders, 'ko', ['home']);
    expect(i18n.t('home:welcome')).toBe('Welcome');
  });

  it('fills a catalog’s missing keys from English, but not plural forms it says otherwise', () => {
    expect(
      fillFromEnglish(
        { save: '저장', items_other: '{{count}}개', nested: { a: '가' } },
        {
          save: 'Save',
          added: 'Added',
          items_one: '{{count}} item',
          items_other: '{{count}} items',
          nested: { a: 'A', b: 'B' },
        },
      ),
    ).toEqual({
      save: '저장',
      added: 'Added',
      items_other: '{{count}}개',
      nested: { a: '가', b: 'B' },
    });
  });

  it('names the namespaces as English has them, and a page’s own namespaces by its address', () => {
    expect(namespacesOf(fakeLoaders().loaders)).toEqual(['common', 'home']);
    expect(routeNamespaces('/')).toEqual(['home', 'news']);
    expect(routeNamespaces('/climate')).toEqual(['climate']);
    expect(routeNamespaces('/members/kyoto/climate')).toEqual(['members', 'climate']);
    expect(routeNamespaces('/nowhere')).toEqual([]);
  });
});

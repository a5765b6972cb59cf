import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { DisplayedName } from './DisplayedName';
import { GovernmentName } from './GovernmentName';
import { PersonName } from './PersonName';

afterAll(async () => {
  await i18n.changeLanguage('en');
});

const kyoto = { ja: '京都市', en: 'Kyoto' };
const mayor = { fullName: 'Kim Minji', names: { ko: '김민지' } };

describe('the markup of a name', () => {
  it('shows the local-script name with the English name beside it', () => {
    expect(
      renderToStaticMarkup(
        <DisplayedName name={{ primary: '京都市', lang: 'ja', secondary: 'Kyoto' }} />,
      ),
    ).toBe(
      '<span class="gov-name"><span class="gov-name__primary" lang="ja">京都市</span> ' +
        '<span class="gov-name__secondary" lang="en">Kyoto</span></span>',
    );
  });

  it('shows only the name in the reader’s language, with the class it is given', () => {
    expect(
      renderToStaticMarkup(
        <DisplayedName name={{ primary: 'Kyoto', lang: 'en', secondary: null }} className="x" />,
      ),
    ).toBe(
      '<span class="gov-name x"><span class="gov-name__primary" lang="en">Kyoto</span></span>',
    );
  });
});

describe('GovernmentName and PersonName', () => {
  it('show a Korean reader the Japanese name with the English one beside it', async () => {
    await i18n.changeLanguage('ko');
    expect(renderToStaticMarkup(<GovernmentName names={kyoto} localLang="ja" />)).toBe(
      '<span class="gov-name"><span class="gov-name__primary" lang="ja">京都市</span> ' +
        '<span class="gov-name__secondary" lang="en">Kyoto</span></span>',
    );
  });

  it('show a Korean reader a Korean name alone', async () => {
    await i18n.changeLanguage('ko');
    expect(renderToStaticMarkup(<PersonName person={mayor} localLang="ko" className="m" />)).toBe(
      '<span class="gov-name m"><span class="gov-name__primary" lang="ko">김민지</span></span>',
    );
  });

  it('show an English reader the English names', async () => {
    await i18n.changeLanguage('en');
    expect(renderToStaticMarkup(<PersonName person={mayor} localLang="ko" />)).toBe(
      '<span class="gov-name"><span class="gov-name__primary" lang="en">Kim Minji</span></span>',
    );
    expect(renderToStaticMarkup(<GovernmentName names={kyoto} localLang="ja" />)).toBe(
      '<span class="gov-name"><span class="gov-name__primary" lang="en">Kyoto</span></span>',
    );
  });
});

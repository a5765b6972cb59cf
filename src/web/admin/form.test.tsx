import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ErrorSummary, FormField } from './form';

describe('FormField', () => {
  it('ties the error and the hint to the control, the error first', () => {
    const html = renderToStaticMarkup(
      <FormField id="gov-population" label="Population" hint="People" error="Must be at least 0.">
        {(control) => <input {...control} />}
      </FormField>,
    );
    expect(html).toContain('<label for="gov-population"');
    expect(html).toContain('aria-describedby="gov-population-error gov-population-hint"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('id="gov-population-error"');
    expect(html).toContain('Must be at least 0.');
  });

  it('describes nothing and claims nothing invalid when all is well', () => {
    const html = renderToStaticMarkup(
      <FormField id="x" label="X">
        {(control) => <input {...control} />}
      </FormField>,
    );
    expect(html).not.toContain('aria-describedby');
    expect(html).not.toContain('aria-invalid');
  });
});

describe('ErrorSummary', () => {
  it('links each problem to its field, in the viewer language', async () => {
    await i18n.changeLanguage('ko');
    const html = renderToStaticMarkup(
      <ErrorSummary
        attempt={1}
        items={[
          { id: 'gov-population', label: '인구', message: '0 이상이어야 합니다.' },
          { id: null, label: null, message: '권한이 없습니다.' },
        ]}
      />,
    );
    expect(html).toContain('data-testid="form-errors"');
    expect(html).toContain('role="alert"');
    expect(html).toContain('href="#gov-population"');
    expect(html).toContain('확인이 필요한 항목이 2개 있습니다');
    await i18n.changeLanguage('en');
  });

  it('renders nothing without problems', () => {
    expect(renderToStaticMarkup(<ErrorSummary attempt={0} items={[]} />)).toBe('');
  });
});

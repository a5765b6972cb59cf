import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_FEE_SCHEDULE } from '../../core/membership-fees';
import i18n from '../i18n';
import type { FeeScheduleVersion } from '../types';
import { ScheduleEditor } from './FeeSchedulePage';

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
afterAll(async () => {
  await i18n.changeLanguage('en');
});

const render = (node: ReactNode) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>,
  );

const version: FeeScheduleVersion = {
  version: 2,
  schedule: SEED_FEE_SCHEDULE,
  createdAt: '2025-05-01T02:00:00.000Z',
  createdBy: 'Admin',
  incomeClassification: 'World Bank FY2025',
};

/**
 * A save makes a new version, and the editor starts afresh from it (the page keys it by
 * version): the word that the schedule was saved comes from above the editor, so it is still
 * said by the editor of the version just saved (before, it was lost with the old editor).
 */
describe('the fee schedule editor', () => {
  it('says the schedule was saved when its version is the one just saved here', () => {
    const html = render(<ScheduleEditor saved={version} notice onNotice={() => undefined} />);
    expect(html).toContain('data-testid="fees-saved"');
    expect(html).toContain('Saved: the new schedule is in force for invoices issued from now.');
  });

  it('says nothing of a save otherwise', () => {
    const html = render(
      <ScheduleEditor saved={version} notice={false} onNotice={() => undefined} />,
    );
    expect(html).not.toContain('data-testid="fees-saved"');
  });
});

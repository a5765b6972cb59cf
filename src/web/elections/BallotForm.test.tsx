import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { BallotForm } from './BallotForm';
import { candidate, election } from './fixtures.test-helpers';

beforeAll(async () => {
  await i18n.changeLanguage('en');
});

function render(seats: number) {
  const e = election({
    phase: 'voting',
    seats,
    candidates: [
      candidate(1),
      candidate(2, { status: 'withdrawn' }),
      candidate(3, { ineligibility: ['endorsement-missing'] }),
      candidate(4),
    ],
  });
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <BallotForm election={e} onVoted={() => undefined} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('BallotForm', () => {
  it('offers a box for each candidate on the ballot and none for the others', () => {
    const html = render(2);
    expect(html).toContain('data-testid="ballot-choice-1"');
    expect(html).toContain('data-testid="ballot-choice-4"');
    expect(html).not.toContain('data-testid="ballot-choice-2"');
    expect(html).not.toContain('data-testid="ballot-choice-3"');
  });

  it('states the limit and announces how many choices remain', () => {
    const html = render(2);
    expect(html).toContain('Choose up to 2 candidates');
    expect(html).toMatch(
      /aria-live="polite" data-testid="ballot-remaining">You can choose 2 more candidates\./,
    );
    expect(render(1)).toContain('You can choose 1 more candidate.');
  });

  it('goes to a review step rather than casting at once', () => {
    const html = render(2);
    expect(html).toMatch(/type="submit"[^>]*data-testid="cast-ballot">Review my ballot</);
    expect(html).not.toContain('confirm-ballot');
  });
});

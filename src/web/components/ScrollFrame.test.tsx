import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScrollFrame } from './ScrollFrame';

describe('ScrollFrame', () => {
  it('is a focusable region named by its label, around its children', () => {
    const html = renderToStaticMarkup(
      <ScrollFrame label="Votes on the motion">
        <table />
      </ScrollFrame>,
    );
    expect(html).toBe(
      '<div class="table-wrap" role="region" aria-label="Votes on the motion" tabindex="0"><table></table></div>',
    );
  });

  it('keeps the class it is given and passes the test id through', () => {
    const html = renderToStaticMarkup(
      <ScrollFrame className="admin-table-wrap" label="Users" data-testid="users-frame">
        <table />
      </ScrollFrame>,
    );
    expect(html).toBe(
      '<div class="admin-table-wrap" role="region" aria-label="Users" tabindex="0" data-testid="users-frame"><table></table></div>',
    );
  });

  it('can be named by a heading on the page instead', () => {
    const html = renderToStaticMarkup(
      <ScrollFrame labelledBy="seat-terms">
        <table />
      </ScrollFrame>,
    );
    expect(html).toBe(
      '<div class="table-wrap" role="region" aria-labelledby="seat-terms" tabindex="0"><table></table></div>',
    );
  });
});

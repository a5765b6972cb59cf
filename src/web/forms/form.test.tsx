import { useState } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import i18n from '../i18n';
import {
  ErrorSummary,
  FormField,
  StaleWriteNotice,
  useFormProblems,
  useSubmitState,
  type FormFieldSpec,
  type SubmitState,
} from './form';

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

type Step = (submit: SubmitState) => void;

/**
 * Runs the steps one per render, as updates during render, which the server renderer applies
 * before it writes the markup: so the markup shows the state after the last step.
 */
function SubmitHarness({ steps }: { steps: readonly Step[] }) {
  const submit = useSubmitState();
  const [done, setDone] = useState(0);
  const step = steps[done];
  if (step) {
    step(submit);
    setDone(done + 1);
  }
  return <pre>{JSON.stringify({ problem: submit.problem, attempt: submit.attempt })}</pre>;
}

function stateAfter(...steps: Step[]): { problem: unknown; attempt: number } {
  const html = renderToStaticMarkup(<SubmitHarness steps={steps} />);
  const json = html.slice('<pre>'.length, -'</pre>'.length).replaceAll('&quot;', '"');
  return JSON.parse(json) as { problem: unknown; attempt: number };
}

describe('useSubmitState', () => {
  const required = [{ pointer: '/name', detail: 'is required' }];

  it('starts with no problem and no failed submit', () => {
    expect(stateAfter()).toEqual({ problem: null, attempt: 0 });
  });

  it('reads a refusal from the server and counts it', () => {
    const refused = new ApiError(409, 'Conflict', 'The slug is taken.', []);
    expect(stateAfter((s) => s.fail(refused))).toEqual({
      problem: { message: 'The slug is taken.', errors: [], status: 409 },
      attempt: 1,
    });
    expect(stateAfter((s) => s.fail(new TypeError('Failed to fetch')))).toEqual({
      problem: { message: 'Failed to fetch', errors: [], status: null },
      attempt: 1,
    });
  });

  it('keeps problems found in the browser as a 400 without a message', () => {
    expect(stateAfter((s) => s.reject(required))).toEqual({
      problem: { message: null, errors: required, status: 400 },
      attempt: 1,
    });
    expect(stateAfter((s) => s.reject([], 'Nothing to save.')).problem).toEqual({
      message: 'Nothing to save.',
      errors: [],
      status: 400,
    });
  });

  it('shows a problem as given', () => {
    const problem = { message: 'Wrong e-mail or password.', errors: [], status: 401 };
    expect(stateAfter((s) => s.show(problem))).toEqual({ problem, attempt: 1 });
  });

  it('counts every failure, even the same one twice, so focus returns to the summary', () => {
    expect(
      stateAfter(
        (s) => s.reject(required),
        (s) => s.reject(required),
      ).attempt,
    ).toBe(2);
    expect(
      stateAfter(
        (s) => s.reject(required),
        (s) => s.fail(new Error('offline')),
        (s) => s.reject(required),
      ).attempt,
    ).toBe(3);
  });

  it('clears the problem but not the count', () => {
    expect(
      stateAfter(
        (s) => s.reject(required),
        (s) => s.clear(),
      ),
    ).toEqual({
      problem: null,
      attempt: 1,
    });
    expect(stateAfter((s) => s.clear())).toEqual({ problem: null, attempt: 0 });
  });

  it('feeds the summary and the fields of a form', async () => {
    await i18n.changeLanguage('en');
    const specs: FormFieldSpec[] = [{ pointer: '/name', id: 'x-name', label: 'Name' }];
    function Form({ step }: { step: Step }) {
      const submit = useSubmitState();
      const [done, setDone] = useState(false);
      if (!done) {
        step(submit);
        setDone(true);
      }
      const { errorFor, summary } = useFormProblems(specs, submit.problem);
      return (
        <form>
          <ErrorSummary items={summary} attempt={submit.attempt} testId="x-errors" />
          <FormField id="x-name" label="Name" error={errorFor('/name')}>
            {(control) => <input {...control} />}
          </FormField>
        </form>
      );
    }
    const rejected = renderToStaticMarkup(<Form step={(s) => s.reject(required)} />);
    expect(rejected).toContain('data-testid="x-errors"');
    expect(rejected).toContain('href="#x-name"');
    expect(rejected).toContain('id="x-name-error"');
    const cleared = renderToStaticMarkup(
      <Form
        step={(s) => {
          s.reject(required);
          s.clear();
        }}
      />,
    );
    expect(cleared).not.toContain('data-testid="x-errors"');
    expect(cleared).not.toContain('aria-invalid');
  });
});

describe('StaleWriteNotice', () => {
  const stale = new ApiError(412, 'Precondition Failed', 'Changed meanwhile.', [], 'stale-write');

  /** A form whose save the server refused as stale: the notice, the summary and the input. */
  function StaleForm({ error }: { error: unknown }) {
    const submit = useSubmitState();
    const [done, setDone] = useState(false);
    if (!done) {
      submit.fail(error);
      setDone(true);
    }
    const { summary } = useFormProblems([], submit.problem);
    return (
      <form>
        <ErrorSummary items={summary} attempt={submit.attempt} />
        <StaleWriteNotice problem={submit.problem} onReload={() => undefined} />
        <input defaultValue="What I typed" />
      </form>
    );
  }

  it('says the record changed and offers a reload, instead of the error summary', async () => {
    await i18n.changeLanguage('en');
    const html = renderToStaticMarkup(<StaleForm error={stale} />);
    expect(html).toContain('data-testid="stale-write"');
    expect(html).toContain('role="alert"');
    expect(html).toContain('This record was changed by someone else since you opened it.');
    expect(html).toMatch(/<button type="button"[^>]*data-testid="stale-write-reload"[^>]*>Reload</);
    expect(html).not.toContain('data-testid="form-errors"');
    expect(html).toContain('value="What I typed"');
  });

  it('speaks the viewer’s language', async () => {
    await i18n.changeLanguage('ja');
    const html = renderToStaticMarkup(<StaleForm error={stale} />);
    expect(html).toContain('この記録は、あなたが開いた後に他の人によって変更されました。');
    expect(html).toContain('>再読み込み</button>');
    await i18n.changeLanguage('en');
  });

  it('says what became of a change that was no form’s input when given a hint', async () => {
    await i18n.changeLanguage('en');
    const html = renderToStaticMarkup(
      <StaleWriteNotice
        problem={{ message: null, errors: [], status: 412 }}
        onReload={() => undefined}
        hint="Your change to the register was not saved."
      />,
    );
    expect(html).toContain('This record was changed by someone else since you opened it.');
    expect(html).toContain('<p>Your change to the register was not saved.</p>');
    expect(html).not.toContain('still in the form');
  });

  it('shows nothing for any other refusal, which the summary reports', () => {
    const html = renderToStaticMarkup(
      <StaleForm error={new ApiError(409, 'Conflict', 'The slug is taken.', [])} />,
    );
    expect(html).not.toContain('data-testid="stale-write"');
    expect(html).toContain('The slug is taken.');
  });
});

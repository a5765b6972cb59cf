/**
 * The matches an import run was not sure of, on the run's page: a name matched without the
 * government's CDP account or tracker id, several candidates, or a namesake that carries
 * another key. On a preview a person confirms each (or names another candidate), asks for a
 * new prospect or leaves the rows out; the import of the file then does what they chose.
 */
import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../api';
import { ErrorMessage } from '../components/DataState';
import { countryName, formatNumber } from '../components/format';
import { Pagination } from '../components/Pagination';
import { useProblemText } from '../forms/form';
import type { PageOf } from '../types';
import { useClimateFormat } from './format';
import {
  choiceOf,
  choicesFor,
  decisionFor,
  type Choice,
  type ImportMatch,
  type MatchGovernment,
} from './import-matches';
import type { ImportRun } from './types';
import { ScrollFrame } from '../components/ScrollFrame';

const PAGE_SIZE = 20;

function GovernmentLink({ government }: { government: MatchGovernment }) {
  return government.exists ? (
    <Link to={`/members/${government.slug}`}>{government.name}</Link>
  ) : (
    <span>{government.name}</span>
  );
}

function ChoiceSelect({ run, match }: { run: ImportRun; match: ImportMatch }) {
  const { t } = useTranslation('climate');
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const id = useId();
  const save = useMutation({
    mutationFn: (choice: Choice) =>
      api.put<ImportMatch>(`/api/v1/imports/${run.id}/matches/${match.id}`, decisionFor(choice)),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['climate', 'import', run.id, 'matches'] }),
  });
  const names = new Map(match.candidates.map((c) => [c.slug, c.name]));
  const label = (choice: Choice) => {
    if (choice === '') return t('importMatches.choices.asPreviewed');
    if (choice === 'create') return t('importMatches.choices.create');
    if (choice === 'skip') return t('importMatches.choices.skip');
    const slug = choice.slice('accept:'.length);
    return t('importMatches.choices.accept', { name: names.get(slug) ?? slug });
  };
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {t('importMatches.choiceFor', { name: match.names[0] ?? '' })}
      </label>
      <select
        id={id}
        value={choiceOf(match)}
        disabled={save.isPending}
        onChange={(e) => save.mutate(e.target.value as Choice)}
        data-testid="import-match-choice"
      >
        {choicesFor(match).map((choice) => (
          <option key={choice} value={choice}>
            {label(choice)}
          </option>
        ))}
      </select>
      {save.isError && (
        <p className="climate-error" role="alert">
          {problemText(save.error)}
        </p>
      )}
    </>
  );
}

export function ImportMatches({ run }: { run: ImportRun }) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const [page, setPage] = useState(1);
  const titleId = useId();
  const matches = useQuery({
    queryKey: ['climate', 'import', run.id, 'matches', page],
    queryFn: () =>
      api.get<PageOf<ImportMatch>>(
        `/api/v1/imports/${run.id}/matches${query({ page, pageSize: PAGE_SIZE })}`,
      ),
    enabled: run.status !== 'running',
  });
  if (matches.isError) return <ErrorMessage error={matches.error} />;
  if (!matches.data || matches.data.total === 0) return null;
  return (
    <section
      aria-labelledby={titleId}
      className="climate-import-matches"
      data-testid="import-matches"
    >
      <h3 id={titleId}>
        {t('importMatches.title', { n: formatNumber(matches.data.total, f.locale) })}
      </h3>
      <p className="field__hint">
        {run.dryRun ? t('importMatches.previewHint') : t('importMatches.runHint')}
      </p>
      <ScrollFrame label={t('importMatches.caption')}>
        <table className="data-table">
          <caption className="visually-hidden">{t('importMatches.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('importMatches.row')}
              </th>
              <th scope="col">{t('importMatches.inFile')}</th>
              <th scope="col">{t('importMatches.why')}</th>
              <th scope="col">{t('importMatches.outcome')}</th>
              <th scope="col">{t('importMatches.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {matches.data.items.map((match) => (
              <tr key={match.id} data-testid="import-match" data-status={match.status}>
                <th scope="row" className="numeric">
                  {formatNumber(match.row, f.locale)}
                </th>
                <td>
                  {match.names.join(' / ')}
                  {match.country && (
                    <span className="muted"> · {countryName(match.country, f.locale)}</span>
                  )}
                </td>
                <td>
                  {t(`importMatches.statuses.${match.status}`)}
                  {match.candidates.length > 0 && (
                    <ul className="climate-match-candidates">
                      {match.candidates.map((c) => (
                        <li key={c.slug}>
                          <GovernmentLink government={c} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {match.applied ? (
                    <GovernmentLink government={match.applied} />
                  ) : (
                    t('importMatches.skipped')
                  )}
                </td>
                <td>
                  {run.dryRun ? (
                    <ChoiceSelect run={run} match={match} />
                  ) : match.decision ? (
                    t(`importMatches.applied.${match.decision}`)
                  ) : (
                    t('importMatches.noDecision')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      <Pagination
        page={matches.data.page}
        pageSize={matches.data.pageSize}
        total={matches.data.total}
        onPage={setPage}
      />
    </section>
  );
}

/**
 * The result once voting has closed: the votes per candidate as a table and as a bar chart,
 * with the outcome written out (elected, tied, not elected) rather than shown by colour alone,
 * and an explanation when a tie across the last seat leaves seats to be settled.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { personNameText } from '../../core/names';
import { ApiError } from '../api';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { EChart } from '../components/EChart';
import { ErrorMessage, Loading } from '../components/DataState';
import { governmentNameText } from '../components/GovernmentName';
import { CandidateName, Instant } from './parts';
import { useElectionResult } from './queries';
import { resultChartOption, resultRows, tiedCandidateIds, type ResultRow } from './result';
import type { Election } from './types';
import { ScrollFrame } from '../components/ScrollFrame';

export function ResultSection({ election }: { election: Election }) {
  const { t } = useTranslation('elections');
  const locale = useLocale();
  const result = useElectionResult(election.id, election.phase === 'closed');
  const rows = useMemo(
    () => (result.data ? resultRows(result.data, election.candidates) : []),
    [result.data, election.candidates],
  );
  const option = useMemo(
    () =>
      resultChartOption(
        rows,
        (row) =>
          row.candidate
            ? `${governmentNameText(row.candidate.government.names, row.candidate.government.localLang, locale)} — ${personNameText(row.candidate.person, locale, row.candidate.government.localLang)}`
            : t('result.unknownCandidate', { id: row.candidateId }),
        (row) =>
          t('result.barLabel', {
            votes: formatNumber(row.votes, locale),
            outcome: t(`outcomes.${row.outcome}`),
          }),
      ),
    [rows, locale, t],
  );

  if (result.isPending) return <Loading />;
  if (result.isError) {
    if (result.error instanceof ApiError && result.error.status === 409) {
      return <p data-testid="result-not-ready">{t('result.notYet')}</p>;
    }
    return <ErrorMessage error={result.error} />;
  }
  const data = result.data;
  const tied = tiedCandidateIds(data);

  return (
    <div className="election-result" data-testid="election-result">
      <p className="election-result__figures">
        {t('result.ballots', {
          count: data.ballots,
          ballots: formatNumber(data.ballots, locale),
        })}{' '}
        {t('result.blank', { blank: formatNumber(data.blankBallots, locale) })}{' '}
        {data.invalidBallots > 0 &&
          t('result.invalid', { invalid: formatNumber(data.invalidBallots, locale) })}
      </p>
      {data.tieAtCutoff && (
        <div className="election-tie" role="note" data-testid="result-tie">
          <p>
            <strong>
              {t('result.tie', {
                count: data.seatsUndecided,
                tied: formatNumber(tied.length, locale),
                seats: formatNumber(data.seatsUndecided, locale),
              })}
            </strong>
          </p>
          <p>{t('result.tieExplained')}</p>
        </div>
      )}
      <ScrollFrame label={t('result.caption')}>
        <table className="data-table" data-testid="result-table">
          <caption>{t('result.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('result.rank')}
              </th>
              <th scope="col">{t('result.candidate')}</th>
              <th scope="col" className="numeric">
                {t('result.votes')}
              </th>
              <th scope="col">{t('result.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.candidateId} data-testid={`result-row-${row.candidateId}`}>
                <td className="numeric">{formatNumber(row.rank, locale)}</td>
                <th scope="row">
                  {row.candidate ? (
                    <CandidateName candidate={row.candidate} />
                  ) : (
                    t('result.unknownCandidate', { id: row.candidateId })
                  )}
                </th>
                <td className="numeric">{formatNumber(row.votes, locale)}</td>
                <td>
                  <Outcome row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      {rows.length > 0 && (
        <EChart
          option={option}
          label={t('result.chartLabel')}
          height={Math.max(160, rows.length * 44 + 48)}
          className="election-chart"
          testId="result-chart"
        />
      )}
      <p className="election-result__counted">
        {t('result.countedAt')} <Instant iso={data.countedAt} />
      </p>
    </div>
  );
}

function Outcome({ row }: { row: ResultRow }) {
  const { t } = useTranslation('elections');
  return (
    <span
      className={`election-outcome election-outcome--${row.outcome}`}
      data-testid={`outcome-${row.candidateId}`}
    >
      <span aria-hidden="true">
        {row.outcome === 'elected' ? '✓ ' : row.outcome === 'tied' ? '= ' : ''}
      </span>
      {t(`outcomes.${row.outcome}`)}
    </span>
  );
}

/**
 * /elections/:id — one election: its windows on a timeline, the candidates, how many members
 * have voted (never who chose whom), and what the viewer can do now: nominate their
 * government, cast their member's ballot, or read the result once voting has closed.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api';
import { formatDate, formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { mayDo, useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../components/DataState';
import { BallotForm } from './BallotForm';
import { CandidateForm } from './CandidateForm';
import { CandidateList } from './CandidateList';
import { standingCandidacy } from './nomination';
import { Instant, PhaseBadge, PickedText, textOf, useReasonText, ZoneNote } from './parts';
import { nextMilestone, timeline } from './phase';
import { ELECTIONS_KEY, useElection } from './queries';
import { ResultSection } from './ResultSection';
import type { Election } from './types';
import './elections.css';

export default function ElectionPage() {
  const { id } = useParams();
  const electionId = Number(id);
  const valid = Number.isSafeInteger(electionId) && electionId > 0;
  const election = useElection(valid ? electionId : null);
  if (!valid) return <ElectionNotFound />;
  if (election.isPending) return <Loading />;
  if (election.isError) {
    if (election.error instanceof ApiError && election.error.status === 404) {
      return <ElectionNotFound />;
    }
    return <ErrorMessage error={election.error} />;
  }
  return <ElectionView election={election.data} />;
}

function ElectionNotFound() {
  const { t } = useTranslation('elections');
  usePageTitle(t('election.notFound'));
  return (
    <div className="not-found" data-testid="election-not-found">
      <h1>{t('election.notFound')}</h1>
      <p>
        <Link className="button" to="/elections">
          {t('election.backToList')}
        </Link>
      </p>
    </div>
  );
}

function ElectionView({ election }: { election: Election }) {
  const { t } = useTranslation(['elections', 'common']);
  const locale = useLocale();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [castOn, setVotedOn] = useState<string | null>(null);
  usePageTitle(textOf(election.title, locale) || election.termLabel);
  const milestone = nextMilestone(election.phase, election);
  const { viewer, phase } = election;
  const ownGovernment =
    user?.government && mayDo(user, 'election.vote', { governmentId: viewer.governmentId })
      ? { id: user.government.id, slug: user.government.slug }
      : null;
  const ownCandidacy =
    viewer.governmentId !== null
      ? standingCandidacy(election.candidates, viewer.governmentId)
      : null;
  // The receipt of a ballot just cast, or the day the register holds after a reload.
  const votedOn = castOn ?? viewer.votedOn;
  const voted = viewer.hasVoted || votedOn !== null;

  return (
    <article className="election" aria-labelledby="election-title">
      <nav className="breadcrumbs" aria-label={t('election.breadcrumbs')}>
        <Link to="/elections">{t('list.title')}</Link>
      </nav>
      <header className="election__header">
        <div>
          <h1 id="election-title" data-testid="election-title">
            <PickedText texts={election.title} fallback={election.termLabel} />
          </h1>
          <p className="election__subtitle">
            <Link to={`/bodies/${encodeURIComponent(election.body.slug)}`}>
              <PickedText texts={election.body.names} fallback={election.body.slug} />
            </Link>
            {' · '}
            {t('election.seats', {
              count: election.seats,
              seats: formatNumber(election.seats, locale),
            })}
            {' · '}
            {t('election.term', {
              label: election.termLabel,
              start: formatDate(election.termStartsOn, locale),
              end: formatDate(election.termEndsOn, locale),
            })}
          </p>
          <p>
            <PhaseBadge phase={phase} />{' '}
            <span className="election-milestone">
              {t(`milestones.${milestone.key}`)} <Instant iso={milestone.at} />
            </span>
          </p>
        </div>
        {viewer.canManage && (
          <Link
            className="button button--secondary"
            to={`/admin/elections/${election.id}`}
            data-testid="election-manage"
          >
            {t('election.manage')}
          </Link>
        )}
      </header>

      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
        <ZoneNote />
        <Timeline election={election} />
      </section>

      {(phase === 'voting' || phase === 'closed') && (
        <p className="election-turnout" data-testid="turnout">
          {t('turnout', {
            count: election.eligibleVoters,
            voted: formatNumber(election.votesCast, locale),
            eligible: formatNumber(election.eligibleVoters, locale),
          })}
        </p>
      )}

      {voted && viewer.governmentId !== null && (
        <p className="election-voted" role="status" data-testid="voted-message">
          {votedOn ? t('ballot.votedOn', { date: formatDate(votedOn, locale) }) : t('ballot.voted')}
        </p>
      )}
      {phase === 'voting' && viewer.canVote && !voted && (
        <BallotForm
          election={election}
          onVoted={(receipt) => {
            setVotedOn(receipt.votedOn);
            void queryClient.invalidateQueries({ queryKey: ELECTIONS_KEY });
          }}
        />
      )}
      {phase === 'voting' && !viewer.canVote && !voted && viewer.governmentId !== null && (
        <CannotVote reason={viewer.cannotVoteReason} />
      )}

      {phase === 'nominations' && ownGovernment && !ownCandidacy && (
        <section className="panel" aria-labelledby="nominate-title">
          <h2 id="nominate-title">{t('nominate.title')}</h2>
          <p>{t('nominate.lead')}</p>
          <CandidateForm election={election} government={ownGovernment} idPrefix="nominate" />
        </section>
      )}
      {phase === 'nominations' && ownCandidacy && (
        <p className="election-note" data-testid="own-candidacy">
          {t('nominate.already')}
        </p>
      )}

      <section className="election-section" aria-labelledby="candidates-title">
        <h2 id="candidates-title">{t('candidates.title')}</h2>
        <CandidateList election={election} />
      </section>

      {phase === 'closed' && (
        <section className="election-section" aria-labelledby="result-title">
          <h2 id="result-title">{t('result.title')}</h2>
          <ResultSection election={election} />
        </section>
      )}
    </article>
  );
}

function CannotVote({ reason }: { reason: string | null }) {
  const { t } = useTranslation('elections');
  const reasonText = useReasonText();
  return (
    <p className="election-note" data-testid="cannot-vote">
      {t('ballot.cannotVote')} {reason && reasonText(reason)}
    </p>
  );
}

function Timeline({ election }: { election: Election }) {
  const { t } = useTranslation('elections');
  // The page shows the phase the server worked out; the timeline follows the viewer's clock.
  const steps = timeline(election, new Date().toISOString());
  return (
    <ol className="election-timeline" data-testid="election-timeline">
      {steps.map((step) => (
        <li
          key={step.field}
          className={`election-timeline__step election-timeline__step--${step.state}`}
        >
          <span className="election-timeline__label">{t(`windows.${step.field}`)}</span>
          <Instant iso={step.at} />
          <span className="election-timeline__state">{t(`timeline.${step.state}`)}</span>
        </li>
      ))}
    </ol>
  );
}

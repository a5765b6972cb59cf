/**
 * The candidates of an election. Everyone sees who stands, with the leader, title, statement
 * and endorsement; the secretariat and the candidate's own officers also see why a candidacy
 * is not yet eligible, and may upload the endorsement or withdraw before voting opens.
 */
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useProblemText } from '../forms/form';
import { fileForm } from './upload';
import { CandidateName, PickedText, useReasonText } from './parts';
import { storeElection } from './queries';
import type { Candidate, Election } from './types';

const BEFORE_VOTING: readonly Election['phase'][] = ['upcoming', 'nominations', 'between'];
const DOCUMENT_TYPES =
  '.pdf,.doc,.docx,.odt,.txt,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png,text/plain';

export function CandidateList({ election }: { election: Election }) {
  const { t } = useTranslation('elections');
  const candidates = [...election.candidates].sort(
    (a, b) => Number(a.status === 'withdrawn') - Number(b.status === 'withdrawn'),
  );
  if (candidates.length === 0) {
    return <p className="election-empty">{t('candidates.none')}</p>;
  }
  return (
    <ul className="election-candidates" data-testid="candidates">
      {candidates.map((candidate) => (
        <CandidateCard key={candidate.id} election={election} candidate={candidate} />
      ))}
    </ul>
  );
}

function CandidateCard({ election, candidate }: { election: Election; candidate: Candidate }) {
  const { t } = useTranslation('elections');
  const reasonText = useReasonText();
  const { viewer, phase } = election;
  const own = viewer.governmentId !== null && viewer.governmentId === candidate.government.id;
  const involved = viewer.canManage || own;
  const standing = candidate.status === 'nominated';
  const canUpload =
    standing &&
    ((viewer.canManage && BEFORE_VOTING.includes(phase)) || (own && phase === 'nominations'));
  const canWithdraw = standing && involved && BEFORE_VOTING.includes(phase);

  return (
    <li
      className={`election-candidate${standing ? '' : ' election-candidate--withdrawn'}`}
      data-testid={`candidate-${candidate.id}`}
    >
      <h3 className="election-candidate__name">
        <CandidateName candidate={candidate} />
      </h3>
      {!standing && <span className="badge">{t('candidates.withdrawn')}</span>}
      {Object.keys(candidate.statement).length > 0 && (
        <blockquote className="election-candidate__statement">
          <PickedText texts={candidate.statement} />
        </blockquote>
      )}
      {candidate.endorsementUrl && (
        <p>
          <a href={candidate.endorsementUrl} data-testid={`endorsement-${candidate.id}`}>
            {t('candidates.endorsement')}
          </a>
        </p>
      )}
      {involved && standing && candidate.ineligibility.length > 0 && (
        <div
          className="election-problems"
          role="note"
          data-testid={`candidate-problems-${candidate.id}`}
        >
          <p>{t('candidates.notEligible')}</p>
          <ul>
            {candidate.ineligibility.map((reason) => (
              <li key={reason}>{reasonText(reason)}</li>
            ))}
          </ul>
        </div>
      )}
      {involved && standing && candidate.ineligibility.length === 0 && (
        <p className="election-ok">{t('candidates.eligible')}</p>
      )}
      {canUpload && <EndorsementUpload candidate={candidate} />}
      {canWithdraw && <WithdrawButton candidate={candidate} />}
    </li>
  );
}

function EndorsementUpload({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation('elections');
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) =>
      api.upload<Election>(`/api/v1/candidates/${candidate.id}/endorsement`, {
        body: fileForm(chosen, chosen.name),
      }),
    onSuccess: (saved) => {
      storeElection(queryClient, saved);
      setFile(null);
      setInputKey((k) => k + 1);
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    upload.mutate(file);
  }

  const error = missing
    ? t('endorsement.chooseFile')
    : upload.isError
      ? problemText(upload.error)
      : null;
  return (
    <form className="election-upload" onSubmit={onSubmit} noValidate>
      <div className={`field admin-field${error ? ' admin-field--invalid' : ''}`}>
        <label htmlFor={`${id}-file`} className="field__label">
          {candidate.hasEndorsement ? t('endorsement.replace') : t('endorsement.upload')}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t('endorsement.hint')}
        </p>
        {error && (
          <p id={`${id}-error`} className="admin-field__error" role="alert">
            {error}
          </p>
        )}
        <input
          key={inputKey}
          id={`${id}-file`}
          type="file"
          accept={DOCUMENT_TYPES}
          aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid={`endorsement-file-${candidate.id}`}
        />
      </div>
      <div className="admin-actions">
        <button
          type="submit"
          className="button button--secondary button--small"
          disabled={upload.isPending}
          aria-busy={upload.isPending || undefined}
          data-testid={`endorsement-upload-${candidate.id}`}
        >
          {t('endorsement.send')}
        </button>
        {upload.isPending && (
          <span className="election-upload__progress" role="status">
            <progress aria-label={t('endorsement.uploading')} />
            {t('endorsement.uploading')}
          </span>
        )}
        {upload.isSuccess && (
          <span role="status" className="admin-saved">
            {t('endorsement.done')}
          </span>
        )}
      </div>
    </form>
  );
}

function WithdrawButton({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation(['elections', 'common']);
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => api.post<Election>(`/api/v1/candidates/${candidate.id}/withdraw`),
    onSuccess: (saved) => {
      setConfirming(false);
      storeElection(queryClient, saved);
    },
  });
  return (
    <div className="election-withdraw">
      {confirming ? (
        <div className="admin-actions" role="group" aria-label={t('candidates.withdrawConfirm')}>
          <span>{t('candidates.withdrawConfirm')}</span>
          <button
            type="button"
            className="button button--danger button--small"
            onClick={() => withdraw.mutate()}
            disabled={withdraw.isPending}
            data-testid={`confirm-withdraw-${candidate.id}`}
          >
            {t('candidates.withdrawYes')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setConfirming(false)}
          >
            {t('common:cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setConfirming(true)}
          data-testid={`withdraw-candidate-${candidate.id}`}
        >
          {t('candidates.withdraw')}
        </button>
      )}
      {withdraw.isError && (
        <p className="admin-field__error" role="alert">
          {problemText(withdraw.error)}
        </p>
      )}
    </div>
  );
}

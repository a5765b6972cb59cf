/**
 * Motions during a meeting: propose one, record how each seat voted, or withdraw it. Without
 * quorum only a motion to adjourn may be decided, and the page says so beside the button.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatNumber, languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { GovernmentName, governmentNameText } from '../components/GovernmentName';
import { canDecide, checkVotes, tallyMotion, VOTE_CHOICES } from '../../core/governance/votes';
import { LOCALES } from '../../core/locales';
import { Problem, useMeetingWrite } from './manage-common';
import { MotionView } from './meeting-parts';
import { followRegister, initialVotes, presentGovernmentIds } from './register';
import { pickText } from './text';
import {
  MOTION_KINDS,
  type DecisionRequest,
  type Meeting,
  type Motion,
  type MotionCreate,
  type MotionKind,
  type VoteChoice,
} from './types';
import { ScrollFrame } from '../components/ScrollFrame';

function NewMotionForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const [text, setText] = useState('');
  const [lang, setLang] = useState('en');
  const [kind, setKind] = useState<MotionKind>('substantive');
  const [agendaItemId, setAgendaItemId] = useState('');
  const [missing, setMissing] = useState(false);
  const add = useMeetingWrite((body: MotionCreate) =>
    api.post<Meeting>(`/api/v1/meetings/${meeting.id}/motions`, body),
  );
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    add.mutate(
      {
        kind,
        text: { [lang]: text.trim() },
        agendaItemId: agendaItemId ? Number(agendaItemId) : null,
      },
      { onSuccess: () => setText('') },
    );
  }
  return (
    <form
      className="admin-subform gov-motion-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="new-motion-title"
    >
      <h3 id="new-motion-title">{t('motions.new')}</h3>
      <div className={`field admin-field${missing ? ' admin-field--invalid' : ''}`}>
        <label htmlFor="motion-text" className="field__label">
          {t('motions.text')}
        </label>
        {missing && (
          <p id="motion-text-error" className="admin-field__error">
            {t('motions.textRequired')}
          </p>
        )}
        <textarea
          id="motion-text"
          rows={3}
          maxLength={2000}
          lang={lang}
          value={text}
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? 'motion-text-error' : undefined}
          onChange={(e) => setText(e.target.value)}
          data-testid="motion-text"
        />
      </div>
      <div className="gov-inline-fields">
        <div className="field admin-field">
          <label htmlFor="motion-lang" className="field__label">
            {t('motions.language')}
          </label>
          <select id="motion-lang" value={lang} onChange={(e) => setLang(e.target.value)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {languageName(l, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field admin-field">
          <label htmlFor="motion-kind" className="field__label">
            {t('motions.kind')}
          </label>
          <select
            id="motion-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as MotionKind)}
            data-testid="motion-kind"
          >
            {MOTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`motionKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {meeting.agenda.length > 0 && (
          <div className="field admin-field">
            <label htmlFor="motion-agenda-item" className="field__label">
              {t('motions.agendaItem')}
            </label>
            <select
              id="motion-agenda-item"
              value={agendaItemId}
              onChange={(e) => setAgendaItemId(e.target.value)}
            >
              <option value="">{t('motions.noAgendaItem')}</option>
              {meeting.agenda.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.number} {pickText(item.title, locale).text}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="admin-actions">
        <button type="submit" className="button" disabled={add.isPending} data-testid="add-motion">
          {t('motions.add')}
        </button>
      </div>
      <Problem error={add.error} testId="motion-problem" />
    </form>
  );
}

function DecisionForm({ meeting, motion }: { meeting: Meeting; motion: Motion }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const votingSeats = meeting.seats
    .filter((s) => s.voting)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  // The register changes while a motion is open: seats marked present may vote at once, and
  // seats the secretary has not touched follow the register (no reload needed).
  const registerVotes = initialVotes(meeting.seats, meeting.attendance);
  const registerKey = JSON.stringify(registerVotes);
  const [votes, setVotes] = useState<Record<number, VoteChoice>>(registerVotes);
  const [seen, setSeen] = useState({ key: registerKey, votes: registerVotes });
  if (seen.key !== registerKey) {
    setSeen({ key: registerKey, votes: registerVotes });
    setVotes((v) => followRegister(v, seen.votes, registerVotes));
  }
  const decide = useMeetingWrite((body: DecisionRequest) =>
    api.post<Meeting>(`/api/v1/motions/${motion.id}/decision`, body),
  );
  const withdraw = useMeetingWrite(() =>
    api.post<Meeting>(`/api/v1/motions/${motion.id}/withdraw`),
  );
  const list = votingSeats.map((s) => ({ seatId: s.id, choice: votes[s.id] ?? 'absent' }));
  const tally = tallyMotion(motion.majorityRule, list, votingSeats.length);
  // No quorum figure (a meeting of no body) leaves the decision to the server's rules.
  const decision = canDecide(motion.kind, { reached: meeting.quorum?.reached ?? true });
  const warnings = checkVotes(
    meeting.seats.map((s) => ({ seatId: s.id, governmentId: s.government.id, voting: s.voting })),
    presentGovernmentIds(meeting.attendance),
    list,
  );
  const seatName = (seatId: number) => {
    const seat = meeting.seats.find((s) => s.id === seatId);
    return seat ? governmentNameText(seat.government.names, seat.government.localLang, locale) : '';
  };
  const text = pickText(motion.text, locale).text;
  const explainId = `decision-explain-${motion.id}`;

  return (
    <div className="gov-decision">
      {votingSeats.length > 0 && (
        <ScrollFrame label={t('motions.votesCaption', { motion: text })}>
          <table className="data-table gov-vote-table" data-testid={`vote-table-${motion.id}`}>
            <caption className="visually-hidden">
              {t('motions.votesCaption', { motion: text })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('motions.seat')}</th>
                {VOTE_CHOICES.map((choice) => (
                  <th key={choice} scope="col">
                    {t(`voteChoices.${choice}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {votingSeats.map((seat) => {
                const name = governmentNameText(
                  seat.government.names,
                  seat.government.localLang,
                  locale,
                );
                return (
                  <tr key={seat.id}>
                    <th scope="row">
                      <GovernmentName
                        names={seat.government.names}
                        localLang={seat.government.localLang}
                      />
                    </th>
                    {VOTE_CHOICES.map((choice) => (
                      <td key={choice} className="gov-vote-cell">
                        <label>
                          <input
                            type="radio"
                            name={`vote-${motion.id}-${seat.id}`}
                            value={choice}
                            checked={(votes[seat.id] ?? 'absent') === choice}
                            onChange={() => setVotes((v) => ({ ...v, [seat.id]: choice }))}
                            data-testid={`vote-${motion.id}-${seat.government.slug}-${choice}`}
                          />
                          <span className="visually-hidden">
                            {t('motions.voteLabel', {
                              seat: name,
                              choice: t(`voteChoices.${choice}`),
                            })}
                          </span>
                        </label>
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollFrame>
      )}
      <p className="gov-decision__preview" aria-live="polite">
        {t('motions.tally', {
          for: formatNumber(tally.for, locale),
          against: formatNumber(tally.against, locale),
          abstain: formatNumber(tally.abstain, locale),
          absent: formatNumber(tally.absent, locale),
        })}{' '}
        — {tally.carried ? t('motions.wouldCarry') : t('motions.wouldFail')}
      </p>
      {warnings.length > 0 && (
        <ul className="gov-warning" data-testid={`vote-warnings-${motion.id}`}>
          {warnings.map((w) => (
            <li key={`${w.seatId}-${w.code}`}>
              {t(`voteProblems.${w.code}`, { seat: seatName(w.seatId) })}
            </li>
          ))}
        </ul>
      )}
      {!decision.allowed && (
        <p id={explainId} className="gov-warning" data-testid="no-quorum-explanation">
          {t('motions.noQuorum')}
        </p>
      )}
      <div className="admin-actions">
        <button
          type="button"
          className="button"
          disabled={!decision.allowed || decide.isPending}
          aria-describedby={decision.allowed ? undefined : explainId}
          onClick={() => {
            // A recorded decision is final: say what will be recorded and ask first.
            const tallyText = t('motions.tally', {
              for: formatNumber(tally.for, locale),
              against: formatNumber(tally.against, locale),
              abstain: formatNumber(tally.abstain, locale),
              absent: formatNumber(tally.absent, locale),
            });
            const outcome = tally.carried ? t('motions.wouldCarry') : t('motions.wouldFail');
            if (
              !window.confirm(
                t('motions.confirmDecision', { motion: text, tally: tallyText, outcome }),
              )
            )
              return;
            decide.mutate({ votes: list });
          }}
          data-testid="record-decision"
        >
          {t('motions.recordDecision')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={withdraw.isPending}
          onClick={() => withdraw.mutate(undefined)}
          data-testid="withdraw-motion"
        >
          {t('motions.withdraw')}
        </button>
      </div>
      <Problem error={decide.error ?? withdraw.error} testId="decision-problem" />
    </div>
  );
}

export function MotionsPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('governance');
  const open = meeting.motions.filter((m) => m.status === 'open');
  const decided = meeting.motions.filter((m) => m.status !== 'open');
  const canPropose = meeting.status !== 'closed' && meeting.status !== 'cancelled';
  return (
    <>
      {open.map((motion) => (
        <article
          key={motion.id}
          className="gov-motion gov-motion--open"
          data-testid={`motion-${motion.id}`}
        >
          <h3 className="gov-motion__text">
            <span className="badge gov-outcome gov-outcome--open">{t('motionStatuses.open')}</span>{' '}
            <MotionText motion={motion} />
          </h3>
          <p className="gov-motion__meta">
            {t(`motionKinds.${motion.kind}`)} · {t(`majorityRules.${motion.majorityRule}`)}
          </p>
          <DecisionForm meeting={meeting} motion={motion} />
        </article>
      ))}
      {decided.map((motion) => (
        <MotionView key={motion.id} motion={motion} />
      ))}
      {meeting.motions.length === 0 && <p className="muted">{t('motions.none')}</p>}
      {canPropose ? (
        <NewMotionForm meeting={meeting} />
      ) : (
        <p className="field__hint">{t('motions.onlyDuring')}</p>
      )}
    </>
  );
}

function MotionText({ motion }: { motion: Motion }) {
  const locale = useLocale();
  const text = pickText(motion.text, locale);
  return <span lang={text.lang === locale ? undefined : text.lang}>{text.text}</span>;
}

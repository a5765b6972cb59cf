import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog, hasKey, missingKeysIn, missingVocabulary } from '../i18n/catalog-check';
import { AGENDA_KINDS } from '../../core/governance/agenda';
import {
  BODY_KINDS,
  INVITATION_REPLIES,
  MEETING_FORMATS,
  MEETING_STATUSES,
  SEAT_POSITIONS,
  KNOWN_PORTFOLIOS,
} from '../../core/governance/meeting';
import { MAJORITY_RULES, VOTE_CHOICES, type VoteProblemCode } from '../../core/governance/votes';
import { LOCALES } from '../../core/locales';
import type { MeetingProblemCode } from './meeting-form';
import { SPEAKER_SOURCES } from './agenda-tree';
import { BODY_FORM_PROBLEMS } from './body-form';
import { FILE_EDIT_PROBLEMS } from './file-edit';
import { GUEST_PROBLEMS } from './guest-invite';
import { MANAGE_SECTIONS, STATUS_ACTIONS } from './meeting-status';
import { quorumExample, quorumRulePhrases, quorumState } from './quorum-text';
import type { SeatState } from './register';
import type { RulesProblemCode } from './rules-form';
import {
  ATTENDANCE_MODES,
  CALENDAR_ROLES,
  FILE_KINDS,
  MOTION_KINDS,
  MOTION_STATUSES,
  SEAT_EVENT_KINDS,
} from './types';

/**
 * The governance pages look their words up by key; a missing key would show the key itself.
 * This reads the sources for the literal keys they use, and checks that every value of the
 * governance vocabularies (statuses, positions, agenda kinds, problems…) and every phrase the
 * pure modules build has its words in every language.
 */
const here = dirname(fileURLToPath(import.meta.url));

const sources = readdirSync(here).filter(
  (f) => (f.endsWith('.tsx') || f.endsWith('.ts')) && !f.includes('.test'),
);

/** Records, so that adding a code to a type without naming it here fails to compile. */
const voteProblems: Record<VoteProblemCode, true> = {
  'unknown-seat': true,
  'advisory-seat': true,
  'duplicate-vote': true,
  'absent-seat-voted': true,
  'present-seat-marked-absent': true,
};
const meetingProblems: Record<MeetingProblemCode, true> = {
  englishTitleRequired: true,
  required: true,
  badDateTime: true,
  endBeforeStart: true,
  badZone: true,
  badUrl: true,
  titleRequired: true,
  badDuration: true,
  speakerNameRequired: true,
  speakerPersonRequired: true,
};
const rulesProblems: Record<RulesProblemCode, true> = {
  wholeNumber: true,
  quorumAboveAll: true,
  quorumUnreachable: true,
};
const seatStates: Record<SeatState, true> = {
  'own-right': true,
  proxy: true,
  absent: true,
  unmarked: true,
};

describe('keys used by the governance pages', () => {
  it('finds the sources to read', () => {
    expect(sources).toContain('MeetingPage.tsx');
    expect(sources).toContain('AgendaEditor.tsx');
  });

  for (const file of sources) {
    it(`exist for ${file}`, () => {
      const missing = missingKeysIn(join(here, file), (text) =>
        /useTranslation\('common'\)/.test(text) ? 'common' : 'governance',
      );
      expect(missing).toEqual([]);
    });
  }

  it('name every value of the governance vocabularies in every language', () => {
    const actions = STATUS_ACTIONS.map((a) => a.action);
    const families: [string, readonly string[]][] = [
      ['statuses', MEETING_STATUSES],
      ['formats', MEETING_FORMATS],
      ['modes', ATTENDANCE_MODES],
      ['kinds', BODY_KINDS],
      ['kindsPlural', BODY_KINDS],
      ['positions', SEAT_POSITIONS],
      ['portfolios', KNOWN_PORTFOLIOS],
      ['bodyForm.problems', BODY_FORM_PROBLEMS],
      ['agendaKinds', AGENDA_KINDS],
      ['replies', INVITATION_REPLIES],
      ['reply.answers', INVITATION_REPLIES.filter((r) => r !== 'pending')],
      ['calendarRoles', CALENDAR_ROLES],
      ['guestRoles', CALENDAR_ROLES],
      ['guestRoleHints', CALENDAR_ROLES],
      ['guests.problems', GUEST_PROBLEMS],
      ['files.problems', FILE_EDIT_PROBLEMS],
      ['files.visibility', ['public', 'private']],
      ['agendaEditor.speakerSources', SPEAKER_SOURCES],
      ['majorityRules', MAJORITY_RULES],
      ['majorityRuleHints', MAJORITY_RULES],
      ['motionKinds', MOTION_KINDS],
      ['motionStatuses', MOTION_STATUSES],
      ['voteChoices', VOTE_CHOICES],
      ['voteProblems', Object.keys(voteProblems)],
      ['seatEvents', SEAT_EVENT_KINDS],
      ['fileKinds', FILE_KINDS],
      ['statusActions', actions],
      ['statusActions.confirmTitle', actions],
      ['statusActions.confirmText', actions],
      ['manage.sectionNames', MANAGE_SECTIONS],
      ['meetingForm.problems', Object.keys(meetingProblems)],
      ['rulesForm.problems', Object.keys(rulesProblems)],
      ['attendance.states', Object.keys(seatStates)],
    ];
    expect(missingVocabulary('governance', families)).toEqual([]);
  });

  it('word every phrase the rules and the quorum are described with', () => {
    const rules = [
      { numerator: 1, denominator: 2, strict: true, proxiesCount: true },
      { numerator: 2, denominator: 3, strict: false, proxiesCount: false },
      { numerator: 1, denominator: 1, strict: false, proxiesCount: true },
    ];
    const keys = new Set<string>(['register.proxyOf', 'register.proxyOfNoGovernment']);
    for (const rule of rules) {
      for (const phrase of quorumRulePhrases(rule)) keys.add(phrase.key);
      const example = quorumExample(rule, 6);
      if (example) keys.add(example.key);
      for (const reached of [true, false]) {
        const state = quorumState({
          votingSeats: 6,
          required: 4,
          present: reached ? 5 : 2,
          reached,
          counted: [],
          notCounted: [],
          rule,
        });
        keys.add(state.phrase.key);
      }
    }
    const missing = LOCALES.flatMap((lang) =>
      [...keys]
        .filter((key) => !hasKey(catalog(lang, 'governance'), key))
        .map((k) => `${lang}: ${k}`),
    );
    expect(missing).toEqual([]);
    expect(keys.size).toBeGreaterThanOrEqual(10);
  });

  it('says "reached" and "not reached" in different words in every language', () => {
    for (const lang of LOCALES) {
      const quorum = catalog(lang, 'governance').quorum as Record<string, string>;
      expect(quorum.reached, lang).not.toBe(quorum.notReached);
    }
  });
});

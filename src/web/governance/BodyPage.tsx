/**
 * /bodies/:slug — a governing body: who sits on it now, its terms, its rules, its meetings
 * and the calendar to subscribe to. The secretariat edits all of it here.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { mayDo, useSession } from '../auth/session';
import { SavedMessage } from '../forms/form';
import { nextTermDates } from '../../core/governance/term';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';
import { usePageTitle } from '../components/page-title';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { Pagination } from '../components/Pagination';
import { RulesForm, SeatGrid, TermForm } from './body-admin';
import { MeetingTable } from './MeetingTable';
import { useBody, useMeetings } from './queries';
import { quorumExample, quorumRulePhrases } from './quorum-text';
import { pickText } from './text';
import { TermDates } from './parts';
import { TermStatus } from './term-status';
import type { Body } from './types';
import '../components/admin.css';
import './governance.css';

const BODY_MEETINGS_PAGE_SIZE = 10;

function Rules({ body }: { body: Body }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const votingSeats = body.seats.filter((s) => s.voting).length;
  const phrases = quorumRulePhrases(body.rules.quorum);
  const example = quorumExample(body.rules.quorum, votingSeats);
  return (
    <dl className="facts" data-testid="body-rules">
      <div className="facts__item">
        <dt>{t('rules.quorum')}</dt>
        <dd>
          {phrases.map((p) => t(p.key, p.values)).join('; ')}
          {example && (
            <>
              <br />
              <span className="muted">{t(example.key, example.values)}</span>
            </>
          )}
        </dd>
      </div>
      <div className="facts__item">
        <dt>{t('rules.majority')}</dt>
        <dd>
          {t(`majorityRules.${body.rules.majorityRule}`)}
          <br />
          <span className="muted">{t(`majorityRuleHints.${body.rules.majorityRule}`)}</span>
        </dd>
      </div>
      <div className="facts__item">
        <dt>{t('rules.proxies')}</dt>
        <dd>
          {t('rules.maxPrincipals', {
            count: body.rules.maxPrincipalsPerProxy,
            formatted: formatNumber(body.rules.maxPrincipalsPerProxy, locale),
          })}
        </dd>
      </div>
      <div className="facts__item">
        <dt>{t('rules.termLength')}</dt>
        <dd>
          {t('rules.termYears', {
            count: body.rules.termYears,
            formatted: formatNumber(body.rules.termYears, locale),
          })}
        </dd>
      </div>
    </dl>
  );
}

function BodyMeetings({ body, canManage }: { body: Body; canManage: boolean }) {
  const { t } = useTranslation('governance');
  const [page, setPage] = useState(1);
  const meetings = useMeetings({ body: body.slug, page, pageSize: BODY_MEETINGS_PAGE_SIZE });
  const calendar = `/api/v1/bodies/${encodeURIComponent(body.slug)}/calendar.ics`;
  return (
    <section className="panel" aria-labelledby="body-meetings">
      <div className="panel__header">
        <h2 id="body-meetings">{t('bodyPage.meetings')}</h2>
        {canManage && (
          <Link
            className="button button--secondary button--small"
            to={`/admin/meetings/new?body=${encodeURIComponent(body.slug)}`}
            data-testid="body-new-meeting"
          >
            {t('bodyPage.newMeeting')}
          </Link>
        )}
      </div>
      <p className="gov-calendar">
        <a href={calendar} data-testid="body-calendar-link">
          {t('bodyPage.subscribe')}
        </a>{' '}
        <span className="muted">{t('bodyPage.subscribeHint')}</span>
      </p>
      {meetings.isPending ? (
        <Loading />
      ) : meetings.isError ? (
        <ErrorMessage error={meetings.error} />
      ) : meetings.data.items.length === 0 ? (
        <EmptyState title={t('meetings.empty')} />
      ) : (
        <>
          <MeetingTable
            meetings={meetings.data.items}
            showBody={false}
            linkTo={(m) => `/meetings/${m.id}`}
            caption={t('bodyPage.meetingsCaption')}
          />
          {meetings.data.total > meetings.data.pageSize && (
            <Pagination
              page={meetings.data.page}
              pageSize={meetings.data.pageSize}
              total={meetings.data.total}
              onPage={setPage}
            />
          )}
        </>
      )}
    </section>
  );
}

export default function BodyPage() {
  const { slug = '' } = useParams();
  const body = useBody(slug);
  if (body.isPending) return <Loading />;
  if (body.isError) return <ErrorMessage error={body.error} />;
  return <BodyView body={body.data} />;
}

function BodyView({ body }: { body: Body }) {
  const { t } = useTranslation(['governance', 'common']);
  const locale = useLocale();
  const { user } = useSession();
  const canManage = mayDo(user, 'body.manage');
  const [open, setOpen] = useState<'rules' | 'term' | 'next-term' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const name = pickText(body.names, locale);
  usePageTitle(name.text);
  const description = pickText(body.description, locale);
  const current = body.currentTerm;
  const otherTerms = body.terms
    .filter((term) => term.id !== current?.id)
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn));

  return (
    <div className="gov-page">
      <p className="breadcrumbs">
        <Link to="/bodies">{t('bodies.title')}</Link>
      </p>
      <header className="page-header">
        <h1 lang={name.lang === locale ? undefined : name.lang}>{name.text}</h1>
        <p>
          <span className="badge gov-kind">{t(`kinds.${body.kind}`)}</span>
          {body.region && <> {t(`common:regions.${body.region}`, { defaultValue: body.region })}</>}
        </p>
        {description.text && (
          <p
            className="page-header__lead"
            lang={description.lang === locale ? undefined : description.lang}
          >
            {description.text}
          </p>
        )}
      </header>
      {notice && <SavedMessage testId="body-notice">{notice}</SavedMessage>}

      <section className="panel" aria-labelledby="body-composition">
        <TermStatus
          term={current}
          today={new Date().toISOString().slice(0, 10)}
          canManage={canManage}
          onOpenNext={() => setOpen('next-term')}
        />
        {open === 'next-term' && current && (
          <TermForm
            body={body}
            initial={nextTermDates(current.endsOn, body.rules.termYears)}
            onDone={(term) => {
              setOpen(null);
              if (term) setNotice(t('termForm.saved', { label: term.label }));
            }}
          />
        )}
        <SeatGrid
          seats={body.seats}
          bodySlug={body.slug}
          termId={current?.id ?? null}
          canManage={canManage}
        />
      </section>

      <section className="panel" aria-labelledby="body-terms">
        <div className="panel__header">
          <h2 id="body-terms">{t('bodyPage.terms')}</h2>
          {canManage && open !== 'term' && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setOpen('term')}
              data-testid="add-term"
            >
              {t('termForm.title')}
            </button>
          )}
        </div>
        {open === 'term' && (
          <TermForm
            body={body}
            onDone={(term) => {
              setOpen(null);
              if (term) setNotice(t('termForm.saved', { label: term.label }));
            }}
          />
        )}
        {otherTerms.length === 0 ? (
          <p className="muted">{t('bodyPage.noOtherTerms')}</p>
        ) : (
          <ul className="gov-terms" data-testid="terms">
            {otherTerms.map((term) => (
              <li key={term.id}>
                <Link to={`/bodies/${body.slug}/terms/${term.id}`}>
                  {t('bodyPage.termLabel', { label: term.label })}
                </Link>{' '}
                <span className="muted">
                  <TermDates term={term} /> ·{' '}
                  {t('bodies.seatCount', {
                    count: term.seatCount,
                    formatted: formatNumber(term.seatCount, locale),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="body-rules">
        <div className="panel__header">
          <h2 id="body-rules">{t('bodyPage.rules')}</h2>
          {canManage && open !== 'rules' && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setOpen('rules')}
              data-testid="edit-rules"
            >
              {t('rulesForm.title')}
            </button>
          )}
        </div>
        {open === 'rules' ? (
          <RulesForm
            body={body}
            onDone={(saved) => {
              setOpen(null);
              if (saved) setNotice(t('rulesForm.saved'));
            }}
          />
        ) : (
          <Rules body={body} />
        )}
      </section>

      <BodyMeetings body={body} canManage={canManage} />
    </div>
  );
}

/**
 * The attendance register as the secretariat keeps it during a meeting: one row per seat,
 * marked present in its own right, present through a proxy, or absent; advisers besides.
 * The quorum indicator above it follows every change.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { StaleWriteNotice, submitProblem } from '../forms/form';
import { useLocale } from '../components/locale';
import { GovernmentName, governmentNameText } from '../components/GovernmentName';
import { Problem, useMeetingWrite } from './manage-common';
import { attendeeName, proxyLine } from './meeting-parts';
import { personName } from './parts';
import { registerGroups, seatRows, type SeatRow } from './register';
import { PositionLabel } from './seats';
import {
  ATTENDANCE_MODES,
  type AttendanceCreate,
  type AttendanceMode,
  type AttendancePatch,
  type Meeting,
} from './types';
import { ScrollFrame } from '../components/ScrollFrame';

type Write =
  | { op: 'create'; body: AttendanceCreate }
  | { op: 'patch'; id: number; version: number; body: AttendancePatch }
  | { op: 'delete'; id: number };

function ModeSelect({
  id,
  value,
  onChange,
  label,
}: {
  id: string;
  value: AttendanceMode;
  onChange(mode: AttendanceMode): void;
  label: string;
}) {
  const { t } = useTranslation('governance');
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as AttendanceMode)}>
        {ATTENDANCE_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`modes.${m}`)}
          </option>
        ))}
      </select>
    </>
  );
}

function ProxyForm({
  row,
  mode,
  busy,
  onSave,
  onCancel,
}: {
  row: SeatRow;
  mode: AttendanceMode;
  busy: boolean;
  onSave(proxyName: string, principalName: string, mode: AttendanceMode): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('governance');
  const [proxyName, setProxyName] = useState(row.proxyPrefill.proxyName);
  const [principalName, setPrincipalName] = useState(row.proxyPrefill.principalName);
  const [proxyMode, setProxyMode] = useState<AttendanceMode>(mode);
  const [missing, setMissing] = useState(false);
  const slug = row.seat.government.slug;
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!proxyName.trim() || !principalName.trim()) {
      setMissing(true);
      return;
    }
    onSave(proxyName.trim(), principalName.trim(), proxyMode);
  }
  return (
    <form
      className="gov-proxy-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('attendance.proxyForm')}
    >
      {missing && (
        <p className="admin-field__error" role="alert">
          {t('attendance.proxyNamesRequired')}
        </p>
      )}
      <div className="field admin-field">
        <label htmlFor={`proxy-name-${slug}`} className="field__label">
          {t('attendance.proxyName')}
        </label>
        <input
          id={`proxy-name-${slug}`}
          value={proxyName}
          maxLength={200}
          autoComplete="off"
          aria-invalid={missing && !proxyName.trim() ? true : undefined}
          onChange={(e) => setProxyName(e.target.value)}
          data-testid="proxy-name"
        />
      </div>
      <div className="field admin-field">
        <label htmlFor={`principal-name-${slug}`} className="field__label">
          {t('attendance.principalName')}
        </label>
        <input
          id={`principal-name-${slug}`}
          value={principalName}
          maxLength={200}
          autoComplete="off"
          aria-invalid={missing && !principalName.trim() ? true : undefined}
          onChange={(e) => setPrincipalName(e.target.value)}
          data-testid="principal-name"
        />
      </div>
      <div className="field admin-field">
        <ModeSelect
          id={`proxy-mode-${slug}`}
          value={proxyMode}
          onChange={setProxyMode}
          label={t('attendance.mode')}
        />
      </div>
      <div className="admin-actions">
        <button
          type="submit"
          className="button button--small"
          disabled={busy}
          data-testid="save-attendance"
        >
          {t('attendance.saveProxy')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

export function AttendancePanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('governance');
  const locale = useLocale();
  const [modes, setModes] = useState<Record<number, AttendanceMode>>({});
  const [proxyFor, setProxyFor] = useState<number | null>(null);
  const [adviser, setAdviser] = useState('');
  const [adviserMode, setAdviserMode] = useState<AttendanceMode>('in-person');
  const defaultMode: AttendanceMode = meeting.format === 'online' ? 'online' : 'in-person';
  // The register is kept while the meeting is scheduled or under way; after that it is final.
  const editable = meeting.status === 'scheduled' || meeting.status === 'in-progress';
  const write = useMeetingWrite((w: Write) => {
    switch (w.op) {
      case 'create':
        return api.post<Meeting>(`/api/v1/meetings/${meeting.id}/attendance`, w.body);
      case 'patch':
        // Made from the entry as shown: refused (412) if someone changed it meanwhile.
        return api.patch<Meeting>(`/api/v1/attendance/${w.id}`, w.body, { version: w.version });
      case 'delete':
        return api.del<Meeting>(`/api/v1/attendance/${w.id}`);
    }
  });
  const reload = useMeetingWrite(() => api.get<Meeting>(`/api/v1/meetings/${meeting.id}`));
  const stale = write.error ? submitProblem(write.error) : null;
  const rows = seatRows(meeting.seats, meeting.attendance, meeting.invitations);
  const advisers = registerGroups(meeting.attendance).advisers;

  function ownRight(row: SeatRow, mode: AttendanceMode, present: boolean) {
    write.mutate({
      op: 'create',
      body: {
        governmentId: row.seat.government.id,
        personId: row.seat.person?.id ?? null,
        // A vacant seat is still represented: the register names the government's delegation.
        name:
          row.seat.person?.fullName ??
          governmentNameText(row.seat.government.names, row.seat.government.localLang, locale),
        capacity: 'own-right',
        mode,
        present,
      },
    });
  }

  function proxy(row: SeatRow, proxyName: string, principalName: string, mode: AttendanceMode) {
    const seatPerson = row.seat.person;
    const namedProxy = row.invitation?.proxy;
    write.mutate(
      {
        op: 'create',
        body: {
          governmentId: row.seat.government.id,
          // Link to known people only while the names are the ones they were prefilled from.
          personId:
            namedProxy?.person && namedProxy.name === proxyName ? namedProxy.person.id : null,
          name: proxyName,
          capacity: 'proxy',
          principalPersonId:
            seatPerson && seatPerson.fullName === principalName ? seatPerson.id : null,
          principalName,
          mode,
          present: true,
        },
      },
      { onSuccess: () => setProxyFor(null) },
    );
  }

  function stateText(row: SeatRow): string {
    const record = row.record;
    switch (row.state) {
      case 'own-right':
        return t('attendance.states.own-right', {
          name: record ? attendeeName(record, locale) : '',
          mode: t(`modes.${record?.mode ?? 'in-person'}`),
        });
      case 'proxy':
        return record
          ? `${proxyLine(record, locale, t)} (${t(`modes.${record.mode}`)})`
          : t('attendance.states.proxy');
      case 'absent':
        return t('attendance.states.absent');
      case 'unmarked':
        return t('attendance.states.unmarked');
    }
  }

  return (
    <div className="gov-attendance">
      {stale?.status === 412 ? (
        <StaleWriteNotice
          problem={stale}
          hint={t('attendance.staleHint')}
          reloading={reload.isPending}
          onReload={() => reload.mutate(undefined, { onSuccess: () => write.reset() })}
          testId="attendance-stale"
        />
      ) : (
        <Problem error={write.error ?? reload.error} testId="attendance-problem" />
      )}
      {!editable && (
        <p className="muted" data-testid="attendance-final">
          {meeting.status === 'draft' ? t('attendance.scheduleFirst') : t('attendance.final')}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">{t('attendance.noSeats')}</p>
      ) : (
        <ScrollFrame label={t('attendance.caption')}>
          <table className="data-table gov-attendance-table" data-testid="attendance-register">
            <caption className="visually-hidden">{t('attendance.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attendance.seat')}</th>
                <th scope="col">{t('attendance.state')}</th>
                <th scope="col">{t('attendance.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const slug = row.seat.government.slug;
                const where = governmentNameText(
                  row.seat.government.names,
                  row.seat.government.localLang,
                  locale,
                );
                const mode = modes[row.seat.id] ?? row.record?.mode ?? defaultMode;
                const setMode = (m: AttendanceMode) =>
                  setModes((all) => ({ ...all, [row.seat.id]: m }));
                const record = row.record;
                return (
                  <tr
                    key={row.seat.id}
                    data-testid={`attendance-row-${slug}`}
                    data-state={row.state}
                  >
                    <th scope="row">
                      <GovernmentName
                        names={row.seat.government.names}
                        localLang={row.seat.government.localLang}
                      />
                      <span className="admin-block">
                        {row.seat.person ? personName(row.seat.person, locale) : t('seats.vacant')}{' '}
                        · <PositionLabel seat={row.seat} />
                      </span>
                      {row.invitation && (
                        <span className="admin-block muted">
                          {t('attendance.replied', { reply: t(`replies.${row.invitation.reply}`) })}
                        </span>
                      )}
                    </th>
                    <td data-testid={`attendance-state-${slug}`}>{stateText(row)}</td>
                    <td>
                      {!editable ? null : proxyFor === row.seat.id ? (
                        <ProxyForm
                          row={row}
                          mode={mode}
                          busy={write.isPending}
                          onSave={(p, principal, m) => proxy(row, p, principal, m)}
                          onCancel={() => setProxyFor(null)}
                        />
                      ) : row.state === 'unmarked' ? (
                        <div className="gov-row-actions">
                          <ModeSelect
                            id={`mode-${slug}`}
                            value={mode}
                            onChange={setMode}
                            label={t('attendance.modeFor', { name: where })}
                          />
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() => ownRight(row, mode, true)}
                            disabled={write.isPending}
                            data-testid={`mark-present-${slug}`}
                          >
                            {t('attendance.markPresent')}
                            <span className="visually-hidden"> {where}</span>
                          </button>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => setProxyFor(row.seat.id)}
                            data-testid={`mark-proxy-${slug}`}
                          >
                            {t('attendance.markProxy')}
                            <span className="visually-hidden"> {where}</span>
                          </button>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => ownRight(row, mode, false)}
                            disabled={write.isPending}
                            data-testid={`mark-absent-${slug}`}
                          >
                            {t('attendance.markAbsent')}
                            <span className="visually-hidden"> {where}</span>
                          </button>
                        </div>
                      ) : record ? (
                        <div className="gov-row-actions">
                          {record.present && (
                            <ModeSelect
                              id={`mode-${slug}`}
                              value={record.mode}
                              onChange={(m) =>
                                write.mutate({
                                  op: 'patch',
                                  id: record.id,
                                  version: record.version,
                                  body: { mode: m },
                                })
                              }
                              label={t('attendance.modeFor', { name: where })}
                            />
                          )}
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() =>
                              write.mutate({
                                op: 'patch',
                                id: record.id,
                                version: record.version,
                                body: { present: !record.present },
                              })
                            }
                            disabled={write.isPending}
                            data-testid={`${record.present ? 'mark-absent' : 'mark-present'}-${slug}`}
                          >
                            {record.present
                              ? t('attendance.markAbsent')
                              : t('attendance.markPresent')}
                            <span className="visually-hidden"> {where}</span>
                          </button>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => write.mutate({ op: 'delete', id: record.id })}
                            disabled={write.isPending}
                            data-testid={`clear-attendance-${slug}`}
                          >
                            {t('attendance.clear')}
                            <span className="visually-hidden"> {where}</span>
                          </button>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollFrame>
      )}

      <section className="gov-advisers" aria-labelledby="advisers-title">
        <h3 id="advisers-title">{t('register.advisers')}</h3>
        {advisers.length > 0 && (
          <ul>
            {advisers.map((a) => (
              <li key={a.id}>
                {attendeeName(a, locale)} <span className="muted">({t(`modes.${a.mode}`)})</span>{' '}
                {editable && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => write.mutate({ op: 'delete', id: a.id })}
                    disabled={write.isPending}
                  >
                    {t('attendance.clear')}
                    <span className="visually-hidden"> {attendeeName(a, locale)}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {editable && (
          <form
            className="gov-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (!adviser.trim()) return;
              write.mutate(
                {
                  op: 'create',
                  body: {
                    name: adviser.trim(),
                    capacity: 'adviser',
                    mode: adviserMode,
                    present: true,
                  },
                },
                { onSuccess: () => setAdviser('') },
              );
            }}
          >
            <div className="field admin-field">
              <label htmlFor="adviser-name" className="field__label">
                {t('attendance.adviserName')}
              </label>
              <input
                id="adviser-name"
                value={adviser}
                maxLength={200}
                onChange={(e) => setAdviser(e.target.value)}
                data-testid="adviser-name"
              />
            </div>
            <div className="field admin-field">
              <ModeSelect
                id="adviser-mode"
                value={adviserMode}
                onChange={setAdviserMode}
                label={t('attendance.mode')}
              />
            </div>
            <button
              type="submit"
              className="button button--secondary button--small"
              disabled={!adviser.trim()}
            >
              {t('attendance.addAdviser')}
            </button>
          </form>
        )}
      </section>
    </div>
  );
}

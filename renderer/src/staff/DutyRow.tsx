// One officer on the duty screen: masked name, roles, on duty or away (until when), delegate, backup, load; with the
// controls the signed-in officer may use on this row (their own duty, absence and delegate; a community head or
// admin: anyone's, and the backup).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyChange, OfficerView } from '../api/approval-types';
import { OffMark, OnMark } from '../components/StatusMark';
import { formatCoreTime } from '../i18n/format-time';
import { hallInstant } from './hall-dates';
import { useRoleWords } from './use-console-words';

interface DutyRowProps {
  officer: OfficerView;
  officers: readonly OfficerView[];
  /** May change this row's duty, absence and delegate. */
  editable: boolean;
  /** May set this row's backup (community head or admin). */
  manager: boolean;
  busy: boolean;
  onChange: (change: DutyChange) => void;
}

export function DutyRow({ officer, officers, editable, manager, busy, onChange }: DutyRowProps) {
  const { t, i18n } = useTranslation(['common', 'staff']);
  const roles = useRoleWords();
  const [away, setAway] = useState('');
  const others = officers.filter((other) => other.staffNo !== officer.staffNo && other.active);
  const nameOf = (staffNo: string | null) => {
    if (staffNo === null) return t('staff:duty.nobody');
    const found = officers.find((other) => other.staffNo === staffNo);
    return found ? t('staff:duty.officerName', { name: found.maskedName, staffNo }) : staffNo;
  };
  const awayText = officer.awayUntil ? formatCoreTime(officer.awayUntil, i18n.language) : undefined;
  const set = (change: Omit<DutyChange, 'staffNo'>) => onChange({ staffNo: officer.staffNo, ...change });
  const picker = (testId: string, label: string, value: string | null, onPick: (staffNo: string | null) => void) => (
    <label className="duty-picker">
      <span className="visually-hidden">{label}</span>
      <select
        data-testid={testId}
        value={value ?? ''}
        disabled={busy}
        onChange={(event) => onPick(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{t('staff:duty.nobody')}</option>
        {others.map((other) => (
          <option key={other.staffNo} value={other.staffNo}>
            {t('staff:duty.officerName', { name: other.maskedName, staffNo: other.staffNo })}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <tr data-testid="duty-row" data-staff-no={officer.staffNo} data-on-duty={String(officer.onDuty)}>
      <th scope="row">{t('staff:duty.officerName', { name: officer.maskedName, staffNo: officer.staffNo })}</th>
      <td>{officer.roles.map((role) => roles[role]).join(t('staff:home.roleSeparator'))}</td>
      <td data-testid="duty-state">
        {officer.onDuty ? <OnMark /> : <OffMark />} {officer.onDuty ? t('staff:duty.onDuty') : t('staff:duty.offDuty')}
        {awayText ? ` · ${t('staff:duty.awayUntil', { date: awayText.date, time: awayText.time })}` : ''}
        {editable ? (
          <span className="duty-controls">
            <button
              type="button"
              className="button button-secondary button-small"
              data-testid={`duty-toggle-${officer.staffNo}`}
              disabled={busy}
              onClick={() => set({ onDuty: !officer.onDuty })}
            >
              {officer.onDuty ? t('staff:duty.goOff') : t('staff:duty.goOn')}
            </button>
            <label>
              <span className="visually-hidden">{t('staff:duty.awayLabel')}</span>
              <input
                type="datetime-local"
                data-testid={`duty-away-${officer.staffNo}`}
                value={away}
                onChange={(event) => setAway(event.target.value)}
              />
            </label>
            <button
              type="button"
              className="button button-secondary button-small"
              data-testid={`duty-away-set-${officer.staffNo}`}
              disabled={busy || hallInstant(away) === undefined}
              onClick={() => set({ awayUntil: hallInstant(away) ?? null })}
            >
              {t('staff:duty.setAway')}
            </button>
            {officer.awayUntil ? (
              <button
                type="button"
                className="button button-secondary button-small"
                data-testid={`duty-away-clear-${officer.staffNo}`}
                disabled={busy}
                onClick={() => set({ awayUntil: null })}
              >
                {t('staff:duty.back')}
              </button>
            ) : null}
          </span>
        ) : null}
      </td>
      <td data-testid="duty-delegate">
        {editable
          ? picker(`duty-delegate-${officer.staffNo}`, t('staff:duty.delegate'), officer.delegateTo, (staffNo) =>
              set({ delegateTo: staffNo }),
            )
          : nameOf(officer.delegateTo)}
      </td>
      <td data-testid="duty-backup">
        {manager
          ? picker(`duty-backup-${officer.staffNo}`, t('staff:duty.backup'), officer.backup, (staffNo) => set({ backup: staffNo }))
          : nameOf(officer.backup)}
      </td>
      <td data-testid="duty-load">{officer.load}</td>
    </tr>
  );
}

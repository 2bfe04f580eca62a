// Admin: enrol a new officer. The officer places their own ID card on the reader (its masked name is shown), the admin
// gives the staff number and roles; the officer chooses their PIN at their first card sign-in, never told to anyone.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { MaskedIdentity } from '../api/card-types';
import { useCardEvents } from '../api/use-card-events';
import type { Role } from '../api/staff-types';
import { useRoleWords } from './use-console-words';
import { ActionResult, type ActionOutcome } from './ActionResult';

const allRoles: readonly Role[] = ['officer', 'approver', 'community-head', 'admin'];

export function EnrolOfficerPanel({ kiosk, onEnrolled }: { kiosk: KioskApi; onEnrolled: () => void }) {
  const { t } = useTranslation(['common', 'staff']);
  const roleWords = useRoleWords();
  const id = useId();
  const [card, setCard] = useState<MaskedIdentity>();
  const [staffNo, setStaffNo] = useState('');
  const [roles, setRoles] = useState<Role[]>(['officer']);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionOutcome>();

  useCardEvents(kiosk, { onRead: (identity) => setCard(identity), onProblem: () => setCard(undefined) });

  const toggle = (role: Role) => setRoles((held) => (held.includes(role) ? held.filter((r) => r !== role) : [...held, role]));
  const ready = card !== undefined && /^\d{4,12}$/.test(staffNo) && roles.length > 0;

  const enrol = async () => {
    if (!card || !ready || busy) return;
    setBusy(true);
    const envelope = await kiosk.invoke('officers.add', { staffNo, roles, readId: card.readId });
    setBusy(false);
    if (envelope.ok) {
      setResult({ kind: 'done', text: t('staff:duty.enrol.done', { name: envelope.value.maskedName }) });
      setCard(undefined);
      setStaffNo('');
      onEnrolled();
    } else {
      setResult({ kind: 'error', error: envelope.error });
    }
  };

  return (
    <section className="console-panel" data-testid="enrol-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('staff:duty.enrol.heading')}</h2>
      <p data-testid="enrol-card" data-read={String(card !== undefined)}>
        {card ? t('staff:duty.enrol.cardRead', { name: card.maskedName ?? card.maskedNumber }) : t('staff:duty.enrol.tapCard')}
      </p>
      <label className="console-field" htmlFor={`${id}-staff-no`}>
        {t('staff:duty.enrol.staffNo')}
        <input
          id={`${id}-staff-no`}
          data-testid="enrol-staff-no"
          inputMode="numeric"
          autoComplete="off"
          value={staffNo}
          onChange={(event) => setStaffNo(event.target.value.replace(/\D/g, '').slice(0, 12))}
        />
      </label>
      <fieldset className="console-choices">
        <legend>{t('staff:duty.enrol.roles')}</legend>
        {allRoles.map((role) => (
          <label key={role}>
            <input type="checkbox" data-testid={`enrol-role-${role}`} checked={roles.includes(role)} onChange={() => toggle(role)} />{' '}
            {roleWords[role]}
          </label>
        ))}
      </fieldset>
      <p className="console-hint">{t('staff:duty.enrol.pinHint')}</p>
      <button
        type="button"
        className="button button-secondary"
        data-testid="enrol-submit"
        disabled={!ready || busy}
        onClick={() => void enrol()}
      >
        {t('staff:duty.enrol.submit')}
      </button>
      <ActionResult outcome={result} testId="enrol-result" />
    </section>
  );
}

// Trainer panel (demo mode only): the demo officer's sign-in, tap a synthetic demo card on the emulated reader, lift it,
// make the reader fail, or take the demo province off the network and back.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { Envelope, ErrorData } from '../../../electron/ipc/envelope.js';
import { readerFaults, type DemoCard, type ReaderFault } from '../api/card-types';
import type { StaffSignIn } from '../api/staff-types';
import { useSyncStatus } from '../api/use-sync-status';
import { SyncStatusLine } from '../components/SyncStatusLine';
import { errorMessage } from '../i18n/error-message';

interface TrainerPanelProps {
  kiosk: KioskApi;
  onClose: () => void;
}

export function TrainerPanel({ kiosk, onClose }: TrainerPanelProps) {
  const { t } = useTranslation(['common', 'trainer']);
  const headingId = useId();
  const closeButton = useRef<HTMLButtonElement>(null);
  const [cards, setCards] = useState<readonly DemoCard[]>();
  const [error, setError] = useState<ErrorData>();
  const [fault, setFault] = useState<ReaderFault>();
  const [staff, setStaff] = useState<StaffSignIn>();
  const [provinceOnline, setProvinceOnline] = useState<boolean>();
  const sync = useSyncStatus(kiosk);
  // Written out key by key so every key stays greppable and checked by the locale test.
  const faultNames: Record<ReaderFault, string> = {
    none: t('trainer:faults.none'),
    'no-card': t('trainer:faults.no-card'),
    'remove-mid-read': t('trainer:faults.remove-mid-read'),
    'corrupt-frames': t('trainer:faults.corrupt-frames'),
    silence: t('trainer:faults.silence'),
    disconnect: t('trainer:faults.disconnect'),
    'sam-fault': t('trainer:faults.sam-fault'),
  };

  useEffect(() => {
    closeButton.current?.focus();
    let current = true;
    void kiosk.invoke('demo.cards', {}).then((envelope) => {
      if (!current) return;
      if (envelope.ok) setCards(envelope.value);
      else setError(envelope.error);
    });
    void kiosk.invoke('demo.staff', {}).then((envelope) => {
      if (!current) return;
      if (envelope.ok) setStaff(envelope.value);
      else setError(envelope.error);
    });
    return () => {
      current = false;
    };
  }, [kiosk]);

  /** Every trainer action answers only ok or an error; an error stays on the panel so the trainer sees it. */
  const run = async (call: () => Promise<Envelope<unknown>>, onOk?: () => void) => {
    const envelope = await call();
    if (envelope.ok) {
      setError(undefined);
      onOk?.();
    } else setError(envelope.error);
  };

  const tapCard = (cardId: string) => void run(() => kiosk.invoke('demo.tapCard', { cardId }));
  const removeCard = () => void run(() => kiosk.invoke('demo.removeCard', {}));
  const setReaderFault = (name: ReaderFault) =>
    void run(
      () => kiosk.invoke('demo.fault', { fault: name }),
      () => setFault(name),
    );
  const setProvince = (online: boolean) =>
    void run(
      () => kiosk.invoke('demo.province', { online }),
      () => setProvinceOnline(online),
    );

  return (
    <div className="trainer-backdrop">
      <div
        className="trainer-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        data-testid="trainer-panel"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <div className="trainer-top">
          <h2 id={headingId}>{t('trainer:heading')}</h2>
          <button
            ref={closeButton}
            type="button"
            className="button button-secondary button-small"
            data-testid="trainer-close"
            onClick={onClose}
          >
            {t('trainer:close')}
          </button>
        </div>
        <p>{t('trainer:intro')}</p>
        {error ? (
          <p className="trainer-error" role="alert" data-testid="trainer-error">
            {errorMessage(t, error)}
          </p>
        ) : null}
        {staff ? (
          <>
            <h3>{t('trainer:staffHeading')}</h3>
            <p className="trainer-staff" data-testid="trainer-staff" data-staff-no={staff.staffNo} data-pin={staff.pin}>
              {t('trainer:staffAccount', { staffNo: staff.staffNo, pin: staff.pin })}
            </p>
          </>
        ) : null}
        <h3>{t('trainer:cardsHeading')}</h3>
        {cards === undefined ? (
          <p>{t('trainer:loading')}</p>
        ) : (
          <ul className="trainer-list">
            {cards.map((card) => (
              <TrainerCard key={card.id} card={card} onTap={() => tapCard(card.id)} />
            ))}
          </ul>
        )}
        <button type="button" className="button button-secondary button-small" data-testid="trainer-remove" onClick={removeCard}>
          {t('trainer:remove')}
        </button>
        <h3>{t('trainer:faultsHeading')}</h3>
        <div className="trainer-faults">
          {readerFaults.map((name) => (
            <button
              key={name}
              type="button"
              className="button button-secondary button-small"
              aria-pressed={fault === name}
              data-testid={`trainer-fault-${name}`}
              onClick={() => setReaderFault(name)}
            >
              {faultNames[name]}
            </button>
          ))}
        </div>
        {/* Confirms the fault is set before the trainer taps a card (and lets tests wait for it). */}
        <p role="status" data-testid="trainer-fault-status">
          {fault ? t('trainer:faultSet', { fault: faultNames[fault] }) : null}
        </p>
        <h3>{t('trainer:provinceHeading')}</h3>
        <p>{t('trainer:provinceIntro')}</p>
        <div className="trainer-faults">
          <button
            type="button"
            className="button button-secondary button-small"
            aria-pressed={provinceOnline === false}
            data-testid="trainer-province-offline"
            onClick={() => setProvince(false)}
          >
            {t('trainer:provinceOffline')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-pressed={provinceOnline === true}
            data-testid="trainer-province-online"
            onClick={() => setProvince(true)}
          >
            {t('trainer:provinceOnline')}
          </button>
        </div>
        <SyncStatusLine state={sync} />
      </div>
    </div>
  );
}

function TrainerCard({ card, onTap }: { card: DemoCard; onTap: () => void }) {
  const { t } = useTranslation(['common', 'trainer']);
  const labelId = useId();
  return (
    <li className="trainer-card">
      <span id={labelId}>{card.label}</span>
      {/* Described by the card's label, so each "Tap card" says which card it taps. */}
      <button
        type="button"
        className="button button-primary button-small"
        aria-describedby={labelId}
        data-testid={`trainer-card-${card.id}`}
        onClick={onTap}
      >
        {t('trainer:tapCard')}
      </button>
    </li>
  );
}

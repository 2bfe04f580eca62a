// The checkpoint (staff): a keyboard-wedge scanner reads a paper code, core verifies it offline, the answer shows large.
// A card tapped here is the holder's card for the code on screen or the next one scanned, never a resident session.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import type { MaskedIdentity } from '../api/card-types';
import type { SignedInOfficer } from '../api/staff-types';
import { useCardEvents } from '../api/use-card-events';
import type { PrinterStatus } from '../api/use-printer-status';
import type { SyncState } from '../api/use-sync-status';
import { BackHomeButtons } from '../components/BackHomeButtons';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';
import { PendingMark, WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';
import { StaffStrip } from '../staff/StaffStrip';
import { CheckResult } from './CheckResult';
import { HolderCardPanel, type CardNote } from './HolderCardPanel';
import { useCodeScanner } from './use-code-scanner';
import type { CheckpointResult } from './verify-types';
import './verify.css';

interface CheckpointScreenProps {
  info: FrameInfo;
  kiosk: KioskApi;
  officer: SignedInOfficer;
  sync: SyncState | undefined;
  printer: PrinterStatus | undefined;
  onBack: () => void;
  onHome: () => void;
  onSignOut: () => void;
}

/** What the result area shows: nothing yet, a check under way, core's answer, or a call that failed. */
type View = { kind: 'waiting' } | { kind: 'checking' } | { kind: 'result'; result: CheckpointResult } | { kind: 'error'; error: ErrorData };

/** The tapped card, and the code text it was last checked with (null: not used yet). */
interface Holder {
  identity: MaskedIdentity;
  usedFor: string | null;
}

/** A scan that was not Base45 at all: what core would answer for it, without sending it. */
const notACode: CheckpointResult = { valid: false, reason: 'format' };

export function CheckpointScreen({ info, kiosk, officer, sync, printer, onBack, onHome, onSignOut }: CheckpointScreenProps) {
  const { t } = useTranslation(['common', 'verify']);
  const [view, setView] = useState<View>({ kind: 'waiting' });
  const [holder, setHolder] = useState<Holder>();
  const [cardNote, setCardNote] = useState<CardNote>();
  /** The code on screen and whether a card was checked with it: a card tapped after a card-less check re-checks it. */
  const scanned = useRef<{ text: string; withCard: boolean } | null>(null);
  /** Only the newest request's answer is shown: a slow answer must not replace a newer scan's. */
  const latest = useRef(0);
  const scope = useRef<HTMLDivElement>(null);

  // Leaving the checkpoint: core forgets the tapped card too (home does this anyway; Back would not).
  useEffect(() => () => void kiosk.invoke('identity.clear', {}), [kiosk]);

  const check = async (text: string, card: MaskedIdentity | undefined) => {
    const request = ++latest.current;
    scanned.current = { text, withCard: card !== undefined };
    setView({ kind: 'checking' });
    if (card) setHolder({ identity: card, usedFor: text });
    const envelope = await kiosk.invoke('code.verify', card ? { text, readId: card.readId } : { text });
    if (request !== latest.current) return;
    if (envelope.ok) setView({ kind: 'result', result: envelope.value });
    else if (card && envelope.error.code === 'not-found') {
      // Core no longer holds that card (a newer tap elsewhere, or cleared): say so, and check the code on its own.
      setHolder(undefined);
      setCardNote('gone');
      await check(text, undefined);
    } else setView({ kind: 'error', error: envelope.error });
  };

  useCodeScanner({
    enabled: true,
    scope,
    onScan: (text) => {
      // A card already used for another code belonged to the person before: it must not judge this one.
      const card = holder && (holder.usedFor === null || holder.usedFor === text) ? holder.identity : undefined;
      if (!card) setHolder(undefined);
      void check(text, card);
    },
    onForeign: () => {
      latest.current += 1;
      scanned.current = null;
      setView({ kind: 'result', result: notACode });
    },
  });

  useCardEvents(kiosk, {
    onRead: (identity) => {
      setCardNote(undefined);
      setHolder({ identity, usedFor: null });
      // Tapped after a scan checked without a card: that code is checked again, now against this card. After a check
      // that had a card, the tap is for the next code. (A wrong pairing can only ever show "mismatch", never "match".)
      if (scanned.current !== null && !scanned.current.withCard) void check(scanned.current.text, identity);
    },
    onProblem: () => setCardNote('problem'),
  });

  const clearCard = () => {
    setHolder(undefined);
    setCardNote(undefined);
    void kiosk.invoke('identity.clear', {});
  };

  return (
    <div ref={scope} className="idle-scope">
      <ScreenFrame
        testId="staff-checkpoint"
        info={info}
        status={<StaffStrip officer={officer} sync={sync} printer={printer} onSignOut={onSignOut} />}
        data={{ 'data-view': view.kind }}
        footer={<BackHomeButtons onBack={onBack} onHome={onHome} />}
      >
        <h1>{t('verify:heading')}</h1>
        <p className="lead">{t('verify:intro')}</p>
        <HolderCardPanel identity={holder?.identity} note={cardNote} onClear={clearCard} />
        <div className="verify-area" aria-live="polite">
          {view.kind === 'waiting' ? (
            <p className="verify-waiting" data-testid="verify-waiting">
              <PendingMark /> {t('verify:waiting')}
            </p>
          ) : view.kind === 'checking' ? (
            <p className="verify-waiting" data-testid="verify-checking">
              <PendingMark /> {t('verify:checking')}
            </p>
          ) : view.kind === 'result' ? (
            <CheckResult result={view.result} />
          ) : (
            <p className="lead" role="alert" data-testid="verify-error">
              <WarningMark /> {t('verify:result.error', { message: errorMessage(t, view.error) })}
            </p>
          )}
        </div>
      </ScreenFrame>
    </div>
  );
}

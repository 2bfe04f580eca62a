// Staff types a document number by hand (digits, X, letters for 2017 foreign cards), sees it large in 6-8-4 groups,
// and Check asks core: a refused number stays for correction with the reason in words; a valid one goes to the resident.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import type { MaskedIdentity, RejectReason } from '../api/card-types';
import { manualMaxLength, type SignedInOfficer } from '../api/staff-types';
import type { PrinterStatus } from '../api/use-printer-status';
import type { SyncState } from '../api/use-sync-status';
import { BackHomeButtons } from '../components/BackHomeButtons';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';
import { WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';
import { useRejectReasons } from '../kiosk/use-reject-reasons';
import { EntryDisplay, entryModes } from './EntryDisplay';
import { Keypad } from './Keypad';
import { StaffStrip } from './StaffStrip';
import { useKeyEntry } from './use-key-entry';

interface ManualEntryScreenProps {
  info: FrameInfo;
  kiosk: KioskApi;
  officer: SignedInOfficer;
  sync: SyncState | undefined;
  printer: PrinterStatus | undefined;
  onValid: (identity: MaskedIdentity) => void;
  onBack: () => void;
  onHome: () => void;
  onSignOut: () => void;
}

type Problem = { kind: 'empty' } | { kind: 'reason'; reason: RejectReason } | { kind: 'error'; error: ErrorData };

/** The check character of an 18-character number, on its own key beside 0. */
const checkCharacter = 'X';

/** Letters and digits, upper-cased (a typed "x" is the check character X). */
const documentCharacter = (key: string) => (/^[0-9A-Za-z]$/.test(key) ? key.toUpperCase() : undefined);

export function ManualEntryScreen({ info, kiosk, officer, sync, printer, onValid, onBack, onHome, onSignOut }: ManualEntryScreenProps) {
  const { t } = useTranslation(['common', 'staff', 'identity']);
  const reasons = useRejectReasons();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const scope = useRef<HTMLDivElement>(null);
  const labelId = useId();

  const input = (character: string) => setTyped((value) => (value.length < manualMaxLength ? value + character : value));
  const backspace = () => setTyped((value) => value.slice(0, -1));
  const clear = () => {
    setTyped('');
    setProblem(undefined);
  };

  const check = async () => {
    if (busy) return;
    if (typed === '') {
      setProblem({ kind: 'empty' });
      return;
    }
    setBusy(true);
    const envelope = await kiosk.invoke('identity.manual', { typed });
    setBusy(false);
    if (!envelope.ok) setProblem({ kind: 'error', error: envelope.error });
    else if (envelope.value.valid) onValid(envelope.value.identity);
    // Refused: the number stays on screen, so one wrong character is corrected, not everything typed again.
    else setProblem({ kind: 'reason', reason: envelope.value.reason });
  };

  useKeyEntry({ scope, accept: documentCharacter, onInput: input, onBackspace: backspace, onClear: clear, onEnter: () => void check() });

  const lines =
    problem === undefined
      ? []
      : problem.kind === 'empty'
        ? [t('staff:manual.typeFirst')]
        : problem.kind === 'reason'
          ? [reasons[problem.reason], t('staff:manual.fix')]
          : [errorMessage(t, problem.error)];

  return (
    <div ref={scope} className="idle-scope">
      <ScreenFrame
        testId="staff-manual-entry"
        info={info}
        status={<StaffStrip officer={officer} sync={sync} printer={printer} onSignOut={onSignOut} />}
        data={{ 'data-reason': problem?.kind === 'reason' ? problem.reason : undefined }}
        footer={<BackHomeButtons onBack={onBack} onHome={onHome} />}
      >
        <h1>{t('staff:manual.heading')}</h1>
        <p className="lead">{t('staff:manual.intro')}</p>
        <div className="entry-field">
          <p id={labelId} className="entry-label">
            {t('staff:manual.number')}
          </p>
          <EntryDisplay labelId={labelId} value={typed} mode={entryModes.grouped} testId="manual-display" />
          <p className="entry-count" data-testid="manual-count">
            {t('staff:manual.length', { count: typed.length })}
          </p>
        </div>
        <div className="entry-problem" role="alert" data-testid="manual-problem">
          {lines.map((line, index) => (
            <p key={line}>
              {index === 0 ? <WarningMark /> : null} {line}
            </p>
          ))}
        </div>
        <Keypad onInput={input} onBackspace={backspace} onClear={clear} extraKey={checkCharacter} withLetters />
        <div className="actions">
          <button type="button" className="button button-primary button-huge" data-testid="manual-check" onClick={() => void check()}>
            {busy ? t('staff:manual.checking') : t('staff:manual.check')}
          </button>
        </div>
      </ScreenFrame>
    </div>
  );
}

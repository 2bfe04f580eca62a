// Wraps a screen with the idle guard (WCAG 2.2.1): while the warning shows, the screen underneath is inert and covered.
import type { ReactNode } from 'react';
import type { AppInfo } from '../../../electron/ipc/contract.js';
import { IdleWarning } from './IdleWarning';
import { useIdleTimer } from './use-idle-timer';

interface IdleGuardProps {
  enabled: boolean;
  idle: AppInfo['idle'];
  /** The countdown reached zero: end the session. */
  onExpire: () => void;
  children: ReactNode;
}

export function IdleGuard({ enabled, idle, onExpire, children }: IdleGuardProps) {
  const { warning, secondsLeft, moreTime } = useIdleTimer({
    enabled,
    timeoutMs: idle.timeoutSeconds * 1000,
    warningMs: idle.warningSeconds * 1000,
    onExpire,
  });
  return (
    <>
      <div className="idle-scope" inert={warning}>
        {children}
      </div>
      {warning ? <IdleWarning secondsLeft={secondsLeft} onMoreTime={moreTime} /> : null}
    </>
  );
}

// The status line after a staff action: what was done, or core's refusal in words — with a mark, never colour alone.
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import { DoneMark, WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';

/** `done`: the sentence to show; `error`: the refusal core answered. */
export type ActionOutcome = { kind: 'done'; text: string } | { kind: 'error'; error: ErrorData };

export function ActionResult({ outcome, testId }: { outcome: ActionOutcome | undefined; testId: string }) {
  const { t } = useTranslation(['common']);
  return (
    <p role="status" data-testid={testId}>
      {outcome?.kind === 'done' ? (
        <>
          <DoneMark /> {outcome.text}
        </>
      ) : outcome?.kind === 'error' ? (
        <>
          <WarningMark /> {errorMessage(t, outcome.error)}
        </>
      ) : null}
    </p>
  );
}

// A calm full screen for "not yet" and "cannot": loading, no token, start-up errors. Never a dead end: it says what to do.
import type { ReactNode } from 'react';
import { ScreenFrame } from './ScreenFrame';

interface MessageScreenProps {
  testId: string;
  heading: string;
  lines: readonly string[];
  action?: ReactNode;
}

export function MessageScreen({ testId, heading, lines, action }: MessageScreenProps) {
  return (
    <ScreenFrame testId={testId}>
      <h1>{heading}</h1>
      {lines.map((line) => (
        <p key={line} className="lead">
          {line}
        </p>
      ))}
      {action ? <div className="actions">{action}</div> : null}
    </ScreenFrame>
  );
}

// The shape beside an SLA level's words (colour is extra, never alone): ● on time, ▲ past 50%, ■ past 90%, ✖ overdue.
import type { SlaLevel } from '../api/approval-types';

/** Shapes are not words: the same in every language. */
const glyphs: Record<SlaLevel, string> = { ok: '●', yellow: '▲', red: '■', overdue: '✖' };

export function SlaLevelMark({ level }: { level: SlaLevel }) {
  return (
    <span className={`status-mark sla-mark sla-mark-${level}`} aria-hidden="true" data-testid="sla-mark">
      {glyphs[level]}
    </span>
  );
}

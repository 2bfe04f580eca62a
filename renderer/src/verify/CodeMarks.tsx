// Shapes for what a scanned code says (UX.md: a word plus a shape, never colour alone), the same shapes the slip prints
// beside its status word (electron/core/printing/slip.ts statusShapes), so the checker can hold the paper to the screen.
import type { CodeStatus } from './verify-types';

/** Shapes are not words: the same in every language, so they live here rather than in the locale files. */
const statusGlyphs: Record<CodeStatus, string> = { GREEN: '●', YELLOW: '▲', RED: '■', PENDING: '◇' };
const refusedGlyph = '✕';

function Mark({ glyph }: { glyph: string }) {
  return (
    <span className="status-mark" aria-hidden="true">
      {glyph}
    </span>
  );
}

/** The shape of a code status, as printed on the slip. */
export const CodeStatusMark = ({ status }: { status: CodeStatus }) => <Mark glyph={statusGlyphs[status]} />;
/** Not accepted: a cross, unlike any status shape. */
export const RefusedMark = () => <Mark glyph={refusedGlyph} />;

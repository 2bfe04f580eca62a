// The shapes that go with status words (UX.md: a word plus a shape, colour never alone). Decorative: the words beside
// them say the same, so screen readers skip them. One component per shape keeps code values out of JSX attributes.

/** Shapes are not words: the same in every language, so they live here rather than in the locale files. */
const glyphs = { warning: '▲', pending: '◌', done: '✓', on: '●', off: '■' } as const;

function Mark({ glyph }: { glyph: string }) {
  return (
    <span className="status-mark" aria-hidden="true">
      {glyph}
    </span>
  );
}

/** Something is wrong or needs a person. */
export const WarningMark = () => <Mark glyph={glyphs.warning} />;
/** In progress, waiting. */
export const PendingMark = () => <Mark glyph={glyphs.pending} />;
/** Done. */
export const DoneMark = () => <Mark glyph={glyphs.done} />;
/** Working as it should (a link that is up). */
export const OnMark = () => <Mark glyph={glyphs.on} />;
/** Stopped (a link that is down). */
export const OffMark = () => <Mark glyph={glyphs.off} />;

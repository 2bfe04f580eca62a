// What has been typed on a keypad, shown large: digits as they are, a PIN as dots (with the count for screen readers),
// or a document number in 6-8-4 groups for checking against the card.
import { useTranslation } from 'react-i18next';

/** How to show what was typed: as is, as dots (a PIN), or in 6-8-4 groups (a document number). */
export type EntryMode = 'plain' | 'secret' | 'grouped';
export const entryModes = { plain: 'plain', secret: 'secret', grouped: 'grouped' } as const satisfies Record<EntryMode, EntryMode>;

interface EntryDisplayProps {
  labelId: string;
  value: string;
  mode: EntryMode;
  testId: string;
}

/** A dot per PIN digit: a shape, the same in every language. */
const pinDot = '●';

/** 110105 19491231 002X: region, birth date, sequence + check character, the way the number is read aloud. */
export function groupDocumentNumber(value: string): string[] {
  return [value.slice(0, 6), value.slice(6, 14), value.slice(14)].filter((group) => group !== '');
}

export function EntryDisplay({ labelId, value, mode, testId }: EntryDisplayProps) {
  const { t } = useTranslation(['common', 'staff']);
  if (mode === 'secret') {
    return (
      <output className="entry-display entry-secret" aria-labelledby={labelId} data-testid={testId} data-length={value.length}>
        <span aria-hidden="true">{pinDot.repeat(value.length)}</span>
        <span className="visually-hidden">{t('staff:signIn.pinCount', { count: value.length })}</span>
      </output>
    );
  }
  return (
    <output className="entry-display" aria-labelledby={labelId} data-testid={testId}>
      {value === '' ? (
        <span className="entry-empty">{t('staff:manual.empty')}</span>
      ) : mode === 'grouped' ? (
        groupDocumentNumber(value).map((group, index) => (
          // Groups are positional: the index is their identity.
          <span key={index} className="entry-group">
            {group}
          </span>
        ))
      ) : (
        value
      )}
    </output>
  );
}

// Print-column arithmetic for a printer in Chinese mode, and the one filter every printed string passes through.

/** Printable ASCII prints one column (12 dots); in Chinese mode every other character prints two (24 dots). */
export function printColumns(text: string): number {
  let columns = 0;
  for (const c of text) columns += isPrintableAscii(c) ? 1 : 2;
  return columns;
}

export function isPrintableAscii(c: string): boolean {
  const code = c.charCodeAt(0);
  return c.length === 1 && code >= 0x20 && code <= 0x7e;
}

/**
 * Control (C0, DEL, C1), format (bidi controls, zero-width characters, BOM, soft hyphen, tags), lone surrogates and
 * line or paragraph separators. Control bytes would reach the printer as commands (a name with "\x1b@" would reset
 * it); bidi controls would reorder a line on the preview; a line break inside a name could forge a line of its own.
 */
const unprintable = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
/** Spaces other than the ideographic space (a CJK character in its own right) print as an ASCII space. */
const otherSpaces = /[^\P{Zs} \u3000]/gu;

/**
 * The text as the printer should see it: composed (NFC, so "e" + combining acute is one character, as the printer
 * prints it), with unprintable characters dropped and exotic spaces made ASCII spaces.
 */
export function printableText(text: string): string {
  return text.normalize('NFC').replace(unprintable, '').replace(otherSpaces, ' ');
}

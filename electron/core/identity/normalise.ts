// What an operator or a keyboard-wedge reader typed, brought to the one form document numbers are checked and stored in.

/**
 * Removes all whitespace (also inner and ideographic spaces, as people group digits and IMEs insert U+3000), turns
 * full-width digits and Latin letters into ASCII (Chinese IMEs in full-width mode type ０-９ and Ｘ), and upper-cases
 * Latin letters (a lowercase x check char, lowercase 2017-card nationality letters). Nothing else is touched, so a
 * stray hyphen or Chinese character is still there for the charset check to name.
 */
export function normaliseDocumentNumber(input: string): string {
  return input
    .replace(/\s+/gu, '')
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[a-z]/g, (c) => c.toUpperCase());
}

// `id-check <number> [--json]`: tells an operator whether a document number is valid, and what it says or why not.
import { systemClock, type Clock } from '../../core/clock.js';
import { parseDocumentNumber } from '../../core/identity/document-number.js';
import { regionName } from '../../core/identity/regions.js';
import type { DocumentType, RejectReason } from '../../core/identity/schema.js';
import { oneArgument, report, type Command } from '../command.js';

const typeWords: Record<DocumentType, string> = {
  resident: 'resident ID (居民身份证)',
  'resident-legacy': 'legacy 15-digit resident ID (一代身份证号), upgraded to 18',
  'foreign-permanent': 'foreign permanent resident ID (外国人永久居留身份证)',
  'hmt-permit': 'Hong Kong / Macao / Taiwan residence permit (港澳台居民居住证)',
};

const reasonWords: Record<RejectReason, string> = {
  length: 'no document number has this many characters (18, or 15 for old IDs and 2017 foreign cards)',
  charset: 'it contains a character that cannot be in a document number at that place',
  'check-digit': 'the check character does not match: a character was mistyped or swapped',
  'birth-date': 'the birth date is impossible, before 1900, or in the future',
  region: 'the region code is not a known province',
  type: 'the characters fit no document type',
};

/** The clock is injected (house rule 3); the registered command reads the system clock. */
export function idCheckCommand(clock: Clock): Command {
  return {
    name: 'id-check',
    usage: 'id-check <number> [--json]',
    summary: 'check a document number (resident ID, permit, foreign card) and show what it encodes',
    run(args, io) {
      // One argument: a number typed with spaces must be quoted, else its parts arrive as extra arguments.
      const { value: input, json } = oneArgument(args, 'give one document number (quote it if it has spaces)');
      const parsed = parseDocumentNumber(input, clock.now());
      if (!parsed.valid) {
        report(io, json, parsed, [`invalid (${parsed.reason}): ${reasonWords[parsed.reason]}`]);
        return 0;
      }
      const place = regionName(parsed.region);
      // The operator typed the number, so it is shown in full (canonical form), not masked.
      report(io, json, parsed, [
        `valid: ${typeWords[parsed.type]}`,
        `number: ${parsed.canonical}`,
        `birth date: ${parsed.birthDate}`,
        `sex: ${parsed.sex === null ? 'not encoded in this number' : parsed.sex === 'M' ? 'male' : 'female'}`,
        `region: ${parsed.region}${place ? ` (${place.zh} ${place.en})` : ''}`,
      ]);
      return 0;
    },
  };
}

export const idCheck = idCheckCommand(systemClock);

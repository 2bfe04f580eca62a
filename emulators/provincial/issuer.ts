// The emulated province as code issuer: its Ed25519 key (made once, kept in the SQLite file), signing, trust list, verify.
import { createHash } from 'node:crypto';
import type { RandomSource } from '../../electron/core/clock.js';
import { holderTag } from '../../electron/core/codes/holder.js';
import { issuerKeyFromSeed, trustedKey, type IssuerKey } from '../../electron/core/codes/keys.js';
import { minutesOf, newCodeId } from '../../electron/core/codes/payload.js';
import type { PaperStatus, TrustList } from '../../electron/core/codes/schema.js';
import { signCode } from '../../electron/core/codes/sign.js';
import { verifyCode } from '../../electron/core/codes/verify.js';
import type { ProvincialStore } from './store.js';

export const ISSUER_NAME = 'Shandong health-code service (emulator)';
/**
 * The key's validFrom. Fixed and early rather than "first start": demos and tests move the emulator's clock to any
 * date (often back to the spring 2020 timeline of DOMAIN.md §2), and a code signed before validFrom would not verify.
 */
const KEY_VALID_FROM = new Date('2020-01-01T00:00:00Z');

export interface IssueInput {
  status: PaperStatus;
  idNumber: string;
  proxy: boolean;
  hallId: string;
  statusAsOf: Date;
  now: Date;
  validUntil: Date;
}

export interface Issued {
  code: { codeText: string; codeId: string; validUntil: string };
  revocationHash: string;
}

/**
 * The payload carries the hall as a u32 (its number in the province's hall register). The API's hallId is a string:
 * a decimal one is used as is, anything else is mapped to the first 4 bytes of its SHA-256 (stable, not reversible).
 */
export function hallNumber(hallId: string): number {
  if (/^\d{1,10}$/.test(hallId) && Number(hallId) <= 0xffff_ffff) return Number(hallId);
  return createHash('sha256').update(hallId, 'utf8').digest().readUInt32BE(0);
}

export function createIssuer(store: ProvincialStore, random: RandomSource) {
  // The seed is kept (not the KeyObject) so a restart signs with the same key and old codes keep verifying.
  let seed = store.meta('issuer-seed');
  if (seed === undefined) {
    seed = Buffer.from(random.bytes(32)).toString('base64');
    store.setMeta('issuer-seed', seed);
  }
  const key: IssuerKey = issuerKeyFromSeed(Buffer.from(seed, 'base64'));

  const trustList = (now: Date): TrustList => ({
    issuer: ISSUER_NAME,
    keys: [trustedKey(key, KEY_VALID_FROM, null)],
    updatedAt: now.toISOString(),
  });

  return {
    kid: key.kid,
    trustList,
    issue(input: IssueInput): Issued {
      const codeId = newCodeId(random);
      const issuedAt = minutesOf(input.now);
      const validUntil = Math.max(minutesOf(input.validUntil), issuedAt);
      const signed = signCode(
        {
          codeId,
          status: input.status,
          issuedAt,
          statusAsOf: Math.min(minutesOf(input.statusAsOf), issuedAt),
          validUntil,
          holderTag: holderTag(codeId, input.idNumber),
          proxy: input.proxy,
          hallId: hallNumber(input.hallId),
        },
        key,
      );
      return {
        code: { codeText: signed.text, codeId, validUntil: new Date(validUntil * 60_000).toISOString() },
        revocationHash: signed.revocationHash,
      };
    },
    verify(codeText: string, now: Date) {
      const revoked = new Set(store.revocations().map((r) => r.hash));
      const result = verifyCode(codeText, { trustList: trustList(now), revokedHashes: revoked, now });
      return result.ok
        ? { valid: true, status: result.fields.status, reason: null }
        : { valid: false, status: null, reason: result.reason };
    },
  };
}
export type Issuer = ReturnType<typeof createIssuer>;

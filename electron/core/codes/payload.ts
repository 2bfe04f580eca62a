// The paper code's payload: version 1 is 39 bytes, big-endian, fixed layout (docs/paper-code.md), signed by the issuer.
import type { RandomSource } from '../clock.js';
import type { PaperStatus } from './schema.js';

export const PAYLOAD_VERSION = 1;
export const PAYLOAD_LENGTH = 39;

/** Byte values of the status; 0 is left unused so a zero-filled payload is refused rather than read as a status. */
const statusBytes: Record<PaperStatus, number> = { PENDING: 1, GREEN: 2, YELLOW: 3, RED: 4 };
const statusOfByte = new Map(Object.entries(statusBytes).map(([status, byte]) => [byte, status as PaperStatus]));

const FLAG_PROXY = 0b0000_0001;
const U32_MAX = 0xffff_ffff;

export interface CodeFields {
  /** Issuer key id: first 4 bytes of SHA-256 over the raw 32-byte public key, 8 lowercase hex digits. */
  kid: string;
  /** 8 random bytes, 16 lowercase hex digits; printed under the QR as `humanCodeId(codeId)`. */
  codeId: string;
  status: PaperStatus;
  /** Minutes since the Unix epoch (UTC), as all three times: when the code was signed. */
  issuedAt: number;
  /** When the province last confirmed the status; never after issuedAt. */
  statusAsOf: number;
  /** The code is expired when now is later than this instant; never before issuedAt. */
  validUntil: number;
  /** `holderTag(codeId, idNumber)`: 16 lowercase hex digits. */
  holderTag: string;
  /** Issued on someone else's behalf (family, staff or batch proxy). */
  proxy: boolean;
  /** The issuing hall's number in the province's hall register, 0 … 4 294 967 295. */
  hallId: number;
}

export type PayloadError = 'short' | 'version' | 'field';
/** `field` names what was wrong: an unknown status byte, reserved flag bits set, times out of order, trailing bytes. */
export type PayloadField = 'status' | 'flags' | 'statusAsOf' | 'validUntil' | 'length';
export type DecodedPayload = { ok: true; fields: CodeFields } | { ok: false; error: PayloadError; field?: PayloadField };

export const minutesOf = (date: Date): number => Math.floor(date.getTime() / 60_000);
export const dateOfMinutes = (minutes: number): Date => new Date(minutes * 60_000);

/** A fresh code id from the injected random source (house rule 3). */
export const newCodeId = (random: RandomSource): string => Buffer.from(random.bytes(8)).toString('hex');

const isHex = (value: unknown, digits: number) => typeof value === 'string' && value.length === digits && /^[0-9a-f]*$/.test(value);
const isU32 = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= U32_MAX;

/** The first field that cannot be encoded, or null. */
function fieldProblem(f: CodeFields): keyof CodeFields | null {
  if (!isHex(f.kid, 8)) return 'kid';
  if (!isHex(f.codeId, 16)) return 'codeId';
  if (!(f.status in statusBytes)) return 'status';
  if (!isU32(f.issuedAt)) return 'issuedAt';
  if (!isU32(f.statusAsOf) || f.statusAsOf > f.issuedAt) return 'statusAsOf';
  if (!isU32(f.validUntil) || f.validUntil < f.issuedAt) return 'validUntil';
  if (!isHex(f.holderTag, 16)) return 'holderTag';
  if (typeof f.proxy !== 'boolean') return 'proxy';
  if (!isU32(f.hallId)) return 'hallId';
  return null;
}

/** Fields → the 39 payload bytes. Throws RangeError naming the field when one cannot be encoded (a caller's bug). */
export function encodePayload(fields: CodeFields): Uint8Array {
  const problem = fieldProblem(fields);
  if (problem !== null) throw new RangeError(`paper code field out of range: ${problem}`);
  const bytes = new Uint8Array(PAYLOAD_LENGTH);
  const view = new DataView(bytes.buffer);
  bytes[0] = PAYLOAD_VERSION;
  bytes.set(Buffer.from(fields.kid, 'hex'), 1);
  bytes.set(Buffer.from(fields.codeId, 'hex'), 5);
  bytes[13] = statusBytes[fields.status];
  view.setUint32(14, fields.issuedAt);
  view.setUint32(18, fields.statusAsOf);
  view.setUint32(22, fields.validUntil);
  bytes.set(Buffer.from(fields.holderTag, 'hex'), 26);
  bytes[34] = fields.proxy ? FLAG_PROXY : 0;
  view.setUint32(35, fields.hallId);
  return bytes;
}

const hex = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('hex');

/**
 * Exactly one version-1 payload → its fields, or why not. Never throws. The version is read first, because only it
 * says how long the rest is; so one byte with another version is `version`, not `short`.
 */
export function decodePayload(bytes: Uint8Array): DecodedPayload {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return { ok: false, error: 'short' };
  if (bytes[0] !== PAYLOAD_VERSION) return { ok: false, error: 'version' };
  if (bytes.length < PAYLOAD_LENGTH) return { ok: false, error: 'short' };
  if (bytes.length > PAYLOAD_LENGTH) return { ok: false, error: 'field', field: 'length' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const status = statusOfByte.get(bytes[13]!);
  if (status === undefined) return { ok: false, error: 'field', field: 'status' };
  const issuedAt = view.getUint32(14);
  const statusAsOf = view.getUint32(18);
  const validUntil = view.getUint32(22);
  if (statusAsOf > issuedAt) return { ok: false, error: 'field', field: 'statusAsOf' };
  if (validUntil < issuedAt) return { ok: false, error: 'field', field: 'validUntil' };
  // Unknown flag bits may mean something a version-1 reader cannot honour (a later restriction), so they are refused.
  const flags = bytes[34]!;
  if ((flags & ~FLAG_PROXY) !== 0) return { ok: false, error: 'field', field: 'flags' };
  return {
    ok: true,
    fields: {
      kid: hex(bytes, 1, 5),
      codeId: hex(bytes, 5, 13),
      status,
      issuedAt,
      statusAsOf,
      validUntil,
      holderTag: hex(bytes, 26, 34),
      proxy: (flags & FLAG_PROXY) !== 0,
      hallId: view.getUint32(35),
    },
  };
}

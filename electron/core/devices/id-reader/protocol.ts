// The SAM command set and its status bytes: what the host sends and what each reply status means.

/** Host commands as [CMD, PARA]. GA 467 and the vendors' manuals give 10 FF for "reset SAM" (DOMAIN.md writes 01 FF). */
export const commands = {
  resetSam: Uint8Array.of(0x10, 0xff),
  samStatus: Uint8Array.of(0x11, 0xff),
  findCard: Uint8Array.of(0x20, 0x01),
  selectCard: Uint8Array.of(0x20, 0x02),
  readTextAndPhoto: Uint8Array.of(0x30, 0x01),
} as const;
export type CommandName = keyof typeof commands;

/** SW3, the third status byte of every reply (SW1 SW2 are 00 00 on success). */
export const status = {
  ok: 0x90,
  findOk: 0x9f,
  noCard: 0x80,
  selectFailed: 0x81,
  readFailed: 0x41,
  checksumError: 0x10,
  lengthError: 0x11,
  commandError: 0x21,
  unauthorised: 0x23,
  unrecognised: 0x24,
  cardAuthFailed: 0x31,
  samAuthFailed: 0x32,
  verifyFailed: 0x33,
  unknownCardType: 0x40,
  samSelfTestFailed: 0x60,
  samNotAuthorised: 0x66,
} as const;

/** What a status means to the session: proceed, no card there, the card went away, or the reader is at fault. */
export type StatusMeaning = 'ok' | 'no-card' | 'card-removed' | 'card-unreadable' | 'sam-fault' | 'protocol-error';

export function meaningOf(sw3: number): StatusMeaning {
  switch (sw3) {
    case status.ok:
    case status.findOk:
      return 'ok';
    case status.noCard:
      return 'no-card';
    case status.selectFailed:
    case status.readFailed:
      return 'card-removed';
    case status.cardAuthFailed:
    case status.samAuthFailed:
    case status.verifyFailed:
    case status.unknownCardType:
      return 'card-unreadable';
    case status.samSelfTestFailed:
    case status.samNotAuthorised:
    case status.unauthorised:
      return 'sam-fault';
    default:
      return 'protocol-error';
  }
}

export interface Reply {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

/** A reply payload is SW1 SW2 SW3 + data; undefined when too short to carry a status. */
export function parseReply(payload: Uint8Array): Reply | undefined {
  if (payload.length < 3) return undefined;
  return { sw1: payload[0]!, sw2: payload[1]!, sw3: payload[2]!, data: payload.subarray(3) };
}

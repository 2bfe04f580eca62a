// `card-decode <file> [--json]`: decode one SAM read-reply frame (hex in a file) into the card's identity, photo as a size.
import { readFileSync } from 'node:fs';
import { decodeCardData } from '../../core/devices/id-reader/card.js';
import { FrameDecoder } from '../../core/devices/id-reader/frame.js';
import { parseReply, status } from '../../core/devices/id-reader/protocol.js';
import { oneArgument, report, UsageError, type Command } from '../command.js';

type Decoded = { ok: true; value: object } | { ok: false; error: Record<string, string> };

export const cardDecode: Command = {
  name: 'card-decode',
  usage: 'card-decode <file-with-hex-frame> [--json]',
  summary: 'decode a card reader reply frame (hex) into the identity it carries',
  run(args, io) {
    const { value: file, json } = oneArgument(args, 'give exactly one file holding the frame as hex');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const decoded = decodeHexFrame(text);
    if (!decoded.ok) {
      report(io, json, decoded.error, [`not decoded: ${Object.values(decoded.error).join(' ')}`]);
      return 1;
    }
    report(io, json, decoded.value, JSON.stringify(decoded.value, null, 2).split('\n'));
    return 0;
  },
};

/** Hex (whitespace allowed, optional 0x) → frame → reply → identity; the photo is reported by size only. */
export function decodeHexFrame(text: string): Decoded {
  const hex = text.replace(/0x/gi, '').replace(/\s+/g, '');
  if (hex.length === 0 || hex.length % 2 !== 0 || /[^0-9a-f]/i.test(hex)) return { ok: false, error: { error: 'bad-hex' } };
  const events = new FrameDecoder().push(Buffer.from(hex, 'hex'));
  const frame = events.find((e) => e.type === 'frame');
  if (!frame || frame.type !== 'frame') {
    const problem = events.find((e) => e.type === 'error' && e.code !== 'garbage');
    return { ok: false, error: { error: problem?.type === 'error' ? problem.code : 'no-frame' } };
  }
  const reply = parseReply(frame.payload);
  if (!reply) return { ok: false, error: { error: 'short-reply' } };
  if (reply.sw3 !== status.ok) return { ok: false, error: { error: 'reply-status', status: reply.sw3.toString(16).padStart(2, '0') } };
  const card = decodeCardData(reply.data);
  if (!card.ok) return { ok: false, error: card.field ? { error: card.error, field: card.field } : { error: card.error } };
  return { ok: true, value: { ...card.card, photo: { bytes: card.card.photo.length } } };
}

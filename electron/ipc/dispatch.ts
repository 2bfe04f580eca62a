// Validates a call at the boundary, runs its handler, and always answers an envelope. Used by main and host alike.
import type { z } from 'zod';
import { KioskError } from '../core/errors.js';
import { storageFailure, storageRefusal } from '../core/db/storage-errors.js';
import { channels, isChannel, type Channel, type ChannelOutput } from './contract.js';
import { fail, ok, type Envelope } from './envelope.js';

/** Who is calling: filled by the transport (Electron frame or loopback HTTP), used by role checks later. */
export interface CallContext {
  transport: 'ipc' | 'http';
}

export type Handler<C extends Channel> = (
  input: z.output<(typeof channels)[C]['input']>,
  ctx: CallContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type Handlers = { [C in Channel]: Handler<C> };

export type Dispatch = (channel: string, rawInput: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

/** What the dispatcher reports about failures: never inputs or outputs, which may hold personal data. */
export type DispatchLog = (event: { channel: string; code: string; detail?: string }) => void;

export function createDispatcher(handlers: Handlers, log: DispatchLog = () => {}): Dispatch {
  return async (channel, rawInput, ctx) => {
    if (!isChannel(channel)) {
      log({ channel: '(unknown)', code: 'unknown-channel' });
      return fail({ code: 'unknown-channel', key: 'errors.unknownChannel' });
    }
    const spec = channels[channel];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      log({ channel, code: 'invalid-input' });
      return fail({
        code: 'invalid-input',
        key: 'errors.invalidInput',
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })),
      });
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log({ channel, code: 'internal', detail: 'output failed its schema' });
        return fail({ code: 'internal', key: 'errors.internal' });
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof KioskError) {
        return fail({ code: error.code, key: error.key, ...(error.params ? { params: error.params } : {}) });
      }
      // A write the disk refused (full, read-only, I/O error): say so, not "internal". The log gets SQLite's code
      // only: its message can quote SQL, and the input may hold personal data.
      const storage = storageFailure(error);
      if (storage !== null) {
        const refusal = storageRefusal(storage);
        log({ channel, code: `storage-${storage.kind}`, detail: storage.sqliteCode });
        return fail({ code: refusal.code, key: refusal.key });
      }
      log({ channel, code: 'internal', detail: error instanceof Error ? error.name : typeof error });
      return fail({ code: 'internal', key: 'errors.internal' });
    }
  };
}

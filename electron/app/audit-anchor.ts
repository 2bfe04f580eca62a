// Keeps the audit log's outside anchor (core/audit/anchor.ts) current: rewritten on a timer whenever the log has grown.
import { makeAuditAnchor, auditAnchorMacValid, readAuditAnchor, writeAuditAnchor, type AuditAnchor } from '../core/audit/anchor.js';
import { systemClock, type Clock } from '../core/clock.js';
import { prepared } from '../core/db/prepared.js';
import type { Db } from '../core/db/open.js';

/** Why the keeper stopped moving the anchor: it keeps the old one, because the old one is now the evidence. */
export type AnchorHold = 'truncated' | 'rewritten' | 'anchor' | 'unreadable';

export interface AuditAnchorOptions {
  db: Db;
  /** Usually `<dataDir>/audit-anchor.json`: beside the database, not inside it. */
  file: string;
  /** The MAC key (derived from the terminal's data key by the caller); at least 32 bytes. */
  key: Uint8Array;
  /** How often to look; 0 = only on flush() and stop(). */
  intervalMs: number;
  clock?: Clock;
  /** Called once when the keeper finds the log no longer holds the anchored row, or the anchor is not its own. */
  onHold?: (reason: AnchorHold) => void;
}

export interface AuditAnchorKeeper {
  /** Writes the anchor now if the log has grown; throws if it cannot be written (disk full, read-only). */
  flush(): void;
  /** Stops the timer and writes a last anchor; call it before the database is closed. */
  stop(): void;
}

/**
 * What this cannot see: rows appended after the last anchor write and cut off again before the next one leave no
 * trace (the anchor never knew them) — hence a short interval and a flush when the app closes. Deleting the anchor
 * file looks like a first start, and a fresh anchor is then written at whatever the log holds; keep a copy of the
 * anchor elsewhere (backups) to catch that. The keeper never moves an anchor backwards or over a chain that no
 * longer holds it: it holds the old anchor as evidence until an operator has looked (and deletes the file to restart).
 */
export function startAuditAnchor(options: AuditAnchorOptions): AuditAnchorKeeper {
  const { db, file, key, clock = systemClock } = options;
  let held: AnchorHold | undefined;
  let current: AuditAnchor | undefined;

  const hold = (reason: AnchorHold) => {
    held = reason;
    options.onHold?.(reason);
  };

  try {
    current = readAuditAnchor(file);
    if (current && !auditAnchorMacValid(key, current)) hold('anchor');
  } catch {
    hold('unreadable');
  }

  function flush(): void {
    if (held) return;
    const tip = prepared(db, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    if (!tip) {
      if (current) hold('truncated');
      return;
    }
    if (current) {
      if (tip.seq < current.seq) return hold('truncated');
      const anchored = prepared(db, 'SELECT hash FROM audit WHERE seq = ?').pluck().get(current.seq) as string | undefined;
      if (anchored !== current.hash) return hold('rewritten');
      if (tip.seq === current.seq) return;
    }
    const next = makeAuditAnchor(key, tip, clock.now());
    writeAuditAnchor(file, next);
    current = next;
  }

  function tick(): void {
    try {
      flush();
    } catch {
      // No details: the next tick tries again, and the anchor on disk is still a valid (older) one.
      console.error('[audit-anchor] the audit anchor could not be written');
    }
  }

  const timer = options.intervalMs > 0 ? setInterval(tick, options.intervalMs) : undefined;
  timer?.unref();
  let stopped = false;
  return {
    flush,
    stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      tick();
    },
  };
}

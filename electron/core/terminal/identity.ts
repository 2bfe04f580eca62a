// The terminal id: made once on first start, kept in the database, sent with every provincial request.
import type { Clock, RandomSource } from '../clock.js';
import type { Db } from '../db/open.js';

export function ensureTerminalId(db: Db, clock: Clock, random: RandomSource): string {
  const existing = db.prepare('SELECT terminal_id FROM terminal WHERE singleton = 1').get() as { terminal_id: string } | undefined;
  if (existing) return existing.terminal_id;
  const id = `T-${Buffer.from(random.bytes(8)).toString('hex').toUpperCase()}`;
  db.prepare('INSERT INTO terminal (singleton, terminal_id, created_at) VALUES (1, ?, ?)').run(id, clock.now().toISOString());
  return id;
}

// 挂失 at the kiosk: queues the loss report for the province in the caller's transaction (outbox kind 'report-loss').
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import { enqueue } from './outbox.js';

export interface LossReportRequest {
  applicationId: string;
  /** The same keyed hash as the application's submission, so the report goes after it, never before. */
  applicantKey: string;
  reportedAt: Date;
}

/**
 * Queues a loss report; returns its outbox seq. Must run inside the caller's transaction (beside its audit row).
 * Each report gets a fresh key: a second report (the replacement lost too) is a new call that revokes again, while
 * every resend of one report carries its key, so the province revokes and reissues once per report.
 */
export function enqueueLossReport(db: Db, clock: Clock, request: LossReportRequest): number {
  return enqueue(db, clock, {
    kind: 'report-loss',
    applicantKey: request.applicantKey,
    // The path of the call: checked here, since the body's schema does not cover it.
    applicationId: z.uuid().parse(request.applicationId),
    idempotencyKey: randomUUID(),
    body: { reportedAt: request.reportedAt.toISOString(), reason: 'lost' },
  });
}

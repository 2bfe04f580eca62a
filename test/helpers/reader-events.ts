// Records a reader session's events and waits for the one a test expects (with a deadline, so a test fails, not hangs).
import type { ReaderEvent } from '../../electron/core/devices/id-reader/session.js';

export class EventLog {
  readonly events: ReaderEvent[] = [];
  private waiters: Array<() => void> = [];

  readonly push = (event: ReaderEvent): void => {
    this.events.push(event);
    for (const wake of this.waiters.splice(0)) wake();
  };

  /** Events since `from` (an index into events) that match. */
  since(from: number, predicate: (e: ReaderEvent) => boolean = () => true): ReaderEvent[] {
    return this.events.slice(from).filter(predicate);
  }

  /** Resolves with the first matching event at index ≥ from; rejects after timeoutMs with what did arrive. */
  async waitFor(predicate: (e: ReaderEvent) => boolean, timeoutMs = 3000, from = 0): Promise<ReaderEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.events.slice(from).find(predicate);
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`event not seen in ${timeoutMs} ms; got: ${this.describe(from)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Event types and status states only: never card contents. */
  describe(from = 0): string {
    return this.events
      .slice(from)
      .map((e) => (e.type === 'status' ? `status:${e.status.state}` : e.type === 'problem' ? `problem:${e.problem}` : e.type))
      .join(', ');
  }
}

export const isCard = (e: ReaderEvent) => e.type === 'card';
export const isRemoved = (e: ReaderEvent) => e.type === 'removed';
export const isProblem = (problem: string) => (e: ReaderEvent) => e.type === 'problem' && e.problem === problem;
export const isState = (state: string) => (e: ReaderEvent) => e.type === 'status' && e.status.state === state;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

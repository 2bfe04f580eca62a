// One writer of the writer-kill test: started, paced one submission at a time, and SIGKILLed at a planned moment
// that adapts to how fast this machine is, so the kills land inside submissions on a fast laptop and a loaded CI alike.
import { spawn } from 'node:child_process';
import type { FastChild } from './child-snapshot.js';

/**
 * Where a writer dies. `during: 'start'`: at a fraction of its usual start-up time (loading, opening the file, or the
 * first submission if it is quick). `during: 'submission'`: in its submission number `submission` (0 = the first,
 * which prepares its statements and loads ICU inside the transaction), at a fraction of that submission's usual time,
 * stretched a quarter beyond so that some kills come just after the commit, before or after the ack.
 */
export type KillPlan = { during: 'start'; fraction: number } | { during: 'submission'; submission: number; fraction: number };

export function killPlan(run: number, random: { float(): number }): KillPlan {
  const fraction = 1.25 * random.float();
  if (run % 10 === 9) return { during: 'start', fraction };
  return { during: 'submission', submission: Math.floor(random.float() * 5), fraction };
}

/** How long writers usually take (running averages over the test): to start, to make a first and a later submission. */
export class Pace {
  ms = { start: 100, first: 40, later: 2 };
  see(kind: keyof Pace['ms'], ms: number): void {
    this.ms[kind] += (ms - this.ms[kind]) / 8;
  }
}

export interface KilledWriter {
  acked: string[];
  /** The last line was "try": the kill came inside submitApplication (mostly inside its transaction). */
  midSubmit: boolean;
}

/**
 * Starts a writer (`child` with `args`), lets it submit one application per byte sent, and SIGKILLs it as planned.
 * Delays under 2 ms are spun rather than left to a timer, whose granularity is a millisecond. Rejects if the writer
 * ends any other way than by the kill.
 */
export function killWriter(child: FastChild, args: string[], plan: KillPlan, pace: Pace): Promise<KilledWriter> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(process.execPath, child.args(args), { env: child.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let partial = '';
    let err = '';
    let sent = 0;
    let goAt = 0;
    let timer: NodeJS.Timeout | undefined;
    let killed = false;
    const kill = () => {
      if (killed || proc.pid === undefined) return;
      killed = true;
      process.kill(proc.pid, 'SIGKILL');
    };
    const killIn = (ms: number) => {
      if (ms >= 2) return void (timer = setTimeout(kill, ms));
      const until = performance.now() + ms;
      while (performance.now() < until);
      kill();
    };
    const go = () => {
      if (killed) return;
      sent += 1;
      goAt = performance.now();
      proc.stdin.write('g');
      if (plan.during === 'submission' && sent === plan.submission + 1) killIn(plan.fraction * pace.ms[sent === 1 ? 'first' : 'later']);
    };
    const onLine = (line: string) => {
      lines.push(line);
      if (line === 'ready') {
        pace.see('start', performance.now() - started);
        go();
      } else if (line.startsWith('ack ')) {
        pace.see(sent === 1 ? 'first' : 'later', performance.now() - goAt);
        if (plan.during === 'start' || sent <= plan.submission) go();
      }
    };
    if (plan.during === 'start') killIn(plan.fraction * pace.ms.start);
    proc.stdin.on('error', () => undefined); // EPIPE once the writer is dead
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      parts.forEach(onLine);
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    proc.once('error', reject);
    proc.once('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`a writer ended by itself (${code ?? signal}): ${err.slice(-1500)}`));
      // Each line is one write of a few bytes, so it arrives whole or not at all.
      resolve({
        acked: lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4)),
        midSubmit: lines.at(-1)?.startsWith('try ') ?? false,
      });
    });
  });
}

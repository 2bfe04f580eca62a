// The resident's flow end to end against the emulators on loopback: card read → first question on screen (Chromium
// on the browser host), and submit → the print job handed to the printer (core in-process, the printer emulator on TCP).
import { chromium, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKioskApp, type KioskApp } from '../electron/app/create-app.js';
import { projectRoot, rendererDistDir } from '../electron/app/paths.js';
import { createSettingsStore } from '../electron/core/settings/store.js';
import { defaultSettings } from '../electron/core/settings/schema.js';
import { createDispatcher, type Dispatch } from '../electron/ipc/dispatch.js';
import { demoCards } from '../emulators/id-reader/demo-cards.js';
import { createPrinterEmulator, type PrinterEmulator } from '../emulators/printer/emulator.js';
import { startHostProcess, type HostProcess } from '../test/helpers/host-process.js';
import { round, type Bench, type BenchRow } from './types.js';

/** FLOW_BENCH_RUNS: fewer runs for a quick look (the figures in results.json are from 200). */
const RUNS = Number(process.env.FLOW_BENCH_RUNS ?? 200);
/** Timed runs of the reprint baseline: one per this many submissions (each costs a whole print). */
const REPRINT_EVERY = 2;
/**
 * The demo reader polls every 300 ms and needs two empty polls to see a card go, so one reader gives ~1 card a
 * second: three hosts take turns (a lock keeps every timed interval alone on the machine) to stay within minutes.
 */
const HOSTS = 3;
/** Apps alive at once in (b): each reads its six demo cards in parallel; the timed submissions go one at a time. */
const APPS_PER_WAVE = 12;
/** The args playwright.config.ts gives Debian's Chromium. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LOW_RISK = {
  temperatureC: null,
  fever: false,
  coughOrOtherSymptoms: false,
  travelOutsideProvince14d: false,
  contactWithCase14d: false,
  purpose: 'work',
  phone: null,
  commitment: true,
} as const;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const p95 = (values: number[]) => round(percentile(values, 95), 1);
const median = (values: number[]) => round(percentile(values, 50), 1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One holder at a time: the timed part of a run never shares the machine with another timed part. */
function createLock() {
  let tail = Promise.resolve();
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  };
}

// ——— (a) card read → first question, in Chromium ———

interface PageRun {
  /** Tap (host API) → card.read in the page: the reader emulator's poll and read, not the screen. */
  tapToRead: number;
  /** card.read arrives → "is this you?" in the DOM, and after the next frame (painted). */
  readToIdentityDom: number;
  readToIdentity: number;
  /** The "yes" press → application.begin → the flow's first step (flow-phone) after the next frame. */
  yesToQuestion: number;
  /** A bare contract call from the page (app.info over HTTP), for scale. */
  callRoundTrip: number;
}

/** Listens to the reader's events in the page (beside the app's own listeners) and counts them. */
async function installProbe(page: Page) {
  // tsx (esbuild keepNames) wraps the named functions inside the page functions below in `__name(fn, "name")`, a
  // helper that exists in Node but not in the page: give the page a do-nothing one.
  await page.evaluate('globalThis.__name = (fn) => fn');
  await page.evaluate(() => {
    const probe = { readAt: 0, reads: 0, removedAt: 0, removals: 0 };
    window.kiosk!.on('card.read', () => {
      probe.readAt = performance.now();
      probe.reads++;
    });
    window.kiosk!.on('card.removed', () => {
      probe.removedAt = performance.now();
      probe.removals++;
    });
    (window as unknown as { flowProbe: typeof probe }).flowProbe = probe;
  });
}

/** One run inside the page: tap, identity, lift the card, yes, the first step, Start over, Home; then one bare call. */
function runInPage(page: Page, cardId: string, token: string): Promise<PageRun> {
  return page.evaluate(
    async ({ cardId, token }) => {
      const probe = (window as unknown as { flowProbe: { readAt: number; reads: number } }).flowProbe;
      const call = (channel: string, input: object) =>
        fetch(`/api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
        }).then((r) => r.json());
      /** When an element with the test id is in the DOM, and when the frame after it has been painted. */
      const shown = (testId: string) =>
        new Promise<{ dom: number; frame: number; element: HTMLElement }>((resolve) => {
          const found = () => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
          const done = (element: HTMLElement) => {
            const dom = performance.now();
            // rAF runs before the frame's paint; a message posted from it lands after that paint.
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve({ dom, frame: performance.now(), element });
              channel.port2.postMessage(0);
            });
          };
          const now = found();
          if (now) return done(now);
          const observer = new MutationObserver(() => {
            const element = found();
            if (!element) return;
            observer.disconnect();
            done(element);
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        });

      const reads = probe.reads;
      const identity = shown('identity');
      const tapAt = performance.now();
      await call('demo.tapCard', { cardId });
      const shownIdentity = await identity;
      if (probe.reads !== reads + 1) throw new Error('expected exactly one card.read');
      const readAt = probe.readAt;
      // The card goes while the resident reads the screen (the reader needs two empty polls to notice).
      await call('demo.removeCard', {});
      const question = shown('flow-phone');
      const yes = document.querySelector<HTMLElement>('[data-testid="identity-yes"]')!;
      const yesAt = performance.now();
      yes.click();
      const shownQuestion = await question;
      const home = shown('home');
      document.querySelector<HTMLElement>('[data-testid="go-home"]')!.click();
      await home;
      const callAt = performance.now();
      await call('app.info', {});
      return {
        tapToRead: readAt - tapAt,
        readToIdentityDom: shownIdentity.dom - readAt,
        readToIdentity: shownIdentity.frame - readAt,
        yesToQuestion: shownQuestion.frame - yesAt,
        callRoundTrip: performance.now() - callAt,
      };
    },
    { cardId, token },
  );
}

/** Waits for the reader to report the card gone; returns the page time it did. */
async function cardGone(page: Page, removals: number): Promise<void> {
  await page.waitForFunction((n) => (window as unknown as { flowProbe: { removals: number } }).flowProbe.removals > n, removals, {
    polling: 20,
    timeout: 10_000,
  });
}

const removalsOf = (page: Page) => page.evaluate(() => (window as unknown as { flowProbe: { removals: number } }).flowProbe.removals);

async function measureScreen(browser: Browser): Promise<PageRun[]> {
  const hosts: HostProcess[] = [];
  try {
    hosts.push(...(await Promise.all(Array.from({ length: HOSTS }, () => startHostProcess()))));
    const pages = await Promise.all(
      hosts.map(async (host) => {
        const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
        const page = await context.newPage();
        await page.goto(host.url);
        // The clock shows once core has answered: the page is up and its event socket open.
        await page.getByTestId('clock').waitFor();
        await installProbe(page);
        return page;
      }),
    );
    const locked = createLock();
    const runs: PageRun[] = [];
    let next = 0;
    await Promise.all(
      hosts.map(async (host, h) => {
        const page = pages[h]!;
        // Two warm-up runs per page (first renders, first begin), not counted.
        for (let warm = 0; warm < 2; warm++) {
          const removals = await removalsOf(page);
          await locked(() => runInPage(page, demoCards[warm]!.id, host.token));
          await cardGone(page, removals);
        }
        while (next < RUNS) {
          const card = demoCards[next++ % demoCards.length]!;
          const removals = await removalsOf(page);
          runs.push(await locked(() => runInPage(page, card.id, host.token)));
          await cardGone(page, removals);
        }
      }),
    );
    await Promise.all(pages.map((page) => page.context().close()));
    return runs.slice(0, RUNS);
  } finally {
    await Promise.all(hosts.map((host) => host.stop()));
  }
}

// ——— (b) submit → print job at the printer, core in-process ———

interface CoreRun {
  /** application.submit dispatched → the printer emulator has the whole ticket (cut). */
  submitToPrint: number;
  /** application.submit dispatched → its answer (what the result screen waits for). */
  submitToAnswer: number;
}

/** One terminal: the real app (demo province in-process, loopback) printing to its own printer emulator on TCP. */
interface Terminal {
  app: KioskApp;
  dispatch: Dispatch;
  printer: PrinterEmulator;
  dataDir: string;
  nextTicket(): Promise<number>;
  nextEvent(event: 'card.read' | 'card.removed'): Promise<unknown>;
}

async function openTerminal(): Promise<Terminal> {
  const tickets: ((at: number) => void)[] = [];
  // The emulator logs a line per ticket once the cut has been decoded; memory only (no PNG files to write).
  const printer = createPrinterEmulator({ log: (line) => line.startsWith('ticket ') && tickets.shift()?.(performance.now()) });
  const { url } = await printer.listen(0, '127.0.0.1');
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-flow-'));
  const settings = createSettingsStore({ store: { ...defaultSettings, printer: { uri: url } } });
  const app = createKioskApp({ dataDir, settings, shell: 'browser', tickMs: 0 });
  const waiting = new Map<string, ((payload: unknown) => void)[]>();
  app.events.subscribe((event, payload) => waiting.get(event)?.shift()?.(payload));
  return {
    app,
    dispatch: createDispatcher(app.handlers),
    printer,
    dataDir,
    nextTicket: () => new Promise((resolve) => tickets.push(resolve)),
    nextEvent: (event) => new Promise((resolve) => waiting.set(event, [...(waiting.get(event) ?? []), resolve])),
  };
}

async function closeTerminal(terminal: Terminal) {
  await terminal.app.close();
  await terminal.printer.close();
  rmSync(terminal.dataDir, { recursive: true, force: true });
}

async function call(terminal: Terminal, channel: Parameters<Dispatch>[0], input: unknown) {
  const answer = await terminal.dispatch(channel, input, { transport: 'http' });
  if (!answer.ok) throw new Error(`${channel} failed: ${answer.error.code}`);
  return answer.value as Record<string, unknown>;
}

/**
 * A person may hold one active application, and only the six demo cards carry a name (a wedge number has none, and
 * core needs the name), so each terminal (fresh data dir) files six: waves of terminals until RUNS are in.
 */
async function measureCore(): Promise<{ runs: CoreRun[]; reprints: number[] }> {
  const runs: CoreRun[] = [];
  const reprints: number[] = [];
  while (runs.length < RUNS) {
    const terminals: Terminal[] = [];
    try {
      const count = Math.min(APPS_PER_WAVE, Math.ceil((RUNS - runs.length) / demoCards.length));
      for (let i = 0; i < count; i++) terminals.push(await openTerminal());
      for (const card of demoCards) {
        const reads = await Promise.all(
          terminals.map(async (terminal) => {
            const read = terminal.nextEvent('card.read');
            await call(terminal, 'demo.tapCard', { cardId: card.id });
            return ((await read) as { readId: string }).readId;
          }),
        );
        for (const [i, terminal] of terminals.entries()) {
          if (runs.length >= RUNS) break;
          const readId = reads[i]!;
          await call(terminal, 'application.begin', { readId });
          const ticket = terminal.nextTicket();
          const start = performance.now();
          const submitted = call(terminal, 'application.submit', { readId, declaration: LOW_RISK, answers: {}, language: 'zh-CN' }).then(
            (value) => ({ value, at: performance.now() }),
          );
          const [printedAt, answer] = await Promise.all([ticket, submitted]);
          runs.push({ submitToPrint: printedAt - start, submitToAnswer: answer.at - start });
          if (runs.length % REPRINT_EVERY === 0) {
            // Baseline: the same slip again (补打) — the print path alone, without the submission and the province.
            const application = answer.value.application as { applicationId: string };
            await sleep(20); // the first job's GS r 1 acknowledgement
            const again = terminal.nextTicket();
            const from = performance.now();
            await call(terminal, 'application.reprint', { readId, applicationId: application.applicationId });
            reprints.push((await again) - from);
          }
        }
        await Promise.all(
          terminals.map(async (terminal) => {
            const gone = terminal.nextEvent('card.removed');
            await call(terminal, 'demo.removeCard', {});
            await gone;
          }),
        );
      }
    } finally {
      await Promise.all(terminals.map(closeTerminal));
    }
  }
  return { runs, reprints };
}

export const bench: Bench = async () => {
  if (!existsSync(join(rendererDistDir(), 'index.html'))) {
    execFileSync('npm', ['run', 'build:renderer'], { cwd: projectRoot(), stdio: 'inherit' });
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  let screen: PageRun[];
  try {
    screen = await measureScreen(browser);
  } finally {
    await browser.close();
  }
  const core = await measureCore();

  const cardToQuestion = screen.map((run) => run.readToIdentity + run.yesToQuestion);
  const calls = screen.map((run) => run.callRoundTrip);
  const identity = screen.map((run) => run.readToIdentity);
  const question = screen.map((run) => run.yesToQuestion);
  const toPrint = core.runs.map((run) => run.submitToPrint);
  const toAnswer = core.runs.map((run) => run.submitToAnswer);
  const n = `${screen.length} runs, ${HOSTS} hosts taking turns, headless Chromium`;
  const rows: BenchRow[] = [
    {
      name: 'flow.card_to_question_ms_p95',
      value: p95(cardToQuestion),
      unit: 'ms',
      baseline: p95(calls),
      note:
        `card.read in the page → "is this you?" painted, plus "yes" pressed → first step (flow-phone) painted; the ` +
        `person's reading time between is left out. Median ${median(cardToQuestion)} ms. ${n}. Baseline: a bare ` +
        `contract call from the page (app.info), p95`,
    },
    {
      name: 'flow.card_to_question_ms_median',
      value: median(cardToQuestion),
      unit: 'ms',
      baseline: median(calls),
      note: 'the same, median; baseline: the bare contract call, median',
    },
    {
      name: 'flow.render_identity_ms_p95',
      value: p95(identity),
      unit: 'ms',
      note:
        `card.read → "is this you?" after the next frame (in the DOM: p95 ${p95(screen.map((r) => r.readToIdentityDom))} ms); ` +
        `median ${median(identity)} ms. Before it, tap → card.read (the reader emulator's 300 ms poll): median ` +
        `${median(screen.map((r) => r.tapToRead))} ms`,
    },
    {
      name: 'flow.yes_to_question_ms_p95',
      value: p95(question),
      unit: 'ms',
      note: `"yes" click → application.begin over HTTP → flow-phone after the next frame; median ${median(question)} ms`,
    },
    {
      name: 'flow.submit_to_print_ms_p95',
      value: p95(toPrint),
      unit: 'ms',
      baseline: p95(core.reprints),
      note:
        `application.submit dispatched in core (schema checks, no HTTP hop: see ipc.host_call) → the printer emulator on ` +
        `TCP has the whole paper-code ticket (cut); low-risk declaration, demo province in-process on loopback; median ` +
        `${median(toPrint)} ms; ${toPrint.length} runs on ${Math.ceil(toPrint.length / demoCards.length)} fresh ` +
        `terminals. Baseline: application.reprint of that slip → ticket (print path alone), p95 of ${core.reprints.length}`,
    },
    {
      name: 'flow.submit_to_print_ms_median',
      value: median(toPrint),
      unit: 'ms',
      baseline: median(core.reprints),
      note: 'the same, median; baseline: the reprint, median',
    },
    {
      name: 'flow.submit_to_answer_ms_p95',
      value: p95(toAnswer),
      unit: 'ms',
      note: `application.submit dispatched → its answer (the result screen's wait; the ticket may come before or after); median ${median(toAnswer)} ms`,
    },
  ];
  return rows;
};

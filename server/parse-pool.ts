/**
 * Parsing off the event loop: a pool of worker threads (tinypool) reads
 * uploaded documents, checks drafts and draws PDF reports, each task within a
 * time limit and a memory limit. A task past its limit ends its worker (the
 * pool starts another) and fails with an `ImportError`; the event loop keeps
 * answering `/api/health` and every other request meanwhile.
 */

import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Tinypool } from 'tinypool';
import { BusyError, ImportError } from '../clauses/errors.ts';
import type { OcrProgress } from '../importer/index.ts';
import type { DocumentReader } from '../service/index.ts';
import {
  drawReport,
  type ParseTask,
  type ReportTask,
  reviveFailure,
  type TaskOutcome,
  type TaskResult,
} from './parse-tasks.ts';

/** Draws PDF reports. */
export interface ReportRenderer {
  draw(task: ReportTask): Promise<Uint8Array>;
}

/** Draws reports in this process (tests, the command line). */
export const inProcessReports: ReportRenderer = { draw: drawReport };

export interface ParsePoolOptions {
  /** Worker threads (`CBA_PARSE_WORKERS`; min(2, CPUs) by default). */
  workers?: number;
  /** Time one task may take once a worker has it (`CBA_PARSE_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** Heap one worker may use, in MB (`CBA_PARSE_MEMORY_MB`). */
  memoryMb?: number;
  /**
   * Time a PDF or a photo may take (`CBA_SCAN_TIMEOUT_MS`): its pages may be scans, read by OCR at seconds a
   * page (at most 60 pages, importer/ocr); a typed PDF is bounded by its page cap.
   */
  scanTimeoutMs?: number;
  /**
   * Tasks that may wait for a worker (`CBA_PARSE_QUEUE`); one more is refused with a `BusyError` (503).
   * The server asks {@link ParsePool.full} before reading a body, so a refused upload is not read.
   */
  maxQueue?: number;
}

/** Whether the document readers can take more work now. */
export interface ParseQueue {
  /** Seconds to wait when the queue is full; undefined when a task may be queued. */
  full(): number | undefined;
}

export interface ParsePool extends DocumentReader, ReportRenderer, ParseQueue {
  /** Tasks running and waiting now. */
  load(): { running: number; waiting: number; workers: number };
  close(): Promise<void>;
}

export const DEFAULT_PARSE_TIMEOUT_MS = 20_000;
export const DEFAULT_PARSE_MEMORY_MB = 512;
export const DEFAULT_SCAN_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_PARSE_QUEUE = 16;
/** What a refused task is told to wait: about one ordinary document's time on a worker. */
const BUSY_RETRY_SECONDS = 10;

/** The refusal of a task past the queue's bound. */
export function queueFull(): BusyError {
  return new BusyError(
    'parse_queue_full',
    `Máy chủ đang đọc nhiều tài liệu; hãy gửi lại sau ${BUSY_RETRY_SECONDS} giây.`,
    `The server is reading many documents; send it again in ${BUSY_RETRY_SECONDS} s.`,
    BUSY_RETRY_SECONDS,
  );
}

/** Whether a document may need OCR: a PDF (`%PDF`), a PNG or a JPEG, by its first bytes. */
function mayBeScan(bytes: Uint8Array): boolean {
  const [a, b, c, d] = bytes;
  return (
    (a === 0x25 && b === 0x50 && c === 0x44 && d === 0x46) ||
    (a === 0x89 && b === 0x50 && c === 0x4e && d === 0x47) ||
    (a === 0xff && b === 0xd8 && c === 0xff)
  );
}

/** The default pool size: two workers, fewer on a one-core machine. */
export function defaultParseWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}`;
}

/** The error a task answers when its worker was ended or died. */
function stopped(error: unknown, timeoutMs: number, memoryMb: number): ImportError {
  const code = (error as { code?: string }).code;
  if (error instanceof Error && error.name === 'AbortError')
    return new ImportError(
      'document_too_complex',
      `Tài liệu quá phức tạp để đọc trong giới hạn ${seconds(timeoutMs)} giây; thư viện không thay đổi.`,
      `The document is too complex to read within the ${seconds(timeoutMs)} s limit; the library is unchanged.`,
    );
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new ImportError(
      'document_too_big',
      `Tài liệu cần quá nhiều bộ nhớ để đọc (giới hạn ${memoryMb} MB); thư viện không thay đổi.`,
      `The document needs too much memory to read (limit ${memoryMb} MB); the library is unchanged.`,
    );
  return new ImportError(
    'parse_worker_failed',
    'Trình đọc tài liệu dừng đột ngột; thư viện không thay đổi. Hãy thử lại hoặc gửi tệp khác.',
    `The document reader stopped unexpectedly (${(error as Error).message ?? String(error)}); the library is unchanged.`,
  );
}

/**
 * Starts a pool of parse workers. Workers start on first use; close the pool when the server stops.
 * @example
 * const pool = createParsePool({ workers: 2, timeoutMs: 20_000, memoryMb: 512 });
 * const draft = await pool.read(bytes, { filename: 'thoa-uoc.pdf' });
 */
export function createParsePool({
  workers = defaultParseWorkers(),
  timeoutMs = DEFAULT_PARSE_TIMEOUT_MS,
  memoryMb = DEFAULT_PARSE_MEMORY_MB,
  scanTimeoutMs = DEFAULT_SCAN_TIMEOUT_MS,
  maxQueue = DEFAULT_PARSE_QUEUE,
}: ParsePoolOptions = {}): ParsePool {
  const pool = new Tinypool({
    filename: new URL('./parse-worker.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.round(memoryMb / 8))),
    },
  });
  // A worker that dies between tasks is replaced; it must not take the server with it.
  pool.on('error', (error: unknown) => console.error('Parse worker failed between tasks:', error));

  // Tasks wait here, not in tinypool's queue, so a task's time limit starts when a worker takes it — and only
  // once the workers have loaded the readers (seconds on a busy machine), which a document must not pay for.
  let running = workers;
  const waiting: Array<() => void> = [];
  const acquire = (): Promise<void> => {
    if (running < workers) {
      running++;
      return Promise.resolve();
    }
    // Bounded: past it the task is refused at once, so a flood of uploads cannot pile up their bytes here.
    if (waiting.length >= maxQueue) return Promise.reject(queueFull());
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  /** Resolves once a worker has answered a ping: a worker started in place of an ended one has loaded. */
  const warm = () =>
    pool.run({ kind: 'ping' }, { signal: AbortSignal.timeout(120_000) }).then(
      () => undefined,
      () => undefined,
    );
  for (let i = 0; i < workers; i++) void warm().finally(release);

  async function run<K extends ParseTask['kind']>(
    task: ParseTask & { kind: K },
    transferList?: MessagePort[],
  ): Promise<TaskResult<K>> {
    const limitMs = 'bytes' in task && mayBeScan(task.bytes) ? Math.max(timeoutMs, scanTimeoutMs) : timeoutMs;
    await acquire();
    let outcome: TaskOutcome<unknown>;
    let ended = false;
    try {
      outcome = (await pool.run(task, {
        signal: AbortSignal.timeout(limitMs),
        ...(transferList ? { transferList } : {}),
      })) as TaskOutcome<unknown>;
    } catch (error) {
      ended = true;
      throw stopped(error, limitMs, memoryMb);
    } finally {
      // The worker was ended: its slot is given back once its replacement has loaded.
      if (ended) void warm().finally(release);
      else release();
    }
    if (!outcome.ok) throw reviveFailure(outcome.failure);
    return outcome.value as TaskResult<K>;
  }

  return {
    read: (bytes, { onProgress, ...options }) => {
      if (!onProgress) return run({ kind: 'read', bytes, options });
      // A callback cannot cross to a worker: the worker posts each page's progress to a port of a channel.
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (progress: OcrProgress) => onProgress(progress));
      return run({ kind: 'read', bytes, options, progress: port2 }, [port2]).finally(() =>
        // Messages posted just before the answer are still on their way: let them land, then close.
        setImmediate(() => port1.close()),
      );
    },
    check: (bytes, request) => run({ kind: 'check', bytes, request }),
    draw: (report) => run({ kind: 'report', ...report }),
    load: () => ({ running, waiting: waiting.length, workers: pool.threads.length }),
    full: () => (running >= workers && waiting.length >= maxQueue ? BUSY_RETRY_SECONDS : undefined),
    close: () => pool.destroy(),
  };
}

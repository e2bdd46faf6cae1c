/**
 * `npm run bench -- hostile [--in-process]`: starts a real server, posts hostile documents (generated here,
 * never stored) to `POST /api/check` four at a time, and samples `/api/health` meanwhile. Prints the
 * health latency p50/p99/max under attack, and per document its status and time; counts 5xx and hangs
 * (no answer within 120 s). `--in-process` reads on the event loop (CBA_PARSE_WORKERS=0), as before the pool.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';

interface Hostile {
  name: string;
  filename: string;
  bytes: Uint8Array;
}

async function hostileDocuments(): Promise<Hostile[]> {
  const text = (s: string) => new TextEncoder().encode(s);
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 1500; i++)
    pdf.addPage([300, 300]).drawText(`Dieu ${i}. Thoi gio lam viec ${i}`, { x: 20, y: 250, size: 10, font });
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p/>'.repeat(2_000_000)}<w:p><w:r><w:t>Điều 1. Thời giờ</w:t></w:r></w:p></w:body></w:document>`,
  );
  const docx = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return [
    {
      name: '10,000 repeated clause numbers',
      filename: 'so-lap.txt',
      bytes: text('Điều 1. Tiền lương\n1. a\n'.repeat(10_000)),
    },
    {
      name: 'a run of emphasis markers (Markdown)',
      filename: 'nhan.md',
      bytes: text(`Điều 1. ${'*_'.repeat(20_000)}\n`),
    },
    {
      name: '1 MB of blank lines',
      filename: 'trong.txt',
      bytes: text(`Điều 1. Nghỉ phép\n${'\n'.repeat(1_000_000)}Điều 2. Hết\n`),
    },
    { name: 'a 1,500-page PDF', filename: 'dai.pdf', bytes: await pdf.save() },
    {
      name: `Word with 2,000,000 empty paragraphs (${Math.round(docx.byteLength / 1024)} KB)`,
      filename: 'rong.docx',
      bytes: docx,
    },
  ];
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The server's CPU time so far (all its threads), in ms, from /proc; undefined where there is none. */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, fields 14 and 15 of stat (11 and 12 after the command), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export async function runHostileBench({
  inProcess,
  profileDir,
  serverDir = process.cwd(),
}: {
  inProcess: boolean;
  /** Writes a CPU profile of the server's main thread there (`--cpu-prof`), to see what still runs on the event loop. */
  profileDir?: string | undefined;
  /** The checkout whose server is started (another worktree, for A/B runs in one process). */
  serverDir?: string | undefined;
}): Promise<void> {
  const documents = await hostileDocuments();
  const dataDir = mkdtempSync(join(tmpdir(), 'cba-hostile-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
      '--import',
      'tsx',
      'server/main.ts',
    ],
    {
      env: {
        ...process.env,
        PORT: String(port),
        CBA_DATA_DIR: dataDir,
        CBA_SEED: '0',
        CBA_API_TOKEN: '',
        CBA_MAX_UPLOAD_BYTES: String(20 * 1024 * 1024),
        CBA_PARSES_PER_CLIENT: '8',
        CBA_RATE_CHECK_PER_MINUTE: '1000',
        ...(inProcess ? { CBA_PARSE_WORKERS: '0' } : {}),
      },
      cwd: serverDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  try {
    for (let deadline = Date.now() + 60_000; ; ) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline || exited) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    // One quiet round of samples first: the baseline.
    const sample = async (until: () => boolean): Promise<number[]> => {
      const times: number[] = [];
      while (!until()) {
        const started = performance.now();
        await fetch(`${base}/api/health`).then(
          (r) => r.arrayBuffer(),
          () => undefined,
        );
        times.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 20));
      }
      return times;
    };
    const quietEnd = Date.now() + 2000;
    const quiet = (await sample(() => Date.now() > quietEnd)).sort((a, b) => a - b);
    const cpuBefore = cpuMsOf(child.pid);

    let finished = 0;
    const results: Array<{ name: string; status: number | string; ms: number }> = [];
    const queue = [...documents];
    const post = async () => {
      for (let doc = queue.shift(); doc; doc = queue.shift()) {
        const started = performance.now();
        const form = new FormData();
        form.set('file', new File([doc.bytes.slice()], doc.filename));
        const status = await fetch(`${base}/api/check`, {
          method: 'POST',
          body: form,
          signal: AbortSignal.timeout(120_000),
        }).then(
          async (r) => {
            await r.arrayBuffer();
            return r.status;
          },
          (e: Error) => (e.name === 'TimeoutError' ? 'hang' : `failed (${e.message})`),
        );
        results.push({ name: doc.name, status, ms: Math.round(performance.now() - started) });
      }
      finished++;
    };
    const attackers = Array.from({ length: 4 }, post);
    const underAttack = (await sample(() => finished === attackers.length)).sort((a, b) => a - b);
    await Promise.all(attackers);

    const cpuAfter = cpuMsOf(child.pid);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(
      `Server ${serverDir}; mode: ${inProcess ? 'in process (event loop)' : 'worker pool'}; 4 documents at a time; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    if (cpuBefore !== undefined && cpuAfter !== undefined)
      console.log(`Server CPU under attack (all threads): ${((cpuAfter - cpuBefore) / 1000).toFixed(1)} s`);
    console.log(`Health quiet:        p50 ${ms(percentile(quiet, 50))}, p99 ${ms(percentile(quiet, 99))}`);
    console.log(
      `Health under attack: p50 ${ms(percentile(underAttack, 50))}, p99 ${ms(percentile(underAttack, 99))}, max ${ms(underAttack.at(-1) ?? Number.NaN)} (${underAttack.length} samples)`,
    );
    for (const r of results)
      console.log(`  ${String(r.status).padEnd(6)} ${String(r.ms).padStart(7)} ms  ${r.name}`);
    const fiveHundreds = results.filter((r) => typeof r.status === 'number' && r.status >= 500).length;
    const hangs = results.filter((r) => typeof r.status !== 'number').length;
    console.log(
      `Cases ${results.length}, 5xx ${fiveHundreds}, hangs or failures ${hangs}, server ${exited ? 'EXITED' : 'still running'}`,
    );
  } finally {
    const ended = new Promise((resolve) => (exited ? resolve(undefined) : child.once('exit', resolve)));
    child.kill('SIGTERM');
    // The profile is written as the server exits.
    if (profileDir) await ended;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

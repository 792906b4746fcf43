/**
 * `campaign-lab sweep`: runs a scenario over a range of one key's values with common random numbers
 * (the same seed at every point), optionally one shard of the points, and `sweep merge` joins shards.
 */
import { SCENARIO_ARGUMENT, runOptions, scenarioSettings } from '../scenarioOptions.js';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import type { Command, CliContext } from '../CliContext.js';
import { printJson } from '../printJson.js';
import { toJsonText } from '../../io/jsonText.js';
import { ProgressBar } from '../ProgressBar.js';
import { prepareScenario, warnOnStderr } from '../../node/prepareScenario.js';
import { parseShard, parseVary } from '../parseVary.js';
import { formatCount, formatShare } from '../../briefing/formatNumber.js';
import { checkOutputFolder, writeFolderAtomic } from '../../node/writeFileAtomic.js';
import type { ReportFile } from '../../node/writeFileAtomic.js';
import { checkSweepShard, sweep, mergeSweepShards } from '../../node/sweep.js';
import { readInputText } from '../../node/readInputFile.js';
import type { SweepResult } from '../../node/sweep.js';
import { simulateParallel } from '../../node/simulateParallel.js';
import { loadParameters } from '../../node/data/loadParameters.js';
import { winProbabilityByListSize } from '../../charts/winProbabilityByListSize.js';
import { wilsonInterval } from '../../analysis/winProbability.js';

/**
 * A table of the sweep: value, P(win) of side A with its 95 % Wilson interval, expected electoral votes
 * (or seats), and the paired change in P(win) from the previous point with its standard error.
 *
 * @example
 * formatSweep(result).split('\n')[1].trim()
 * // => 'value    P(D wins)      95% interval    E[electoral votes D]    change from previous ± SE'
 */
function formatSweep(result: SweepResult): string {
  const [a] = result.scenario.sides;
  const weight = result.scenario.rule === 'electoral-college' ? 'electoral votes' : 'weight';
  const lines = [
    `Sweep of ${result.key} from ${result.from} to ${result.to} in ${result.steps} steps${result.shard ? ` (shard ${result.shard.index + 1}/${result.shard.count})` : ''}: ${formatCount(result.simulations)} simulations per point, seed ${result.seed}`,
    `${'value'.padStart(16)} ${`P(${a} wins)`.padStart(12)} ${'95% interval'.padStart(15)} ${`E[${weight} ${a}]`.padStart(22)} ${'change from previous ± SE'.padStart(28)}`,
  ];
  for (const p of result.points) {
    const s = p.summary;
    const n = s.simulations;
    const { low, high } = wilsonInterval(Math.round(s.pWin[a] * n), n);
    const interval = `${(low * 100).toFixed(1)}–${formatShare(high)}`;
    const change = !p.change
      ? ''
      : p.change.gained + p.change.lost === 0
        ? `no draw changed (< ${(p.change.high * 100).toFixed(2)} pp)`
        : `${formatSignedPp(p.change.difference)} ± ${(p.change.standardError * 100).toFixed(2)} pp`;
    lines.push(`${formatCount(p.value).padStart(16)} ${formatShare(s.pWin[a]).padStart(12)} ${interval.padStart(15)} ${s.expectedWeight[a].toFixed(1).padStart(22)} ${change.padStart(28)}`);
  }
  lines.push(
    '',
    `95% interval: Wilson interval of P(${a} wins) from ${formatCount(result.simulations)} simulations (Monte Carlo error only).`,
    `Change: P(${a} wins) minus the previous point's, paired draw by draw on the same seed; ± one standard error of that paired difference`,
    '(when no draw changed, the bound is the 95% rule-of-three limit 3/n).',
  );
  return `${lines.join('\n')}\n`;
}

/** A difference of probabilities in percentage points with its sign: 0.0123 → `+1.23 pp`. */
function formatSignedPp(difference: number): string {
  return `${difference >= 0 ? '+' : '−'}${Math.abs(difference * 100).toFixed(2)} pp`;
}

/** Name of a sweep's file: sweep.json, or sweep.shard-k-of-n.json for shard k of n (1-based). */
function sweepFileName(shard: { index: number; count: number } | undefined): string {
  return shard ? `sweep.shard-${shard.index + 1}-of-${shard.count}.json` : 'sweep.json';
}

/** Shard files of an earlier sweep in the folder: never replaced by another output. */
const SHARD_FILES = /^sweep\.shard-\d+-of-\d+\.json$/;

/** The files of a sweep under DIR: sweep.json (or the shard's file) and, for a list-size key, its chart. */
async function sweepFiles(dir: string, result: SweepResult): Promise<ReportFile[]> {
  const name = sweepFileName(result.shard);
  const files: ReportFile[] = [{ path: join(dir, name), data: toJsonText(result) }];
  const side = /^campaigns\.([^.]+)\.listSize$/.exec(result.key)?.[1];
  if (!result.shard && side === result.scenario.sides[0] && result.points.length >= 2) {
    const spec = winProbabilityByListSize(
      {
        side,
        measure: 'listSize',
        points: result.points.map((p) => {
          const pWin = p.summary.pWin[side];
          const { low, high } = wilsonInterval(Math.round(pWin * p.summary.simulations), p.summary.simulations);
          return { value: p.value, pWin, low, high };
        }),
        intervalLabel: '95% Wilson interval (Monte Carlo error)',
      },
      {
        title: `How ${side}'s chances move with the size of its list`,
        subtitle: `${result.scenario.name}; ${formatCount(result.simulations)} draws per point, same seed`,
        sources: [result.scenario.resultsSource, `campaign-lab ${result.version} sweep, seed ${result.seed}`],
      },
    );
    // Laid out once by Vega; the PNG is rasterised from that SVG.
    const { renderChartHere } = await import('../../node/chartRenderer.js');
    const drawn = await renderChartHere(spec, 2);
    files.push({ path: join(dir, 'sweep.svg'), data: drawn.svg }, { path: join(dir, 'sweep.png'), data: drawn.png });
  }
  return files;
}

async function output(result: SweepResult, args: { options: Record<string, unknown> }, context: CliContext): Promise<void> {
  const out = args.options.out as string | undefined;
  if (out) {
    // A report folder as run --out writes one: staged beside DIR with its manifest and swapped in whole;
    // a folder of other files, or holding another shard, is refused and left untouched.
    const files = await sweepFiles(resolve(context.cwd, out), result);
    await writeFolderAtomic(resolve(context.cwd, out), files.map((f) => ({ name: basename(f.path), data: f.data })), context.signal, out, { keep: SHARD_FILES });
  }
  if (args.options.json) printJson(context.stdout, result);
  else context.stdout.write(formatSweep(result) + (out ? `Written to ${out}/\n` : ''));
}

/** The `sweep` command. */
export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'Run a scenario over a range of one key (e.g. list size), same seed at every point.',
  details: [
    'Every point uses the same seed, so differences between points are not noise from different draws.',
    'Split the points over machines with --shard k/n (points i with i mod n = k − 1), then join the',
    'shard files with `campaign-lab sweep merge`. --out DIR follows the report rules of run --out: DIR must be',
    'new, empty or an earlier output of campaign-lab, and each shard goes to its own folder.',
    '',
    'Examples:',
    '  campaign-lab sweep scenarios/florida-2000.yaml --vary campaigns.D.listSize=0:10000000:11 --out sweep',
    '  campaign-lab sweep scenarios/florida-2000.yaml --vary campaigns.D.listSize=0:1e7:11 --shard 1/2 --out part1',
  ].join('\n'),
  spec: {
    positionals: [SCENARIO_ARGUMENT],
    options: {
      vary: { type: 'string', required: true, valueName: 'key=from:to:steps', description: 'Key path and range, e.g. campaigns.D.listSize=0:2e7:11.' },
      shard: { type: 'string', valueName: 'k/n', description: 'Run only shard k of n (1-based) of the points.' },
      ...runOptions(['sims', 'seed', 'threads', 'set'], { sims: 'Simulations per point (overrides simulations).', seed: 'Seed (overrides seed).' }),
      out: { type: 'string', valueName: 'DIR', description: 'Write sweep.json (a shard: sweep.shard-k-of-n.json) and, for list size, its chart, as run --out writes a report (manifest, swapped in whole; a folder of other files or of another shard is refused).' },
      json: { type: 'flag', description: 'Print the sweep as one JSON document on stdout.' },
    },
  },
  async run(args, context) {
    const vary = parseVary(args.options.vary as string);
    const shard = args.options.shard === undefined ? undefined : parseShard(args.options.shard as string);
    const file = args.positionals.scenario as string;
    // A wrong --out (a file, a folder of other files or of another shard) is said before the sweep runs.
    const out = args.options.out as string | undefined;
    if (out) await checkOutputFolder(resolve(context.cwd, out), out, { keep: SHARD_FILES, writing: [sweepFileName(shard)] });
    const prepared = await prepareScenario(file, { ...scenarioSettings(args.options), cwd: context.cwd, onWarning: warnOnStderr(context.stderr) });
    const bar = new ProgressBar({ sink: context.stderr, enabled: context.stderrIsTTY, label: 'sweep' });
    let result: SweepResult;
    try {
      result = await sweep(prepared.scenario, { ...vary, ...(shard ? { shard } : {}) }, {
        results: prepared.results,
        parameters: loadParameters(),
        ...(prepared.history ? { history: prepared.history } : {}),
        file,
        runner: (resolved, o) => simulateParallel(resolved, { ...o, threads: resolved.threads, signal: context.signal }),
        onPoint: (done, total) => bar.update(done, total),
      });
    } finally {
      bar.finish();
    }
    await output(result, args, context);
  },
};

/** Largest shard file read, bytes: 5,000 points of a 107-territory race are about 300 MB of JSON. */
const MAX_SHARD_BYTES = 400 * 1024 * 1024;

/** Heap a merge needs per byte of shard JSON (measured: 88 MB of shards merge in a 256 MB heap, not in 200 MB). */
const MERGE_HEAP_PER_BYTE = 3.5;
/** Heap a merge needs besides the shards: the program itself. */
const MERGE_HEAP_BASE = 64 * 1024 * 1024;

/**
 * Refuses, before reading, a merge whose shards would not fit in the heap this process may use (Node's
 * heap limit, `--max-old-space-size`): a runtime failure (exit 1) with the figures and the way out.
 * Files that cannot be read are left to the reader's own message.
 *
 * @throws Error naming the shards' size, the memory needed and the limit
 */
async function checkMergeMemory(paths: readonly string[]): Promise<void> {
  const { stat } = await import('node:fs/promises');
  const { getHeapStatistics } = await import('node:v8');
  let bytes = 0;
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isFile()) bytes += info.size;
    } catch {
      // The reader says what is wrong with it.
    }
  }
  const heap = getHeapStatistics();
  const available = heap.heap_size_limit - heap.used_heap_size;
  const needed = bytes * MERGE_HEAP_PER_BYTE + MERGE_HEAP_BASE;
  if (needed > available) {
    const mb = (n: number) => `${Math.ceil(n / (1 << 20)).toLocaleString('en-US')} MB`;
    throw new Error(
      `the shard files hold ${mb(bytes)} of JSON; merging them needs about ${mb(needed)} of memory, and this process may use ${mb(available)} ` +
        `(Node's heap limit): raise it with NODE_OPTIONS=--max-old-space-size=${Math.ceil((needed + heap.used_heap_size) / (1 << 20))}, or sweep fewer points or territories`,
    );
  }
}

/** The `sweep merge` command. */
export const sweepMergeCommand: Command = {
  name: 'sweep merge',
  summary: 'Join the shard files of one sweep into the whole sweep.',
  details: 'The result is exactly what the unsharded sweep gives. Each shard is checked: shards of another sweep (a different\nscenario, seed, simulations, --vary or version: their fingerprints differ) and shards changed after they were written are\nrefused with exit 2, naming the files and the key.\n\nExample: campaign-lab sweep merge part1/sweep.shard-1-of-2.json part2/sweep.shard-2-of-2.json --out sweep',
  spec: {
    positionals: [{ name: 'files', description: 'the shard files (sweep --shard ... --out DIR)', rest: true }],
    options: {
      out: { type: 'string', valueName: 'DIR', description: 'Write sweep.json and, for list size, its chart to DIR, as run --out writes a report (not the folder of the shard files).' },
      json: { type: 'flag', description: 'Print the merged sweep as one JSON document on stdout.' },
    },
  },
  async run(args, context) {
    const files = args.positionals.files as string[];
    const out = args.options.out as string | undefined;
    if (out) {
      // The merged sweep replaces DIR whole: never the folder the shards are read from.
      const dir = resolve(context.cwd, out);
      if (files.some((f) => dirname(resolve(context.cwd, f)) === dir)) {
        throw new InputError({ at: `--out ${out}`, expected: 'a folder other than the one holding the shard files (it would be replaced)', found: 'the folder of a shard file' });
      }
      await checkOutputFolder(dir, out, { keep: SHARD_FILES, writing: ['sweep.json'] });
    }
    // Merging holds every shard's points (about 3.5 bytes of heap per byte of JSON, measured on a
    // sweep of 1,000 territories): said before reading, in words, instead of a V8 out-of-memory trace.
    await checkMergeMemory(files.map((f) => resolve(context.cwd, f)));
    const parts: SweepResult[] = [];
    for (const file of files) {
      const text = await readInputText(resolve(context.cwd, file), { expected: 'a sweep shard file (sweep --shard … --out DIR)', maxBytes: MAX_SHARD_BYTES, shownPath: file });
      let part: unknown;
      try {
        part = JSON.parse(text);
      } catch {
        throw new InputError({ file, expected: 'a sweep shard (JSON from sweep --shard --out)', found: 'text that is not JSON' });
      }
      // Every field checked, fingerprint and digest recomputed: a changed or foreign file is named.
      parts.push(checkSweepShard(part, file));
    }
    await output(mergeSweepShards(parts, files), args, context);
  },
};

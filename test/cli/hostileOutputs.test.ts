/**
 * Outputs and faults, second round: control characters in text output, writes cut short by a full disk,
 * folders written by sweep, numbers that cannot be represented, thread counts past the machine's cores.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot, runMain } from './cliHarness.js';

const dir = mkdtempSync(join(tmpdir(), 'cl-hostile-outputs-'));
const PROCESS_TEST = { timeout: 15 * 60 * 1000 };
const tsxLoader = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;
/** C0 and C1 controls (tab and line feed aside), DEL, and the bidirectional overrides: what a terminal acts on. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

test('control characters in a scenario name and in a race file\'s ids and names are escaped in all text output', async () => {
  const esc = '\u001b[2J\u001b]0;pwned\u0007';
  const race = ['id,name,weight,D,R', `"N${esc}",North\u009b31m,3,120,80`, `S,"South\r\u202eevil",2,90,110`];
  writeFileSync(join(dir, 'escapes.csv'), `${race.join('\n')}\n`);
  writeFileSync(join(dir, 'escapes.yaml'), ['name: "Hostile \\e[31m name\\a"', 'race: { file: escapes.csv, format: table }', 'rule: electoral-college', 'sides: [D, R]', 'simulations: 300', 'seed: 1', ''].join('\n'));
  for (const argv of [['run', join(dir, 'escapes.yaml')], ['results', '--file', join(dir, 'escapes.csv')], ['flip', join(dir, 'escapes.yaml')], ['sweep', join(dir, 'escapes.yaml'), '--vary', 'campaigns.D.listSize=0:1000:2']]) {
    const r = await runMain(argv);
    assert.equal(r.code, 0, `${argv.join(' ')}: ${r.stderr}`);
    assert.ok(!RAW_CONTROL.test(r.stdout), `${argv[0]} prints a control character raw: ${JSON.stringify(r.stdout.slice(0, 400))}`);
    assert.ok(!RAW_CONTROL.test(r.stderr), r.stderr);
  }
  const text = await runMain(['run', join(dir, 'escapes.yaml')]);
  assert.match(text.stdout, /Hostile \\u\{1b\}\[31m name\\u\{7\}/);
  // JSON keeps every value, with the characters escaped as JSON does (\u001b), C1 and bidi included.
  const json = await runMain(['run', join(dir, 'escapes.yaml'), '--json']);
  assert.equal(json.code, 0, json.stderr);
  assert.ok(!RAW_CONTROL.test(json.stdout));
  const doc = JSON.parse(json.stdout);
  assert.equal(doc.name, 'Hostile \u001b[31m name\u0007');
  assert.deepEqual(doc.territories.map((t: { id: string }) => t.id).sort(), [`N${esc}`, 'S']);
  assert.ok(doc.territories.some((t: { name: string }) => t.name === 'North\u009b31m'));
});

/** Runs the command line with a limit on the size of files it writes (RLIMIT_FSIZE), stdout to a file. */
function runWithFileSizeLimit(argv: string[], kib: number, out: string): Promise<{ code: number | null; stderr: string }> {
  const command = `ulimit -f ${kib}; exec "$0" --import "$1" "$2" "\${@:3}" > "${out}"`;
  const child = spawn('bash', ['-c', command, process.execPath, tsxLoader, join(projectRoot, 'src/cli/main.ts'), ...argv], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

test('stdout redirected to a file the disk cuts short (a short write, then EFBIG) is exit 1 with a message, never exit 0', PROCESS_TEST, async () => {
  // A file size limit of 16 KiB: the kernel writes the first 16 KiB of a larger buffer (the 25 KB
  // schema) and says so (a short write), and refuses the next write, as a nearly full disk does.
  const out = join(dir, 'cut.json');
  const r = await runWithFileSizeLimit(['schema'], 16, out);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /campaign-lab: failed: could not write the output to standard output \(the file grew past the largest size allowed\); it is incomplete/);
  assert.equal(statSync(out).size, 16 * 1024);
  // Under the limit, the whole document.
  const whole = join(dir, 'whole.json');
  const ok = await runWithFileSizeLimit(['schema'], 4096, whole);
  assert.equal(ok.code, 0, ok.stderr);
  assert.ok(JSON.parse(readFileSync(whole, 'utf8')).definitions);
});

test('a line separator (U+2028, U+2029) in a candidate\'s or a territory\'s name does not break the charts\' Vega expressions', PROCESS_TEST, async () => {
  writeFileSync(join(dir, 'separators.csv'), 'id,name,weight,MAC\u2028RON,LE\u2029PEN\nN,No\u2028rth,3,120,80\nS,South,2,90,110\n');
  writeFileSync(join(dir, 'separators.yaml'), ['name: "Line\\u2028separator"', 'race: { file: separators.csv, format: table }', 'rule: electoral-college', 'sides: ["MAC\\u2028RON", "LE\\u2029PEN"]', 'simulations: 500', 'seed: 1', ''].join('\n'));
  const out = join(dir, 'separators-report');
  const r = await runMain(['run', join(dir, 'separators.yaml'), '--out', out, '--no-sweep']);
  assert.equal(r.code, 0, r.stderr);
  const svg = readFileSync(join(out, 'weight-distribution.svg'), 'utf8');
  assert.match(svg, /MAC RON/);
  // The data keep their names (summary.json), with the separators escaped as JSON allows.
  const summary = readFileSync(join(out, 'summary.json'), 'utf8');
  assert.match(summary, /"MAC\\u2028RON"/);
  assert.equal(JSON.parse(summary).sides[0], 'MAC\u2028RON');
});

test('sweep --out and sweep merge --out follow run --out\'s report rules: manifest, swapped whole, the user\'s files and other shards refused', PROCESS_TEST, async () => {
  const { cpSync, existsSync, readdirSync } = await import('node:fs');
  const base = ['sweep', 'scenarios/florida-2000.yaml', '--vary', 'campaigns.D.listSize=0:8e6:3', '--sims', '300'];
  // A folder of the user's own sweep.json and sweep.png: refused before the sweep runs, left untouched.
  const mine = join(dir, 'my-sweep');
  (await import('node:fs')).mkdirSync(mine);
  writeFileSync(join(mine, 'sweep.json'), 'my notes');
  writeFileSync(join(mine, 'sweep.png'), 'my picture');
  for (const argv of [[...base, '--out', mine], [...base, '--shard', '1/2', '--out', mine]]) {
    const r = await runMain(argv);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--out .*my-sweep must be a new folder, an empty one, or one holding only an earlier output of campaign-lab.*got a folder holding 2 files campaign-lab did not write/);
  }
  assert.equal(readFileSync(join(mine, 'sweep.json'), 'utf8'), 'my notes');
  assert.equal(readFileSync(join(mine, 'sweep.png'), 'utf8'), 'my picture');
  // A sweep folder carries a manifest, and a later sweep replaces it whole.
  const out = join(dir, 'sweep-out');
  assert.equal((await runMain([...base, '--out', out])).code, 0);
  assert.deepEqual(readdirSync(out).sort(), ['.campaign-lab-manifest.json', 'sweep.json', 'sweep.png', 'sweep.svg']);
  assert.equal((await runMain([...base, '--seed', '9', '--out', out])).code, 0);
  assert.equal(JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')).seed, 9);
  // Shards: one per folder; a second shard into the first's folder is refused, the first kept.
  const shards = join(dir, 'shards');
  assert.equal((await runMain([...base, '--shard', '1/2', '--out', shards])).code, 0);
  const second = await runMain([...base, '--shard', '2/2', '--out', shards]);
  assert.equal(second.code, 2, second.stderr);
  assert.match(second.stderr, /not holding files this output would replace \(each shard of a sweep goes to its own folder\), got a folder holding sweep\.shard-1-of-2\.json \(left untouched\)/);
  assert.ok(existsSync(join(shards, 'sweep.shard-1-of-2.json')));
  // The same shard again replaces its own file.
  assert.equal((await runMain([...base, '--shard', '1/2', '--out', shards])).code, 0);
  const other = join(dir, 'shards-2');
  assert.equal((await runMain([...base, '--shard', '2/2', '--out', other])).code, 0);
  // sweep merge --out: never the folder of the shards it reads.
  const inputs = [join(shards, 'sweep.shard-1-of-2.json'), join(other, 'sweep.shard-2-of-2.json')];
  const over = await runMain(['sweep', 'merge', ...inputs, '--out', shards]);
  assert.equal(over.code, 2, over.stderr);
  assert.match(over.stderr, /--out .*shards must be a folder other than the one holding the shard files \(it would be replaced\)/);
  assert.equal((await runMain(['sweep', 'merge', ...inputs, '--out', mine])).code, 2);
  const merged = join(dir, 'merged');
  assert.equal((await runMain(['sweep', 'merge', ...inputs, '--out', merged])).code, 0);
  assert.ok(existsSync(join(merged, '.campaign-lab-manifest.json')));
  // What a killed sweep left: an old writer's hidden temporary file inside the folder, a staging folder
  // beside it (process 99999999 cannot be running: above Linux's maximum). The next sweep removes both.
  cpSync(out, join(dir, '.sweep-out.99999999.abc.tmp'), { recursive: true });
  writeFileSync(join(out, '.sweep.json.99999999.k3j2.tmp'), '{"half": ');
  assert.equal((await runMain([...base, '--out', out])).code, 0);
  assert.deepEqual(readdirSync(out).filter((name) => name.endsWith('.tmp')), []);
  assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('.sweep-out.')), []);
});

test('a sweep --out killed (SIGKILL) leaves the earlier sweep intact, and the next sweep leaves no temporary file', PROCESS_TEST, async () => {
  const { readdirSync } = await import('node:fs');
  const { spawnCli, waitForSigintHandler } = await import('./cliHarness.js');
  const parent = mkdtempSync(join(tmpdir(), 'cl-sweep-kill-'));
  const out = join(parent, 'sweep');
  const base = ['sweep', 'scenarios/florida-2000.yaml', '--vary', 'campaigns.D.listSize=0:8e6:3'];
  assert.equal((await runMain([...base, '--sims', '300', '--out', out])).code, 0);
  const before = readFileSync(join(out, 'sweep.json'), 'utf8');
  const child = spawnCli([...base, '--sims', '20000000', '--seed', '5', '--out', out]);
  const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  assert.ok(await waitForSigintHandler(child), 'the sweep ended before it could be killed');
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  assert.equal(readFileSync(join(out, 'sweep.json'), 'utf8'), before);
  assert.equal((await runMain([...base, '--sims', '300', '--seed', '6', '--out', out])).code, 0);
  assert.deepEqual(readdirSync(parent), ['sweep']);
  assert.deepEqual(readdirSync(out).filter((name) => name.startsWith('.') && name !== '.campaign-lab-manifest.json'), []);
});

test('numbers past 2^53 − 1 and seeds that are not integers are refused, never rounded in silence, in files as on the command line', async () => {
  writeFileSync(join(dir, 'huge-votes.csv'), 'id,name,weight,D,R\nN,North,3,99999999999999999999,80\n');
  const votes = await runMain(['results', '--file', join(dir, 'huge-votes.csv')]);
  assert.equal(votes.code, 2, votes.stderr);
  assert.match(votes.stderr, /huge-votes\.csv: line 2, column 4 \(D\) must be a whole number of at most 9,007,199,254,740,991 \(2\^53 − 1; larger ones cannot be kept exactly\), got "99999999999999999999"/);
  writeFileSync(join(dir, 'huge-weight.csv'), 'id,name,weight,D,R\nN,North,1e20,10,80\n');
  assert.match((await runMain(['results', '--file', join(dir, 'huge-weight.csv')])).stderr, /column 3 \(weight\) must be a number of at most 9,007,199,254,740,991/);
  for (const seed of ['1.5', '1e21', '99999999999999999999']) {
    const yaml = join(dir, `seed-${seed}.yaml`);
    writeFileSync(yaml, readFileSync(join(projectRoot, 'scenarios/florida-2000.yaml'), 'utf8').replace(/^seed: .*$/m, `seed: ${seed}`));
    const r = await runMain(['run', yaml, '--sims', '100']);
    assert.equal(r.code, 2, `seed ${seed}: ${r.stderr}`);
    assert.match(r.stderr, /seed \(line \d+\) must be an integer from -9007199254740991 to 9007199254740991, got /);
    const flag = await runMain(['run', 'scenarios/florida-2000.yaml', '--sims', '100', '--seed', seed]);
    assert.equal(flag.code, 2, flag.stderr);
    assert.match(flag.stderr, /--seed must be an integer/);
  }
  assert.match((await runMain(['run', 'scenarios/florida-2000.yaml', '--seed', '99999999999999999999'])).stderr, /--seed must be an integer of at most 9,007,199,254,740,991 \(2\^53 − 1; larger ones cannot be kept exactly\), got 99999999999999999999/);
});

test('--threads above the machine\'s cores is capped to the cores, with a warning: memory stays that of the cores, the results are the same', PROCESS_TEST, async () => {
  const { availableParallelism } = await import('node:os');
  const { runMeasured } = await import('./measuredCli.js');
  const cores = availableParallelism();
  // 3,000 territories: each thread's workspace holds a few per-unit arrays of a batch of draws.
  const rows = ['id,name,weight,D,R', ...Array.from({ length: 3000 }, (_, i) => `U${i},Unit ${i},1,${1000 + (i % 97)},${1000 + (i % 89)}`)];
  writeFileSync(join(dir, 'many-units.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'many-units.yaml'), ['name: many units', 'race: { file: many-units.csv, format: table }', 'rule: seats', 'sides: [D, R]', 'simulations: 40000', 'seed: 1', ''].join('\n'));
  const many = await runMeasured(['run', join(dir, 'many-units.yaml'), '--threads', '64', '--json']);
  assert.equal(many.code, 0, many.stderr);
  assert.match(many.stderr, new RegExp(`campaign-lab: warning: threads 64 is more than the ${cores} cores? of this machine: running on ${cores}`));
  const capped = await runMeasured(['run', join(dir, 'many-units.yaml'), '--threads', String(cores), '--json']);
  assert.equal(capped.code, 0, capped.stderr);
  assert.equal(capped.stderr, '');
  const a = JSON.parse(many.stdout);
  const b = JSON.parse(capped.stdout);
  assert.equal(a.scenario.threads, cores);
  assert.deepEqual(a.pWin, b.pWin);
  // 64 threads would hold 64 workspaces; capped, the run costs what `cores` threads cost (1.5× for slack).
  assert.ok(many.peakMiB < capped.peakMiB * 1.5 + 50, `--threads 64 peaked at ${many.peakMiB.toFixed(0)} MiB, --threads ${cores} at ${capped.peakMiB.toFixed(0)} MiB`);
  const bench = await runMain(['bench', '--sims', '10000', '--threads', '64', '--json']);
  assert.equal(bench.code, 0, bench.stderr);
  assert.equal(JSON.parse(bench.stdout).threads, cores);
  assert.match(bench.stderr, /warning: threads 64 is more than/);
});

test('sweep merge of a large shard stays within memory, and past the heap it may use says so in words (exit 1), never a V8 out-of-memory trace', PROCESS_TEST, async () => {
  const { statSync: stat } = await import('node:fs');
  const { runMeasured } = await import('./measuredCli.js');
  // A shard of 1,000 territories and 60 points: about 25 MB of JSON, made here.
  const rows = ['id,name,weight,D,R', ...Array.from({ length: 1000 }, (_, i) => `T${i},Territory ${i},1,${500 + ((i * 37) % 1000)},${500 + ((i * 53) % 1000)}`)];
  writeFileSync(join(dir, 'thousand.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'thousand.yaml'), ['name: thousand', 'race: { file: thousand.csv, format: table }', 'rule: seats', 'sides: [D, R]', 'simulations: 100', 'seed: 1', 'campaigns:', '  D: { listSize: 1000000 }', ''].join('\n'));
  const out = join(dir, 'big-shard');
  assert.equal((await runMain(['sweep', join(dir, 'thousand.yaml'), '--vary', 'campaigns.D.listSize=0:1e7:60', '--shard', '1/1', '--out', out])).code, 0);
  const shard = join(out, 'sweep.shard-1-of-1.json');
  const mb = stat(shard).size / (1 << 20);
  assert.ok(mb > 15, `${mb.toFixed(0)} MB`);
  const merged = await runMeasured(['sweep', 'merge', shard, '--json']);
  assert.equal(merged.code, 0, merged.stderr);
  assert.equal(JSON.parse(merged.stdout).points.length, 60);
  assert.ok(merged.peakMiB < 200 + 10 * mb, `merging ${mb.toFixed(0)} MB peaked at ${merged.peakMiB.toFixed(0)} MiB`);
  // In a 64 MB heap: refused before reading, with the figures and the way out.
  const small = await runMeasured(['sweep', 'merge', shard], { env: { NODE_OPTIONS: '--max-old-space-size=64' } });
  assert.equal(small.code, 1, small.stderr);
  assert.match(small.stderr, /^campaign-lab: failed: the shard files hold \d+ MB of JSON; merging them needs about \d+ MB of memory, and this process may use \d+ MB \(Node's heap limit\): raise it with NODE_OPTIONS=--max-old-space-size=\d+/);
  assert.doesNotMatch(small.stderr, /Last few GCs|heap out of memory|\n\s+at /);
});

test('a race of more than 5,000 territories keeps a report of bounded size: grouped snake, closest territories, no live engine, every territory in territories.csv and the closest 100 in summary.json', PROCESS_TEST, async () => {
  const { readdirSync } = await import('node:fs');
  const { groupSegments, snakeSegments } = await import('../../src/charts/tippingPointSnake.js');
  const n = 6000;
  const rows = ['id,name,weight,D,R', ...Array.from({ length: n }, (_, i) => `T${i},Territory ${i},1,${500 + ((i * 37) % 1000)},${500 + ((i * 53) % 1000)}`)];
  writeFileSync(join(dir, 'six-thousand.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'six-thousand.yaml'), ['name: six thousand', 'race: { file: six-thousand.csv, format: table }', 'rule: seats', 'sides: [D, R]', 'simulations: 300', 'seed: 1', 'campaigns:', '  D: { listSize: 1000000 }', ''].join('\n'));
  const out = join(dir, 'six-thousand-report');
  const r = await runMain(['run', join(dir, 'six-thousand.yaml'), '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /note: a race of 6,000 territories \(more than 5,000\): the report leaves out the list-size sweep and the briefing's live controls/);
  assert.deepEqual(readdirSync(out).filter((f) => f.includes('list-size')), []);
  const briefing = readFileSync(join(out, 'briefing.html'), 'utf8');
  assert.ok(briefing.length < 3_000_000, `briefing.html is ${briefing.length} bytes`);
  assert.doesNotMatch(briefing, /<input[^>]*data-control=/);
  for (const svg of readdirSync(out).filter((f) => f.endsWith('.svg'))) assert.ok(statSync(join(out, svg)).size < 2_000_000, `${svg} is ${statSync(join(out, svg)).size} bytes`);
  assert.equal(readFileSync(join(out, 'territories.csv'), 'utf8').trim().split('\n').length, n + 1);
  // summary.json: race-wide figures and the 100 closest territories; the per-territory tables in territories.csv only.
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { pWin: Record<string, number>; territories: unknown[]; scenario: Record<string, unknown>; report: { perTerritory: { territories: number; file: string; leftOut: string[] } } };
  assert.equal(summary.territories.length, 100);
  assert.ok(summary.pWin.D >= 0 && summary.pWin.D <= 1);
  assert.equal(summary.report.perTerritory.territories, n);
  assert.equal(summary.report.perTerritory.file, 'territories.csv');
  assert.ok(summary.report.perTerritory.leftOut.includes('scenario.territories') && !('territories' in summary.scenario));
  assert.ok(statSync(join(out, 'summary.json')).size < 200_000, `summary.json is ${statSync(join(out, 'summary.json')).size} bytes`);
  // The snake of 6,000 units: at most 300 bars plus the tipping unit and a bar where the sides change.
  const units = Array.from({ length: n }, (_, i) => ({ id: `T${i}`, name: `T${i}`, weight: 1, margin: ((i * 37) % 200) - 99.5 + (i % 2) }));
  const segments = snakeSegments({ sides: ['D', 'R'], threshold: n / 2, units });
  const grouped = groupSegments(segments, 300, 30);
  assert.ok(grouped.length <= 303, `${grouped.length} bars`);
  assert.equal(grouped.reduce((s, g) => s + g.weight, 0), n);
  assert.equal(grouped.filter((g) => g.tipping).length, 1);
  assert.ok(grouped.every((g) => g.group !== true || Math.sign(g.margin) === Math.sign(segments.find((s) => s.start === g.start)!.margin) || g.margin === 0));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runMain } from './cliHarness.js';

test('allocate --json compares the optimum with proportional and swing-only plans on the same draws', async () => {
  const r = await runMain(['allocate', 'scenarios/default.yaml', '--side', 'D', '--budget', '2e7', '--cost-per-supporter', '5', '--sims', '3000', '--candidates', '4', '--steps', '2', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(doc.strategies.map((s: { name: string }) => s.name), ['optimum', 'swing-only', 'proportional', 'proportional-all']);
  assert.equal(doc.currency, 'USD');
  assert.equal(doc.candidates.length, 4);
  const optimum = doc.strategies[0];
  const spent = Object.values(optimum.plan as Record<string, number>).reduce((a, b) => a + b, 0);
  assert.ok(spent <= doc.budget + 1e-6);
  // The greedy optimum is at least as good as every plan it is compared with, on these draws.
  for (const s of doc.strategies.slice(1)) assert.ok(s.pWin <= optimum.pWin + 1e-12, s.name);
  assert.ok(doc.gain.low <= doc.gain.difference && doc.gain.difference <= doc.gain.high);
});

test('allocate under French law: the budget is cut to the cap, and rented lists are blocked without an opt-in share', async () => {
  const r = await runMain([
    'allocate', 'scenarios/france-2012.yaml', '--side', 'PS', '--budget', '2e6', '--cost-per-supporter', '5', '--sims', '1000',
    '--candidates', '3', '--steps', '2', '--list-origin', 'rented-commercial', '--already-spent', '21000000', '--json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.currency, 'EUR');
  assert.ok(doc.budget < 2e6, 'cap minus already spent is below the budget asked');
  // Without --opt-in-share the rented-list levers are blocked (CNIL opt-in rule); only channels remain.
  assert.ok(doc.blocked.some((id: string) => id.startsWith('recruit:')));
  // The channels' costs are cited in USD, the budget is in EUR: one currency per run, through the cited ECB rate.
  assert.match(doc.costConversion, /converted to EUR at 1 EUR = 1\.3705 USD \(European Central Bank/);
  assert.ok(!doc.warnings.some((w: string) => /exchange rate/.test(w)), doc.warnings.join('\n'));
});

test('allocate refuses a bad budget, an unknown list origin and a missing lever with exit 2', async () => {
  const cases: [string[], RegExp][] = [
    [['--budget', 'much', '--cost-per-supporter', '5'], /--budget must be a non-negative amount/],
    [['--budget', '100', '--cost-per-supporter', '5', '--list-origin', 'bought'], /--list-origin must be one of own/],
    [['--budget', '100', '--cost-per-supporter', '5', '--opt-in-share', '2'], /--opt-in-share must be a share between 0 and 1/],
  ];
  for (const [args, pattern] of cases) {
    const r = await runMain(['allocate', 'scenarios/default.yaml', '--side', 'D', '--sims', '100', ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, pattern);
  }
  // Raised inside the worker thread, still an exit-2 message: every lever is forbidden by the consent rules.
  const forbidden = await runMain(['allocate', 'scenarios/france-2012.yaml', '--side', 'PS', '--budget', '1e6', '--cost-per-supporter', '5', '--sims', '200', '--list-origin', 'employer-or-administration', '--set', 'campaigns.PS.channels={email: {}}']);
  assert.equal(forbidden.code, 2, forbidden.stderr);
  assert.equal(forbidden.stderr, 'campaign-lab: levers must be at least one lever the legal limits allow, got 10 blocked\n');
  const noLever = await runMain(['allocate', 'scenarios/florida-2000.yaml', '--side', 'R', '--budget', '100', '--sims', '100']);
  assert.equal(noLever.code, 2);
  assert.match(noLever.stderr, /--cost-per-supporter must be given/);
});

test('allocate stops on Ctrl-C while the greedy search runs: exit 130, nothing printed', async () => {
  const { main } = await import('../../src/cli/main.js');
  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  const code = await main(['allocate', 'scenarios/default.yaml', '--side', 'D', '--budget', '2e7', '--cost-per-supporter', '5', '--sims', '20000', '--json'], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: {
      write: (t: string) => {
        stderr += t;
        // The first progress line means the worker is searching: interrupt it there.
        if (t.includes('allocate [')) controller.abort(new Error('interrupted'));
      },
    },
    stderrIsTTY: true,
    signal: controller.signal,
    cwd: process.cwd(),
  });
  assert.ok(controller.signal.aborted, 'the search reported progress');
  assert.equal(code, 130, stderr);
  assert.equal(stdout, '');
  assert.match(stderr, /campaign-lab: interrupted\n$/);
});

test('allocate reports the assumptions interval of the optimum\'s gain (the plan kept) beside its Monte Carlo interval', async () => {
  const r = await runMain(['allocate', 'scenarios/default.yaml', '--side', 'D', '--budget', '2e7', '--cost-per-supporter', '5', '--sims', '2000', '--candidates', '2', '--steps', '1', '--assumption-draws', '4', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.assumptionDraws, 4);
  assert.equal(doc.assumptionSimulations, 2000);
  assert.match(doc.intervals.assumptions, /joint draws of the assumptions/);
  const g = doc.gainAssumptions;
  assert.ok(g.low <= g.mean && g.mean <= g.high && g.high > 0, JSON.stringify(g));
});

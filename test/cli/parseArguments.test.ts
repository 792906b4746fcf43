import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArguments } from '../../src/cli/parseArguments.js';
import type { ArgumentSpec } from '../../src/cli/parseArguments.js';

const spec: ArgumentSpec = {
  positionals: [{ name: 'scenario', description: 'a scenario file' }],
  options: {
    sims: { type: 'integer', minimum: 1, description: 'draws' },
    set: { type: 'string', multiple: true, description: 'override' },
    json: { type: 'flag', description: 'json' },
    mode: { type: 'string', choices: ['a', 'b'], description: 'mode' },
  },
};

test('parseArguments reads --name value, --name=value, repeated options, flags and positionals', () => {
  assert.deepEqual(parseArguments(['s.yaml', '--sims=1_000', '--set', 'a=1', '--set', 'b=2', '--json'], spec), {
    positionals: { scenario: 's.yaml' },
    options: { sims: 1000, set: ['a=1', 'b=2'], json: true },
  });
});

test('parseArguments rejects bad values with the option named and what it expected', () => {
  const cases: [string[], RegExp][] = [
    [['s.yaml', '--sims', '1.5'], /^InputError: --sims must be an integer ≥ 1, got "1.5"$/],
    [['s.yaml', '--sims'], /^InputError: --sims must be followed by a value, got nothing$/],
    [['s.yaml', '--json=yes'], /^InputError: --json must be given without a value, got "yes"$/],
    [['s.yaml', '--mode', 'c'], /^InputError: --mode must be one of a, b, got "c"$/],
    [['s.yaml', '--sims', '2', '--sims', '3'], /^InputError: --sims must be given once, got it twice$/],
    [['--json'], /^InputError: <scenario> must be a scenario file, got nothing$/],
    [['a', 'b'], /^InputError: arguments must be at most 1 plain argument\(s\), got "b"$/],
    [['s.yaml', '-j'], /^InputError: arguments must be options written --name, got "-j"$/],
  ];
  for (const [argv, message] of cases) assert.throws(() => parseArguments(argv, spec), message, argv.join(' '));
});

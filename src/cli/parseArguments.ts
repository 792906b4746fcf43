/**
 * Command-line argument parsing against a declared spec, with messages in the one InputError
 * grammar (`--sims must be an integer ≥ 1, got "abc"`) and "did you mean" for unknown options.
 */
import { InputError, describeValue } from '../errors.js';
import { didYouMean } from '../scenario/didYouMean.js';

/** How one option is read. */
export interface OptionSpec {
  /** `flag` takes no value; `string` takes one; `integer` takes one whole number. */
  type: 'flag' | 'string' | 'integer';
  /** One line for --help. */
  description: string;
  /** Name of the option's value in --help (`N`, `DIR`). */
  valueName?: string;
  /** May be given more than once; values are collected in order. */
  multiple?: boolean;
  /** Smallest accepted integer. */
  minimum?: number;
  /** Accepted values. */
  choices?: readonly string[];
  /** Must be given. */
  required?: boolean;
}

/** One positional argument. */
export interface PositionalSpec {
  name: string;
  description: string;
  /** Optional positionals come last. */
  optional?: boolean;
  /** Collects all remaining positionals (last spec only). */
  rest?: boolean;
}

/** Everything a command accepts. */
export interface ArgumentSpec {
  positionals: PositionalSpec[];
  options: Record<string, OptionSpec>;
}

/** Parsed arguments: positionals by name, options by name (flags true/absent, multiples as arrays). */
export interface ParsedArguments {
  positionals: Record<string, string | string[] | undefined>;
  options: Record<string, string | number | boolean | string[] | undefined>;
}

/**
 * Parses `argv` (without the command words) against `spec`. Accepts `--name value`, `--name=value`
 * and `--` to end options.
 *
 * @throws InputError for an unknown option, a missing or malformed value, or a missing positional
 * @example
 * parseArguments(['a.yaml', '--sims=10'], { positionals: [{ name: 'scenario', description: '' }],
 *   options: { sims: { type: 'integer', description: '' } } })
 * // => { positionals: { scenario: 'a.yaml' }, options: { sims: 10 } }
 */
export function parseArguments(argv: readonly string[], spec: ArgumentSpec): ParsedArguments {
  const options: ParsedArguments['options'] = {};
  const loose: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (onlyPositionals || !arg.startsWith('--') || arg === '-') {
      if (!onlyPositionals && arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg)) {
        throw new InputError({ at: 'arguments', expected: 'options written --name', found: describeValue(arg) });
      }
      loose.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const option = spec.options[name];
    if (!option) throw unknownOption(name, spec);
    let value: string | number | boolean;
    if (option.type === 'flag') {
      if (eq >= 0) throw new InputError({ at: `--${name}`, expected: 'given without a value', found: describeValue(arg.slice(eq + 1)) });
      value = true;
    } else {
      let text: string;
      if (eq >= 0) text = arg.slice(eq + 1);
      else {
        if (i + 1 >= argv.length) throw new InputError({ at: `--${name}`, expected: `followed by ${option.valueName ?? 'a value'}`, found: 'nothing' });
        text = argv[++i];
      }
      value = typedValue(name, option, text);
    }
    if (option.multiple) {
      const list = (options[name] as string[] | undefined) ?? [];
      list.push(String(value));
      options[name] = list;
    } else {
      if (options[name] !== undefined) throw new InputError({ at: `--${name}`, expected: 'given once', found: 'it twice' });
      options[name] = value;
    }
  }
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.required && options[name] === undefined) {
      throw new InputError({ at: `--${name}`, expected: `given: ${lowerFirst(option.description.replace(/\.$/, ''))}`, found: 'nothing' });
    }
  }
  const positionals = assignPositionals(spec, loose);
  return { positionals, options };
}

/** The error for an option the command does not take, with the closest one it does. */
function unknownOption(name: string, spec: ArgumentSpec): InputError {
  const suggestion = didYouMean(name, Object.keys(spec.options));
  return new InputError({
    at: `--${name}`,
    expected: Object.keys(spec.options).length === 0 ? 'absent: this command takes no options' : `one of the options ${Object.keys(spec.options).map((o) => `--${o}`).join(', ')}`,
    found: 'an unknown option',
    hint: suggestion ? `did you mean --${suggestion}?` : undefined,
  });
}

/** An option's text as its type: an integer (≥ its minimum, within 2^53 − 1), or one of its choices. */
function typedValue(name: string, option: ArgumentSpec['options'][string], text: string): string | number {
  if (option.type === 'integer') {
    const n = Number(text.replace(/_/g, ''));
    const minimum = option.minimum ?? -Infinity;
    if (!/^-?[\d_]+$/.test(text) || !Number.isSafeInteger(n) || n < minimum) {
      // Digits past 2^53 − 1 cannot be kept exactly: said so, with the digits (16 or more: no phone number).
      const unsafe = /^-?[\d_]+$/.test(text) && !Number.isSafeInteger(n);
      throw new InputError({
        at: `--${name}`,
        expected: unsafe ? `an integer of at most ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} (2^53 − 1; larger ones cannot be kept exactly)` : Number.isFinite(minimum) ? `an integer ≥ ${minimum}` : 'an integer',
        found: unsafe && text.replace(/\D/g, '').length >= 16 ? text : describeValue(text),
      });
    }
    return n;
  }
  if (option.choices && !option.choices.includes(text)) {
    throw new InputError({ at: `--${name}`, expected: `one of ${option.choices.join(', ')}`, found: describeValue(text) });
  }
  return text;
}

/** The plain arguments by the names of the spec's positionals (a `rest` one takes the remaining ones). */
function assignPositionals(spec: ArgumentSpec, loose: string[]): ParsedArguments['positionals'] {
  const positionals: ParsedArguments['positionals'] = {};
  let k = 0;
  for (const p of spec.positionals) {
    if (p.rest) {
      positionals[p.name] = loose.slice(k);
      if (!p.optional && loose.length <= k) throw new InputError({ at: `<${p.name}>`, expected: p.description, found: 'nothing' });
      k = loose.length;
      continue;
    }
    if (k < loose.length) positionals[p.name] = loose[k++];
    else if (!p.optional) throw new InputError({ at: `<${p.name}>`, expected: p.description, found: 'nothing' });
  }
  if (k < loose.length) {
    throw new InputError({ at: 'arguments', expected: `at most ${spec.positionals.length} plain argument(s)`, found: describeValue(loose[k]) });
  }
  return positionals;
}

/** Lower-cases the first letter only, so key paths and names in a description keep their case. */
function lowerFirst(text: string): string {
  return text.length > 0 && /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/**
 * One error type and one message grammar for bad input, used by every loader, validator and command.
 *
 * Message grammar: `<where>: <key path or line> must be <expected>, got <found>`.
 * The command line maps an {@link InputError} to exit code 2; anything else is a runtime failure (exit 1).
 */
export interface InputErrorDetails {
  /** File the bad input came from, when there is one (path as the user gave it). */
  file?: string;
  /** Key path (`campaigns.D.listSize`) or `line L, column C` locating the problem. */
  at?: string;
  /** What was expected, in plain words (`a non-negative integer`). */
  expected: string;
  /** What was found, rendered short (`-5`, `"abc"`, `nothing`). */
  found?: string;
  /** Optional hint such as `did you mean "listSize"?`. */
  hint?: string;
}

/** Bad input from a user or a data file. Carries structured details; `message` is ready to print. */
export class InputError extends Error {
  readonly details: InputErrorDetails;
  constructor(details: InputErrorDetails) {
    super(formatInputError(details));
    this.name = 'InputError';
    this.details = details;
  }
}

/** Renders a value short for an error message: strings quoted, long values cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Formats details in the one grammar: `file: at must be expected, got found (hint)`. */
export function formatInputError(d: InputErrorDetails): string {
  const where = [d.file, d.at].filter(Boolean).join(': ');
  const found = d.found === undefined ? '' : `, got ${d.found}`;
  const hint = d.hint ? ` (${d.hint})` : '';
  return `${where ? `${where} ` : ''}must be ${d.expected}${found}${hint}`;
}

/** Throws an {@link InputError} unless `condition` holds. */
export function check(condition: unknown, details: InputErrorDetails): asserts condition {
  if (!condition) throw new InputError(details);
}

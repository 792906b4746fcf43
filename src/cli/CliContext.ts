/**
 * What a command receives: where to write, whether stderr is a terminal, the abort signal raised by
 * Ctrl-C, and the working directory. Injected so tests can run commands in-process.
 */
import type { ArgumentSpec, ParsedArguments } from './parseArguments.js';

/** A writable text sink (process.stdout, or a buffer in tests). */
export interface TextSink {
  write(text: string): unknown;
}

/** Runtime context of one command invocation. */
export interface CliContext {
  stdout: TextSink;
  stderr: TextSink;
  /** True when stderr is a terminal: only then is a progress bar drawn. */
  stderrIsTTY: boolean;
  /** Aborted on Ctrl-C (SIGINT); long work must stop and clean up when it fires. */
  signal: AbortSignal;
  /** Directory relative paths are resolved against. */
  cwd: string;
}

/** One sub-command of `campaign-lab`. */
export interface Command {
  /** Words that select it (`run`, `list summarize`). */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Longer text for `--help`: what it does, examples. */
  details: string;
  spec: ArgumentSpec;
  /** Runs the command; resolves to the exit code (0 unless said otherwise). */
  run(args: ParsedArguments, context: CliContext): Promise<number | void>;
}

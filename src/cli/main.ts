/**
 * The `campaign-lab` command: picks the sub-command, parses its arguments, runs it, and maps the
 * outcome to an exit code: 0 ok, 1 runtime failure, 2 bad input (an {@link InputError}, printed as one
 * line without a stack trace), 130 interrupted by Ctrl-C.
 *
 * Run directly (`node --import tsx src/cli/main.ts run …`) or through bin/campaign-lab.js.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError, escapeControlCharacters, limitMessage } from '../errors.js';
import type { CliContext, Command } from './CliContext.js';
import { formatHelp } from './formatHelp.js';
import { parseArguments } from './parseArguments.js';
import { removePendingTemporaries } from '../node/writeFileAtomic.js';
import { needsRelaunch, relaunchWithoutGuardRegions } from './relaunchUnderAddressLimit.js';
import { OutputWriteError, describeWriteError, escapingSink, standardOutput } from './outputSink.js';
import { didYouMean } from '../scenario/didYouMean.js';
import { VERSION } from '../sim/version.js';

/** Exit code of success. */
const EXIT_OK = 0;
/** Exit code of a runtime failure (a bug, a full disk). */
const EXIT_RUNTIME_FAILURE = 1;
/** Exit code of bad input: an InputError naming the file, key path or line. */
const EXIT_BAD_INPUT = 2;
/** 128 + SIGINT (2), the shell convention for a command stopped by Ctrl-C. */
const EXIT_INTERRUPTED = 130;

/**
 * The command table, loaded on first use: `--version` answers without loading any command (and the
 * libraries they import).
 */
async function loadCommands(): Promise<Command[]> {
  return (await import('./commands/index.js')).commands;
}

/**
 * The overview printed by `campaign-lab --help` and on a missing command.
 *
 * @example
 * formatOverview(commands).split('\n')[0] // => 'Usage: campaign-lab <command> [arguments] [options]'
 */
function formatOverview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: campaign-lab <command> [arguments] [options]',
    '',
    "How much do a campaign's supporter list and its turnout mobilisation move a close race?",
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'campaign-lab <command> --help' for a command's arguments and options.",
    'Exit codes: 0 ok, 1 runtime failure (or output that could not be written), 2 bad input, 130 interrupted (Ctrl-C), 143 SIGTERM, 129 SIGHUP.',
    '',
  ].join('\n');
}

/** Finds the command named by the leading words of argv; returns it and the remaining arguments. */
function findCommand(commands: readonly Command[], argv: readonly string[]): { command: Command; rest: string[] } | undefined {
  let best: { command: Command; rest: string[] } | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.command.name.split(' ').length)) {
      best = { command, rest: argv.slice(words.length) };
    }
  }
  return best;
}

/**
 * Runs the command line with injected input and output, and returns the exit code. Never throws.
 * Control characters in what it writes to stdout are escaped (see escapeTerminalText).
 *
 * @param argv arguments after the program name (`['run', 'scenarios/default.yaml', '--json']`)
 * @param context where to write, the Ctrl-C signal, the working directory
 * @example
 * await main(['schema'], context) // => 0, with the JSON Schema written to context.stdout
 */
export async function main(argv: readonly string[], given: CliContext): Promise<number> {
  // Ids, names and scenario names come from the user's files: no control character reaches the terminal raw.
  const context: CliContext = { ...given, stdout: escapingSink(given.stdout) };
  try {
    if (argv[0] === '--version') {
      context.stdout.write(`${VERSION}\n`);
      return EXIT_OK;
    }
    const commands = await loadCommands();
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      if (argv.length === 0) {
        context.stderr.write(formatOverview(commands));
        return EXIT_BAD_INPUT;
      }
      context.stdout.write(formatOverview(commands));
      return EXIT_OK;
    }
    const found = findCommand(commands, argv);
    if (!found) {
      const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
      if (group.length > 0 && !argv.slice(1).some((a) => !a.startsWith('-'))) {
        context.stdout.write(`${group.map((c) => formatHelp(c)).join('\n')}`);
        return argv.includes('--help') ? EXIT_OK : EXIT_BAD_INPUT;
      }
      const names = commands.map((c) => c.name.split(' ')[0]);
      const suggestion =
        group.length > 0
          ? didYouMean(argv.slice(0, 2).join(' '), group.map((c) => c.name))
          : didYouMean(argv[0], names);
      throw new InputError({
        at: 'command',
        expected: `one of ${(group.length > 0 ? group.map((c) => c.name) : [...new Set(names)]).join(', ')}`,
        found: JSON.stringify(group.length > 0 ? argv.slice(0, 2).join(' ') : argv[0]),
        hint: suggestion ? `did you mean ${suggestion}?` : undefined,
      });
    }
    if (found.rest.includes('--help') || found.rest.includes('-h')) {
      context.stdout.write(formatHelp(found.command));
      return EXIT_OK;
    }
    const args = parseArguments(found.rest, found.command.spec);
    const code = await untilAborted(found.command.run(args, context), context.signal);
    return code ?? EXIT_OK;
  } catch (error) {
    return reportError(error, context);
  }
}

/**
 * Settles with `work`, or rejects as soon as `signal` aborts: every command stops on Ctrl-C, even one
 * busy in worker threads that do not watch the signal (bench). Temporary files are removed by the
 * process handlers; the abandoned work's own outcome is ignored.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Prints an error the way its kind deserves and returns the exit code. */
function reportError(error: unknown, context: CliContext): number {
  if (error instanceof InputError) {
    context.stderr.write(`campaign-lab: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (context.signal.aborted) {
    context.stderr.write('campaign-lab: interrupted\n');
    return EXIT_INTERRUPTED;
  }
  if (error instanceof OutputWriteError) removePendingTemporaries();
  const message = limitMessage(escapeControlCharacters(error instanceof Error ? error.message : String(error)));
  context.stderr.write(`campaign-lab: failed: ${message}\n`);
  if (process.env.CAMPAIGN_LAB_DEBUG && error instanceof Error && error.stack) context.stderr.write(`${error.stack}\n`);
  return EXIT_RUNTIME_FAILURE;
}

/**
 * Runs the command line as a process: real stdout/stderr, Ctrl-C wired to an abort signal (a second
 * Ctrl-C exits at once), SIGTERM and SIGHUP ending the run after removing temporary files (exit 143,
 * 129), a failed or short write to stdout (a full disk, a closed pipe) ending it with exit 1 and a
 * message, and the exit code set. Under an address-space limit that V8's WebAssembly guard regions exceed
 * (`ulimit -v 8000000`), the command runs again as a child with `--disable-wasm-trap-handler` (see
 * relaunchUnderAddressLimit.ts).
 * @example
 * await runCli(['flip', '--year', '2000']) // prints the answer; process.exitCode === 0
 */
export async function runCli(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // Under an address-space limit too low for V8's WebAssembly guard regions, run again without them.
  if (needsRelaunch()) {
    process.exitCode = await relaunchWithoutGuardRegions(argv);
    return;
  }
  const controller = new AbortController();
  const removeHandlers = installProcessHandlers(controller);
  const code = await main(argv, {
    // Redirected to a file, every byte is written or the run fails (a short write is never exit 0).
    stdout: standardOutput(),
    stderr: process.stderr,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    signal: controller.signal,
    cwd: process.cwd(),
  });
  // Wait until stdout has taken everything (a pipe may still be draining), so a late write error is seen.
  await new Promise<void>((resolve) => {
    if (process.stdout.writableLength === 0 && !process.stdout.writableNeedDrain) resolve();
    else process.stdout.write('', () => resolve());
  });
  removeHandlers();
  removePendingTemporaries();
  process.exitCode = controller.signal.aborted && code !== EXIT_BAD_INPUT ? EXIT_INTERRUPTED : code;
  // Interrupted: end now, not when abandoned work (worker threads) would have finished.
  if (controller.signal.aborted) process.exit();
}

/**
 * Installs the process's signal and output handlers: Ctrl-C (SIGINT) aborts `controller` (a second
 * Ctrl-C exits 130 at once); SIGTERM and SIGHUP remove temporary files and staging folders, move back
 * a report folder a cut swap had moved aside, and exit 143 or 129; a failed write to stdout (a full
 * disk, /dev/full, a closed pipe) says so on stderr and exits 1.
 *
 * @returns a function that removes the handlers
 * @example
 * const remove = installProcessHandlers(new AbortController()); remove() // => undefined
 */
export function installProcessHandlers(controller: AbortController): () => void {
  const onInterrupt = () => {
    if (controller.signal.aborted) {
      removePendingTemporaries();
      process.exit(EXIT_INTERRUPTED);
    }
    controller.abort(new Error('interrupted'));
  };
  const onTerminate = (signal: NodeJS.Signals) => {
    removePendingTemporaries();
    process.exit(128 + (signal === 'SIGHUP' ? 1 : 15));
  };
  const onOutputError = (error: NodeJS.ErrnoException) => {
    try {
      process.stderr.write(`campaign-lab: failed: ${new OutputWriteError(describeWriteError(error)).message}\n`);
    } catch {
      // stderr is gone too: the exit code still tells.
    }
    removePendingTemporaries();
    process.exit(EXIT_RUNTIME_FAILURE);
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onTerminate);
  process.on('SIGHUP', onTerminate);
  process.stdout.on('error', onOutputError);
  return () => {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onTerminate);
    process.off('SIGHUP', onTerminate);
    // The output handler stays: a write still pending at exit may yet fail.
  };
}

/** True when this file is the process's entry point (not imported by bin/ or a test). */
function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) void runCli();

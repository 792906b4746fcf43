/**
 * Runs the command line under an address-space limit (`ulimit -v`, `prlimit --as`, as shared clusters and
 * login nodes set). Node's V8 reserves about 10 GB of address space for every WebAssembly memory (guard
 * regions, so compiled code can skip bounds checks), whatever the memory's size: under an 8 GB limit the
 * kernel's first memory cannot be made. Started with `--disable-wasm-trap-handler` (Node ≥ 20.15), V8
 * reserves only the memory itself and checks bounds in code instead. So when a 64 KiB WebAssembly memory
 * cannot be made, the command starts itself again with that flag and passes its exit code on.
 *
 * Node-only.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** The Node flag that makes V8 reserve a WebAssembly memory's own size only. */
const NO_GUARD_REGIONS_FLAG = '--disable-wasm-trap-handler';
/** Set in the environment of the restarted command, so it never restarts again. */
const RELAUNCHED = 'CAMPAIGN_LAB_RELAUNCHED_WITHOUT_GUARD_REGIONS';

/**
 * True when this process cannot make even a one-page WebAssembly memory (an address-space limit below
 * V8's guard-region reservation) and could do so when started with {@link NO_GUARD_REGIONS_FLAG}: the flag
 * is not already on, this Node knows it, and the process is not already the restarted one.
 *
 * @example
 * needsRelaunch() // => false on a machine without `ulimit -v`
 */
export function needsRelaunch(): boolean {
  if (process.env[RELAUNCHED] === '1') return false;
  if (process.execArgv.includes(NO_GUARD_REGIONS_FLAG) || (process.env.NODE_OPTIONS ?? '').includes(NO_GUARD_REGIONS_FLAG)) return false;
  if (!process.allowedNodeEnvironmentFlags.has(NO_GUARD_REGIONS_FLAG)) return false;
  try {
    new WebAssembly.Memory({ initial: 1, maximum: 1 });
    return false;
  } catch {
    return true;
  }
}

/** Signals passed on to the restarted command (it handles them as the command line does: exit 130, 143, 129). */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Starts this command again with {@link NO_GUARD_REGIONS_FLAG}, the same arguments, standard streams and
 * working directory, and resolves with its exit code. The child runs in its own process group and this
 * process passes each SIGINT, SIGTERM and SIGHUP it receives on to it exactly once (a Ctrl-C reaches
 * only this process's group), so the child cleans up as it always does and its exit code (130, 143,
 * 129) comes back here.
 *
 * @param argv the command's arguments (after the script)
 * @returns the child's exit code (128 + the signal's number when it died of a signal)
 * @example
 * process.exitCode = await relaunchWithoutGuardRegions(['run', 'scenarios/default.yaml']) // => 0
 */
export function relaunchWithoutGuardRegions(argv: readonly string[]): Promise<number> {
  const script = process.argv[1];
  const child = spawn(process.execPath, [...process.execArgv, NO_GUARD_REGIONS_FLAG, script, ...argv], {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, [RELAUNCHED]: '1' },
  });
  const handlers = FORWARDED.map((signal) => {
    const handler = () => {
      try {
        child.kill(signal);
      } catch {
        // already gone: its exit is on its way
      }
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return new Promise<number>((resolve) => {
    const done = (code: number) => {
      for (const remove of handlers) remove();
      resolve(code);
    };
    child.on('error', (error) => {
      process.stderr.write(`campaign-lab: failed: could not restart with ${NO_GUARD_REGIONS_FLAG} under the address-space limit (${error.message})\n`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

/**
 * The kernel's WebAssembly loops (source: src/sim/wasm/assembly/kernel.ts, AssemblyScript; compiled by
 * scripts/buildKernelWasm.mjs into kernelWasm.ts): the module is compiled once per thread, and each draw
 * workspace gets its own instance and memory, laid out once by an {@link KernelArena}, so the typed arrays
 * the JavaScript side reads and writes are views on the memory the loops work in (no copy per batch).
 * Every arena holds the ziggurat's tables (normalStream.ts), written and handed to the module when it
 * opens, so `fillNumbers` is ready to draw.
 *
 * Browser-safe: the bytes are decoded with `atob`, the module compiled with the synchronous
 * `new WebAssembly.Module` (allowed in Node, in Node worker threads and in Web Workers, where the briefing
 * page's live engine runs). WebAssembly 128-bit SIMD is required (Node ≥ 16.4, Chrome ≥ 91, Firefox ≥ 89,
 * Safari ≥ 16.4).
 */
import { KERNEL_WASM_BASE64 } from './kernelWasm.js';
import { ZIGGURAT_F, ZIGGURAT_KI, ZIGGURAT_W } from '../normalStream.js';

/** The module's exports (byte offsets into the instance's memory; see kernel.ts for each loop's contract). */
export interface KernelExports {
  dataEnd(): number;
  setTables(ki: number, w: number, f: number): void;
  fillNumbers(state: number, out: number, draws: number, df: number, normals: number, uniforms: number, rowLength: number, rejected: number): void;
  shiftBatch(
    own: number, ownCount: number, terms: number, coefficients: number, exact: number, shift: number,
    count: number, batch: number, degreeOne: number, degreeFive: number, varies: number, children: number, parents: number, childCount: number, anyFast: number,
  ): void;
  marginBatch(
    units: number, count: number, batch: number, regionCount: number, mode: number, effectColumn: number, hasTerritory: number,
    base: number, uniform: number, unitScale: number, weight: number, nationalWeight: number, regionIndex: number,
    numbers: number, nationalScale: number, regionalScale: number, territory: number, shift: number,
    margins: number, marginRow: number, votes: number, positive: number, zero: number,
    wins: number, sum: number, sumSq: number,
  ): void;
  tippingBatch(
    count: number, margins: number, marginRow: number, positive: number, zero: number, totalWeight: number, threshold: number,
    candidates: number, candidateCount: number, weight: number, scale: number, units: number, keys: number, out: number,
  ): void;
  selectBatch(
    count: number, margins: number, marginRow: number, votes: number, nationalTotal: number, candidates: number, candidateCount: number,
    weight: number, scale: number, threshold: number, strict: number, keys: number, order: number, orderKeys: number, candidateWeights: number, out: number, exactSums: number,
  ): void;
  coefficientBatch(
    count: number, batch: number, numbers: number, zRow: number, block: number, relaySlot: number, socialSlot: number,
    coefficients: number, exact: number, sources: number, fastSums: number, effects: number, persuasions: number,
    tables: number, units: number, own: number, ownCount: number, params: number, exactIndex: number, shift: number, extra: number,
  ): number;
  fdlibmExp(x: number): number;
  fdlibmLog(x: number): number;
  fdlibmExpm1(x: number): number;
  setMultiCandidate(
    state: number, components: number, regions: number, units: number, slots: number, tails: number, nationalScale: number, regionalScale: number,
    unitStart: number, slotParty: number, region: number, unitScale: number, baseline: number, baseOther: number, valid: number,
    normals: number, rejected: number, national: number, added: number, votes: number, other: number,
  ): void;
  multiCandidateDraw(addedLength: number): void;
  setMultiCandidateRule(
    parties: number, inNational: number, weight: number, seatsToWin: number, bins: number,
    perParty: number, wins: number, slotWins: number, seatCounts: number, mostSeats: number,
  ): void;
  multiCandidateDecide(rule: number): void;
}

let compiled: WebAssembly.Module | undefined;

/** The compiled module, once per thread. */
function kernelModule(): WebAssembly.Module {
  if (!compiled) {
    const text = atob(KERNEL_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

/** Bytes left to the module's own data at the start of the memory (its Math tables; checked at open()). */
const RESERVED = 65536;
const PAGE = 65536;

/**
 * What to do when a kernel memory cannot be made. Under an address-space limit (`ulimit -v`, `prlimit
 * --as`) the usual cause is V8's guard regions: about 10 GB of address space reserved per WebAssembly
 * memory, whatever its size, unless Node runs with `--disable-wasm-trap-handler`.
 *
 * @example
 * memoryFailure(3 * 65536, new RangeError('WebAssembly.Memory(): could not allocate memory')).startsWith('the simulation kernel could not reserve its WebAssembly memory (0.2 MiB)') // => true
 */
function memoryFailure(bytes: number, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return (
    `the simulation kernel could not reserve its WebAssembly memory (${(bytes / 1048576).toFixed(1)} MiB) (${reason}). ` +
    'Under an address-space limit (ulimit -v, prlimit --as) Node reserves about 10 GB of address space per WebAssembly memory ' +
    'unless started with --disable-wasm-trap-handler (the campaign-lab command adds it itself when it meets such a limit): ' +
    'run node --disable-wasm-trap-handler, or raise the limit (ulimit -v unlimited); if the flag is already on, ' +
    'the limit is below what the run needs: raise it, or run fewer threads (--threads 1)'
  );
}

/** A request for one typed array in the arena. */
type Request = { kind: 'f64' | 'i32'; length: number; offset: number };

/**
 * Lays out typed arrays in one WebAssembly memory: `f64(n)` and `i32(n)` reserve space (16-byte aligned,
 * so the SIMD loops read whole lanes) and return a handle; `open()` creates the memory and the instance,
 * after which `view(handle)` gives the array and `offset(handle)` its byte offset for the loops. The
 * memory never grows after `open()`, so views stay valid.
 *
 * @example
 * const arena = new KernelArena(); const h = arena.f64(4); arena.open(); arena.view(h).length // => 4
 */
export class KernelArena {
  private requests: Request[] = [];
  private end = RESERVED;
  private memory: WebAssembly.Memory | undefined;
  /** The instance's exports (after open()). */
  exports!: KernelExports;

  /** Reserves n doubles; returns a handle. */
  f64(n: number): number {
    return this.reserve('f64', n, 8);
  }

  /** Reserves n 32-bit integers; returns a handle. */
  i32(n: number): number {
    return this.reserve('i32', n, 4);
  }

  private reserve(kind: 'f64' | 'i32', n: number, size: number): number {
    if (this.memory) throw new Error('KernelArena: reserve() after open()');
    const offset = this.end;
    this.end = offset + Math.ceil((Math.max(1, n) * size) / 16) * 16;
    this.requests.push({ kind, length: n, offset });
    return this.requests.length - 1;
  }

  /** Creates the memory and the instance, writes the ziggurat's tables into it; returns the exports. */
  open(): KernelExports {
    const ki = this.i32(ZIGGURAT_KI.length);
    const w = this.f64(ZIGGURAT_W.length);
    const f = this.f64(ZIGGURAT_F.length);
    // Sized once and never grown: `maximum` = `initial`, so an engine without guard regions reserves only this.
    const pages = Math.ceil(this.end / PAGE);
    try {
      this.memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    } catch (error) {
      throw new Error(memoryFailure(pages * PAGE, error));
    }
    const instance = new WebAssembly.Instance(kernelModule(), {
      env: { memory: this.memory },
    });
    this.exports = instance.exports as unknown as KernelExports;
    const dataEnd = this.exports.dataEnd();
    if (dataEnd > RESERVED) throw new Error(`kernel: the WebAssembly module's data ends at byte ${dataEnd}, past the ${RESERVED} bytes left to it`);
    this.view(ki, 'i32').set(ZIGGURAT_KI);
    this.view(w).set(ZIGGURAT_W);
    this.view(f).set(ZIGGURAT_F);
    this.exports.setTables(this.offset(ki), this.offset(w), this.offset(f));
    return this.exports;
  }

  /** Byte offset of a reserved array. */
  offset(handle: number): number {
    return this.requests[handle].offset;
  }

  /** The typed array of a handle: a view on the instance's memory. */
  view(handle: number): Float64Array;
  view(handle: number, kind: 'i32'): Int32Array;
  view(handle: number, kind?: 'i32'): Float64Array | Int32Array {
    const request = this.requests[handle];
    if (!this.memory) throw new Error('KernelArena: view() before open()');
    if ((kind ?? 'f64') !== request.kind) throw new Error(`KernelArena: handle ${handle} holds ${request.kind}`);
    return request.kind === 'f64' ? new Float64Array(this.memory.buffer, request.offset, request.length) : new Int32Array(this.memory.buffer, request.offset, request.length);
  }
}

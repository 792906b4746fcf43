/**
 * The K-candidate draw in the simulation kernel's WebAssembly module (src/sim/wasm/assembly/kernel.ts
 * `multiCandidateDraw`, the module the two-sided kernel runs in): the same stream, the same arithmetic in
 * the same order and the same exponential (fdlibmExp) as the JavaScript reference drawMultiCandidate
 * (multiCandidateDraw.ts), so both give the same votes to the last bit (test/race/multiCandidateKernel.test.ts).
 *
 * One race's arrays are laid out once in a KernelArena (one WebAssembly memory per kernel): the race's
 * layout, baseline and scales are copied in at creation; the generator state, the added votes and the
 * draw's votes and `other` are typed-array views on that memory, so a draw moves no data between
 * JavaScript and WebAssembly and allocates nothing.
 */
import { KernelArena } from '../sim/wasm/kernelModule.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';
import type { MultiCandidateDrawWork } from './multiCandidateDraw.js';

/** A race's draw in WebAssembly (see {@link createMultiCandidateKernel}). */
export interface MultiCandidateKernel {
  /** The xoshiro128** state the draw advances (4 i32): set it from blockGeneratorState at a block's start. */
  state: Int32Array;
  /** Length S + N: added votes that are read in place (the slots, then each unit's `other`). */
  added: Float64Array;
  /** Length S: the last draw's valid votes per slot. */
  votes: Float64Array;
  /** Length N: the last draw's valid votes of `other` per unit. */
  other: Float64Array;
  /**
   * Draws one election into `votes` and `other` from `state`, as drawMultiCandidate(race, work, state,
   * added, votes, other) does.
   *
   * @param added Null, or added votes of length S or S + N (see drawMultiCandidate); copied in unless it is
   *   `added` itself or a view on its start (`added.subarray(0, S)`).
   * @throws {Error} an `added` array whose length is neither S nor S + N.
   */
  draw(added: Float64Array | null): void;
}

/**
 * Lays out a race's draw in a WebAssembly memory.
 *
 * @param race The race (layout, baseline votes, units' regions, `other` and valid votes).
 * @param work The draw's scales and degrees of freedom (createMultiCandidateDraw, which checks them).
 * @returns The kernel; its `votes` and `other` are overwritten by each draw.
 * @throws {Error} when the WebAssembly memory cannot be reserved (see KernelArena).
 * @example
 * const kernel = createMultiCandidateKernel(canada2011, createMultiCandidateDraw(canada2011, { national: 0, regional: 0, unit: 0, tails: 6 }));
 * kernel.state.set(blockGeneratorState(1, 0)); kernel.draw(null); kernel.votes[0] === canada2011.votes[0] // => true
 */
export function createMultiCandidateKernel(race: MultiCandidateRace, work: MultiCandidateDrawWork): MultiCandidateKernel {
  const n = race.unitStart.length - 1;
  const s = race.slotParty.length;
  const c = work.components;
  const normals = work.layout.normals;
  const arena = new KernelArena();
  const h = {
    state: arena.i32(4),
    unitStart: arena.i32(n + 1),
    slotParty: arena.i32(s),
    region: arena.i32(n),
    unitScale: arena.f64(n),
    baseline: arena.f64(s),
    baseOther: arena.f64(n),
    valid: arena.f64(n),
    normals: arena.f64(normals),
    rejected: arena.i32(2 * normals),
    national: arena.f64(c),
    added: arena.f64(s + n),
    votes: arena.f64(s),
    other: arena.f64(n),
  };
  const exports = arena.open();
  arena.view(h.unitStart, 'i32').set(race.unitStart);
  arena.view(h.slotParty, 'i32').set(race.slotParty);
  arena.view(h.region, 'i32').set(race.units.region);
  arena.view(h.unitScale).set(work.unitScale);
  arena.view(h.baseline).set(race.votes);
  arena.view(h.baseOther).set(race.units.other);
  arena.view(h.valid).set(race.units.valid);
  const at = (handle: number) => arena.offset(handle);
  exports.setMultiCandidate(
    at(h.state), c, work.regionCount, n, s, work.tails, work.nationalScale, work.regionalScale,
    at(h.unitStart), at(h.slotParty), at(h.region), at(h.unitScale), at(h.baseline), at(h.baseOther), at(h.valid),
    at(h.normals), at(h.rejected), at(h.national), at(h.added), at(h.votes), at(h.other),
  );
  const added = arena.view(h.added);
  return {
    state: arena.view(h.state, 'i32'),
    added,
    votes: arena.view(h.votes),
    other: arena.view(h.other),
    draw(given: Float64Array | null): void {
      if (given === null) return exports.multiCandidateDraw(0);
      if (given.length !== s && given.length !== s + n) throw new Error(`multi-candidate kernel: added votes of length ${given.length}, expected ${s} (the slots) or ${s + n} (the slots, then each unit's other)`);
      if (given.buffer !== added.buffer || given.byteOffset !== added.byteOffset) added.set(given);
      exports.multiCandidateDraw(given.length);
    },
  };
}

/**
 * The K-candidate draw in the simulation kernel's WebAssembly module (src/sim/wasm/assembly/kernel.ts
 * `multiCandidateDraw`, the module the two-sided kernel runs in): the same stream, the same arithmetic in
 * the same order and the same exponential (fdlibmExp) as the JavaScript reference drawMultiCandidate
 * (multiCandidateDraw.ts), so both give the same votes to the last bit (test/race/multiCandidateKernel.test.ts).
 *
 * One race's arrays are laid out once in a KernelArena (one WebAssembly memory per kernel): the race's
 * layout, baseline and scales are copied in at creation; the generator state, the added votes and the
 * draw's votes and `other` are typed-array views on that memory, so a draw moves no data between
 * JavaScript and WebAssembly and allocates nothing. Under plurality and popular vote the kernel also decides
 * each draw (multiCandidateDecide: the same winners, ties and seat counts as decideDraw) and keeps the
 * counts in its memory until {@link MultiCandidateKernel.addCounts}.
 */
import { KernelArena } from '../sim/wasm/kernelModule.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';
import type { MultiCandidateDrawWork } from './multiCandidateDraw.js';
import type { MultiCandidateTotals } from './multiCandidateTotals.js';

/** The rules whose per-draw decision runs in WebAssembly (the others are decided by decideDraw in JavaScript). */
export type KernelRule = 'popular-vote' | 'plurality';

/** A rule decided in the kernel: its name, and under plurality the seats for a majority and in the race (createRuleWork's). */
export interface KernelDecision {
  rule: KernelRule;
  /** Seats for a majority (plurality), else 0. */
  seatsToWin: number;
  /** Seats in the race, a whole number (plurality), else 0. */
  totalWeight: number;
}

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
  /**
   * Decides the last draw by the kernel's rule and counts it in the kernel (as decideDraw counts it), or
   * null when the kernel was made without a rule.
   */
  decide: (() => void) | null;
  /**
   * Adds the draws decided since the last call into `totals` (draws, wins, no winner, each slot's wins,
   * and under plurality the seat histogram and most seats) and sets the kernel's counts back to 0.
   */
  addCounts(totals: MultiCandidateTotals): void;
}

/**
 * Lays out a race's draw in a WebAssembly memory.
 *
 * @param race The race (layout, baseline votes, units' regions, `other` and valid votes).
 * @param work The draw's scales and degrees of freedom (createMultiCandidateDraw, which checks them).
 * @param decision The rule to decide draws by in the kernel (plurality or popular vote), if any.
 * @returns The kernel; its `votes` and `other` are overwritten by each draw.
 * @throws {Error} when the WebAssembly memory cannot be reserved (see KernelArena).
 * @example
 * const kernel = createMultiCandidateKernel(canada2011, createMultiCandidateDraw(canada2011, { national: 0, regional: 0, unit: 0, tails: 6 }));
 * kernel.state.set(blockGeneratorState(1, 0)); kernel.draw(null); kernel.votes[0] === canada2011.votes[0] // => true
 */
export function createMultiCandidateKernel(race: MultiCandidateRace, work: MultiCandidateDrawWork, decision?: KernelDecision): MultiCandidateKernel {
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
  const p = race.partyCount;
  const bins = decision?.rule === 'plurality' ? decision.totalWeight + 1 : 0;
  const r = {
    inNational: arena.i32(n),
    weight: arena.f64(n),
    perParty: arena.f64(p),
    wins: arena.f64(p + 1),
    slotWins: arena.f64(s),
    seatCounts: arena.f64(p * bins),
    mostSeats: arena.f64(p),
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
  arena.view(r.inNational, 'i32').set(race.units.inNational);
  arena.view(r.weight).set(race.units.weight);
  exports.setMultiCandidateRule(p, at(r.inNational), at(r.weight), decision?.seatsToWin ?? 0, bins, at(r.perParty), at(r.wins), at(r.slotWins), at(r.seatCounts), at(r.mostSeats));
  const counts = { wins: arena.view(r.wins), slotWins: arena.view(r.slotWins), seatCounts: arena.view(r.seatCounts), mostSeats: arena.view(r.mostSeats) };
  const ruleCode = decision?.rule === 'plurality' ? 1 : 0;
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
    decide: decision ? () => exports.multiCandidateDecide(ruleCode) : null,
    addCounts(totals: MultiCandidateTotals): void {
      const { wins, slotWins, seatCounts, mostSeats } = counts;
      for (let k = 0; k < p; k++) {
        totals.draws += wins[k];
        totals.wins[k] += wins[k];
        totals.mostSeats[k] += mostSeats[k];
      }
      totals.draws += wins[p];
      totals.noWinner += wins[p];
      for (let i = 0; i < s; i++) totals.slotWins[i] += slotWins[i];
      for (let i = 0; i < seatCounts.length; i++) totals.seatCounts[i] += seatCounts[i];
      for (const array of [wins, slotWins, seatCounts, mostSeats]) array.fill(0);
    },
  };
}

/**
 * One simulated election's votes in a multi-candidate race, on the additive log-ratio scale (the
 * `log-ratio` link of issue 20's K-candidate model, which bench/peers/multicandidate_peer.py also runs):
 * the typed-array JavaScript reference the WebAssembly kernel (multiCandidateKernel.ts, which simulateMultiCandidate
 * runs) is held against.
 *
 * Method: the logistic-normal (additive log-ratio) model of compositions (Aitchison 1986, *The Statistical
 * Analysis of Compositional Data*, Chapman & Hall, ch. 6), with a multivariate-t style fat-tailed national
 * term as in Katz & King (1999), "A Statistical Model for Multiparty Electoral Data", *American Political
 * Science Review* 93(1), 15–32. Each component c of a unit u (every party's slot, and `other`) gets, per draw,
 *
 *     E_uc = n_c + r_{region(u),c} + e_uc,
 *
 * national n_c = s_N × t (one unit-SD Student-t per party and for `other`), regional r = s_R × z (one
 * standard normal per region and component), unit e = s_U,u × z (one normal per slot, and one per unit for
 * `other`); a party's national and regional errors are per party, its unit error per slot (two candidates
 * of one party in a unit share the party's national and regional terms, not the unit term). The scales are
 * s_X = σ_X / (50 √2) for σ_X in pp of two-party margin (see {@link logRatioScale}). Shares are
 *
 *     s_uc = w_uc exp(E_uc) / Σ_j w_uj exp(E_uj)
 *
 * over the slots of the unit and `other`, w = baseline votes (+ mobilisation); votes V_uc = T'_u s_uc with
 * T'_u the unit's valid votes + the mobilisation's added votes. A party without a slot in a unit has share 0
 * there in every draw; a slot with 0 baseline votes keeps 0.
 *
 * The stream one draw takes, in this order, whatever the votes and the scales (so runs that change a
 * campaign or an SD pair their draws number for number): P + 1 unit-SD Student-t numbers (Bailey's polar
 * method, unitStudentTFromState), parties 0 .. P − 1 then `other`; then R × (P + 1) + S + N standard normals
 * in one fillDrawNumbers call (the kernel's ziggurat batch order): the regional normals region-major
 * (region × (P + 1) + component), the S slot normals, the N `other` normals.
 *
 * The exponential is fdlibmExp (src/sim/fdlibmExp.ts), the one the WebAssembly kernel's draw uses
 * (multiCandidateKernel.ts), so the two paths give the same votes to the last bit; on V8 it is Math.exp bit
 * for bit, so the figures of this reference did not change when it replaced Math.exp.
 *
 * No objects are made per draw: every array is allocated once by {@link createMultiCandidateDraw}.
 */
import { InputError, describeValue } from '../errors.js';
import { fdlibmExp } from '../sim/fdlibmExp.js';
import { fillDrawNumbers, unitStudentTFromState, type DrawLayout } from '../sim/normalStream.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';

/** The error model of a multi-candidate race, in the units users give (pp of two-party margin). */
export interface MultiCandidateUncertainty {
  /** SD of the national error, pp of two-party margin, 0–100 (the scenario's `uncertainty.national`). */
  national: number;
  /** SD of the regional error, pp, 0–100; units without a region (−1) get none. */
  regional: number;
  /** SD of the unit error, pp, 0–100: one number, or one per unit (length N; the scenario's `uncertainty.territory`). */
  unit: number | ArrayLike<number>;
  /** Degrees of freedom of the national Student-t, above 2 (the scenario's `uncertainty.tails`, e.g. 6). */
  tails: number;
}

/** Arrays and scales of the draw for one race, allocated once (see {@link createMultiCandidateDraw}). */
export interface MultiCandidateDrawWork {
  /** Components C = P + 1: the parties, then `other`. */
  components: number;
  regionCount: number;
  /** s_N, s_R: log-ratio SD of the national and regional terms. */
  nationalScale: number;
  regionalScale: number;
  /** Length N: s_U,u of each unit. */
  unitScale: Float64Array;
  /** Degrees of freedom of the national t. */
  tails: number;
  /** What fillDrawNumbers draws per draw: R × C + S + N normals. */
  layout: DrawLayout;
  /** Length R × C + S + N: the draw's normals. */
  normals: Float64Array;
  /** Length C: the draw's national errors n_c. */
  national: Float64Array;
}

/**
 * The log-ratio SD of one component for an SD in pp of two-party margin: σ / (50 √2). At an even two-way
 * race d(log(a/b))/d(margin in pp) = 1/50, and each component carries 1/√2 of the pairwise SD, so the
 * log-ratio of any two components has SD σ/50 (the error scale of issue 20's K-candidate model).
 *
 * @param pp SD in pp of two-party margin.
 * @returns SD on the log-ratio scale of one component.
 * @example
 * logRatioScale(2.5) // => 0.035355339059327376
 */
export function logRatioScale(pp: number): number {
  return pp / (50 * Math.SQRT2);
}

/** Checks an SD in pp. */
function checkSd(value: unknown, at: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 100)) {
    throw new InputError({ at, expected: 'a standard deviation in pp between 0 and 100', found: describeValue(value) });
  }
  return value;
}

/**
 * Allocates the draw's arrays for a race and checks the uncertainty.
 *
 * @param race The race (layout, units' regions).
 * @param uncertainty SDs in pp of two-party margin and the t's degrees of freedom.
 * @returns The work arrays for {@link drawMultiCandidate}.
 * @throws {InputError} an SD that is not a number in 0–100, a per-unit SD array whose length is not N,
 *   degrees of freedom that are not above 2 (at most 1e6).
 * @example
 * createMultiCandidateDraw(president2022, { national: 2.5, regional: 1.5, unit: 2.5, tails: 6 }).normals.length // => 29 regions × 13 + 1,284 slots + 107 units = 1768
 */
export function createMultiCandidateDraw(race: MultiCandidateRace, uncertainty: MultiCandidateUncertainty): MultiCandidateDrawWork {
  const n = race.unitStart.length - 1;
  const c = race.partyCount + 1;
  const r = race.regionNames.length;
  const s = race.slotParty.length;
  const tails = uncertainty.tails;
  if (typeof tails !== 'number' || !(tails > 2 && tails <= 1e6)) {
    throw new InputError({ at: 'uncertainty.tails', expected: 'degrees of freedom above 2 (at most 1e6)', found: describeValue(tails) });
  }
  const unitScale = new Float64Array(n);
  if (typeof uncertainty.unit === 'number') unitScale.fill(logRatioScale(checkSd(uncertainty.unit, 'uncertainty.unit')));
  else {
    const perUnit = uncertainty.unit;
    if (perUnit?.length !== n) throw new InputError({ at: 'uncertainty.unit', expected: `one SD per unit (${n})`, found: describeValue(perUnit?.length) });
    for (let u = 0; u < n; u++) unitScale[u] = logRatioScale(checkSd(perUnit[u], `uncertainty.unit[${u}]`));
  }
  const layout: DrawLayout = { studentT: 0, normals: r * c + s + n, uniforms: 0 };
  return {
    components: c,
    regionCount: r,
    nationalScale: logRatioScale(checkSd(uncertainty.national, 'uncertainty.national')),
    regionalScale: logRatioScale(checkSd(uncertainty.regional, 'uncertainty.regional')),
    unitScale,
    tails,
    layout,
    normals: new Float64Array(layout.normals),
    national: new Float64Array(c),
  };
}

/**
 * Draws one simulated election's votes: the errors (national t, regional and unit normals) from the block's
 * generator, then each unit's logistic-normal shares times its valid votes (see the module). With every SD
 * 0 and nothing added, each slot gets exactly its baseline votes (exp(0) = 1 and the unit's sum is its valid
 * votes, summed in the same order as the race builder's).
 *
 * @param race The race: layout, `votes` (baseline per slot), `units` (`other`, `valid`, `region`).
 * @param work Arrays from {@link createMultiCandidateDraw}.
 * @param state The block's xoshiro128** state (blockGeneratorState(seed, block)), advanced in place.
 * @param added Votes a campaign adds to (or, negative, takes from) each component before the error, and to
 *   its unit's valid votes: length S (the slots), or S + N (the slots, then `other` of each unit); or null
 *   for none. A component's baseline plus its added votes below 0 counts as 0 (the unit's valid votes then
 *   change by what was actually added).
 * @param votes Length S, overwritten: the draw's valid votes per slot.
 * @param other Length N, overwritten: the draw's valid votes of `other` per unit.
 * @example
 * // Zero uncertainty replays the file:
 * const work = createMultiCandidateDraw(canada2011, { national: 0, regional: 0, unit: 0, tails: 6 });
 * drawMultiCandidate(canada2011, work, blockGeneratorState(1, 0), null, votes, other); votes[0] === canada2011.votes[0] // => true
 */
export function drawMultiCandidate(
  race: MultiCandidateRace,
  work: MultiCandidateDrawWork,
  state: Int32Array,
  added: Float64Array | null,
  votes: Float64Array,
  other: Float64Array,
): void {
  const { components, national, normals, unitScale } = work;
  for (let c = 0; c < components; c++) national[c] = work.nationalScale * unitStudentTFromState(state, work.tails);
  fillDrawNumbers(state, normals, 1, work.layout);
  const { unitStart, slotParty } = race;
  const { region, valid } = race.units;
  const baseline = race.votes;
  const baseOther = race.units.other;
  const sR = work.regionalScale;
  const p = components - 1;
  const slotAt = work.regionCount * components;
  const otherAt = slotAt + slotParty.length;
  for (let u = 0; u < unitStart.length - 1; u++) {
    const regionAt = region[u] * components;
    const hasRegion = region[u] >= 0;
    const sU = unitScale[u];
    const otherError = national[p] + (hasRegion ? sR * normals[regionAt + p] : 0) + sU * normals[otherAt + u];
    let extra = 0;
    let otherBase = baseOther[u];
    if (added !== null && added.length > slotParty.length) {
      const add = otherBase + added[slotParty.length + u] >= 0 ? added[slotParty.length + u] : -otherBase;
      extra += add;
      otherBase += add;
    }
    const xOther = otherBase * fdlibmExp(otherError);
    let sum = xOther;
    const from = unitStart[u];
    const to = unitStart[u + 1];
    for (let s = from; s < to; s++) {
      const party = slotParty[s];
      let base = baseline[s];
      if (added !== null) {
        const add = baseline[s] + added[s] >= 0 ? added[s] : -baseline[s];
        extra += add;
        base += add;
      }
      const error = national[party] + (hasRegion ? sR * normals[regionAt + party] : 0) + sU * normals[slotAt + s];
      const x = base * fdlibmExp(error);
      votes[s] = x;
      sum += x;
    }
    const ratio = sum > 0 ? (valid[u] + extra) / sum : 0;
    for (let s = from; s < to; s++) votes[s] *= ratio;
    other[u] = xOther * ratio;
  }
}

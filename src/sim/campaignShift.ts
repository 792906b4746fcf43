/**
 * The campaign shift of one simulated election: from the channel effects drawn for the draw, each side's
 * net margin votes per territory (formulas in model/campaignCoefficients) and the resulting shift of A's
 * margin, in pp of the baseline two-party vote.
 *
 * The shift is the net margin votes of A's campaign minus B's, times 100 / baseline two-party votes: the
 * error terms are pp of that same vote, so the sign of baseline + shift + errors is the sign of the
 * margin in votes (the dilution of the margin's pp by the evenly split part of the added turnout is not
 * counted). Both sides' net votes come from the same expression, so two identical campaigns without
 * relay or social channels give bitwise-identical net votes and a shift of exactly 0, and swapping the
 * sides negates the shift exactly.
 *
 * Two paths give the same numbers up to rounding:
 * - the fast path, taken when no bound can bind in any territory (checked per draw from per-side
 *   "rooms", the smallest ratio of each bound to the members, and, for channels drawn below zero, the
 *   largest sum of negative pushes the mobilisation floor allows; a side that lists nobody as certain to
 *   vote, as race files do, has that floor bind in every territory or in none, and the fast path applies
 *   it: floorMobilisation): each side's net votes in territory t,
 *   in pp, are Σ_k e_{k+1} × powers[k][t] + K × perMember[t] — the mobilisation product expanded as a
 *   polynomial of degree <= 6 in −x_t, x_t = 1 / (1 − certain share) (see mobilisationPolynomial),
 *   with the powers, the mobilisable members and 100 / two-party votes folded into per-run tables, and
 *   K the per-member relay, indirect and persuasion votes of the draw: twelve independent multiply-adds
 *   per territory, no branch; the per-territory extra votes are accumulated as sums of the draw's
 *   coefficients and expanded once per block. A side whose relay or social contacts lean differently by
 *   territory (campaignCoefficients' networkVaries: every scenario with those channels whose territories
 *   are not all evenly split) adds K_net × netPerMember[t] + K_shift × shiftPerMember[t]: its relay and
 *   indirect votes per member times the territory's like-minded net share, and its relay persuasion
 *   times the territory's persuadable shift; its switches are within the rooms whatever the territory
 *   when |relay persuasion| × the largest |shift| fits beside the draw's persuasion (until 8 December
 *   2026 such a side took the exact path in every draw: the same numbers up to rounding, at about twice
 *   the cost of the default scenario's shift);
 * - the exact path, with every bound applied territory by territory (mobilisation within the members
 *   certain to vote, relay and indirect votes within the territory's non-voters, switches within the
 *   baseline votes, the clamped product when the polynomial may not be used).
 * Both sides always take the same path in a draw, which keeps the two properties above exact. Two
 * identical campaigns whose contacts lean as each territory does give a shift of exactly 0 only without
 * relay and social channels (each side's contacts lean its own way).
 *
 * Where it runs: the kernel (drawLoop.ts) does the per-draw part of the fast path for a whole batch in
 * WebAssembly (`coefficientBatch` in src/sim/wasm/assembly/kernel.ts, from the constants
 * {@link writeCampaignBlock} lays out) and the expansion over the units with two draws per instruction
 * (`shiftBatch`); the draws where a bound may bind take the exact path there too (`exactBatch`, two
 * draws per instruction, from the per-unit tables {@link writeExactTables} lays out). The functions
 * below are the reference for the WebAssembly loops, which repeat their arithmetic operation for
 * operation, so both give the same bits (test/sim/exactPath.test.ts compares them draw by draw).
 */
import { CHANNEL_SLOTS, type SimulationModel } from './prepareModel.js';
import { RELAY_SLOT, SOCIAL_SLOT, type CampaignCoefficients } from '../model/campaignCoefficients.js';
import { SOURCE_COUNT } from './blockTotals.js';

/** Most mobilisation channels the unrolled polynomial takes (degree 6). */
const POLYNOMIAL_TERMS = 6;
/**
 * Per side in `ShiftWorkspace.fastSums` and in a fast draw's coefficients: the six polynomial
 * coefficients, then K (× members), K_net (× like-minded net share × members) and K_shift (× relay
 * persuadable shift × members); the last two are 0 for a side whose contacts lean the same everywhere.
 */
const FAST_TERMS = POLYNOMIAL_TERMS + 3;

/** Per-side bounds of the fast path: the smallest ratio of each bound to the members, over territories with members. */
interface SideRooms {
  /** Largest |relay or indirect votes per member| within every territory's non-voters. */
  network: number;
  /** Largest direct social votes per member within the mobilisable members, and smallest (negative) within the certain ones. */
  directUp: number;
  directDown: number;
  /** Largest switches per member within the other side's baseline votes, and within the side's own (backlash). */
  persuadeUp: number;
  persuadeDown: number;
  /** Sum of members over territories (without parents' children). */
  members: number;
  /** Per territory: mobilisable members × 1 / (1 − certain share) (= members, or 0 when all are certain). */
  mobilisable: Float64Array;
  /**
   * Largest sum of negative pushes (reach × effect of channels drawn below zero) for which no territory's
   * mobilisation can fall below minus its certain voters: min over territories of (1 − c) ln(1 / (1 − c)),
   * c the certain share (mobilised ≥ −nonVoters (e^{x Σ|push|} − 1), x = 1 / (1 − c)).
   */
  negativePush: number;
  /**
   * Whether no territory lists a member as certain to vote (certain = 0 wherever there are members, as in
   * race files): the mobilisation floor −certain then binds in every territory or in none, by the sign of
   * the polynomial at x = 1, so the fast path applies it itself (see {@link floorMobilisation}) instead of
   * sending every draw with a channel drawn below zero to the exact path.
   */
  noneCertain: boolean;
  /** Per power k = 0..5 and territory (k × units + t): marginPerVote × mobilisable × (−x)^k, x = 1 / (1 − certain share). */
  powers: Float64Array;
  /** Per territory: marginPerVote × members. */
  perMember: Float64Array;
  /** Per power k: Σ_t mobilisable × (−x)^k (the side's mobilised votes are Σ_k e_{k+1} × this). */
  powerSums: Float64Array;
  /** Whether the side's contacts lean as each territory does (campaignCoefficients' networkVaries). */
  varies: boolean;
  /** Per territory, with `varies`: marginPerVote × like-minded net share × members, and marginPerVote × relay persuadable shift × members (else 0). */
  netPerMember: Float64Array;
  shiftPerMember: Float64Array;
  /** With `varies`: Σ_t net share × members, Σ_t relay persuadable shift × members, and the largest |shift| over territories with members (else 0). */
  netMembers: number;
  shiftMembers: number;
  largestShift: number;
}

/** Scratch of the campaign shift, reused across draws. */
export interface ShiftWorkspace {
  pushA: Float64Array;
  pushB: Float64Array;
  /** Elementary symmetric polynomials e_1..e_6 of A's and B's pushes. */
  coefficientA: Float64Array;
  coefficientB: Float64Array;
  rooms: [SideRooms, SideRooms];
  /** Per-block sums over fast-path draws of each side's coefficients, K, K_net and K_shift (side × 9 + term). */
  fastSums: Float64Array;
  /** This draw's per-member terms per side (side × 3 + relay, direct social, persuasion), then each side's relay persuasion (6 + side). */
  terms: Float64Array;
  /**
   * Per unit, the fast path's eighteen constants (unit × 18 + term): A's powers[0..5], perMember,
   * netPerMember and shiftPerMember, then B's; a unit with a parent holds its parent's, so it gets its
   * parent's shift.
   */
  unitTerms: Float64Array;
  /** Units without a parent (their shifts are computed; children copy their parent's). */
  ownUnits: Int32Array;
  /** Whether e_6 is zero in every draw on both sides (at most 5 mobilisation channels each): the fast path then takes 12 terms. */
  degreeFive: boolean;
  /** Whether a side's contacts lean as each territory does: the fast path then takes K_net and K_shift too. */
  varies: boolean;
  /** Whether both sides list nobody as certain to vote: their fast-path polynomials are of degree one (floorMobilisation). */
  degreeOne: boolean;
  /** Scratch of the exact path: each side's net margin votes per unit in the draw. */
  gainA: Float64Array;
  gainB: Float64Array;
}

/** Per unit in `ShiftWorkspace.unitTerms` and per draw in the fast path's coefficients: 7 terms per side. */
export const SHIFT_TERMS = 2 * FAST_TERMS;

function sideRooms(model: SimulationModel, c: CampaignCoefficients, own: Float64Array, other: Float64Array): SideRooms {
  const U = model.units;
  const rooms: SideRooms = {
    network: Infinity,
    directUp: Infinity,
    directDown: Infinity,
    persuadeUp: Infinity,
    persuadeDown: Infinity,
    members: 0,
    mobilisable: new Float64Array(U),
    negativePush: Infinity,
    noneCertain: true,
    powers: new Float64Array(POLYNOMIAL_TERMS * U),
    perMember: new Float64Array(U),
    powerSums: new Float64Array(POLYNOMIAL_TERMS),
    varies: c.networkVaries,
    netPerMember: new Float64Array(U),
    shiftPerMember: new Float64Array(U),
    netMembers: 0,
    shiftMembers: 0,
    largestShift: 0,
  };
  for (let i = 0; i < U; i++) {
    const m = c.members[i];
    rooms.mobilisable[i] = c.nonVoters[i] * c.perNonVoter[i];
    if (!(m > 0)) continue;
    rooms.members += m;
    rooms.network = Math.min(rooms.network, c.relayCap[i] / m);
    rooms.directUp = Math.min(rooms.directUp, c.nonVoters[i] / m);
    rooms.directDown = Math.min(rooms.directDown, c.certain[i] / m);
    rooms.persuadeUp = Math.min(rooms.persuadeUp, other[i] / m);
    rooms.persuadeDown = Math.min(rooms.persuadeDown, own[i] / m);
    const certainShare = c.certain[i] / m;
    rooms.negativePush = Math.min(rooms.negativePush, certainShare < 1 ? (1 - certainShare) * -Math.log1p(-certainShare) : Infinity);
    if (c.certain[i] !== 0) rooms.noneCertain = false;
    rooms.perMember[i] = model.marginPerVote[i] * m;
    if (c.networkVaries) {
      // Contacts that lean as the territory does: the net share and the relay's persuadable shift per territory.
      const net = c.likeMindedNetByTerritory[i];
      const relayShift = c.relayPersuadableShift[i];
      rooms.netPerMember[i] = model.marginPerVote[i] * (net * m);
      rooms.shiftPerMember[i] = model.marginPerVote[i] * (relayShift * m);
      rooms.netMembers += net * m;
      rooms.shiftMembers += relayShift * m;
      rooms.largestShift = Math.max(rooms.largestShift, Math.abs(relayShift));
    }
    let power = 1;
    for (let k = 0; k < POLYNOMIAL_TERMS; k++) {
      rooms.powers[k * U + i] = model.marginPerVote[i] * rooms.mobilisable[i] * power;
      rooms.powerSums[k] += rooms.mobilisable[i] * power;
      power *= -c.perNonVoter[i];
    }
  }
  return rooms;
}

/** Length (doubles) of the campaign block the WebAssembly per-draw loop reads (see {@link writeCampaignBlock}). */
export const CAMPAIGN_BLOCK = 2 * 48 + 126 + 54;
/** Where the draw state (effects, persuasions, pushes, e_1..e_6 of each side) starts in the campaign block. */
export const CAMPAIGN_STATE = 2 * 48 + 126;

/**
 * Writes the constants of the campaign shift's per-draw part into the block the WebAssembly loop
 * `coefficientBatch` reads (layout in src/sim/wasm/assembly/kernel.ts): per side (48 doubles) the
 * mobilisation and persuasion reaches, relay reach, indirect votes per direct vote, the like-minded net
 * share, the largest factor per non-voter, the fast path's rooms, the power sums and the mobilisation
 * slots, and whether the like-minded net share varies by territory (the exact path's); then both sides'
 * channel priors (mode, floor, scale below and above the mode) and the slots switched on; the draw state
 * after them starts at zero.
 *
 * @param model Prepared model.
 * @param work Shift workspace (its rooms).
 * @param block Output, {@link CAMPAIGN_BLOCK} doubles.
 * @example
 * writeCampaignBlock(model, createShiftWorkspace(model), new Float64Array(CAMPAIGN_BLOCK)) // fills the block
 */
export function writeCampaignBlock(model: SimulationModel, work: ShiftWorkspace, block: Float64Array): void {
  const S = CHANNEL_SLOTS;
  const SIDE = 48;
  const PRIORS = 2 * SIDE;
  block.fill(0);
  for (let side = 0; side < 2; side++) {
    const c = model.campaigns[side];
    const r = work.rooms[side];
    const o = side * SIDE;
    block.set(c.mobiliseReach, o);
    block.set(c.persuadeReach, o + 7);
    block[o + 14] = c.relayReach;
    block[o + 15] = c.indirectPerDirect;
    block[o + 16] = c.likeMindedNet;
    block[o + 17] = c.largestPerNonVoter;
    block[o + 18] = r.negativePush;
    block[o + 19] = r.network;
    block[o + 20] = r.directUp;
    block[o + 21] = r.directDown;
    block[o + 22] = r.persuadeUp;
    block[o + 23] = r.persuadeDown;
    block[o + 24] = r.members;
    block.set(r.powerSums, o + 25);
    // More than seven slots cannot be stored; the loop sends a side with more than six to the exact path.
    block[o + 31] = c.mobiliseSlots.length;
    for (let q = 0; q < Math.min(S, c.mobiliseSlots.length); q++) block[o + 32 + q] = c.mobiliseSlots[q];
    block[o + 40] = c.networkVaries ? 1 : 0;
    block[o + 41] = r.largestShift;
    block[o + 42] = r.netMembers;
    block[o + 43] = r.shiftMembers;
    block[o + 44] = r.noneCertain ? 1 : 0;
  }
  for (let j = 0; j < 2 * S; j++) {
    block[PRIORS + j] = model.effectMode[j];
    block[PRIORS + 14 + j] = model.effectFloor[j];
    block[PRIORS + 28 + 2 * j] = model.effectBelow[j];
    block[PRIORS + 28 + 2 * j + 1] = model.effectAbove[j];
    block[PRIORS + 56 + j] = model.persuasionMode[j];
    block[PRIORS + 70 + j] = model.persuasionFloor[j];
    block[PRIORS + 84 + 2 * j] = model.persuasionBelow[j];
    block[PRIORS + 84 + 2 * j + 1] = model.persuasionAbove[j];
  }
  model.campaigns.forEach((c, side) => c.active.forEach((on, k) => (block[PRIORS + 112 + side * S + k] = on ? 1 : 0)));
}

/** Per exact draw of a batch and side, the parameters the WebAssembly exact path records (kernel.ts EXACT_PARAMS). */
export const EXACT_PARAMS = 18;

/** Per-unit tables the WebAssembly exact path reads (see {@link writeExactTables}): 7 per side, then 3. */
export const EXACT_TABLES = 2 * 7 + 3;

/**
 * Writes the per-unit tables of the campaign shift's exact path into the array the WebAssembly loop
 * `coefficientBatch` reads (layout in src/sim/wasm/assembly/kernel.ts, before exactBatch), unit-major
 * (unit i's numbers from i × EXACT_TABLES): per side, its members, certain voters, non-voters, relay cap,
 * factor per non-voter, like-minded net share by territory and relay persuadable shift; then A's and B's
 * baseline votes and the margin's pp per vote.
 *
 * @param model Prepared model.
 * @param tables Output, {@link EXACT_TABLES} × units doubles.
 * @example
 * writeExactTables(model, new Float64Array(EXACT_TABLES * model.units)) // fills the tables
 */
export function writeExactTables(model: SimulationModel, tables: Float64Array): void {
  const columns = model.campaigns.flatMap((c) => [c.members, c.certain, c.nonVoters, c.relayCap, c.perNonVoter, c.likeMindedNetByTerritory, c.relayPersuadableShift]);
  columns.push(model.baseA, model.baseB, model.marginPerVote);
  for (let i = 0; i < model.units; i++) columns.forEach((column, j) => (tables[i * EXACT_TABLES + j] = column[i]!));
}

/**
 * Scratch and per-run bounds of the campaign shift for a model.
 *
 * @param model Prepared model.
 * @returns A workspace for {@link campaignShift}.
 * @example
 * createShiftWorkspace(model).fastSums.length // => 18
 */
export function createShiftWorkspace(model: SimulationModel): ShiftWorkspace {
  const rooms: [SideRooms, SideRooms] = [sideRooms(model, model.campaigns[0], model.baseA, model.baseB), sideRooms(model, model.campaigns[1], model.baseB, model.baseA)];
  const U = model.units;
  const unitTerms = new Float64Array(U * SHIFT_TERMS);
  for (let i = 0; i < U; i++) {
    const t = model.parentIndex[i] >= 0 ? model.parentIndex[i] : i;
    for (let side = 0; side < 2; side++) {
      const at = i * SHIFT_TERMS + side * FAST_TERMS;
      for (let k = 0; k < POLYNOMIAL_TERMS; k++) unitTerms[at + k] = rooms[side].powers[k * U + t];
      unitTerms[at + POLYNOMIAL_TERMS] = rooms[side].perMember[t];
      unitTerms[at + POLYNOMIAL_TERMS + 1] = rooms[side].netPerMember[t];
      unitTerms[at + POLYNOMIAL_TERMS + 2] = rooms[side].shiftPerMember[t];
    }
  }
  return {
    pushA: new Float64Array(CHANNEL_SLOTS),
    pushB: new Float64Array(CHANNEL_SLOTS),
    coefficientA: new Float64Array(POLYNOMIAL_TERMS),
    coefficientB: new Float64Array(POLYNOMIAL_TERMS),
    rooms,
    fastSums: new Float64Array(2 * FAST_TERMS),
    terms: new Float64Array(8),
    unitTerms,
    ownUnits: Int32Array.from(Array.from({ length: U }, (_, i) => i).filter((i) => model.parentIndex[i] < 0)),
    degreeFive: model.campaigns.every((c) => c.mobiliseSlots.length < POLYNOMIAL_TERMS),
    varies: rooms[0].varies || rooms[1].varies,
    degreeOne: rooms[0].noneCertain && rooms[1].noneCertain,
    gainA: new Float64Array(U),
    gainB: new Float64Array(U),
  };
}

/**
 * Per-draw coefficients of a side's mobilisation polynomial. Fills `push` with reach × drawn effect per
 * mobilisation channel switched on and, when every push × perNonVoter stays within [−1, 1] in all
 * territories (largest |push| × largest perNonVoter <= 1, so no factor of the product needs clamping),
 * `symmetric[j − 1]` with e_j, the elementary symmetric polynomials of the pushes (j = 1..6, zero past
 * the number of channels): then the mobilised share 1 − Π_c (1 − push_c × x) equals
 * x × (e_1 − e_2 x + e_3 x² − … − e_6 x⁵). Returns whether that form may be used.
 */
function mobilisationPolynomial(campaign: CampaignCoefficients, effect: Float64Array, offset: number, push: Float64Array, symmetric: Float64Array): boolean {
  const slots = campaign.mobiliseSlots;
  const count = slots.length;
  let largest = 0;
  for (let k = 0; k < count; k++) {
    const c = slots[k];
    const v = campaign.mobiliseReach[c] * effect[offset + c];
    push[k] = v;
    const magnitude = v < 0 ? -v : v;
    if (magnitude > largest) largest = magnitude;
  }
  for (let j = 0; j < POLYNOMIAL_TERMS; j++) symmetric[j] = 0;
  if (count > POLYNOMIAL_TERMS || largest * campaign.largestPerNonVoter > 1) return false;
  for (let k = 0; k < count; k++) {
    const v = push[k];
    for (let j = k; j >= 1; j--) symmetric[j] += symmetric[j - 1] * v;
    symmetric[0] += v;
  }
  return true;
}

/** Mobilised votes of a side in territory `t` by the clamped product (when the polynomial form may not be used). */
function mobilisedByProduct(campaign: CampaignCoefficients, push: Float64Array, t: number): number {
  const scale = campaign.perNonVoter[t];
  let keep = 1;
  for (let k = 0; k < campaign.mobiliseSlots.length; k++) {
    const q = push[k] * scale;
    keep *= q > 1 ? 0 : q < -1 ? 2 : 1 - q;
  }
  return campaign.nonVoters[t] * (1 - keep);
}

/** Per-member relay, direct social and persuasion terms of a side in this draw, into terms[3 side ..]. */
function memberTerms(c: CampaignCoefficients, effect: Float64Array, persuasion: Float64Array, offset: number, terms: Float64Array, at: number): void {
  let persuade = 0;
  for (let k = 0; k < CHANNEL_SLOTS; k++) persuade += c.persuadeReach[k] * persuasion[offset + k];
  terms[at] = c.relayReach * effect[offset + RELAY_SLOT];
  terms[at + 1] = c.mobiliseReach[SOCIAL_SLOT] * effect[offset + SOCIAL_SLOT];
  terms[at + 2] = persuade;
  terms[6 + at / 3] = c.persuadeReach[RELAY_SLOT] * persuasion[offset + RELAY_SLOT];
}

/** Whether no bound of a side can bind in any territory this draw (see the module comment); its terms at terms[at ..]. */
function withinRooms(c: CampaignCoefficients, rooms: SideRooms, terms: Float64Array, at: number, push: Float64Array): boolean {
  let negative = 0;
  for (let k = 0; k < c.mobiliseSlots.length; k++) if (push[k] < 0) negative -= push[k];
  // Nobody certain to vote: the floor is applied on the fast path (floorMobilisation).
  if (!rooms.noneCertain && negative > rooms.negativePush) return false;
  const relay = terms[at];
  const direct = terms[at + 1];
  const persuade = terms[at + 2];
  const indirect = c.indirectPerDirect * direct;
  // Where contacts lean as the territory does, a member switches persuade + relayPersuade × shift_t
  // voters: within the rooms whatever the territory when |relayPersuade| × the largest |shift| fits too.
  const spread = rooms.varies ? Math.abs(terms[6 + at / 3]) * rooms.largestShift : 0;
  return (
    Math.abs(relay) <= rooms.network &&
    Math.abs(indirect) <= rooms.network &&
    direct <= rooms.directUp &&
    -direct <= rooms.directDown &&
    persuade + spread <= rooms.persuadeUp &&
    -persuade + spread <= rooms.persuadeDown
  );
}

/**
 * Campaign shift of every unit's margin for the effects drawn in this draw. On the fast path (see the
 * module comment) it writes the draw's eighteen coefficients to `coefficients[term × batch + draw]`
 * (A's e_1..e_6, K, K_net and K_shift, then B's), for the WebAssembly `shiftBatch` to expand over the units, and returns true;
 * on the exact path it fills `shift` (pp) and returns false. Either way it adds each side's net margin
 * votes by source to `sources` (side × SOURCE_COUNT + source) and, on the exact path, per territory to
 * `extraA`/`extraB` (the fast path adds its coefficient sums to `work.fastSums`, expanded by
 * {@link flushFastSums}).
 *
 * @param model Prepared model.
 * @param work Shift workspace.
 * @param effect Turnout effect per side and slot this draw (pp).
 * @param persuasion Persuasion effect per side and slot this draw (pp).
 * @param shift Output of the exact path: campaign shift of A's margin per unit, pp.
 * @param extraA Per-unit sums of A's net margin votes (exact path).
 * @param extraB The same for B.
 * @param sources Sums of net margin votes by side and source.
 * @param coefficients Output of the fast path: SHIFT_TERMS × batch numbers.
 * @param draw This draw's index in the batch.
 * @param batch Draws per batch (the coefficients' row length).
 * @returns Whether the fast path was taken.
 * @example
 * // two identical campaigns: the shift is exactly 0 on either path
 * campaignShift(model, work, effect, persuasion, shift, extraA, extraB, sources, coefficients, 0, 64) // => true (fast path)
 */
export function campaignShift(
  model: SimulationModel,
  work: ShiftWorkspace,
  effect: Float64Array,
  persuasion: Float64Array,
  shift: Float64Array,
  extraA: Float64Array,
  extraB: Float64Array,
  sources: Float64Array,
  coefficients: Float64Array,
  draw: number,
  batch: number,
): boolean {
  const S = CHANNEL_SLOTS;
  const campaignA = model.campaigns[0];
  const campaignB = model.campaigns[1];
  const polynomialA = mobilisationPolynomial(campaignA, effect, 0, work.pushA, work.coefficientA);
  const polynomialB = mobilisationPolynomial(campaignB, effect, S, work.pushB, work.coefficientB);
  const terms = work.terms;
  memberTerms(campaignA, effect, persuasion, 0, terms, 0);
  memberTerms(campaignB, effect, persuasion, S, terms, 3);
  // The per-member terms go to the checks and the two paths through work.terms (doubles passed as
  // arguments to a call that is not inlined would be boxed on the heap every draw).
  if (polynomialA && polynomialB && withinRooms(campaignA, work.rooms[0], terms, 0, work.pushA) && withinRooms(campaignB, work.rooms[1], terms, 3, work.pushB)) {
    if (work.rooms[0].noneCertain) floorMobilisation(work.coefficientA);
    if (work.rooms[1].noneCertain) floorMobilisation(work.coefficientB);
    fastShift(model, work, sources, coefficients, draw, batch);
    return true;
  }
  exactShift(model, work, polynomialA, polynomialB, shift, extraA, extraB, sources);
  return false;
}

/**
 * The mobilisation of a side with nobody certain to vote, on the fast path: every territory's x is 1, so
 * its mobilised votes are nonVoters_t × v with the same v = e_1 − (e_2 − (e_3 − (e_4 − (e_5 − e_6))))
 * (the exact path's Horner form at x = 1, bit for bit). The floor −certain = 0 binds in every territory
 * when v < 0: the coefficients are then zeroed (no mobilised votes anywhere), as the exact path would clamp
 * each territory's; otherwise they become (v, 0, 0, 0, 0, 0), the polynomial of degree one that gives the
 * same votes (powers[k][t] = (−1)^k powers[0][t] at x = 1), so the fast path's expansion takes one term.
 */
function floorMobilisation(c: Float64Array): void {
  const v = c[0] - (c[1] - (c[2] - (c[3] - (c[4] - c[5]))));
  c.fill(0);
  if (!(v < 0)) c[0] = v;
}

/**
 * The fast path: with no bound binding anywhere (checked by withinRooms, including the mobilisation
 * floor), each side's net margin votes in territory t, in pp of its baseline two-party vote, are
 * Σ_k e_{k+1} × powers[k][t] + K × perMember[t] (+ K_net × netPerMember[t] + K_shift × shiftPerMember[t]
 * where contacts lean as the territory does): up to eighteen independent multiply-adds per territory, no
 * branch, done for a whole batch by the WebAssembly loop `shiftBatch` (src/sim/wasm/assembly/kernel.ts);
 * this writes the draw's coefficients.
 * The side's mobilised votes summed over territories are Σ_k e_{k+1} × powerSums[k].
 */
function fastShift(model: SimulationModel, work: ShiftWorkspace, sources: Float64Array, coefficients: Float64Array, draw: number, batch: number): void {
  const terms = work.terms;
  for (let side = 0; side < 2; side++) {
    const campaign = model.campaigns[side];
    const rooms = work.rooms[side];
    const c = side === 0 ? work.coefficientA : work.coefficientB;
    const relay = terms[3 * side], direct = terms[3 * side + 1], persuade = terms[3 * side + 2];
    let k: number, kNet: number, kShift: number, relayVotes: number, indirectVotes: number, persuasionVotes: number;
    if (rooms.varies) {
      // Contacts that lean as the territory does: relay and indirect votes per member times each
      // territory's net share (K_net), the relay's persuasion times its persuadable shift (K_shift).
      const indirect = campaign.indirectPerDirect * direct;
      k = 2 * persuade;
      kNet = relay + indirect;
      kShift = 2 * terms[6 + side];
      relayVotes = relay * rooms.netMembers;
      indirectVotes = indirect * rooms.netMembers;
      persuasionVotes = k * rooms.members + kShift * rooms.shiftMembers;
    } else {
      const net = campaign.likeMindedNet;
      const relayNet = net * relay;
      const indirectNet = net * (campaign.indirectPerDirect * direct);
      k = relayNet + indirectNet + 2 * persuade;
      kNet = 0;
      kShift = 0;
      relayVotes = relayNet * rooms.members;
      indirectVotes = indirectNet * rooms.members;
      persuasionVotes = 2 * persuade * rooms.members;
    }
    const o = side * FAST_TERMS;
    for (let j = 0; j < POLYNOMIAL_TERMS; j++) coefficients[(o + j) * batch + draw] = c[j];
    coefficients[(o + POLYNOMIAL_TERMS) * batch + draw] = k;
    coefficients[(o + POLYNOMIAL_TERMS + 1) * batch + draw] = kNet;
    coefficients[(o + POLYNOMIAL_TERMS + 2) * batch + draw] = kShift;
    const p = rooms.powerSums;
    const at = side * SOURCE_COUNT;
    sources[at] += c[0] * p[0] + c[1] * p[1] + c[2] * p[2] + c[3] * p[3] + c[4] * p[4] + c[5] * p[5];
    sources[at + 1] += persuasionVotes;
    sources[at + 2] += relayVotes;
    sources[at + 3] += indirectVotes;
    const sums = work.fastSums;
    for (let j = 0; j < POLYNOMIAL_TERMS; j++) sums[o + j] += c[j];
    sums[o + POLYNOMIAL_TERMS] += k;
    sums[o + POLYNOMIAL_TERMS + 1] += kNet;
    sums[o + POLYNOMIAL_TERMS + 2] += kShift;
  }
}

/**
 * Adds the fast-path sums of a block to the per-unit extra votes and clears them: over the block's fast
 * draws, Σ gain_t = mobilisable_t × P_Σ(x_t) + members_t × Σ K (+ net_t × members_t × Σ K_net + shift_t ×
 * members_t × Σ K_shift where contacts lean as the territory does), with P_Σ the polynomial of the summed
 * coefficients (gain is linear in the coefficients).
 *
 * @param model Prepared model.
 * @param work Shift workspace whose `fastSums` hold the block's sums (cleared).
 * @param extraA Per-unit sums of A's net margin votes (added to).
 * @param extraB The same for B.
 * @example
 * flushFastSums(model, work, totals.extraA, totals.extraB); work.fastSums.every((x) => x === 0) // => true
 */
export function flushFastSums(model: SimulationModel, work: ShiftWorkspace, extraA: Float64Array, extraB: Float64Array): void {
  const sums = work.fastSums;
  for (let side = 0; side < 2; side++) {
    const o = side * FAST_TERMS;
    const e1 = sums[o], e2 = sums[o + 1], e3 = sums[o + 2], e4 = sums[o + 3], e5 = sums[o + 4], e6 = sums[o + 5];
    const k = sums[o + POLYNOMIAL_TERMS];
    const kNet = sums[o + POLYNOMIAL_TERMS + 1];
    const kShift = sums[o + POLYNOMIAL_TERMS + 2];
    const campaign = model.campaigns[side];
    const mobilisable = work.rooms[side].mobilisable;
    const extra = side === 0 ? extraA : extraB;
    const varies = work.rooms[side].varies;
    for (let i = 0; i < model.units; i++) {
      if (model.parentIndex[i] >= 0) continue;
      const x = campaign.perNonVoter[i];
      const m = campaign.members[i];
      const gain = mobilisable[i] * (e1 - x * (e2 - x * (e3 - x * (e4 - x * (e5 - x * e6))))) + m * k;
      extra[i] += varies ? gain + (campaign.likeMindedNetByTerritory[i] * m * kNet + campaign.relayPersuadableShift[i] * m * kShift) : gain;
    }
  }
  sums.fill(0);
}

/** `x` within [low, high] (high checked first, as the bounds of the exact path are). */
function within(x: number, low: number, high: number): number {
  return x > high ? high : x < low ? low : x;
}

/** The exact path: every bound applied territory by territory, side by side. */
function exactShift(
  model: SimulationModel,
  work: ShiftWorkspace,
  polynomialA: boolean,
  polynomialB: boolean,
  shift: Float64Array,
  extraA: Float64Array,
  extraB: Float64Array,
  sources: Float64Array,
): void {
  const { gainA, gainB } = work;
  exactSideGains(model, work, 0, polynomialA, gainA, sources);
  exactSideGains(model, work, 1, polynomialB, gainB, sources);
  const { marginPerVote, parentIndex } = model;
  for (let i = 0; i < model.units; i++) {
    if (parentIndex[i] >= 0) continue;
    shift[i] = (gainA[i] - gainB[i]) * marginPerVote[i];
    extraA[i] += gainA[i];
    extraB[i] += gainB[i];
  }
  const children = model.childUnits;
  for (let k = 0; k < children.length; k++) shift[children[k]] = shift[parentIndex[children[k]]];
}

/**
 * One side's net margin votes in each unit without a parent on the exact path (into `gain`): mobilisation
 * (at least −certain), relay and indirect (within ±relayCap, net of like-minded contacts: the territory's
 * own net share 2 s_t − 1 when it differs by territory, see campaignCoefficients), direct social
 * (within the non-voters and −certain) and twice the voters switched (within the other side's votes and
 * minus its own); its turnout, persuasion, relay and indirect sums added to `sources` (side × 4 + source).
 */
function exactSideGains(model: SimulationModel, work: ShiftWorkspace, side: 0 | 1, polynomial: boolean, gain: Float64Array, sources: Float64Array): void {
  const terms = work.terms;
  const relayPerMember = terms[3 * side], socialPerMember = terms[3 * side + 1], persuade = terms[3 * side + 2], relayPersuade = terms[6 + side];
  const coefficient = side === 0 ? work.coefficientA : work.coefficientB;
  const push = side === 0 ? work.pushA : work.pushB;
  const ownBase = side === 0 ? model.baseA : model.baseB;
  const otherBase = side === 0 ? model.baseB : model.baseA;
  const parentIndex = model.parentIndex;
  const campaign = model.campaigns[side];
  const c1 = coefficient[0], c2 = coefficient[1], c3 = coefficient[2], c4 = coefficient[3], c5 = coefficient[4], c6 = coefficient[5];
  const indirectPerDirect = campaign.indirectPerDirect;
  const { members: membersOf, certain, nonVoters, relayCap, perNonVoter: scale, likeMindedNetByTerritory: netOf, relayPersuadableShift, networkVaries } = campaign;
  const evenNet = campaign.likeMindedNet;
  let turnoutSum = 0, persuasionSum = 0, relaySum = 0, indirectSum = 0;
  for (let i = 0; i < model.units; i++) {
    if (parentIndex[i] >= 0) continue;
    const members = membersOf[i];
    if (!(members > 0)) {
      gain[i] = 0;
      continue;
    }
    let mob: number;
    if (polynomial) {
      const x = scale[i];
      mob = nonVoters[i] * (x * (c1 - x * (c2 - x * (c3 - x * (c4 - x * (c5 - x * c6))))));
    } else {
      mob = mobilisedByProduct(campaign, push, i);
    }
    if (mob < -certain[i]) mob = -certain[i];
    const cap = relayCap[i];
    const relay = within(members * relayPerMember, -cap, cap);
    const direct = within(members * socialPerMember, -certain[i], nonVoters[i]);
    const indirect = within(indirectPerDirect * direct, -cap, cap);
    // Where the net share differs by territory, relay contacts lean as the territory does (campaignCoefficients).
    const net = networkVaries ? netOf[i] : evenNet;
    const switched = within(members * (networkVaries ? persuade + relayPersuade * relayPersuadableShift[i] : persuade), -ownBase[i], otherBase[i]);
    const relayNet = net * relay;
    const indirectNet = net * indirect;
    gain[i] = mob + relayNet + indirectNet + 2 * switched;
    turnoutSum += mob;
    persuasionSum += 2 * switched;
    relaySum += relayNet;
    indirectSum += indirectNet;
  }
  const at = side * SOURCE_COUNT;
  sources[at] += turnoutSum;
  sources[at + 1] += persuasionSum;
  sources[at + 2] += relaySum;
  sources[at + 3] += indirectSum;
}

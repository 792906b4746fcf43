/**
 * The draw loop of the Monte Carlo kernel: one block of simulated elections on typed arrays.
 *
 * One simulated election ("draw"):
 * 1. errors on each unit's two-party margin (pp): national Student-t scaled to its SD, one normal per
 *    region, one normal per territory scaled by the territory's own SD (optionally correlated through a
 *    Cholesky factor);
 * 2. every channel slot draws one turnout-effect z and one persuasion z, shared by all territories and by
 *    both sides: a channel's true effect is one fact about the world; each side turns the same z into its
 *    effect through its own prior (see priorShape: mean = the prior's central value) and keeps its own
 *    coverage, contact rate and list;
 * 3. each territory's margin = baseline margin + campaign shift (see campaignShift) + errors; a unit with
 *    a parent takes the parent's campaign shift;
 * 4. the rule decides the draw; accumulators record wins, weights, margins, tipping points and extra votes.
 *
 * How a batch runs (the loops marked [wasm] are WebAssembly, src/sim/wasm/assembly/kernel.ts, each
 * doing the same arithmetic in the same order as the JavaScript it replaced, the SIMD ones two draws per
 * instruction; the JavaScript functions they mirror stay as their reference):
 * - [wasm] fillNumbers: the batch's random numbers, column-major (number × BATCH + draw);
 * - phase 1: the correlated territory errors (Cholesky only); [wasm] coefficientBatch: each draw's channel
 *   effects and the campaign shift's per-draw coefficients on the fast path, the draws where a bound may
 *   bind taking campaignShift's exact path there (exactBatch, SIMD: two exact draws per instruction, their
 *   extra votes added in draw order); [wasm, SIMD] shiftBatch: the fast path's shift expanded for the
 *   batch, unit by unit;
 * - phase 2, [wasm, SIMD] marginBatch: unit by unit over the batch's draws, the margins (unit-major), the
 *   national vote, the per-unit sums and each draw's weight won by A and by nobody, the signs counted as
 *   lane masks rather than branches (in a close unit the sign is a coin toss);
 * - phase 3: draw by draw, the outcome and the accumulators; the tipping unit of a weighted rule from
 *   [wasm] tippingBatch (the scan of tippingUnitBySurplus), of a national-vote rule from [wasm] selectBatch
 *   (tippingUnitBySelect's unit, on keys gathered a cache line of draws at a time: one pass over a bracket
 *   around the draw's expected tipping key and a select among the units inside, the quickselect itself
 *   when the bracket misses or keys tie), units ordered by margins over all votes cast; for weighted
 *   rules, the electoral-college bias.
 * The margins are summed in the same order as a draw-by-draw loop would (baseline + shift + national +
 * regional + territory), so the layout does not change a result; the per-unit sums of margins and their
 * squares add even and odd draws in two lanes, joined at the end of each batch.
 *
 * Random numbers: the block's xoshiro128** generator fills a batch of {@link BATCH} draws at a time
 * (fillNumbers, the stream of normalStream.ts fillDrawNumbers), each draw in this order: the national unit t (Bailey's polar method), the regions'
 * and then the units' standard normals (ziggurat), then two normals per channel slot (7 slots: the
 * slot's turnout-effect z, then its persuasion z) — regions + units + 14 = 79 normals for the 56-unit US
 * map — and, for the benchmark's peer model only, one uniform for its effect. The count of 32-bit outputs
 * a draw takes varies with the stream's own values (rejections), never with the campaigns.
 *
 * Common random numbers: every draw consumes the same random numbers whatever the campaigns (slots
 * switched off still draw their two normals), so two runs with the same seed pair their draws. Hence the
 * batches a thread has drawn are kept per (seed, block, layout) (numbersCache.ts) and copied into its later
 * runs instead of drawn again (a third of a run's CPU on the default scenario), the very same numbers.
 * Mirror symmetry: errors are drawn for the margin of the side that sorts first and channel effects are
 * shared by both sides, so swapping `sides` negates every margin exactly; two identical campaigns cancel
 * exactly, draw for draw.
 */
import { CHANNEL_SLOTS, type SimulationModel } from './prepareModel.js';
import { blockGeneratorState, drawStride, type DrawLayout } from './normalStream.js';
import { blockNumbers, keepBatch } from './numbersCache.js';
import { CAMPAIGN_BLOCK, CAMPAIGN_STATE, createShiftWorkspace, EXACT_PARAMS, EXACT_TABLES, flushFastSums, SHIFT_TERMS, writeCampaignBlock, writeExactTables, type ShiftWorkspace } from './campaignShift.js';
import { RELAY_SLOT, SOCIAL_SLOT } from '../model/campaignCoefficients.js';
import { KernelArena, type KernelExports } from './wasm/kernelModule.js';
import { addCounters, SOURCE_COUNT, type BlockCounters, type BlockTotals } from './blockTotals.js';
import type { KeptDraws } from './types.js';


/**
 * Row length of the unit-major margins (BATCH + 8 doubles, 576 bytes = 9 cache lines): a draw's margins,
 * one per row, then fall in different cache sets, where rows of 512 bytes would crowd 8 of the 64 sets
 * of a 32 KiB L1 cache when the tipping scan reads them across units.
 */
const MARGIN_ROW = 72;

/** Draws whose random numbers are generated at a time (a buffer of BATCH × 80 numbers stays in cache). */
const BATCH = 64;

/** Draws whose tipping keys the kernel's selectBatch gathers at a time (its SELECT_GROUP: one cache line of a unit's margins). */
const SELECT_GROUP = 8;

/**
 * Scratch arrays reused across draws and blocks of one run (no allocation per draw). The arrays the
 * WebAssembly loops read or write are views on the workspace's own kernel memory (see kernelModule.ts);
 * `*At` are their byte offsets there.
 */
export interface DrawWorkspace {
  layout: DrawLayout;
  stride: number;
  kernel: KernelExports;
  /** Random numbers of a batch of draws, column-major: number j of draw k at j × BATCH + k. */
  numbers: Float64Array;
  /** Per unit: orientation × territory SD. */
  unitScale: Float64Array;
  /** Correlated territory errors (Cholesky only) and campaign shifts of a batch, pp: unit × BATCH + draw. */
  territoryBatch: Float64Array;
  shiftBatch: Float64Array;
  /** Per draw of a batch: 1 when it took the exact path, else 0. */
  exactBatch: Float64Array;
  /** Per draw of a batch: weight of the units with a positive margin (A wins them), with a margin of exactly 0, and the national vote's Σ weight × margin. */
  positiveBatch: Float64Array;
  zeroBatch: Float64Array;
  votesBatch: Float64Array;
  /** Margins of the draws of a batch, pp, unit-major: index unit × MARGIN_ROW + draw-in-batch . */
  margins: Float64Array;
  /** The tipping candidates (its length is the number of candidates; the kernel's copies are `at.candidates`, `at.selectOrder`). */
  order: Int32Array;
  /** Per-block sums per unit: draws A won, margin, margin². */
  unitWins: Float64Array;
  unitSum: Float64Array;
  unitSumSq: Float64Array;
  /** The block generator's state (4 words). */
  state: Int32Array;
  extraA: Float64Array;
  extraB: Float64Array;
  sources: Float64Array;
  shiftWork: ShiftWorkspace;
  /** Byte offsets in the kernel memory. */
  at: {
    numbers: number; state: number; rejected: number; base: number; uniform: number; unitScale: number; weight: number;
    nationalWeight: number; regionIndex: number; territory: number; shift: number; margins: number; votes: number;
    positive: number; zero: number; wins: number; sum: number; sumSq: number; own: number; terms: number;
    coefficients: number; exact: number; children: number; parents: number; candidates: number;
    tippingWeight: number; allVotesShare: number; bufferUnits: number; bufferKeys: number; tipping: number; campaign: number;
    selectKeys: number; selectOrder: number; selectOrderKeys: number; selectWeights: number;
    drawSources: number; fastSums: number; effects: number; persuasions: number; exactTables: number; exactParams: number; exactIndex: number; extra: number;
  };
  /** The draw state of the WebAssembly per-draw loop (the end of its campaign block: effects, pushes, e_k). */
  campaignState: Float64Array;
  /** Per draw of a batch, on either path: its net margin votes by side and source (side × 4 + source) × BATCH + draw. */
  drawSources: Float64Array;
  /** Per draw of a batch: the channel effects and persuasion effects drawn (slot × BATCH + draw, 14 slots), as coefficientBatch drew them (test/sim/exactPath.test.ts replays them through the JavaScript reference). */
  effects: Float64Array;
  persuasions: Float64Array;
  /** Per draw of a batch: its tipping unit, or −1 when nobody won (weighted rules: tippingBatch; national vote: selectBatch). */
  tipping: Int32Array;
  /** Whether every sum of the tipping weights is exact in any order (see {@link exactWeightSums}): selectBatch may then bracket. */
  exactWeightSums: boolean;
}

/**
 * Whether every sum of these weights is exact in any order: each a whole number, their total at most
 * 2^53 (votes always are). The kernel's selectBatch then finds the tipping unit by a bracket first.
 *
 * @param weights Tipping weights (votes).
 * @returns true when whole numbers with an exact total.
 * @example
 * exactWeightSums(Float64Array.of(3, 10, 12)) // => true
 * exactWeightSums(Float64Array.of(0.5, 1)) // => false
 */
export function exactWeightSums(weights: Float64Array): boolean {
  let total = 0;
  for (const w of weights) {
    if (!Number.isInteger(w) || w < 0) return false;
    total += w;
  }
  return total <= Number.MAX_SAFE_INTEGER;
}

/**
 * The random-number layout of one draw of a model: t, regions + units (+ 2 per channel slot) normals,
 * and one uniform for the peer model's effect.
 *
 * @param model Prepared model.
 * @returns The layout fillDrawNumbers uses.
 * @example
 * drawLayout(model) // => { studentT: 5, normals: 79, uniforms: 0 } for the US map with 9 divisions
 */
export function drawLayout(model: SimulationModel): DrawLayout {
  return {
    studentT: model.tails,
    normals: model.regionCount + model.units + (model.channelDraws ? 2 * CHANNEL_SLOTS : 0),
    uniforms: model.uniformShift ? 1 : 0,
  };
}

/**
 * Scratch space of the draw loop for a model.
 *
 * @param model Prepared model.
 * @returns A workspace for {@link runBlock}.
 * @example
 * createDrawWorkspace(model).numbers.length // => BATCH × stride
 */
function createDrawWorkspace(model: SimulationModel): DrawWorkspace {
  const u = model.units;
  const layout = drawLayout(model);
  const stride = drawStride(layout);
  const shiftWork = createShiftWorkspace(model);
  const arena = new KernelArena();
  const h = workspaceHandles(arena, model, layout, stride, shiftWork);
  const kernel = arena.open();
  const unitScale = arena.view(h.unitScale);
  copyModelIn(arena, h, model, shiftWork);
  const at = Object.fromEntries(Object.entries(h).map(([name, handle]) => [name, arena.offset(handle)])) as DrawWorkspace['at'] & Record<string, number>;
  return {
    layout,
    stride,
    kernel,
    numbers: arena.view(h.numbers),
    unitScale,
    territoryBatch: arena.view(h.territory),
    shiftBatch: arena.view(h.shift),
    exactBatch: arena.view(h.exact),
    positiveBatch: arena.view(h.positive),
    zeroBatch: arena.view(h.zero),
    votesBatch: arena.view(h.votes),
    margins: arena.view(h.margins),
    order: Int32Array.from(model.tippingUnits),
    unitWins: arena.view(h.wins),
    unitSum: arena.view(h.sum),
    unitSumSq: arena.view(h.sumSq),
    state: arena.view(h.state, 'i32'),
    tipping: arena.view(h.tipping, 'i32'),
    exactWeightSums: exactWeightSums(model.tippingWeight),
    drawSources: arena.view(h.drawSources),
    campaignState: arena.view(h.campaign).subarray(CAMPAIGN_STATE),
    effects: arena.view(h.effects),
    persuasions: arena.view(h.persuasions),
    extraA: arena.view(h.extra).subarray(0, u),
    extraB: arena.view(h.extra).subarray(u, 2 * u),
    sources: new Float64Array(2 * SOURCE_COUNT),
    shiftWork,
    at,
  };
}

/** The workspace's arrays in the kernel memory, one handle per name of {@link DrawWorkspace}'s `at`. */
function workspaceHandles(arena: KernelArena, model: SimulationModel, layout: DrawLayout, stride: number, shiftWork: ShiftWorkspace) {
  const u = model.units;
  return {
    numbers: arena.f64(BATCH * stride),
    state: arena.i32(4),
    rejected: arena.i32(2 * Math.max(1, layout.normals)),
    base: arena.f64(u),
    uniform: arena.f64(u),
    unitScale: arena.f64(u),
    weight: arena.f64(u),
    nationalWeight: arena.f64(u),
    regionIndex: arena.i32(u),
    territory: arena.f64(model.cholesky ? u * BATCH : 0),
    shift: arena.f64(model.anyCampaign ? u * BATCH : 0),
    margins: arena.f64(MARGIN_ROW * u),
    votes: arena.f64(BATCH),
    positive: arena.f64(BATCH),
    zero: arena.f64(BATCH),
    wins: arena.f64(u),
    sum: arena.f64(u),
    sumSq: arena.f64(u),
    own: arena.i32(shiftWork.ownUnits.length),
    terms: arena.f64(shiftWork.unitTerms.length),
    coefficients: arena.f64(SHIFT_TERMS * BATCH),
    exact: arena.f64(BATCH),
    children: arena.i32(model.childUnits.length),
    parents: arena.i32(u),
    candidates: arena.i32(model.tippingUnits.length),
    tippingWeight: arena.f64(u),
    allVotesShare: arena.f64(u),
    bufferUnits: arena.i32(u + 1),
    bufferKeys: arena.f64(u + 1),
    tipping: arena.i32(BATCH),
    // selectBatch's scratch (national-vote rules): keys of SELECT_GROUP draws, one draw's units and keys.
    selectKeys: arena.f64(model.weighted ? 0 : SELECT_GROUP * model.tippingUnits.length),
    selectOrder: arena.i32(model.weighted ? 0 : model.tippingUnits.length),
    selectOrderKeys: arena.f64(model.weighted ? 0 : model.tippingUnits.length),
    // The candidates' weights in candidate order, for selectBatch's bracket pass (two candidates per instruction).
    selectWeights: arena.f64(model.weighted ? 0 : model.tippingUnits.length),
    campaign: arena.f64(CAMPAIGN_BLOCK),
    drawSources: arena.f64(2 * SOURCE_COUNT * BATCH),
    fastSums: arena.f64(SHIFT_TERMS),
    effects: arena.f64(2 * CHANNEL_SLOTS * BATCH),
    persuasions: arena.f64(2 * CHANNEL_SLOTS * BATCH),
    // The exact path's per-unit tables and each side's per-unit net votes (extraA, then extraB).
    exactTables: arena.f64(model.anyCampaign ? EXACT_TABLES * u : 0),
    // Two sides' parameters, then their 8 sums by source, per exact draw (one spare column for an odd count).
    exactParams: arena.f64(model.anyCampaign ? (2 * EXACT_PARAMS + 8) * BATCH + 1 : 0),
    exactIndex: arena.i32(BATCH),
    extra: arena.f64(2 * u),
  };
}

/** Copies the model's per-unit arrays and campaign block into the kernel memory (once per workspace). */
function copyModelIn(arena: KernelArena, h: ReturnType<typeof workspaceHandles>, model: SimulationModel, shiftWork: ShiftWorkspace): void {
  arena.view(h.unitScale).set(model.territoryScale.map((sd) => model.orientation * sd));
  arena.view(h.base).set(model.baseMargin);
  if (model.uniformShift) arena.view(h.uniform).set(model.uniformShift);
  arena.view(h.weight).set(model.weights);
  arena.view(h.nationalWeight).set(model.nationalWeight);
  arena.view(h.regionIndex, 'i32').set(model.regionIndex);
  arena.view(h.own, 'i32').set(shiftWork.ownUnits);
  arena.view(h.terms).set(shiftWork.unitTerms);
  arena.view(h.children, 'i32').set(model.childUnits);
  arena.view(h.parents, 'i32').set(model.parentIndex);
  arena.view(h.candidates, 'i32').set(model.tippingUnits);
  arena.view(h.tippingWeight).set(model.tippingWeight);
  if (!model.weighted) arena.view(h.selectWeights).set(Array.from(model.tippingUnits, (unit) => model.tippingWeight[unit]!));
  arena.view(h.allVotesShare).set(model.allVotesShare);
  writeCampaignBlock(model, shiftWork, arena.view(h.campaign));
  if (model.anyCampaign) writeExactTables(model, arena.view(h.exactTables) as Float64Array);
  shiftWork.fastSums = arena.view(h.fastSums);
}

/** One workspace per model and thread, reused by every run of that model (see {@link drawWorkspaceFor}). */
const WORKSPACES = new WeakMap<SimulationModel, DrawWorkspace>();

/**
 * The workspace of a model in this thread, created on first use and then reused: a run split into many
 * calls (chunks for progress, worker tasks, sweeps of one model) keeps one WebAssembly memory instead of
 * leaving one per call for the garbage collector, so memory stays flat. Safe because runs are synchronous
 * and {@link runBlock} starts every block from a cleared state.
 *
 * @param model Prepared model.
 * @returns The model's workspace in this thread.
 * @example
 * drawWorkspaceFor(model) === drawWorkspaceFor(model) // => true
 */
export function drawWorkspaceFor(model: SimulationModel): DrawWorkspace {
  let work = WORKSPACES.get(model);
  if (!work) {
    work = createDrawWorkspace(model);
    WORKSPACES.set(model, work);
  }
  return work;
}

/**
 * Runs `draws` draws of block `block` and adds them to `totals`.
 *
 * @param model Prepared model.
 * @param work Workspace from {@link createDrawWorkspace}.
 * @param seed User seed.
 * @param block Block index (seeds the block's generator).
 * @param draws Draws in this block (BLOCK_SIZE, or fewer in the last block).
 * @param totals Totals of this block (added to).
 * @param kept Per-draw arrays to fill, or undefined.
 * @param keptOffset Index in `kept` of this block's first draw.
 * @example
 * const totals = emptyTotals(model);
 * runBlock(model, createDrawWorkspace(model), 1, 0, 4096, totals, undefined, 0); totals.draws // => 4096
 */
export function runBlock(
  model: SimulationModel,
  work: DrawWorkspace,
  seed: number,
  block: number,
  draws: number,
  totals: BlockTotals,
  kept: KeptDraws | undefined,
  keptOffset: number,
): void {
  const { kernel, at, state, layout, unitWins, unitSum, unitSumSq } = work;
  // The block's numbers kept by an earlier run of this thread are copied; the rest are drawn from the state
  // after them, and each full batch drawn is kept in turn (numbersCache.ts: the same numbers, to the bit).
  const stored = blockNumbers(seed, block, layout, () => blockGeneratorState(seed, block));
  let drawing = false;
  let totalWeight = 0;
  for (let i = 0; i < model.units; i++) totalWeight += model.weights[i];
  const tally: BlockCounters = { draws, winsA: 0, winsB: 0, ties: 0, popularWinsA: 0, splits: 0, weightSumB: 0, biasSum: 0, biasDraws: 0 };
  unitWins.fill(0);
  unitSum.fill(0);
  unitSumSq.fill(0);
  // Every block starts from the same state, whatever ran before it in this workspace: the channel
  // effects of slots switched off stay 0 (they are only ever multiplied by a reach of 0).
  work.campaignState.fill(0);

  for (let first = 0, batch = 0; first < draws; first += BATCH, batch++) {
    const count = Math.min(BATCH, draws - first);
    if (!drawing && batch < stored.batches.length) work.numbers.set(stored.batches[batch]!);
    else {
      if (!drawing) state.set(stored.state);
      drawing = true;
      kernel.fillNumbers(at.state, at.numbers, count, layout.studentT, layout.normals, layout.uniforms, BATCH, at.rejected);
      if (count === BATCH && batch === stored.batches.length) keepBatch(stored, work.numbers, state);
    }
    work.positiveBatch.fill(0);
    work.zeroBatch.fill(0);
    work.votesBatch.fill(0);
    // Phase 1: the correlated territory errors (Cholesky only), unit-major (unit × BATCH + draw), and the
    // campaign shift.
    if (model.cholesky) correlatedTerritoryErrors(model, work, model.cholesky, count);
    if (model.anyCampaign) campaignShiftBatch(model, work, count);
    marginsAndTipping(model, work, count, totalWeight);
    tallyDraws(model, work, count, totalWeight, totals, tally, kept, keptOffset + first);
  }
  addBlockTotals(model, work, totals, tally);
}

/** Phase 1, Cholesky only: the batch's correlated territory errors, unit-major (unit × BATCH + draw). */
function correlatedTerritoryErrors(model: SimulationModel, work: DrawWorkspace, cholesky: Float64Array, count: number): void {
  const { numbers, unitScale, territoryBatch } = work;
  const U = model.units;
  const unitAt = 1 + model.regionCount;
  for (let k = 0; k < count; k++) {
    for (let i = 0; i < U; i++) {
      let sum = 0;
      const row = i * U;
      for (let j = 0; j <= i; j++) sum += cholesky[row + j] * numbers[(unitAt + j) * BATCH + k];
      territoryBatch[i * BATCH + k] = unitScale[i] * sum;
    }
  }
}

/**
 * Phase 1, with campaigns (WebAssembly): the channel effects and the campaign shift's per-draw
 * coefficients, the draws where a bound may bind taking the exact path there, in draw order (their shift
 * written to the batch, their net votes added per unit); then, in draw order, every draw's net votes by
 * source added to the block's sums; last, the fast path's shift expanded for the batch.
 */
function campaignShiftBatch(model: SimulationModel, work: DrawWorkspace, count: number): void {
  const { kernel, at, shiftWork, drawSources, sources } = work;
  const U = model.units;
  const slotOffset = 1 + model.regionCount + U;
  const own = shiftWork.ownUnits.length;
  const children = model.childUnits.length;
  const exactCount = kernel.coefficientBatch(
    count, BATCH, at.numbers, slotOffset, at.campaign, RELAY_SLOT, SOCIAL_SLOT, at.coefficients, at.exact, at.drawSources, at.fastSums, at.effects, at.persuasions,
    at.exactTables, U, at.own, own, at.exactParams, at.exactIndex, at.shift, at.extra,
  );
  for (let k = 0; k < count; k++) for (let s = 0; s < 2 * SOURCE_COUNT; s++) sources[s] += drawSources[s * BATCH + k];
  kernel.shiftBatch(at.own, own, at.terms, at.coefficients, at.exact, at.shift, count, BATCH, shiftWork.degreeOne ? 1 : 0, shiftWork.degreeFive ? 1 : 0, shiftWork.varies ? 1 : 0, at.children, at.parents, children, exactCount < count ? 1 : 0);
}

/**
 * Phase 2 (WebAssembly, two draws per instruction), unit by unit over the batch's draws: margin =
 * baseline + shift + national + regional + territory (summed in this order), the national vote, the
 * per-unit sums, and per draw the weight of the units A wins (m > 0) and of those with a margin of
 * exactly 0, which count for neither side; B wins the rest. Then the tipping units (WebAssembly): of a
 * weighted rule by the scan of tippingUnitBySurplus, of a national-vote rule by tippingUnitBySelect's
 * quickselect (selectBatch).
 */
function marginsAndTipping(model: SimulationModel, work: DrawWorkspace, count: number, totalWeight: number): void {
  const { kernel, at } = work;
  const U = model.units;
  const R = model.regionCount;
  const sigma = model.orientation;
  const slotOffset = 1 + R + U;
  const uniformOffset = slotOffset + (model.channelDraws ? 2 * CHANNEL_SLOTS : 0);
  const marginMode = model.anyCampaign ? 1 : model.uniformShift ? 2 : 0;
  kernel.marginBatch(
    U, count, BATCH, R, marginMode, uniformOffset, model.cholesky ? 1 : 0,
    at.base, at.uniform, at.unitScale, at.weight, at.nationalWeight, at.regionIndex,
    at.numbers, sigma * model.nationalSD, sigma * model.regionalSD, at.territory, at.shift,
    at.margins, MARGIN_ROW, at.votes, at.positive, at.zero,
    at.wins, at.sum, at.sumSq,
  );
  const orderLength = work.order.length;
  if (model.weighted && orderLength > 0) {
    kernel.tippingBatch(count, at.margins, MARGIN_ROW, at.positive, at.zero, totalWeight, model.threshold, at.candidates, orderLength, at.tippingWeight, at.allVotesShare, at.bufferUnits, at.bufferKeys, at.tipping);
  } else if (orderLength > 0) {
    kernel.selectBatch(
      count, at.margins, MARGIN_ROW, at.votes, model.nationalTotal, at.candidates, orderLength, at.tippingWeight, at.allVotesShare,
      model.tippingThreshold, model.tippingStrict ? 1 : 0, at.selectKeys, at.selectOrder, at.selectOrderKeys, at.selectWeights, at.tipping, work.exactWeightSums ? 1 : 0,
    );
  }
}

/**
 * Phase 3, draw by draw: the outcome, the accumulators and the tipping unit; the kept per-draw arrays
 * from index `keptFirst`.
 */
function tallyDraws(
  model: SimulationModel,
  work: DrawWorkspace,
  count: number,
  totalWeight: number,
  totals: BlockTotals,
  tally: BlockCounters,
  kept: KeptDraws | undefined,
  keptFirst: number,
): void {
  const { positiveBatch, zeroBatch, votesBatch, tipping, margins, order } = work;
  const { weighted, threshold, nationalTotal, allVotesShare, nationalAllVotesShare } = model;
  const U = model.units;
  const orderLength = order.length;
  const { weightCounts, weightTally, tippingCounts } = totals;
  const keepMargins = kept?.margins;
  const keepWeight = kept?.weightA;
  const keepNational = kept?.nationalMargin;
  const keepOutcome = kept?.outcome;
  for (let k = 0; k < count; k++) {
    const weightA = positiveBatch[k];
    const weightB = totalWeight - weightA - zeroBatch[k];
    const nationalVotes = votesBatch[k];
    const nationalMargin = nationalTotal > 0 ? nationalVotes / nationalTotal : 0;
    const popular = nationalMargin > 0 ? 1 : nationalMargin < 0 ? -1 : 0;
    let outcome: number;
    if (weighted) outcome = weightA >= threshold ? 1 : weightB >= threshold ? -1 : 0;
    else outcome = popular;
    if (outcome === 1) tally.winsA++;
    else if (outcome === -1) tally.winsB++;
    else tally.ties++;
    if (popular === 1) tally.popularWinsA++;
    if (outcome !== 0 && popular !== 0 && outcome !== popular) tally.splits++;
    const recordedWeight = weighted ? weightA : outcome === 1 ? 1 : 0;
    if (weightTally) weightTally.set(recordedWeight, (weightTally.get(recordedWeight) ?? 0) + 1);
    else weightCounts[recordedWeight] += 1;
    tally.weightSumB += weighted ? weightB : outcome === -1 ? 1 : 0;
    // The tipping point (see tippingUnit.ts), on margins over all votes: this draw's margin of unit u is
    // margins[k + u × MARGIN_ROW]; and, for weighted rules, the electoral-college bias of the draw.
    if (outcome !== 0 && orderLength > 0) {
      const u = tipping[k];
      if (weighted) {
        tally.biasSum += margins[k + u * MARGIN_ROW] * allVotesShare[u] - nationalMargin * nationalAllVotesShare;
        tally.biasDraws++;
      }
      tippingCounts[u] += 1;
    }
    const index = keptFirst + k;
    if (keepMargins) for (let i = 0; i < U; i++) keepMargins[index * U + i] = margins[i * MARGIN_ROW + k];
    if (keepWeight) keepWeight[index] = recordedWeight;
    if (keepNational) keepNational[index] = nationalMargin;
    if (keepOutcome) keepOutcome[index] = outcome;
  }
}

/** Adds a block's per-unit sums, counters and (with campaigns) extra votes by source to its totals, clearing the scratch. */
function addBlockTotals(model: SimulationModel, work: DrawWorkspace, totals: BlockTotals, tally: BlockCounters): void {
  const U = model.units;
  const { unitWins, unitSum, unitSumSq } = work;
  for (let i = 0; i < U; i++) {
    totals.unitWinsA[i] += unitWins[i];
    totals.marginSum[i] += unitSum[i];
    totals.marginSumSq[i] += unitSumSq[i];
  }
  addCounters(totals, tally);
  if (model.anyCampaign) {
    const { extraA, extraB, sources } = work;
    flushFastSums(model, work.shiftWork, extraA, extraB);
    for (let i = 0; i < U; i++) {
      totals.extraA[i] += extraA[i];
      totals.extraB[i] += extraB[i];
      extraA[i] = 0;
      extraB[i] = 0;
    }
    for (let k = 0; k < sources.length; k++) {
      totals.sources[k] += sources[k];
      sources[k] = 0;
    }
  }
}

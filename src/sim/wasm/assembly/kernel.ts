// The kernel's hot loops in WebAssembly (AssemblyScript source, compiled by scripts/buildKernelWasm.mjs
// into src/sim/wasm/kernelWasm.ts). Every array lives in a memory the JavaScript side creates and
// imports (env.memory); the functions take byte offsets into it. No allocation, no runtime.
//
// Five loops, each the same arithmetic, in the same order, as the JavaScript it mirrors, so a draw's
// numbers are bitwise what they were; the 128-bit SIMD loops do two draws per instruction (f64x2):
// - fillNumbers: the random numbers of a batch of draws (xoshiro128**, ziggurat normals, Student-t by
//   Bailey's polar method, uniforms), written column-major (number × batch + draw) for the SIMD loops;
// - coefficientBatch: per draw, the channel effects, the mobilisation polynomial's coefficients, the
//   per-member terms and the checks that send a draw to the exact path (campaignShift.ts);
// - shiftBatch (SIMD): the campaign shift's fast path expanded unit by unit over the batch's draws;
// - marginBatch (SIMD): each unit's margins over the batch's draws, the national vote, the weight won by
//   the first side and by nobody per draw, and each unit's wins, margin sum and sum of squares;
// - tippingBatch: the tipping unit of each draw under a weighted rule (tippingUnit.ts), on margins over all votes.
// - selectBatch: the same under a national-vote rule (tippingUnitBySelect), keys gathered a cache line at a time.

// The logarithm and e^x − 1 of the Student-t and of the ziggurat's tail are fdlibmLog and fdlibmExpm1
// (below), fdlibm's algorithms as V8's Math.log and Math.expm1 run them, bit for bit: the numbers are those
// of the JavaScript stream (normalStream.ts) with no call out of WebAssembly (a call boxed its argument, a
// heap number per call that the collector then swept). The wedge test compares with exp(−x²/2) by
// fdlibmExp (below), which is V8's Math.exp bit for bit.

/** End of the module's own data (AssemblyScript's Math tables): the JavaScript side lays out its arrays after it. */
export function dataEnd(): usize {
  return __heap_base;
}

const LAYERS: i32 = 128;
const ZIGGURAT_R: f64 = 3.442619855899;
const TWO_M31: f64 = 1.0 / 2147483648.0;
const TWO_M32: f64 = 1.0 / 4294967296.0;

// Offsets of the ziggurat tables (written by the JavaScript side from normalStream.ts's tables):
// KI: 256 i32 (fast-path bounds by sign and layer), W: 128 f64 (integer → x), F: 128 f64 (density at edges).
let tableKI: usize = 0;
let tableW: usize = 0;
let tableF: usize = 0;

// The xoshiro128** state while a batch is filled.
let s0: i32 = 0;
let s1: i32 = 0;
let s2: i32 = 0;
let s3: i32 = 0;

/** Sets the offsets of the ziggurat tables. */
export function setTables(ki: usize, w: usize, f: usize): void {
  tableKI = ki;
  tableW = w;
  tableF = f;
}

// @ts-ignore: decorator
@inline function next(): i32 {
  const m = s1 * 5;
  const out = ((m << 7) | (<u32>m >>> 25)) * 9;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = (s3 << 11) | (<u32>s3 >>> 21);
  return out;
}

// @ts-ignore: decorator
@inline function uniform01(): f64 {
  return <f64><u32>next() * TWO_M32;
}

/** |hz| below layer's bound (the fast-path test of normalStream.ts on integers). */
// @ts-ignore: decorator
@inline function inside(hz: i32): bool {
  const sign = hz >> 31;
  return (hz ^ sign) < load<i32>(tableKI + ((<usize>((sign & 128) | (hz & 127))) << 2));
}

/** The ziggurat's slow path for a rejected integer (normalStream.ts zigguratSlowPath, same arithmetic). */
function slowPath(signed: i32): f64 {
  let hz = signed;
  for (;;) {
    const layer = hz & (LAYERS - 1);
    const x = <f64>hz * load<f64>(tableW + (<usize>layer << 3));
    if (layer == 0) {
      let tail: f64;
      let y: f64;
      do {
        tail = -fdlibmLog(1 - uniform01()) / ZIGGURAT_R;
        y = -fdlibmLog(1 - uniform01());
      } while (y + y < tail * tail);
      return hz > 0 ? ZIGGURAT_R + tail : -ZIGGURAT_R - tail;
    }
    const fLayer = load<f64>(tableF + (<usize>layer << 3));
    const fBelow = load<f64>(tableF + (<usize>(layer - 1) << 3));
    if (fLayer + uniform01() * (fBelow - fLayer) < fdlibmExp(-0.5 * x * x)) return x;
    hz = next();
    if (inside(hz)) return <f64>hz * load<f64>(tableW + (<usize>(hz & (LAYERS - 1)) << 3));
  }
  return 0; // not reached: the loop above only returns
}

/**
 * The random numbers of `draws` draws, each: a unit-SD Student-t with `df` degrees of freedom (when df > 0),
 * `normals` ziggurat normals, `uniforms` uniforms on [0, 1); the number j of draw k goes to
 * out[j × rowLength + k] (f64). The stream is the one normalStream.ts fillDrawNumbers draws, number for
 * number: within a draw, every normal first takes one integer on the fast path, and the rejected ones
 * then go in order through the slow path. `rejected` is scratch of `normals` i32 pairs.
 */
export function fillNumbers(state: usize, out: usize, draws: i32, df: f64, normals: i32, uniforms: i32, rowLength: i32, rejected: usize): void {
  s0 = load<i32>(state);
  s1 = load<i32>(state, 4);
  s2 = load<i32>(state, 8);
  s3 = load<i32>(state, 12);
  const row = <usize>rowLength << 3;
  for (let k = 0; k < draws; k++) {
    let at = out + (<usize>k << 3);
    if (df > 0) {
      store<f64>(at, unitStudentT(df));
      at += row;
    }
    drawNormals(at, row, normals, rejected);
    at += <usize>normals * row;
    for (let j = 0; j < uniforms; j++) {
      store<f64>(at, uniform01());
      at += row;
    }
  }
  store<i32>(state, s0);
  store<i32>(state, s1, 4);
  store<i32>(state, s2, 8);
  store<i32>(state, s3, 12);
}

/** A unit-SD Student-t with df degrees of freedom by Bailey's polar method (normalStream.ts unitStudentTFromState). */
// @ts-ignore: decorator
@inline function unitStudentT(df: f64): f64 {
  // (u, v) uniform on [−1, 1)², kept inside the unit disc.
  let u: f64;
  let w: f64;
  do {
    u = <f64>next() * TWO_M31;
    const v = <f64>next() * TWO_M31;
    w = u * u + v * v;
  } while (w >= 1 || w == 0);
  return u * Math.sqrt(((df - 2) * fdlibmExpm1((-2 / df) * fdlibmLog(w))) / w);
}

/**
 * `normals` ziggurat normals at at, at + row, … (normalStream.ts fillDrawNumbers: every normal first takes
 * one integer on the fast path, the rejected ones then go in order through the slow path). `rejected` is
 * scratch of `normals` i32 pairs.
 */
// @ts-ignore: decorator
@inline function drawNormals(at: usize, row: usize, normals: i32, rejected: usize): void {
  // The fast path with the state in locals, next() written out: V8 does not keep WebAssembly globals in
  // registers across a loop, and this loop takes ~90 % of the integers (measured 1.10 → 1.25 M elections/s).
  let a = s0, b = s1, c = s2, d = s3;
  let count = 0;
  for (let j = 0; j < normals; j++) {
    const m = b * 5;
    const t = ((m << 7) | (<u32>m >>> 25)) * 9;
    const x = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= x;
    d = (d << 11) | (<u32>d >>> 21);
    const layer = t & 127;
    const sign = t >> 31;
    if ((t ^ sign) < load<i32>(tableKI + ((<usize>((sign & 128) | layer)) << 2))) {
      store<f64>(at + <usize>j * row, <f64>t * load<f64>(tableW + (<usize>layer << 3)));
    } else {
      store<i32>(rejected + (<usize>count << 3), j);
      store<i32>(rejected + (<usize>count << 3), t, 4);
      count++;
    }
  }
  s0 = a;
  s1 = b;
  s2 = c;
  s3 = d;
  for (let r = 0; r < count; r++) {
    const j = load<i32>(rejected + (<usize>r << 3));
    store<f64>(at + <usize>j * row, slowPath(load<i32>(rejected + (<usize>r << 3), 4)));
  }
}

/** Per side in a fast draw's coefficients and a unit's fast-path constants: e_1..e_6, K, K_net, K_shift (campaignShift.ts FAST_TERMS). */
const FAST_TERMS: i32 = 9;

/**
 * One side's fast-path gain for two draws: Σ_j c_j × p_j + K × q (+ K_net × n + K_shift × h where contacts
 * lean as the territory does), the coefficients' rows from `c` (row j at c + j × B), the unit's
 * constants splatted; the sixth power left out with `degreeFive`.
 */
// @ts-ignore: decorator
@inline function fastGainV(
  c: usize, B: usize, degreeOne: bool, degreeFive: bool, varies: bool,
  v0: v128, v1: v128, v2: v128, v3: v128, v4: v128, v5: v128, w: v128, n: v128, h: v128,
): v128 {
  if (degreeOne) {
    const one = f64x2.add(f64x2.mul(v128.load(c), v0), f64x2.mul(v128.load(c + 6 * B), w));
    return varies ? f64x2.add(one, f64x2.add(f64x2.mul(v128.load(c + 7 * B), n), f64x2.mul(v128.load(c + 8 * B), h))) : one;
  }
  const low = f64x2.add(f64x2.add(f64x2.mul(v128.load(c), v0), f64x2.mul(v128.load(c + B), v1)), f64x2.add(f64x2.mul(v128.load(c + 2 * B), v2), f64x2.mul(v128.load(c + 3 * B), v3)));
  const high = degreeFive ? f64x2.mul(v128.load(c + 4 * B), v4) : f64x2.add(f64x2.mul(v128.load(c + 4 * B), v4), f64x2.mul(v128.load(c + 5 * B), v5));
  const gain = f64x2.add(f64x2.add(low, high), f64x2.mul(v128.load(c + 6 * B), w));
  return varies ? f64x2.add(gain, f64x2.add(f64x2.mul(v128.load(c + 7 * B), n), f64x2.mul(v128.load(c + 8 * B), h))) : gain;
}

/** {@link fastGainV} for one draw, the same arithmetic in the same order. */
// @ts-ignore: decorator
@inline function fastGain(
  c: usize, B: usize, degreeOne: bool, degreeFive: bool, varies: bool,
  p0: f64, p1: f64, p2: f64, p3: f64, p4: f64, p5: f64, q: f64, n: f64, h: f64,
): f64 {
  if (degreeOne) {
    const one = load<f64>(c) * p0 + load<f64>(c + 6 * B) * q;
    return varies ? one + (load<f64>(c + 7 * B) * n + load<f64>(c + 8 * B) * h) : one;
  }
  const low = load<f64>(c) * p0 + load<f64>(c + B) * p1 + (load<f64>(c + 2 * B) * p2 + load<f64>(c + 3 * B) * p3);
  const high = degreeFive ? load<f64>(c + 4 * B) * p4 : load<f64>(c + 4 * B) * p4 + load<f64>(c + 5 * B) * p5;
  const gain = low + high + load<f64>(c + 6 * B) * q;
  return varies ? gain + (load<f64>(c + 7 * B) * n + load<f64>(c + 8 * B) * h) : gain;
}

/**
 * The campaign shift's fast path over a batch (campaignShift.ts, the fast path's expansion): for each unit i of
 * `own` (i32 unit indices), shift[i × batch + k] = gain of A − gain of B, gain = Σ_j c_j[k] × p_j[i] + K[k] × q[i]
 * (+ K_net[k] × n[i] + K_shift[k] × h[i] with `varies`), with the draw's coefficients c (row j × batch, 9
 * per side) and the unit's 18 constants terms[i × 18 …] (A's six powers, q, n and h, then B's); draws
 * whose exact[k] (f64) is not 0 keep the value already in `shift`. Units in `children` then copy their
 * parent's row. `degreeOne`: both sides' polynomials are of degree one (nobody certain to vote: only
 * c_0 × p_0 and K × q). `degreeFive`: no side has a sixth power (its term is left out). `varies`: a side's
 * contacts lean as each territory does. `anyFast` false (every draw of the batch took the exact path):
 * only the children's copy is done.
 */
export function shiftBatch(
  own: usize, ownCount: i32, terms: usize, coefficients: usize, exact: usize, shift: usize,
  count: i32, batch: i32, degreeOne: i32, degreeFive: i32, varies: i32, children: usize, parents: usize, childCount: i32, anyFast: bool,
): void {
  const B = <usize>batch << 3;
  const pairs = count & ~1;
  const shifted = anyFast ? ownCount : 0;
  const five = degreeFive != 0;
  const oneTerm = degreeOne != 0;
  const vary = varies != 0;
  const rowsB = <usize>FAST_TERMS * B;
  for (let u = 0; u < shifted; u++) {
    const i = load<i32>(own + (<usize>u << 2));
    const at = terms + <usize>i * (2 * FAST_TERMS) * 8;
    const pA0 = load<f64>(at), pA1 = load<f64>(at, 8), pA2 = load<f64>(at, 16), pA3 = load<f64>(at, 24), pA4 = load<f64>(at, 32), pA5 = load<f64>(at, 40);
    const qA = load<f64>(at, 48), nA = load<f64>(at, 56), hA = load<f64>(at, 64);
    const pB0 = load<f64>(at, 72), pB1 = load<f64>(at, 80), pB2 = load<f64>(at, 88), pB3 = load<f64>(at, 96), pB4 = load<f64>(at, 104), pB5 = load<f64>(at, 112);
    const qB = load<f64>(at, 120), nB = load<f64>(at, 128), hB = load<f64>(at, 136);
    const vA0 = f64x2.splat(pA0), vA1 = f64x2.splat(pA1), vA2 = f64x2.splat(pA2), vA3 = f64x2.splat(pA3), vA4 = f64x2.splat(pA4), vA5 = f64x2.splat(pA5);
    const wA = f64x2.splat(qA), mA = f64x2.splat(nA), sA = f64x2.splat(hA);
    const vB0 = f64x2.splat(pB0), vB1 = f64x2.splat(pB1), vB2 = f64x2.splat(pB2), vB3 = f64x2.splat(pB3), vB4 = f64x2.splat(pB4), vB5 = f64x2.splat(pB5);
    const wB = f64x2.splat(qB), mB = f64x2.splat(nB), sB = f64x2.splat(hB);
    const row = shift + <usize>i * B;
    const zero = f64x2.splat(0);
    let k = 0;
    for (; k < pairs; k += 2) {
      const c = coefficients + (<usize>k << 3);
      const gainA = fastGainV(c, B, oneTerm, five, vary, vA0, vA1, vA2, vA3, vA4, vA5, wA, mA, sA);
      const gainB = fastGainV(c + rowsB, B, oneTerm, five, vary, vB0, vB1, vB2, vB3, vB4, vB5, wB, mB, sB);
      const p = row + (<usize>k << 3);
      const keep = f64x2.ne(v128.load(exact + (<usize>k << 3)), zero);
      v128.store(p, v128.bitselect(v128.load(p), f64x2.sub(gainA, gainB), keep));
    }
    for (; k < count; k++) {
      const c = coefficients + (<usize>k << 3);
      if (load<f64>(exact + (<usize>k << 3)) != 0) continue;
      const gainA = fastGain(c, B, oneTerm, five, vary, pA0, pA1, pA2, pA3, pA4, pA5, qA, nA, hA);
      const gainB = fastGain(c + rowsB, B, oneTerm, five, vary, pB0, pB1, pB2, pB3, pB4, pB5, qB, nB, hB);
      store<f64>(row + (<usize>k << 3), gainA - gainB);
    }
  }
  for (let c = 0; c < childCount; c++) {
    const child = load<i32>(children + (<usize>c << 2));
    const parent = load<i32>(parents + (<usize>child << 2));
    memory.copy(shift + <usize>child * B, shift + <usize>parent * B, <usize>count << 3);
  }
}

/**
 * Each unit's margins over a batch (drawLoop.ts phase 2): margin = base + (shift[i][k], or
 * effect[k] × uniform[i]) + nationalScale × t[k] + regionalScale × z_region[k] + (territory[i][k], or
 * scale[i] × z_unit[k]), summed in that order; the numbers are column-major (number × batch + draw:
 * column 0 the national t, 1..R the regions, R + 1 + i unit i). Writes margins[i × marginRow + k] and,
 * per draw, adds votes[k] += nationalWeight[i] × m, positive[k] += weight[i] when m > 0, zero[k] +=
 * weight[i] when m = 0 (f64, whole numbers); per unit, adds wins[i] (f64) the count of m > 0, sum[i]
 * and sumSq[i] the sums of m and m² (two draws per lane pair, the lanes added at the end).
 *
 * mode: 0 no shift, 1 `shift` rows (unit × batch), 2 uniform effect (effect column × `uniform` per unit).
 */
export function marginBatch(
  units: i32, count: i32, batch: i32, regionCount: i32, mode: i32, effectColumn: i32, hasTerritory: i32,
  base: usize, uniform: usize, unitScale: usize, weight: usize, nationalWeight: usize, regionIndex: usize,
  numbers: usize, nationalScale: f64, regionalScale: f64, territory: usize, shift: usize,
  margins: usize, marginRow: i32, votes: usize, positive: usize, zero: usize,
  wins: usize, sum: usize, sumSq: usize,
): void {
  const B = <usize>batch << 3;
  const pairs = count & ~1;
  const nationalV = f64x2.splat(nationalScale);
  const regionalV = f64x2.splat(regionalScale);
  const zeroV = f64x2.splat(0);
  const effectRow = numbers + <usize>effectColumn * B;
  for (let i = 0; i < units; i++) {
    const b = load<f64>(base + (<usize>i << 3));
    const un = load<f64>(uniform + (<usize>i << 3));
    const sc = load<f64>(unitScale + (<usize>i << 3));
    const w = load<f64>(weight + (<usize>i << 3));
    const nv = load<f64>(nationalWeight + (<usize>i << 3));
    const bV = f64x2.splat(b), uV = f64x2.splat(un), sV = f64x2.splat(sc), wV = f64x2.splat(w), nvV = f64x2.splat(nv);
    const regionRow = numbers + <usize>(1 + load<i32>(regionIndex + (<usize>i << 2))) * B;
    const unitRow = numbers + <usize>(1 + regionCount + i) * B;
    const territoryRow = territory + <usize>i * B;
    const shiftRow = shift + <usize>i * B;
    const marginAt = margins + <usize>i * marginRow * 8;
    let winsV = i64x2.splat(0);
    let sumV = f64x2.splat(0);
    let sumSqV = f64x2.splat(0);
    let k = 0;
    for (; k < pairs; k += 2) {
      const o = <usize>k << 3;
      let m: v128;
      if (mode == 1) m = f64x2.add(bV, v128.load(shiftRow + o));
      else if (mode == 2) m = f64x2.add(bV, f64x2.mul(v128.load(effectRow + o), uV));
      else m = bV;
      m = f64x2.add(m, f64x2.mul(nationalV, v128.load(numbers + o)));
      m = f64x2.add(m, f64x2.mul(regionalV, v128.load(regionRow + o)));
      m = f64x2.add(m, hasTerritory ? v128.load(territoryRow + o) : f64x2.mul(sV, v128.load(unitRow + o)));
      v128.store(marginAt + o, m);
      v128.store(votes + o, f64x2.add(v128.load(votes + o), f64x2.mul(nvV, m)));
      const above = f64x2.gt(m, zeroV);
      v128.store(positive + o, f64x2.add(v128.load(positive + o), v128.and(wV, above)));
      v128.store(zero + o, f64x2.add(v128.load(zero + o), v128.and(wV, f64x2.eq(m, zeroV))));
      winsV = i64x2.sub(winsV, above);
      sumV = f64x2.add(sumV, m);
      sumSqV = f64x2.add(sumSqV, f64x2.mul(m, m));
    }
    let winCount = i64x2.extract_lane(winsV, 0) + i64x2.extract_lane(winsV, 1);
    let s = f64x2.extract_lane(sumV, 0) + f64x2.extract_lane(sumV, 1);
    let sq = f64x2.extract_lane(sumSqV, 0) + f64x2.extract_lane(sumSqV, 1);
    for (; k < count; k++) {
      const o = <usize>k << 3;
      let m: f64;
      if (mode == 1) m = b + load<f64>(shiftRow + o);
      else if (mode == 2) m = b + load<f64>(effectRow + o) * un;
      else m = b;
      m = m + nationalScale * load<f64>(numbers + o);
      m = m + regionalScale * load<f64>(regionRow + o);
      m = m + (hasTerritory ? load<f64>(territoryRow + o) : sc * load<f64>(unitRow + o));
      store<f64>(marginAt + o, m);
      store<f64>(votes + o, load<f64>(votes + o) + nv * m);
      if (m > 0) {
        store<f64>(positive + o, load<f64>(positive + o) + w);
        winCount++;
      } else if (m == 0) {
        store<f64>(zero + o, load<f64>(zero + o) + w);
      }
      s += m;
      sq += m * m;
    }
    store<f64>(wins + (<usize>i << 3), load<f64>(wins + (<usize>i << 3)) + <f64>winCount);
    store<f64>(sum + (<usize>i << 3), load<f64>(sum + (<usize>i << 3)) + s);
    store<f64>(sumSq + (<usize>i << 3), load<f64>(sumSq + (<usize>i << 3)) + sq);
  }
}

/**
 * The tipping unit of each draw of a batch under a weighted rule (tippingUnit.ts tippingUnitBySurplus,
 * the same scan): per draw k, the winner (A when positive[k] >= threshold, B when totalWeight −
 * positive[k] − zero[k] >= threshold, else none) and, units taken from the winner's closest, the first
 * whose cumulative weight exceeds the winner's surplus over the threshold. out[k] (i32) gets the unit,
 * or −1 when nobody won. `candidates` (i32) are the units carrying weight, closest baseline first;
 * `weight` (f64) each unit's weight; `scale` (f64) each unit's factor from the two-party margin to the
 * ordering margin (its two-party share of all votes: the published all-votes convention); `units` (i32)
 * and `keys` (f64) scratch of candidateCount + 1 entries.
 */
export function tippingBatch(
  count: i32, margins: usize, marginRow: i32, positive: usize, zero: usize, totalWeight: f64, threshold: f64,
  candidates: usize, candidateCount: i32, weight: usize, scale: usize, units: usize, keys: usize, out: usize,
): void {
  const step = <usize>marginRow << 3;
  for (let k = 0; k < count; k++) {
    const weightA = load<f64>(positive + (<usize>k << 3));
    const weightB = totalWeight - weightA - load<f64>(zero + (<usize>k << 3));
    let winner: f64;
    let surplus: f64;
    if (weightA >= threshold) {
      winner = 1;
      surplus = <f64><i32>(weightA - threshold);
    } else if (weightB >= threshold) {
      winner = -1;
      surplus = <f64><i32>(weightB - threshold);
    } else {
      store<i32>(out + (<usize>k << 2), -1);
      continue;
    }
    const column = margins + (<usize>k << 3);
    let size = 0;
    let total: f64 = 0;
    let limit = Infinity;
    for (let c = 0; c < candidateCount; c++) {
      const u = load<i32>(candidates + (<usize>c << 2));
      const key = winner * load<f64>(column + <usize>u * step) * load<f64>(scale + (<usize>u << 3));
      if (!(key * (limit - key) > 0)) continue;
      let j = size;
      while (j > 0) {
        const above = load<f64>(keys + (<usize>(j - 1) << 3));
        if (!(above > key)) break;
        store<f64>(keys + (<usize>j << 3), above);
        store<i32>(units + (<usize>j << 2), load<i32>(units + (<usize>(j - 1) << 2)));
        j--;
      }
      store<f64>(keys + (<usize>j << 3), key);
      store<i32>(units + (<usize>j << 2), u);
      size++;
      total += load<f64>(weight + (<usize>u << 3));
      while (size > 1) {
        const last = load<f64>(weight + (<usize>load<i32>(units + (<usize>(size - 1) << 2)) << 3));
        if (!(total - last > surplus)) break;
        size--;
        total -= last;
      }
      if (total > surplus) limit = load<f64>(keys + (<usize>(size - 1) << 3));
    }
    store<i32>(out + (<usize>k << 2), load<i32>(units + (<usize>(size - 1) << 2)));
  }
}

// Draws whose ordering keys selectBatch gathers at a time: a cache line of each unit's margins row.
const SELECT_GROUP: i32 = 8;

/**
 * The tipping unit of each draw of a batch under a national-vote rule (tippingUnitBySelect, tippingUnit.ts:
 * the same weighted quickselect, the same pivots and partitions, the same sums in the same order), with
 * the winner from the draw's national vote (votes[k] / nationalTotal, as the draw loop decides it);
 * `candidateWeights` (f64) are the candidates' weights in candidate order (weight[candidates[c]]).
 * The margins are unit-major (a row of marginRow per unit), so a draw's margins lie a row apart: the keys
 * (margin × scale) are first gathered for SELECT_GROUP draws at a time, one cache line of each unit's row
 * giving a key to each of them, into keys[j × candidateCount + c] (draw j of the group, candidate c); each
 * draw's quickselect then walks its keys contiguously, permuting `order` (the units) and `orderKeys`
 * together. out[k]: the tipping unit, or −1 when the national vote is tied. The winner's key, winner ×
 * (margin × scale), equals tippingUnitBySelect's (winner × margin) × scale exactly (a sign change).
 * With `exactSums` (every weight a whole number and their total below 2^53, so that every sum of
 * weights is exact in any order), {@link bracketSelect} answers first, the quickselect only when it
 * cannot: the same unit either way.
 */
export function selectBatch(
  count: i32, margins: usize, marginRow: i32, votes: usize, nationalTotal: f64, candidates: usize, candidateCount: i32,
  weight: usize, scale: usize, threshold: f64, strict: i32, keys: usize, order: usize, orderKeys: usize, candidateWeights: usize, out: usize, exactSums: i32,
): void {
  const step = <usize>marginRow << 3;
  const rowBytes = <usize>candidateCount << 3;
  for (let g = 0; g < count; g += SELECT_GROUP) {
    const n = min(SELECT_GROUP, count - g);
    for (let c = 0; c < candidateCount; c++) {
      const u = load<i32>(candidates + (<usize>c << 2));
      const s = load<f64>(scale + (<usize>u << 3));
      const row = margins + <usize>u * step + (<usize>g << 3);
      const to = keys + (<usize>c << 3);
      for (let j = 0; j < n; j++) store<f64>(to + <usize>j * rowBytes, load<f64>(row + (<usize>j << 3)) * s);
    }
    for (let j = 0; j < n; j++) {
      const k = g + j;
      const national = nationalTotal > 0 ? load<f64>(votes + (<usize>k << 3)) / nationalTotal : 0;
      const winner: f64 = national > 0 ? 1 : national < 0 ? -1 : 0;
      let tipping = -1;
      if (winner != 0) {
        const from = keys + <usize>j * rowBytes;
        if (exactSums != 0) tipping = bracketSelect(from, candidates, candidateWeights, candidateCount, winner, winner * national, weight, threshold, strict != 0, order, orderKeys);
        if (tipping < 0) {
          for (let c = 0; c < candidateCount; c++) {
            store<i32>(order + (<usize>c << 2), load<i32>(candidates + (<usize>c << 2)));
            store<f64>(orderKeys + (<usize>c << 3), winner * load<f64>(from + (<usize>c << 3)));
          }
          tipping = weightedSelect(order, orderKeys, candidateCount, weight, threshold, strict != 0);
        }
      }
      store<i32>(out + (<usize>k << 2), tipping);
    }
  }
}

// bracketSelect's bracket: the tipping key's offset from the draw's own centre (winner × national
// margin), followed from draw to draw, and the bracket's half-width, widened when the crossing falls
// outside and narrowed when too many units fall inside. They only decide how fast a draw is answered,
// never the answer (a miss falls back to the quickselect), so results do not depend on them.
let bracketOffset: f64 = 0;
let bracketHalfWidth: f64 = 1;

/**
 * The tipping unit of weightedSelect by one pass and a small select: the keys above a bracket around the
 * draw's expected tipping key (centre + bracketOffset ± bracketHalfWidth) only add their weight, those
 * inside it are selected among (weightedSelect on them, with the threshold less the weight above), those
 * below are skipped. It answers when the crossing lies inside the bracket and no other key inside it
 * equals the answer's key: that unit is then the only one whose key has less than the threshold's
 * weight above it and reaches it, the unit weightedSelect returns. Otherwise (and whenever a key is NaN,
 * which the quickselect's comparisons place beside any pivot) it returns −1, and the caller runs
 * weightedSelect. Needs exact sums of weights (whole numbers, see selectBatch).
 */
function bracketSelect(
  keys: usize, candidates: usize, candidateWeights: usize, n: i32, winner: f64, centre: f64, weight: usize, threshold: f64, strict: bool, order: usize, orderKeys: usize,
): i32 {
  const middle = centre + bracketOffset;
  const low = middle - bracketHalfWidth;
  const high = middle + bracketHalfWidth;
  // Two candidates per instruction: the weights above and inside add up in two lanes, which changes
  // nothing (every sum of weights is exact in any order here); the candidates inside are kept in
  // candidate order, lane 0 before lane 1, as the one-at-a-time pass kept them.
  const sign = f64x2.splat(winner);
  const lowV = f64x2.splat(low);
  const highV = f64x2.splat(high);
  let aboveV = f64x2.splat(0);
  let insideV = f64x2.splat(0);
  let unorderedV = i64x2.splat(0);
  let m = 0;
  let c = 0;
  for (; c + 1 < n; c += 2) {
    const key = f64x2.mul(sign, v128.load(keys + (<usize>c << 3)));
    const w = v128.load(candidateWeights + (<usize>c << 3));
    unorderedV = v128.or(unorderedV, f64x2.ne(key, key));
    const isAbove = f64x2.gt(key, highV);
    const isInside = v128.andnot(f64x2.ge(key, lowV), isAbove);
    aboveV = f64x2.add(aboveV, v128.and(w, isAbove));
    insideV = f64x2.add(insideV, v128.and(w, isInside));
    if (v128.any_true(isInside)) {
      if (i64x2.extract_lane(isInside, 0) != 0) {
        store<i32>(order + (<usize>m << 2), load<i32>(candidates + (<usize>c << 2)));
        store<f64>(orderKeys + (<usize>m << 3), f64x2.extract_lane(key, 0));
        m++;
      }
      if (i64x2.extract_lane(isInside, 1) != 0) {
        store<i32>(order + (<usize>m << 2), load<i32>(candidates + (<usize>(c + 1) << 2)));
        store<f64>(orderKeys + (<usize>m << 3), f64x2.extract_lane(key, 1));
        m++;
      }
    }
  }
  let above = f64x2.extract_lane(aboveV, 0) + f64x2.extract_lane(aboveV, 1);
  let inside = f64x2.extract_lane(insideV, 0) + f64x2.extract_lane(insideV, 1);
  let unordered = <i32>v128.any_true(unorderedV);
  for (; c < n; c++) {
    const key = winner * load<f64>(keys + (<usize>c << 3));
    unordered |= <i32>(key != key);
    const w = load<f64>(candidateWeights + (<usize>c << 3));
    const isAbove = key > high;
    const isInside = !isAbove && key >= low;
    above += select<f64>(w, 0, isAbove);
    inside += select<f64>(w, 0, isInside);
    if (isInside) {
      store<i32>(order + (<usize>m << 2), load<i32>(candidates + (<usize>c << 2)));
      store<f64>(orderKeys + (<usize>m << 3), key);
      m++;
    }
  }
  const reachedAbove = strict ? above > threshold : above >= threshold;
  const reachedInside = strict ? above + inside > threshold : above + inside >= threshold;
  // A NaN key is equal to every pivot in the quickselect, never "inside" here: it answers.
  if (unordered != 0) return -1;
  if (reachedAbove || !reachedInside || m == 0) {
    // Keys are margins in pp: a bracket 400 pp each way holds every key a race has in practice.
    bracketHalfWidth = min(bracketHalfWidth * 2, 400);
    if (!isFinite(bracketOffset)) bracketOffset = 0;
    return -1;
  }
  if (m * 8 > n) bracketHalfWidth *= 0.75;
  const unit = weightedSelect(order, orderKeys, m, weight, threshold - above, strict);
  let key: f64 = 0;
  let equal = 0;
  for (let c = 0; c < m; c++) {
    if (load<i32>(order + (<usize>c << 2)) == unit) key = load<f64>(orderKeys + (<usize>c << 3));
  }
  for (let c = 0; c < m; c++) equal += <i32>(load<f64>(orderKeys + (<usize>c << 3)) == key);
  if (equal != 1) return -1;
  if (isFinite(key)) bracketOffset += 0.125 * (key - middle);
  return unit;
}

/** tippingUnitBySelect's quickselect on keys already in `orderKeys` (permuted with `order`). */
function weightedSelect(order: usize, orderKeys: usize, n: i32, weight: usize, threshold: f64, strict: bool): i32 {
  let lo = 0;
  let hi = n - 1;
  let need = threshold;
  while (lo < hi) {
    const pivot = load<f64>(orderKeys + (<usize>((lo + hi) >> 1) << 3));
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = load<i32>(order + (<usize>i << 2));
      const key = load<f64>(orderKeys + (<usize>i << 3));
      if (key > pivot) {
        store<i32>(order + (<usize>i << 2), load<i32>(order + (<usize>lt << 2)));
        store<f64>(orderKeys + (<usize>i << 3), load<f64>(orderKeys + (<usize>lt << 3)));
        store<i32>(order + (<usize>lt << 2), v);
        store<f64>(orderKeys + (<usize>lt << 3), key);
        lt++;
        i++;
      } else if (key < pivot) {
        store<i32>(order + (<usize>i << 2), load<i32>(order + (<usize>gt << 2)));
        store<f64>(orderKeys + (<usize>i << 3), load<f64>(orderKeys + (<usize>gt << 3)));
        store<i32>(order + (<usize>gt << 2), v);
        store<f64>(orderKeys + (<usize>gt << 3), key);
        gt--;
      } else {
        i++;
      }
    }
    let above: f64 = 0;
    for (let k = lo; k < lt; k++) above += load<f64>(weight + (<usize>load<i32>(order + (<usize>k << 2)) << 3));
    if (strict ? above > need : above >= need) {
      hi = lt - 1;
      continue;
    }
    let cumulative = above;
    for (let k = lt; k <= gt; k++) {
      const u = load<i32>(order + (<usize>k << 2));
      cumulative += load<f64>(weight + (<usize>u << 3));
      if (strict ? cumulative > need : cumulative >= need) return u;
    }
    need -= cumulative;
    lo = gt + 1;
  }
  return load<i32>(order + (<usize>min(lo, n - 1) << 2));
}

// Layout of the campaign block (f64) read by coefficientBatch, written by drawLoop.ts (CAMPAIGN_BLOCK):
// per side s at s × SIDE: mobiliseReach[7], persuadeReach[7], relayReach, indirectPerDirect,
// likeMindedNet, largestPerNonVoter, then the fast path's rooms (negativePush, network, directUp,
// directDown, persuadeUp, persuadeDown, members, powerSums[6]), the count of mobilisation slots (31) and
// the slots (32…), whether contacts lean as each territory does (40), the largest |relay persuadable shift|
// (41), Σ net share × members (42), Σ shift × members (43), whether nobody is certain to vote (44); then,
// from 2 × SIDE, the channel priors of both sides (slot j = side × 7 + slot): effectMode[14],
// effectFloor[14], effectScale[28] (below, above), the same for persuasion, and slotOn[14]; then the
// draw's state: effect[14], persuasion[14], pushes[2 × 7], e_1..e_6 of each side.
const SLOTS: i32 = 7;
const SIDE: i32 = 48;
const PRIORS: i32 = 2 * SIDE;
const STATE: i32 = PRIORS + 126;

// @ts-ignore: decorator
@inline function f(block: usize, index: i32): f64 {
  return load<f64>(block + (<usize>index << 3));
}

// @ts-ignore: decorator
@inline function setF(block: usize, index: i32, value: f64): void {
  store<f64>(block + (<usize>index << 3), value);
}

/**
 * The campaign shift's per-draw part for a batch (campaignShift.ts: the channel effects from the draw's
 * shared z's, mobilisationPolynomial, memberTerms, withinRooms, fastShift; the same arithmetic in the
 * same order). Per draw k: exact[k] = 0 and, on the fast path, the 18 coefficients at
 * coefficients[term × batch + k], the draw's net margin votes by side and source at
 * sources[(side × 4 + source) × batch + k], and the coefficient sums added to fastSums (18); exact[k] = 1
 * when a bound may bind: the draw's parameters are then recorded (params, exactIndex: 2 × EXACT_PARAMS
 * rows and one i32 per draw of the batch) and, after the batch's last draw, the exact draws take the
 * exact path here, two at a time ({@link exactBatch}: their shift into shift[unit × batch + k], their net
 * votes by source into sources, per unit into extra[side × units + unit], in draw order; `tables` the
 * per-unit tables of writeExactTables, `own` the units without a parent). Returns the count of exact draws.
 * Every draw's effects go to effects[slot × batch + k] and persuasions[slot × batch + k] (14 slots each).
 * The z's of channel slot c are numbers rows zRow + 2c (turnout) and zRow + 2c + 1 (persuasion).
 */
export function coefficientBatch(
  count: i32, batch: i32, numbers: usize, zRow: i32, block: usize, relaySlot: i32, socialSlot: i32,
  coefficients: usize, exact: usize, sources: usize, fastSums: usize, effects: usize, persuasions: usize,
  tables: usize, units: i32, own: usize, ownCount: i32, params: usize, exactIndex: usize, shift: usize, extra: usize,
): i32 {
  const B = <usize>batch << 3;
  let exactCount = 0;
  for (let k = 0; k < count; k++) {
    const o = <usize>k << 3;
    drawEffects(block, numbers, B, o, zRow, effects, persuasions);
    // Per side: the mobilisation polynomial (both sides always), the per-member terms, the rooms.
    const polynomialA = mobilisationPolynomial(block, 0);
    const polynomialB = mobilisationPolynomial(block, 1);
    let fast = polynomialA && polynomialB;
    const relayA = memberRelay(block, 0, relaySlot), directA = memberDirect(block, 0, socialSlot), persuadeA = memberPersuade(block, 0);
    const relayB = memberRelay(block, 1, relaySlot), directB = memberDirect(block, 1, socialSlot), persuadeB = memberPersuade(block, 1);
    const relayPersuadeA = memberRelayPersuade(block, 0, relaySlot), relayPersuadeB = memberRelayPersuade(block, 1, relaySlot);
    if (fast) fast = withinRooms(block, 0, relayA, directA, persuadeA, relayPersuadeA) && withinRooms(block, 1, relayB, directB, persuadeB, relayPersuadeB);
    if (!fast) {
      store<f64>(exact + o, 1);
      recordExact(block, exactCount, k, polynomialA, polynomialB, relayA, directA, persuadeA, relayPersuadeA, relayB, directB, persuadeB, relayPersuadeB, params, exactIndex, B);
      exactCount++;
      continue;
    }
    store<f64>(exact + o, 0);
    floorMobilisation(block, 0);
    floorMobilisation(block, 1);
    fastDraw(block, 0, relayA, directA, persuadeA, relayPersuadeA, coefficients, fastSums, sources, B, o);
    fastDraw(block, 1, relayB, directB, persuadeB, relayPersuadeB, coefficients, fastSums, sources, B, o);
  }
  exactBatch(block, exactCount, params, exactIndex, tables, units, own, ownCount, shift, extra, sources, B);
  return exactCount;
}

/**
 * A draw's channel effects (turnout and persuasion of each slot, both sides, from the slot's shared z's,
 * at least the prior's floor) into the campaign state, and copied to effects and persuasions.
 */
// @ts-ignore: decorator
@inline function drawEffects(block: usize, numbers: usize, B: usize, o: usize, zRow: i32, effects: usize, persuasions: usize): void {
  const effect = STATE;
  const persuasion = STATE + 14;
  for (let c = 0; c < SLOTS; c++) {
    const ze = load<f64>(numbers + <usize>(zRow + 2 * c) * B + o);
    const zp = load<f64>(numbers + <usize>(zRow + 2 * c + 1) * B + o);
    for (let j = c; j < 2 * SLOTS; j += SLOTS) {
      if (f(block, PRIORS + 112 + j) == 0) continue;
      const e = f(block, PRIORS + j) + ze * f(block, PRIORS + 28 + 2 * j + 1 - <i32>(ze < 0));
      const floorE = f(block, PRIORS + 14 + j);
      setF(block, effect + j, e < floorE ? floorE : e);
      const p = f(block, PRIORS + 56 + j) + zp * f(block, PRIORS + 84 + 2 * j + 1 - <i32>(zp < 0));
      const floorP = f(block, PRIORS + 70 + j);
      setF(block, persuasion + j, p < floorP ? floorP : p);
    }
  }
  for (let j = 0; j < 2 * SLOTS; j++) {
    store<f64>(effects + <usize>j * B + o, f(block, effect + j));
    store<f64>(persuasions + <usize>j * B + o, f(block, persuasion + j));
  }
}

/**
 * One side's pushes (reach × effect per mobilisation channel) and, when the product form needs no clamp
 * (at most 6 channels, largest |push| × largest perNonVoter ≤ 1), e_1..e_6 of the pushes; false otherwise
 * (e_1..e_6 left 0).
 */
// @ts-ignore: decorator
@inline function mobilisationPolynomial(block: usize, side: i32): bool {
  const s = side * SIDE;
  const offset = side * SLOTS;
  const push = STATE + 28;
  const slots = <i32>f(block, s + 31);
  let largest: f64 = 0;
  for (let q = 0; q < slots; q++) {
    const c = <i32>f(block, s + 32 + q);
    const v = f(block, s + c) * f(block, STATE + offset + c);
    setF(block, push + offset + q, v);
    const magnitude = v < 0 ? -v : v;
    if (magnitude > largest) largest = magnitude;
  }
  const e0 = STATE + 42 + side * 6;
  for (let j = 0; j < 6; j++) setF(block, e0 + j, 0);
  if (slots > 6 || largest * f(block, s + 17) > 1) return false;
  for (let q = 0; q < slots; q++) {
    const v = f(block, push + offset + q);
    for (let j = q; j >= 1; j--) setF(block, e0 + j, f(block, e0 + j) + f(block, e0 + j - 1) * v);
    setF(block, e0, f(block, e0) + v);
  }
  return true;
}

/** One side's relay votes per member: the relay reach times the relay channel's effect. */
// @ts-ignore: decorator
@inline function memberRelay(block: usize, side: i32, relaySlot: i32): f64 {
  return f(block, side * SIDE + 14) * f(block, STATE + side * SLOTS + relaySlot);
}

/** One side's direct social votes per member: the social reach times the social channel's effect. */
// @ts-ignore: decorator
@inline function memberDirect(block: usize, side: i32, socialSlot: i32): f64 {
  return f(block, side * SIDE + socialSlot) * f(block, STATE + side * SLOTS + socialSlot);
}

/** One side's relay persuasion per member: the relay's persuasion reach times its persuasion effect. */
// @ts-ignore: decorator
@inline function memberRelayPersuade(block: usize, side: i32, relaySlot: i32): f64 {
  return f(block, side * SIDE + 7 + relaySlot) * f(block, STATE + 14 + side * SLOTS + relaySlot);
}

/** One side's voters switched per member: Σ over slots of reach × persuasion effect. */
// @ts-ignore: decorator
@inline function memberPersuade(block: usize, side: i32): f64 {
  const s = side * SIDE;
  const offset = side * SLOTS;
  let persuade: f64 = 0;
  for (let q = 0; q < SLOTS; q++) persuade += f(block, s + 7 + q) * f(block, STATE + 14 + offset + q);
  return persuade;
}

/**
 * A side with nobody certain to vote (flag at 44), on the fast path: with v = e_1 − (e_2 − (e_3 − (e_4 −
 * (e_5 − e_6)))), its e_1..e_6 become (v, 0, 0, 0, 0, 0), or all 0 when v < 0, the floor binding in every
 * territory (campaignShift.ts floorMobilisation, the same arithmetic).
 */
// @ts-ignore: decorator
@inline function floorMobilisation(block: usize, side: i32): void {
  if (f(block, side * SIDE + 44) == 0) return;
  const e = STATE + 42 + side * 6;
  const v = f(block, e) - (f(block, e + 1) - (f(block, e + 2) - (f(block, e + 3) - (f(block, e + 4) - f(block, e + 5)))));
  for (let j = 0; j < 6; j++) setF(block, e + j, 0);
  if (!(v < 0)) setF(block, e, v);
}

/** True when no bound of one side can bind in any territory: negative pushes, relay, indirect, direct and persuasion within their rooms. */
// @ts-ignore: decorator
@inline function withinRooms(block: usize, side: i32, relay: f64, direct: f64, persuade: f64, relayPersuade: f64): bool {
  const s = side * SIDE;
  const offset = side * SLOTS;
  const slots = <i32>f(block, s + 31);
  let negative: f64 = 0;
  for (let q = 0; q < slots; q++) {
    const v = f(block, STATE + 28 + offset + q);
    if (v < 0) negative -= v;
  }
  // Nobody certain to vote: the floor is applied on the fast path (floorMobilisation).
  if (f(block, s + 44) == 0 && negative > f(block, s + 18)) return false;
  const indirect = f(block, s + 15) * direct;
  const network = f(block, s + 19);
  // Contacts that lean as the territory does: a member switches persuade + relayPersuade × shift_t voters.
  const spread = f(block, s + 40) != 0 ? Math.abs(relayPersuade) * f(block, s + 41) : 0;
  return Math.abs(relay) <= network && Math.abs(indirect) <= network && direct <= f(block, s + 20) && -direct <= f(block, s + 21) && persuade + spread <= f(block, s + 22) && -persuade + spread <= f(block, s + 23);
}

// The exact path's per-unit tables (f64, written by campaignShift.ts writeExactTables), unit-major:
// unit i's EXACT_TABLES numbers from tables + i × EXACT_TABLES × 8; number j of side s at s × EXACT_SIDE
// + j, for j = members, certain, nonVoters, relayCap, perNonVoter, the territory's like-minded net share,
// the relay's persuadable shift; then, after both sides, the baseline votes of A and of B, and the
// margin's pp per vote.
const EXACT_SIDE: i32 = 7;
const EXACT_TABLES: i32 = 2 * EXACT_SIDE + 3;

// @ts-ignore: decorator
@inline function unitF(tables: usize, table: i32, i: i32): f64 {
  return load<f64>(tables + ((<usize>i * <usize>EXACT_TABLES + <usize>table) << 3));
}

// Per draw on the exact path, its parameters (row p × batch + e, e the draw's place among the batch's
// exact draws), EXACT_PARAMS per side: e_1..e_6, the per-member relay, direct social and persuasion
// terms, the relay's persuasion per member, 1 when the polynomial form may be used, the 7 pushes.
const EXACT_PARAMS: i32 = 18;
// Units per chunk of exactBatch: 128 × EXACT_TABLES doubles (17 KiB) stay in a 32 KiB first-level cache.
const EXACT_CHUNK: i32 = 128;

/** Records draw k, on the exact path, as the batch's exact draw e (its parameters; exactIndex[e] = k). */
// @ts-ignore: decorator
@inline function recordExact(
  block: usize, e: i32, k: i32, polynomialA: bool, polynomialB: bool,
  relayA: f64, directA: f64, persuadeA: f64, relayPersuadeA: f64, relayB: f64, directB: f64, persuadeB: f64, relayPersuadeB: f64,
  params: usize, exactIndex: usize, B: usize,
): void {
  store<i32>(exactIndex + (<usize>e << 2), k);
  const at = params + (<usize>e << 3);
  for (let side = 0; side < 2; side++) {
    const row = at + <usize>(side * EXACT_PARAMS) * B;
    for (let j = 0; j < 6; j++) store<f64>(row + <usize>j * B, f(block, STATE + 42 + side * 6 + j));
    store<f64>(row + 6 * B, side == 0 ? relayA : relayB);
    store<f64>(row + 7 * B, side == 0 ? directA : directB);
    store<f64>(row + 8 * B, side == 0 ? persuadeA : persuadeB);
    store<f64>(row + 9 * B, side == 0 ? relayPersuadeA : relayPersuadeB);
    store<f64>(row + 10 * B, (side == 0 ? polynomialA : polynomialB) ? 1 : 0);
    for (let q = 0; q < SLOTS; q++) store<f64>(row + <usize>(11 + q) * B, f(block, STATE + 28 + side * SLOTS + q));
  }
}

/** `x` within [low, high] lane by lane, the high bound checked first: x > high ? high : x < low ? low : x. */
// @ts-ignore: decorator
@inline function withinV(x: v128, low: v128, high: v128): v128 {
  return v128.bitselect(high, f64x2.pmax(x, low), f64x2.gt(x, high));
}

/**
 * The exact path of a batch's exact draws, two draws per instruction (campaignShift.ts exactShift and
 * exactSideGains: the same arithmetic in the same order, lane by lane): per pair of exact draws, per unit
 * without a parent and per side, the net margin votes with every bound applied (mobilisation by the
 * polynomial or the clamped product, at least −certain; relay and indirect within ±relayCap; direct
 * social within [−certain, nonVoters]; switches within [−own baseline votes, the other side's]), added
 * to extra[side × units + unit] in draw order; the shift (A's votes − B's) × pp per vote into
 * shift[unit × batch + k] (units with a parent get theirs from shiftBatch's copy); each side's sums by
 * source (turnout, persuasion, relay, indirect, summed over units in order) into
 * sources[(side × 4 + source) × batch + k].
 */
function exactBatch(
  block: usize, exactCount: i32, params: usize, exactIndex: usize, tables: usize, units: i32, own: usize, ownCount: i32,
  shift: usize, extra: usize, sources: usize, B: usize,
): void {
  if (exactCount == 0) return;
  // Each side's sums by source per exact draw (rows 2 × EXACT_PARAMS + side × 4 + source of params),
  // carried from one chunk of units to the next.
  const sums = params + <usize>(2 * EXACT_PARAMS) * B;
  for (let r = 0; r < 8; r++) memory.fill(sums + <usize>r * B, 0, <usize>(exactCount + 1) << 3);
  const noneA = f(block, 24) == 0;
  const noneB = f(block, SIDE + 24) == 0;
  // Units in chunks whose tables stay in the first-level cache while every pair of draws passes over them.
  for (let first = 0; first < ownCount; first += EXACT_CHUNK) {
    const last = min(ownCount, first + EXACT_CHUNK);
    for (let e = 0; e < exactCount; e += 2) {
      const two = e + 1 < exactCount;
      const k0 = load<i32>(exactIndex + (<usize>e << 2));
      const k1 = two ? load<i32>(exactIndex + (<usize>(e + 1) << 2)) : k0;
      const at = params + (<usize>e << 3);
      exactPairSide(block, 0, noneA, at, tables, units, own, first, last, shift, extra, B, k0, k1, two);
      exactPairSide(block, 1, noneB, at, tables, units, own, first, last, shift, extra, B, k0, k1, two);
    }
  }
  for (let e = 0; e < exactCount; e++) {
    const k = <usize>load<i32>(exactIndex + (<usize>e << 2)) << 3;
    for (let r = 0; r < 8; r++) store<f64>(sources + <usize>r * B + k, load<f64>(sums + <usize>r * B + (<usize>e << 3)));
  }
}

/** A side's mobilised votes by the polynomial, two draws: nonVoters × x × (e_1 − x (e_2 − x (e_3 − x (e_4 − x (e_5 − x e_6))))). */
// @ts-ignore: decorator
@inline function mobilisedV(c1: v128, c2: v128, c3: v128, c4: v128, c5: v128, c6: v128, nonVoters: v128, x: v128): v128 {
  return f64x2.mul(nonVoters, f64x2.mul(x, f64x2.sub(c1, f64x2.mul(x, f64x2.sub(c2, f64x2.mul(x, f64x2.sub(c3,
    f64x2.mul(x, f64x2.sub(c4, f64x2.mul(x, f64x2.sub(c5, f64x2.mul(x, c6))))))))))));
}

/** mobilisedByProduct, two draws: nonVoters × (1 − Π (1 − push × x)), each factor clamped to [0, 2]; the pushes at rows 11.. of `row`. */
// @ts-ignore: decorator
@inline function mobilisedByProductV(row: usize, B: usize, slots: i32, nonVoters: v128, x: v128): v128 {
  const one = f64x2.splat(1);
  let keep = one;
  for (let q = 0; q < slots; q++) {
    const v = f64x2.mul(v128.load(row + <usize>(11 + q) * B), x);
    const factor = v128.bitselect(f64x2.splat(0), v128.bitselect(f64x2.splat(2), f64x2.sub(one, v), f64x2.lt(v, f64x2.splat(-1))), f64x2.gt(v, one));
    keep = f64x2.mul(keep, factor);
  }
  return f64x2.mul(nonVoters, f64x2.sub(one, keep));
}

/**
 * A unit's gain of one side for draws at o0 and o1 (o1 only when `two`): added to its extra votes in
 * draw order; side 0 stores it in the unit's shift cells, side 1 turns those into (A − B) × perVote.
 */
// @ts-ignore: decorator
@inline function storeExactGain(side: i32, cell: usize, extra: usize, o0: usize, o1: usize, two: bool, gain: v128, perVote: f64): void {
  const g0 = f64x2.extract_lane(gain, 0);
  const g1 = f64x2.extract_lane(gain, 1);
  if (side == 0) {
    store<f64>(cell + o0, g0);
    if (two) store<f64>(cell + o1, g1);
  } else {
    store<f64>(cell + o0, (load<f64>(cell + o0) - g0) * perVote);
    if (two) store<f64>(cell + o1, (load<f64>(cell + o1) - g1) * perVote);
  }
  store<f64>(extra, load<f64>(extra) + g0);
  if (two) store<f64>(extra, load<f64>(extra) + g1);
}

/**
 * One side of {@link exactBatch} for exact draws k0 and k1 (k1 only when `two`), their parameters at
 * `at` (lane 0) and `at` + 8 (lane 1): side 0 leaves its gain in shift[unit × batch + k], side 1 turns
 * it into (gain of A − gain of B) × pp per vote.
 */
// @ts-ignore: decorator
@inline function exactPairSide(
  block: usize, side: i32, none: bool, at: usize, tables: usize, units: i32, own: usize, first: i32, last: i32,
  shift: usize, extra: usize, B: usize, k0: i32, k1: i32, two: bool,
): void {
  const s = side * SIDE;
  const t = side * EXACT_SIDE;
  const row = at + <usize>(side * EXACT_PARAMS) * B;
  const c1 = v128.load(row), c2 = v128.load(row + B), c3 = v128.load(row + 2 * B);
  const c4 = v128.load(row + 3 * B), c5 = v128.load(row + 4 * B), c6 = v128.load(row + 5 * B);
  const relayPerMember = v128.load(row + 6 * B);
  const socialPerMember = v128.load(row + 7 * B);
  const persuade = v128.load(row + 8 * B);
  const relayPersuade = v128.load(row + 9 * B);
  const polynomialMask = f64x2.ne(v128.load(row + 10 * B), f64x2.splat(0));
  const everyPolynomial = load<f64>(row + 10 * B) != 0 && (!two || load<f64>(row + 10 * B + 8) != 0);
  const slots = <i32>f(block, s + 31);
  const indirectPerDirect = f64x2.splat(f(block, s + 15));
  const evenNet = f64x2.splat(f(block, s + 16));
  const varies = f(block, s + 40) != 0;
  const ownBaseTable = 2 * EXACT_SIDE + side;
  const otherBaseTable = 2 * EXACT_SIDE + 1 - side;
  const perVoteTable = 2 * EXACT_SIDE + 2;
  const extraSide = extra + ((<usize>side * <usize>units) << 3);
  const two2 = f64x2.splat(2);
  const zero = f64x2.splat(0);
  const sums = at + <usize>(2 * EXACT_PARAMS + side * 4) * B;
  let turnoutSum = v128.load(sums), persuasionSum = v128.load(sums + B), relaySum = v128.load(sums + 2 * B), indirectSum = v128.load(sums + 3 * B);
  const o0 = <usize>k0 << 3;
  const o1 = <usize>k1 << 3;
  for (let n = first; n < last; n++) {
    const i = load<i32>(own + (<usize>n << 2));
    const m = none ? 0 : unitF(tables, t, i);
    let gain = zero;
    if (m > 0) {
      const members = f64x2.splat(m);
      const certain = unitF(tables, t + 1, i);
      const nonVoters = f64x2.splat(unitF(tables, t + 2, i));
      const x = f64x2.splat(unitF(tables, t + 4, i));
      let mob = mobilisedV(c1, c2, c3, c4, c5, c6, nonVoters, x);
      if (!everyPolynomial) mob = v128.bitselect(mob, mobilisedByProductV(row, B, slots, nonVoters, x), polynomialMask);
      const lowCertain = f64x2.splat(-certain);
      mob = f64x2.pmax(mob, lowCertain);
      const cap = unitF(tables, t + 3, i);
      const capHigh = f64x2.splat(cap);
      const capLow = f64x2.splat(-cap);
      const relay = withinV(f64x2.mul(members, relayPerMember), capLow, capHigh);
      const direct = withinV(f64x2.mul(members, socialPerMember), lowCertain, nonVoters);
      const indirect = withinV(f64x2.mul(indirectPerDirect, direct), capLow, capHigh);
      const net = varies ? f64x2.splat(unitF(tables, t + 5, i)) : evenNet;
      const perMember = varies ? f64x2.add(persuade, f64x2.mul(relayPersuade, f64x2.splat(unitF(tables, t + 6, i)))) : persuade;
      const switched = withinV(f64x2.mul(members, perMember), f64x2.splat(-unitF(tables, ownBaseTable, i)), f64x2.splat(unitF(tables, otherBaseTable, i)));
      const relayNet = f64x2.mul(net, relay);
      const indirectNet = f64x2.mul(net, indirect);
      const switchedTwice = f64x2.mul(two2, switched);
      gain = f64x2.add(f64x2.add(f64x2.add(mob, relayNet), indirectNet), switchedTwice);
      turnoutSum = f64x2.add(turnoutSum, mob);
      persuasionSum = f64x2.add(persuasionSum, switchedTwice);
      relaySum = f64x2.add(relaySum, relayNet);
      indirectSum = f64x2.add(indirectSum, indirectNet);
    }
    storeExactGain(side, shift + <usize>i * B, extraSide + (<usize>i << 3), o0, o1, two, gain, side == 0 ? 0 : unitF(tables, perVoteTable, i));
  }
  v128.store(sums, turnoutSum);
  v128.store(sums + B, persuasionSum);
  v128.store(sums + 2 * B, relaySum);
  v128.store(sums + 3 * B, indirectSum);
}

/**
 * One side's fast-path outputs for draw o (campaignShift.ts fastShift): its 9 coefficients (e_1..e_6, K
 * per member, K_net per net member and K_shift per relay-shifted member), their sums, and its net margin
 * votes by source (turnout, persuasion, relay, indirect).
 */
// @ts-ignore: decorator
@inline function fastDraw(block: usize, side: i32, relay: f64, direct: f64, persuade: f64, relayPersuade: f64, coefficients: usize, fastSums: usize, sources: usize, B: usize, o: usize): void {
  const s = side * SIDE;
  const total = f(block, s + 24);
  let k: f64, kNet: f64, kShift: f64, relayVotes: f64, indirectVotes: f64, persuasionVotes: f64;
  if (f(block, s + 40) != 0) {
    const indirect = f(block, s + 15) * direct;
    k = 2 * persuade;
    kNet = relay + indirect;
    kShift = 2 * relayPersuade;
    relayVotes = relay * f(block, s + 42);
    indirectVotes = indirect * f(block, s + 42);
    persuasionVotes = k * total + kShift * f(block, s + 43);
  } else {
    const net = f(block, s + 16);
    const relayNet = net * relay;
    const indirectNet = net * (f(block, s + 15) * direct);
    k = relayNet + indirectNet + 2 * persuade;
    kNet = 0;
    kShift = 0;
    relayVotes = relayNet * total;
    indirectVotes = indirectNet * total;
    persuasionVotes = 2 * persuade * total;
  }
  const e = STATE + 42 + side * 6;
  const t = side * FAST_TERMS;
  for (let j = 0; j < 6; j++) {
    store<f64>(coefficients + <usize>(t + j) * B + o, f(block, e + j));
    setF(fastSums, t + j, f(fastSums, t + j) + f(block, e + j));
  }
  store<f64>(coefficients + <usize>(t + 6) * B + o, k);
  store<f64>(coefficients + <usize>(t + 7) * B + o, kNet);
  store<f64>(coefficients + <usize>(t + 8) * B + o, kShift);
  setF(fastSums, t + 6, f(fastSums, t + 6) + k);
  setF(fastSums, t + 7, f(fastSums, t + 7) + kNet);
  setF(fastSums, t + 8, f(fastSums, t + 8) + kShift);
  const at = <usize>(side * 4) * B;
  store<f64>(sources + at + o, f(block, e) * f(block, s + 25) + f(block, e + 1) * f(block, s + 26) + f(block, e + 2) * f(block, s + 27) + f(block, e + 3) * f(block, s + 28) + f(block, e + 4) * f(block, s + 29) + f(block, e + 5) * f(block, s + 30));
  store<f64>(sources + at + B + o, persuasionVotes);
  store<f64>(sources + at + 2 * B + o, relayVotes);
  store<f64>(sources + at + 3 * B + o, indirectVotes);
}

// The exponential of the multi-candidate draw and of the ziggurat's wedge test: fdlibm's e_exp.c, the
// same arithmetic as src/sim/fdlibmExp.ts (see there for the method), so the WebAssembly and the
// JavaScript draws give the same last bit on every engine (AssemblyScript's Math.exp is musl's, which
// differs from V8's Math.exp in the last bit for some arguments).
const LN2_HI: f64 = 6.9314718036912381649e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const INV_LN2: f64 = 1.442695040888963387;
const P1: f64 = 1.66666666666666019037e-1;
const P2: f64 = -2.77777777770155933842e-3;
const P3: f64 = 6.61375632143793436117e-5;
const P4: f64 = -1.6533902205465251539e-6;
const P5: f64 = 4.13813679705723846039e-8;
const EXP_OVERFLOW: f64 = 7.09782712893383973096e2;
const EXP_UNDERFLOW: f64 = -7.4513321910194110842e2;
const TWO_M1000: f64 = 9.3326361850321887899e-302;
const TWO_1023: f64 = 8.98846567431158e307;

/** e^x by fdlibm's algorithm: src/sim/fdlibmExp.ts fdlibmExp, branch for branch. */
export function fdlibmExp(x: f64): f64 {
  const ax = Math.abs(x);
  if (!(ax < 709.7822265625)) {
    if (x != x) return x + x;
    if (ax == Infinity) return x > 0 ? x : 0;
    if (x > EXP_OVERFLOW) return Infinity;
    if (x < EXP_UNDERFLOW) return 0;
  }
  let hi: f64 = 0;
  let lo: f64 = 0;
  let k: i32 = 0;
  let r = x;
  if (ax >= 0.3465735912322998) {
    if (ax < 1.0397205352783203) {
      if (x == 1) return 2.718281828459045;
      if (x > 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = <i32>(INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
      const kf = <f64>k;
      hi = x - kf * LN2_HI;
      lo = kf * LN2_LO;
    }
    r = hi - lo;
  } else if (ax < 3.725290298461914e-9) {
    return 1 + x;
  }
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k >= -1021) return k == 1024 ? y * 2 * TWO_1023 : y * reinterpret<f64>(<u64>(0x3ff + k) << 52);
  return y * reinterpret<f64>(<u64>(0x3ff + k + 1000) << 52) * TWO_M1000;
}

/** The high 32 bits of a double's IEEE 754 representation (fdlibm's __HI), as a signed integer. */
// @ts-ignore: decorator
@inline function highWord(x: f64): i32 {
  return <i32>(reinterpret<u64>(x) >> 32);
}

/** x with its high 32 bits replaced by `high` (fdlibm's SET_HIGH_WORD). */
// @ts-ignore: decorator
@inline function withHighWord(x: f64, high: i32): f64 {
  return reinterpret<f64>((<u64><u32>high << 32) | (reinterpret<u64>(x) & 0xffffffff));
}

// fdlibm's e_log.c (Sun Microsystems 1993; as in FreeBSD msun and V8's base/ieee754.cc): x = 2^k (1 + f)
// with √2/2 < 1 + f < √2, then log(1 + f) = f − f²/2 + s (f²/2 + R(s²)), s = f / (2 + f), R the Remez
// polynomial of degree 7 (Lg1..Lg7), and k ln2 added in two parts. Error below 1 ulp.
const LG1: f64 = 6.666666666666735130e-1;
const LG2: f64 = 3.999999999940941908e-1;
const LG3: f64 = 2.857142874366239149e-1;
const LG4: f64 = 2.222219843214978396e-1;
const LG5: f64 = 1.818357216161805012e-1;
const LG6: f64 = 1.531383769920937332e-1;
const LG7: f64 = 1.479819860511658591e-1;
const TWO_54: f64 = 1.80143985094819840000e16;

/**
 * The natural logarithm by fdlibm's algorithm, branch for branch: V8's Math.log bit for bit (checked on
 * millions of arguments by test/sim/kernelMath.test.ts). log(±0) = −∞, log(x < 0) = NaN, log(∞) = ∞.
 */
export function fdlibmLog(x: f64): f64 {
  let hx = highWord(x);
  const lx = <u32>reinterpret<u64>(x);
  let k: i32 = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) == 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO_54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1.0;
  const dk = <f64>k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f == 0) return k == 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k == 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k == 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
  }
  return k == 0 ? f - s * (f - r) : dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
}

// fdlibm's s_expm1.c (same lineage): x = k ln2 + r, |r| ≤ 0.5 ln2 (with the rounding error c of the
// reduction carried), e^r − 1 from a rational approximation with the scaled Remez coefficients Q1..Q5,
// then rebuilt as 2^k (e^r − 1 + 1) − 1 in the form that keeps precision for each k. Error below 1 ulp.
const Q1: f64 = -3.33333333333331316428e-2;
const Q2: f64 = 1.58730158725481460165e-3;
const Q3: f64 = -7.93650757867487942473e-5;
const Q4: f64 = 4.00821782732936239552e-6;
const Q5: f64 = -2.01099218183624371326e-7;

/**
 * e^x − 1 by fdlibm's algorithm, branch for branch: V8's Math.expm1 bit for bit (checked on millions of
 * arguments by test/sim/kernelMath.test.ts). expm1(∞) = ∞, expm1(−∞) = −1, past 709.78 = ∞.
 */
export function fdlibmExpm1(x: f64): f64 {
  let hx = <u32>highWord(x);
  const negative = (hx & 0x80000000) != 0;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) return x != x ? x + x : negative ? -1 : x;
      if (x > EXP_OVERFLOW) return Infinity;
    }
    if (negative) return -1;
  }
  let k: i32 = 0;
  let c: f64 = 0;
  if (hx > 0x3fd62e42) {
    let hi: f64;
    let lo: f64;
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = <i32>(INV_LN2 * x + (negative ? -0.5 : 0.5));
      const t = <f64>k;
      hi = x - t * LN2_HI;
      lo = t * LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) {
    return x;
  }
  return expm1Rebuilt(x, c, k);
}

/** fdlibmExpm1 after the reduction: e^(k ln2 + x + c) − 1 for |x| ≤ 0.5 ln2. */
function expm1Rebuilt(x: f64, c: f64, k: i32): f64 {
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k == 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k == -1) return 0.5 * (x - e) - 0.5;
  if (k == 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1 + 2.0 * (x - e);
  const twoK = k == 1024 ? 0 : reinterpret<f64>(<u64>(0x3ff + k) << 52);
  if (k <= -2 || k > 56) {
    const y = 1 - (e - x);
    return (k == 1024 ? y * 2.0 * TWO_1023 : y * twoK) - 1;
  }
  if (k < 20) return (withHighWord(1, 0x3ff00000 - (0x200000 >> k)) - (e - x)) * twoK;
  return (x - (e + withHighWord(1, (0x3ff - k) << 20)) + 1) * twoK;
}

// The K-candidate draw (src/race/multiCandidateDraw.ts drawMultiCandidate): the byte offsets of one race's
// arrays and its scales, set once by setMultiCandidate (src/race/multiCandidateKernel.ts lays them out).
let mcState: usize = 0;
let mcComponents: i32 = 0;
let mcRegions: i32 = 0;
let mcUnits: i32 = 0;
let mcSlots: i32 = 0;
let mcTails: f64 = 0;
let mcNationalScale: f64 = 0;
let mcRegionalScale: f64 = 0;
let mcUnitStart: usize = 0;
let mcSlotParty: usize = 0;
let mcRegion: usize = 0;
let mcUnitScale: usize = 0;
let mcBaseline: usize = 0;
let mcBaseOther: usize = 0;
let mcValid: usize = 0;
let mcNormals: usize = 0;
let mcRejected: usize = 0;
let mcNational: usize = 0;
let mcAdded: usize = 0;
let mcVotes: usize = 0;
let mcOther: usize = 0;

/**
 * Sets the race of multiCandidateDraw: the generator state (4 i32), C = P + 1 components, R regions, N
 * units, S slots, the national t's degrees of freedom, the national and regional log-ratio scales; the
 * race's arrays unitStart (N + 1 i32), slotParty (S i32), region (N i32, −1 for none), unitScale (N f64),
 * baseline votes per slot (S f64), baseline `other` (N f64), valid votes (N f64); scratch normals
 * (R × C + S + N f64), rejected (as many i32 pairs), national (C f64); added (S + N f64, read), votes (S f64)
 * and other (N f64, written).
 */
export function setMultiCandidate(
  state: usize, components: i32, regions: i32, units: i32, slots: i32, tails: f64, nationalScale: f64, regionalScale: f64,
  unitStart: usize, slotParty: usize, region: usize, unitScale: usize, baseline: usize, baseOther: usize, valid: usize,
  normals: usize, rejected: usize, national: usize, added: usize, votes: usize, other: usize,
): void {
  mcState = state;
  mcComponents = components;
  mcRegions = regions;
  mcUnits = units;
  mcSlots = slots;
  mcTails = tails;
  mcNationalScale = nationalScale;
  mcRegionalScale = regionalScale;
  mcUnitStart = unitStart;
  mcSlotParty = slotParty;
  mcRegion = region;
  mcUnitScale = unitScale;
  mcBaseline = baseline;
  mcBaseOther = baseOther;
  mcValid = valid;
  mcNormals = normals;
  mcRejected = rejected;
  mcNational = national;
  mcAdded = added;
  mcVotes = votes;
  mcOther = other;
}

/**
 * One simulated election's votes (drawMultiCandidate, the same stream, the same arithmetic in the same
 * order): C national t's, R × C + S + N normals, then per unit the logistic-normal shares times its valid
 * votes. `addedLength`: 0 for no added votes, S (the slots) or S + N (the slots, then each unit's `other`).
 */
export function multiCandidateDraw(addedLength: i32): void {
  s0 = load<i32>(mcState);
  s1 = load<i32>(mcState, 4);
  s2 = load<i32>(mcState, 8);
  s3 = load<i32>(mcState, 12);
  const components = mcComponents;
  for (let c = 0; c < components; c++) store<f64>(mcNational + (<usize>c << 3), mcNationalScale * unitStudentT(mcTails));
  drawNormals(mcNormals, 8, mcRegions * components + mcSlots + mcUnits, mcRejected);
  store<i32>(mcState, s0);
  store<i32>(mcState, s1, 4);
  store<i32>(mcState, s2, 8);
  store<i32>(mcState, s3, 12);
  multiCandidateShares(addedLength > 0, addedLength > mcSlots);
}

/**
 * The shares and votes of every unit from the draw's errors (drawMultiCandidate's unit loop, the same
 * numbers): first each slot's and each unit's `other` error, written over its own normal (read once);
 * then their exponentials, two at a time (expPairs); then per unit the (added) baseline times the
 * exponential, the sum in the reference's order, and the normalisation. The offsets are copied to locals
 * first: V8 reloads a WebAssembly global on every use.
 */
function multiCandidateShares(withAdded: bool, withOther: bool): void {
  const components = mcComponents;
  const units = mcUnits;
  const slots = mcSlots;
  const normals = mcNormals;
  const national = mcNational;
  const regionOf = mcRegion;
  const unitScale = mcUnitScale;
  const unitStart = mcUnitStart;
  const slotParty = mcSlotParty;
  const slotAt = normals + (<usize>(mcRegions * components) << 3);
  const otherAt = slotAt + (<usize>slots << 3);
  const sR = mcRegionalScale;
  const p = <usize>(components - 1) << 3;
  let from = load<i32>(unitStart);
  for (let u = 0; u < units; u++) {
    const r = load<i32>(regionOf + (<usize>u << 2));
    const hasRegion = r >= 0;
    const regionAt = normals + (<usize>(hasRegion ? r * components : 0) << 3);
    const sU = load<f64>(unitScale + (<usize>u << 3));
    const o = otherAt + (<usize>u << 3);
    store<f64>(o, load<f64>(national + p) + (hasRegion ? sR * load<f64>(regionAt + p) : 0.0) + sU * load<f64>(o));
    const to = load<i32>(unitStart + (<usize>(u + 1) << 2));
    for (let s = from; s < to; s++) {
      const party = <usize>load<i32>(slotParty + (<usize>s << 2)) << 3;
      const at = slotAt + (<usize>s << 3);
      store<f64>(at, load<f64>(national + party) + (hasRegion ? sR * load<f64>(regionAt + party) : 0.0) + sU * load<f64>(at));
    }
    from = to;
  }
  expPairs(slotAt, slots + units);
  multiCandidateVotes(slotAt, otherAt, withAdded, withOther);
}

/** Each unit's votes from the exponentials of its errors at slotAt (S slots) and otherAt (N units). */
// @ts-ignore: decorator
@inline function multiCandidateVotes(slotAt: usize, otherAt: usize, withAdded: bool, withOther: bool): void {
  const units = mcUnits;
  const slots = mcSlots;
  const unitStart = mcUnitStart;
  const baseline = mcBaseline;
  const baseOther = mcBaseOther;
  const added = mcAdded;
  const valid = mcValid;
  const votes = mcVotes;
  const other = mcOther;
  let from = load<i32>(unitStart);
  for (let u = 0; u < units; u++) {
    let extra: f64 = 0;
    let otherBase = load<f64>(baseOther + (<usize>u << 3));
    if (withOther) {
      const a = load<f64>(added + (<usize>(slots + u) << 3));
      const add = otherBase + a >= 0 ? a : -otherBase;
      extra += add;
      otherBase += add;
    }
    const xOther = otherBase * load<f64>(otherAt + (<usize>u << 3));
    let sum = xOther;
    const to = load<i32>(unitStart + (<usize>(u + 1) << 2));
    for (let s = from; s < to; s++) {
      const at = <usize>s << 3;
      let base = load<f64>(baseline + at);
      if (withAdded) {
        const a = load<f64>(added + at);
        const add = base + a >= 0 ? a : -base;
        extra += add;
        base += add;
      }
      const x = base * load<f64>(slotAt + at);
      store<f64>(votes + at, x);
      sum += x;
    }
    const ratio = sum > 0 ? (load<f64>(valid + (<usize>u << 3)) + extra) / sum : 0.0;
    for (let s = from; s < to; s++) store<f64>(votes + (<usize>s << 3), load<f64>(votes + (<usize>s << 3)) * ratio);
    store<f64>(other + (<usize>u << 3), xOther * ratio);
    from = to;
  }
}

/**
 * x[i] = fdlibmExp(x[i]) for the `count` doubles at x. Pairs whose two arguments both lie in fdlibmExp's
 * unreduced range (2^-28 ≤ |x| < 0.3466, where it returns 1 − (x c / (c − 2) − x) with k = 0: nearly
 * every error of the draw) take that branch's arithmetic in both lanes of an f64x2 (IEEE operations,
 * lane by lane: the same doubles); any other pair, and an odd last one, go through fdlibmExp.
 */
function expPairs(x: usize, count: i32): void {
  const low = f64x2.splat(3.725290298461914e-9);
  const high = f64x2.splat(0.3465735912322998);
  const one = f64x2.splat(1);
  const two = f64x2.splat(2);
  const p1 = f64x2.splat(P1), p2 = f64x2.splat(P2), p3 = f64x2.splat(P3), p4 = f64x2.splat(P4), p5 = f64x2.splat(P5);
  const pairs = count & ~1;
  for (let i = 0; i < pairs; i += 2) {
    const at = x + (<usize>i << 3);
    const r = v128.load(at);
    const ar = f64x2.abs(r);
    if (v128.all_true<i64>(v128.and(f64x2.ge(ar, low), f64x2.lt(ar, high)))) {
      const t = f64x2.mul(r, r);
      const poly = f64x2.add(p1, f64x2.mul(t, f64x2.add(p2, f64x2.mul(t, f64x2.add(p3, f64x2.mul(t, f64x2.add(p4, f64x2.mul(t, p5))))))));
      const c = f64x2.sub(r, f64x2.mul(t, poly));
      v128.store(at, f64x2.sub(one, f64x2.sub(f64x2.div(f64x2.mul(r, c), f64x2.sub(c, two)), r)));
    } else {
      store<f64>(at, fdlibmExp(load<f64>(at)));
      store<f64>(at, fdlibmExp(load<f64>(at, 8)), 8);
    }
  }
  if (pairs < count) {
    const at = x + (<usize>pairs << 3);
    store<f64>(at, fdlibmExp(load<f64>(at)));
  }
}

// The per-draw decision of the plurality and popular-vote rules (src/race/plurality.ts, popularVote.ts,
// multiCandidateRule.ts decideDraw) on the draw's votes, counted into tallies that the JavaScript side adds
// into its totals at the end of a block (whole numbers: the order of the additions does not matter).
let mcParties: i32 = 0;
let mcInNational: usize = 0;
let mcWeight: usize = 0;
let mcSeatsToWin: f64 = 0;
let mcBins: i32 = 0;
let mcPerParty: usize = 0;
let mcWins: usize = 0;
let mcSlotWins: usize = 0;
let mcSeatCounts: usize = 0;
let mcMostSeats: usize = 0;

/**
 * Sets the rule's arrays: P parties, inNational (N i32, 0 for a unit outside national sums), weight (N f64,
 * seats), seatsToWin, bins = total seats + 1 (plurality); scratch perParty (P f64); tallies wins (P + 1
 * f64: per party, then no winner), slotWins (S f64), seatCounts (P × bins f64), mostSeats (P f64).
 */
export function setMultiCandidateRule(
  parties: i32, inNational: usize, weight: usize, seatsToWin: f64, bins: i32,
  perParty: usize, wins: usize, slotWins: usize, seatCounts: usize, mostSeats: usize,
): void {
  mcParties = parties;
  mcInNational = inNational;
  mcWeight = weight;
  mcSeatsToWin = seatsToWin;
  mcBins = bins;
  mcPerParty = perParty;
  mcWins = wins;
  mcSlotWins = slotWins;
  mcSeatCounts = seatCounts;
  mcMostSeats = mostSeats;
}

/** plurality.ts uniqueMaximum over the doubles at values[from .. to − 1]: the index of the largest, −1 on a tie at the top or none. */
// @ts-ignore: decorator
@inline function uniqueMaximum(values: usize, from: i32, to: i32): i32 {
  let best = -1;
  let bestValue = -Infinity;
  let tied = false;
  for (let i = from; i < to; i++) {
    const v = load<f64>(values + (<usize>i << 3));
    if (v > bestValue) {
      best = i;
      bestValue = v;
      tied = false;
    } else if (v == bestValue) tied = true;
  }
  return tied ? -1 : best;
}

// @ts-ignore: decorator
@inline function countAt(array: usize, index: i32): void {
  const at = array + (<usize>index << 3);
  store<f64>(at, load<f64>(at) + 1);
}

/**
 * Decides the last draw (multiCandidateDraw's votes) and counts it: rule 0 popular vote (the party with the
 * most national votes over the units in national sums; each unit's leader), rule 1 plurality (each unit's
 * winner, seats per party by weight, the party at seatsToWin, the seat histogram and the party alone with
 * the most seats). A tie at the top is no winner, as decideDraw counts it.
 */
export function multiCandidateDecide(rule: i32): void {
  const parties = mcParties;
  const perParty = mcPerParty;
  const votes = mcVotes;
  const unitStart = mcUnitStart;
  const slotParty = mcSlotParty;
  const slotWins = mcSlotWins;
  const units = mcUnits;
  memory.fill(perParty, 0, <usize>parties << 3);
  let winner = -1;
  let from = load<i32>(unitStart);
  if (rule == 0) {
    const inNational = mcInNational;
    for (let u = 0; u < units; u++) {
      const to = load<i32>(unitStart + (<usize>(u + 1) << 2));
      if (load<i32>(inNational + (<usize>u << 2)) != 0) {
        for (let s = from; s < to; s++) {
          const at = perParty + (<usize>load<i32>(slotParty + (<usize>s << 2)) << 3);
          store<f64>(at, load<f64>(at) + load<f64>(votes + (<usize>s << 3)));
        }
      }
      const lead = uniqueMaximum(votes, from, to);
      if (lead >= 0) countAt(slotWins, lead);
      from = to;
    }
    winner = uniqueMaximum(perParty, 0, parties);
  } else {
    const weight = mcWeight;
    for (let u = 0; u < units; u++) {
      const to = load<i32>(unitStart + (<usize>(u + 1) << 2));
      const won = uniqueMaximum(votes, from, to);
      if (won >= 0) {
        countAt(slotWins, won);
        const at = perParty + (<usize>load<i32>(slotParty + (<usize>won << 2)) << 3);
        store<f64>(at, load<f64>(at) + load<f64>(weight + (<usize>u << 3)));
      }
      from = to;
    }
    for (let k = 0; k < parties; k++) {
      if (load<f64>(perParty + (<usize>k << 3)) >= mcSeatsToWin) {
        winner = k;
        break;
      }
    }
    for (let k = 0; k < parties; k++) countAt(mcSeatCounts, k * mcBins + <i32>load<f64>(perParty + (<usize>k << 3)));
    const most = uniqueMaximum(perParty, 0, parties);
    if (most >= 0) countAt(mcMostSeats, most);
  }
  countAt(mcWins, winner >= 0 ? winner : parties);
}

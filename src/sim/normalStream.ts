/**
 * Seeded random streams for the simulation kernel: a fast 32-bit integer generator per block
 * (xoshiro128**), standard normals by the ziggurat method on its 32-bit output, and Student-t draws by
 * Bailey's polar method.
 *
 * Each block of draws gets its own generator seeded from (seed, block index): seedrandom's Alea hashes
 * the text `campaign-lab/<seed>/<block>` and its first four 32-bit outputs are the generator's state, so a
 * block's numbers do not depend on which thread runs it or on how many blocks ran before (determinism).
 *
 * xoshiro128** is Blackman & Vigna's generator (2018, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021): 128 bits of state, period 2^128 − 1, passing BigCrush; one output costs a dozen
 * integer operations on 32-bit words (two Math.imul).
 *
 * The simulation kernel draws this stream in WebAssembly (`fillNumbers` in src/sim/wasm/assembly/kernel.ts,
 * with these tables and the engine's Math.log and Math.expm1), written column-major for its SIMD loops,
 * its generator state in registers; the functions here are its plain reference ({@link fillDrawNumbers}),
 * and a test holds the two equal number for number.
 *
 * Normal numbers: the ziggurat method of Marsaglia & Tsang (2000), "The Ziggurat Method for Generating
 * Random Variables", Journal of Statistical Software 5(8), with 128 layers. One signed 32-bit output picks
 * a layer from its low 7 bits and a point in it from its value; in about 98.8 % of cases the point lies
 * under the density and the normal is that integer times a table constant. Otherwise a slow path (wedge
 * test with one more uniform, or Marsaglia's 1964 tail algorithm beyond r = 3.4426) decides, drawing more
 * numbers. The count of outputs a normal consumes therefore varies, but it depends only on the stream's
 * own values.
 */
import seedrandom from 'seedrandom';

/** A stream of uniform numbers in [0, 1) and standard normal numbers. */
export interface NormalStream {
  /** Uniform number in [0, 1), 32 bits of resolution (xoshiro128**). */
  uniform(): number;
  /** Standard normal number (mean 0, SD 1), by the ziggurat method. */
  normal(): number;
}

/** Layers of the ziggurat (a power of two: the layer is the integer's low bits). */
const LAYERS = 128;
/** Right edge of the base layer (Marsaglia & Tsang 2000, 128 layers). */
const ZIGGURAT_R = 3.442619855899;
/** Area of each layer, base strip with its tail included (Marsaglia & Tsang 2000, 128 layers). */
const ZIGGURAT_AREA = 9.91256303526217e-3;
/** 2^31: scale of the signed 32-bit integers. */
const TWO_31 = 2147483648;

/**
 * Ziggurat tables, built once at module load by the recurrence of Marsaglia & Tsang (2000):
 * x_127 = r, x_i = sqrt(−2 ln(v / x_{i+1} + f(x_{i+1}))), f(x) = exp(−x²/2).
 * `TABLE_K[i]`: integers of magnitude below it fall inside layer i's rectangle under the density;
 * `TABLE_W[i]`: multiplier from the integer to x; `TABLE_F[i]`: f at the layer's edge.
 */
const TABLE_K = new Float64Array(LAYERS);
const TABLE_W = new Float64Array(LAYERS);
const TABLE_F = new Float64Array(LAYERS);
// Exported for tests and other kernels; this module reads the unexported bindings, which V8 compiles
// as constants in hot loops (an exported binding is loaded through its module cell on every use).
export const ZIGGURAT_K = TABLE_K;
export const ZIGGURAT_W = TABLE_W;
export const ZIGGURAT_F = TABLE_F;
{
  let edge = ZIGGURAT_R;
  let previous = edge;
  const q = ZIGGURAT_AREA / Math.exp(-0.5 * edge * edge);
  TABLE_K[0] = (edge / q) * TWO_31;
  TABLE_K[1] = 0;
  TABLE_W[0] = q / TWO_31;
  TABLE_W[LAYERS - 1] = edge / TWO_31;
  TABLE_F[0] = 1;
  TABLE_F[LAYERS - 1] = Math.exp(-0.5 * edge * edge);
  for (let i = LAYERS - 2; i >= 1; i--) {
    edge = Math.sqrt(-2 * Math.log(ZIGGURAT_AREA / edge + Math.exp(-0.5 * edge * edge)));
    TABLE_K[i + 1] = (edge / previous) * TWO_31;
    previous = edge;
    TABLE_F[i] = Math.exp(-0.5 * edge * edge);
    TABLE_W[i] = edge / TWO_31;
  }
}

/**
 * The fast path's test on integers: |t| < TABLE_K[layer] for a signed 32-bit t is, with s = t >> 31
 * (0 or −1), (t ^ s) < TABLE_KI[(s & 128) | layer], where TABLE_KI[layer] = ceil(K) and
 * TABLE_KI[128 + layer] = ceil(K) − 1: for t >= 0, t ^ s = t and t < K ⇔ t < ceil(K); for t < 0,
 * t ^ s = −t − 1 and −t < K ⇔ −t − 1 < ceil(K) − 1. Every K is below 2^31, so the table fits in 32 bits
 * and the test needs neither Math.abs nor a conversion to double.
 */
const TABLE_KI = new Int32Array(2 * LAYERS);
for (let i = 0; i < LAYERS; i++) {
  const ceiling = Math.ceil(TABLE_K[i]);
  if (!(ceiling < TWO_31)) throw new Error(`ziggurat table: layer ${i} out of 32-bit range`);
  TABLE_KI[i] = ceiling;
  TABLE_KI[LAYERS + i] = ceiling - 1;
}
/** The fast path's integer bounds (by sign and layer), for other kernels (the WebAssembly loops). */
export const ZIGGURAT_KI = TABLE_KI;

/**
 * Text seed of one block's stream. Alea hashes the text, so neighbouring blocks get unrelated states.
 *
 * @param seed User seed (any finite number).
 * @param block Block index, 0-based.
 * @example
 * blockSeedText(2000, 3) // => "campaign-lab/2000/3"
 */
export function blockSeedText(seed: number, block: number): string {
  return `campaign-lab/${seed}/${block}`;
}

/** 2^-31: a signed 32-bit output times this is uniform on [−1, 1). */
const TWO_M31 = 1 / 2147483648;
/** 2^-32: an unsigned 32-bit output times this is uniform on [0, 1). */
const TWO_M32 = 1 / 4294967296;
/**
 * xoshiro128** state of one block, seeded from seedrandom's Alea hash of (seed, block): the four words
 * are Alea's first four 32-bit outputs (an all-zero state, which xoshiro cannot leave, becomes [1, 0, 0, 0]).
 *
 * @param seed User seed (any finite number).
 * @param block Block index, 0-based.
 * @returns Four 32-bit words [s0, s1, s2, s3]; the kernel advances them in place.
 * @example
 * blockGeneratorState(1, 0).length // => 4
 */
export function blockGeneratorState(seed: number, block: number): Int32Array {
  const alea = seedrandom.alea(blockSeedText(seed, block));
  const state = Int32Array.of(alea.int32(), alea.int32(), alea.int32(), alea.int32());
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}

/**
 * Next signed 32-bit output of a xoshiro128** state held in an array (advances the state): output
 * rotl(s1 × 5, 7) × 9, then t = s1 << 9, s2 ^= s0, s3 ^= s1, s1 ^= s2, s0 ^= s3, s2 ^= t,
 * s3 = rotl(s3, 11) (Blackman & Vigna's reference code). The kernel inlines the same operations on local
 * variables; this form serves the slow paths and the stream API.
 *
 * @param state xoshiro128** state [s0, s1, s2, s3] (modified).
 * @returns A signed 32-bit integer, uniform over the 2^32 values.
 * @example
 * nextInt32(Int32Array.of(1, 2, 3, 4)) // => 11520
 */
export function nextInt32(state: Int32Array): number {
  let s0 = state[0];
  let s1 = state[1];
  let s2 = state[2];
  let s3 = state[3];
  const m = Math.imul(s1, 5);
  const out = Math.imul((m << 7) | (m >>> 25), 9);
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = (s3 << 11) | (s3 >>> 21);
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return out;
}

/**
 * Slow path of the ziggurat, for a 32-bit integer `signed` whose point fell outside its layer's inner
 * rectangle: the tail (layer 0) by Marsaglia's exponential rejection, or the wedge test against the
 * density with one more uniform; on rejection a new integer is drawn and the method restarts
 * (Marsaglia & Tsang 2000, `nfix`). Kernels inline the fast path and call this for the rest.
 *
 * @param state xoshiro128** state the extra numbers come from (advanced in place).
 * @param signed The rejected signed 32-bit integer.
 * @returns A standard normal number.
 * @example
 * Number.isFinite(zigguratSlowPath(blockGeneratorState(1, 0), 2147483647)) // => true
 */
export function zigguratSlowPath(state: Int32Array, signed: number): number {
  let hz = signed;
  for (;;) {
    const layer = hz & (LAYERS - 1);
    const x = hz * TABLE_W[layer];
    if (layer === 0) {
      // Tail beyond r: x = −ln(u1) / r, accepted when −2 ln(u2) > x² (u in (0, 1]).
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(1 - (nextInt32(state) >>> 0) * TWO_M32) / ZIGGURAT_R;
        y = -Math.log(1 - (nextInt32(state) >>> 0) * TWO_M32);
      } while (y + y < tail * tail);
      return hz > 0 ? ZIGGURAT_R + tail : -ZIGGURAT_R - tail;
    }
    if (TABLE_F[layer] + (nextInt32(state) >>> 0) * TWO_M32 * (TABLE_F[layer - 1] - TABLE_F[layer]) < Math.exp(-0.5 * x * x)) return x;
    hz = nextInt32(state);
    const again = hz & (LAYERS - 1);
    if (Math.abs(hz) < TABLE_K[again]) return hz * TABLE_W[again];
  }
}

/**
 * Unit-SD Student-t draw by Bailey's polar method (see {@link unitStudentTFromUniforms}) on an xoshiro128**
 * state: u and v are signed 32-bit outputs × 2^-31, uniform on [−1, 1).
 *
 * @param state xoshiro128** state (advanced in place).
 * @param df Degrees of freedom, greater than 2.
 * @returns A t draw with SD 1.
 * @example
 * Number.isFinite(unitStudentTFromState(blockGeneratorState(1, 0), 6)) // => true
 */
export function unitStudentTFromState(state: Int32Array, df: number): number {
  let u: number;
  let w: number;
  do {
    u = nextInt32(state) * TWO_M31;
    const v = nextInt32(state) * TWO_M31;
    w = u * u + v * v;
  } while (w >= 1 || w === 0);
  return u * Math.sqrt(((df - 2) * Math.expm1((-2 / df) * Math.log(w))) / w);
}

/** What one simulated election draws, in this order: see {@link fillDrawNumbers}. */
export interface DrawLayout {
  /** Degrees of freedom of a leading unit-SD Student-t draw (> 2), or 0 for none. */
  studentT: number;
  /** Standard normals after it. */
  normals: number;
  /** Uniforms on [0, 1) after the normals. */
  uniforms: number;
}

/**
 * Numbers per draw of a layout: one for the Student-t (if any), the normals, the uniforms.
 *
 * @param layout The per-draw layout.
 * @returns The stride of a draw in a batch buffer.
 * @example
 * drawStride({ studentT: 6, normals: 60, uniforms: 1 }) // => 62
 */
export function drawStride(layout: DrawLayout): number {
  return (layout.studentT > 0 ? 1 : 0) + layout.normals + layout.uniforms;
}

/**
 * Fills `out` with the random numbers of `draws` consecutive draws, each laid out as {@link DrawLayout}
 * says (stride {@link drawStride}): the Student-t (Bailey's polar method), the ziggurat normals, the
 * uniforms. Within a draw, the normals first take one 32-bit output each on the ziggurat's fast path
 * (about 98.8 % are accepted there); the few rejected ones then go, in order, through the slow path,
 * which continues the same stream. A draw's numbers depend only on the state at its start,
 * so they are the same whatever the batch size, and the stream a draw consumes never depends on the model's
 * inputs beyond the layout.
 *
 * @param state xoshiro128** state (advanced in place).
 * @param out Buffer of at least draws × stride numbers.
 * @param draws Draws to fill.
 * @param layout What each draw takes.
 * @example
 * const out = new Float64Array(62 * 64);
 * fillDrawNumbers(blockGeneratorState(1, 0), out, 64, { studentT: 6, normals: 60, uniforms: 1 }); out[61] < 1 // => true (the first draw's uniform)
 */
export function fillDrawNumbers(state: Int32Array, out: Float64Array, draws: number, layout: DrawLayout): void {
  const df = layout.studentT;
  const normals = layout.normals;
  const uniforms = layout.uniforms;
  if (REJECTED_AT.length < normals) {
    REJECTED_AT = new Int32Array(normals);
    REJECTED_VALUE = new Int32Array(normals);
  }
  let o = 0;
  for (let draw = 0; draw < draws; draw++) {
    if (df > 0) out[o++] = unitStudentTFromState(state, df);
    const rejected = fastNormals(state, out, o, o + normals, REJECTED_AT, REJECTED_VALUE);
    for (let k = 0; k < rejected; k++) out[REJECTED_AT[k]] = zigguratSlowPath(state, REJECTED_VALUE[k]);
    o += normals;
    for (let k = 0; k < uniforms; k++) out[o++] = (nextInt32(state) >>> 0) * TWO_M32;
  }
}

/** Positions and integers of a draw's normals that left the fast path (grown to the largest draw). */
let REJECTED_AT = new Int32Array(128);
let REJECTED_VALUE = new Int32Array(128);

/**
 * Fast path of the ziggurat over out[from, end): one integer per normal, the layer test on integers
 * (TABLE_KI). An integer outside its layer's rectangle is recorded (position in `at`, value in `value`)
 * for the slow path, which runs after the loop and continues the same stream. Returns the number recorded.
 */
function fastNormals(state: Int32Array, out: Float64Array, from: number, end: number, at: Int32Array, value: Int32Array): number {
  let rejected = 0;
  for (let o = from; o < end; o++) {
    const t = nextInt32(state);
    const layer = t & 127;
    const sign = t >> 31;
    if ((t ^ sign) < TABLE_KI[(sign & 128) | layer]) {
      out[o] = t * TABLE_W[layer];
    } else {
      at[rejected] = o;
      value[rejected] = t;
      rejected++;
    }
  }
  return rejected;
}

/**
 * Standard normal number by the ziggurat method (Marsaglia & Tsang 2000, J. Stat. Softw. 5(8)) from an
 * xoshiro128** state. Usually one 32-bit output; see the module comment.
 *
 * @param state xoshiro128** state (advanced in place).
 * @returns A standard normal number; the sequence is a pure function of the state.
 * @example
 * zigguratNormal(blockGeneratorState(1, 0)) === zigguratNormal(blockGeneratorState(1, 0)) // => true
 */
export function zigguratNormal(state: Int32Array): number {
  const hz = nextInt32(state);
  const layer = hz & (LAYERS - 1);
  return Math.abs(hz) < TABLE_K[layer] ? hz * TABLE_W[layer] : zigguratSlowPath(state, hz);
}

/**
 * Creates the random stream of one block: uniforms and ziggurat normals from the block's xoshiro128** generator
 * (the same numbers the kernel draws, in call order).
 *
 * @param seed User seed.
 * @param block Block index, 0-based.
 * @returns A stream whose numbers are identical on every machine and thread for the same (seed, block).
 * @example
 * const s = createBlockStream(1, 0); const a = s.normal(); createBlockStream(1, 0).normal() === a // => true
 */
export function createBlockStream(seed: number, block: number): NormalStream {
  const state = blockGeneratorState(seed, block);
  return {
    uniform: () => (nextInt32(state) >>> 0) * TWO_M32,
    normal: () => zigguratNormal(state),
  };
}

/**
 * The block's uniform generator alone: xoshiro128** outputs as uniforms on [0, 1) with 32 bits of resolution.
 *
 * @param seed User seed.
 * @param block Block index, 0-based.
 * @returns A function returning uniforms in [0, 1).
 * @example
 * createBlockUniforms(1, 0)() === createBlockStream(1, 0).uniform() // => true
 */
export function createBlockUniforms(seed: number, block: number): () => number {
  const state = blockGeneratorState(seed, block);
  return () => (nextInt32(state) >>> 0) * TWO_M32;
}

/**
 * Student-t variate with `df` (> 2) degrees of freedom rescaled to unit standard deviation, by Bailey's
 * polar method (Bailey 1994, "Polar generation of random variates with the t-distribution", Mathematics of
 * Computation 62(206)): draw (u, v) uniform in the unit disc (pairs of uniforms on (−1, 1), rejected
 * outside the disc, on average 2.55 uniforms), w = u² + v²; then T = u × sqrt(df (w^(−2/df) − 1) / w)
 * has the t distribution with df degrees of freedom. Returned: T × sqrt((df − 2) / df), computed as
 * u × sqrt((df − 2) × expm1(−(2 / df) ln w) / w) so large df keep full precision.
 *
 * @param next Uniform generator in [0, 1).
 * @param df Degrees of freedom, greater than 2 (so the variance is finite).
 * @returns A t draw with SD 1.
 * @example
 * Number.isFinite(unitStudentTFromUniforms(createBlockUniforms(1, 0), 5)) // => true
 */
export function unitStudentTFromUniforms(next: () => number, df: number): number {
  let u: number;
  let w: number;
  do {
    u = 2 * next() - 1;
    const v = 2 * next() - 1;
    w = u * u + v * v;
  } while (w >= 1 || w === 0);
  return u * Math.sqrt(((df - 2) * Math.expm1((-2 / df) * Math.log(w))) / w);
}

/**
 * Chi-square variate with `df` (> 2) degrees of freedom: 2 × gamma(df / 2) by Marsaglia & Tsang, each
 * attempt taking one ziggurat normal and one uniform.
 *
 * @param stream Random stream.
 * @param df Degrees of freedom, greater than 2.
 * @returns A positive chi-square number.
 * @example
 * chiSquareVariate(createBlockStream(1, 0), 5) > 0 // => true
 */
export function chiSquareVariate(stream: NormalStream, df: number): number {
  return 2 * gammaVariate(stream, df / 2);
}

/**
 * Gamma variate with the given shape (>= 1) and scale 1, by Marsaglia & Tsang (2000, ACM TOMS 26(3)).
 * The number of stream values consumed depends only on the stream, never on campaign inputs, so common
 * random numbers stay paired across runs that change campaigns.
 *
 * @param stream Random stream.
 * @param shape Shape parameter, at least 1.
 * @returns A positive gamma(shape, 1) number.
 * @example
 * gammaVariate(createBlockStream(1, 0), 3) > 0 // => true
 */
export function gammaVariate(stream: NormalStream, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = stream.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - stream.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Student-t variate with `df` degrees of freedom rescaled to unit standard deviation, from a stream's
 * uniforms by Bailey's polar method (see {@link unitStudentTFromUniforms}).
 *
 * @param stream Random stream.
 * @param df Degrees of freedom, greater than 2 (so the variance is finite).
 * @returns A t draw with SD 1.
 * @example
 * Number.isFinite(unitStudentT(createBlockStream(1, 0), 6)) // => true
 */
export function unitStudentT(stream: NormalStream, df: number): number {
  return unitStudentTFromUniforms(stream.uniform, df);
}

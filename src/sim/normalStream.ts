/**
 * Seeded random streams for the simulation kernel: uniform numbers from seedrandom's Alea generator,
 * standard normals by the ziggurat method, and Student-t draws by Bailey's polar method.
 *
 * Each block of draws gets its own stream seeded from (seed, block index), so a block's numbers do not
 * depend on which thread runs it or on how many blocks ran before (determinism).
 *
 * Normal numbers: the ziggurat method of Marsaglia & Tsang (2000), "The Ziggurat Method for Generating
 * Random Variables", Journal of Statistical Software 5(8), with 128 layers. One 32-bit signed integer
 * (Alea's output × 2^32, truncated: what Alea's own `int32()` returns) picks a layer from its low 7 bits
 * and a point in it from its value; in about 98.8 % of cases the point lies under the density and the
 * normal is that integer times a table constant. Otherwise a slow path (wedge test with one more uniform,
 * or Marsaglia's 1964 tail algorithm beyond r = 3.4426) decides, drawing more numbers. The count of
 * uniforms a normal consumes therefore varies, but it depends only on the stream's own values.
 */
import seedrandom from 'seedrandom';

/** A stream of uniform numbers in [0, 1) and standard normal numbers. */
export interface NormalStream {
  /** Uniform number in [0, 1), 32 bits of resolution (Alea). */
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
/** 2^32: Alea's uniform times this is its 32-bit output. */
const TWO_32 = 4294967296;

/**
 * Ziggurat tables, built once at module load by the recurrence of Marsaglia & Tsang (2000):
 * x_127 = r, x_i = sqrt(−2 ln(v / x_{i+1} + f(x_{i+1}))), f(x) = exp(−x²/2).
 * `ZIGGURAT_K[i]`: integers of magnitude below it fall inside layer i's rectangle under the density;
 * `ZIGGURAT_W[i]`: multiplier from the integer to x; `ZIGGURAT_F[i]`: f at the layer's edge.
 */
export const ZIGGURAT_K = new Float64Array(LAYERS);
export const ZIGGURAT_W = new Float64Array(LAYERS);
export const ZIGGURAT_F = new Float64Array(LAYERS);
{
  let edge = ZIGGURAT_R;
  let previous = edge;
  const q = ZIGGURAT_AREA / Math.exp(-0.5 * edge * edge);
  ZIGGURAT_K[0] = (edge / q) * TWO_31;
  ZIGGURAT_K[1] = 0;
  ZIGGURAT_W[0] = q / TWO_31;
  ZIGGURAT_W[LAYERS - 1] = edge / TWO_31;
  ZIGGURAT_F[0] = 1;
  ZIGGURAT_F[LAYERS - 1] = Math.exp(-0.5 * edge * edge);
  for (let i = LAYERS - 2; i >= 1; i--) {
    edge = Math.sqrt(-2 * Math.log(ZIGGURAT_AREA / edge + Math.exp(-0.5 * edge * edge)));
    ZIGGURAT_K[i + 1] = (edge / previous) * TWO_31;
    previous = edge;
    ZIGGURAT_F[i] = Math.exp(-0.5 * edge * edge);
    ZIGGURAT_W[i] = edge / TWO_31;
  }
}

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

/**
 * Slow path of the ziggurat, for a 32-bit integer `signed` whose point fell outside its layer's inner
 * rectangle: the tail (layer 0) by Marsaglia's exponential rejection, or the wedge test against the
 * density with one more uniform; on rejection a new integer is drawn and the method restarts
 * (Marsaglia & Tsang 2000, `nfix`). Kernels inline the fast path and call this for the rest.
 *
 * @param next Uniform generator in [0, 1) (Alea).
 * @param signed The rejected signed 32-bit integer.
 * @returns A standard normal number.
 * @example
 * Number.isFinite(zigguratSlowPath(createBlockUniforms(1, 0), 2147483647)) // => true
 */
export function zigguratSlowPath(next: () => number, signed: number): number {
  let hz = signed;
  for (;;) {
    const layer = hz & (LAYERS - 1);
    const x = hz * ZIGGURAT_W[layer];
    if (layer === 0) {
      // Tail beyond r: x = −ln(u1) / r, accepted when −2 ln(u2) > x² (1 − u lies in (0, 1]).
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(1 - next()) / ZIGGURAT_R;
        y = -Math.log(1 - next());
      } while (y + y < tail * tail);
      return hz > 0 ? ZIGGURAT_R + tail : -ZIGGURAT_R - tail;
    }
    if (ZIGGURAT_F[layer] + next() * (ZIGGURAT_F[layer - 1] - ZIGGURAT_F[layer]) < Math.exp(-0.5 * x * x)) return x;
    hz = (next() * TWO_32) | 0;
    const again = hz & (LAYERS - 1);
    if (Math.abs(hz) < ZIGGURAT_K[again]) return hz * ZIGGURAT_W[again];
  }
}

/**
 * Standard normal number by the ziggurat method (Marsaglia & Tsang 2000, J. Stat. Softw. 5(8)), from
 * Alea's 32-bit output. Usually one uniform; see the module comment.
 *
 * @param next Uniform generator in [0, 1) (Alea).
 * @returns A standard normal number; the sequence is a pure function of the generator's state.
 * @example
 * const a = zigguratNormal(createBlockUniforms(1, 0)); zigguratNormal(createBlockUniforms(1, 0)) === a // => true
 */
export function zigguratNormal(next: () => number): number {
  const hz = (next() * TWO_32) | 0;
  const layer = hz & (LAYERS - 1);
  return Math.abs(hz) < ZIGGURAT_K[layer] ? hz * ZIGGURAT_W[layer] : zigguratSlowPath(next, hz);
}

/**
 * Creates the random stream of one block: Alea uniforms and ziggurat normals from the same generator.
 *
 * @param seed User seed.
 * @param block Block index, 0-based.
 * @returns A stream whose numbers are identical on every machine and thread for the same (seed, block).
 * @example
 * const s = createBlockStream(1, 0); const a = s.normal(); createBlockStream(1, 0).normal() === a // => true
 */
export function createBlockStream(seed: number, block: number): NormalStream {
  const next = seedrandom.alea(blockSeedText(seed, block));
  return {
    uniform: next,
    normal: () => zigguratNormal(next),
  };
}

/**
 * The block's uniform generator alone (seedrandom's Alea), for kernels that inline the ziggurat.
 *
 * @param seed User seed.
 * @param block Block index, 0-based.
 * @returns A function returning uniforms in [0, 1).
 * @example
 * createBlockUniforms(1, 0)() === createBlockStream(1, 0).uniform() // => true
 */
export function createBlockUniforms(seed: number, block: number): () => number {
  return seedrandom.alea(blockSeedText(seed, block));
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
 * Chi-square variate with `df` (> 2) degrees of freedom from a uniform generator: 2 × gamma(df / 2) by
 * Marsaglia & Tsang, each attempt taking one ziggurat normal and one uniform.
 *
 * @param next Uniform generator in [0, 1).
 * @param df Degrees of freedom, at least 2.
 * @returns A positive chi-square number.
 * @example
 * chiSquareFromUniforms(createBlockUniforms(1, 0), 5) > 0 // => true
 */
export function chiSquareFromUniforms(next: () => number, df: number): number {
  const d = df / 2 - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = zigguratNormal(next);
    let v = 1 + c * x;
    const u = 1 - next();
    if (v <= 0) continue;
    v = v * v * v;
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return 2 * d * v;
  }
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

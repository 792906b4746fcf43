/**
 * Seeded random streams for the simulation kernel: uniform numbers from seedrandom's Alea generator,
 * standard normals by the Box–Muller transform, and Student-t draws through a gamma variate.
 *
 * Each block of draws gets its own stream seeded from (seed, block index), so a block's numbers do not
 * depend on which thread runs it or on how many blocks ran before (DESIGN.md §3, determinism).
 */
import seedrandom from 'seedrandom';

/** A stream of uniform numbers in [0, 1) and standard normal numbers. */
export interface NormalStream {
  /** Uniform number in [0, 1), 32 bits of resolution (Alea). */
  uniform(): number;
  /** Standard normal number (mean 0, SD 1). */
  normal(): number;
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
 * Creates the random stream of one block.
 *
 * Normals come from the Box–Muller transform (Box & Muller 1958, Ann. Math. Stat. 29(2)): two uniforms
 * give two independent normals; the second is kept for the next call, so the sequence of normals is a
 * pure function of the seed text.
 *
 * @param seed User seed.
 * @param block Block index, 0-based.
 * @returns A stream whose numbers are identical on every machine and thread for the same (seed, block).
 * @example
 * const s = createBlockStream(1, 0); const a = s.normal(); createBlockStream(1, 0).normal() === a // => true
 */
export function createBlockStream(seed: number, block: number): NormalStream {
  const next = seedrandom.alea(blockSeedText(seed, block));
  let spare = 0;
  let hasSpare = false;
  return {
    uniform: next,
    normal(): number {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      // 1 - u lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spare = radius * Math.sin(angle);
      hasSpare = true;
      return radius * Math.cos(angle);
    },
  };
}

/**
 * The block's uniform generator alone (seedrandom's Alea), for kernels that do their own Box–Muller
 * pairs inline.
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
 * Chi-square variate with `df` (> 2) degrees of freedom from a uniform generator: 2 × gamma(df / 2) by
 * Marsaglia & Tsang, each attempt taking one Box–Muller pair (cosine branch) and one uniform.
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
    const x = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
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
 * Student-t variate with `df` degrees of freedom rescaled to unit standard deviation:
 * Z / sqrt(V / df) × sqrt((df − 2) / df), with Z normal and V chi-square(df) = 2 × gamma(df / 2).
 *
 * @param stream Random stream.
 * @param df Degrees of freedom, greater than 2 (so the variance is finite).
 * @returns A t draw with SD 1.
 * @example
 * Number.isFinite(unitStudentT(createBlockStream(1, 0), 6)) // => true
 */
export function unitStudentT(stream: NormalStream, df: number): number {
  const z = stream.normal();
  const chiSquare = 2 * gammaVariate(stream, df / 2);
  return z * Math.sqrt((df - 2) / chiSquare);
}

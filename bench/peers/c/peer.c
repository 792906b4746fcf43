/*
 * The peer model in C, written for speed: the electoral-college Monte Carlo of numpy_peer.py (the 2016
 * map, 56 units) as a C programmer who wants every cycle would write it, to hold campaign-lab's kernel
 * against (issue 25). Same model: national Student-t (6 df) scaled to SD 2.5 pp, one normal per Census
 * region (4, SD 1.5), one normal per unit (SD 2.5), one uniform(0, 1) effect per simulation worth 50,000
 * net votes per unit (100 × 50,000 / two-party votes pp of margin); 270 electoral votes win, 269 is a
 * tie. Like the kernel it also finds each draw's tipping unit and counts the draws each unit is won.
 *
 *   cc -O3 -march=native -pthread -o peer bench/peers/c/peer.c -lm
 *   ./peer [DATA_DIR] [SIMULATIONS] [--threads N] [--seed S] [--json]
 *
 * DATA_DIR is the project's data/ folder (us_president_results.csv, us_units.csv; default ./data).
 * Prints numpy_peer.py's one-line summary (units, sims, pWinD, pTie, seconds, electionsPerSecond), then
 * threads, CPU seconds, the five most frequent tipping units and the sum of the unit win rates (a
 * checksum); --json prints one JSON object with every unit's win rate and tipping share instead.
 * Bad input: a message naming the file, line and column, exit code 2.
 *
 * What makes it fast (bench/peers/README.md says more):
 * - Eight xoshiro128** streams (Blackman & Vigna 2018) in the eight 32-bit lanes of one vector (GCC/Clang
 *   vector extensions: AVX2 with -march=native, SSE or NEON elsewhere), their state in four registers.
 *   Lanes run along the units of one draw: one vector step gives eight units' numbers.
 * - Ziggurat normals (Marsaglia & Tsang 2000, 256 layers) eight at a time: one 32-bit integer per
 *   normal on the fast path (8 bits pick the layer, the other 24 the signed value; 98.5 % accepted), the
 *   table lookups as scalar loads (AVX2 gathers with -DPEER_GATHER: slower on this Zen 1); the rejected
 *   go through the exact slow path after the batch, on their lane's own stream, so the numbers do not
 *   depend on timing. 256 layers rather than 128: 6-9 % faster here (half the slow paths and their exp).
 * - Student-t by Bailey's polar method (1994) from two of the draw's integers, its W^(-1/3) by Newton
 *   steps over a batch of draws (vectorised, no libm call), rejections redrawn after the batch.
 * - Per draw, the margins of eight units per instruction, float; the electoral votes and the unit wins
 *   accumulated eight units per instruction; the signs kept as 64-bit masks (one bit per unit).
 * - Tipping unit, with no sort and no data-dependent branch but one: the winner's keys (margin over all
 *   votes; +inf for the loser's units) stay in seven vector registers; each pass takes out the smallest
 *   (a vector minimum, one compare per vector for its position) and adds its weight, until the weight
 *   taken exceeds the surplus (winner's votes − 270): that unit tips the race. About three passes a draw.
 * - Threads (pthreads) take blocks of 8,192 draws from an atomic counter; each block's eight streams are
 *   seeded from (seed, block) by SplitMix64 and every accumulator is an integer count, so the results do
 *   not depend on the number of threads.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __AVX2__
#include <immintrin.h>
#endif

#define LANES 8
#define MAX_UNITS 56          /* a draw's numbers and signs fit 64-bit masks: 7 vectors of units, 1 of the rest */
#define MAX_VECTORS 8
#define BATCH 64              /* draws whose numbers are generated together (16 KiB of normals) */
#define BLOCK 8192            /* draws per block: the unit of seeding and of work between threads */
#define REGIONS 4
#define EFFECT_VOTES 50000.0  /* net votes of the uniform effect per unit at its full value */
#define DF 6.0                /* national Student-t degrees of freedom */
#define NATIONAL_SD 2.5
#define REGIONAL_SD 1.5
#define UNIT_SD 2.5
#define YEAR "2016"

typedef uint32_t u32x8 __attribute__((vector_size(32)));
typedef int32_t i32x8 __attribute__((vector_size(32)));
typedef float f32x8 __attribute__((vector_size(32)));

/* ---------------------------------------------------------------- the model */

static int units, vectors;                 /* vectors = ceil(units / 8); numbers per draw = 8 × (vectors + 1) */
static char ids[MAX_UNITS][16];            /* in storage order (closest baseline margin first) */
static int weight[64];
static int totalWeight, threshold;
static uint64_t validBits;                 /* one bit per stored unit */
static f32x8 baseV[MAX_VECTORS], shiftV[MAX_VECTORS], shareV[MAX_VECTORS], weightFV[MAX_VECTORS];
static i32x8 weightV[MAX_VECTORS], regionV[MAX_VECTORS];

static void fail(const char *file, int line, const char *what) {
  if (line > 0) fprintf(stderr, "peer: %s line %d: %s\n", file, line, what);
  else fprintf(stderr, "peer: %s: %s\n", file, what);
  exit(2);
}

/* Reads a whole text file (NUL-terminated). */
static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) fail(path, 0, strerror(errno));
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)n + 1);
  if (!text || fread(text, 1, (size_t)n, f) != (size_t)n) fail(path, 0, "could not be read");
  text[n] = 0;
  fclose(f);
  return text;
}

/* The next non-empty line of `*at` (NUL-terminated in place), counting lines in *lineNo; NULL at the end. */
static char *nextLine(char **at, int *lineNo) {
  for (;;) {
    char *p = *at;
    if (*p == 0) return NULL;
    char *end = p + strcspn(p, "\n");
    *at = *end ? end + 1 : end;
    if (end > p && end[-1] == '\r') end[-1] = 0;
    *end = 0;
    ++*lineNo;
    if (*p) return p;
  }
}

/* Splits one CSV line (no quoted fields: the data/ tables have none, and one is refused) into cells. */
static int split(char *line, char **cells, int max, const char *file, int lineNo) {
  int n = 0;
  for (char *p = line;;) {
    if (n == max) fail(file, lineNo, "more cells than the header");
    cells[n++] = p;
    char *comma = strchr(p, ',');
    if (strchr(p, '"') && (!comma || strchr(p, '"') < comma)) fail(file, lineNo, "a quoted cell (this reader expects none)");
    if (!comma) break;
    *comma = 0;
    p = comma + 1;
  }
  return n;
}

static int column(char **header, int n, const char *name, const char *file) {
  for (int k = 0; k < n; k++)
    if (strcmp(header[k], name) == 0) return k;
  char what[128];
  snprintf(what, sizeof what, "no column \"%s\" in the header", name);
  fail(file, 1, what);
  return -1;
}

static long count(const char *cell, const char *name, const char *file, int lineNo) {
  char *end;
  errno = 0;
  long v = strtol(cell, &end, 10);
  if (errno || end == cell || *end || v < 0) {
    char what[160];
    snprintf(what, sizeof what, "column %s: expected a non-negative integer, found \"%.40s\"", name, cell);
    fail(file, lineNo, what);
  }
  return v;
}

typedef struct {
  char id[16];
  long d, r, other;
  int ev, region;
  double margin;
} Unit;

static int byCloseness(const void *a, const void *b) {
  const Unit *x = a, *y = b;
  double dx = fabs(x->margin), dy = fabs(y->margin);
  return dx < dy ? -1 : dx > dy ? 1 : 0;
}

/* Loads the 2016 units from DATA_DIR/us_president_results.csv and their Census regions from us_units.csv. */
static void loadModel(const char *dir) {
  static const char *regionNames[REGIONS] = {"Northeast", "Midwest", "South", "West"};
  char path[4096];
  Unit list[MAX_UNITS];
  int n = 0;
  snprintf(path, sizeof path, "%s/us_president_results.csv", dir);
  char *text = slurp(path);
  char *at = text, *cells[32], *header[32];
  int lineNo = 0;
  char *line = nextLine(&at, &lineNo);
  if (!line) fail(path, 1, "empty file");
  int h = split(line, header, 32, path, 1);
  int cYear = column(header, h, "year", path), cId = column(header, h, "id", path), cD = column(header, h, "D", path),
      cR = column(header, h, "R", path), cOther = column(header, h, "other", path), cEv = column(header, h, "electoral_votes", path);
  while ((line = nextLine(&at, &lineNo))) {
    int k = split(line, cells, 32, path, lineNo);
    if (k != h) fail(path, lineNo, "a row with fewer cells than the header");
    if (strcmp(cells[cYear], YEAR) != 0) continue;
    if (n == MAX_UNITS) fail(path, lineNo, "more than 56 units in " YEAR);
    Unit *u = &list[n++];
    if (strlen(cells[cId]) >= sizeof u->id) fail(path, lineNo, "column id: an id longer than 15 characters");
    strcpy(u->id, cells[cId]);
    u->d = count(cells[cD], "D", path, lineNo);
    u->r = count(cells[cR], "R", path, lineNo);
    u->other = count(cells[cOther], "other", path, lineNo);
    u->ev = (int)count(cells[cEv], "electoral_votes", path, lineNo);
    if (u->d + u->r == 0) fail(path, lineNo, "D + R is 0 (no two-party vote)");
    u->margin = 100.0 * (double)(u->d - u->r) / (double)(u->d + u->r);
    u->region = -1;
  }
  free(text);
  if (n == 0) fail(path, 0, "no row of " YEAR);
  snprintf(path, sizeof path, "%s/us_units.csv", dir);
  text = slurp(path);
  at = text;
  lineNo = 0;
  line = nextLine(&at, &lineNo);
  if (!line) fail(path, 1, "empty file");
  h = split(line, header, 32, path, 1);
  int cUnit = column(header, h, "id", path), cRegion = column(header, h, "census_region", path);
  while ((line = nextLine(&at, &lineNo))) {
    int k = split(line, cells, 32, path, lineNo);
    if (k != h) fail(path, lineNo, "a row with fewer cells than the header");
    int region = -1;
    for (int r = 0; r < REGIONS; r++)
      if (strcmp(cells[cRegion], regionNames[r]) == 0) region = r;
    if (region < 0) {
      char what[160];
      snprintf(what, sizeof what, "column census_region: expected Northeast, Midwest, South or West, found \"%.40s\"", cells[cRegion]);
      fail(path, lineNo, what);
    }
    for (int i = 0; i < n; i++)
      if (strcmp(list[i].id, cells[cUnit]) == 0) list[i].region = region;
  }
  free(text);
  for (int i = 0; i < n; i++)
    if (list[i].region < 0) {
      char what[96];
      snprintf(what, sizeof what, "unit %s of the results has no row", list[i].id);
      fail(path, 0, what);
    }
  /* Storage order: closest baseline margin first (stable: equal margins keep the file's order). */
  {
    Unit sorted[MAX_UNITS];
    memcpy(sorted, list, sizeof(Unit) * n);
    /* insertion sort: stable */
    for (int i = 1; i < n; i++) {
      Unit x = sorted[i];
      int j = i;
      while (j > 0 && byCloseness(&sorted[j - 1], &x) > 0) { sorted[j] = sorted[j - 1]; j--; }
      sorted[j] = x;
    }
    memcpy(list, sorted, sizeof(Unit) * n);
  }
  units = n;
  vectors = (n + LANES - 1) / LANES;
  totalWeight = 0;
  validBits = (1ull << n) - 1;
  float base[64] = {0}, shift[64] = {0}, share[64] = {0};
  int region[64] = {0};
  for (int i = 0; i < n; i++) {
    Unit *u = &list[i];
    strcpy(ids[i], u->id);
    weight[i] = u->ev;
    totalWeight += u->ev;
    base[i] = (float)u->margin;
    shift[i] = (float)(100.0 * EFFECT_VOTES / (double)(u->d + u->r));
    share[i] = (float)((double)(u->d + u->r) / (double)(u->d + u->r + u->other));
    region[i] = u->region;
  }
  threshold = totalWeight / 2 + 1;
  for (int v = 0; v < vectors; v++)
    for (int j = 0; j < LANES; j++) {
      int i = v * LANES + j;
      baseV[v][j] = i < n ? base[i] : -1.0f; /* padding: a loss counted nowhere (masked by validBits) */
      shiftV[v][j] = shift[i];
      shareV[v][j] = share[i];
      weightV[v][j] = i < n ? weight[i] : 0;
      weightFV[v][j] = (float)weightV[v][j];
      regionV[v][j] = region[i];
    }
}

/* ---------------------------------------------------------------- random numbers */

/* Ziggurat tables (Marsaglia & Tsang 2000, 256 layers) for a signed 24-bit value: |hz| < zigK[i] accepts hz × zigW[i]. */
#define ZIG_LAYERS 256
static int32_t zigK[ZIG_LAYERS];
static float zigW[ZIG_LAYERS];
static double zigWd[ZIG_LAYERS], zigF[ZIG_LAYERS];
#define ZIG_R 3.6541528853610088
#define ZIG_V 4.92867323399e-3
#define ZIG_M 8388608.0 /* 2^23 */

static void zigguratTables(void) {
  double dn = ZIG_R, tn = dn;
  double q = ZIG_V / exp(-0.5 * dn * dn);
  zigK[0] = (int32_t)((dn / q) * ZIG_M);
  zigK[1] = 0;
  zigWd[0] = q / ZIG_M;
  zigWd[ZIG_LAYERS - 1] = dn / ZIG_M;
  zigF[0] = 1.0;
  zigF[ZIG_LAYERS - 1] = exp(-0.5 * dn * dn);
  for (int i = ZIG_LAYERS - 2; i >= 1; i--) {
    dn = sqrt(-2.0 * log(ZIG_V / dn + exp(-0.5 * dn * dn)));
    zigK[i + 1] = (int32_t)((dn / tn) * ZIG_M);
    tn = dn;
    zigF[i] = exp(-0.5 * dn * dn);
    zigWd[i] = dn / ZIG_M;
  }
  for (int i = 0; i < ZIG_LAYERS; i++) zigW[i] = (float)zigWd[i];
}

typedef struct {
  u32x8 s0, s1, s2, s3;
} Streams;

static inline u32x8 rotl(u32x8 x, int k) { return (x << k) | (x >> (32 - k)); }

/* xoshiro128** in eight lanes. */
static inline u32x8 nextVector(Streams *g) {
  u32x8 s1 = g->s1;
  u32x8 m = (s1 << 2) + s1;
  u32x8 r = rotl(m, 7);
  u32x8 out = (r << 3) + r;
  u32x8 t = s1 << 9;
  g->s2 ^= g->s0;
  g->s3 ^= s1;
  g->s1 = s1 ^ g->s2;
  g->s0 ^= g->s3;
  g->s2 ^= t;
  g->s3 = rotl(g->s3, 11);
  return out;
}

/* One lane's stream, stepped alone (the slow paths). */
static inline uint32_t nextLane(Streams *g, int lane) {
  uint32_t s0 = g->s0[lane], s1 = g->s1[lane], s2 = g->s2[lane], s3 = g->s3[lane];
  uint32_t m = s1 * 5u;
  uint32_t out = ((m << 7) | (m >> 25)) * 9u;
  uint32_t t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = (s3 << 11) | (s3 >> 21);
  g->s0[lane] = s0;
  g->s1[lane] = s1;
  g->s2[lane] = s2;
  g->s3[lane] = s3;
  return out;
}

/* Uniform on (0, 1]. */
static inline double uniformLane(Streams *g, int lane) { return ((nextLane(g, lane) >> 8) + 1) * (1.0 / 16777216.0); }

static inline uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* The eight streams of a block, from (seed, block). */
static void seedStreams(Streams *g, uint64_t seed, uint64_t block) {
  uint64_t x = seed * 0xD1B54A32D192ED03ull ^ (block + 1) * 0x8CB92BA72F3D8DD7ull;
  for (int j = 0; j < LANES; j++) {
    uint64_t a = splitmix64(&x), b = splitmix64(&x);
    g->s0[j] = (uint32_t)a;
    g->s1[j] = (uint32_t)(a >> 32);
    g->s2[j] = (uint32_t)b;
    g->s3[j] = (uint32_t)(b >> 32) | 1u; /* never the all-zero state */
  }
}

/* The ziggurat's slow path for a rejected integer, on its lane's stream (Marsaglia & Tsang's nfix). */
static float zigguratSlow(uint32_t u, Streams *g, int lane) {
  for (;;) {
    int32_t hz = (int32_t)u >> 8;
    int iz = (int)(u & (ZIG_LAYERS - 1));
    int32_t a = hz < 0 ? -hz : hz;
    if (a < zigK[iz]) return (float)(hz * zigWd[iz]);
    double x = hz * zigWd[iz];
    if (iz == 0) {
      double tail, y;
      do {
        tail = -log(uniformLane(g, lane)) / ZIG_R;
        y = -log(uniformLane(g, lane));
      } while (y + y < tail * tail);
      return (float)(hz > 0 ? ZIG_R + tail : -ZIG_R - tail);
    }
    if (zigF[iz] + uniformLane(g, lane) * (zigF[iz - 1] - zigF[iz]) < exp(-0.5 * x * x)) return (float)x;
    u = nextLane(g, lane);
  }
}

static inline unsigned mask8(i32x8 m) {
#ifdef __AVX2__
  return (unsigned)_mm256_movemask_ps((__m256)m);
#else
  unsigned r = 0;
  for (int j = 0; j < LANES; j++) r |= (unsigned)(m[j] & 1) << j;
  return r;
#endif
}

static inline f32x8 permute(f32x8 v, i32x8 index) {
#ifdef __AVX2__
  return (f32x8)_mm256_permutevar8x32_ps((__m256)v, (__m256i)index);
#else
  f32x8 r;
  for (int j = 0; j < LANES; j++) r[j] = v[index[j] & 7];
  return r;
#endif
}

/* Lanes of `a` where `mask` is set (−1), of `b` elsewhere. */
static inline f32x8 select8(i32x8 mask, f32x8 a, f32x8 b) {
#ifdef __AVX2__
  return (f32x8)_mm256_blendv_ps((__m256)b, (__m256)a, (__m256)mask);
#else
  return (f32x8)(((i32x8)a & mask) | ((i32x8)b & ~mask));
#endif
}

static inline f32x8 min8(f32x8 a, f32x8 b) {
#ifdef __AVX2__
  return (f32x8)_mm256_min_ps((__m256)a, (__m256)b);
#else
  return select8(a < b, a, b);
#endif
}

/* Ziggurat fast path on eight integers: the normals, and the lanes rejected (−1). */
static inline f32x8 zigguratFast(u32x8 u, i32x8 *rejected) {
  i32x8 hz = (i32x8)u >> 8;
  i32x8 iz = (i32x8)(u & (ZIG_LAYERS - 1));
#if defined(__AVX2__) && defined(PEER_GATHER) /* AVX2 gathers: slower than scalar loads on Zen 1 and 2, faster on recent cores */
  i32x8 k = (i32x8)_mm256_i32gather_epi32(zigK, (__m256i)iz, 4);
  f32x8 w = (f32x8)_mm256_i32gather_ps(zigW, (__m256i)iz, 4);
#else
  i32x8 k;
  f32x8 w;
  for (int j = 0; j < LANES; j++) {
    k[j] = zigK[iz[j]];
    w[j] = zigW[iz[j]];
  }
#endif
  i32x8 sign = hz >> 31;
  i32x8 a = (hz ^ sign) - sign;
  *rejected = a >= k;
  return __builtin_convertvector(hz, f32x8) * w;
}

/* ---------------------------------------------------------------- the draws */

typedef struct {
  uint64_t winsD, ties;
  uint64_t unitWins[64];
  uint64_t tipping[64];
} Totals;

typedef struct {
  float z[BATCH][MAX_VECTORS * LANES] __attribute__((aligned(32)));
  uint32_t raw[BATCH][MAX_VECTORS * LANES] __attribute__((aligned(32)));
  uint64_t rejected[BATCH];
  double t[BATCH], effect[BATCH];
  float key[64] __attribute__((aligned(32)));
} Work;

/* W^(−1/3) for W in (0, 1]: a bit-level first guess, then Newton steps y ← y (4 − W y³) / 3 (relative error < 1e-12). */
static inline double inverseCubeRoot(double w) {
  float f = (float)w;
  uint32_t i;
  memcpy(&i, &f, 4);
  i = 0x54a2fa8cu - i / 3;
  memcpy(&f, &i, 4);
  double y = f;
  for (int k = 0; k < 4; k++) y = y * (4.0 - w * y * y * y) * (1.0 / 3.0);
  return y;
}

/* Runs `draws` draws of one block into `out`. */
static void runBlock(uint64_t seed, uint64_t block, int draws, Totals *out, Work *work) {
  Streams g;
  seedStreams(&g, seed, block);
  const int V = vectors;
  const int special = V * LANES; /* lanes 0–3 region normals, 4–5 the t's polar pair, 6 the effect */
  const double tScale = NATIONAL_SD / sqrt(DF / (DF - 2.0));
  i32x8 wins[MAX_VECTORS] = {{0}};
  uint32_t tipping[64] = {0};
  uint32_t winsD = 0, ties = 0;
  for (int first = 0; first < draws; first += BATCH) {
    const int n = draws - first < BATCH ? draws - first : BATCH;
    /* 1. numbers: V + 1 vectors of eight integers per draw, the ziggurat's fast path on all but the last
     * vector's lanes 4–7. */
    for (int d = 0; d < n; d++) {
      uint64_t rejected = 0;
      for (int v = 0; v <= V; v++) {
        u32x8 u = nextVector(&g);
        i32x8 bad;
        f32x8 x = zigguratFast(u, &bad);
        *(f32x8 *)&work->z[d][v * LANES] = x;
        *(u32x8 *)&work->raw[d][v * LANES] = u;
        rejected |= (uint64_t)mask8(bad) << (v * LANES);
      }
      work->rejected[d] = rejected & (validBits | (0xFull << special));
    }
    /* 2. the rejected normals, in draw and unit order, each on its lane's stream */
    for (int d = 0; d < n; d++)
      for (uint64_t m = work->rejected[d]; m; m &= m - 1) {
        int q = __builtin_ctzll(m);
        work->z[d][q] = zigguratSlow(work->raw[d][q], &g, q & 7);
      }
    /* 3. the national t (Bailey's polar method): pairs outside the unit disc redrawn on lane 4 */
    for (int d = 0; d < n; d++) {
      double a = (int32_t)work->raw[d][special + 4] * (1.0 / 2147483648.0);
      double b = (int32_t)work->raw[d][special + 5] * (1.0 / 2147483648.0);
      double w = a * a + b * b;
      while (w > 1.0 || w == 0.0) {
        a = (int32_t)nextLane(&g, 4) * (1.0 / 2147483648.0);
        b = (int32_t)nextLane(&g, 4) * (1.0 / 2147483648.0);
        w = a * a + b * b;
      }
      work->t[d] = a;
      work->effect[d] = w; /* W, until the loop below */
    }
    for (int d = 0; d < n; d++) {
      double w = work->effect[d];
      double r = DF * (inverseCubeRoot(w) - 1.0); /* ν (W^(−2/ν) − 1), ν = 6 */
      work->t[d] = tScale * work->t[d] * sqrt(r / w);
      work->effect[d] = ((work->raw[d][special + 6] >> 8) + 0.5) * (1.0 / 16777216.0);
    }
    /* 4. per draw: margins, electoral votes, unit wins, outcome and tipping unit */
    for (int d = 0; d < n; d++) {
      const float *z = work->z[d];
      const f32x8 national = (f32x8){0} + (float)work->t[d];
      const f32x8 effect = (f32x8){0} + (float)work->effect[d];
      const f32x8 regional = *(const f32x8 *)&z[special] * (float)REGIONAL_SD;
      i32x8 ev = {0};
      uint64_t positive = 0, negative = 0;
      for (int v = 0; v < V; v++) {
        f32x8 m = baseV[v] + effect * shiftV[v] + national + permute(regional, regionV[v]) + (float)UNIT_SD * *(const f32x8 *)&z[v * LANES];
        i32x8 pos = m > 0.0f;
        i32x8 neg = m < 0.0f;
        ev += pos & weightV[v];
        wins[v] -= pos;
        *(f32x8 *)&work->key[v * LANES] = m * shareV[v];
        positive |= (uint64_t)mask8(pos) << (v * LANES);
        negative |= (uint64_t)mask8(neg) << (v * LANES);
      }
      positive &= validBits;
      negative &= validBits;
      int evD = 0;
      for (int j = 0; j < LANES; j++) evD += ev[j];
      int evR = totalWeight - evD;
      if ((positive | negative) != validBits)
        for (uint64_t m = validBits & ~(positive | negative); m; m &= m - 1) evR -= weight[__builtin_ctzll(m)];
      float sign;
      int surplus;
      if (evD >= threshold) {
        winsD++;
        sign = 1.0f;
        surplus = evD - threshold;
      } else if (evR >= threshold) {
        sign = -1.0f;
        surplus = evR - threshold;
      } else {
        ties++;
        continue;
      }
      /* The winner's keys (others +inf) in registers; the smallest taken out, with its weight, until the
       * taken weight exceeds the surplus (about three passes a draw). */
      f32x8 kw[MAX_VECTORS];
      const f32x8 s = (f32x8){0} + sign, inf = (f32x8){0} + INFINITY;
      for (int v = 0; v < V; v++) {
        f32x8 k = s * *(const f32x8 *)&work->key[v * LANES];
        kw[v] = select8(k > 0.0f, k, inf);
      }
      int acc = 0;
      for (;;) {
        f32x8 low = kw[0];
        for (int v = 1; v < V; v++) low = min8(low, kw[v]);
        float smallest = low[0];
        for (int j = 1; j < LANES; j++) smallest = low[j] < smallest ? low[j] : smallest;
        const f32x8 at = (f32x8){0} + smallest;
        uint64_t equal = 0;
        for (int v = 0; v < V; v++) {
          i32x8 e = kw[v] == at;
          equal |= (uint64_t)mask8(e) << (v * LANES);
          kw[v] = select8(e, inf, kw[v]);
        }
        int q;
        do {
          q = __builtin_ctzll(equal);
          equal &= equal - 1;
          acc += weight[q];
        } while (acc <= surplus && equal);
        if (acc > surplus) {
          tipping[q]++;
          break;
        }
      }
    }
  }
  out->winsD += winsD;
  out->ties += ties;
  for (int v = 0; v < V; v++)
    for (int j = 0; j < LANES; j++)
      if (v * LANES + j < units) out->unitWins[v * LANES + j] += (uint32_t)wins[v][j];
  for (int i = 0; i < units; i++) out->tipping[i] += tipping[i];
}

/* ---------------------------------------------------------------- threads and the command line */

typedef struct {
  uint64_t seed, sims, blocks;
  uint64_t next; /* atomic block counter */
  Totals *perThread;
} Job;

typedef struct {
  Job *job;
  int index;
} Worker;

static void *work(void *arg) {
  Worker *w = arg;
  Job *job = w->job;
  Work *scratch = aligned_alloc(64, (sizeof(Work) + 63) / 64 * 64);
  if (!scratch) {
    fprintf(stderr, "peer: out of memory\n");
    exit(1);
  }
  for (;;) {
    uint64_t b = __atomic_fetch_add(&job->next, 1, __ATOMIC_RELAXED);
    if (b >= job->blocks) break;
    uint64_t first = b * BLOCK;
    int draws = (int)(job->sims - first < BLOCK ? job->sims - first : BLOCK);
    runBlock(job->seed, b, draws, &job->perThread[w->index], scratch);
  }
  free(scratch);
  return NULL;
}

static Totals simulate(uint64_t sims, uint64_t seed, int threads) {
  Job job = {seed, sims, (sims + BLOCK - 1) / BLOCK, 0, calloc((size_t)threads, sizeof(Totals))};
  pthread_t tid[256];
  Worker workers[256];
  for (int k = 0; k < threads; k++) {
    workers[k] = (Worker){&job, k};
    if (k > 0 && pthread_create(&tid[k], NULL, work, &workers[k]) != 0) {
      fprintf(stderr, "peer: could not start a thread\n");
      exit(1);
    }
  }
  work(&workers[0]);
  for (int k = 1; k < threads; k++) pthread_join(tid[k], NULL);
  Totals total = {0};
  for (int k = 0; k < threads; k++) {
    total.winsD += job.perThread[k].winsD;
    total.ties += job.perThread[k].ties;
    for (int i = 0; i < units; i++) {
      total.unitWins[i] += job.perThread[k].unitWins[i];
      total.tipping[i] += job.perThread[k].tipping[i];
    }
  }
  free(job.perThread);
  return total;
}

static double now(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void usage(const char *why) {
  fprintf(stderr, "peer: %s\nusage: peer [DATA_DIR] [SIMULATIONS] [--threads N] [--seed S] [--json]\n", why);
  exit(2);
}

static uint64_t positiveArgument(const char *text, const char *name, uint64_t max) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(text, &end, 10);
  if (errno || end == text || *end || v < 1 || v > max || text[0] == '-') {
    char why[160];
    snprintf(why, sizeof why, "%s: expected an integer from 1 to %llu, found \"%.40s\"", name, (unsigned long long)max, text);
    usage(why);
  }
  return v;
}

static void grouped(char *out, uint64_t v) {
  char digits[32];
  int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)v), k = 0;
  for (int i = 0; i < n; i++) {
    if (i > 0 && (n - i) % 3 == 0) out[k++] = ',';
    out[k++] = digits[i];
  }
  out[k] = 0;
}

int main(int argc, char **argv) {
  const char *dir = "data";
  uint64_t sims = 1000000, seed = 2016;
  int threads = 1, json = 0, positional = 0;
  for (int k = 1; k < argc; k++) {
    if (strcmp(argv[k], "--json") == 0) json = 1;
    else if (strcmp(argv[k], "--threads") == 0 && k + 1 < argc) threads = (int)positiveArgument(argv[++k], "--threads", 256);
    else if (strcmp(argv[k], "--seed") == 0 && k + 1 < argc) seed = positiveArgument(argv[++k], "--seed", UINT64_MAX);
    else if (argv[k][0] == '-' && argv[k][1] == '-') usage("unknown option");
    else if (positional == 0) { dir = argv[k]; positional++; }
    else if (positional == 1) { sims = positiveArgument(argv[k], "SIMULATIONS", 1ull << 50); positional++; }
    else usage("too many arguments");
  }
  loadModel(dir);
  zigguratTables();
  simulate(BLOCK * (uint64_t)threads, seed + 1, threads); /* warm-up: pages, threads, caches */
  double wall = now(CLOCK_MONOTONIC), cpu = now(CLOCK_PROCESS_CPUTIME_ID);
  Totals t = simulate(sims, seed, threads);
  wall = now(CLOCK_MONOTONIC) - wall;
  cpu = now(CLOCK_PROCESS_CPUTIME_ID) - cpu;
  double pWin = (double)t.winsD / sims, pTie = (double)t.ties / sims, winSum = 0;
  for (int i = 0; i < units; i++) winSum += (double)t.unitWins[i] / sims;
  if (json) {
    printf("{\"peer\":\"c\",\"units\":%d,\"sims\":%llu,\"threads\":%d,\"seed\":%llu,\"pWinD\":%.8f,\"pTie\":%.8f,\"seconds\":%.6f,\"cpuSeconds\":%.6f,"
           "\"electionsPerSecond\":%.0f,\"electionsPerCpuSecond\":%.0f,\"ids\":[",
           units, (unsigned long long)sims, threads, (unsigned long long)seed, pWin, pTie, wall, cpu, sims / wall, sims / cpu);
    for (int i = 0; i < units; i++) printf("%s\"%s\"", i ? "," : "", ids[i]);
    printf("],\"unitWinRate\":[");
    for (int i = 0; i < units; i++) printf("%s%.8f", i ? "," : "", (double)t.unitWins[i] / sims);
    printf("],\"tippingShare\":[");
    for (int i = 0; i < units; i++) printf("%s%.8f", i ? "," : "", (double)t.tipping[i] / sims);
    printf("]}\n");
    return 0;
  }
  char rate[40];
  grouped(rate, (uint64_t)(sims / wall + 0.5));
  printf("units=%d sims=%llu pWinD=%.4f pTie=%.4f seconds=%.3f electionsPerSecond=%s threads=%d cpuSeconds=%.3f tipping=", units,
         (unsigned long long)sims, pWin, pTie, wall, rate, threads, cpu);
  int shown[5], count = 0;
  for (; count < 5 && count < units; count++) {
    int best = -1;
    for (int i = 0; i < units; i++) {
      int taken = 0;
      for (int k = 0; k < count; k++) taken |= shown[k] == i;
      if (!taken && (best < 0 || t.tipping[i] > t.tipping[best])) best = i;
    }
    shown[count] = best;
    printf("%s%s:%.4f", count ? "," : "", ids[best], (double)t.tipping[best] / sims);
  }
  printf(" unitWinRateSum=%.4f\n", winSum);
  return 0;
}

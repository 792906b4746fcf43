#!/usr/bin/env python3
"""The peer model with numba: the electoral-college Monte Carlo of numpy_peer.py as a researcher who
knows numba would write it, draw by draw in @njit loops (issue 25).

Same model as numpy_peer.py and the C peer (bench/peers/c/peer.c): the 2016 map, 56 units (the states
and DC, Maine and Nebraska at large with weight 2, ME-1, ME-2, NE-1..NE-3), read from the project's
data/ (us_president_results.csv, us_units.csv); a national Student-t (6 df) scaled to SD 2.5 pp, one
normal per Census region (4, SD 1.5), one normal per unit (SD 2.5) and one uniform(0, 1) effect per
simulation worth 50,000 net votes per unit (100 x 50,000 / two-party votes pp of margin); 270 electoral
votes win, 269 is a tie. Like the kernel it counts each unit's wins and each draw's tipping unit (the
winner's units ordered by margin over all votes cast, the one whose weight takes the winner to 270).

Random numbers: one xoshiro256** stream (Blackman & Vigna 2018) per block of 8,192 draws, seeded from
(seed, block) by SplitMix64; ziggurat normals (Marsaglia & Tsang 2000, 128 layers, one 64-bit output
each on the fast path); the t as Z / sqrt(chi2_6 / 6) with chi2_6 = -2 log(U1 U2 U3). Every accumulator
is an integer count summed over blocks, so results do not depend on the number of threads.

Needs numba (Debian: `apt-get install python3-numba`, then run it with /usr/bin/python3).
Usage: numba_peer.py [DATA_DIR] [SIMULATIONS] [--threads N] [--seed S] [--json]
  --threads 1 (default) runs the serial @njit function; N > 1 the parallel=True one (prange over
  blocks) on N numba threads. Prints numpy_peer.py's one-line summary (units, sims, pWinD, pTie,
  seconds, electionsPerSecond) plus threads, CPU seconds, the five most frequent tipping units and the
  sum of the unit win rates; --json one JSON object with every unit's win rate and tipping share.
  Compilation is done (and not timed) before the timed run.
"""
import csv
import json
import math
import os
import sys
import time

import numpy as np
from numba import njit, prange, set_num_threads, config

YEAR = "2016"
REGIONS = ("Northeast", "Midwest", "South", "West")
EFFECT_VOTES = 50_000.0
DF = 6.0
NATIONAL_SD, REGIONAL_SD, UNIT_SD = 2.5, 1.5, 2.5
BLOCK = 8192


def fail(message):
    print(f"numba_peer: {message}", file=sys.stderr)
    sys.exit(2)


def load(data_dir):
    """The 2016 units, closest baseline margin first: ids, weights, margins (pp), effect shifts (pp),
    two-party share of all votes, region index."""
    path = os.path.join(data_dir, "us_president_results.csv")
    rows = []
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            missing = {"year", "id", "D", "R", "other", "electoral_votes"} - set(reader.fieldnames or [])
            if missing:
                fail(f"{path} line 1: no column {sorted(missing)[0]!r} in the header")
            for line, r in enumerate(reader, start=2):
                if r["year"] != YEAR:
                    continue
                cells = {}
                for name in ("D", "R", "other", "electoral_votes"):
                    cell = r[name]
                    if cell is None or not cell.isdigit():
                        fail(f"{path} line {line}: column {name}: expected a non-negative integer, found {cell!r}")
                    cells[name] = int(cell)
                if cells["D"] + cells["R"] == 0:
                    fail(f"{path} line {line}: D + R is 0 (no two-party vote)")
                rows.append((r["id"], cells))
        units_path = os.path.join(data_dir, "us_units.csv")
        region_of = {}
        with open(units_path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if not {"id", "census_region"} <= set(reader.fieldnames or []):
                fail(f"{units_path} line 1: expected columns id and census_region")
            for line, r in enumerate(reader, start=2):
                if r["census_region"] not in REGIONS:
                    fail(f"{units_path} line {line}: column census_region: expected one of {', '.join(REGIONS)}, found {r['census_region']!r}")
                region_of[r["id"]] = REGIONS.index(r["census_region"])
    except OSError as e:
        fail(f"{e.filename}: {e.strerror}")
    if not rows:
        fail(f"{path}: no row of {YEAR}")
    for uid, _ in rows:
        if uid not in region_of:
            fail(f"{units_path}: unit {uid} of the results has no row")
    margin = [100.0 * (c["D"] - c["R"]) / (c["D"] + c["R"]) for _, c in rows]
    order = sorted(range(len(rows)), key=lambda i: abs(margin[i]))  # stable: equal margins keep file order
    ids = [rows[i][0] for i in order]
    c = [rows[i][1] for i in order]
    weight = np.array([x["electoral_votes"] for x in c], dtype=np.int64)
    base = np.array([margin[i] for i in order])
    two = np.array([x["D"] + x["R"] for x in c], dtype=float)
    shift = 100.0 * EFFECT_VOTES / two
    share = two / (two + np.array([x["other"] for x in c], dtype=float))
    region = np.array([region_of[u] for u in ids], dtype=np.int64)
    return ids, weight, base, shift, share, region


def ziggurat_tables():
    """Marsaglia & Tsang (2000) tables, 128 layers, for a signed 56-bit value: |hz| < k[i] accepts hz * w[i]."""
    r, v, m = 3.442619855899, 9.91256303526217e-3, 2.0**55
    k = np.zeros(128, dtype=np.int64)
    w = np.zeros(128)
    f = np.zeros(128)
    dn = tn = r
    q = v / math.exp(-0.5 * dn * dn)
    k[0] = int((dn / q) * m)
    k[1] = 0
    w[0] = q / m
    w[127] = dn / m
    f[0] = 1.0
    f[127] = math.exp(-0.5 * dn * dn)
    for i in range(126, 0, -1):
        dn = math.sqrt(-2.0 * math.log(v / dn + math.exp(-0.5 * dn * dn)))
        k[i + 1] = int((dn / tn) * m)
        tn = dn
        f[i] = math.exp(-0.5 * dn * dn)
        w[i] = dn / m
    return k, w, f


ZIG_R = 3.442619855899
U64 = np.uint64


@njit
def _rotl(x, k):
    return (x << U64(k)) | (x >> U64(64 - k))


@njit
def _next(s0, s1, s2, s3):
    """xoshiro256**: (output, new state)."""
    out = _rotl(s1 * U64(5), 7) * U64(9)
    t = s1 << U64(17)
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = _rotl(s3, 45)
    return out, s0, s1, s2, s3


@njit
def _uniform(u):
    """(0, 1] from a 64-bit output."""
    return ((u >> U64(11)) + U64(1)) * (1.0 / 9007199254740992.0)


@njit
def _splitmix(x):
    x = x + U64(0x9E3779B97F4A7C15)
    z = x
    z = (z ^ (z >> U64(30))) * U64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> U64(27))) * U64(0x94D049BB133111EB)
    return x, z ^ (z >> U64(31))


@njit
def _normal(s0, s1, s2, s3, zk, zw, zf):
    """A ziggurat normal: (value, new state)."""
    while True:
        u, s0, s1, s2, s3 = _next(s0, s1, s2, s3)
        iz = np.int64(u & U64(127))
        hz = np.int64(u) >> np.int64(8)
        if abs(hz) < zk[iz]:
            return hz * zw[iz], s0, s1, s2, s3
        x = hz * zw[iz]
        if iz == 0:
            while True:
                u, s0, s1, s2, s3 = _next(s0, s1, s2, s3)
                tail = -math.log(_uniform(u)) / ZIG_R
                u, s0, s1, s2, s3 = _next(s0, s1, s2, s3)
                y = -math.log(_uniform(u))
                if y + y >= tail * tail:
                    break
            return (ZIG_R + tail if hz > 0 else -ZIG_R - tail), s0, s1, s2, s3
        u, s0, s1, s2, s3 = _next(s0, s1, s2, s3)
        if zf[iz] + _uniform(u) * (zf[iz - 1] - zf[iz]) < math.exp(-0.5 * x * x):
            return x, s0, s1, s2, s3


def _blocks(seed, sims, base, shift, share, weight, region, zk, zw, zf, wins_d, ties, unit_wins, tipping):
    """Runs every block of `sims` draws; block b's counts go to row b of the output arrays."""
    n_units = base.shape[0]
    n_blocks = wins_d.shape[0]
    total_weight = 0
    for i in range(n_units):
        total_weight += weight[i]
    threshold = total_weight // 2 + 1
    t_scale = 2.5 / math.sqrt(6.0 / 4.0)
    for b in prange(n_blocks):
        draws = min(8192, sims - b * 8192)
        x = U64(seed) * U64(0xD1B54A32D192ED03) ^ U64(b + 1) * U64(0x8CB92BA72F3D8DD7)
        x, s0 = _splitmix(x)
        x, s1 = _splitmix(x)
        x, s2 = _splitmix(x)
        x, s3 = _splitmix(x)
        s3 |= U64(1)
        margin = np.empty(n_units)
        regional = np.empty(4)
        keys = np.empty(n_units + 1)
        held = np.empty(n_units + 1, dtype=np.int64)
        wins = np.zeros(n_units, dtype=np.int64)
        tips = np.zeros(n_units, dtype=np.int64)
        won = 0
        tied = 0
        for _ in range(draws):
            z, s0, s1, s2, s3 = _normal(s0, s1, s2, s3, zk, zw, zf)
            u, s0, s1, s2, s3 = _next(s0, s1, s2, s3)
            p = _uniform(u)
            u, s0, s1, s2, s3 = _next(s0, s1, s2, s3)
            p *= _uniform(u)
            u, s0, s1, s2, s3 = _next(s0, s1, s2, s3)
            p *= _uniform(u)
            national = t_scale * z / math.sqrt(-2.0 * math.log(p) / 6.0)
            for r in range(4):
                z, s0, s1, s2, s3 = _normal(s0, s1, s2, s3, zk, zw, zf)
                regional[r] = 1.5 * z
            u, s0, s1, s2, s3 = _next(s0, s1, s2, s3)
            effect = _uniform(u)
            ev_d = 0
            ev_r = 0
            for i in range(n_units):
                z, s0, s1, s2, s3 = _normal(s0, s1, s2, s3, zk, zw, zf)
                margin[i] = z
            for i in range(n_units):
                m = base[i] + effect * shift[i] + national + regional[region[i]] + 2.5 * margin[i]
                margin[i] = m
                pos = np.int64(m > 0.0)
                ev_d += weight[i] * pos
                ev_r += weight[i] * np.int64(m < 0.0)
                wins[i] += pos
            if ev_d >= threshold:
                won += 1
                sign = 1.0
                surplus = ev_d - threshold
            elif ev_r >= threshold:
                sign = -1.0
                surplus = ev_r - threshold
            else:
                tied += 1
                continue
            # Tipping unit in one pass (closest units first): keep the shortest run of the winner's
            # smallest keys whose weight exceeds the surplus; its largest key is the tipping unit's.
            size = 0
            held_weight = 0
            limit = math.inf
            for i in range(n_units):
                key = sign * margin[i] * share[i]
                if not (key * (limit - key) > 0.0):  # 0 < key < limit in one predictable branch (the kernel's test)
                    continue
                j = size
                while j > 0 and keys[j - 1] > key:
                    keys[j] = keys[j - 1]
                    held[j] = held[j - 1]
                    j -= 1
                keys[j] = key
                held[j] = i
                size += 1
                held_weight += weight[i]
                while size > 1 and held_weight - weight[held[size - 1]] > surplus:
                    size -= 1
                    held_weight -= weight[held[size]]
                if held_weight > surplus:
                    limit = keys[size - 1]
            tips[held[size - 1]] += 1
        wins_d[b] = won
        ties[b] = tied
        unit_wins[b, :] = wins
        tipping[b, :] = tips


serial = njit(cache=False, error_model="numpy")(_blocks)
parallel = njit(cache=False, parallel=True, error_model="numpy")(_blocks)


def simulate(sims, seed, threads, model, tables):
    ids, weight, base, shift, share, region = model
    blocks = (sims + BLOCK - 1) // BLOCK
    n = len(ids)
    wins_d = np.zeros(blocks, dtype=np.int64)
    ties = np.zeros(blocks, dtype=np.int64)
    unit_wins = np.zeros((blocks, n), dtype=np.int64)
    tipping = np.zeros((blocks, n), dtype=np.int64)
    run = serial if threads == 1 else parallel
    run(seed, sims, base, shift, share, weight, region, *tables, wins_d, ties, unit_wins, tipping)
    return int(wins_d.sum()), int(ties.sum()), unit_wins.sum(axis=0), tipping.sum(axis=0)


def main(argv):
    data_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")
    sims, seed, threads, as_json, positional = 1_000_000, 2016, 1, False, []
    k = 0
    while k < len(argv):
        a = argv[k]
        if a == "--json":
            as_json = True
        elif a in ("--threads", "--seed") and k + 1 < len(argv):
            k += 1
            if not argv[k].isdigit() or int(argv[k]) < 1:
                fail(f"{a}: expected a positive integer, found {argv[k]!r}")
            if a == "--threads":
                threads = int(argv[k])
            else:
                seed = int(argv[k])
        elif a.startswith("--"):
            fail(f"unknown option {a!r}\nusage: numba_peer.py [DATA_DIR] [SIMULATIONS] [--threads N] [--seed S] [--json]")
        else:
            positional.append(a)
        k += 1
    if len(positional) > 2:
        fail("too many arguments")
    if positional:
        data_dir = positional[0]
    if len(positional) > 1:
        if not positional[1].isdigit() or int(positional[1]) < 1:
            fail(f"SIMULATIONS: expected a positive integer, found {positional[1]!r}")
        sims = int(positional[1])
    if seed >= 2**63:
        fail("--seed: expected an integer below 2^63")
    if threads > 1:
        if threads > config.NUMBA_NUM_THREADS:
            fail(f"--threads: at most {config.NUMBA_NUM_THREADS} on this machine (NUMBA_NUM_THREADS)")
        set_num_threads(threads)
    model = load(data_dir)
    tables = ziggurat_tables()
    simulate(BLOCK * threads, seed + 1, threads, model, tables)  # compiles, then warms up
    wall, cpu = time.perf_counter(), time.process_time()
    wins, ties, unit_wins, tipping = simulate(sims, seed, threads, model, tables)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    ids = model[0]
    p_win, p_tie = wins / sims, ties / sims
    if as_json:
        print(json.dumps({
            "peer": "numba", "units": len(ids), "sims": sims, "threads": threads, "seed": seed,
            "pWinD": p_win, "pTie": p_tie, "seconds": wall, "cpuSeconds": cpu,
            "electionsPerSecond": round(sims / wall), "electionsPerCpuSecond": round(sims / cpu),
            "ids": ids, "unitWinRate": (unit_wins / sims).tolist(), "tippingShare": (tipping / sims).tolist(),
        }, separators=(",", ":")))
        return
    top = sorted(range(len(ids)), key=lambda i: (-tipping[i], i))[:5]
    print(f"units={len(ids)} sims={sims} pWinD={p_win:.4f} pTie={p_tie:.4f} seconds={wall:.3f} electionsPerSecond={sims/wall:,.0f} "
          f"threads={threads} cpuSeconds={cpu:.3f} tipping={','.join(f'{ids[i]}:{tipping[i]/sims:.4f}' for i in top)} "
          f"unitWinRateSum={float(unit_wins.sum()) / sims:.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])

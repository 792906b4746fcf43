#!/usr/bin/env python3
"""Peer reference for the K-candidate model (issue 20): the Monte Carlo a researcher would write in numpy.

France 2022, first round, by département (107 units; data/fr_president_votes.csv, regions from
data/fr_departements.csv). Errors on the additive log-ratio scale (Aitchison 1986, ch. 6; Katz & King
1999): each component c (every candidate, and `other`) gets per simulated election
    E_uc = n_c + r_{region(u),c} + e_uc,
national n_c ~ s_N * t_df / sqrt(df/(df-2)), regional r ~ s_R * N(0,1), unit e ~ s_U * N(0,1), with
s_X = sigma_X / (50 * sqrt 2) for sigma_X in pp of two-party margin (so the log-ratio of two components
has SD sigma_X / 50). Shares s_uc = w_uc exp(E_uc) / sum_j w_uj exp(E_uj), w = the unit's baseline votes;
votes V_uc = T'_u s_uc. One mobilisation effect per simulated election, uniform(0,1) x 2,000 votes added
to candidate 0 (LREM) in every unit before the error (T'_u = T_u + that). Per draw: national sums, the
top two qualify; the leader of each unit.

K = 12: the twelve candidates, other = 0 (blank and null are not valid votes). K = 4: LREM, RN, LFI, REC,
the other eight summed into `other`. Uncertainty national 2.5, regional 1.5, unit 2.5 pp, tails df 6.

Prints, per K, P(qualify) per candidate, P(lead) per unit for candidate 0 and simulated elections per
wall-clock second and per CPU second of this process on one core (BLAS threads pinned to 1 before numpy loads). Needs numpy (e.g. `apt-get install
python3-numpy`, then /usr/bin/python3).

Usage: multicandidate_peer.py [DATA_DIR] [SIMULATIONS] [K] [--sd=NATIONAL,REGIONAL,UNIT] [--seed=S]
  DATA_DIR defaults to the project's data/; K is 4 or 12 (both when omitted); --sd=0,0,0 gives the
  zero-uncertainty result (the first round as it happened: LREM and RN qualify).
"""
import csv
import os
import sys
import time

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[var] = "1"
import numpy as np  # noqa: E402  (after the thread pins)

CANDIDATES_2022 = ["LREM", "RN", "LFI", "REC", "LR", "EELV", "RES", "PCF", "DLF", "PS", "NPA", "LO"]
K4 = ["LREM", "RN", "LFI", "REC"]
MOBILISATION_VOTES = 2_000


def load(data_dir, k):
    """Baseline votes (units x (k + 1), the last column `other`), unit ids and region index per unit."""
    votes = {}
    with open(os.path.join(data_dir, "fr_president_votes.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["year"] == "2022" and r["round"] == "1":
                votes.setdefault(r["id"], {})[r["party"]] = int(r["votes"])
    with open(os.path.join(data_dir, "fr_departements.csv"), newline="", encoding="utf-8") as f:
        region_of = {r["id"]: r["region"] for r in csv.DictReader(f)}
    ids = sorted(votes)
    if len(ids) != 107 or any(sorted(votes[i]) != sorted(CANDIDATES_2022) for i in ids):
        sys.exit(f"{data_dir}/fr_president_votes.csv: expected 107 units x 12 candidates for 2022 round 1, found {len(ids)} units")
    named = CANDIDATES_2022 if k == 12 else K4
    base = np.array([[votes[i][c] for c in named] + [sum(v for c, v in votes[i].items() if c not in named)] for i in ids], dtype=float)
    regions = sorted({region_of[i] for i in ids})
    region = np.array([regions.index(region_of[i]) for i in ids])
    return named, ids, base, region, len(regions)


def simulate(n, base, region, n_regions, sd, rng, chunk=2048, df=6):
    """Counts of qualifications per candidate and of unit leads per (unit, candidate) over n draws."""
    units, comps = base.shape
    k = comps - 1
    s_nat, s_reg, s_unit = (x / (50 * np.sqrt(2)) for x in sd)
    t_scale = s_nat / np.sqrt(df / (df - 2))
    total = base.sum(axis=1)
    qualify = np.zeros(k, dtype=np.int64)
    lead = np.zeros(units * k, dtype=np.int64)
    offsets = np.arange(units) * k
    for start in range(0, n, chunk):
        m = min(chunk, n - start)
        err = rng.standard_t(df, (m, 1, comps)) * t_scale
        err = err + rng.standard_normal((m, n_regions, comps))[:, region, :] * s_reg
        err += rng.standard_normal((m, units, comps)) * s_unit
        extra = rng.uniform(0.0, 1.0, m) * MOBILISATION_VOTES
        w = np.broadcast_to(base, (m, units, comps)).copy()
        w[:, :, 0] += extra[:, None]
        x = w * np.exp(err)
        votes = x * ((total[None, :] + extra[:, None]) / x.sum(axis=2))[:, :, None]
        national = votes[:, :, :k].sum(axis=1)
        top2 = np.argpartition(-national, 1, axis=1)[:, :2]
        qualify += np.bincount(top2.ravel(), minlength=k)
        leader = votes[:, :, :k].argmax(axis=2)
        lead += np.bincount((leader + offsets[None, :]).ravel(), minlength=units * k)
    return qualify, lead.reshape(units, k)


def main(argv):
    flags = {a.split("=", 1)[0]: a.split("=", 1)[1] for a in argv if a.startswith("--") and "=" in a}
    pos = [a for a in argv if not a.startswith("--")]
    data_dir = pos[0] if len(pos) > 0 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")
    n = int(pos[1]) if len(pos) > 1 else 200_000
    ks = [int(pos[2])] if len(pos) > 2 else [4, 12]
    sd = tuple(float(x) for x in flags.get("--sd", "2.5,1.5,2.5").split(","))
    seed = int(flags.get("--seed", "2022"))
    if any(k not in (4, 12) for k in ks) or len(sd) != 3 or n <= 0:
        sys.exit(__doc__)
    for k in ks:
        named, ids, base, region, n_regions = load(data_dir, k)
        rng = np.random.default_rng(seed)
        simulate(2_000, base, region, n_regions, sd, rng)  # warm-up, as the two-sided peer does
        t = time.perf_counter()
        cpu = time.process_time()
        qualify, lead = simulate(n, base, region, n_regions, sd, rng)
        dt = time.perf_counter() - t
        dcpu = time.process_time() - cpu
        p_qualify = ",".join(f"{c}:{q / n:.4f}" for c, q in zip(named, qualify))
        print(f"K={k} units={len(ids)} sims={n} sd={','.join(map(str, sd))} pQualify={p_qualify} seconds={dt:.3f} electionsPerSecond={n / dt:,.0f} cpuSeconds={dcpu:.3f} electionsPerCpuSecond={n / dcpu:,.0f}")
        print(f"K={k} pLead{named[0]}=" + ",".join(f"{u}:{c / n:.4f}" for u, c in zip(ids, lead[:, 0])))


if __name__ == "__main__":
    main(sys.argv[1:])

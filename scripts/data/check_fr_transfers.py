#!/usr/bin/env python3
"""Checks data/fr_transfers.json: every row's shares sum to 1 and its Dirichlet concentration is the
one data/SOURCES.md documents (subsample = round(sample x origin votes / registered), concentration =
subsample - 1; the sample of the row's own source when it has one, else its election's). Dev tool, run by hand: python3 scripts/data/check_fr_transfers.py; exit 1 on a failure.
"""
import json
import os
import sys

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'data', 'fr_transfers.json')
doc = json.load(open(path, encoding='utf-8'))
bad = 0
for year, e in doc['elections'].items():
    dest = set(e['finalists']) | {'blank_null', 'abstention'}
    for code, row in e['rows'].items():
        total = sum(row['shares'].values())
        sub = round(row.get('source', e['source'])['sample'] * row['votesRound1'] / e['registeredRound1'])
        ok = abs(total - 1) < 1e-9 and set(row['shares']) == dest and row['subsample'] == sub and row['concentration'] == sub - 1
        bad += not ok
        print(f"{year} {code}: sum {total:.2f}, subsample {row['subsample']} (computed {sub}), concentration {row['concentration']} {'ok' if ok else 'FAILED'}")
    for code, row in e.get('alternative', {}).get('rows', {}).items():
        total = sum(row['shares'].values())
        bad += abs(total - 1) >= 1e-9
        print(f"{year} alternative {code}: sum {total:.2f}")
sys.exit(1 if bad else 0)

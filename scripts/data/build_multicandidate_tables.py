#!/usr/bin/env python3
"""Builds the multi-candidate race tables of issue 20 in data/races/ and checks each against its
source's own totals and the published seat counts. Dev tool, run by hand, never at run time or in
tests; it stops with exit code 1 on the first check that fails and writes nothing for that table.

    python3 scripts/data/build_multicandidate_tables.py SOURCES_DIR

SOURCES_DIR holds the source files (data/SOURCES.md gives repository, path and commit of each):
  table_tableau12.csv                               Elections Canada, 41st general election (2011),
                                                    Table 12, candidates by electoral district
  HoC-GE2024-results-by-constituency.csv            House of Commons Library, GE 2024 (CBP-10009)
  resultats-par-niveau-cirlg-t1-france-entiere.csv  Ministère de l'Intérieur, législatives 2022,
                                                    round 1 by circonscription

Writes:
  data/races/ca-2011-federal-ridings.csv            table format, one column per party
  data/races/uk-2024-general-election-constituencies.csv
  data/races/fr-2022-legislatives-t1-circonscriptions.csv   long: one row per circonscription x candidate
"""
import csv
import io
import os
import re
import sys
from collections import Counter, defaultdict

SRC = sys.argv[1] if len(sys.argv) > 1 else None
if not SRC:
    print(__doc__, file=sys.stderr)
    sys.exit(2)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'data', 'races')


def check(ok, msg):
    if not ok:
        print(f'check failed: {msg}', file=sys.stderr)
        sys.exit(1)


def write_csv(name, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\n')
    w.writerow(header)
    w.writerows(rows)
    with open(os.path.join(OUT, name), 'w', encoding='utf-8', newline='') as f:
        f.write(buf.getvalue())
    print(f'wrote data/races/{name}: {len(rows)} rows')


def plurality(units, parties):
    """Seats per party: each unit goes to the party column with the most votes (no ties expected)."""
    seats = Counter()
    for u in units:
        best = max(parties, key=lambda p: u[p])
        check(sum(1 for p in parties if u[p] == u[best]) == 1, f'{u["id"]}: a tie for first place')
        seats[best] += 1
    return seats


# --- Canada 2011 ---------------------------------------------------------------------------------
# Elections Canada writes each candidate as "Name [**] Party/Parti" (** = incumbent). The five
# parties that won seats get a column; every other candidate's votes go to `other`.
CA_PARTIES = [
    ('CPC', 'Conservative/Conservateur'),
    ('NDP', 'NDP-New Democratic Party/NPD-Nouveau Parti démocratique'),
    ('LPC', 'Liberal/Libéral'),
    ('BQ', 'Bloc Québécois/Bloc Québécois'),
    ('GPC', 'Green Party/Parti Vert'),
]
CA_PUBLISHED_SEATS = {'CPC': 166, 'NDP': 103, 'LPC': 34, 'BQ': 4, 'GPC': 1}


def canada():
    with open(os.path.join(SRC, 'table_tableau12.csv'), encoding='latin-1', newline='') as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    check(header[2] == 'Electoral District Number' and header[6].startswith('Votes Obtained'), f'unexpected Table 12 header {header}')
    check(len(rows) == 1587, f'{len(rows)} candidates, expected 1,587 (Elections Canada 2011)')
    units = {}
    winners = {}
    for r in rows:
        province, name, number, cand, votes, majority = r[0], r[1], r[2], r[3], int(r[6]), r[8].strip()
        u = units.setdefault(number, {'id': number, 'name': name, 'province': province.split('/')[0], **{p: 0 for p, _ in CA_PARTIES}, 'other': 0})
        check(u['name'] == name, f'riding {number} has two names')
        party = next((p for p, label in CA_PARTIES if cand.endswith(' ' + label)), 'other')
        check(party == 'other' or u[party] == 0, f'riding {number}: two {party} candidates')
        u[party] += votes
        if majority:  # Elections Canada fills Majority only on the elected candidate's row
            check(number not in winners, f'riding {number}: two winners')
            winners[number] = party
    units = [units[k] for k in sorted(units, key=int)]
    check(len(units) == 308, f'{len(units)} ridings, expected 308')
    parties = [p for p, _ in CA_PARTIES]
    seats = plurality(units, parties)
    for u in units:
        best = max(parties, key=lambda p: u[p])
        check(winners.get(u['id']) == best, f'riding {u["id"]}: plurality gives {best}, the source marks {winners.get(u["id"])}')
    check(dict(seats) == CA_PUBLISHED_SEATS, f'seats {dict(seats)} differ from the published {CA_PUBLISHED_SEATS}')
    totals = {p: sum(u[p] for u in units) for p in parties + ['other']}
    write_csv('ca-2011-federal-ridings.csv', ['id', 'name', 'weight', *parties, 'other', 'total', 'region'],
              [[u['id'], u['name'], 1, *[u[p] for p in parties], u['other'], sum(u[p] for p in parties) + u['other'], u['province']] for u in units])
    print(f'  Canada 2011: seats {dict(seats)}; votes {totals}; valid total {sum(totals.values()):,}')


# --- UK 2024 -------------------------------------------------------------------------------------
UK_PARTIES = ['Con', 'Lab', 'LD', 'RUK', 'Green', 'SNP', 'PC', 'DUP', 'SF', 'SDLP', 'UUP', 'APNI']
# Seats won outside the twelve named parties: the Library's file keeps the winner's votes in
# "Of which other winner" and names the winner's label in "First party".
UK_OTHER_WINNERS = ['Ind', 'Spk', 'TUV']
UK_PUBLISHED = {'Lab': 411, 'Con': 121}


def uk():
    with open(os.path.join(SRC, 'HoC-GE2024-results-by-constituency.csv'), encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f))
    check(len(rows) == 650, f'{len(rows)} constituencies, expected 650')
    units = []
    for r in rows:
        u = {'id': r['ONS ID'], 'name': r['Constituency name'], **{p: int(r[p]) for p in UK_PARTIES}, **{p: 0 for p in UK_OTHER_WINNERS}}
        others, other_winner = int(r['All other candidates']), int(r['Of which other winner'])
        if other_winner:
            check(r['First party'] in UK_OTHER_WINNERS, f'{u["name"]}: other winner labelled {r["First party"]}')
            u[r['First party']] = other_winner
        u['other'] = others - other_winner
        check(sum(u[p] for p in UK_PARTIES + UK_OTHER_WINNERS) + u['other'] == int(r['Valid votes']), f'{u["name"]}: votes do not add up to Valid votes')
        u['total'], u['eligible'], u['region'], u['first'] = int(r['Valid votes']), int(r['Electorate']), r['Region name'], r['First party']
        units.append(u)
    parties = UK_PARTIES + UK_OTHER_WINNERS
    seats = plurality(units, parties)
    for u in units:
        check(max(parties, key=lambda p: u[p]) == u['first'], f'{u["name"]}: plurality differs from the file\'s First party {u["first"]}')
    check(all(seats[p] == n for p, n in UK_PUBLISHED.items()) and 650 - seats['Lab'] - seats['Con'] == 118, f'seats {dict(seats)}')
    write_csv('uk-2024-general-election-constituencies.csv', ['id', 'name', 'weight', *parties, 'other', 'total', 'eligible', 'region'],
              [[u['id'], u['name'], 1, *[u[p] for p in parties], u['other'], u['total'], u['eligible'], u['region']] for u in units])
    print(f'  UK 2024: seats {dict(seats.most_common())}; valid votes {sum(u["total"] for u in units):,}; electorate {sum(u["eligible"] for u in units):,}')


# --- France 2022, législatives round 1 -----------------------------------------------------------
# Ministry letter codes of the overseas départements, mapped to INSEE codes as data/ does elsewhere
# (ZX Saint-Martin/Saint-Barthélemy and ZZ Français de l'étranger have no single INSEE code).
MINISTRY_TO_INSEE = {'ZA': '971', 'ZB': '972', 'ZC': '973', 'ZD': '974', 'ZM': '976', 'ZN': '988', 'ZP': '987', 'ZS': '975', 'ZW': '986'}
FR_BLOCK = ['N°Panneau', 'Sexe', 'Nom', 'Prénom', 'Nuance', 'Voix', '% Voix/Ins', '% Voix/Exp', 'Sièges']
# Published national figures for the first round of 12 June 2022 are not retrieved here; the script
# checks the file against itself (identities row by row) and reports its national sums.


def ordinal_name(dept, label):
    m = re.fullmatch(r'(\d+)(?:ère|ème) circonscription', label)
    if not m:
        return f'{dept} ({label})' if label != dept else dept
    n = int(m.group(1))
    return f'{dept} {n}{"re" if n == 1 else "e"} circonscription'


def france_2022():
    with open(os.path.join(SRC, 'resultats-par-niveau-cirlg-t1-france-entiere.csv'), encoding='latin-1', newline='') as f:
        lines = f.read().split('\r\n')
    check(lines[-1] == '', 'the file does not end with CRLF')
    header = lines[0].split(';')
    check(header[19:28] == FR_BLOCK and len(header) == 28, f'unexpected header {header}')
    out = []
    elected_file, elected_rule, qualified_count = [], [], Counter()
    national = Counter()
    ids = set()
    for line_no, line in enumerate(lines[1:-1], start=2):
        f = line.split(';')
        dept_code, dept_name, circ_code, circ_label = f[0], f[1], f[2], f[3]
        insee = MINISTRY_TO_INSEE.get(dept_code, dept_code)
        uid = f'{insee}-{circ_code}'
        check(uid not in ids, f'line {line_no}: {uid} twice')
        ids.add(uid)
        registered, abstentions, voters, blank, null, valid = (int(f[i]) for i in (5, 6, 8, 10, 13, 16))
        check(registered == voters + abstentions, f'line {line_no} ({uid}): Inscrits ≠ Votants + Abstentions')
        check(voters == valid + blank + null, f'line {line_no} ({uid}): Votants ≠ Exprimés + Blancs + Nuls')
        blocks = f[19:]
        check(len(blocks) % 9 == 0 and len(blocks) >= 18, f'line {line_no} ({uid}): {len(blocks)} cells of candidate blocks')
        cands = []
        for i in range(0, len(blocks), 9):
            b = blocks[i:i + 9]
            cands.append({'panel': int(b[0]), 'sex': b[1], 'surname': b[2], 'first_name': b[3], 'nuance': b[4], 'votes': int(b[5]), 'elected_file': b[8]})
            check(b[8] in ('', 'Elu'), f'line {line_no} ({uid}): Sièges cell "{b[8]}"')
        check(sum(c['votes'] for c in cands) == valid, f'line {line_no} ({uid}): Σ Voix {sum(c["votes"] for c in cands)} ≠ Exprimés {valid}')
        # Code électoral art. L126: elected in round 1 with the absolute majority of Exprimés and at
        # least a quarter of Inscrits. Art. L162: round 2 is open to candidates with at least 12.5 % of
        # Inscrits; if one or none reaches it, the top two (by votes) may stand.
        for c in cands:
            c['elected_round1'] = 2 * c['votes'] > valid and 4 * c['votes'] >= registered
        winners = [c for c in cands if c['elected_round1']]
        if winners:
            elected_rule.append(uid)
            for c in cands:
                c['qualified_round2'] = False
        else:
            ranked = sorted(cands, key=lambda c: -c['votes'])
            check(ranked[1]['votes'] != ranked[2]['votes'] or 8 * ranked[1]['votes'] >= registered, f'{uid}: a tie for second place decides who stands')
            qual = {id(c) for c in cands if 8 * c['votes'] >= registered}
            if len(qual) < 2:
                qual = {id(c) for c in ranked[:2]}
            for c in cands:
                c['qualified_round2'] = id(c) in qual
            qualified_count[len(qual)] += 1
        if any(c['elected_file'] == 'Elu' for c in cands):
            elected_file.append(uid)
        check([c['elected_file'] == 'Elu' for c in cands] == [c['elected_round1'] for c in cands], f'{uid}: the rule and the file\'s Sièges column disagree')
        national.update(registered=registered, voters=voters, blank=blank, null=null, valid=valid, candidates=len(cands))
        name = ordinal_name(dept_name, circ_label)
        for c in sorted(cands, key=lambda c: c['panel']):
            out.append([uid, name, insee, dept_name, registered, voters, blank, null, valid, c['panel'], c['surname'], c['first_name'], c['sex'],
                        c['nuance'], c['votes'], 'true' if c['elected_file'] == 'Elu' else 'false',
                        'true' if c['elected_round1'] else 'false', 'true' if c['qualified_round2'] else 'false'])
    check(len(ids) == 577, f'{len(ids)} circonscriptions, expected 577')
    check(sorted(elected_file) == sorted(elected_rule), 'elected in round 1: rule and file differ')
    write_csv('fr-2022-legislatives-t1-circonscriptions.csv',
              ['id', 'name', 'departement', 'departement_name', 'registered', 'voters', 'blank', 'null', 'valid', 'panel', 'surname', 'first_name', 'sex',
               'nuance', 'votes', 'elected_file', 'elected_round1', 'qualified_round2'], out)
    by_nuance = Counter()
    for row in out:
        by_nuance[row[13]] += row[14]
    print(f'  France 2022 T1: {len(ids)} circonscriptions, {national["candidates"]} candidates; registered {national["registered"]:,}, '
          f'voters {national["voters"]:,}, blank {national["blank"]:,}, null {national["null"]:,}, valid {national["valid"]:,}; '
          f'Σ votes {sum(by_nuance.values()):,}')
    print(f'  elected in round 1 (L126, equal to the file\'s Sièges): {", ".join(sorted(elected_rule))}')
    print(f'  round 2 fields (L162): {dict(sorted(qualified_count.items()))} circonscriptions with 2/3/4 qualified')
    print(f'  votes by nuance: {dict(by_nuance.most_common())}')


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    canada()
    uk()
    france_2022()

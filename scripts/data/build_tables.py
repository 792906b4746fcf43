#!/usr/bin/env python3
"""Builds the project's own result tables in data/ from the reference copies.

Dev tool only: run by hand when the reference changes (never at run time, never in tests).
Reads ../shared/reference (path given as the first argument), writes data/*.csv in the
project's one schema, applies the corrections to official certified figures listed in
data/SOURCES.md, and prints the national sums it produced so they can be checked.

    python3 scripts/data/build_tables.py /work/shared/reference
"""
import csv
import io
import os
import sys
from collections import defaultdict

REF = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/reference'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'data')

# --- US Census regions and divisions (Census Bureau, "Census Regions and Divisions of the United States").
DIVISIONS = {
    'New England': ('Northeast', 'CT ME MA NH RI VT'),
    'Middle Atlantic': ('Northeast', 'NJ NY PA'),
    'East North Central': ('Midwest', 'IL IN MI OH WI'),
    'West North Central': ('Midwest', 'IA KS MN MO NE ND SD'),
    'South Atlantic': ('South', 'DE DC FL GA MD NC SC VA WV'),
    'East South Central': ('South', 'AL KY MS TN'),
    'West South Central': ('South', 'AR LA OK TX'),
    'Mountain': ('West', 'AZ CO ID MT NV NM UT WY'),
    'Pacific': ('West', 'AK CA HI OR WA'),
}
DIVISION_OF = {}
for division, (region, states) in DIVISIONS.items():
    for s in states.split():
        DIVISION_OF[s] = (region, division)
assert len(DIVISION_OF) == 51

ORDINAL = {'1': '1st', '2': '2nd', '3': '3rd'}
STATE_NAMES = {'ME': 'Maine', 'NE': 'Nebraska'}

# --- Corrections to official certified figures: (year, unit) -> (D, R, correction id in SOURCES.md).
# Only D and R change; `other` keeps the reference value, and total = D + R + other.
CORRECTIONS = {
    (2000, 'OH'): (2186190, 2351209, 'C1'),
    (2000, 'MD'): (1145782, 813797, 'C2'),
    (2004, 'MS'): (457766, 684981, 'C3'),
    (2012, 'WI'): (1620985, 1407966, 'C4'),
    (2012, 'NY'): (4485741, 2490431, 'C5'),
    (2012, 'NJ'): (2125101, 1477568, 'C6'),
    (2012, 'OH'): (2827709, 2661437, 'C7'),
    (2012, 'ND'): (124827, 188163, 'C8'),
    (2024, 'VA'): (2333778, 2074097, 'C9'),
}


def read(path):
    with open(os.path.join(REF, path), newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def write(name, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\n')
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    with open(os.path.join(OUT, name), 'w', encoding='utf-8', newline='') as f:
        f.write(buf.getvalue())
    print(f'wrote data/{name}: {len(rows)} rows')


def build_us():
    ev = {(int(r['year']), r['state_po']): (int(r['electoral_votes']), r['state']) for r in
          read('us_electoral_votes/electoral_votes_by_state_2000-2024.csv')}
    names = {po: name for (_, po), (_, name) in ev.items()}
    summary = read('us_president/state_president_2000-2024_two_party_summary.csv')
    districts = read('us_president/me_ne_congressional_district_president_2000-2024.csv')

    units = []
    for po in sorted(names):
        region, division = DIVISION_OF[po]
        units.append([po, names[po], '', region, division])
        if po in ('ME', 'NE'):
            for d in ('1', '2') if po == 'ME' else ('1', '2', '3'):
                units.append([f'{po}-{d}', f'{STATE_NAMES[po]} {ORDINAL[d]} district', po, region, division])
    write('us_units.csv', ['id', 'name', 'parent', 'census_region', 'census_division'], units)

    rows = []
    totals = defaultdict(lambda: [0, 0, 0])
    for r in summary:
        year, po = int(r['year']), r['state_po']
        d, rep, other = int(r['dem_votes']), int(r['rep_votes']), int(r['other_votes'])
        source = 'MEDSL' if year < 2024 else 'UCSB'
        correction = ''
        if (year, po) in CORRECTIONS:
            d, rep, correction = CORRECTIONS[(year, po)]
        weight = ev[(year, po)][0]
        if po in ('ME', 'NE'):
            weight = 2
        rows.append([year, po, d, rep, other, d + rep + other, weight, source, correction])
        totals[year][0] += d
        totals[year][1] += rep
        totals[year][2] += d + rep + other
    for r in districts:
        year, po, dist = int(r['year']), r['state_po'], r['district']
        d, rep, other = int(r['dem_votes']), int(r['rep_votes']), int(r['other_votes'])
        source = 'KBLACK' if year < 2024 else 'UCSB'
        rows.append([year, f'{po}-{dist}', d, rep, other, d + rep + other, 1, source, ''])
    rows.sort(key=lambda x: (x[0], x[1]))
    write('us_president_results.csv',
          ['year', 'id', 'D', 'R', 'other', 'total', 'electoral_votes', 'source', 'correction'], rows)
    for year in sorted(totals):
        print('  national', year, 'D', totals[year][0], 'R', totals[year][1], 'total', totals[year][2])

    turnout = []
    for r in read('us_turnout/vep_turnout_president_2000-2024.csv'):
        year = int(r['year'])
        turnout.append([year, r['state_po'], r['vep'], r['vap'], r['total_ballots_counted'],
                        r['vep_turnout_rate_mcdonald'],
                        'MCDONALD_2024_V03' if year == 2024 else 'MCDONALD_1980_2022'])
    turnout.sort(key=lambda x: (x[0], x[1]))
    write('us_turnout.csv', ['year', 'id', 'vep', 'vap', 'total_ballots', 'vep_turnout_rate', 'source'], turnout)


def build_electoral_votes():
    """Electoral votes apportioned per state and DC, 1976-2024 (whole states: ME 4, NE 5), for
    MEDSL state files read without a weight column. Cross-checked against House apportionment
    (seats + 2, DC 3) for 1976-2020 and every year summing to 538."""
    apportionment = {r['State']: r for r in read('us_electoral_votes/house_apportionment_1789-2013.csv')}
    column = {1976: '1973', 1980: '1973', 1984: '1983', 1988: '1983', 1992: '1993', 1996: '1993', 2000: '1993',
              2004: '2003', 2008: '2003', 2012: '2013', 2016: '2013', 2020: '2013'}
    ucsb_2024 = defaultdict(int)  # statewide and district rows together
    for r in read('us_president/ucsb_2024_president_by_state.csv'):
        ucsb_2024[r['state_po']] += sum(int(r[k] or 0) for k in ('dem_ev', 'rep_ev', 'other_ev'))
    rows, sums = [], defaultdict(int)
    for r in read('us_electoral_votes/electoral_college_1788-2024.csv'):
        year = int(r['year'])
        if year < 1976 or r['electoral_votes'] == '':
            continue
        ev = int(r['electoral_votes'])
        if year in column:
            seats = int(apportionment[r['abbr']][column[year]])
            assert ev == (3 if r['abbr'] == 'DC' else seats + 2), (year, r['abbr'], ev, seats)
        elif year == 2024:
            assert ev == ucsb_2024[r['abbr']], (year, r['abbr'], ev, ucsb_2024.get(r['abbr']))
        rows.append([year, r['abbr'], ev])
        sums[year] += ev
    assert all(v == 538 for v in sums.values()), dict(sums)
    assert len(sums) == 13 and all(sum(1 for x in rows if x[0] == y) == 51 for y in sums)
    rows.sort(key=lambda x: (x[0], x[1]))
    write('us_electoral_votes.csv', ['year', 'id', 'electoral_votes'], rows)


# --- France: départements, their 2012 regions (the 22 metropolitan regions in force 1982-2015),
# proper names, and the party codes of the candidates.
REGIONS = {
    'Alsace': '67 68',
    'Aquitaine': '24 33 40 47 64',
    'Auvergne': '03 15 43 63',
    'Basse-Normandie': '14 50 61',
    'Bourgogne': '21 58 71 89',
    'Bretagne': '22 29 35 56',
    'Centre': '18 28 36 37 41 45',
    'Champagne-Ardenne': '08 10 51 52',
    'Corse': '2A 2B',
    'Franche-Comté': '25 39 70 90',
    'Haute-Normandie': '27 76',
    'Île-de-France': '75 77 78 91 92 93 94 95',
    'Languedoc-Roussillon': '11 30 34 48 66',
    'Limousin': '19 23 87',
    'Lorraine': '54 55 57 88',
    'Midi-Pyrénées': '09 12 31 32 46 65 81 82',
    'Nord-Pas-de-Calais': '59 62',
    'Pays de la Loire': '44 49 53 72 85',
    'Picardie': '02 60 80',
    'Poitou-Charentes': '16 17 79 86',
    "Provence-Alpes-Côte d'Azur": '04 05 06 13 83 84',
    'Rhône-Alpes': '01 07 26 38 42 69 73 74',
    'Guadeloupe': '971',
    'Martinique': '972',
    'Guyane': '973',
    'La Réunion': '974',
    'Mayotte': '976',
    "Collectivités d'outre-mer": '975 986 987 988 ZX',
    "Français de l'étranger": 'ZZ',
}
REGION_OF = {}
for region, codes in REGIONS.items():
    for c in codes.split():
        REGION_OF[c] = region

NAMES = {
    '01': 'Ain', '02': 'Aisne', '03': 'Allier', '04': 'Alpes-de-Haute-Provence', '05': 'Hautes-Alpes',
    '06': 'Alpes-Maritimes', '07': 'Ardèche', '08': 'Ardennes', '09': 'Ariège', '10': 'Aube', '11': 'Aude',
    '12': 'Aveyron', '13': 'Bouches-du-Rhône', '14': 'Calvados', '15': 'Cantal', '16': 'Charente',
    '17': 'Charente-Maritime', '18': 'Cher', '19': 'Corrèze', '2A': 'Corse-du-Sud', '2B': 'Haute-Corse',
    '21': "Côte-d'Or", '22': "Côtes-d'Armor", '23': 'Creuse', '24': 'Dordogne', '25': 'Doubs', '26': 'Drôme',
    '27': 'Eure', '28': 'Eure-et-Loir', '29': 'Finistère', '30': 'Gard', '31': 'Haute-Garonne', '32': 'Gers',
    '33': 'Gironde', '34': 'Hérault', '35': 'Ille-et-Vilaine', '36': 'Indre', '37': 'Indre-et-Loire',
    '38': 'Isère', '39': 'Jura', '40': 'Landes', '41': 'Loir-et-Cher', '42': 'Loire', '43': 'Haute-Loire',
    '44': 'Loire-Atlantique', '45': 'Loiret', '46': 'Lot', '47': 'Lot-et-Garonne', '48': 'Lozère',
    '49': 'Maine-et-Loire', '50': 'Manche', '51': 'Marne', '52': 'Haute-Marne', '53': 'Mayenne',
    '54': 'Meurthe-et-Moselle', '55': 'Meuse', '56': 'Morbihan', '57': 'Moselle', '58': 'Nièvre', '59': 'Nord',
    '60': 'Oise', '61': 'Orne', '62': 'Pas-de-Calais', '63': 'Puy-de-Dôme', '64': 'Pyrénées-Atlantiques',
    '65': 'Hautes-Pyrénées', '66': 'Pyrénées-Orientales', '67': 'Bas-Rhin', '68': 'Haut-Rhin', '69': 'Rhône',
    '70': 'Haute-Saône', '71': 'Saône-et-Loire', '72': 'Sarthe', '73': 'Savoie', '74': 'Haute-Savoie',
    '75': 'Paris', '76': 'Seine-Maritime', '77': 'Seine-et-Marne', '78': 'Yvelines', '79': 'Deux-Sèvres',
    '80': 'Somme', '81': 'Tarn', '82': 'Tarn-et-Garonne', '83': 'Var', '84': 'Vaucluse', '85': 'Vendée',
    '86': 'Vienne', '87': 'Haute-Vienne', '88': 'Vosges', '89': 'Yonne', '90': 'Territoire de Belfort',
    '91': 'Essonne', '92': 'Hauts-de-Seine', '93': 'Seine-Saint-Denis', '94': 'Val-de-Marne', '95': "Val-d'Oise",
    '971': 'Guadeloupe', '972': 'Martinique', '973': 'Guyane', '974': 'La Réunion', '975': 'Saint-Pierre-et-Miquelon',
    '976': 'Mayotte', '986': 'Wallis-et-Futuna', '987': 'Polynésie française', '988': 'Nouvelle-Calédonie',
    'ZX': 'Saint-Martin et Saint-Barthélemy', 'ZZ': "Français établis hors de France",
}
assert set(NAMES) == set(REGION_OF), set(NAMES) ^ set(REGION_OF)

PARTY = {
    'hollande': 'PS', 'sarkozy': 'UMP', 'le_pen': 'FN', 'melenchon': 'FG', 'bayrou': 'MODEM', 'joly': 'EELV',
    'dupont_aignan': 'DLR', 'poutou': 'NPA', 'arthaud': 'LO', 'cheminade': 'SP',
}
PARTY_2007 = {
    'sarkozy': 'UMP', 'royal': 'PS', 'bayrou': 'UDF', 'le_pen': 'FN', 'besancenot': 'LCR', 'de_villiers': 'MPF',
    'buffet': 'PCF', 'voynet': 'VEC', 'laguiller': 'LO', 'bove': 'BOVE', 'nihous': 'CPNT', 'schivardi': 'PT',
}


PARTY_2022 = {
    'MACRON': 'LREM', 'LE PEN': 'RN', 'MÉLENCHON': 'LFI', 'ZEMMOUR': 'REC', 'PÉCRESSE': 'LR', 'JADOT': 'EELV',
    'LASSALLE': 'RES', 'ROUSSEL': 'PCF', 'DUPONT-AIGNAN': 'DLF', 'HIDALGO': 'PS', 'POUTOU': 'NPA', 'ARTHAUD': 'LO',
}
# The Ministry's 2022 codes for overseas units -> INSEE codes used by the 2007 and 2012 rows.
MINISTRY_TO_INSEE = {'ZA': '971', 'ZB': '972', 'ZC': '973', 'ZD': '974', 'ZM': '976', 'ZN': '988', 'ZP': '987',
                     'ZS': '975', 'ZW': '986', 'ZX': 'ZX', 'ZZ': 'ZZ'}
# Conseil constitutionnel proclamations of 13 April 2022 (round 1) and 27 April 2022 (round 2):
# votes per candidate and registered voters; the 107 units must sum to them exactly.
OFFICIAL_2022 = {
    1: {'LREM': 9783058, 'RN': 8133828, 'LFI': 7712520, 'REC': 2485226, 'LR': 1679001, 'EELV': 1627853,
        'RES': 1101387, 'PCF': 802422, 'DLF': 725176, 'PS': 616478, 'NPA': 268904, 'LO': 197094,
        'registered': 48747876},
    2: {'LREM': 18768639, 'RN': 13288686, 'registered': 48752339},
}


def build_france_2022(turnout, votes):
    for rnd in (1, 2):
        rows = read(f'france/fr_presidentielle_2022_departements_t{rnd}.csv')
        sums = defaultdict(int)
        for r in rows:
            code = r['Code du département']
            uid = MINISTRY_TO_INSEE.get(code, code)
            assert uid in NAMES, uid
            registered, abst, voters = int(r['Inscrits']), int(r['Abstentions']), int(r['Votants'])
            blank_spoiled, valid = int(r['Blancs']) + int(r['Nuls']), int(r['Exprimés'])
            assert registered == voters + abst and voters == valid + blank_spoiled, uid
            turnout.append([2022, rnd, uid, registered, abst, voters, blank_spoiled, valid])
            cand_sum = 0
            for key, value in r.items():
                if key.startswith('Voix_candidat_'):
                    party = PARTY_2022[key[len('Voix_candidat_'):]]
                    votes.append([2022, rnd, uid, party, int(value)])
                    sums[party] += int(value)
                    cand_sum += int(value)
            assert cand_sum == valid, uid
            sums['registered'] += registered
        assert len(rows) == 107 and len({MINISTRY_TO_INSEE.get(r['Code du département'], r['Code du département']) for r in rows}) == 107
        for key, official in OFFICIAL_2022[rnd].items():
            assert sums[key] == official, (rnd, key, sums[key], official)
        print(f'  France 2022 round {rnd}: {len(rows)} units, equal to the proclaimed totals', {k: sums[k] for k in ('LREM', 'RN')})


def unit_id(row):
    code = row['code_departement']
    if code == 'ZX':
        return 'ZX'
    if code == 'ZZ':
        return 'ZZ'
    return row['code_insee'] if code.startswith('Z') else code


def build_france():
    deps = [[c, NAMES[c], REGION_OF[c]] for c in sorted(NAMES, key=lambda c: (c.startswith('Z'), c.replace('2A', '20A').replace('2B', '20B')))]
    write('fr_departements.csv', ['id', 'name', 'region'], deps)
    turnout, votes = [], []
    for year in (2007, 2012):
        parties = PARTY_2007 if year == 2007 else PARTY
        for rnd in (1, 2):
            rows = read(f'france/fr_presidentielle_{year}_departements_t{rnd}.csv')
            sums = defaultdict(int)
            for r in rows:
                uid = unit_id(r)
                assert uid in NAMES, uid
                nums = [int(r[k]) for k in ('inscrits', 'abstentions', 'votants', 'blancs_nuls', 'exprimes')]
                turnout.append([year, rnd, uid, *nums])
                for cand, party in parties.items():
                    if cand in r:
                        votes.append([year, rnd, uid, party, int(r[cand])])
                        sums[party] += int(r[cand])
            print(f'  France {year} round {rnd}: {len(rows)} units', dict(sorted(sums.items(), key=lambda x: -x[1])[:2]))
    build_france_2022(turnout, votes)
    write('fr_president_turnout.csv',
          ['year', 'round', 'id', 'registered', 'abstentions', 'voters', 'blank_spoiled', 'valid'], turnout)
    write('fr_president_votes.csv', ['year', 'round', 'id', 'party', 'votes'], votes)


def build_pennsylvania_2024():
    """Pennsylvania 2024 presidential result by county (67 counties) in the project's race table
    format, from tonmcg's county file; checked against UCSB's state totals."""
    rows = [r for r in read('us_president/tonmcg_2024_US_County_Level_Presidential_Results.csv') if r['state_name'] == 'Pennsylvania']
    assert len(rows) == 67
    out = []
    for r in sorted(rows, key=lambda r: r['county_fips']):
        d, rep, total = int(r['votes_dem']), int(r['votes_gop']), int(r['total_votes'])
        assert total >= d + rep
        out.append([r['county_fips'], r['county_name'], 0, d, rep, total - d - rep])
    ucsb = [r for r in read('us_president/ucsb_2024_president_by_state.csv') if r['state_po'] == 'PA' and not r['district']][0]
    assert sum(x[3] for x in out) == int(ucsb['dem_votes']) and sum(x[4] for x in out) == int(ucsb['rep_votes'])
    assert sum(x[3] + x[4] + x[5] for x in out) == int(ucsb['total_votes'])
    os.makedirs(os.path.join(OUT, 'races'), exist_ok=True)
    write('races/pennsylvania-2024-counties.csv', ['id', 'name', 'weight', 'D', 'R', 'other'], out)
    print('  Pennsylvania 2024: D', sum(x[3] for x in out), 'R', sum(x[4] for x in out), 'total', sum(x[3] + x[4] + x[5] for x in out))


if __name__ == '__main__':
    build_us()
    build_electoral_votes()
    build_france()
    build_pennsylvania_2024()

#!/usr/bin/env python3
"""Builds the small race-file fixtures in test/fixtures/races/ from the reference copies.

Dev tool only, like build_tables.py: run by hand (tests read the fixtures, never the reference).

    python3 scripts/data/make_race_fixtures.py /work/shared/reference

- (fr_presidentielle_2022_departements_t2.csv and resultats-par-niveau-dpt-t2-france-entiere.xlsx, the wide
  CSV and the Ministry workbook layouts, are built from the project's own tables in data/ by
  scripts/data/make_ministry_fixtures.ts.)
- resultats-par-niveau-dpt-t{1,2}-france-entiere.txt: the same figures in the Ministry's .txt layout
  (`;`, Latin-1, `,` decimals, one unnamed `Sexe;Nom;Prénom;Voix;% Voix/Ins;% Voix/Exp` block per
  candidate after the first), made from the reference 2022 CSVs.
- medsl_2020_president.csv: the 2020 rows of the MEDSL 1976-2020 file, byte for byte.
"""
import csv
import io
import os
import sys

REF = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/reference'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'fixtures', 'races')
os.makedirs(OUT, exist_ok=True)

# Sex and first name of the 2022 candidates (the reference CSV has surnames only).
PEOPLE = {
    'ARTHAUD': ('F', 'Nathalie'), 'ROUSSEL': ('M', 'Fabien'), 'MACRON': ('M', 'Emmanuel'),
    'LASSALLE': ('M', 'Jean'), 'LE PEN': ('F', 'Marine'), 'ZEMMOUR': ('M', 'Éric'),
    'MÉLENCHON': ('M', 'Jean-Luc'), 'HIDALGO': ('F', 'Anne'), 'JADOT': ('M', 'Yannick'),
    'PÉCRESSE': ('F', 'Valérie'), 'POUTOU': ('M', 'Philippe'), 'DUPONT-AIGNAN': ('M', 'Nicolas'),
}
TURNOUT = ['Code du département', 'Libellé du département', 'Etat saisie', 'Inscrits', 'Abstentions', '% Abs/Ins',
           'Votants', '% Vot/Ins', 'Blancs', '% Blancs/Ins', '% Blancs/Vot', 'Nuls', '% Nuls/Ins', '% Nuls/Vot',
           'Exprimés', '% Exp/Ins', '% Exp/Vot']
BLOCK = ['Sexe', 'Nom', 'Prénom', 'Voix', '% Voix/Ins', '% Voix/Exp']


def comma(x):
    return x.replace('.', ',')


def ministry_txt(rnd):
    src = os.path.join(REF, 'france', f'fr_presidentielle_2022_departements_t{rnd}.csv')
    with open(src, newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    names = [k[len('Voix_candidat_'):] for k in rows[0] if k.startswith('Voix_candidat_')]
    lines = [';'.join(TURNOUT + BLOCK)]
    for r in rows:
        cells = [r[c] if not c.startswith('%') else comma(r[c]) for c in TURNOUT]
        for n in names:
            sex, first = PEOPLE[n]
            cells += [sex, n, first, r[f'Voix_candidat_{n}'], comma(r[f'% Voix/Ins_candidat_{n}']), comma(r[f'% Voix/Exp_candidat_{n}'])]
        lines.append(';'.join(cells))
    out = os.path.join(OUT, f'resultats-par-niveau-dpt-t{rnd}-france-entiere.txt')
    with open(out, 'w', encoding='latin-1', newline='') as f:
        f.write('\r\n'.join(lines) + '\r\n')
    print('wrote', out, len(rows), 'rows', len(names), 'candidates')


def medsl_2020():
    src = os.path.join(REF, 'us_president', 'medsl_1976-2020-president.csv')
    out = os.path.join(OUT, 'medsl_2020_president.csv')
    with open(src, encoding='utf-8', newline='') as f, open(out, 'w', encoding='utf-8', newline='') as g:
        header = f.readline()
        g.write(header)
        n = 0
        for line in f:
            if line.startswith('2020,'):
                g.write(line)
                n += 1
    print('wrote', out, n, 'rows')


if __name__ == '__main__':
    ministry_txt(1)
    ministry_txt(2)
    medsl_2020()

"""Makes begroting-2026.xlsx, the workbook the begrotingswijziging example reads.

Run from the repository: .venv/bin/python data/dalfsen/maak-begroting-2026.py
The workbook holds values only: openpyxl writes no cached results of formulas, and
voorstel reads cached values (data_only=True), as Excel saves them.
"""

from pathlib import Path

import openpyxl

REGELS = [
    ("Onderdeel", "2026", "2027", "2028", "2029"),
    ("Lasten inkoop jeugdhulp (taakveld 6.72)", -412000, -398500, -398500, -398500),
    ("Lasten contractmanagement (taakveld 6.72)", -64250, -64250, -64250, -64250),
    ("Baten rijksbijdrage Hervormingsagenda (taakveld 0.7)", 250000, 250000, 125000, "PM"),
    ("Onttrekking reserve sociaal domein (taakveld 0.10)", 180000, 120000, 0, 0),
]


def main() -> None:
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.title = "Wijziging"
    blad["A1"] = "Begrotingswijziging 2026, programma Sociaal domein"
    for rij, regel in enumerate(REGELS, start=3):
        for kolom, waarde in enumerate(regel, start=1):
            blad.cell(row=rij, column=kolom, value=waarde)
    blad.column_dimensions["A"].width = 55
    boek.create_sheet("Toelichting")["A1"] = "Bedragen in euro's; negatief is een last."
    boek.save(Path(__file__).with_name("begroting-2026.xlsx"))


if __name__ == "__main__":
    main()

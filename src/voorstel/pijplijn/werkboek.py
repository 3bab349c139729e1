"""Figures from a workbook (.xlsx, read-only, cached values) or a CSV file, each with the
place it came from, so a message or a diff can name the cell."""

from __future__ import annotations

import csv
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from voorstel.kern.errors import VoorstelError

_BEREIK = re.compile(r"^([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})$")


@dataclass(frozen=True)
class Waarde:
    """A cell's value and where it is: 'begroting-2026.xlsx, blad Wijziging, cel D7'."""

    waarde: Any
    plaats: str


def _kolomnummer(letters: str) -> int:
    nummer = 0
    for letter in letters:
        nummer = nummer * 26 + ord(letter) - ord("A") + 1
    return nummer


def _kolomletters(nummer: int) -> str:
    letters = ""
    while nummer:
        nummer, rest = divmod(nummer - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def lees_xlsx(pad: Path, naam: str, blad: str | None, bereik: str) -> list[list[Waarde]]:
    """The cells of `bereik` (A3:F20) on `blad`, as cached values (formulas give their last
    computed value); a formula Excel never computed is an error."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    vorm = _BEREIK.match(bereik.replace("$", "").upper())
    if vorm is None:
        raise VoorstelError(f"bereik '{bereik}' is geen bereik; schrijf bijvoorbeeld A3:F20")
    k1, r1, k2, r2 = _kolomnummer(vorm[1]), int(vorm[2]), _kolomnummer(vorm[3]), int(vorm[4])
    try:
        boek = openpyxl.load_workbook(pad, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise VoorstelError(
            f"{naam} is geen Excel-werkmap (.xlsx) ({type(exc).__name__}); sla het bestand in "
            "Excel op als Excel-werkmap, of gebruik een CSV-bestand"
        ) from None
    try:
        if blad is None:
            blad = boek.sheetnames[0]
        if blad not in boek.sheetnames:
            raise VoorstelError(
                f"{naam}: blad '{blad}' bestaat niet; de bladen zijn {', '.join(boek.sheetnames)}"
            )
        werkblad = boek[blad]
        hoogte, breedte = werkblad.max_row or 0, werkblad.max_column or 0
        if r2 > hoogte or k2 > breedte or r1 > r2 or k1 > k2:
            raise VoorstelError(
                f"{naam}, blad {blad}: bereik {bereik} valt buiten het blad (dat loopt van A1 "
                f"tot {_kolomletters(breedte)}{hoogte}); controleer het bereik"
            )
        rijen = [
            [
                Waarde(cel.value, f"{naam}, blad {blad}, cel {_kolomletters(k1 + i)}{r1 + j}")
                for i, cel in enumerate(rij)
            ]
            for j, rij in enumerate(
                werkblad.iter_rows(min_row=r1, max_row=r2, min_col=k1, max_col=k2)
            )
        ]
    finally:
        boek.close()
    if any(w.waarde is None for rij in rijen for w in rij):
        _lege_cellen(pad, naam, blad, rijen, (k1, r1))
    return rijen


def _lege_cellen(
    pad: Path, naam: str, blad: str, rijen: list[list[Waarde]], begin: tuple[int, int]
) -> None:
    """An empty cached value may be part of merged cells, or a formula Excel never
    computed: say which. (Only a workbook opened in full knows its merged cells, so this
    is done on the error path only.)"""
    import openpyxl

    boek = openpyxl.load_workbook(pad, read_only=False, data_only=False)
    try:
        werkblad = boek[blad]
        k1, r1 = begin
        k2, r2 = k1 + len(rijen[0]) - 1, r1 + len(rijen) - 1
        for samen in werkblad.merged_cells.ranges:
            if (
                samen.min_col <= k2
                and samen.max_col >= k1
                and samen.min_row <= r2
                and (samen.max_row >= r1)
            ):
                raise VoorstelError(
                    f"{naam}, blad {blad}: de cellen {samen.coord} zijn samengevoegd; een bron "
                    "leest elke cel apart. Maak de samenvoeging ongedaan en zet in elke cel een "
                    "eigen waarde, of kies een bereik zonder samengevoegde cellen"
                )
        for j, rij in enumerate(rijen):
            for i, waarde in enumerate(rij):
                if waarde.waarde is not None:
                    continue
                formule = werkblad.cell(row=r1 + j, column=k1 + i).value
                if isinstance(formule, str) and formule.startswith("="):
                    raise VoorstelError(
                        f"{waarde.plaats}: de formule {formule} heeft geen berekende waarde; "
                        "open de werkmap in Excel (of LibreOffice) en sla hem op"
                    )
    finally:
        boek.close()


def lees_csv(pad: Path, naam: str, getallen: str) -> list[list[Waarde]]:
    """A CSV file: ';' between fields for Dutch numbers (1.234,56), ',' for English ones."""
    scheiding = ";" if getallen == "nl" else ","
    try:
        tekst = pad.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise VoorstelError(f"{naam} is geen UTF-8; sla het CSV-bestand op als UTF-8") from None
    rijen = list(csv.reader(tekst.splitlines(), delimiter=scheiding))
    return [
        [
            Waarde(_csv_getal(v, getallen), f"{naam}, regel {j + 1}, kolom {_kolomletters(i + 1)}")
            for i, v in enumerate(rij)
        ]
        for j, rij in enumerate(rijen)
        if rij
    ]


def _csv_getal(tekst: str, getallen: str) -> Any:
    ruw = tekst.strip().replace("€", "").replace(" ", "")
    if not ruw:
        return None
    schoon = ruw.replace(".", "").replace(",", ".") if getallen == "nl" else ruw.replace(",", "")
    try:
        return Decimal(schoon)
    except InvalidOperation:
        return tekst.strip()


def bedrag(waarde: Waarde) -> Decimal | None:
    """A cell as an amount: a number, or PM; text or an empty cell is an error."""
    v = waarde.waarde
    if isinstance(v, bool):
        raise VoorstelError(f"{waarde.plaats}: '{v}' is geen getal; vul een bedrag in")
    if isinstance(v, int | Decimal):
        return Decimal(v)
    if isinstance(v, float):
        return Decimal(repr(v))
    if v is None:
        raise VoorstelError(f"{waarde.plaats}: de cel is leeg; vul een bedrag in of schrijf PM")
    if isinstance(v, str) and v.strip().upper() == "PM":
        return None
    raise VoorstelError(f"{waarde.plaats}: '{v}' is geen getal; vul een bedrag in of schrijf PM")


BRONVELDEN = {
    "bestand": "Het Excel-bestand (.xlsx) of CSV-bestand met de cijfers, relatief aan dit bestand.",
    "blad": "Het werkblad in de Excel-werkmap (mag weg: het eerste blad).",
    "bereik": "De cellen in de Excel-werkmap, bijvoorbeeld A3:F20 (verplicht bij een werkmap).",
    "getallen": "Bij een CSV-bestand de getalnotatie: nl (1.234,56, gescheiden door ;) of en "
    "(1,234.56, gescheiden door ,).",
}
"""The fields of a `bron:`, with what each means (for the JSON Schema)."""


def begroting_uit(
    rijen: list[list[Waarde]],
) -> tuple[list[str], list[dict[str, Any]], list[dict[str, str]]]:
    """A begroting's kolommen (the first row after its label), regels (onderdeel first) and
    per regel the cell each amount came from."""
    kolommen = _kopregel(rijen, "onderdeel en de kolommen")[1:]
    regels = []
    herkomst = []
    for rij in rijen[1:]:
        if rij[0].waarde is None or str(rij[0].waarde).strip() == "":
            raise VoorstelError(f"{rij[0].plaats}: de cel is leeg; geef de regel een onderdeel")
        bedragen = {}
        for kolom, cel in zip(kolommen, rij[1:], strict=True):
            getal = bedrag(cel)
            bedragen[kolom] = "PM" if getal is None else getal
        regels.append({"onderdeel": str(rij[0].waarde).strip(), "bedragen": bedragen})
        herkomst.append({k: c.plaats for k, c in zip(kolommen, rij[1:], strict=True)})
    return kolommen, regels, herkomst


TEKSTKOLOMMEN = ("toelichting", "opmerking")


def _kopregel(rijen: list[list[Waarde]], wat: str) -> list[str]:
    """The header row's names; the range needs it and at least one line under it."""
    if len(rijen) < 2 or len(rijen[0]) < 2:
        plaats = rijen[0][0].plaats if rijen and rijen[0] else "het bereik"
        raise VoorstelError(
            f"{plaats}: het bereik moet een kopregel ({wat}) en minstens één regel hebben, en "
            "minstens twee kolommen"
        )
    namen = [_tekst(rijen[0][0]) or ""]  # the first column's header may stay empty
    for kop in rijen[0][1:]:
        if kop.waarde is None or str(kop.waarde).strip() == "":
            raise VoorstelError(f"{kop.plaats}: de kop van deze kolom is leeg; geef hem een naam")
        waarde = kop.waarde
        namen.append(str(int(waarde)) if isinstance(waarde, float | Decimal) else str(waarde))
    return namen


def _tekst(waarde: Waarde) -> str | None:
    v = waarde.waarde
    if v is None or str(v).strip() == "":
        return None
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()


def kostentabel_uit(
    rijen: list[list[Waarde]],
) -> tuple[str, list[dict[str, Any]], list[dict[str, str]]]:
    """A kostentabel's amount column name and posten: the first column is the onderdeel,
    columns headed Toelichting or Opmerking are text, the one other column the bedrag."""
    namen = _kopregel(rijen, "onderdeel, bedrag en eventueel toelichting en opmerking")
    tekst = {
        i: n.strip().lower() for i, n in enumerate(namen) if n.strip().lower() in TEKSTKOLOMMEN
    }
    bedragkolommen = [i for i in range(1, len(namen)) if i not in tekst]
    if len(bedragkolommen) != 1:
        plaats = rijen[0][0].plaats
        raise VoorstelError(
            f"{plaats}: een kostentabel heeft precies één kolom met bedragen (naast het "
            f"onderdeel en eventueel Toelichting en Opmerking); dit bereik heeft er "
            f"{len(bedragkolommen)}: {', '.join(namen[i] for i in bedragkolommen) or 'geen'}"
        )
    kolom = bedragkolommen[0]
    posten: list[dict[str, Any]] = []
    herkomst: list[dict[str, str]] = []
    for rij in rijen[1:]:
        onderdeel = _tekst(rij[0])
        if onderdeel is None:
            raise VoorstelError(f"{rij[0].plaats}: de cel is leeg; geef de post een onderdeel")
        getal = bedrag(rij[kolom])
        if getal is not None and getal < 0:
            raise VoorstelError(
                f"{rij[kolom].plaats}: {getal} is negatief; een bedrag in een kostentabel is "
                "niet negatief (een bezuiniging of mutatie hoort in een begroting)"
            )
        post: dict[str, Any] = {"onderdeel": onderdeel, "bedrag": "PM" if getal is None else getal}
        for index, veld in tekst.items():
            if (waarde := _tekst(rij[index])) is not None:
                post[veld] = waarde
        posten.append(post)
        herkomst.append({"bedrag": rij[kolom].plaats})
    return namen[kolom], posten, herkomst


def gewichten_uit(rijen: list[list[Waarde]]) -> dict[str, Decimal]:
    """A component's weights: a header row, then per line a gemeente and its weight (a
    number such as inwoners; an Excel percentage counts as its fraction, which divides
    the same)."""
    namen = _kopregel(rijen, "gemeente en gewicht")
    if len(namen) != 2:
        raise VoorstelError(
            f"{rijen[0][0].plaats}: het bereik van gewichten heeft twee kolommen, gemeente en "
            f"gewicht; dit bereik heeft er {len(namen)}"
        )
    gewichten: dict[str, Decimal] = {}
    for naam_cel, gewicht_cel in rijen[1:]:
        gemeente = _tekst(naam_cel)
        if gemeente is None:
            raise VoorstelError(
                f"{naam_cel.plaats}: de cel is leeg; vul de naam van de gemeente in"
            )
        if gemeente in gewichten:
            raise VoorstelError(f"{naam_cel.plaats}: '{gemeente}' staat twee keer in het bereik")
        getal = bedrag(gewicht_cel)
        if getal is None:
            raise VoorstelError(f"{gewicht_cel.plaats}: PM is geen gewicht; vul een getal in")
        gewichten[gemeente] = getal
    return gewichten


def lees_bron(pad: Path, naam: str, bron: dict[str, Any]) -> list[list[Waarde]]:
    """The cells a `bron:` names: a workbook's sheet and range, or a whole CSV file."""
    onbekend = sorted(set(bron) - set(BRONVELDEN))
    if onbekend:
        raise VoorstelError(
            f"onbekend veld '{onbekend[0]}' in bron; toegestaan: {', '.join(sorted(BRONVELDEN))}"
        )
    if pad.suffix.lower() in (".xlsx", ".xlsm"):
        if not bron.get("bereik"):
            raise VoorstelError("bron: geef het 'bereik' in de werkmap, bijvoorbeeld A3:F20")
        blad = bron.get("blad")
        return lees_xlsx(pad, naam, None if blad is None else str(blad), str(bron["bereik"]))
    if pad.suffix.lower() == ".csv":
        getallen = bron.get("getallen")
        if getallen not in ("nl", "en"):
            raise VoorstelError(
                "bron: geef bij een CSV-bestand de getalnotatie: 'getallen: nl' (1.234,56, "
                "velden gescheiden door ;) of 'getallen: en' (1,234.56, gescheiden door ,)"
            )
        return lees_csv(pad, naam, str(getallen))
    raise VoorstelError(f"{naam}: een bron is een Excel-werkmap (.xlsx) of een CSV-bestand (.csv)")

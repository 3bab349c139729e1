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
        _formules_zonder_waarde(pad, naam, blad, rijen, (k1, r1))
    return rijen


def _formules_zonder_waarde(
    pad: Path, naam: str, blad: str, rijen: list[list[Waarde]], begin: tuple[int, int]
) -> None:
    """An empty cached value may be a formula Excel never computed: say so."""
    import openpyxl

    boek = openpyxl.load_workbook(pad, read_only=True, data_only=False)
    try:
        werkblad = boek[blad]
        k1, r1 = begin
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
        raise VoorstelError(
            f"{waarde.plaats}: de cel is leeg (of hoort bij samengevoegde cellen); vul een "
            "bedrag in of schrijf PM"
        )
    if isinstance(v, str) and v.strip().upper() == "PM":
        return None
    raise VoorstelError(f"{waarde.plaats}: '{v}' is geen getal; vul een bedrag in of schrijf PM")


BRONVELDEN = frozenset({"bestand", "blad", "bereik", "getallen"})


def begroting_uit(
    rijen: list[list[Waarde]],
) -> tuple[list[str], list[dict[str, Any]], list[dict[str, str]]]:
    """A begroting's kolommen (the first row after its label), regels (onderdeel first) and
    per regel the cell each amount came from."""
    if len(rijen) < 2 or len(rijen[0]) < 2:
        plaats = rijen[0][0].plaats if rijen and rijen[0] else "het bereik"
        raise VoorstelError(
            f"{plaats}: het bereik moet een kopregel (onderdeel en de kolommen) en minstens "
            "één regel hebben, en minstens twee kolommen"
        )
    kolommen = []
    for kop in rijen[0][1:]:
        if kop.waarde is None or str(kop.waarde).strip() == "":
            raise VoorstelError(f"{kop.plaats}: de kop van deze kolom is leeg; geef hem een naam")
        waarde = kop.waarde
        kolommen.append(str(int(waarde)) if isinstance(waarde, float | Decimal) else str(waarde))
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


def lees_bron(pad: Path, naam: str, bron: dict[str, Any]) -> list[list[Waarde]]:
    """The cells a `bron:` names: a workbook's sheet and range, or a whole CSV file."""
    onbekend = sorted(set(bron) - BRONVELDEN)
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

"""The bad-input matrix: every kind of broken or hostile input, each with its exact message.

One case per item of the list in the issue on hostile input. Each writes a file into
tmp_path, runs load and validate as `voorstel validate` does, and asserts the one Dutch
message with path:line that the user sees.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import MINIMAAL
from voorstel.bouwen.build import laad_en_valideer
from voorstel.kern.errors import VoorstelError

MB = 1024 * 1024


def _groot_bestand(path: Path) -> None:
    """A 50 MB file: valid YAML at the start, then a sparse hole (nothing is read)."""
    with path.open("wb") as handle:
        handle.write(MINIMAAL.encode())
        handle.seek(50 * MB - 1)
        handle.write(b"\n")


def _lachsalvo() -> str:
    """Billion laughs: ten levels of ten aliases each, 10^10 parts when expanded."""
    regels = ["soort: collegevoorstel", "a0: &a0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]"]
    for n in range(1, 10):
        regels.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]")
    return "\n".join(regels) + "\n"


def _met(oud: str, nieuw: str) -> str:
    """MINIMAAL with one piece of text replaced."""
    assert oud in MINIMAAL
    return MINIMAAL.replace(oud, nieuw)


NEGATIEF = (
    MINIMAAL
    + """\
financien:
  onderdelen:
    - tabel:
        posten:
          - onderdeel: Inhuur
            bedrag: -500
"""
)


SLEUTEL = """\
soort: verdeelsleutel
naam: Verdeelsleutel Regio 2024
componenten:
  - naam: Rato
    aandeel: "50%"
    gewichten:
      Beek: "50%"
      Beekdaelen: "50%"
  - naam: Jongeren <20
    aandeel: "50%"
    gewichten:
      Beek: 1234
      Beekdaelen: 2871
"""

REGIONAAL = MINIMAAL.replace(
    "soort: collegevoorstel\n",
    "soort: collegevoorstel\ngemeente: {gemeente}\nregio:\n  naam: Regio\n"
    "  verdeelsleutel: {sleutel}\n",
)
"""A regional proposal for a gemeente (line 2); its key reference is on line 5."""


def _met_sleutel(
    verwijzing: str,
    sleutel: str | None,
    waar: str = "sleutel.yaml",
    gemeente: str = "Beek",
    symlink: str | None = None,
) -> Callable[[Path], None]:
    """A regional document referring to `verwijzing`; the key (if any) written at `waar`,
    and `symlink` (if given) a link to it."""

    def schrijf(path: Path) -> None:
        path.write_text(REGIONAAL.format(sleutel=verwijzing, gemeente=gemeente), "utf-8")
        if sleutel is not None:
            doel = path.parent / waar
            doel.parent.mkdir(parents=True, exist_ok=True)
            doel.write_text(sleutel, "utf-8")
            if symlink is not None:
                (path.parent / symlink).symlink_to(doel)

    return schrijf


@dataclass(frozen=True)
class Geval:
    """One bad input: what the file holds, and the message after '<path>'.

    In the message, {map} stands for the folder of the document.
    """

    inhoud: str | bytes | Callable[[Path], None]
    melding: str


GEVALLEN: dict[str, Geval] = {
    "tab-inspringing": Geval(
        "soort: collegevoorstel\nkopblok:\n\tdatum: 2024-12-05\n",
        ":3: tab gevonden; gebruik spaties om in te springen, geen tabs",
    ),
    "aanhalingsteken-open": Geval(
        'soort: collegevoorstel\nonderwerp: "Een onderwerp\nbeslispunten:\n  - a\n',
        ":2: aanhalingsteken niet gesloten; sluit de tekst af met hetzelfde teken",
    ),
    "dubbele-sleutel": Geval(
        MINIMAAL + "onderwerp: Nog een onderwerp\n",
        ":9: onderwerp: sleutel 'onderwerp' komt twee keer voor; verwijder of hernoem een "
        "van beide",
    ),
    "verkeerd-type": Geval(
        _met("beslispunten:\n  - Iets", "beslispunten: Iets"),
        ":6: beslispunten: moet een lijst zijn (regels die beginnen met '- ')",
    ),
    "onbekend-veld": Geval(
        MINIMAAL + "aanleding: Waarom dit voorstel.\n",
        ":9: aanleding: onbekend veld 'aanleding'; bedoelde u 'aanleiding'?",
    ),
    "verplicht-veld-ontbreekt": Geval(
        _met("onderwerp: Een onderwerp\n", ""),
        ":1: onderwerp: verplicht veld ontbreekt; vul het in",
    ),
    "leeg-bestand": Geval(
        "",
        ": bestand is leeg; begin met 'soort:' en de velden van het document",
    ),
    "geen-utf8": Geval(
        _met("Een onderwerp", "Continuïteit pilot").encode("latin-1"),
        ":5: bestand is geen UTF-8; sla het op als UTF-8 (in de meeste editors: 'Opslaan als' "
        "met codering UTF-8)",
    ),
    "50-mb": Geval(
        _groot_bestand,
        ": bestand is te groot (50 MB; hoogstens 5 MB); splits het op of verwijder bijlagen",
    ),
    "tag-python-object": Geval(
        _met("Een onderwerp", '!!python/object/apply:os.system ["touch /tmp/gehackt"]'),
        ":5: YAML-tag '!!python/object/apply:os.system' is niet toegestaan; het bestand mag "
        "alleen tekst, getallen, datums, lijsten en velden bevatten (haal de tag weg)",
    ),
    "tag-onbekend": Geval(
        _met("Een onderwerp", "!include /etc/passwd"),
        ":5: YAML-tag '!include' is niet toegestaan; het bestand mag alleen tekst, getallen, "
        "datums, lijsten en velden bevatten (haal de tag weg)",
    ),
    "billion-laughs": Geval(
        _lachsalvo(),
        ":6: ankers en verwijzingen (&naam en *naam) herhalen samen meer dan 100.000 "
        "onderdelen; schrijf de gegevens uit of verwijs minder vaak",
    ),
    "onmogelijke-datum": Geval(
        _met("2024-12-05", "2025-02-31"),
        ":3: datum 2025-02-31 bestaat niet (februari 2025 heeft 28 dagen); schrijf een "
        "bestaande datum als JJJJ-MM-DD",
    ),
    "negatief-bedrag": Geval(
        NEGATIEF,
        ":14: financien.onderdelen[0].tabel.posten[0].bedrag: mag niet negatief zijn (€ -500,00)",
    ),
    "bedrag-hexadecimaal": Geval(
        NEGATIEF.replace("-500", "0x10"),
        ':14: financien.onderdelen[0].tabel.posten[0].bedrag: "0x10" is geen bedrag: schrijf '
        "het in gewone cijfers, zonder voorloopnullen, exponent (e) of 0x/0o/0b, bijvoorbeeld "
        '1500 of "€ 1.500,00"',
    ),
    "bedrag-octaal": Geval(
        NEGATIEF.replace("-500", "0o10"),
        ':14: financien.onderdelen[0].tabel.posten[0].bedrag: "0o10" is geen bedrag: schrijf '
        "het in gewone cijfers, zonder voorloopnullen, exponent (e) of 0x/0o/0b, bijvoorbeeld "
        '1500 of "€ 1.500,00"',
    ),
    "bedrag-binair": Geval(
        NEGATIEF.replace("-500", "0b101"),
        ':14: financien.onderdelen[0].tabel.posten[0].bedrag: "0b101" is geen bedrag: schrijf '
        "het in gewone cijfers, zonder voorloopnullen, exponent (e) of 0x/0o/0b, bijvoorbeeld "
        '1500 of "€ 1.500,00"',
    ),
    "bedrag-exponent": Geval(
        NEGATIEF.replace("-500", "1e3"),
        ':14: financien.onderdelen[0].tabel.posten[0].bedrag: "1e3" is geen bedrag: schrijf '
        "het in gewone cijfers, zonder voorloopnullen, exponent (e) of 0x/0o/0b, bijvoorbeeld "
        '1500 of "€ 1.500,00"',
    ),
    "procent-boven-100": Geval(
        SLEUTEL.replace('aandeel: "50%"', 'aandeel: "120%"', 1),
        ":5: componenten[0].aandeel: moet tussen 0% en 100% liggen, niet 120%",
    ),
    "onbekende-gemeente-in-sleutel": Geval(
        _met_sleutel("sleutel.yaml", SLEUTEL, gemeente="Beekdalen"),
        ":2: gemeente: gemeente 'Beekdalen' staat niet in verdeelsleutel 'sleutel.yaml' "
        "(Beek, Beekdaelen); bedoelde u 'Beekdaelen'?",
    ),
    "sleutel-ontbreekt": Geval(
        _met_sleutel("sleutels/wbo.yaml", None),
        ":5: regio.verdeelsleutel: bestand 'sleutels/wbo.yaml' niet gevonden (gezocht: "
        "{map}/sleutels/wbo.yaml); controleer de naam en de map, relatief aan dit document",
    ),
    "sleutel-buiten-project": Geval(
        _met_sleutel("../buiten.yaml", SLEUTEL, waar="../buiten.yaml"),
        ":5: regio.verdeelsleutel: '../buiten.yaml' ligt buiten het project ({map}); verwijs "
        "naar een bestand binnen de projectmap",
    ),
    "sleutel-via-link-buiten-project": Geval(
        _met_sleutel("sleutel.yaml", SLEUTEL, waar="../buiten.yaml", symlink="sleutel.yaml"),
        ":5: regio.verdeelsleutel: 'sleutel.yaml' ligt buiten het project ({map}); verwijs "
        "naar een bestand binnen de projectmap",
    ),
    "stuurteken-in-tekst": Geval(
        _met("Een onderwerp", '"Een bel\\a in de tekst"'),
        ":5: onderwerp: tekst bevat het teken U+0007, dat niet in een document kan staan; "
        "verwijder het",
    ),
}


@pytest.mark.parametrize("naam", list(GEVALLEN))
def test_slechte_invoer(tmp_path: Path, naam: str) -> None:
    geval = GEVALLEN[naam]
    path = tmp_path / "project" / "voorstel.yaml"
    path.parent.mkdir()
    if isinstance(geval.inhoud, bytes):
        path.write_bytes(geval.inhoud)
    elif isinstance(geval.inhoud, str):
        path.write_text(geval.inhoud, encoding="utf-8")
    else:
        geval.inhoud(path)
    with pytest.raises(VoorstelError) as info:
        laad_en_valideer(path)
    assert str(info.value) == f"{path}{geval.melding.format(map=path.parent)}"


def test_groot_bestand_wordt_niet_gelezen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "groot.yaml"
    _groot_bestand(path)

    def niet_lezen(*_: object, **__: object) -> bytes:
        raise AssertionError("een te groot bestand mag niet gelezen worden")

    monkeypatch.setattr(Path, "read_bytes", niet_lezen)
    monkeypatch.setattr(Path, "read_text", niet_lezen)
    with pytest.raises(VoorstelError, match="bestand is te groot"):
        laad_en_valideer(path)

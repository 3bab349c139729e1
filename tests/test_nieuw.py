"""Tests for `voorstel new`: a starter file per soort that is complete, commented and valid."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from voorstel.blokken.begroting import Begrotingsgroep, Begrotingstabel
from voorstel.blokken.modellen import Groep, Kostentabel
from voorstel.bouwen.build import bouw_bestand
from voorstel.bouwen.nieuw import SCHEMAREGEL
from voorstel.cli import main
from voorstel.pijplijn.load import load
from voorstel.pijplijn.schema import SCHEMAMAP
from voorstel.pijplijn.validate import _model_in, modellen_in, validate
from voorstel.soorten import REGISTER

SLEUTEL = re.compile(r"^\s*(?:- )?([a-z_]+):")
UITGECOMMENTARIEERD = re.compile(r"^\s*#[\s#]*(?:- )?([a-z_]+):", re.M)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def nieuw_bestand(runner: CliRunner, soort: str, pad: Path) -> Path:
    result = runner.invoke(main, ["new", soort, str(pad)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"gemaakt: {pad}\nvul de velden in en maak het document met: voorstel build {pad}\n"
    )
    return pad


def modellen(model: type[BaseModel]) -> set[type[BaseModel]]:
    """A model and every model its fields can hold, however deep."""
    gevonden = {model}
    for info in model.model_fields.values():
        for binnen in modellen_in(info.annotation):  # each of a union: a beslispunt or a group
            if binnen not in gevonden:
                gevonden |= modellen(binnen)
    return gevonden


def geschreven_velden(waarde: Any, data: Any) -> Iterator[tuple[type[BaseModel], set[str]]]:
    """Every model in a document with the keys written for it in the YAML."""
    if isinstance(waarde, BaseModel):
        yield type(waarde), set(data) if isinstance(data, dict) else set()
        for naam in type(waarde).model_fields:
            if isinstance(data, dict) and naam in data:
                yield from geschreven_velden(getattr(waarde, naam), data[naam])
    elif isinstance(waarde, list | tuple) and isinstance(data, list):
        for item, item_data in zip(waarde, data, strict=True):
            yield from geschreven_velden(item, item_data)


@pytest.mark.parametrize("soort", REGISTER.namen())
def test_nieuw_bestand_is_geldig_en_bouwt(runner: CliRunner, tmp_path: Path, soort: str) -> None:
    pad = nieuw_bestand(runner, soort, tmp_path / "nieuw" / f"{soort}.yaml")
    gevalideerd = validate(load(pad))
    assert gevalideerd.soort == soort
    assert gevalideerd.waarschuwingen == []
    resultaat = bouw_bestand(pad, tmp_path / "build")
    assert resultaat.fout is None, str(resultaat.fout)
    # Besides the document: the charts a soort draws (inkoopstrategie), as PNG next to the .md.
    assert {p.suffix for p in resultaat.geschreven} - {".png"} == {".docx", ".md"}
    result = runner.invoke(main, ["validate", str(pad)])
    assert (result.exit_code, result.output) == (0, f"{pad}: geldig\n")


@pytest.mark.parametrize("soort", REGISTER.namen())
def test_nieuw_bestand_heeft_elk_veld(runner: CliRunner, tmp_path: Path, soort: str) -> None:
    """Every field of every block the soort can hold is written at least once."""
    bron = load(nieuw_bestand(runner, soort, tmp_path / f"{soort}.yaml"))
    geschreven: dict[type[BaseModel], set[str]] = {}
    for model, velden in geschreven_velden(validate(bron).document, bron.data):
        geschreven.setdefault(model, set()).update(velden)
    # A block that refers to another file (a verdeelsleutel) cannot be valid in a starter
    # on its own: it is there, commented out, to be switched on.
    commentaar = set(UITGECOMMENTARIEERD.findall(bron.path.read_text(encoding="utf-8")))
    # posten and groepen are alternatives: a table has one of them, so a starter with a
    # single cost table (inkoopstrategie) shows posten only
    if "posten" in geschreven.get(Kostentabel, set()):
        geschreven.setdefault(Kostentabel, set()).add("groepen")
        geschreven.setdefault(Groep, set()).update(Groep.model_fields)
    # so are a begroting's regels and groepen; the starter shows groepen in its kostentabel
    if "regels" in geschreven.get(Begrotingstabel, set()):
        geschreven.setdefault(Begrotingstabel, set()).add("groepen")
        geschreven.setdefault(Begrotingsgroep, set()).update(Begrotingsgroep.model_fields)
    ontbreekt = {
        f"{model.__name__}.{veld}"
        for model in modellen(REGISTER[soort].model)
        for veld, info in model.model_fields.items()
        if veld not in geschreven.get(model, set())
        and not (verwijst(model, info.annotation) and veld in commentaar)
    }
    assert sorted(ontbreekt) == []


def verwijst(model: type[BaseModel], annotation: Any) -> bool:
    """Whether a field is, or is part of, a block that refers to another file."""
    return hasattr(model, "verwijzingen") or hasattr(_model_in(annotation), "verwijzingen")


@pytest.mark.parametrize("soort", REGISTER.namen())
def test_elk_veld_heeft_commentaar(runner: CliRunner, tmp_path: Path, soort: str) -> None:
    """Each key has a comment at the end of its line or on the line above."""
    regels = nieuw_bestand(runner, soort, tmp_path / f"{soort}.yaml").read_text().splitlines()
    zonder = [
        f"{index + 1}: {regel.strip()}"
        for index, regel in enumerate(regels)
        if SLEUTEL.match(regel)
        and " # " not in regel
        and not regels[index - 1].lstrip().startswith("#")
    ]
    assert zonder == []


def test_nieuw_overschrijft_nooit(runner: CliRunner, tmp_path: Path) -> None:
    pad = tmp_path / "bestaat.yaml"
    pad.write_text("soort: memo\n# mijn werk\n", encoding="utf-8")
    for soort in REGISTER.namen():
        result = runner.invoke(main, ["new", soort, str(pad)])
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr == (
            f"{pad}: bestaat al en wordt niet overschreven; kies een andere naam of verwijder "
            "het bestand eerst\n"
        )
        assert pad.read_text(encoding="utf-8") == "soort: memo\n# mijn werk\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestaat.yaml"]


def test_onbekende_soort_is_verkeerd_gebruik(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["new", "begrotingsnota", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "begrotingsnota" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_eigen_startbestand_gaat_voor(runner: CliRunner, tmp_path: Path) -> None:
    eigen = tmp_path / "huisstijl" / "memo" / "nieuw.yaml"
    eigen.parent.mkdir(parents=True)
    eigen.write_text("# Ons eigen startbestand\nsoort: memo\n", encoding="utf-8")
    pad = tmp_path / "memo.yaml"
    result = runner.invoke(main, ["new", "memo", str(pad), "--templates", str(eigen.parents[1])])
    assert result.exit_code == 0, result.output
    regel = f"{SCHEMAREGEL}{(SCHEMAMAP / 'memo.schema.json').as_posix()}\n"
    assert pad.read_text(encoding="utf-8") == regel + "# Ons eigen startbestand\nsoort: memo\n"

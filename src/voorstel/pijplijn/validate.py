"""Validate: raw data -> a Pydantic model, every problem collected with its file:line."""

from __future__ import annotations

import copy
import dataclasses
import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

from pydantic import AfterValidator, BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from voorstel.blokken.begroting import Begrotingstabel, VerdelingRef
from voorstel.blokken.begrotingswijziging import Begrotingswijziging
from voorstel.blokken.modellen import Kopwaarde, Kostentabel, MetKopvelden
from voorstel.blokken.regio import Ambtsdragers
from voorstel.blokken.types import Proza, ProzaTekst, Tekst
from voorstel.blokken.verdeelsleutel import Verdeelsleutel
from voorstel.kern import lakken, prose
from voorstel.kern.errors import Probleem, ValidatieFout, VoorstelError
from voorstel.kern.locaties import Bron, Loc
from voorstel.pijplijn import project, werkboek
from voorstel.pijplijn.gedeeld import los_op
from voorstel.pijplijn.load import load, walk
from voorstel.soorten import GEDEELDE_SOORTEN, REGISTER

SAMENVATTING_MAX_WOORDEN = 150
SAMENVATTING_MAX_REGELS = 10
TEKENS_PER_REGEL = 95


@dataclass
class Gevalideerd:
    """A valid document with the warnings found on the way."""

    bron: Bron
    document: BaseModel
    waarschuwingen: list[Probleem] = field(default_factory=list)
    sleutels: dict[str, Verdeelsleutel] = field(default_factory=dict)
    afhankelijkheden: list[Path] = field(default_factory=list)
    ambtsdragers: Ambtsdragers | None = None
    """The office holders of the region's gemeenten (regio.ambtsdragers), if named."""

    @property
    def soort(self) -> str:
        return str(getattr(self.document, "soort"))  # noqa: B009


DATUMFOUT = "geen geldige datum; schrijf als JJJJ-MM-DD, bijvoorbeeld 2024-12-05"
"""The message for a value that is no date (also the JSON Schema's, for the editor)."""


def veldnaam(loc: Loc) -> str:
    """A location as users write it: financien.onderdelen[0].tabel.posten[3].bedrag."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


_PYDANTIC_TAG = re.compile(r"[\[\(\-]|^(str|int|bool|date|decimal|list|dict|none|literal)$", re.I)


def _heeft(data: Any, part: int | str) -> bool:
    if isinstance(data, dict):
        return part in data
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


def _data_loc(loc: tuple[int | str, ...], data: Any) -> Loc:
    """Pydantic's error location without its own tags; a key in the data is always kept."""
    result: list[str | int] = []
    for part in loc:
        if _heeft(data, part):
            result.append(part)
            data = data[part]
        elif isinstance(part, int) or not _PYDANTIC_TAG.search(part):
            result.append(part)
            data = None
    return tuple(result)


def _bericht(
    error: ErrorDetails,
    model: type[BaseModel],
    loc: Loc,
    data: Any,
    extra: dict[Loc, list[str]] | None = None,
) -> str:
    """Pydantic's error in Dutch. `extra`: fields a model accepts besides its own (the
    gemeente's kop fields), by the location of the model, for suggestions."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if "bericht" in ctx:
        return str(ctx["bericht"])
    if kind == "missing":
        return "verplicht veld ontbreekt; vul het in"
    if kind == "extra_forbidden":
        kandidaten = _velden_bij(model, loc[:-1], data) + (extra or {}).get(loc[:-1], [])
        return _onbekend_veld(str(loc[-1]), kandidaten)
    if kind == "literal_error":
        keuzes = str(ctx.get("expected", "")).replace("'", '"').replace(" or ", " of ")
        return f"ongeldige waarde; kies uit {keuzes}"
    if kind.startswith("date") or kind == "date_type":
        return DATUMFOUT
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "moet een geheel getal zijn"
    if kind in ("bool_type", "bool_parsing"):
        return "moet ja of nee zijn (true of false)"
    if kind in ("list_type",):
        return "moet een lijst zijn (regels die beginnen met '- ')"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "moet een groep velden zijn ('naam: waarde' op de regels eronder)"
    if kind == "too_short":
        return "mag niet leeg zijn; geef er minstens één"
    if kind == "too_long":
        return f"te veel ({ctx.get('actual_length')}); geef er hoogstens {ctx.get('max_length')}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"moet minstens {ctx.get('ge', ctx.get('gt'))} zijn"
    if kind == "string_type":
        return "moet tekst zijn"
    return f"ongeldige waarde ({error['msg']})"


def _velden_bij(model: type[BaseModel], loc: Loc, data: Any) -> list[str]:
    """The fields of the model at `loc`; where a field holds one of several models (a
    beslispunt or a group of them), of the one the keys written there fit best."""
    keuzes: list[type[BaseModel]] = [model]
    sleutel = False  # the part is a key of a dict field (a gemeente's name), not a field
    for part in loc:
        if not isinstance(part, int) and not sleutel:
            info = getattr(_passend(keuzes, data), "model_fields", {}).get(part)
            if info is None:
                return []
            keuzes = modellen_in(info.annotation)
            sleutel = _is_mapping(info.annotation)
        else:
            sleutel = False
        data = data[part] if _heeft(data, part) else None
    return list(getattr(_passend(keuzes, data), "model_fields", {}))


def _is_mapping(annotation: Any) -> bool:
    """Whether a field of type `annotation` is a dict (possibly optional): its keys are
    names chosen in the data, not fields."""
    if get_origin(annotation) is dict:
        return True
    return any(_is_mapping(a) for a in get_args(annotation) if a is not type(None)) and (
        get_origin(annotation) is not list
    )


def _passend(keuzes: list[type[BaseModel]], data: Any) -> type[BaseModel] | None:
    """Of the models a value may be, the one with most of its fields among the keys
    written; the first one when that does not decide."""
    if not keuzes:
        return None
    sleutels = set(data) if isinstance(data, dict) else set()
    return max(keuzes, key=lambda m: len(sleutels & set(m.model_fields)))


def modellen_in(annotation: Any) -> list[type[BaseModel]]:
    """Every model a field of type `annotation` can hold (directly, in a list, a union)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    gevonden: list[type[BaseModel]] = []
    for arg in getattr(annotation, "__args__", ()):
        gevonden += [m for m in modellen_in(arg) if m not in gevonden]
    return gevonden


def _model_in(annotation: Any) -> Any:
    """The first model a field of type `annotation` can hold, or None."""
    gevonden = modellen_in(annotation)
    return gevonden[0] if gevonden else None


def _onbekend_veld(name: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    hint = f"; bedoelde u '{close[0]}'?" if close else ""
    known = f" (toegestaan: {', '.join(candidates)})" if candidates and not close else ""
    return f"onbekend veld '{name}'{hint}{known}"


def _probleem(bron: Bron, loc: Loc, message: str, waarschuwing: bool = False) -> Probleem:
    return Probleem(
        str(bron.path), bron.regel(loc), veldnaam(bron.zoals_geschreven(loc)), message, waarschuwing
    )


def _kies_model(bron: Bron) -> type[BaseModel]:
    soort = bron.data.get("soort")
    if soort is None:
        raise ValidatieFout(
            [
                _probleem(
                    bron,
                    (),
                    "veld 'soort' ontbreekt; begin het bestand met bijvoorbeeld "
                    "'soort: collegevoorstel'",
                )
            ]
        )
    if soort == "verdeelsleutel":
        return Verdeelsleutel
    if soort == "ambtsdragers":
        return Ambtsdragers
    if soort not in REGISTER:
        raise ValidatieFout(
            [
                _probleem(
                    bron,
                    ("soort",),
                    f"onbekende soort '{soort}'; kies uit "
                    + ", ".join(sorted([*REGISTER.namen(), *GEDEELDE_SOORTEN])),
                )
            ]
        )
    return REGISTER[str(soort)].model


def vertaal_fouten(
    bron: Bron,
    model: type[BaseModel],
    exc: ValidationError,
    extra: dict[Loc, list[str]] | None = None,
) -> list[Probleem]:
    """Pydantic's errors as Dutch problems with their lines."""
    problems = []
    for error in exc.errors():
        loc = _data_loc(error["loc"], bron.data)
        problems.append(_probleem(bron, loc, _bericht(error, model, loc, bron.data, extra)))
    return problems


def modellen(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, BaseModel]]:
    """Every model inside a model (itself included), with its location."""
    return ((sub, v) for sub, v in walk(value, loc) if isinstance(v, BaseModel))


def controleer(bron: Bron, document: BaseModel) -> Iterator[Probleem]:
    """The cross-field checks (`controles()`) of every model in the document."""
    for loc, model in modellen(document):
        controles = getattr(model, "controles", None)
        if controles is not None:
            for sub, message in controles():
                yield _probleem(bron, (*loc, *sub), message)


def _model_of_fout(
    bron: Bron, model: type[BaseModel], kop: Kopcontrole | None = None
) -> tuple[BaseModel | None, list[Probleem]]:
    """The model with its cross-field problems, or None with pydantic's problems. With the
    gemeente's kop fields (`kop`), the model validates the data without them, and the kop
    gets them after."""
    data = bron.data if kop is None else kop.data
    extra: dict[Loc, list[str]] | None = (
        None if kop is None else {("kopblok",): [v.naam for v in kop.kop.velden]}
    )
    try:
        document = model.model_validate(data)
    except ValidationError as exc:
        return None, vertaal_fouten(bron, model, exc, extra)
    kopblok = getattr(document, "kopblok", None)
    if kop is not None and isinstance(kopblok, MetKopvelden):
        kopblok.met_kopvelden(kop.waarden)
    return document, list(controleer(bron, document))


@dataclass
class Kopcontrole:
    """The gemeente's rules checked on a document's raw data: the data without the declared
    kop fields (for the model), their values in the declared order, and the problems."""

    kop: project.Kop
    bestand: str
    data: Any
    waarden: tuple[Kopwaarde, ...] = ()
    problemen: list[Probleem] = field(default_factory=list)


def _regels_van(bron: Bron, model: type[BaseModel]) -> tuple[Kopcontrole | None, list[Path]]:
    """The rules of the document's project for its soort (voorstel.toml in its folder or
    above), checked on its data; and the project file, a dependency of the document."""
    gevonden = project.van_document(bron.path)
    if gevonden is None or gevonden.bestand is None:
        return None, []
    bestand = [gevonden.bestand]
    kop = gevonden.kop.get(str(bron.data.get("soort")))
    if kop is None:
        return None, bestand
    controle = Kopcontrole(kop, str(gevonden.bestand), bron.data)
    controle.problemen += _verplichte_secties(bron, controle)
    kopblok = bron.data.get("kopblok")
    if kop.velden and isinstance(kopblok, dict) and "kopblok" in model.model_fields:
        _kopvelden(bron, controle, kopblok)
    return controle, bestand


def _leeg(waarde: Any) -> bool:
    return (
        waarde is None
        or (isinstance(waarde, str | list | dict) and not waarde)
        or (isinstance(waarde, str) and not waarde.strip())
    )


def _verplichte_secties(bron: Bron, controle: Kopcontrole) -> Iterator[Probleem]:
    """A section the gemeente requires that is missing: at the top of the file (line 1);
    one that is there but empty: at its own line."""
    for sectie in controle.kop.verplichte_secties:
        if sectie not in bron.data:
            yield Probleem(
                str(bron.path),
                1,
                sectie,
                f"verplichte sectie ontbreekt: {controle.bestand} vraagt '{sectie}' in elk "
                f"{bron.data.get('soort')}; voeg '{sectie}:' toe",
            )
        elif _leeg(bron.data[sectie]):
            yield _probleem(
                bron,
                (sectie,),
                f"verplichte sectie is leeg: {controle.bestand} vraagt '{sectie}' in elk "
                f"{bron.data.get('soort')}; vul haar in",
            )


_TEKST: TypeAdapter[str] = TypeAdapter(Tekst)


def _kopwaarde(waarde: Any, veld: project.Kopveld) -> tuple[str, str | None]:
    """The text of a declared kop field's value, or the message why it cannot be."""
    if waarde is None:
        return "", "is leeg; vul het in of haal het veld weg"
    if veld.waarden and not isinstance(waarde, list | dict):
        geschreven = str(waarde).lower() if isinstance(waarde, bool) else str(waarde)
        if geschreven not in veld.waarden:
            return "", f'ongeldige waarde "{geschreven}"; kies uit {keuzes(veld.waarden)}'
        waarde = geschreven
    try:
        return _TEKST.validate_python(waarde), None
    except ValidationError as exc:
        ctx = exc.errors()[0].get("ctx") or {}
        return "", str(ctx.get("bericht", "moet tekst zijn"))


def keuzes(waarden: tuple[str, ...]) -> str:
    namen = [f'"{w}"' for w in waarden]
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " of " + namen[-1]


def _kopvelden(bron: Bron, controle: Kopcontrole, kopblok: dict[str, Any]) -> None:
    """Take the declared fields out of the kopblok: each value checked (text, one of the
    allowed values), a required one that is missing an error at the kopblok's line."""
    namen = {v.naam for v in controle.kop.velden}
    eigen = {k: v for k, v in kopblok.items() if k not in namen}
    controle.data = {**bron.data, "kopblok": eigen}
    waarden: list[Kopwaarde] = []
    for veld in controle.kop.velden:
        loc: Loc = ("kopblok", veld.naam)
        if veld.naam not in kopblok:
            if veld.verplicht:
                keuze = f": {keuzes(veld.waarden)}" if veld.waarden else ""
                controle.problemen.append(
                    _probleem(
                        bron,
                        loc,
                        f"verplicht veld ontbreekt ({veld.label}, gevraagd in "
                        f"{controle.bestand}); vul het in{keuze}",
                    )
                )
            continue
        tekst, bericht = _kopwaarde(kopblok[veld.naam], veld)
        if bericht is not None:
            controle.problemen.append(_probleem(bron, loc, bericht))
        else:
            waarden.append(Kopwaarde(veld.naam, veld.label, tekst))
    controle.waarden = tuple(waarden)


def validate(bron: Bron) -> Gevalideerd:
    """Validate a loaded document and the shared files it refers to; raise ValidatieFout
    with every problem found."""
    model = _kies_model(bron)
    bron, bronpaden, herkomst, bronproblemen = _vul_bronnen(bron)
    if bronproblemen:
        raise ValidatieFout(bronproblemen)
    kop, projectbestand = _regels_van(bron, model)
    bronpaden += projectbestand
    document, problems = _model_of_fout(bron, model, kop)
    if kop is not None:  # a required section that is empty: the gemeente's message only
        eigen = {p.field for p in kop.problemen}
        problems = kop.problemen + [p for p in problems if p.field not in eigen]
    problems.extend(controleer_lakken(bron))
    if document is not None:
        _merk_herkomst(document, herkomst)
    if document is None:
        # Footnotes are checked on the raw data too, so every problem is reported at once.
        voetnoten = bron.data.get("voetnoten")
        centraal = frozenset(voetnoten) if isinstance(voetnoten, dict) else frozenset()
        problems.extend(_controleer_voetnoten(bron, ruwe_prozavelden(model, bron.data), centraal))
        raise ValidatieFout(problems)
    problems.extend(
        _controleer_voetnoten(
            bron,
            prozavelden(document),
            frozenset(getattr(document, "voetnoten", {}) or {}),
        )
    )
    problems.extend(_verdeelde_tabellen(bron, document))
    sleutels, paden, sleutelproblemen = _laad_sleutels(bron, document)
    problems.extend(p for p in sleutelproblemen if not p.waarschuwing)
    problems.extend(_gemeente_in_sleutel(bron, document, sleutels))
    problems.extend(_te_verdelen(bron, document, sleutels))
    ambtsdragers, ambtspad, ambtsproblemen = _laad_ambtsdragers(bron, document, sleutels)
    problems.extend(ambtsproblemen)
    if problems:
        raise ValidatieFout(problems)
    waarschuwingen = [
        *(p for p in sleutelproblemen if p.waarschuwing),
        *_waarschuwingen(bron, document),
    ]
    return Gevalideerd(
        bron, document, waarschuwingen, sleutels, [*bronpaden, *paden, *ambtspad], ambtsdragers
    )


def controleer_lakken(bron: Bron) -> Iterator[Probleem]:
    """Every marker for redaction ([[lak 5.1.2e: tekst]]) in any text of the document is
    whole and names a Woo ground; the problem is on the line of the marker itself."""
    for loc, waarde in walk(bron.data):
        if not isinstance(waarde, str) or "[[" not in waarde:
            continue
        regel = bron.regel(loc)
        for plek, bericht in lakken.problemen(waarde):
            hier = regel
            if regel is not None and "\n" in waarde:  # a block (`veld: |`): its own lines
                hier = regel + 1 + waarde.count("\n", 0, plek)
            yield Probleem(str(bron.path), hier, veldnaam(bron.zoals_geschreven(loc)), bericht)


def _merk_herkomst(document: BaseModel, herkomst: dict[Loc, list[dict[str, str]]]) -> None:
    """Each begroting regel and kostentabel post from a workbook remembers its cells, for
    diff."""
    for loc, model in modellen(document):
        if loc not in herkomst:
            continue
        if isinstance(model, Begrotingstabel):
            onderdelen: list[Any] = list(model.regels)
        elif isinstance(model, Kostentabel):
            onderdelen = list(model.posten)
        else:
            continue
        for onderdeel, cellen in zip(onderdelen, herkomst[loc], strict=True):
            onderdeel.merk_herkomst(cellen)


def _begroting_uit(
    rijen: list[list[werkboek.Waarde]], waarde: dict[str, Any]
) -> tuple[dict[str, Any], list[dict[str, str]] | None]:
    kolommen, regels, herkomst = werkboek.begroting_uit(rijen)
    return {"kolommen": kolommen, "regels": regels}, herkomst


def _kostentabel_uit(
    rijen: list[list[werkboek.Waarde]], waarde: dict[str, Any]
) -> tuple[dict[str, Any], list[dict[str, str]] | None]:
    kolom, posten, herkomst = werkboek.kostentabel_uit(rijen)
    velden: dict[str, Any] = {"posten": posten}
    if "kolom_bedrag" not in waarde:
        velden["kolom_bedrag"] = kolom
    return velden, herkomst


def _gewichten_uit(
    rijen: list[list[werkboek.Waarde]], waarde: dict[str, Any]
) -> tuple[dict[str, Any], list[dict[str, str]] | None]:
    return werkboek.gewichten_uit(rijen), None


_BRONNEN: dict[str, tuple[Any, tuple[str, ...]]] = {
    # field holding the table: (what makes its fields, the fields the source replaces)
    "begroting": (_begroting_uit, ("kolommen", "regels", "groepen")),
    "tabel": (_kostentabel_uit, ("posten", "groepen")),
    "opdrachtwaarde": (_kostentabel_uit, ("posten", "groepen")),
    "gewichten": (_gewichten_uit, ()),
}
"""The tables whose cells may come from a workbook or CSV file: `bron: {bestand: ...}`."""
BRONTABELLEN = {veld: vervangen for veld, (_, vervangen) in _BRONNEN.items()}
"""The fields that may take `bron:`, with the fields the source fills in (none: all of it)."""


def _vul_bronnen(
    bron: Bron,
) -> tuple[Bron, list[Path], dict[Loc, list[dict[str, str]]], list[Probleem]]:
    """Every begroting, kostentabel (`tabel`, `opdrachtwaarde`) and verdeelsleutel
    component's `gewichten` with a `bron:` gets its cells from that workbook or CSV file;
    the files become dependencies of the document."""
    paden: list[Path] = []
    herkomst: dict[Loc, list[dict[str, str]]] = {}
    problemen: list[Probleem] = []
    data = copy.deepcopy(bron.data)
    for loc, waarde in list(walk(data)):
        if not (loc and loc[-1] in _BRONNEN and isinstance(waarde, dict) and "bron" in waarde):
            continue
        maak, vervangen = _BRONNEN[str(loc[-1])]
        spec = waarde["bron"]
        plaats = (*loc, "bron")
        if not isinstance(spec, dict) or "bestand" not in spec:
            problemen.append(
                _probleem(
                    bron,
                    plaats,
                    "bron: geef 'bestand' (en bij een werkmap 'blad' en 'bereik'), bijvoorbeeld "
                    "{bestand: begroting.xlsx, blad: Wijziging, bereik: A3:F20}",
                )
            )
            continue
        try:
            pad = los_op(bron, str(spec["bestand"]))
            rijen = werkboek.lees_bron(pad, Path(str(spec["bestand"])).name, spec)
            velden, cellen = maak(rijen, waarde)
        except VoorstelError as exc:
            problemen.append(_probleem(bron, plaats, exc.message))
            continue
        if cellen is not None:
            herkomst[loc] = cellen
        anders = [k for k in waarde if k != "bron"] if not vervangen else []
        for dubbel in [*(v for v in vervangen if v in waarde), *anders]:
            problemen.append(
                _probleem(bron, (*loc, dubbel), f"'{dubbel}' komt uit de bron; laat het weg")
            )
        if vervangen:
            del waarde["bron"]
        else:  # the whole value comes from the source
            waarde.clear()
        waarde.update(velden)
        paden.append(pad)
    if not paden:
        return bron, [], {}, problemen
    return dataclasses.replace(bron, data=data), paden, herkomst, problemen


def _verdeelde_tabellen(bron: Bron, document: BaseModel) -> Iterator[Probleem]:
    """A verdeling's `tabel` names a kostentabel of this document by its id."""
    ids = [m.id for _, m in modellen(document) if isinstance(m, Kostentabel) and m.id]
    for loc, model in modellen(document):
        if isinstance(model, VerdelingRef) and model.tabel is not None:
            if model.tabel in ids:
                continue
            bekend = (
                f"de kostentabellen met een id zijn: {', '.join(ids)}"
                if ids
                else "geen kostentabel in dit document heeft een id; geef er een 'id'"
            )
            yield _probleem(
                bron, (*loc, "tabel"), f"geen kostentabel met id '{model.tabel}'; {bekend}"
            )


def _gemeente_in_sleutel(
    bron: Bron, document: BaseModel, sleutels: dict[str, Verdeelsleutel]
) -> Iterator[Probleem]:
    """A document for one gemeente names a gemeente its keys know; the keys of a regional
    proposal all name the gemeenten of its regio key, so every variant has its figures."""
    gemeente = getattr(document, "gemeente", None)
    for pad, sleutel in sleutels.items():
        if gemeente is not None and gemeente not in sleutel.gemeenten:
            close = difflib.get_close_matches(gemeente, sleutel.gemeenten, n=1)
            hint = f"; bedoelde u '{close[0]}'?" if close else ""
            yield _probleem(
                bron,
                ("gemeente",),
                f"gemeente '{gemeente}' staat niet in verdeelsleutel '{pad}' "
                f"({', '.join(sleutel.gemeenten)}){hint}",
            )
    regio = getattr(document, "regio", None)
    if regio is None or regio.verdeelsleutel not in sleutels:
        return
    basis = sleutels[regio.verdeelsleutel].gemeenten
    for loc, model in modellen(document):
        for sub, pad in getattr(model, "verwijzingen", lambda: [])():
            anders = sleutels.get(pad)
            if anders is None or set(anders.gemeenten) == set(basis):
                continue
            ontbreekt = [g for g in basis if g not in anders.gemeenten]
            extra = [g for g in anders.gemeenten if g not in basis]
            delen = ([f"mist {', '.join(ontbreekt)}"] if ontbreekt else []) + (
                [f"noemt ook {', '.join(extra)}"] if extra else []
            )
            yield _probleem(
                bron,
                (*loc, *sub),
                f"verdeelsleutel '{pad}' {' en '.join(delen)}; een regionaal voorstel verdeelt "
                f"over de gemeenten van regio.verdeelsleutel ('{regio.verdeelsleutel}')",
            )


def _te_verdelen(
    bron: Bron, document: BaseModel, sleutels: dict[str, Verdeelsleutel]
) -> Iterator[Probleem]:
    """A begrotingswijziging with `verdelen` is in a document with a regio, and the key
    can split each of its amounts (whole euros for a key in euros)."""
    regio = getattr(document, "regio", None)
    for loc, model in modellen(document):
        if not isinstance(model, Begrotingswijziging) or not model.verdelen:
            continue
        if regio is None:
            yield _probleem(
                bron,
                (*loc, "verdelen"),
                "'verdelen: true' geeft elke gemeente haar aandeel in de bedragen volgens "
                "regio.verdeelsleutel, maar dit document heeft geen regio; voeg een regio "
                "toe of haal het veld weg",
            )
            return
        sleutel = sleutels.get(regio.verdeelsleutel)
        if sleutel is None:  # its own problem is reported
            return
        for index, regel in enumerate(model.regels):
            for jaar, bedrag in regel.bedragen.items():
                try:
                    sleutel.verdeel(abs(bedrag))
                except VoorstelError as exc:
                    yield _probleem(
                        bron,
                        (*loc, "regels", index, "bedragen", jaar),
                        f"{exc.message}; dit bedrag wordt over de gemeenten van "
                        f"'{regio.verdeelsleutel}' verdeeld",
                    )


def _laad_sleutels(
    bron: Bron, document: BaseModel
) -> tuple[dict[str, Verdeelsleutel], list[Path], list[Probleem]]:
    """Load every verdeelsleutel the document refers to; problems at the right file:line."""
    sleutels: dict[str, Verdeelsleutel] = {}
    paden: list[Path] = []
    problems: list[Probleem] = []
    for loc, model in modellen(document):
        for sub, verwijzing in getattr(model, "verwijzingen", lambda: [])():
            if verwijzing in sleutels:
                continue
            plaats = (*loc, *sub)
            try:
                doel = load(los_op(bron, verwijzing))
            except VoorstelError as exc:
                problems.extend(
                    [_probleem(bron, plaats, exc.message)] if exc.path is None else exc.problemen
                )
                continue
            if doel.data.get("soort") != "verdeelsleutel":
                problems.append(
                    _probleem(
                        bron,
                        plaats,
                        f"'{verwijzing}' is geen verdeelsleutel "
                        "(het bestand begint niet met 'soort: verdeelsleutel')",
                    )
                )
                continue
            doel, werkboeken, _, eigen = _vul_bronnen(doel)
            if not eigen:
                sleutel, eigen = _model_of_fout(doel, Verdeelsleutel)
            problems.extend(eigen)
            if isinstance(sleutel, Verdeelsleutel) and not eigen:
                sleutels[verwijzing] = sleutel
                paden += [doel.path, *werkboeken]
                problems.extend(_model_waarschuwingen(doel, sleutel))
    return sleutels, paden, problems


def _laad_ambtsdragers(
    bron: Bron, document: BaseModel, sleutels: dict[str, Verdeelsleutel]
) -> tuple[Ambtsdragers | None, list[Path], list[Probleem]]:
    """Load the office holders the document's regio refers to (regio.ambtsdragers); every
    gemeente of its verdeelsleutel must be in them. Problems at the referring line, or at
    the line in the shared file."""
    regio = getattr(document, "regio", None)
    verwijzing = getattr(regio, "ambtsdragers", None)
    if regio is None or verwijzing is None:
        return None, [], []
    plaats: Loc = ("regio", "ambtsdragers")
    try:
        doel = load(los_op(bron, verwijzing))
    except VoorstelError as exc:
        fout = [_probleem(bron, plaats, exc.message)] if exc.path is None else exc.problemen
        return None, [], fout
    if doel.data.get("soort") != "ambtsdragers":
        return (
            None,
            [],
            [
                _probleem(
                    bron,
                    plaats,
                    f"'{verwijzing}' is geen bestand met ambtsdragers "
                    "(het bestand begint niet met 'soort: ambtsdragers')",
                )
            ],
        )
    ambtsdragers, problemen = _model_of_fout(doel, Ambtsdragers)
    if not isinstance(ambtsdragers, Ambtsdragers) or problemen:
        return None, [], problemen
    sleutel = sleutels.get(regio.verdeelsleutel)
    if sleutel is None:  # its own problem is reported
        return ambtsdragers, [doel.path], problemen
    bekend = list(ambtsdragers.gemeenten)
    over = [g for g in bekend if g not in sleutel.gemeenten]
    for gemeente in sleutel.gemeenten:
        if gemeente in ambtsdragers.gemeenten:
            continue
        close = difflib.get_close_matches(gemeente, over, n=1)
        hint = (
            f"; staat er '{close[0]}' voor '{gemeente}'? Schrijf de naam zoals in de verdeelsleutel"
            if close
            else f" (dat noemt {', '.join(bekend)}); voeg de ambtsdragers van {gemeente} toe"
        )
        problemen.append(
            _probleem(
                bron,
                plaats,
                f"gemeente '{gemeente}' van verdeelsleutel '{regio.verdeelsleutel}' staat niet "
                f"in '{verwijzing}'{hint}",
            )
        )
    return ambtsdragers, [doel.path], problemen


def prozavelden(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, ProzaTekst]]:
    """Every prose field in a model, with its location."""
    return ((sub, v) for sub, v in walk(value, loc) if isinstance(v, ProzaTekst))


# The validator that marks prose; Tekst shares Proza's other one.
_PROZA = tuple(meta for meta in get_args(Proza)[1:] if isinstance(meta, AfterValidator))


def _is_proza(annotation: Any, loc: Loc) -> bool:
    """Whether the value at `loc` under a field of type `annotation` is prose."""
    if get_origin(annotation) is Annotated:
        if not loc:
            return any(meta in _PROZA for meta in annotation.__metadata__)
        return _is_proza(get_args(annotation)[0], loc)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        info = annotation.model_fields.get(str(loc[0])) if loc else None
        if info is None:
            return False
        if not loc[1:] and any(meta in _PROZA for meta in info.metadata):
            return True
        return _is_proza(info.annotation, loc[1:])
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is list and loc and isinstance(loc[0], int):
        return _is_proza(args[0], loc[1:])
    if origin is dict and loc:
        return _is_proza(args[1], loc[1:])
    return any(_is_proza(arg, loc) for arg in args if arg is not type(None))


def ruwe_prozavelden(model: type[BaseModel], data: Any) -> Iterator[tuple[Loc, str]]:
    """Every prose field in raw (possibly invalid) data, with its location."""
    for loc, value in walk(data):
        if isinstance(value, str) and loc and _is_proza(model, loc):
            yield loc, value


def _controleer_voetnoten(
    bron: Bron, velden: Iterable[tuple[Loc, str]], centraal: frozenset[str]
) -> Iterator[Probleem]:
    for loc, text in velden:
        stuk = prose.parse(text, centraal)
        for label in sorted(set(stuk.voetnoten) & centraal):
            yield _probleem(
                bron,
                loc,
                f"voetnoot [^{label}] is twee keer beschreven: in deze tekst ('[^{label}]: ...') "
                f"en onder 'voetnoten' (regel {bron.regel(('voetnoten', label))}); één van "
                "beide teksten zou wegvallen, houd er één",
            )
        binnen = [
            (label, run.voetnoot)
            for label, runs in stuk.voetnoten.items()
            for run in runs
            if run.voetnoot is not None
        ]
        if loc[:1] == ("voetnoten",) and len(loc) > 1:  # the text of a footnote itself
            binnen += [(str(loc[1]), label) for label in stuk.verwijzingen]
        for voetnoot, verwijzing in binnen:
            yield _probleem(
                bron,
                loc,
                f"voetnoot [^{voetnoot}] verwijst naar voetnoot [^{verwijzing}], maar een "
                "voetnoot kan zelf geen voetnoot hebben (ook in Word niet); zet de tekst van "
                f"[^{verwijzing}] in [^{voetnoot}], of verwijs ernaar vanuit de lopende tekst",
            )
        for label in re.findall(r"\[\^([^\]\s]+)\](?!:)", text):
            if label not in stuk.voetnoten and label not in centraal:
                yield _probleem(
                    bron,
                    loc,
                    f"voetnoot [^{label}] is nergens beschreven; voeg '[^{label}]: tekst' toe "
                    f"onder de tekst of '{label}: tekst' onder 'voetnoten'",
                )


def _verwijzingen(bron: Bron, document: BaseModel) -> Iterator[Probleem]:
    """Warn about `{{ naam }}` that looks like a figure but will stay literal."""
    from voorstel.pijplijn.compute import CIJFERNAMEN, VERWIJZING, begrotingsnamen

    heeft_verdeling = any(isinstance(m, VerdelingRef) for _, m in modellen(document))
    begroting = begrotingsnamen(document)
    beschikbaar = set(CIJFERNAMEN) if heeft_verdeling else {"gemeente", "regio"}
    beschikbaar |= set(begroting)
    for loc, value in walk(document.model_dump()):
        if not isinstance(value, str) or "{{" not in value:
            continue
        for match in VERWIJZING.finditer(value):
            naam = match.group(1)
            if naam in beschikbaar:
                continue
            if naam in CIJFERNAMEN:
                yield _probleem(
                    bron,
                    loc,
                    f"{match.group(0)} kan hier niet worden ingevuld "
                    "(dit document heeft geen verdeling) en blijft letterlijk staan",
                    waarschuwing=True,
                )
                continue
            close = difflib.get_close_matches(naam, [*CIJFERNAMEN, *begroting], n=1, cutoff=0.75)
            if close:
                yield _probleem(
                    bron,
                    loc,
                    f"{match.group(0)} is geen bekend cijfer en blijft "
                    f"letterlijk staan; bedoelde u {{{{ {close[0]} }}}}?",
                    waarschuwing=True,
                )


def _model_waarschuwingen(bron: Bron, document: BaseModel) -> Iterator[Probleem]:
    """The warnings (`waarschuwingen()`) of every model in the document."""
    for loc, model in modellen(document):
        waarschuwingen = getattr(model, "waarschuwingen", None)
        if callable(waarschuwingen):
            for sub, message in waarschuwingen():
                yield _probleem(bron, (*loc, *sub), message, waarschuwing=True)


def _waarschuwingen(bron: Bron, document: BaseModel) -> Iterator[Probleem]:
    yield from _model_waarschuwingen(bron, document)
    yield from _verwijzingen(bron, document)
    samenvatting = getattr(document, "samenvatting", None)
    if isinstance(samenvatting, str):
        text = prose.platte_tekst(prose.parse(samenvatting))
        woorden = len(text.split())
        regels = -(-len(text) // TEKENS_PER_REGEL)
        if woorden > SAMENVATTING_MAX_WOORDEN or regels > SAMENVATTING_MAX_REGELS:
            yield _probleem(
                bron,
                ("samenvatting",),
                f"de samenvatting is {woorden} woorden (ongeveer {regels} regels); het "
                f"formulier vraagt circa {SAMENVATTING_MAX_REGELS} regels (ongeveer "
                f"{SAMENVATTING_MAX_WOORDEN} woorden); kort haar in",
                waarschuwing=True,
            )
    centraal = getattr(document, "voetnoten", {}) or {}
    used = {
        label
        for _, text in prozavelden(document)
        for label in re.findall(r"\[\^([^\]\s]+)\]", text)
    }
    for label in centraal:
        if label not in used:
            yield _probleem(
                bron,
                ("voetnoten", label),
                f"voetnoot '{label}' wordt nergens gebruikt; verwijs ernaar met [^{label}] "
                "of verwijder haar",
                waarschuwing=True,
            )


def laad_sleutel(path: Path) -> Verdeelsleutel:
    """Load and validate one verdeelsleutel file."""
    gevalideerd = validate(load(path))
    if not isinstance(gevalideerd.document, Verdeelsleutel):
        raise ValidatieFout(
            [
                _probleem(
                    gevalideerd.bron,
                    ("soort",),
                    "dit bestand is geen verdeelsleutel (verwacht 'soort: verdeelsleutel')",
                )
            ]
        )
    return gevalideerd.document

"""Field types shared by every model: Dutch amounts, percentages, text and prose."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from voorstel.kern import nl
from voorstel.kern.errors import NotatieFout
from voorstel.kern.lakken import PERSOONSGEGEVENS as PERSOONSGEGEVENS
from voorstel.kern.locaties import YamlFloat, YamlInt


class Model(BaseModel):
    """Base of every model: unknown fields are errors, never ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Kort(Model):
    """A block that may also be written as one plain value, which fills one of its fields:
    `- Begroting 2025` for a bijlage with only a titel. The JSON Schema says so too."""

    kort_veld: ClassVar[str]
    """The field a plain value fills."""
    kort_als: ClassVar[tuple[type, ...]] = (str,)
    """The types of plain value taken (a YAML number is an int)."""

    @model_validator(mode="before")
    @classmethod
    def _kort(cls, value: Any) -> Any:
        return {cls.kort_veld: value} if isinstance(value, cls.kort_als) else value


Eenheid = Literal["euro", "duizend", "miljoen"]
"""What a table's figures are shown in: euros, or rounded thousands or millions."""
EENHEDEN: dict[str, Decimal] = {
    "euro": Decimal(1),
    "duizend": Decimal(1000),
    "miljoen": Decimal(10**6),
}


class MetHerkomst(Model):
    """A line whose figures may come from workbook cells; it remembers which, for diff."""

    _herkomst: dict[str, str] = PrivateAttr(default_factory=dict)

    @property
    def herkomst(self) -> dict[str, str]:
        """Per figure the workbook cell it came from (empty when typed in YAML)."""
        return self._herkomst

    def merk_herkomst(self, cellen: dict[str, str]) -> None:
        """Remember the cells (the model is frozen; its private dict is not)."""
        self._herkomst.update(cellen)


def fout(kind: str, bericht: str) -> PydanticCustomError:
    """A validation error with a Dutch message that is never format-interpreted."""
    leesbaar = bericht.encode("utf-8", "backslashreplace").decode("utf-8")
    return PydanticCustomError(kind, "{bericht}", {"bericht": leesbaar})


_KOMMAGETAL = re.compile(r"-?[0-9]+\.[0-9]+")


_VOORBEELD = {"bedrag": '1500 of "€ 1.500,00"', "getal": '1500 of "1.234,5"'}


def _andere_notatie(text: str, soort: str) -> PydanticCustomError:
    """A YAML number in hex, octal, binary, exponent or zero-padded notation."""
    voorbeeld = _VOORBEELD.get(soort, '"18,33%"')
    return fout(
        soort,
        f'"{text}" is geen {soort}: schrijf het in gewone cijfers, zonder voorloopnullen, '
        f"exponent (e) of 0x/0o/0b, bijvoorbeeld {voorbeeld}",
    )


def _dubbelzinnig(text: str) -> PydanticCustomError:
    whole, _, frac = text.lstrip("-").partition(".")
    if len(frac) == 3 and whole.isdigit() and frac.isdigit():
        plain = text.replace(".", "")
        return fout("dubbelzinnig", f'"{text}" is dubbelzinnig; schrijf {plain} of "{text},00"')
    return fout(
        "dubbelzinnig",
        f'"{text}" is dubbelzinnig; schrijf "{text.replace(".", ",")}" met een komma '
        "als decimaalteken (tussen aanhalingstekens)",
    )


def parse_decimal(value: Any, parse: Any, soort: str) -> Decimal:
    if isinstance(value, YamlInt) or (
        isinstance(value, YamlFloat) and not _KOMMAGETAL.fullmatch(value)
    ):
        raise _andere_notatie(str(value), soort)
    if isinstance(value, YamlFloat):
        raise _dubbelzinnig(str(value))
    if isinstance(value, bool):
        raise fout(soort, f"moet een {soort} zijn, geen ja/nee-waarde")
    if isinstance(value, Decimal | int):
        try:
            return nl.binnen_bereik(Decimal(value))
        except NotatieFout as exc:
            raise fout(soort, exc.message) from None
    if isinstance(value, str):
        try:
            result: Decimal = parse(value)
        except NotatieFout as exc:
            raise fout(soort, exc.message) from None
        return result
    raise fout(soort, f'moet een {soort} zijn, bijvoorbeeld 1500 of "€ 1.500,00"')


def _bedrag(value: Any) -> Decimal:
    return parse_decimal(value, nl.parse_bedrag, "bedrag")


def _getal(value: Any) -> Decimal:
    return parse_decimal(value, nl.parse_getal, "getal")


def _procent(value: Any) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        raise fout("procent", f'{value} mist het procentteken; schrijf "{value}%"')
    return parse_decimal(value, nl.parse_procent, "percentage")


def _tekst(value: Any) -> str:
    if isinstance(value, bool):
        raise fout("tekst", "moet tekst zijn, geen ja/nee-waarde")
    if isinstance(value, int | str):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise fout("tekst", "moet tekst zijn, geen lijst of groep velden")


def _niet_leeg(value: str) -> str:
    if not value.strip():
        raise fout("leeg", "mag niet leeg zijn")
    return value


def _niet_negatief(value: Decimal) -> Decimal:
    if value < 0:
        raise fout("negatief", f"mag niet negatief zijn ({nl.bedrag(value)})")
    return value


_as_str = PlainSerializer(lambda v: v, return_type=Decimal)


def json_schema(
    *vormen: dict[str, Any], melding: str, voorbeelden: tuple[Any, ...] = ()
) -> WithJsonSchema:
    """The JSON Schema of a field type: the forms a value may take, with examples, and the
    Dutch message an editor shows when a value fits none (`errorMessage`, a keyword of the
    YAML language server that JSON Schema validators ignore)."""
    gemeld = [{**vorm, "errorMessage": melding} for vorm in vormen]
    schema: dict[str, Any] = gemeld[0] if len(gemeld) == 1 else {"anyOf": gemeld}
    schema["errorMessage"] = melding
    if voorbeelden:
        schema["examples"] = list(voorbeelden)
    return WithJsonSchema(schema)


_BEDRAG_MELDING = (
    'geen bedrag: schrijf bijvoorbeeld 1500 of "€ 1.500,00", met een komma voor de centen '
    "(hoogstens twee) en een punt alleen voor duizendtallen"
)


def _geheel(minimum: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": minimum, "maximum": nl.MAX_BEDRAG}


_PM = {"type": "string", "pattern": nl.PATROON_PM}
_BEDRAG_JSON = json_schema(
    _geheel(-nl.MAX_BEDRAG),
    {"type": "string", "pattern": nl.PATROON_BEDRAG},
    melding=_BEDRAG_MELDING,
    voorbeelden=("€ 1.500,00", 1500, "-€ 250"),
)
_NIET_NEGATIEF_JSON = json_schema(
    _geheel(0),
    {"type": "string", "pattern": nl.PATROON_BEDRAG_NIET_NEGATIEF},
    melding=_BEDRAG_MELDING + "; niet negatief",
    voorbeelden=("€ 1.500,00", 1500),
)
_BEDRAG_OF_PM_JSON = json_schema(
    _geheel(-nl.MAX_BEDRAG),
    {"type": "string", "pattern": nl.PATROON_BEDRAG},
    _PM,
    melding=_BEDRAG_MELDING + "; of PM (pro memorie)",
    voorbeelden=("€ 1.500,00", 1500, "PM"),
)
_NIET_NEGATIEF_OF_PM_JSON = json_schema(
    _geheel(0),
    {"type": "string", "pattern": nl.PATROON_BEDRAG_NIET_NEGATIEF},
    _PM,
    melding=_BEDRAG_MELDING + ", niet negatief; of PM (pro memorie)",
    voorbeelden=("€ 1.500,00", 1500, "PM"),
)
_TEKST_JSON = json_schema(
    {"type": "string", "pattern": r"\S"},
    {"type": "number"},
    melding="moet tekst zijn: niet leeg, en geen ja/nee-waarde (true of false)",
)

Bedrag = Annotated[Decimal, BeforeValidator(_bedrag), _as_str, _BEDRAG_JSON]
"""An amount of money in euros: a YAML integer or a Dutch string ("€ 11.326,00")."""

NietNegatiefBedrag = Annotated[
    Decimal, BeforeValidator(_bedrag), AfterValidator(_niet_negatief), _as_str, _NIET_NEGATIEF_JSON
]


def _bedrag_of_pm(value: Any) -> Decimal | None:
    if isinstance(value, str) and value.strip().upper() == "PM":
        return None
    return _bedrag(value)


def _niet_negatief_of_pm(value: Decimal | None) -> Decimal | None:
    return None if value is None else _niet_negatief(value)


BedragOfPM = Annotated[Decimal | None, BeforeValidator(_bedrag_of_pm), _BEDRAG_OF_PM_JSON]
"""An amount, negative too (a bezuiniging, a mutation), or PM (pro memorie: not yet known,
left out of sums) as None."""

NietNegatiefBedragOfPM = Annotated[
    Decimal | None,
    BeforeValidator(_bedrag_of_pm),
    AfterValidator(_niet_negatief_of_pm),
    _NIET_NEGATIEF_OF_PM_JSON,
]
"""A non-negative amount (a cost), or PM."""

Getal = Annotated[
    Decimal,
    BeforeValidator(_getal),
    _as_str,
    json_schema(
        _geheel(-nl.MAX_BEDRAG),
        {"type": "string", "pattern": nl.PATROON_GETAL},
        melding='geen getal: schrijf bijvoorbeeld 1500 of "1.234,5", met een komma als '
        "decimaalteken",
        voorbeelden=(1500, "1.234,5"),
    ),
]
"""A number: a YAML integer or a Dutch string ("1.234,5")."""

Procent = Annotated[
    Decimal,
    BeforeValidator(_procent),
    _as_str,
    json_schema(
        {"type": "string", "pattern": nl.PATROON_PROCENT},
        melding="geen percentage: schrijf het met procentteken, tussen aanhalingstekens, "
        'bijvoorbeeld "18,33%"',
        voorbeelden=("18,33%",),
    ),
]
"""A percentage in points: "18,33%" is Decimal("18.33")."""


def _aandeel(value: Decimal) -> Decimal:
    if not 0 <= value <= 100:
        raise fout("aandeel", f"moet tussen 0% en 100% liggen, niet {nl.procent(value)}")
    return value


Aandeel = Annotated[
    Decimal,
    BeforeValidator(_procent),
    AfterValidator(_aandeel),
    _as_str,
    json_schema(
        {"type": "string", "pattern": nl.PATROON_AANDEEL},
        melding='geen aandeel: een percentage van "0%" tot "100%", met procentteken en '
        'tussen aanhalingstekens, bijvoorbeeld "25%"',
        voorbeelden=("25%", "62,5%"),
    ),
]
"""A share of a whole in points, 0% to 100%: "25%" is Decimal("25")."""

Tekst = Annotated[str, BeforeValidator(_tekst), AfterValidator(_niet_leeg), _TEKST_JSON]
"""One line or a short piece of plain text; YAML numbers are taken as their text."""


class ProzaTekst(str):
    """Text in the Markdown subset; the marker lets checks find every prose field."""


def _proza(value: str) -> ProzaTekst:
    return ProzaTekst(_niet_leeg(value))


Proza = Annotated[str, BeforeValidator(_tekst), AfterValidator(_proza), _TEKST_JSON]
"""Running text in the Markdown subset: paragraphs, lists, **vet**, *cursief*, [^voetnoot]."""


_EMAIL_MELDING = "is geen geldig e-mailadres; schrijf het als naam@gemeente.nl"


def _email(value: str) -> str:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        raise fout("email", f'"{value}" {_EMAIL_MELDING}') from None
    return value


Email = Annotated[
    str,
    BeforeValidator(_tekst),
    AfterValidator(_email),
    json_schema(
        {"type": "string", "format": "email", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$"},
        melding=_EMAIL_MELDING,
        voorbeelden=("naam@gemeente.nl",),
    ),
]
"""An e-mail address, checked for its form (not whether it exists), kept as written."""

_TELEFOON = re.compile(r"\+?[0-9][0-9 ()-]*")
_TELEFOON_MELDING = (
    'is geen geldig telefoonnummer; schrijf bijvoorbeeld "0529 48 83 88" of "+31 529 48 83 88"'
)


def _telefoon(value: str) -> str:
    cijfers = sum(c.isdigit() for c in value)
    if not _TELEFOON.fullmatch(value) or not 10 <= cijfers <= 15:
        raise fout("telefoon", f'"{value}" {_TELEFOON_MELDING}')
    return value


Telefoon = Annotated[
    str,
    BeforeValidator(_tekst),
    AfterValidator(_telefoon),
    json_schema(
        {"type": "string", "pattern": r"^(?=(?:[^0-9]*[0-9]){10,15}[^0-9]*$)\+?[0-9][0-9 ()-]*$"},
        melding=_TELEFOON_MELDING,
        voorbeelden=("0529 48 83 88", "+31 529 48 83 88"),
    ),
]
"""A phone number: digits, spaces, dashes, brackets and a leading +; 10 to 15 digits."""


@dataclass(frozen=True)
class Persoonsgegeven:
    """Marks a field that holds personal data of an official who is no office holder: a
    contactpersoon, their e-mail address and phone number, an ambtenaar's name. With
    --publicatie its value is replaced by "[gelakt: 5.1.2e]", on the ground voorstel.toml
    gives for its kind ([lakken]). Office holders (burgemeester, wethouder, secretaris,
    griffier) are not marked: they stay. Use: `Annotated[Tekst, Persoonsgegeven("...")]`."""

    soort: str

    def __post_init__(self) -> None:
        if self.soort not in PERSOONSGEGEVENS:
            raise ValueError(f"unknown kind of personal data: {self.soort}")

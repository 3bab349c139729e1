"""Click in Dutch: help headings, the help option, and usage errors.

Click's own texts are English; everything a user of voorstel reads is Dutch, so the
group and its commands use these classes.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import click

KOPPEN = {"Options": "Opties", "Commands": "Opdrachten", "Arguments": "Argumenten"}
METAVARS = {
    "DIRECTORY": "MAP",
    "TEXT": "TEKST",
    "FILE": "BESTAND",
    "PATH": "PAD",
    "INTEGER": "GETAL",
}
STANDAARD = re.compile(r"\[default: ([^\]]*)\]")


def _ongeldig(rest: str) -> re.Pattern[str]:
    return re.compile(rf"^Invalid value for (.+?): {rest}$")


# Click's usage errors, and their Dutch wording (checked in tests/test_cli_nl.py).
FOUTEN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Missing argument '(.+)'\.$"), r"argument \1 ontbreekt."),
    (re.compile(r"^No such command '(.+)'\.$"), r"onbekende opdracht '\1'."),
    (
        re.compile(r"^No such option:? '?([^'\s]+)'?\.?(?: Did you mean (\S+)\?)?$"),
        r"onbekende optie \1.",
    ),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), r"optie '\1' heeft een waarde nodig."),
    (re.compile(r"^Got unexpected extra arguments? \((.+)\)$"), r"onverwacht argument: \1."),
    (_ongeldig(r"(?:File|Directory|Path) '(.+)' does not exist\."), r"\1: '\2' bestaat niet."),
    (_ongeldig(r"(?:File|Directory|Path) '(.+)' is a directory\."), r"\1: '\2' is een map."),
    (_ongeldig(r"(?:File|Directory|Path) '(.+)' is a file\."), r"\1: '\2' is een bestand."),
    (_ongeldig(r"'(.*)' is not one of (.+)\."), r"\1: '\2' is geen geldige keuze; kies uit \3."),
    (_ongeldig(r"'(.*)' is not ('.*')\."), r"\1: '\2' is geen geldige keuze; kies \3."),
    (_ongeldig(r"'(.*)' is not a valid integer\."), r"\1: '\2' is geen geheel getal."),
    (_ongeldig(r"'(.*)' is not a valid float\."), r"\1: '\2' is geen getal."),
    (_ongeldig(r"'(.*)' is not a valid boolean\..*"), r"\1: '\2' is geen ja/nee-waarde."),
    (_ongeldig(r"(.+) is not in the range x>=(.+)\."), r"\1: \2 is te klein; minstens \3."),
    (_ongeldig(r"(.+) is not in the range x>(.+)\."), r"\1: \2 is te klein; meer dan \3."),
    (_ongeldig(r"(.+) is not in the range x<=(.+)\."), r"\1: \2 is te groot; hoogstens \3."),
    (_ongeldig(r"(.+) is not in the range x<(.+)\."), r"\1: \2 is te groot; minder dan \3."),
    (
        _ongeldig(r"(.+) is not in the range (.+)<=x<=(.+)\."),
        r"\1: \2 ligt niet tussen \3 en \4 (die meegerekend).",
    ),
    (_ongeldig(r"(.+) is not in the range (.+)\."), r"\1: \2 ligt buiten het bereik \3."),
    (re.compile(r"^Invalid value for (.+?): (.+)$", re.S), r"ongeldige waarde voor \1: \2"),
    (re.compile(r"^Missing command\.$"), "geef een opdracht."),
]


def vertaal(bericht: str) -> str:
    """Click's English usage error in Dutch (unknown ones unchanged)."""
    for patroon, vervanging in FOUTEN:
        if patroon.match(bericht):
            return patroon.sub(vervanging, bericht)
    return bericht


class NlFormatter(click.HelpFormatter):
    """Help text with Dutch headings."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Gebruik: ")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        """Option lists with Dutch metavars and '[standaard: ...]'."""
        vertaald = [
            (
                " ".join(METAVARS.get(w, w) for w in term.split(" ")),
                STANDAARD.sub(r"[standaard: \1]", text),
            )
            for term, text in rows
        ]
        super().write_dl(vertaald, col_max, col_spacing)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(KOPPEN.get(name, name)):
            yield


class NlContext(click.Context):
    formatter_class = NlFormatter


class NlCommand(click.Command):
    """A command whose help option and help are Dutch."""

    context_class = NlContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Toon deze hulptekst en stop."
        return option


class NlGroup(NlCommand, click.Group):
    """The voorstel group: Dutch help, and usage errors reported in Dutch (exit code 2)."""

    command_class = NlCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def main(self, *args: Any, **kwargs: Any) -> NoReturn:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.UsageError as exc:
            _toon_gebruiksfout(exc)
            sys.exit(2)
        except click.ClickException as exc:
            click.echo(f"Fout: {vertaal(exc.format_message())}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Afgebroken.", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _toon_gebruiksfout(exc: click.UsageError) -> None:
    if exc.ctx is not None:
        click.echo(exc.ctx.get_usage(), err=True)
        opdracht = exc.ctx.command_path
        click.echo(f"Zie '{opdracht} -h' voor hulp.\n", err=True)
    click.echo(f"Fout: {vertaal(exc.format_message())}", err=True)

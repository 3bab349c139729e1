"""The preview server: Starlette on uvicorn, watchfiles, server-sent events.

Starlette and uvicorn do the HTTP (no request parsing of our own), watchfiles tells which
files changed (inotify on Linux: no polling loop of our own), and each open page keeps one
server-sent event stream open, on which the server says which documents changed after each
round of building; the page then reloads itself. Builds run in a worker thread, one at a
time, so the server keeps answering while a document is built.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import os
import secrets
import shutil
import socket
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response, StreamingResponse
from starlette.routing import Route
from watchfiles import Change, DefaultFilter, awatch

from voorstel.bouwen.batch import processen_standaard
from voorstel.kern.errors import VoorstelError, zichtbaar
from voorstel.voorbeeld import paginas
from voorstel.voorbeeld.bouwer import NietGevonden, Ronde, Voorbeeld

Meld = Callable[[str], None]
HOUD_VAST = 15.0
"""Seconds between the comments that keep an idle event stream open."""
LOKAAL = ("127.0.0.1", "localhost", "::1")


class Omroep:
    """The open event streams, and what each is told: one queue per page."""

    def __init__(self) -> None:
        self.sessie = secrets.token_hex(6)
        self.wachtenden: set[asyncio.Queue[tuple[int, list[str]]]] = set()
        self.gestopt = asyncio.Event()

    def meld(self, ronde: int, documenten: Sequence[str]) -> None:
        for wachtrij in self.wachtenden:
            wachtrij.put_nowait((ronde, sorted(documenten)))


class Bewaker:
    """Watches the files the documents are made from and builds after each change."""

    def __init__(self, voorbeeld: Voorbeeld, omroep: Omroep, meld: Meld, negeer: Path) -> None:
        self.voorbeeld = voorbeeld
        self.omroep = omroep
        self.meld = meld
        self.filter = DefaultFilter(ignore_paths=[os.path.abspath(negeer)])
        self.veranderd: set[str] = set()
        self.nieuw_of_weg: set[str] = set()
        self.wakker = asyncio.Event()
        self.stop = asyncio.Event()
        self.herstart = asyncio.Event()
        self.bewaakt: tuple[list[Path], list[Path]] = ([], [])

    async def draai(self) -> None:
        """Watch and build until stopped; the folders watched follow what the documents
        depend on (a verdeelsleutel elsewhere in the project)."""
        bouwer = asyncio.create_task(self._bouw_steeds())
        eerste = True
        try:
            while not self.stop.is_set():
                if not eerste:  # what changed while the watch was restarting
                    self.wakker.set()
                eerste = False
                self.herstart.clear()
                self.bewaakt = diep, los = self.voorbeeld.bewaakt()
                klaar = asyncio.Event()
                taken = [
                    asyncio.create_task(self._kijk(diep, True, klaar)),
                    asyncio.create_task(self._kijk(los, False, klaar)),
                    asyncio.create_task(self.herstart.wait()),
                    asyncio.create_task(self.stop.wait()),
                ]
                await asyncio.wait(taken, return_when=asyncio.FIRST_COMPLETED)
                klaar.set()
                for taak in taken:
                    taak.cancel()
                await asyncio.gather(*taken, return_exceptions=True)
        finally:
            bouwer.cancel()
            await asyncio.gather(bouwer, return_exceptions=True)

    async def _kijk(self, mappen: list[Path], diep: bool, klaar: asyncio.Event) -> None:
        if not mappen:
            await klaar.wait()
            return
        try:
            async for wijzigingen in awatch(
                *mappen,
                watch_filter=self.filter,
                recursive=diep,
                stop_event=klaar,
                debounce=400,
                step=30,
                ignore_permission_denied=True,
            ):
                self.veranderd.update(pad for _, pad in wijzigingen)
                self.nieuw_of_weg.update(
                    pad for soort, pad in wijzigingen if soort != Change.modified
                )
                self.wakker.set()
        except (OSError, RuntimeError) as exc:  # a folder went away: watch anew in a moment
            self.meld(f"let op: een map kan niet meer bewaakt worden ({exc}); opnieuw…")
            await asyncio.sleep(1)
            self.veranderd.add("")
            self.wakker.set()

    async def _bouw_steeds(self) -> None:
        """A round after every batch of changes; changes during a round make another."""
        while True:
            await self.wakker.wait()
            self.wakker.clear()
            veranderd, self.veranderd = self.veranderd, set()
            nieuw_of_weg, self.nieuw_of_weg = self.nieuw_of_weg, set()
            try:
                ronde = await asyncio.to_thread(self.voorbeeld.bouw, veranderd, nieuw_of_weg)
            except Exception as exc:  # a bug must not stop the preview: the next save retries
                self.meld(
                    f"onverwachte fout bij het bijwerken ({type(exc).__name__}: {exc}); het "
                    "voorbeeld probeert het opnieuw bij de volgende wijziging; meld dit aan de "
                    "beheerders van voorstel"
                )
                continue
            meld_ronde(ronde, self.voorbeeld, self.meld)
            if ronde.gewijzigd:
                self.omroep.meld(self.voorbeeld.ronden, sorted(ronde.gewijzigd))
            if self.voorbeeld.bewaakt() != self.bewaakt:
                self.herstart.set()


def meld_ronde(ronde: Ronde, voorbeeld: Voorbeeld, meld: Meld) -> None:
    """Say in the terminal what a round built, and every problem it found (a problem that
    several documents share, such as a broken voorstel.toml, once)."""
    gezien: set[str] = set()

    def fout(tekst: str) -> None:
        if tekst not in gezien:
            gezien.add(tekst)
            meld(f"fout: {tekst}")

    for melding in voorbeeld.algemeen:
        fout(melding.tekst)
    for resultaat in ronde.gemaakt:
        if resultaat.fout is not None:
            for probleem in resultaat.fout.problemen:
                fout(str(probleem))
        else:
            meld(f"bijgewerkt: {zichtbaar(str(resultaat.bron))} ({_seconden(ronde.duur)})")


def _mapnaam(map_: Path) -> str:
    return "deze map" if str(map_) == "." else f"{zichtbaar(str(map_))}/"


def _seconden(duur: float) -> str:
    return f"{duur:.1f} s".replace(".", ",")


def maak_app(voorbeeld: Voorbeeld, omroep: Omroep, host: str) -> Starlette:
    """The web application: the pages, the files they show, downloads and the events."""

    def html(tekst: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(tekst, status, headers={"Cache-Control": "no-store"})

    def niet_gevonden() -> HTMLResponse:
        return html(paginas.niet_gevonden(voorbeeld, omroep.sessie), 404)

    async def index(request: Request) -> Response:
        return html(paginas.index(voorbeeld, omroep.sessie))

    async def document(request: Request) -> Response:
        pad = request.path_params["pad"]
        try:
            doc, versie = voorbeeld.zoek(pad)
        except NietGevonden:
            try:
                return FileResponse(voorbeeld.bestand(pad), headers={"Cache-Control": "no-store"})
            except NietGevonden:
                return niet_gevonden()
        pdf = await asyncio.to_thread(voorbeeld.pdf_mogelijk)
        return html(paginas.document(voorbeeld, doc, versie, omroep.sessie, pdf))

    async def download(request: Request) -> Response:
        pad = str(request.path_params["pad"])
        stam, _, formaat = pad.rpartition(".")
        try:
            doc, _ = voorbeeld.zoek(stam)
            naam, data = await asyncio.to_thread(voorbeeld.download, stam, formaat)
        except NietGevonden:
            return niet_gevonden()
        except VoorstelError as exc:
            meldingen = [voorbeeld.melding(p) for p in exc.problemen]
            return html(paginas.geen_download(voorbeeld, doc.id, meldingen, omroep.sessie), 409)
        soort = (
            "application/pdf"
            if formaat == "pdf"
            else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        return Response(
            data,
            media_type=soort,
            headers={
                "Content-Disposition": _bijlage(naam),
                "Cache-Control": "no-store",
            },
        )

    async def gebeurtenissen(request: Request) -> Response:
        wachtrij: asyncio.Queue[tuple[int, list[str]]] = asyncio.Queue()
        omroep.wachtenden.add(wachtrij)

        async def stroom() -> AsyncIterator[str]:
            try:
                hallo = {"sessie": omroep.sessie, "ronde": voorbeeld.ronden}
                yield f"retry: 1000\nevent: hallo\ndata: {json.dumps(hallo)}\n\n"
                while not omroep.gestopt.is_set():
                    volgende = asyncio.ensure_future(wachtrij.get())
                    stop = asyncio.ensure_future(omroep.gestopt.wait())
                    klaar, _ = await asyncio.wait(
                        [volgende, stop], timeout=HOUD_VAST, return_when=asyncio.FIRST_COMPLETED
                    )
                    stop.cancel()
                    if volgende not in klaar:
                        volgende.cancel()
                        if not klaar:
                            yield ": wacht\n\n"
                        continue
                    ronde, documenten = volgende.result()
                    data = json.dumps({"ronde": ronde, "documenten": documenten})
                    yield f"event: bijgewerkt\ndata: {data}\n\n"
            finally:
                omroep.wachtenden.discard(wachtrij)

        return StreamingResponse(
            stroom(),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    async def overal(request: Request) -> Response:
        return niet_gevonden()

    middleware = []
    if _is_lokaal(host) and ":" not in host:  # no page elsewhere reaches it by another name
        middleware.append(
            Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]"])
        )
    return Starlette(
        routes=[
            Route("/", index),
            Route("/document/{pad:path}", document),
            Route("/download/{pad:path}", download),
            Route(paginas.GEBEURTENISSEN, gebeurtenissen),
            Route("/{pad:path}", overal),
        ],
        middleware=middleware,
    )


def _bijlage(naam: str) -> str:
    """Content-Disposition for a download: the name as ASCII, and in full (RFC 6266)."""
    ascii_ = naam.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{ascii_}\"; filename*=UTF-8''{quote(naam)}"


def _is_lokaal(host: str) -> bool:
    if host in LOKAAL:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Server(uvicorn.Server):
    """uvicorn, that also ends the event streams and the watcher when it is told to stop
    (else it would wait for the open pages to go)."""

    stoppen: Callable[[], None] = staticmethod(lambda: None)

    def handle_exit(self, sig: int, frame: Any) -> None:
        self.stoppen()
        super().handle_exit(sig, frame)


def open_poort(host: str, poort: int) -> socket.socket:
    """The listening socket, so a port in use is a Dutch message before anything is built."""
    try:
        familie = socket.AF_INET6 if ":" in host else socket.AF_INET
        sok = socket.socket(familie, socket.SOCK_STREAM)
        sok.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sok.bind((host, poort))
    except OSError as exc:
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise VoorstelError(
                f"poort {poort} is al in gebruik (draait voorstel serve al?); kies een andere "
                "met --port"
            ) from None
        raise VoorstelError(
            f"kan niet luisteren op {host}:{poort} ({exc.strerror or exc}); kies een ander "
            "adres met --host of een andere poort met --port"
        ) from None
    sok.listen(128)
    sok.setblocking(False)
    return sok


def serve(
    map_: Path,
    host: str,
    poort: int,
    sjablonen: Sequence[Path],
    negeer: Path,
    meld: Meld,
) -> None:
    """Build every document under `map_`, then serve the preview until Ctrl-C."""
    sok = open_poort(host, poort)
    poort = sok.getsockname()[1]
    werkmap = Path(tempfile.mkdtemp(prefix="voorstel-serve-"))
    try:
        voorbeeld = Voorbeeld(map_, werkmap, sjablonen)
        meld(f"de documenten in {_mapnaam(map_)} worden gemaakt…")
        begin = time.monotonic()
        ronde = voorbeeld.bouw(processen=processen_standaard())
        meld_ronde(Ronde(ronde.gewijzigd, [r for r in ronde.gemaakt if r.fout], 0), voorbeeld, meld)
        aantal = len(voorbeeld.documenten)
        fout = sum(1 for d in voorbeeld.documenten.values() if d.fouten)
        duur = _seconden(time.monotonic() - begin)
        documenten = "1 document" if aantal == 1 else f"{aantal} documenten"
        if fout:
            meld(f"{documenten} in {duur}: {aantal - fout} gemaakt, {fout} met fouten")
        else:
            meld(f"{documenten} gemaakt in {duur}")
        with contextlib.suppress(KeyboardInterrupt):  # uvicorn passes Ctrl-C on when done
            asyncio.run(_draai(voorbeeld, sok, host, poort, negeer, meld))
        meld("voorbeeld gestopt")
    finally:
        sok.close()
        shutil.rmtree(werkmap, ignore_errors=True)


def _adres(host: str, poort: int) -> str:
    naam = f"[{host}]" if ":" in host else host
    return f"http://{naam}:{poort}/"


async def _draai(
    voorbeeld: Voorbeeld, sok: socket.socket, host: str, poort: int, negeer: Path, meld: Meld
) -> None:
    omroep = Omroep()
    bewaker = Bewaker(voorbeeld, omroep, meld, negeer)
    app = maak_app(voorbeeld, omroep, host)
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=2,
        lifespan="off",
    )
    server = _Server(config)
    lus = asyncio.get_running_loop()

    def stoppen() -> None:
        lus.call_soon_threadsafe(omroep.gestopt.set)
        lus.call_soon_threadsafe(bewaker.stop.set)

    server.stoppen = stoppen
    waar = _adres(host, poort)
    if _is_lokaal(host):
        meld(f"voorbeeld: {waar} (alleen op deze computer te openen; stoppen met Ctrl-C)")
    else:
        meld(
            f"voorbeeld: {waar} (let op: bereikbaar voor andere computers op het netwerk, "
            "want --host is niet 127.0.0.1; stoppen met Ctrl-C)"
        )
    kijken = asyncio.create_task(bewaker.draai())
    try:
        await server.serve(sockets=[sok])
    finally:
        stoppen()
        bewaker.stop.set()
        kijken.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await kijken

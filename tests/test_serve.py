"""`voorstel serve` in a real browser: Debian's Chromium, headless, through Selenium and
chromedriver. The server runs as the user starts it (a subprocess on a free port); the tests
edit the files on disk and wait for the open page to change by itself.

Without Chromium, chromedriver or selenium the browser tests are skipped, except with
CI=true: then they fail. Screenshots of the index and of a document page (with and without
errors) go to build/schermafdrukken/, outside git, to look at.
"""

from __future__ import annotations

import http.client
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAAL, ROOT, VOORBEELD

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCHERMAFDRUKKEN = ROOT / "build" / "schermafdrukken"
WACHT = 30.0
"""Seconds a test waits for a page to change (it takes well under one on this machine)."""
SLEUTEL = VOORBEELD.parent / "verdeelsleutel-wbo-2024.yaml"


class Server:
    """`voorstel serve` in a subprocess, with every line it prints."""

    def __init__(self, map_: Path) -> None:
        self.map = map_
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proces = subprocess.Popen(
            [sys.executable, "-m", "voorstel", "serve", "data", "--port", "0"],
            cwd=map_,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        self.regels: list[str] = []
        self._lezer = threading.Thread(target=self._lees, daemon=True)
        self._lezer.start()
        regel = self.wacht_op(lambda r: r.startswith("voorbeeld: "), 90)
        gevonden = re.search(r"http://127\.0\.0\.1:(\d+)/", regel)
        assert gevonden, regel
        self.poort = int(gevonden.group(1))
        self.url = gevonden.group(0)

    def _lees(self) -> None:
        assert self.proces.stdout is not None
        for regel in self.proces.stdout:
            self.regels.append(regel.rstrip("\n"))

    def wacht_op(self, past: Callable[[str], bool], tijd: float = WACHT, vanaf: int = 0) -> str:
        """The first line (from line `vanaf` on) that fits; fails after `tijd` seconds."""
        einde = time.monotonic() + tijd
        while time.monotonic() < einde:
            for regel in self.regels[vanaf:]:
                if past(regel):
                    return regel
            if self.proces.poll() is not None and not self._lezer.is_alive():
                break
            time.sleep(0.02)
        raise AssertionError("niet gemeld; de server zei:\n" + "\n".join(self.regels))

    def get(self, pad: str) -> tuple[int, bytes, dict[str, str]]:
        """A request with the path exactly as given (http.client sends it as it is)."""
        verbinding = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=60)
        try:
            verbinding.request("GET", pad)
            antwoord = verbinding.getresponse()
            return antwoord.status, antwoord.read(), dict(antwoord.getheaders())
        finally:
            verbinding.close()

    def stop(self) -> None:
        if self.proces.poll() is None:
            self.proces.send_signal(signal.SIGINT)  # as Ctrl-C
            try:
                self.proces.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proces.kill()
                self.proces.wait()
                raise AssertionError("voorstel serve stopte niet op Ctrl-C") from None
        self._lezer.join(timeout=5)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the regional example (six versions, a shared verdeelsleutel), a
    small collegevoorstel and a template folder of its own, still empty."""
    map_ = tmp_path_factory.mktemp("serve")
    (map_ / "data" / "wbo").mkdir(parents=True)
    shutil.copy(VOORBEELD, map_ / "data" / "wbo" / "jim.yaml")
    shutil.copy(SLEUTEL, map_ / "data" / "wbo" / SLEUTEL.name)
    (map_ / "data" / "klein.yaml").write_text(MINIMAAL, encoding="utf-8")
    (map_ / "voorstel.toml").write_text('[bouwen]\nsjablonen = ["sjablonen"]\n', encoding="utf-8")
    (map_ / "sjablonen").mkdir()
    return map_


@pytest.fixture(scope="module")
def server(project: Path) -> Iterator[Server]:
    draaiend = Server(project)
    try:
        yield draaiend
    finally:
        draaiend.stop()
    assert draaiend.proces.returncode == 0, "\n".join(draaiend.regels)
    assert draaiend.regels[-1] == "voorbeeld gestopt"


@pytest.fixture
def jim(project: Path, server: Server) -> Iterator[Path]:
    """The regional example's source; put back as it was after the test."""
    pad = project / "data" / "wbo" / "jim.yaml"
    origineel = pad.read_text(encoding="utf-8")
    yield pad
    if pad.read_text(encoding="utf-8") != origineel:
        pad.write_text(origineel, encoding="utf-8")


def _browser_of_reden() -> tuple[Any, str]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None, "selenium is niet geïnstalleerd"
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return None, "chromium en chromium-driver zijn niet geïnstalleerd (apt-get install)"
    opties = Options()
    opties.binary_location = str(CHROMIUM)
    for vlag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
    ):
        opties.add_argument(vlag)
    return (webdriver, opties, Service(str(CHROMEDRIVER))), ""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    onderdelen, reden = _browser_of_reden()
    if onderdelen is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"geen browser voor de browsertests: {reden}")
        pytest.skip(reden)
    webdriver, opties, service = onderdelen
    opties.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium')}")
    driver = webdriver.Chrome(service=service, options=opties)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _tekst(browser: Any) -> str:
    """The text of the page now; '' while it is (re)loading."""
    try:
        return str(browser.execute_script("return document.body ? document.body.innerText : ''"))
    except Exception:  # between two pages
        return ""


def _wacht(browser: Any, past: Callable[[str], bool], tijd: float = WACHT) -> str:
    einde = time.monotonic() + tijd
    while time.monotonic() < einde:
        tekst = _tekst(browser)
        if past(tekst):
            return tekst
        time.sleep(0.02)
    raise AssertionError(f"de pagina veranderde niet zoals verwacht; ze toont:\n{_tekst(browser)}")


def _schermafdruk(browser: Any, naam: str) -> Path:
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    pad = SCHERMAFDRUKKEN / f"{naam}.png"
    browser.save_screenshot(str(pad))
    return pad


def _opnieuw_geladen(browser: Any) -> None:
    """Mark the page; the mark is gone once the page has reloaded itself."""
    browser.execute_script("window.__voorstelTest = true;")


def _zelfde_pagina(browser: Any) -> bool:
    try:
        return bool(browser.execute_script("return window.__voorstelTest === true;"))
    except Exception:
        return False


def test_index_en_document_met_versies(server: Server, browser: Any) -> None:
    assert any("alleen op deze computer" in r for r in server.regels)
    browser.get(server.url)
    tekst = _wacht(browser, lambda t: "Continuïteit pilot JIM en inkoop JIM" in t)
    assert "2 documenten" in tekst
    assert "Een onderwerp" in tekst  # the small collegevoorstel
    assert "data/wbo/jim.yaml" in tekst and "Collegevoorstel" in tekst
    assert "in orde" in tekst
    assert all(g in tekst for g in ("Regionaal overzicht", "Altena", "Oosterhout"))
    _schermafdruk(browser, "index")

    browser.find_element("link text", "Continuïteit pilot JIM en inkoop JIM").click()
    tekst = _wacht(browser, lambda t: "COLLEGEVOORSTEL" in t)
    assert browser.current_url == server.url + "document/wbo/jim"
    assert "Word (.docx)" in tekst
    browser.find_element("link text", "Altena").click()  # one click to a gemeente's version
    tekst = _wacht(browser, lambda t: "€ 12.831,00" in t)  # Altena's 18,33% of € 70.000
    assert browser.current_url == server.url + "document/wbo/jim-altena"
    _schermafdruk(browser, "document")


def test_wijziging_verschijnt_vanzelf(
    server: Server, browser: Any, jim: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    browser.get(server.url + "document/wbo/jim")
    _wacht(browser, lambda t: "€ 70.000,00" in t)
    _opnieuw_geladen(browser)
    tekst = jim.read_text(encoding="utf-8")
    tekst = tekst.replace("bedrag: 4000\n", "bedrag: 4500\n").replace(
        "totaal: 70000\n", "totaal: 70500\n"
    )
    begin = time.monotonic()
    jim.write_text(tekst, encoding="utf-8")
    _wacht(browser, lambda t: "€ 70.500,00" in t)
    duur = time.monotonic() - begin
    assert not _zelfde_pagina(browser)  # it reloaded itself; nobody pressed F5
    with capsys.disabled():
        print(f"\nvoorstel serve: opslaan -> pagina bijgewerkt in {duur:.2f} s")


def test_gedeeld_bestand_bouwt_alleen_wat_ervan_afhangt(
    server: Server, browser: Any, project: Path
) -> None:
    sleutel = project / "data" / "wbo" / SLEUTEL.name
    origineel = sleutel.read_text(encoding="utf-8")
    browser.get(server.url + "document/wbo/jim-altena")
    _wacht(browser, lambda t: "€ 12.831,00" in t)
    vanaf = len(server.regels)
    try:
        sleutel.write_text(
            origineel.replace('"18,33%"', '"18,32%"').replace('"52,06%"', '"52,07%"'),
            encoding="utf-8",
        )
        _wacht(browser, lambda t: "€ 12.824,00" in t)  # 18,32% of € 70.000
        server.wacht_op(lambda r: r.startswith("bijgewerkt: data/wbo/jim.yaml"), vanaf=vanaf)
        assert not any("klein.yaml" in r for r in server.regels[vanaf:])
    finally:
        sleutel.write_text(origineel, encoding="utf-8")
    _wacht(browser, lambda t: "€ 12.831,00" in t)


def test_nieuw_eigen_sjabloon_wordt_meteen_gebruikt(
    server: Server, browser: Any, project: Path
) -> None:
    """A template that comes in the project's template folder goes before voorstel's own,
    and a change to it shows too; when it goes, the standard one is back."""
    import voorstel

    standaard = Path(voorstel.__file__).parent / "soorten" / "collegevoorstel" / "document.md.j2"
    sjabloon = project / "sjablonen" / "collegevoorstel" / "document.md.j2"
    browser.get(server.url + "document/klein")
    _wacht(browser, lambda t: "Een onderwerp" in t and "COLLEGEVOORSTEL" in t)
    sjabloon.parent.mkdir(exist_ok=True)
    try:
        for kop in ("Concept met het eigen sjabloon", "Tweede versie van het eigen sjabloon"):
            sjabloon.write_text(f"{kop}\n\n" + standaard.read_text(encoding="utf-8"), "utf-8")
            _wacht(browser, lambda t, kop=kop: kop in t and "Een onderwerp" in t)
    finally:
        sjabloon.unlink(missing_ok=True)
    _wacht(browser, lambda t: "eigen sjabloon" not in t and "COLLEGEVOORSTEL" in t)


def test_tikfout_toont_de_fout_met_de_regel_en_herstelt(
    server: Server, browser: Any, jim: Path
) -> None:
    browser.get(server.url + "document/wbo/jim-breda")
    _wacht(browser, lambda t: "COLLEGEVOORSTEL" in t)
    goed = jim.read_text(encoding="utf-8")
    regel = goed.splitlines().index("onderwerp: Continuïteit pilot JIM en inkoop JIM") + 1
    jim.write_text(goed.replace("\nonderwerp: ", "\nonderwrp: "), encoding="utf-8")

    tekst = _wacht(browser, lambda t: "bedoelde u 'onderwerp'?" in t)
    melding = (
        f"data/wbo/jim.yaml:{regel}: onderwrp: onbekend veld 'onderwrp'; bedoelde u 'onderwerp'?"
    )
    assert melding in tekst
    assert "Dit document heeft" in tekst and "fout" in tekst
    hier = browser.find_elements("css selector", ".citaat .hier")
    gemarkeerd = [(e.find_element("css selector", ".nr").text, e.text) for e in hier]
    assert (str(regel), f"{regel}onderwrp: Continuïteit pilot JIM en inkoop JIM") in gemarkeerd
    assert "Verouderd." in tekst  # the last good rendering stays, marked
    assert browser.find_elements("css selector", "article.papier.verouderd")
    assert "COLLEGEVOORSTEL" in tekst
    assert tekst.index("bedoelde u") < tekst.index("COLLEGEVOORSTEL")  # errors on top
    assert "Eerst de fouten oplossen" not in tekst  # (a title, not text)
    _schermafdruk(browser, "document-met-fout")

    status, inhoud, _ = server.get("/download/wbo/jim-breda.docx")
    assert status == 409
    assert "onbekend veld" in inhoud.decode()

    browser.get(server.url)
    tekst = _wacht(browser, lambda t: "1 document heeft fouten" in t)
    assert melding in tekst
    _schermafdruk(browser, "index-met-fout")

    browser.get(server.url + "document/wbo/jim-breda")
    _wacht(browser, lambda t: "bedoelde u" in t)
    jim.write_text(goed, encoding="utf-8")
    tekst = _wacht(browser, lambda t: "bedoelde u" not in t and "COLLEGEVOORSTEL" in t)
    assert "Verouderd" not in tekst
    assert not browser.find_elements("css selector", "article.verouderd, .meldingen.fouten")


def test_pad_buiten_de_map_geeft_404(server: Server, browser: Any) -> None:
    for pad in (
        "/document/../../../../etc/passwd",
        "/document/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/document/wbo/..%2f..%2f..%2fetc%2fpasswd",
        "/document//etc/passwd",
        "/document/%2fetc%2fpasswd",
        "/document/wbo/../../.voorstel-staat.json",
        "/document/.voorstel-staat.json",
        "/document/wbo/jim.html",
        "/download/../../etc/passwd.docx",
        "/download//etc/passwd.docx",
        "/download/wbo/jim.exe",
        "/../../etc/passwd",
        "/etc/passwd",
    ):
        status, inhoud, _ = server.get(pad)
        assert status == 404, pad
        assert b"root:" not in inhoud
    browser.get(server.url + "document/..%2F..%2F..%2F..%2Fetc%2Fpasswd")
    assert "Niet gevonden" in _wacht(browser, lambda t: "Niet gevonden" in t)


def test_andere_host_wordt_geweigerd(server: Server) -> None:
    """A page elsewhere that names the preview by another name (DNS rebinding) gets nothing."""
    verbinding = http.client.HTTPConnection("127.0.0.1", server.poort, timeout=30)
    try:
        verbinding.request("GET", "/", headers={"Host": "aanvaller.example"})
        assert verbinding.getresponse().status == 400
    finally:
        verbinding.close()


def test_download_is_nooit_verouderd(server: Server, jim: Path) -> None:
    status, data, koppen = server.get("/download/wbo/jim-oosterhout.docx")
    assert status == 200
    assert 'filename="jim-oosterhout.docx"' in koppen["content-disposition"]
    assert "€ 11.326,00" in _docx_tekst(data)  # Oosterhout's 16,18% of € 70.000
    jim.write_text(
        jim.read_text(encoding="utf-8")
        .replace("bedrag: 1000\n", "bedrag: 1500\n")
        .replace("totaal: 70000\n", "totaal: 70500\n"),
        encoding="utf-8",
    )
    status, data, _ = server.get("/download/wbo/jim-oosterhout.docx")  # before any reload
    assert status == 200
    tekst = _docx_tekst(data)
    assert "€ 70.500,00" in tekst
    assert "€ 11.326,00" not in tekst


def test_pdf_download(server: Server) -> None:
    if shutil.which("soffice") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) ontbreekt")
        pytest.skip("LibreOffice (soffice) ontbreekt")
    status, data, koppen = server.get("/download/klein.pdf")
    assert status == 200, data[:2000]
    assert data.startswith(b"%PDF-")
    assert koppen["content-type"] == "application/pdf"


def _docx_tekst(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archief:
        xml = archief.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml)


def test_alleen_afbeeldingen_uit_de_voorbeeldmap(tmp_path: Path) -> None:
    """Without a browser: what a page may refer to is a chart inside the preview folder,
    never something a link points to outside it."""
    from voorstel.voorbeeld.bouwer import NietGevonden, Voorbeeld

    voorbeeld = Voorbeeld(tmp_path / "data", tmp_path / "werk")
    (voorbeeld.html_map / "wbo").mkdir(parents=True)
    (voorbeeld.html_map / "wbo" / "jim-figuur-1.png").write_bytes(b"\x89PNG")
    (voorbeeld.html_map / "wbo" / "jim.html").write_text("<main></main>", encoding="utf-8")
    buiten = tmp_path / "geheim.png"
    buiten.write_bytes(b"geheim")
    (voorbeeld.html_map / "wbo" / "link.png").symlink_to(buiten)
    assert voorbeeld.bestand("wbo/jim-figuur-1.png").read_bytes() == b"\x89PNG"
    for pad in ("wbo/link.png", "wbo/jim.html", "../geheim.png", "/etc/passwd", "wbo//x.png", ""):
        with pytest.raises(NietGevonden):
            voorbeeld.bestand(pad)


def test_bezette_poort_is_een_nederlandse_melding() -> None:
    from voorstel.kern.errors import VoorstelError
    from voorstel.voorbeeld.server import open_poort

    bezet = open_poort("127.0.0.1", 0)
    try:
        with pytest.raises(VoorstelError, match="is al in gebruik"):
            open_poort("127.0.0.1", bezet.getsockname()[1])
    finally:
        bezet.close()


def test_elk_voorbeeld_en_elke_versie_uit_data(tmp_path: Path) -> None:
    """Without a browser: the preview of data/ has every example, without errors, and a
    page for every version of each (each gemeente, each stuk)."""
    from voorstel.bouwen.build import verzamel
    from voorstel.voorbeeld import paginas
    from voorstel.voorbeeld.bouwer import Voorbeeld

    data = ROOT / "data"
    voorbeeld = Voorbeeld(data, tmp_path / "werk")
    ronde = voorbeeld.bouw()
    assert voorbeeld.algemeen == []
    assert len(voorbeeld.documenten) == len(verzamel([data])) == len(ronde.gemaakt)
    for doc in voorbeeld.documenten.values():
        assert doc.fouten == [], doc.id
        assert doc.titel and doc.soort, doc.id
        for versie in doc.versies:
            pagina = paginas.document(voorbeeld, doc, versie, "sessie", pdf=False)
            assert '<article class="papier"' in pagina, versie.stam
            assert voorbeeld.zoek(versie.stam) == (doc, versie)
    versies = {doc.id: len(doc.versies) for doc in voorbeeld.documenten.values()}
    assert versies["wbo/jim"] == 6  # the region and its five gemeenten
    assert versies["dalfsen/raadsvoorstel-kademuur-vechtkade"] == 3  # with besluit, oplegger
    assert "Continuïteit pilot JIM" in paginas.index(voorbeeld, "sessie")
    assert voorbeeld.bouw().gewijzigd == set()  # nothing changed: nothing rebuilt


def test_map_die_even_weg_is(tmp_path: Path) -> None:
    """Without a browser: a folder of documents that goes (a git checkout, a rename) is a
    message, not a crash; back again, its documents are shown as before, without building."""
    from voorstel.voorbeeld.bouwer import Voorbeeld

    data = tmp_path / "data"
    data.mkdir()
    (data / "klein.yaml").write_text(MINIMAAL, encoding="utf-8")
    voorbeeld = Voorbeeld(data, tmp_path / "werk")
    voorbeeld.bouw()
    assert voorbeeld.documenten["klein"].titel == "Een onderwerp"
    data.rename(tmp_path / "weg")
    ronde = voorbeeld.bouw()
    assert ronde.gewijzigd == {"klein", "*"}
    assert [m.tekst for m in voorbeeld.algemeen] == [
        f"{data}: de map bestaat niet (meer); zet haar terug of herstart"
    ]
    (tmp_path / "weg").rename(data)
    ronde = voorbeeld.bouw()
    assert ronde.gemaakt == []  # the state knows it is up to date
    doc = voorbeeld.documenten["klein"]
    assert (doc.titel, doc.status, [v.stam for v in doc.versies]) == (
        "Een onderwerp",
        "geldig",
        ["klein"],
    )
    assert voorbeeld.algemeen == []

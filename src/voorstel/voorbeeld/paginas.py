"""The pages of the preview, in Dutch: the index, a document with its versions, not found.

Every text from a file or a message is escaped (markupsafe); the document itself is the
HTML that `voorstel build --format html` makes, which never passes markup through. Each
page listens to the server's events and reloads itself when what it shows changed,
keeping its place on the page.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from markupsafe import Markup, escape

from voorstel.uitvoer.html import inhoud_stijl
from voorstel.voorbeeld.bouwer import Document, Melding, Versie, Voorbeeld

GEBEURTENISSEN = "/_voorstel/gebeurtenissen"
"""Where a page listens for changes (server-sent events)."""

STIJL = """
:root { --tekst: #1f2933; --zacht: #5b6670; --lijn: #d9d6cf; --achter: #f4f3ef;
        --accent: #1f3a5f; --goed: #2e6b3c; --goed-achter: #e3f1e6;
        --let-op: #7a4d00; --let-op-achter: #fbf0d6; --fout: #9f2420; --fout-achter: #fbe8e6; }
* { box-sizing: border-box; }
html { background: var(--achter); }
body { margin: 0; color: var(--tekst); font: 16px/1.55 system-ui, "Segoe UI", "Noto Sans",
       "DejaVu Sans", Arial, sans-serif; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #f2b632; outline-offset: 2px; }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; }
.balk { background: var(--accent); color: #fff; }
.balk .binnen { display: flex; align-items: center; justify-content: space-between;
                gap: 1em; max-width: 62rem; margin: 0 auto; padding: .7rem 1.25rem; }
.merk { color: #fff; text-decoration: none; font-weight: 600; letter-spacing: .01em;
        white-space: nowrap; }
.merk span { font-weight: 400; opacity: .8; }
.live { font-size: .85em; opacity: .9; }
.live::before { content: ""; display: inline-block; width: .6em; height: .6em;
                border-radius: 50%; background: #9aa5ae; margin-right: .45em; }
.live.aan::before { background: #7fd48f; }
.blad { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 1.7rem; margin: .4rem 0 .3rem; color: var(--accent); font-weight: 600; }
.onder { color: var(--zacht); margin: 0 0 1.5rem; }
.groep h2 { font-size: 1rem; text-transform: uppercase; letter-spacing: .06em;
            color: var(--zacht); margin: 2rem 0 .6rem; font-weight: 600; }
.lijst { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
.kaart { background: #fff; border: 1px solid var(--lijn); border-radius: 8px;
         padding: 1rem 1.25rem; }
.kaart .kop { display: flex; justify-content: space-between; align-items: baseline;
              gap: 1em; }
.kaart .titel { font-size: 1.12rem; font-weight: 600; text-decoration: none; }
.kaart .titel:hover { text-decoration: underline; }
.info { color: var(--zacht); font-size: .92em; margin: .2rem 0 0; }
.versielinks { margin: .6rem 0 0; font-size: .92em; display: flex; flex-wrap: wrap;
               gap: .3rem .9rem; }
.label { white-space: nowrap; font-size: .8rem; font-weight: 600; padding: .15rem .6rem;
         border-radius: 999px; }
.label.geldig { color: var(--goed); background: var(--goed-achter); }
.label.waarschuwingen { color: var(--let-op); background: var(--let-op-achter); }
.label.fouten { color: var(--fout); background: var(--fout-achter); }
.kruimel { font-size: .92em; color: var(--zacht); margin-bottom: .6rem; }
.doctitel { font-size: 1.35rem; font-weight: 600; color: var(--accent); margin: 0; }
.dockop { display: flex; justify-content: space-between; align-items: flex-start; gap: 1.5em;
          flex-wrap: wrap; margin-bottom: 1rem; }
.knoppen { display: flex; gap: .5rem; flex-wrap: wrap; }
.knop { display: inline-block; padding: .4rem .9rem; border: 1px solid var(--accent);
        border-radius: 6px; background: #fff; text-decoration: none; font-size: .92em; }
.knop:hover { background: #eef2f7; }
.knop.uit { color: var(--zacht); border-color: var(--lijn); cursor: not-allowed; }
.versies { background: #fff; border: 1px solid var(--lijn); border-radius: 8px;
           padding: .5rem .75rem; margin-bottom: 1rem; }
.versies .rij { display: flex; align-items: baseline; flex-wrap: wrap; gap: .25rem; }
.versies .rij + .rij { border-top: 1px solid #ecebe6; margin-top: .35rem; padding-top: .35rem; }
.rijnaam { color: var(--zacht); font-size: .85em; min-width: 4.5em; }
.tab { padding: .25rem .7rem; border-radius: 6px; text-decoration: none; font-size: .95em; }
.tab:hover { background: #eef2f7; }
.tab[aria-current="page"] { background: var(--accent); color: #fff; }
.meldingen { border-radius: 8px; padding: 1rem 1.25rem; margin: 0 0 1rem;
             border: 1px solid; }
.meldingen h2 { font-size: 1.1rem; margin: 0 0 .3rem; }
.meldingen > p { margin: 0 0 .6rem; }
.meldingen ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .8rem; }
.meldingen.fouten { background: var(--fout-achter); border-color: #efc4bf; }
.meldingen.fouten h2 { color: var(--fout); }
.meldingen.waarschuwingen { background: var(--let-op-achter); border-color: #ecd9a6; }
.meldingen.waarschuwingen summary { cursor: pointer; font-weight: 600; color: var(--let-op); }
.meldingen.waarschuwingen ul { margin-top: .6rem; }
.melding { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.melding code { font-size: .9em; }
.citaat { margin: .4rem 0 0; background: #fff; border: 1px solid var(--lijn);
          border-radius: 6px; padding: .4rem 0; overflow-x: auto; line-height: 1.5; }
.citaat span { display: block; padding: 0 .8rem; white-space: pre; }
.citaat .nr { display: inline-block; min-width: 2.5em; color: #8b949c; text-align: right;
              margin-right: 1em; padding: 0; user-select: none; }
.citaat .hier { background: #fdd9d4; font-weight: 600; }
.citaat .hier .nr { color: var(--fout); }
.verouderd-kop { margin: 0 0 .6rem; padding: .5rem .9rem; border-left: 4px solid #b9b4a8;
                 background: #ecebe5; color: #4a5259; font-size: .95em; }
.papier { background: #fff; border: 1px solid var(--lijn); border-radius: 4px;
          box-shadow: 0 1px 3px rgba(0,0,0,.06); padding: 2.5rem 3rem; max-width: 50rem;
          margin: 0 auto; overflow-x: auto; color: #1a1a1a;
          font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; }
.papier.verouderd { opacity: .6; border-style: dashed; filter: grayscale(.6); }
.leeg { color: var(--zacht); background: #fff; border: 1px dashed var(--lijn);
        border-radius: 8px; padding: 2rem; text-align: center; }
@media (max-width: 40rem) { .papier { padding: 1.25rem; } }
""" + inhoud_stijl(".papier")

SCRIPT = """
(function () {
  var body = document.body, doc = body.dataset.document || "";
  var ronde = Number(body.dataset.ronde), sessie = body.dataset.sessie;
  var plek = "voorstel-plek:" + location.pathname + location.search;
  var live = document.getElementById("live");
  window.addEventListener("load", function () {
    var y = sessionStorage.getItem(plek);
    if (y !== null) { sessionStorage.removeItem(plek); window.scrollTo(0, Number(y)); }
  });
  function herlaad() { sessionStorage.setItem(plek, String(window.scrollY)); location.reload(); }
  var bron = null;
  function verbind() {
    if (bron) return;
    bron = new EventSource("/_voorstel/gebeurtenissen");
    bron.addEventListener("open", function () {
      live.classList.add("aan"); live.textContent = "wordt vanzelf bijgewerkt";
    });
    bron.addEventListener("error", function () {
      live.classList.remove("aan"); live.textContent = "geen verbinding met voorstel serve";
    });
    bron.addEventListener("hallo", function (e) {
      var d = JSON.parse(e.data);
      if (d.sessie !== sessie || d.ronde > ronde) herlaad();
    });
    bron.addEventListener("bijgewerkt", function (e) {
      var d = JSON.parse(e.data);
      if (!doc || d.documenten.indexOf(doc) >= 0 || d.documenten.indexOf("*") >= 0) herlaad();
      else ronde = d.ronde;
    });
  }
  /* A hidden tab lets go of its stream (a browser keeps only a few open per server), and
     on coming back the greeting tells whether anything changed meanwhile. */
  function verbreek() { if (bron) { bron.close(); bron = null; } }
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) verbreek(); else verbind();
  });
  window.addEventListener("pagehide", verbreek);
  if (!document.hidden) verbind();
})();
"""

OVERZICHT = 3
"""Errors of a document the index shows; its own page shows every one."""
STATUS = {"geldig": "in orde", "waarschuwingen": "waarschuwing", "fouten": "fout"}


def _meervoud(aantal: int, enkel: str, meer: str) -> str:
    return f"{aantal} {enkel if aantal == 1 else meer}"


def _url(*delen: str) -> str:
    return "/" + "/".join(quote(deel) for deel in delen)


def _tijd(moment: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(moment))


def _pagina(titel: str, inhoud: Markup, voorbeeld: Voorbeeld, sessie: str, doc: str = "") -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl-NL">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(titel)}</title>\n<style>{STIJL}</style>\n</head>\n"
        f'<body data-document="{escape(doc)}" data-ronde="{voorbeeld.ronden}" '
        f'data-sessie="{escape(sessie)}">\n'
        '<header class="balk"><div class="binnen">'
        '<a class="merk" href="/">voorstel <span>· voorbeeld</span></a>'
        '<span class="live" id="live" role="status">verbinden…</span>'
        "</div></header>\n"
        f'<main class="blad">\n{inhoud}</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n'
    )


def status_label(doc: Document) -> Markup:
    if doc.status == "geldig":
        tekst = STATUS["geldig"]
    elif doc.status == "waarschuwingen":
        tekst = _meervoud(len(doc.waarschuwingen), "waarschuwing", "waarschuwingen")
    else:
        tekst = _meervoud(len(doc.fouten), "fout", "fouten")
    return Markup('<span class="label {}">{}</span>').format(doc.status, tekst)


def _versienaam(versie: Versie, doc: Document) -> str:
    """A version's name among those of its document."""
    gemeente = versie.gemeente or ("Regionaal overzicht" if len(doc.gemeenten) > 1 else None)
    if len(doc.stukken) > 1:
        return f"{versie.stuk} · {gemeente}" if gemeente else versie.stuk
    return gemeente or versie.stuk


def index(voorbeeld: Voorbeeld, sessie: str) -> str:
    """Every document of the folder: title, soort, status and a link to each version."""
    documenten = list(voorbeeld.documenten.values())
    fout = sum(1 for d in documenten if d.status == "fouten")
    samen = [_meervoud(len(documenten), "document", "documenten")]
    if fout:
        samen.append(_meervoud(fout, "met fouten", "met fouten"))
    delen = [
        Markup("<h1>Documenten</h1>\n"),
        Markup(
            '<p class="onder">Uit <code>{}/</code> · {}. Sla een bestand op en deze pagina '
            "werkt zichzelf bij.</p>\n"
        ).format(str(voorbeeld.map), " · ".join(samen)),
        _meldingen_blok(voorbeeld.algemeen, "Er is een probleem met de map"),
        _fouten_overzicht([d for d in documenten if d.fouten]),
    ]
    if not documenten and not voorbeeld.algemeen:
        delen.append(
            Markup(
                '<p class="leeg">Geen documenten gevonden in <code>{}</code>. Begin er een '
                "met <code>voorstel new</code>.</p>"
            ).format(str(voorbeeld.map))
        )
    groepen: dict[str, list[Document]] = {}
    for doc in documenten:
        groepen.setdefault(doc.id.rpartition("/")[0], []).append(doc)
    for groep, docs in groepen.items():
        delen.append(Markup('<section class="groep">'))
        if groep:
            delen.append(Markup("<h2>{}</h2>").format(groep))
        delen.append(Markup('<ul class="lijst">'))
        delen.extend(_kaart(doc) for doc in docs)
        delen.append(Markup("</ul></section>\n"))
    return _pagina("Documenten · voorstel", Markup("").join(delen), voorbeeld, sessie)


def _fouten_overzicht(documenten: Sequence[Document]) -> Markup:
    """The documents with errors, at the top of the index, each with its first errors."""
    if not documenten:
        return Markup("")
    regels = []
    for doc in documenten:
        meldingen = [m.tekst for m in doc.fouten[:OVERZICHT]]
        if len(doc.fouten) > OVERZICHT:
            meldingen.append(f"en nog {_meervoud(len(doc.fouten) - OVERZICHT, 'fout', 'fouten')}")
        regels.append(
            Markup('<li><a href="{}">{}</a> <span class="info">{}</span>{}</li>').format(
                _url("document", *doc.id.split("/")),
                doc.titel or doc.bron.name,
                str(doc.bron),
                Markup("").join(
                    Markup('<p class="melding"><code>{}</code></p>').format(m) for m in meldingen
                ),
            )
        )
    kop = _meervoud(len(documenten), "document heeft", "documenten hebben") + " fouten"
    return Markup(
        '<section class="meldingen fouten" role="alert"><h2>{}</h2><ul>{}</ul></section>\n'
    ).format(kop, Markup("").join(regels))


def _kaart(doc: Document) -> Markup:
    titel = doc.titel or doc.bron.name
    links = (
        Markup(" ").join(
            Markup('<a href="{}">{}</a>').format(
                _url("document", *v.stam.split("/")), _versienaam(v, doc)
            )
            for v in doc.versies
        )
        if len(doc.versies) > 1
        else Markup("")
    )
    return Markup(
        '<li class="kaart"><div class="kop"><a class="titel" href="{}">{}</a>{}</div>'
        '<p class="info">{} · <code>{}</code></p>{}</li>\n'
    ).format(
        _url("document", *doc.id.split("/")),
        titel,
        status_label(doc),
        doc.soort.capitalize() or "onbekende soort",
        str(doc.bron),
        Markup('<p class="versielinks"><span class="rijnaam">Versies</span> {}</p>').format(links)
        if links
        else "",
    )


def document(
    voorbeeld: Voorbeeld, doc: Document, versie: Versie | None, sessie: str, pdf: bool
) -> str:
    """A document's page: its problems at the top, then the rendering (marked outdated when
    it is from before the errors), with its versions one click apart."""
    titel = doc.titel or doc.bron.name
    map_, _, naam = str(doc.bron).rpartition("/")
    delen = [
        Markup('<nav class="kruimel"><a href="/">Alle documenten</a> › {}</nav>\n').format(
            f"{map_}/{naam}" if map_ else naam
        ),
        Markup(
            '<div class="dockop"><div><p class="doctitel">{}</p>'
            '<p class="info">{} · <code>{}</code> · {}</p></div>{}</div>\n'
        ).format(
            titel,
            doc.soort.capitalize() or "onbekende soort",
            str(doc.bron),
            status_label(doc),
            _downloads(doc, versie, pdf),
        ),
        _versie_keuze(doc, versie),
        _meldingen_blok(voorbeeld.algemeen, "Er is een probleem met de map"),
        _meldingen_blok(
            doc.fouten,
            f"Dit document heeft {_meervoud(len(doc.fouten), 'fout', 'fouten')}",
            "Los op wat hieronder staat en sla het bestand op; deze pagina werkt zichzelf bij.",
        ),
        _waarschuwingen_blok(doc.waarschuwingen),
    ]
    inhoud = voorbeeld.inhoud(versie) if versie is not None else None
    if inhoud is None:
        delen.append(
            Markup(
                '<p class="leeg">Er is nog geen weergave van dit document. Die verschijnt '
                "zodra de fouten zijn opgelost.</p>\n"
            )
        )
    else:
        if doc.verouderd and doc.gebouwd is not None:
            delen.append(
                Markup(
                    '<p class="verouderd-kop"><strong>Verouderd.</strong> Hieronder staat de '
                    "laatste versie zonder fouten, van {}. Uw wijzigingen sinds toen staan "
                    "er nog niet in.</p>\n"
                ).format(_tijd(doc.gebouwd))
            )
        klasse = "papier verouderd" if doc.verouderd else "papier"
        delen.append(
            Markup('<article class="{}" lang="nl-NL">\n{}</article>\n').format(
                klasse, Markup(inhoud)
            )
        )
    return _pagina(f"{titel} · voorstel", Markup("").join(delen), voorbeeld, sessie, doc.id)


def _downloads(doc: Document, versie: Versie | None, pdf: bool) -> Markup:
    formaten = [("docx", "Word (.docx)")] + ([("pdf", "PDF")] if pdf else [])
    if versie is None or doc.fouten:
        knoppen = Markup("").join(
            Markup('<span class="knop uit" title="Eerst de fouten oplossen">{}</span>').format(t)
            for _, t in formaten
        )
    else:
        knoppen = Markup("").join(
            Markup('<a class="knop" href="{}" download>{}</a>').format(
                _url("download", *f"{versie.stam}.{formaat}".split("/")), tekst
            )
            for formaat, tekst in formaten
        )
    return Markup('<div class="knoppen" aria-label="Downloaden">{}</div>').format(knoppen)


def _versie_keuze(doc: Document, versie: Versie | None) -> Markup:
    """The versions as tabs: a row of stukken, a row of gemeenten; a click keeps the other."""
    if versie is None or len(doc.versies) < 2:
        return Markup("")
    rijen = []
    if len(doc.stukken) > 1:
        tabs = [
            (doc.versie(versie.gemeente, stuk) or doc.versie(None, stuk), stuk, stuk == versie.stuk)
            for stuk in doc.stukken
        ]
        rijen.append(_rij("Stuk", tabs))
    if len(doc.gemeenten) > 1:
        tabs = [
            (
                doc.versie(gemeente, versie.stuk) or doc.versie(gemeente, doc.stukken[0]),
                gemeente or "Regionaal overzicht",
                gemeente == versie.gemeente,
            )
            for gemeente in doc.gemeenten
        ]
        rijen.append(_rij("Versie", tabs))
    return Markup('<nav class="versies" aria-label="Versies">{}</nav>\n').format(
        Markup("").join(rijen)
    )


def _rij(naam: str, tabs: Iterable[tuple[Versie | None, str, bool]]) -> Markup:
    links = Markup("").join(
        Markup('<a class="tab" href="{}"{}>{}</a>').format(
            _url("document", *v.stam.split("/")),
            Markup(' aria-current="page"') if huidig else "",
            tekst,
        )
        for v, tekst, huidig in tabs
        if v is not None
    )
    return Markup('<div class="rij"><span class="rijnaam">{}</span>{}</div>').format(naam, links)


def _meldingen_blok(meldingen: Sequence[Melding], kop: str, uitleg: str = "") -> Markup:
    if not meldingen:
        return Markup("")
    return Markup(
        '<section class="meldingen fouten" role="alert"><h2>{}</h2>{}<ul>{}</ul></section>\n'
    ).format(
        kop,
        Markup("<p>{}</p>").format(uitleg) if uitleg else "",
        Markup("").join(_melding(m) for m in meldingen),
    )


def _waarschuwingen_blok(meldingen: Sequence[Melding]) -> Markup:
    if not meldingen:
        return Markup("")
    return Markup(
        '<details class="meldingen waarschuwingen"><summary>{}</summary><ul>{}</ul></details>\n'
    ).format(
        _meervoud(len(meldingen), "waarschuwing", "waarschuwingen")
        + " (het document wordt wel gemaakt)",
        Markup("").join(_melding(m) for m in meldingen),
    )


def _melding(melding: Melding) -> Markup:
    citaat = Markup("")
    if melding.citaat:
        citaat = Markup('<pre class="citaat">{}</pre>').format(
            Markup("").join(
                Markup('<span class="{}"><span class="nr">{}</span>{}</span>').format(
                    "hier" if regel.fout else "", regel.nummer, regel.tekst
                )
                for regel in melding.citaat
            )
        )
    return Markup('<li><p class="melding"><code>{}</code></p>{}</li>').format(melding.tekst, citaat)


def niet_gevonden(voorbeeld: Voorbeeld, sessie: str) -> str:
    inhoud = Markup(
        "<h1>Niet gevonden</h1>\n<p>Deze pagina bestaat niet (meer). Misschien is het document "
        'hernoemd of verwijderd. <a href="/">Naar alle documenten</a>.</p>\n'
    )
    return _pagina("Niet gevonden · voorstel", inhoud, voorbeeld, sessie)


def geen_download(
    voorbeeld: Voorbeeld, doc_id: str, meldingen: Sequence[Melding], sessie: str
) -> str:
    inhoud = Markup(
        '<nav class="kruimel"><a href="/">Alle documenten</a></nav>\n'
        "<h1>Downloaden lukt nu niet</h1>\n{}"
        '<p><a href="{}">Terug naar het document</a></p>\n'
    ).format(
        _meldingen_blok(
            meldingen,
            "Het bestand kon niet gemaakt worden",
            "Los op wat hieronder staat en probeer het opnieuw.",
        ),
        _url("document", *doc_id.split("/")),
    )
    return _pagina("Downloaden lukt niet · voorstel", inhoud, voorbeeld, sessie, doc_id)

"""A face word names FR only on a biometric head (issue 12, prec16; review13 R1/R5).

All invented here (made-up brands and firms). "facial", "faciale", "facciale", "viso"
after a noun, English "facial …" and German "Gesichts…" compounds are FR terms; the
noun they qualify decides: a skincare product, a garment or a treatment of the skin is
no FR, so a brand pulling it is no vendor change; a matching, search, data or system
head stays FR, and so does the face word used as a noun of its own.
"""

from __future__ import annotations

import pytest

from bot.extract import extract
from bot.extract.cueindex import Hit
from bot.extract.face_heads import biometric_only
from tests.extract_helpers import entry, found


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Brindlewood recalls its facial toner after customer rashes",
         "The brand is pulling every bottle from chemists this week."),
        ("Pflegemarke Sonnhalde nimmt ihre Gesichtscreme aus dem Handel",
         "Der Hersteller prüft die Rezeptur nach Beschwerden über Rötungen."),
        ("Olmedilla suspende la venta de su mascarilla facial de arcilla",
         "La marca revisa los lotes tras varias reclamaciones de clientas."),
        ("Ferravelle ritira il siero viso alla vitamina C dalle profumerie",
         "L'azienda cosmetica sostituirà la confezione entro l'estate."),
        ("Marca Tainhas deixa de vender seu sabonete facial em farmácias",
         "A empresa vai trocar a embalagem do produto."),
        ("Belisande arrête la production de sa brume faciale hydratante",
         "La marque concentre ses ventes sur les soins du corps."),
    ],
)  # fmt: skip
def test_a_face_word_on_a_skincare_head_makes_no_vendor_change(title: str, summary: str) -> None:
    result = extract(entry(title, summary))
    assert result is None or not result.relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Corrabee stops selling its facial matching service to casinos",
         "The company will not renew contracts with gaming operators."),
        ("Wendhaus stoppt den Verkauf seiner Gesichtssuche an Detekteien",
         "Das Unternehmen kündigt die Verträge mit privaten Ermittlern."),
        ("Tramonte deja de vender su verificación facial a las aseguradoras",
         "La compañía no renovará sus contratos con el sector asegurador."),
        ("Quillane cesse de vendre sa comparaison faciale aux agences immobilières",
         "L'entreprise résilie ses contrats avec les agents."),
    ],
)  # fmt: skip
def test_a_face_word_on_a_biometric_head_stays_fr(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (True, "vendor")


def _kept(text: str, term: str) -> bool:
    start = text.index(term)
    return bool(biometric_only([Hit(start, start + len(term), "fr")], text))


@pytest.mark.parametrize(
    ("text", "term", "kept"),
    [
        ("La tienda prueba una búsqueda facial en caja", "facial", True),
        ("La tienda retira una loción facial de caja", "facial", False),
        ("Il comune spegne la verifica viso ai tornelli", "viso", True),
        ("Il marchio lancia una crema viso leggera", "viso", False),
        ("Lo studio misura la forma del viso dei clienti", "viso", True),  # a noun
        ("Die Firma verkauft Gesichtsabgleiche an Banken", "Gesichtsabgleiche", True),
        ("Die Firma verkauft Gesichtsseife an Drogerien", "Gesichtsseife", False),
        ("The app adds facial templates to its backups", "facial templates", True),
        ("The shop sells a facial scrub for dry skin", "facial scrub", False),
        # a Romance face word followed by a function word: the noun before decides
        ("El banco apaga su reconocimiento facial a partir de mayo", "facial a", True),
        ("El banco regala una toallita facial a sus clientes", "facial a", False),
    ],
)
def test_the_head_noun_decides(text: str, term: str, kept: bool) -> None:
    assert _kept(text, term) is kept

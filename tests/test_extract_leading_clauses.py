"""Background clauses and body subjects (issue 12, actor15; review12 R7).

All invented here (made-up firms, bodies and places):

- a court undoing a fine told in a sentence-opening clause ("After …, X resumes …")
  is background: the vendor's own act in the main clause is the news (must stay
  vendor), while a court undoing a fine in the main clause stays the court's;
- siding with a party is a court's act only with a court or an appeal in its sentence;
- the names in a leading clause are not the subject of the main clause's verb;
- "once" opening a clause about the past is a time, not a condition;
- public bodies named by a generic noun and the field they govern (home affairs,
  justice, transparency, a ministers' or states' conference) and the verbs bodies
  act with (insist, pay for, put off) make the body the actor.
"""

from __future__ import annotations

import pytest

from bot.extract.leading_clauses import opener
from tests.extract_helpers import found

# ------------------------------------------- a court outcome told as background


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        ("After a tribunal scrapped its privacy fine, Quorrel resumes selling face search"
         " to pharmacies", "Quorrel had held back those sales until the judgment.", "reversal"),
        ("Following the appeal judges' move to annul its penalty, Smeltby walks away from"
         " facial recognition", "The firm will close its matching unit by summer.", "exit"),
        ("Después de que la audiencia anulara la multa, Garrobo reanuda la venta de su"
         " reconocimiento facial a hoteles", "La firma había frenado esas ventas durante"
         " el juicio.", "reversal"),
        ("Dopo che la corte ha annullato la sanzione, Vellutra riprende a vendere il"
         " riconoscimento facciale alle farmacie", "Le vendite erano ferme dall'inverno.",
         "reversal"),
        ("Depois de a justiça anular a multa, a Corvelo volta a vender reconhecimento"
         " facial para farmácias", "As vendas estavam paradas desde março.", "reversal"),
        ("Once the panel voided the regulator's order, Ashgrove switched its face matching"
         " back on for hotel chains", "The service had been dark since spring.", "reversal"),
    ],
)  # fmt: skip
def test_a_court_outcome_in_a_leading_clause_leaves_the_vendor_act(
    title: str, summary: str, action: str
) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type, result.action) == (True, "vendor", action)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Appeal judges set aside the data fine on Brockhollow's face gates",
         "The panel said the notice had been served on the wrong company."),
        ("Tribunal sides with Wexcombe over its face search penalty",
         "The judges found the privacy office had exceeded its powers."),
        ("La audiencia anula la sanción a Pradoluz por su reconocimiento facial",
         "Los magistrados entienden que la multa se impuso fuera de plazo."),
        ("I giudici d'appello annullano la multa a Ferronia per il riconoscimento facciale",
         "Secondo il collegio la sanzione era stata notificata in ritardo."),
    ],
)  # fmt: skip
def test_a_court_outcome_in_the_main_clause_stays_the_court_s(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "court")


def test_siding_with_a_party_needs_a_court() -> None:
    result = found(
        "Shoppers' ombudsman sides with customers over Tallisker's facial recognition tills",
        "The ombudsman said the stores must keep a staffed till open beside each face lane.",
    )
    assert result.actor_type != "court"
    result = found(
        "Residents' group sides with landlord in row over face entry panels",
        "The group said the panels help tenants who lose their keys.",
    )
    assert result.actor_type != "court"


# ------------------------------------------------------- openers by language


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "Once the"), ("fr", "Une fois la"), ("de", "Nachdem das"), ("es", "Tras la"),
     ("it", "Dopo che"), ("pt", "Assim que")],
)  # fmt: skip
def test_leading_clause_openers(lang: str, text: str) -> None:
    assert opener(lang).match(text) is not None


def test_a_clause_without_an_opener_is_no_leading_clause() -> None:
    assert opener("en").match("Onceworth resumes") is None


# ----------------------------------------------------- bodies as subjects


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        ("Conference of state interior ministers puts off a decision on station face scans",
         "The ministers asked their police chiefs for a report first.", "government"),
        ("Data privacy office insists clinics erase patients' face photos",
         "The office said the clinics never asked for consent.", "regulator"),
        ("La consejería de Justicia adopta reglas para el reconocimiento facial en los"
         " juzgados", "Cada uso necesitará la firma de un secretario.", "government"),
        ("El consejo de transparencia obliga al ayuntamiento a publicar su contrato de"
         " reconocimiento facial", "El consistorio tiene quince días.", "regulator"),
        ("Il consiglio per la trasparenza impone alla questura di pubblicare gli atti sul"
         " riconoscimento facciale", "La questura ha trenta giorni.", "regulator"),
        ("Die Justizministerkonferenz vertagt die Gesichtserkennung in Gerichtssälen",
         "Ein Gutachten soll bis zum Herbst vorliegen.", "government"),
    ],
)  # fmt: skip
def test_a_body_subject_acts(title: str, summary: str, kind: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, kind)

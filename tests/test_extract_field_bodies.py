"""Authorities told in ways the body word lists did not know (issue 12, actor14).

Four families, each in several languages, all invented here (made-up bodies, firms and
places):

- a body named by a generic noun plus the field it governs (a transit board, a régie
  of transport, a Verkehrsverbund, a school council, a competition office, an
  ombudsman, a union's data committee) is the subject of an act on face recognition:
  a field of data, consumers or competition makes a regulator; transport, schools or
  police oversight a government;
- a court undoing a decision, siding with a company or defeating a regulator: the
  court's act, even where the undone fine names the regulator first;
- a data authority publishing guidance or an analysis: the regulator's act;
- a company that only uses face recognition (a shop chain, a cinema, a stadium)
  switching it off because an authority acted on it: that authority's act, never a
  vendor alert.
"""

from __future__ import annotations

import pytest

from bot.extract.body_domains import composed, owned_body
from tests.extract_helpers import found

# ------------------------------------------------ a generic noun with its field


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        ("Marlowe Valley transit board pulls the plug on face-pay turnstiles",
         "Commuters will use their passes while an audit is done.", "government"),
        ("La régie des transports de Pontvieux interdit à ses contrôleurs les lunettes à"
         " reconnaissance faciale", "Les agents gardent leurs terminaux habituels.", "government"),
        ("Der Verkehrsverbund Rabenau stoppt die Gesichtserkennung an seinen Bahnsteigen",
         "Die Pendler nutzen wieder ihre Monatskarten und die Automaten.", "government"),
        ("El consorcio de transportes de Peñalba suspende el pago facial en el tranvía",
         "Los usuarios regresan al bono de papel.", "government"),
        ("Merenda sem câmeras: o conselho de educação de Rio Seco proíbe o reconhecimento"
         " facial nas cantinas", "A regra atinge onze escolas da rede municipal.", "government"),
        ("Kartellamt ermittelt wegen Preisabsprachen bei Gesichtserkennung für Polizeibehörden",
         "Drei Hersteller sollen Angebote abgestimmt haben.", "regulator"),
        ("La dirección de consumo de Calasparra multa a la cadena Pinares por su"
         " reconocimiento facial", "La cadena tiene un mes para desmontar los equipos.",
         "regulator"),
        ("Brackwater ombudsman tells the port police to stop scanning faces at the docks",
         "The ombudsman found no statute behind the checks.", "regulator"),
        ("Der Datenausschuss des Küstenbunds verbietet Gesichtserkennung an Grenzübergängen",
         "Die Mitgliedsstaaten haben ein Jahr für die Umsetzung.", "regulator"),
    ],
)  # fmt: skip
def test_a_body_named_by_its_field_acts(title: str, summary: str, kind: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, kind)


def test_a_place_may_own_a_field_body_but_a_company_s_plain_board_is_not_one() -> None:
    assert owned_body("Pellingham's police oversight board ", "en")
    assert owned_body("Pellingham's school board ", "en")
    assert not owned_body("Quillmark's board ", "en")
    assert not owned_body("Quillmark's ethics board ", "en")


def test_each_language_joins_head_and_field_in_its_own_order() -> None:
    english = composed("en", "regulator")
    assert any("office" in p and "consumer" in p for p in english)
    german = composed("de", "government")
    assert any(p.startswith(r"\w*") for p in german)  # one compound word
    assert composed("xx", "government") == []  # no language, no body


def test_a_field_body_deploying_a_named_vendor_s_product_stays_that_vendor_s_news() -> None:
    result = found(
        "Kellbrook transit authority rolls out Nerovia Vision face boarding",
        "The system reads riders' faces at the gates from May.",
    )
    assert result.actor_type not in ("government", "regulator")


# ------------------------------------------------------------- courts undoing


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Rennvale's biometric fine thrown out on appeal",
         "The judges said the privacy office never showed the face templates were kept."),
        ("Oberlandesgericht erklärt die Löschanordnung gegen Tarvik für nichtig",
         "Die Datenschutzbehörde habe den Abgleich der Gesichter nicht nachgewiesen."),
        ("Il tribunale di Ossola revoca il divieto imposto dal Garante alla Gherardesca Biometria",
         "Il collegio ritiene che il riconoscimento facciale fosse già stato disattivato."),
        ("Un juzgado de Alhama deja sin efecto la orden contra Cardoncillo Biometría",
         "La agencia de datos no probó que el reconocimiento facial guardara rostros."),
        ("Landesdatenschützer verlieren vor Gericht im Streit um Lindquists Gesichtserkennung",
         "Die Kammer hält das Verbot für nicht begründet."),
    ],
)  # fmt: skip
def test_a_court_undoing_a_decision_is_the_court_s_act(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "court")


def test_a_regulator_s_own_fine_with_no_court_stays_the_regulator_s() -> None:
    result = found(
        "Privacy office fines Halberd Optics over face matching in its shops",
        "The office says the cameras ran for a year without notice.",
    )
    assert (result.relevant, result.actor_type) == (False, "regulator")


# ---------------------------------------------- a data authority's guidance


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Data protection authority issues guidance on face entry at gyms",
         "Members must be offered a card instead, the authority says."),
        ("La CNIL publie une analyse sur la reconnaissance faciale dans les hôpitaux",
         "L'autorité limite l'usage aux zones les plus sensibles."),
        ("Datenschutzbehörde veröffentlicht Leitlinien zur Gesichtserkennung am Arbeitsplatz",
         "Die Behörde hält eine Einwilligung der Beschäftigten selten für freiwillig."),
        ("ANPD divulga nota técnica sobre reconhecimento facial em estádios",
         "A autoridade recomenda relatórios de impacto antes de cada instalação."),
    ],
)  # fmt: skip
def test_a_data_authority_s_guidance_is_the_regulator_s(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "regulator")


# ------------------------------------- an FR user stopping on an authority's order


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        ("Ferry operator Grebeholm Lines ends face boarding under an order from the data"
         " regulator", "Stored traveller photos must be erased within a month.", "regulator"),
        ("A rede de academias Pulsar abandona o acesso por reconhecimento facial por exigência"
         " do Procon", "A empresa terá de apagar os cadastros dos alunos.", "regulator"),
        ("La chaîne de salles de sport Tonik coupe la reconnaissance faciale sur injonction de"
         " la CNIL", "L'exploitant doit supprimer les gabarits des abonnés.", "regulator"),
        ("Die Supermarktkette Eschenhof baut auf Druck der Datenschutzbehörde ihre"
         " Gesichtserkennung ab", "Gespeicherte Aufnahmen werden gelöscht.", "regulator"),
    ],
)  # fmt: skip
def test_an_fr_user_stopping_on_an_authority_s_order_is_the_authority_s_act(
    title: str, summary: str, kind: str
) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, kind)


def test_an_fr_user_stopping_of_its_own_accord_names_no_authority() -> None:
    result = found(
        "Cinema chain Lanternhouse drops face cameras at its entrances",
        "The operator said guests disliked the scans.",
    )
    assert result.actor_type not in ("government", "regulator", "court")
    assert not result.relevant


def test_a_vendor_stopping_sales_after_a_regulator_s_probe_stays_the_vendor_s_act() -> None:
    result = found(
        "Nerovia Vision stops selling face search to retailers after a regulator's probe",
        "The company said the decision was its own.",
    )
    assert result.relevant and result.actor_type == "vendor"

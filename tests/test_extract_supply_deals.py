"""Who supplies whom (bot/extract/deals.py): a public body on one side of a supply deal
for a named company's face recognition is that company's customer. The news is the
supplier's deployment (history may make it a return), never a government act; a deal
the body ends, a law it signs and a legal deal stay what they were. Invented places,
bodies and companies, written for these tests (issue 12)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Tarrow County sheriff's office signs up for Quillon face search",
         "Deputies will compare booking photos with Quillon Vision's face recognition tool "
         "under a two-year contract.", "Quillon Vision"),
        ("Ardley council signs Vexilar Imaging face-entry deal for its leisure centres",
         "Residents will walk into pools and gyms by facial recognition from March.",
         "Vexilar Imaging"),
        ("Harlan County sheriff signs contract with Quillon Vision for facial recognition",
         "Detectives get the tool in the spring.", "Quillon Vision"),
        ("Prefeitura de Ourém assina contrato com a Orvale Vision para reconhecimento facial",
         "As câmeras da empresa vão identificar rostos nas escolas municipais.", "Orvale Vision"),
        ("Il comune di Bressana firma un contratto con Orvale Vision per il riconoscimento "
         "facciale", "Le telecamere saranno attive allo stadio da settembre.", "Orvale Vision"),
    ],
)  # fmt: skip
def test_a_body_signing_for_a_companys_face_recognition_is_its_customer(
    title: str, summary: str, vendor: str
) -> None:
    result = found(title, summary)
    assert (result.actor_type, result.vendor, result.signal) == ("vendor", vendor, "deployment")


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        # the body does something to its deal: its own act, no new supply
        ("Council cancels its contract with Quillon Vision over facial recognition errors",
         "Officers will stop using the face search next month.", "government"),
        ("Mayor halts Quillon Vision facial recognition contract",
         "Police will stop using the face search.", "government"),
        ("Council reviews Quillon Vision contract after wrongful arrest",
         "The city's police used the facial recognition tool to identify a suspect.",
         "government"),
        # a law signed; the company only named in a circumstance
        ("Governor signs facial recognition bill after Quillon Vision lobbying campaign",
         "The law requires a warrant for every police face search.", "government"),
        ("Quillon Vision critics cheer as the governor signs a facial recognition bill",
         "Police will need a warrant for each face search from July.", "government"),
        ("Governor signs the Quillon Vision facial recognition bill",
         "The law lets police run face searches with a supervisor's approval.", "government"),
        # another body signs, the company only opens the headline
        ("Quillon Vision rivals fume as the county sheriff signs a face matching contract",
         "The facial recognition tool comes from a start-up in Leeds.", "government"),
        # the company named in a circumstance of the deal, not as its party
        ("Town council signs facial recognition contract despite Quillon Vision objections",
         "The cameras at the bus station will come from another supplier.", "government"),
        # a legal deal
        ("Quillon Vision lawsuit deal with Ohio bars facial recognition for landlords",
         "The state attorney general said the company agreed to the terms.", "government"),
        ("State attorney general's deal with Quillon Vision bars face recognition sales to "
         "landlords", "The chain must delete stored templates.", "government"),
    ],
)  # fmt: skip
def test_a_deal_ended_a_law_signed_or_a_legal_deal_is_no_supply(
    title: str, summary: str, kind: str
) -> None:
    result = found(title, summary)
    assert (result.actor_type, result.relevant) == (kind, False)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Regional ministry signs deal with Mereth Analytics to audit police facial recognition",
         "The firm will report on error rates of the force's face matching by spring."),
        ("El Gobierno de Navarra firma un contrato con Ostrana Datos para evaluar el "
         "reconocimiento facial de su policía", "El informe sobre errores llegará en otoño."),
        ("Il ministero dell'Interno firma un contratto con Brezzi Analisi per valutare il "
         "riconoscimento facciale della polizia",
         "I risultati sugli errori saranno pubblicati a marzo."),
    ],
)  # fmt: skip
def test_a_deal_to_examine_face_recognition_is_no_supply_of_it(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.actor_type, result.signal) == ("government", None)

"""Restriction as a gate, in the six languages the bot reads: identifying people kept
behind the consent of the person pictured, an approval, a review or an application; a
product that stops naming people; searches blocked. A gate beside another act only
qualifies it (a return "only with opt-in" stays a return), and a gate in a launch, a
study, a suit or an authority's finding is no vendor restriction. Invented vendors and
sentences (bot/data/cues.yaml `gate`, bot/data/cues_languages.yaml)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.extract import extract
from tests.extract_helpers import entry

# (title, summary, language)
GATES = [
    # English: approval, review, consent of the person pictured, an application
    ("Quillon Vision: face identification now needs sign-off from its trust team", "Detection keeps running for every developer.", "en"),
    ("Quillon Vision keeps face detection open, but names stay hidden unless a customer is cleared", "Developers were told by email on Monday.", "en"),
    ("Quillon Vision's photo assistant stops tagging friends who have not opted in", "Albums still cluster similar faces on the device.", "en"),
    ("Accounts lacking a vetted request lose face identification at Quillon Vision", "Detection-only customers are not affected.", "en"),
    # German: nur noch nach Freigabe, braucht eine Genehmigung, muss einen Antrag stellen
    ("Quillon Vision: Gesichtsabgleich gibt es nur noch mit Genehmigung", "Die Erkennung von Gesichtern im Bild bleibt für alle Kunden frei.", "de"),
    ("Quillon Vision: Wer die Gesichtserkennung zum Identifizieren nutzt, braucht ab Juli eine Freigabe", "Das Unternehmen prüft jeden Einsatzzweck einzeln.", "de"),
    ("Gesichtssuche nur noch nach Antrag: Quillon Vision ändert seine Regeln", "Bestandskunden haben bis Ende März Zeit.", "de"),
    # Italian: subordinato all'approvazione, solo con il consenso, previa autorizzazione
    ("Quillon Vision: l'identificazione dei volti sarà subordinata a una verifica interna", "Il rilevamento dei volti resta disponibile a tutti.", "it"),
    ("Quillon Vision abbinerà i volti ai nomi solo con il consenso della persona ritratta", "L'azienda aggiorna la sua app di fotografie.", "it"),
    ("Quillon Vision offrirà il riconoscimento facciale previa autorizzazione del suo comitato etico", "I clienti attuali dovranno ripresentare domanda.", "it"),
    # French: soumise à autorisation, sans leur accord, après validation
    ("Quillon Vision : l'identification des visages désormais soumise à une autorisation", "La détection reste ouverte à tous les clients.", "fr"),
    ("Quillon Vision : l'identification faciale uniquement après le feu vert de son comité", "Le tri des albums par visage ne change pas.", "fr"),
    # Spanish: solo con el consentimiento, previa autorización
    ("Quillon Vision solo identificará rostros con el consentimiento de la persona", "La detección de caras sigue activa para todos.", "es"),
    ("Quillon Vision ofrecerá la búsqueda facial previa autorización de su comité interno", "Los clientes actuales deberán pedirla de nuevo.", "es"),
    # Portuguese: só com autorização, mediante aprovação
    ("Quillon Vision só vai identificar rostos com autorização da pessoa fotografada", "A detecção de rostos continua disponível.", "pt"),
    ("Quillon Vision libera a identificação facial mediante aprovação do seu comitê", "Clientes antigos terão de pedir de novo.", "pt"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language"), GATES)
def test_a_gate_is_a_restriction(title: str, summary: str, language: str) -> None:
    found = extract(dataclasses.replace(entry(title, summary), language=language))
    assert found is not None and found.relevant, f"{title!r}: no vendor change found"
    assert (found.actor_type, found.action) == ("vendor", "restriction"), title


# the product stops naming people, searches blocked, a feature kept for some
NAMING_AND_BLOCKING = [
    ("Quillon Vision benennt Personen auf Urlaubsbildern nicht mehr", "Alben lassen sich wie gewohnt nach Gesichtern ordnen.", "de"),
    ("Bilder von Minderjährigen: Quillon Vision blockiert solche Abfragen ab sofort", "Bei Erwachsenen funktioniert die Gesichtssuche wie bisher.", "de"),
    ("Quillon Vision, nelle gallerie non verranno più suggeriti nomi per i volti", "Il raggruppamento delle foto per persona continua.", "it"),
    ("Quillon Vision blocca le ricerche di volti di minori", "Il motore di ricerca facciale rifiuta quelle foto.", "it"),
    ("Quillon Vision ya no etiquetará las caras de tus amigos", "Los álbumes siguen agrupando rostros.", "es"),
    ("Quillon Vision bloqueia pesquisas com rostos de crianças", "O buscador facial recusa essas imagens.", "pt"),
    ("Quillon Vision deixa de sugerir nomes para rostos nas fotos", "Os álbuns continuam agrupados por rosto.", "pt"),
    ("Quillon Vision réserve désormais l'identification des visages aux comptes vérifiés", "Les autres clients gardent la simple détection.", "fr"),
    ("Quillon Vision: Die Gesichtssuche ist künftig geprüften Behörden vorbehalten", "Private Kunden verlieren den Zugang im Mai.", "de"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language"), NAMING_AND_BLOCKING)
def test_naming_stopped_or_searches_blocked(title: str, summary: str, language: str) -> None:
    found = extract(dataclasses.replace(entry(title, summary), language=language))
    assert found is not None and found.relevant, f"{title!r}: no vendor change found"
    assert found.action == "restriction", title


# A gate qualifying another act: the other act is the news
QUALIFIED = [
    ("Quillon Vision resumes face tagging, but only with opt-in", "The feature was withdrawn last year.", "en", "reversal"),
    ("Quillon Vision will no longer sell face matching to police; other buyers need approval", "The company cites misuse.", "en", "ban"),
    ("Quillon Vision riprende a riconoscere i volti, ma solo con il consenso", "La funzione era stata ritirata.", "it", "reversal"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language", "action"), QUALIFIED)
def test_a_gate_beside_another_act_qualifies_it(
    title: str, summary: str, language: str, action: str
) -> None:
    found = extract(dataclasses.replace(entry(title, summary), language=language))
    assert found is not None and found.relevant and found.action == action, title


# Consent and approval words that are no vendor's gate
NOT_A_GATE = [
    # a launch for people who opt in (no earlier stop): a launch
    ("Quillon Photos launches face grouping for users who opt in", "The feature arrives in the US first.", "en"),
    # a suit or an authority's finding about consent
    ("Class action says Quillon Vision built face templates without written consent", "The plaintiffs seek damages.", "en"),
    ("Datenschutzbehörde: Quillon Vision hat Gesichter ohne Einwilligung gespeichert", "Die Behörde prüft ein Bußgeld.", "de"),
    ("Il garante: Quillon Vision ha raccolto volti senza consenso", "L'autorità valuta una sanzione.", "it"),
    # a study
    ("Study: most face apps need no consent before naming strangers", "Researchers tested forty apps.", "en"),
    # a store chain asking shoppers for consent for its own cameras
    ("Supermarket chain Brambly now asks shoppers for consent before face scans", "Its own cameras stay on.", "en"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "language"), NOT_A_GATE)
def test_consent_words_that_are_no_gate(title: str, summary: str, language: str) -> None:
    found = extract(dataclasses.replace(entry(title, summary), language=language))
    assert found is None or not found.relevant or found.action != "restriction", title


def test_a_gate_carried_over_is_no_new_restriction() -> None:
    """An expansion that keeps the gate it already had restricts nothing new."""
    title = "Quillon Vision's face naming comes to Mexico"
    summary = "Name suggestions there follow the same rule: a face is named only once its owner consented."
    found = extract(dataclasses.replace(entry(title, summary), language="en"))
    assert found is None or found.action != "restriction"
    gated = (
        "Quillon Vision: face naming in its photo app now needs consent from the person pictured"
    )
    found = extract(
        dataclasses.replace(entry(gated, "The change applies worldwide."), language="en")
    )
    assert found is not None and found.action == "restriction"

"""Which action family a relevant vendor move is: the mechanisms that decide between two
families (a stated term vs a condition, a customer group vs the business, a capability
vs the whole system, data deleted with it, new customers only, a group word that names
no customer, a negated launch, background clauses). Invented vendors, own wording; each
family has several phrasings and negatives that must keep their own action."""

from __future__ import annotations

import pytest

from bot.extract import extract
from tests.extract_helpers import entry, found

# (title, summary, action)
CHOICES = [
    # a stated term makes a pause, even when the stop also waits for rules
    ("Brindle Vision stops selling face matching to police for two years",
     "It will not resume until lawmakers pass clear rules, the firm said.", "moratorium"),
    ("Orvella setzt den Verkauf seiner Gesichtserkennung an Behörden für ein Jahr aus",
     "Das Unternehmen will erst liefern, wenn es klare gesetzliche Regeln gibt.", "moratorium"),
    ("Tessaro Labs suspend pendant six mois ses ventes de reconnaissance faciale aux polices",
     "L'entreprise attend une loi sur la reconnaissance faciale avant de reprendre.",
     "moratorium"),
    # without a term, waiting for a law stays a ban
    ("Brindle Vision will not sell face matching to police until lawmakers pass rules",
     "The firm says the technology needs a legal frame first.", "ban"),
    # an exit verb whose object is a customer group refuses that group
    ("Orvella walks away from casino operators as face-matching customers",
     "The face-recognition vendor lets those contracts lapse in December.", "ban"),
    ("Pennick Systems parts ways with all landlords using its face-recognition door system",
     "Those accounts will not be renewed, the company said.", "ban"),
    ("Wendmoor Labs trennt sich von allen Spielbanken als Kunden seiner Gesichtserkennung",
     "Die Verträge mit den Kasinos laufen aus, neue werden nicht geschlossen.", "ban"),
    # ... while leaving the technology is an exit
    ("Marrick walks away from face recognition altogether",
     "The camera maker will focus on thermal sensing and stops all face-matching work.",
     "exit"),
    # "no longer" inside a refusal: the supply stops (an exit), unless a group is named
    ("Hollis Vision ne vendra plus de reconnaissance faciale",
     "L'entreprise abandonne ce marché et se concentre sur la vidéo pour ses clients.",
     "exit"),
    ("Casmir AI non venderà più il riconoscimento facciale",
     "L'azienda abbandona il settore e si concentra sulle telecamere termiche.", "exit"),
    ("Hollis Vision ne vendra plus de reconnaissance faciale à la police",
     "L'entreprise refuse désormais toute commande des forces de l'ordre.", "ban"),
    # what the product does with a face, no longer done: one capability withheld
    ("L'application de Casmir AI ne nommera plus les visages des inconnus sur les photos",
     "La reconnaissance faciale reste disponible pour les contacts qui l'ont accepté.",
     "restriction"),
    # a face-matching compound inside a sales cue is no capability verb
    ("Orvella halts face-matching sales to private guard firms for nine months",
     "Security companies will have to wait for an industry code.", "moratorium"),
    # FR itself named first after the cue: the vendor stops the technology
    ("Marrick will stop supplying facial recognition and emotion analysis tools",
     "The firm told shareholders it backs more police accountability instead.", "exit"),
    # ... a capability named first: that capability is retired
    ("Marrick will stop offering emotion analysis in its facial recognition suite",
     "Identity matching remains on sale.", "restriction"),
    # only new customers lose the feature: a restriction
    ("Pennick Systems drops its selfie face check for new sign-ups",
     "Existing accounts keep face verification; newcomers verify by video call.",
     "restriction"),
    ("Tessaro Labs removes face login for new customers of its banking app",
     "Current users can keep facial recognition until they change phones.", "restriction"),
    # switching a face feature off and deleting its data is a shutdown ...
    ("Orvella's smart doorbell will stop naming visitors at the door",
     "The face recognition maker will erase every stored face in May.", "shutdown"),
    ("Brindle Vision' photo app no longer recognises faces",
     "All face templates will be deleted by the end of the month.", "shutdown"),
    # ... but a gate, or a feature kept elsewhere, stays a restriction
    ("Orvella's face search is reserved for vetted police accounts",
     "Requests from other accounts are deleted on arrival and never answered.",
     "restriction"),
    # a feature pulled in some states only, told in the headline
    ("Tessaro Labs' face checkout disappears for shoppers in Illinois and Texas",
     "Tessaro Labs is switching its face-recognition payments off there to avoid lawsuits.",
     "restriction"),
    # a group that is still barred: the stop goes on
    ("Sheriffs still can't use Wendmoor Labs' face search",
     "The facial recognition vendor says its halt on sheriff sales stays until further notice.",
     "extension"),
    # settlement terms without the word: a judicial pact
    ("Casmir AI no venderá reconocimiento facial a aseguradoras",
     "El pacto judicial que cierra la demanda colectiva le impide tratar con aseguradoras.",
     "settlement"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), CHOICES)
def test_action_family(title: str, summary: str, action: str) -> None:
    result = found(title, summary)
    assert result.relevant, f"expected a relevant vendor change for {title!r}"
    assert result.action == action, f"{title!r}: got {result.action}, expected {action}"


# Background: a past act told in a relative clause or after "after years of" is not the
# news (the sentence's main move is).
BACKGROUND = [
    ("Hollis Vision's age check uses the face matching it shelved",
     "The new checker serves bars and clubs only, the company says.", "moratorium"),
    ("Casmir AI starts a face-recognition trial, whose founder said in 2020 it would not "
     "build face matching", "The pilot runs at two airports this winter.", "ban"),
    ("Orvella brings face grouping to European users after years of holding it back",
     "The facial recognition feature reaches Spain and Italy this week.", "restriction"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "not_action"), BACKGROUND)
def test_background_act_is_not_the_news(title: str, summary: str, not_action: str) -> None:
    result = extract(entry(title, summary))
    assert result is not None
    assert result.action != not_action, f"{title!r}: the background act became the news"


def test_refusal_in_background_is_undone_by_a_trial() -> None:
    result = found(
        "Doorcam face recognition pilot begins in two cities",
        "The trial is a turnaround for Pennick Systems, whose founder said in 2020 it would "
        "never commercialise face matching on doorbells.",
    )
    assert result.relevant and result.action == "reversal"


# Data handling inside a running feature is no shutdown, in several languages.
@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Tessaro Labs says gate face scans are destroyed within minutes",
         "The facial recognition firm now sells entry lanes to concert venues."),
        ("Orvella: les gabarits faciaux sont supprimés dès la fin du contrôle",
         "L'entreprise de reconnaissance faciale équipe des salles de concert."),
        ("Wendmoor Labs: Gesichtsdaten werden gelöscht, sobald die Prüfung vorbei ist",
         "Der Anbieter liefert Gesichtserkennung an Stadien."),
    ],
)  # fmt: skip
def test_deletion_inside_a_rollout_is_no_shutdown(title: str, summary: str) -> None:
    result = extract(entry(title, summary))
    assert result is not None
    assert result.action != "shutdown", f"{title!r}: data handling read as a shutdown"


def test_negated_expansion_is_no_deployment() -> None:
    """ "won't extend its pause to X" is no rollout, so history cannot make it a return."""
    for title in (
        "Brindle Vision won't extend its face-matching sales pause to school districts",
        "Orvella will not expand its facial recognition halt to federal buyers",
    ):
        result = extract(entry(title, "The company gave no other details."))
        assert result is not None
        assert result.signal != "deployment", title

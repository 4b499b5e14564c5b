"""A contract told from either side: the customer choosing a supplier ("the port
authority picks X for …") or the supplier taking the work on ("X will supply …"), in
six languages. Extraction reads it as the supplier's deployment (actor vendor, the
supplier as vendor, no policy change); the supplier's timeline decides whether it is a
return (bot.extract.history): after an exit it is a reversal, with no stop before it a
contract award stays no change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import clustering
from bot.extract.history import apply_history
from bot.models import Event, Finding
from store import Store
from tests import feedserver
from tests.extract_helpers import found
from tests.feedserver import FeedServer
from tests.outlet_poll import poll_outlet
from tests.test_pipeline_e2e import item, rss

feed_server = feedserver.feed_server

# the customer is the subject, the supplier the object
CUSTOMER_CHOOSES = [
    ("Harbour police pick Tarnwick Labs for matching faces at the ferry port",
     "The force will run the system on two quays from June.", "Tarnwick Labs"),
    ("A regional rail operator taps Ossory Systems to run face checks at its ticket gates",
     "Passengers who enrol a photo will walk through without a card.", "Ossory Systems"),
    ("Le port de Brest choisit Lissadell Vision pour contrôler les passagers par le visage",
     "Le système de reconnaissance faciale couvrira le terminal des ferries.", "Lissadell Vision"),
    ("La autoridad portuaria de Vigo elige a Brackwater ID para identificar pasajeros",
     "El reconocimiento facial funcionará en la terminal de cruceros.", "Brackwater ID"),
]  # fmt: skip

# the supplier is the subject and takes the work on
SUPPLIER_TAKES_ON = [
    ("Harrowgate Imaging will supply face matching to a state prison service",
     "Guards will compare visitors' faces with a list of banned people.", "Harrowgate Imaging"),
    ("Sallowby AI has signed to deliver face recognition for a stadium's turnstiles",
     "Season-ticket holders can opt in before the autumn.", "Sallowby AI"),
    ("Kestrin Biometrie liefert Gesichtserkennung für die Schleusen eines Flughafens",
     "Der Auftrag umfasst zwölf Durchgänge.", "Kestrin Biometrie"),
    ("Tarnwick Labs fornirà il riconoscimento facciale ai varchi di un porto",
     "Il sistema entrerà in funzione in primavera.", "Tarnwick Labs"),
    ("Ossory Systems fornecerá reconhecimento facial para o embarque de um aeroporto",
     "O sistema cobre dez portões.", "Ossory Systems"),
    ("Lissadell Vision fournira la reconnaissance faciale d'un stade de rugby",
     "Les abonnés pourront entrer sans billet.", "Lissadell Vision"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "supplier"), CUSTOMER_CHOOSES + SUPPLIER_TAKES_ON)
def test_a_contract_from_either_side_is_the_supplier_s_deployment(
    title: str, summary: str, supplier: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.vendor, f.signal) == (
        False, "vendor", supplier, "deployment"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a refusal to supply is a policy, not a deployment
        ("Harrowgate Imaging will not supply face matching to prison services",
         "The company says it turned down two tenders this spring."),
        # a plan is no contract yet
        ("Ossory Systems plans to bid for a border face-matching tender",
         "The firm says it is still deciding."),
        # a customer's pick reported as a rumour
        ("Port authority said to be weighing Tarnwick Labs for face checks at the quays",
         "Neither side would comment on the face-recognition tender."),
    ],
)  # fmt: skip
def test_a_refusal_a_plan_or_a_rumour_is_no_deployment(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.signal is None
    assert not (f.relevant and f.action == "reversal")


def test_a_contract_that_recalls_the_supplier_s_own_exit_is_a_return() -> None:
    f = found(
        "County sheriffs pick Brackwater ID for face searches",
        "Four years after it wound down its face-recognition unit, Brackwater ID has won "
        "a $3 million award to supply mugshot matching.",
    )
    assert (f.relevant, f.actor_type, f.vendor, f.action) == (
        True, "vendor", "Brackwater ID", "reversal"
    )  # fmt: skip


def test_the_deal_s_customers_are_its_own_not_those_of_a_recalled_refusal() -> None:
    f = found(
        "Kestrin Vision will supply face recognition for a concert hall's doors",
        "The firm notes that it still turns away police forces.",
    )
    assert (f.signal, f.applies_to) == ("deployment", None)
    to_police = found(
        "Kestrin Vision will supply face recognition to police forces in two counties",
        "The contract starts in May.",
    )
    assert (to_police.signal, to_police.applies_to) == ("deployment", "police")


WHEN = datetime(2024, 9, 1, tzinfo=UTC)


def _stop(action: str, applies_to: str = "everyone") -> Event:
    first = WHEN - timedelta(days=500)
    return Event(
        id=1, key="k", relevant=True, actor_type="vendor", vendor="Tarnwick Labs", product=None,
        action=action, applies_to=applies_to, region="US", effective=first.date(),
        duration=None, title="t", evidence="e", link=None, confidence=0.8, first_reported=first,
    )  # fmt: skip


def test_history_decides_what_a_customer_s_pick_means() -> None:
    pick = found(*CUSTOMER_CHOOSES[0][:2])
    assert isinstance(pick, Finding)
    assert apply_history(pick, [_stop("exit")], WHEN).action == "reversal"
    assert apply_history(pick, [], WHEN).relevant is False  # an award is no policy change
    # a refusal of employers is not undone by serving the police
    employers = [_stop("ban", "private_companies")]
    assert apply_history(pick, employers, WHEN).relevant is False


QUIT = item("tw-exit", "Tarnwick Labs walks away from face recognition",
            "Its engineers move to parcel-tracking software and the face unit closes.",
            days_ago=600)  # fmt: skip
PICKED = item("tw-pick", "Harbour police pick Tarnwick Labs for face matching on the quays",
              "The force will run it on two quays from June.", days_ago=0.2)  # fmt: skip
PICKED_NEW = item("os-pick", "A rail operator taps Ossory Systems to run face checks at gates",
                  "Passengers who enrol a photo skip the queue.", days_ago=0.2)  # fmt: skip


def test_the_pipeline_makes_a_customer_s_pick_a_return_only_after_an_exit(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    store = Store.open(tmp_path / "bot.db")
    try:
        feed_server.set("/a.xml", rss(QUIT), etag='"1"')
        poll_outlet(tmp_path, feed_server, store, max_alert_age_days=14)
        feed_server.set("/a.xml", rss(QUIT, PICKED, PICKED_NEW), etag='"2"')
        poll_outlet(tmp_path, feed_server, store, max_alert_age_days=14)
        actions = [e.action for e in clustering.timeline(store, "Tarnwick Labs").events]
        assert actions == ["exit", "reversal"]
        # the same kind of award for a supplier with no stop on its timeline: no change
        assert [e.relevant for e in clustering.timeline(store, "Ossory Systems").events] == []
    finally:
        store.close()

"""One vendor change told from two sides: the product's or the unit's name taken for the
vendor, or the owner selling its stake told by the stake's name. A report joins the
event whose reports name its vendor, in the news cycle, with the same action, when it
names the event's company or tells the change in the same words; a rival's move stays
apart. Invented companies and wording, on a real SQLite file through routing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import clustering
from bot.delivery.routes import route
from bot.models import Destination, Entry, EventChange, Filters, Finding
from store import Store
from store import entries as entries_store
from store import subscriptions as subscriptions_store

START = datetime(2024, 2, 12, 8, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "cross.db")
    subscriptions_store.add(opened, Destination("console", channel="vendors"), Filters())
    authorities = Filters(actor_types=("government", "regulator", "court"))
    subscriptions_store.add(opened, Destination("console", channel="authorities"), authorities)
    yield opened
    opened.close()


def record(store: Store, title: str, summary: str, *, day: float, vendor: str,
           action: str | None = "shutdown", actor: str = "vendor",
           relevant: bool = True) -> EventChange:  # fmt: skip
    entry = Entry(feed_id="wire", key=f"guid:{title}", title=title, summary=summary,
                  link=f"https://wire.example/{abs(hash(title))}",
                  published=START + timedelta(days=day), source="Wire")  # fmt: skip
    finding = Finding(relevant=relevant, actor_type=actor, vendor=vendor, product=None,
                      action=action, applies_to="everyone", region=None, confidence=0.8,
                      evidence=title)  # fmt: skip
    with store.transaction():
        entry_id = entries_store.record_entries(store, [entry])[0][0]
        change = clustering.record_finding(store, entry_id=entry_id, entry=entry, finding=finding)
        entries_store.record_finding(store, entry_id, finding, change.event_id)
        route(store, change, alertable=True)
    return change


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [("Farewell to Glimmerly, the face-sorting album app",
      "Halvern Labs says the app will close at the end of the month.", "Glimmerly"),
     ("Glimmerly's face albums close for good",
      "The album app stops sorting photos by face on the 30th and wipes its face index "
      "after few people used it.", "Glimmerly"),
     ("Glimmerly-Alben schließen",
      "Halvern Labs nimmt die App vom Markt.", "Glimmerly")],
    ids=["names-the-maker", "same-words", "another-language-naming-the-maker"],
)  # fmt: skip
def test_the_product_told_as_the_vendor_joins_its_makers_event(
    store: Store, title: str, summary: str, vendor: str
) -> None:
    first = record(store, "Halvern Labs closes its face-sorting Glimmerly album app",
                   "The album app stops sorting photos by face on the 30th and wipes its "
                   "face index; few people used it.", day=0, vendor="Halvern Labs")  # fmt: skip
    again = record(store, title, summary, day=1, vendor=vendor)
    assert again.event_id == first.event_id and not again.created


def test_an_owner_selling_a_stake_told_under_either_name_is_one_event(store: Store) -> None:
    first = record(store, "Ostrava Capital sells its stake in face-ID maker Pellucid Vision",
                   "The fund leaves the field after two years.", day=0,
                   vendor="Pellucid Vision", action="exit")  # fmt: skip
    again = record(store, "Ostrava Capital se retira de Pellucid Vision",
                   "El fondo vende su participación.", day=1, vendor="Ostrava Capital",
                   action="exit")  # fmt: skip
    assert again.event_id == first.event_id


def test_a_rival_named_in_the_event_keeps_its_own_change(store: Store) -> None:
    first = record(store, "Halvern Labs closes its Glimmerly album app",
                   "Unlike Corvane, which keeps its face albums, Halvern wipes its index.",
                   day=0, vendor="Halvern Labs")  # fmt: skip
    rival = record(store, "Corvane ends face grouping in its gallery",
                   "The gallery maker will delete face models of its users next month.",
                   day=3, vendor="Corvane")  # fmt: skip
    assert rival.event_id != first.event_id and rival.created


def test_another_action_of_the_named_company_stays_apart(store: Store) -> None:
    first = record(store, "Halvern Labs closes its Glimmerly album app",
                   "The album app stops sorting photos by face.", day=0,
                   vendor="Halvern Labs")  # fmt: skip
    other = record(store, "Glimmerly brings face sorting back for paying users",
                   "Halvern Labs says the album app returns.", day=5, vendor="Glimmerly",
                   action="reversal")  # fmt: skip
    assert other.event_id != first.event_id


# --------------------------------------------------------------------------- authorities


def test_an_appeal_sought_weeks_after_a_tribunal_ruling_joins_the_ruling(store: Store) -> None:
    first = record(store, "Tribunal overturns the Kestrel Data fine",
                   "The Records Tribunal held that the Data Office lacked powers over "
                   "Kestrel Data's searches for foreign police.", day=0,
                   vendor="Kestrel Data", action=None, actor="court", relevant=False)  # fmt: skip
    later = record(store, "Data Office seeks leave to appeal the Kestrel Data ruling",
                   "The office says the Records Tribunal misread its powers over foreign "
                   "police searches.", day=26, vendor="Kestrel Data", action=None,
                   actor="regulator", relevant=False)  # fmt: skip
    assert later.event_id == first.event_id


def test_a_new_fine_months_later_by_another_body_stays_apart(store: Store) -> None:
    first = record(store, "Tribunal overturns the Kestrel Data fine",
                   "The Records Tribunal held that the Data Office lacked powers.", day=0,
                   vendor="Kestrel Data", action=None, actor="court", relevant=False)  # fmt: skip
    later = record(store, "Coastal privacy board fines Kestrel Data",
                   "The Marlow Privacy Board fined the company over local searches.",
                   day=70, vendor="Kestrel Data", action=None, actor="regulator",
                   relevant=False)  # fmt: skip
    assert later.event_id != first.event_id

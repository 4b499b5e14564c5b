"""A place counted among the places that act ("becomes the third city to ban …", "verzichtet
als zweite Stadt auf …", "devient la deuxième ville à …") is a government: the ordinal
place noun after a copula is the agent of the infinitive that follows it, even when
the place's own name is one no list knows.

All sentences are invented (made-up places and vendors), several phrasings per language,
plus vendor items where a counted place is a market or a customer and must not become
an authority's act; see the `authorities: government` entries of bot/data/cues.yaml.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import found

COUNTED = [
    ("Harlow Vale is now the newest town to reject facial recognition",
     "Residents filled the hall for a vote that passed without dissent."),
    ("Why Ashgrove became the latest town to say no to facial recognition",
     "Residents packed the hall before the unanimous vote."),
    ("Lindenau verzichtet als zweite deutsche Stadt auf Gesichtserkennung am Bahnhof",
     "Mit großer Mehrheit sind Kameras mit automatischem Gesichtsabgleich dort künftig "
     "untersagt."),
    ("Valmorel devient la deuxième ville à refuser la reconnaissance faciale dans ses rues",
     "Les caméras existantes resteront en place, sans analyse des visages."),
    ("Sarzeau est la première commune à renoncer aux caméras à reconnaissance faciale",
     "Le dispositif ne sera pas renouvelé."),
    ("Sotoalto se convierte en la primera ciudad en prohibir el reconocimiento facial",
     "La votación fue unánime y la norma entra en vigor en enero."),
    ("Sotoalto es el primer municipio en renunciar al reconocimiento facial",
     "Las cámaras seguirán grabando, pero sin identificar rostros."),
    ("Vila Serena é a primeira cidade a proibir o reconhecimento facial",
     "A votação foi unânime e a regra vale a partir de janeiro."),
    ("Vila Serena se torna a primeira cidade a abandonar o reconhecimento facial",
     "As câmeras continuam ligadas, sem identificação de rostos."),
]  # fmt: skip

NOT_COUNTED = [
    # a counted place as a vendor's market or customer: the vendor's news
    ("Kestrel Vision adds a third city to its face-search pilot",
     "The company says two more councils are in talks."),
    ("Memora's face albums reach a third country",
     "The opt-in grouping now works for users in Norway as well."),
    ("Orrin Vision names Dunmere the first city to get its face matching",
     "The company will install cameras at the station."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), COUNTED)
def test_a_counted_place_is_a_government(title: str, summary: str) -> None:
    result = found(title, summary)
    assert (result.relevant, result.actor_type) == (False, "government"), title


@pytest.mark.parametrize(("title", "summary"), NOT_COUNTED)
def test_a_counted_market_stays_the_vendors(title: str, summary: str) -> None:
    assert found(title, summary).actor_type == "vendor", title

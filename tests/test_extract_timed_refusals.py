"""A refusal bounded by a stated term (days, weeks, quarters, a season, a date) is a
moratorium in every language; an untimed or law-conditioned refusal stays a ban
(invented vendors and sentences)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    "title",
    [
        "Veltrino Labs will sign no new police contracts for its face search for 90 days",
        "Veltrino Labs takes no new orders for face-matching cameras from retailers until autumn",
        "Veltrino Labs will not sell face recognition to police for at least a year",
        "Veltrino Labs: no face-search deals with sheriffs before next spring",
        "Veltrino Labs won't take face-search orders from landlords through the summer",
        "Veltrino Labs ne signera aucun nouveau contrat de reconnaissance faciale avec la police "
        "pendant 90 jours",
        "Veltrino Labs ne vendra pas sa reconnaissance faciale aux polices avant l'automne",
        "Veltrino Labs nimmt bis zum Herbst keine neuen Aufträge für Gesichtserkennung von "
        "Polizeibehörden an",
        "Veltrino Labs verkauft 90 Tage lang keine Gesichtserkennung an die Polizei",
        "Veltrino Labs no firmará nuevos contratos de reconocimiento facial con la policía "
        "durante 90 días",
        "Veltrino Labs no venderá reconocimiento facial a la policía hasta el otoño",
        "Veltrino Labs non venderà il riconoscimento facciale alla polizia per 90 giorni",
        "Veltrino Labs non firmerà altri contratti di riconoscimento facciale con la polizia "
        "fino all'autunno",
        "Veltrino Labs não venderá reconhecimento facial à polícia por 90 dias",
        "Veltrino Labs não assinará novos contratos de reconhecimento facial com a polícia até "
        "o outono",
    ],
)
def test_a_refusal_for_a_stated_term_is_a_moratorium(title: str) -> None:
    f = found(title)
    assert (f.relevant, f.vendor, f.action) == (True, "Veltrino Labs", "moratorium"), f


@pytest.mark.parametrize(
    "title",
    [
        "Veltrino Labs will never sell face recognition to immigration agencies",
        "Veltrino Labs will not sell face recognition to police until Congress passes a law",
        "Veltrino Labs no ofrecerá su búsqueda facial a las comisarías hasta que exista una norma",
        # a deadline for the customers who lose the service is no term of the refusal
        "Veltrino Labs stops selling face matching to casinos, which have 60 days to move "
        "their data",
    ],
)
def test_an_untimed_or_law_conditioned_refusal_stays_a_ban(title: str) -> None:
    f = found(title)
    assert (f.relevant, f.action) == (True, "ban"), f

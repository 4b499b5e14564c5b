"""A company that uses FR (a shop chain, a landlord, a railway) ending, shelving or
running its own cameras is no vendor's policy change: actor ``none``, not relevant.
Vendors that stop selling to such companies, and customer groups in the plural, stay
the vendor's news."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Harbour Quay landlord shelves its face-scanning cameras after complaints",
         "The owner of the waterfront estate says the system ran for a year and will not return."),
        ("Riverside mall owner switches off facial recognition at its entrances",
         "Shoppers had complained about the cameras; the owner says footage has been deleted."),
        ("Pharmacy chain quietly ran face-matching cameras in its stores for years",
         "The company told reporters it had turned the system off last month."),
        ("Northline backs away from face watchlists at its stations",
         "The railway says it has stopped adding people to the facial recognition list."),
        ("Supermercados Brezo retira el reconocimiento facial de sus tiendas",
         "La cadena asturiana pone fin a la prueba tras las quejas de los clientes."),
        ("Ipermercati Lodola spegne le telecamere con riconoscimento facciale",
         "Dopo le critiche dei clienti, la catena emiliana chiude la sperimentazione."),
        ("Le Grand Étoile renonce à la reconnaissance faciale dans ses magasins",
         "L'enseigne bordelaise arrête l'essai de caméras lancé au printemps."),
    ],
)  # fmt: skip
def test_an_fr_user_ending_or_running_its_own_cameras_is_no_vendor(
    title: str, summary: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "none"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Ondine Vision stops selling face matching to supermarket chains",
         "The vendor says grocers and pharmacy chains will lose access from June."),
        ("Retailers lose Ondine Vision's shoplifter face alerts for a year",
         "Ondine Vision is pausing its face-matching service for shops while it audits errors."),
        ("Pellworth Biometrics pauses face search sales to landlords",
         "The company will sign no new deals with property managers for six months."),
    ],
)  # fmt: skip
def test_a_vendor_cutting_off_users_stays_the_vendors_change(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (True, "vendor"), f

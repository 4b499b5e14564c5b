"""A company that uses FR (a shop chain, a landlord, a transport operator) ending,
shelving or running its own cameras is no vendor's policy change: actor ``none``, not
relevant. Vendors that stop selling to such companies, customer groups in the plural,
and a user that signs up with a named supplier stay the vendor's news."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # the headline's subject is a user noun, with or without a place before it
        ("Tidewater ferry operator suspends its face-matching boarding gates",
         "Tidewater Lines Ltd says tickets will be checked by hand until an audit is done."),
        ("Eastbank cinema chain pulls its face-reading ticket barriers",
         "Lumière Halls Ltd says visitors queue at staffed desks from Friday onwards."),
        ("Una cadena hotelera de Málaga suspende el reconocimiento facial en recepción",
         "Hoteles Brisamar Tecnología dice que los huéspedes volverán a enseñar el pasaporte."),
        ("Die Baumarktkette stoppt ihren Versuch mit Gesichtserkennung",
         "Die Holzhof GmbH schaltet die Kameras in Kassel und Fulda im Juli ab."),
        # the company's own name opens with a user noun
        ("Farmácias Acácia suspendem o reconhecimento facial no caixa",
         "A empresa diz que os clientes voltam a pagar da forma habitual."),
        ("Drogerie Lindmann probt Gesichtserkennung an der Selbstbedienungskasse",
         "Die Technik der Sichtwerk AG läuft drei Monate lang in zwei Filialen."),
        # the summary's opening noun phrase is the user
        ("Face checks at the Pinecrest outlet centre are suspended",
         "The mall owner, Pinecrest Holdings Inc, told tenants the cameras above all four doors will come down."),
        ("Riconoscimento facciale sospeso nei negozi di Borgo Sereno",
         "Dopo un anno di prova, la catena di ferramenta Chiodo Tech sospende i controlli con le telecamere."),
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


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Gym chain signs Quorvel deal for face check-in at its clubs",
         "Quorvel will fit turnstile cameras in 30 locations this year."),
        ("Baumarktkette setzt bei der Einlasskontrolle auf Gesichtserkennung der Ferrowin GmbH",
         "Die Ferrowin GmbH stattet 60 Märkte mit Kameras aus."),
        ("Una cadena de gimnasios de Valencia elige a Miravox Visión para el acceso facial",
         "Miravox Visión montará lectores de reconocimiento facial en doce centros."),
    ],
)  # fmt: skip
def test_a_user_signing_up_with_a_named_supplier_is_the_suppliers_news(
    title: str, summary: str
) -> None:
    f = found(title, summary)
    assert f.actor_type == "vendor", f

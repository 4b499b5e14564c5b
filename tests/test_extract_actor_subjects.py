"""Who acts, read from the acting clause's subject: a law told as the act, one school as
a user of face recognition, inspectorates and a regulator's instructions, a lawmaker's
bill, and a public body delaying its own face recognition.

Every sentence is invented (made-up places, bodies and vendors), in several languages,
with items that must stay a company's act; see bot/extract/restated.py (``summary_law``)
and bot/extract/public_bodies.py.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import found

# A headline naming a place no list knows, and a summary telling the act as a law's:
# a decree, an ordinance or a regulation as its subject, or an instrument opening it.
LAW_TOLD = [
    ("Tarnholm orders border posts to delete face scans after a week",
     "A decree that took effect on Tuesday sets the same deadline for every crossing."),
    ("Quellbrook opens driver-licence photos to its fraud office",
     "An ordinance passed in the spring lets inspectors run facial recognition on licence records."),
    ("Lorvask schreibt Hinweisschilder für Gesichtserkennung in Läden vor",
     "Per Erlass müssen Geschäfte auf jede Kamera mit Gesichtserkennung hinweisen."),
    ("Sorbela fija un plazo para borrar los rostros captados en sus aeropuertos",
     "Por decreto, los operadores tendrán que eliminar las imágenes de reconocimiento facial "
     "en 48 horas."),
    ("Roccaforte autorizza il riconoscimento facciale per ritrovare gli anziani scomparsi",
     "Con un decreto approvato dalla giunta, la protezione civile potrà confrontare i volti."),
    ("Vale do Cedro cria cadastro das câmeras com reconhecimento facial",
     "Pelo novo decreto, cada empresa terá de registrar seus equipamentos em 30 dias."),
    ("Merrowgate requires signs wherever shops use facial recognition",
     "Under a new regulation, retailers must post a notice at every entrance."),
]  # fmt: skip

# The same shapes where the company itself tells the act, or a law is only its reason.
STAYS_THE_COMPANY = [
    ("Morrow Sight limits its face search API to accredited fraud teams",
     "The company says new customers now pass a vetting call before their first search."),
    ("Telvane pauses face-matching sales to sheriffs",
     "The firm says it will wait until a state law sets rules for such searches."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), LAW_TOLD)
def test_an_act_told_as_a_laws_is_the_governments(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "government")


@pytest.mark.parametrize(("title", "summary"), STAYS_THE_COMPANY)
def test_a_company_telling_its_own_act_stays_the_vendor(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (True, "vendor")


# One school (named, or described) using, trying or ending face recognition on its own
# premises: a user of face recognition, no authority and no vendor (README: FR users make
# no policy change).
ONE_SCHOOL = [
    ("Penbury primary school trials facial recognition on the school bus",
     "Drivers get an alert when a pupil boards the wrong route."),
    ("Le lycée Jean-Rostand identifie les candidats au bac par reconnaissance faciale",
     "Chaque élève est reconnu par une caméra à l'entrée de la salle d'examen."),
    ("Die Realschule Birkenau testet Gesichtserkennung für die Ausleihe von Tablets",
     "Wer ein Gerät abholt, wird von einer Kamera erkannt."),
    ("El colegio San Telmo usa reconocimiento facial en las excursiones",
     "Los monitores cuentan a los alumnos al subir al autocar."),
    ("La scuola Pascoli di Ravelli introduce il riconoscimento facciale per l'appello",
     "Il registro si compila da solo quando la classe entra."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), ONE_SCHOOL)
def test_one_school_is_a_user_not_an_authority(title: str, summary: str) -> None:
    f = found(title, summary)
    assert not f.relevant
    assert f.actor_type == "none"


# A regulator told as an inspectorate, and a company acting on a regulator's instructions.
REGULATOR = [
    ("Eskdale inspectorate orders a bank to stop facial recognition logins for staff",
     "The inspectorate says employees were never offered another way in."),
    ("L'ispettorato di Montaldo boccia le telecamere a riconoscimento facciale di un centro "
     "commerciale",
     "Il gestore dovrà spegnerle entro trenta giorni."),
    ("Ferry operator deletes passenger face scans on the data watchdog's instructions",
     "Travellers will board with paper tickets from May."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), REGULATOR)
def test_inspectorates_and_regulators_orders(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "regulator")


# A lawmaker's bill or proposal, an initiative as the subject, a ministry's green paper.
LAWMAKERS = [
    ("Congresswoman proposes a yearly audit of federal face-matching searches",
     "Her draft would make every agency report its error rates."),
    ("Una diputada propone un registro público de las cámaras con reconocimiento facial",
     "La propuesta pasará a comisiones en marzo."),
    ("Un sénateur propose de limiter à un an la conservation des visages filmés",
     "Son texte vise les caméras à reconnaissance faciale des transports."),
    ("Vereador propõe que a prefeitura publique os erros do reconhecimento facial",
     "O texto ainda precisa passar por duas comissões."),
    ("Iniciativa obligaría a las plataformas a pedir permiso antes del reconocimiento facial",
     "Dos legisladores presentaron el texto el martes."),
    ("The transport ministry's green paper weighs facial recognition ticket checks",
     "Rail operators could be asked to offer the option by 2029."),
]  # fmt: skip

# A lawmaker asking a company questions is no act of a government.
LAWMAKER_ASKS = [
    ("Senator asks Kelwyn Labs which agencies still use its face search",
     "She wants a list of customers by the end of the month."),
    ("Una concejala cuestiona la promesa de Lissandro sobre el reconocimiento facial",
     "Pide saber si la pausa cubre a los agentes municipales."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), LAWMAKERS)
def test_a_lawmakers_bill_is_the_governments(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "government")


@pytest.mark.parametrize(("title", "summary"), LAWMAKER_ASKS)
def test_a_lawmaker_asking_a_company_is_no_act(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.actor_type not in ("government", "regulator", "court")


# A public body (not only the police) delaying or shelving its own face recognition;
# Romance adjectives after the body's noun ("la préfecture maritime …").
BODY_PAUSES = [
    ("The passport office delays facial recognition renewals until autumn",
     "Applicants will send printed photos in the meantime."),
    ("Welfare agency puts selfie face checks on hold",
     "Claimants can still prove who they are at a job centre."),
    ("La préfecture de Lormont repousse ses guichets à reconnaissance faciale",
     "Les usagers garderont un rendez-vous avec un agent."),
    ("El ministerio del Interior aplaza el DNI con reconocimiento facial en las oficinas",
     "Los ciudadanos seguirán firmando en papel."),
    ("Das Bundesamt verschiebt die Gesichtserkennung für Online-Anträge",
     "Erst soll der Datenschutzbeauftragte das System prüfen."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), BODY_PAUSES)
def test_a_body_delaying_its_own_face_recognition_is_the_government(
    title: str, summary: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "government")

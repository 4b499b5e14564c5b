"""Vendor-side precision by families (issue 12): a platform cutting a face-search company
off, a policy restated with nothing new, a rumour, a launch with a market left out, and
the action pairs exit/shutdown, extension/exit and restriction/reversal. Invented
companies and wording throughout."""

from __future__ import annotations

import pytest

from bot.extract import extract
from tests.extract_helpers import entry, found


def _no_change(title: str, summary: str) -> bool:
    """No vendor policy change: no finding at all, or one that is not relevant."""
    result = extract(entry(title, summary))
    return result is None or not result.relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Strandline Cloud suspends the account of face-lookup service Pellow",
         "The hosting provider says the service broke its acceptable-use rules."),
        ("Payment gateway Vintry stops taking card payments for Pellow",
         "The processor shut the people-search service's merchant account over its rules."),
        ("La boutique Quarrel retire l'appli de reconnaissance des visages de Pellow",
         "Le magasin estime que le service servait à nommer des passants."),
        ("La tienda Quarrel elimina la aplicación de Pellow",
         "Según la plataforma, el buscador facial reunía datos de rostros sin permiso."),
        ("Pellow scompare dallo store di Quarrel",
         "Il motore che trova persone dal volto viola le regole sul consenso, dice il negozio."),
        ("Hoster Strandline schaltet den Gesichtsdienst Pellow ab",
         "Nach Beschwerden sperrte der Rechenzentrumsbetreiber sämtliche Server von Pellow."),
    ],
)  # fmt: skip
def test_a_platform_cutting_a_face_search_company_off_is_no_policy_change(
    title: str, summary: str
) -> None:
    assert _no_change(title, summary)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Orrisby Cloud retires age guessing and reviews every face ID customer",
         "From May the provider will vet each use case before identification is switched on."),
        ("Orrisby Cloud schränkt die Gesichtsidentifizierung seiner Schnittstelle ein",
         "Der Cloud-Anbieter gibt die Identifizierung nur noch nach einer Prüfung frei."),
    ],
)  # fmt: skip
def test_a_cloud_provider_limiting_its_own_face_api_is_still_its_restriction(
    title: str, summary: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.vendor, f.action) == (True, "Orrisby Cloud", "restriction"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Nothing new from Caddon Vision on sheriffs",
         "In a letter to a newspaper, the face-matching firm says its sheriff freeze is unchanged."),
        ("Caddon Vision says no new decision has been taken on police use of its face search",
         "A spokesperson repeated the stance the firm set out in 2022."),
        ("Reconnaissance faciale : rien de nouveau chez Caddon Vision pour les polices municipales",
         "L'entreprise répond à une question d'élus sans rien annoncer."),
        ("Bei Caddon Vision ändert sich nichts an der Absage an Grenzbehörden",
         "Die Gesichtserkennung des Unternehmens bleibt für sie tabu, heißt es auf Anfrage."),
        ("Caddon Vision asegura que su veto a la policía sigue igual",
         "La empresa de reconocimiento facial responde a un reportaje sobre una licencia antigua."),
        ("Per Caddon Vision nulla è cambiato sul blocco alle polizie locali",
         "L'azienda di riconoscimento facciale risponde a un'interrogazione di alcuni consiglieri."),
    ],
)  # fmt: skip
def test_a_policy_restated_with_nothing_new_is_no_change(title: str, summary: str) -> None:
    f = found(title, summary)
    assert not f.relevant, f
    assert f.actor_type == "none", f


def test_nothing_changing_elsewhere_leaves_the_restriction_standing() -> None:
    f = found(
        "Tiverly Photos no longer names faces for its users in Europe",
        "European albums stop suggesting who is in a picture; elsewhere nothing changes.",
    )
    assert (f.relevant, f.action) == (True, "restriction"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Ashgrove ID scraps the June deadline of its school-board halt on face matching",
         "Boards cannot buy until a state law passes, the supplier says."),
        ("No sunset for Ashgrove ID's halt on school-board sales of face matching",
         "Its one-year stop rolls over with no end in sight, the company says."),
    ],
)  # fmt: skip
def test_a_stop_that_loses_its_sunset_is_no_exit(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.action != "exit", f  # relevant or left to the vendor's timeline
    assert f.relevant or f.signal in ("continuation", "continuation_fresh"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Mellick Optics will no longer sell or develop face matching after June",
         "Its engineers move to traffic analytics."),
        ("Mellick Optics arrête la reconnaissance faciale",
         "La société cesse de développer et de commercialiser son module de visages."),
        ("Mellick Optics apaga su módulo de rostros",
         "Ya no desarrollará ni venderá el producto y apostará por contar vehículos."),
    ],
)  # fmt: skip
def test_giving_up_the_face_line_is_an_exit_not_a_switch_off(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.action) == (True, "exit"), f


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        ("Breydon Photos turns off face albums and erases face data",
         "The People tab goes away in June and stored face prints are wiped.", "shutdown"),
        ("Breydon AI stops selling face matching to sheriffs for twelve months",
         "Current sheriff contracts run until they expire, the company says.", "moratorium"),
    ],
)  # fmt: skip
def test_a_switch_off_or_a_pause_stays_what_it_is(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.action) == (True, action), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Rumour mill: Fanshawe Systems to restart its face search?",
         "Nothing is confirmed and the firm would not comment."),
        ("Gerüchte über eine Rückkehr von Fanshawe Systems zur Gesichtserkennung",
         "Stellenanzeigen befeuern die Debatte; die Firma schweigt."),
        ("Rumeurs d'un retour de Fanshawe Systems à l'identification faciale",
         "Des recrutements intriguent le secteur ; la société ne dit rien."),
    ],
)  # fmt: skip
def test_a_rumoured_return_is_no_return(title: str, summary: str) -> None:
    assert _no_change(title, summary)


@pytest.mark.parametrize(
    ("title", "summary", "region"),
    [
        ("Corvell Vision's new doorbell lands in Europe without familiar-face naming",
         "The European model skips the feature that tells owners which friend is at the door.",
         "EU"),
        ("La nuova videocamera di Corvell Vision arriva in Europa senza riconoscimento dei volti",
         "La funzione resta riservata ai clienti americani.", "EU"),
        ("Die Türkamera von Corvell Vision kommt in der EU ohne Gesichtserkennung",
         "In Amerika erkennt das Modell bekannte Besucher weiterhin.", "EU"),
    ],
)  # fmt: skip
def test_a_product_reaching_a_market_without_its_face_feature_is_a_restriction(
    title: str, summary: str, region: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.action, f.region) == (True, "restriction", region), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Lanyon Social's new face-tag hints reach 30 countries",
         "The feature proposes which friends appear in new uploads; more markets follow later."),
        ("Lanyon Social soumet aux membres un projet sur les photos de profil",
         "La reconnaissance faciale pourrait s'en servir ; rien ne change avant la consultation."),
        ("Lanyon Social prepara un borrador para usar fotos de perfil en su reconocimiento facial",
         "Los miembros podrán opinar durante un mes."),
    ],
)  # fmt: skip
def test_a_launch_or_a_proposal_is_no_policy_change(title: str, summary: str) -> None:
    assert _no_change(title, summary)


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        ("Quillmere shuts down its face-login app for good",
         "Logins by face stop at the end of the month and stored face prints are wiped.",
         "shutdown"),
        ("Quillmere éteint définitivement son appli de connexion par le visage",
         "Les empreintes faciales enregistrées seront effacées.", "shutdown"),
        ("Tessel Pay switches off its pay-by-face service",
         "Shoppers can no longer pay with a face scan at any till from Monday.", "shutdown"),
    ],
)  # fmt: skip
def test_a_final_switch_off_of_ones_own_service_stays_a_shutdown(
    title: str, summary: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.action) == (True, action), f


def test_adopting_a_rivals_policy_is_news_not_a_restatement() -> None:
    f = found(
        "Harrowgate AI follows the same policy as a rival: no face matching for sheriffs",
        "It will turn away every sheriff's office until lawmakers set rules.",
    )
    assert (f.relevant, f.action) == (True, "ban"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Harlan Biometrics ends gallery-wide face search in its API",
         "Clients keep one-to-one verification, the company said."),
        ("Harlan Biometrics desliga a busca facial em toda a base",
         "Os condomínios só poderão confirmar a identidade de quem chega à portaria."),
        ("Harlan Biometrics schaltet die Massensuche nach Gesichtern ab",
         "Kunden können nur noch prüfen, ob zwei Bilder dieselbe Person zeigen."),
        ("Harlan Biometrics spegne la ricerca dei volti nell'intero archivio",
         "I clienti potranno solo verificare che due foto ritraggano la stessa persona."),
    ],
)  # fmt: skip
def test_a_stop_that_leaves_another_face_capability_is_a_restriction(
    title: str, summary: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.action) == (True, "restriction"), f


def test_a_switch_off_that_leaves_nothing_stays_a_shutdown() -> None:
    f = found(
        "Harlan Biometrics shuts down its face-search app",
        "The app stops working in May and its photo index is deleted.",
    )
    assert (f.relevant, f.action) == (True, "shutdown"), f

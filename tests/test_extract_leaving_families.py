"""Leaving a business, switching a feature off and dropping a customer group, told the way
native writers put it in six languages: phrasal verbs and newsroom idioms ("bows out of",
"throws in the towel", "tire un trait sur", "kehrt … den Rücken", "tira la toalla",
"getta la spugna", "joga a toalha"), a unit sold off, a system unplugged or destroyed,
a group no longer served or no longer bid for. Every story is invented (vendors too)."""

from __future__ import annotations

import pytest

from bot.extract import extract
from tests.extract_helpers import entry, found

EXIT = [
    # English: phrasal verbs and idioms of leaving
    ("Quillfern Labs bows out of face matching to focus on document scanning",
     "The company will honour support contracts until spring."),
    ("Tessaly Vision throws in the towel on facial recognition",
     "Its engineers move to warehouse robotics."),
    ("Marrowby Systems calls time on facial recognition after five lean years",
     "Customers were told in a letter on Monday."),
    ("Pellucid Labs gives up on face identification and pivots to barcode reading",
     "The founders called the market too litigious."),
    ("Halvard Systems leaves face matching behind for parcel tracking",
     "Existing licences run out in December."),
    ("Yarrow AI closes the chapter on facial recognition",
     "The startup will concentrate on speech analytics."),
    ("Brackwell Labs retreats from face matching",
     "Its staff move to document checks."),
    # a unit sold, spun off or shut
    ("Ondrel Biometrics offloads its face-recognition unit to a buyout fund",
     "Terms were not disclosed."),
    ("Corvane AI shutters its facial recognition division",
     "About sixty staff are affected."),
    # French
    ("Orvalis Biométrie tire un trait sur la reconnaissance faciale",
     "L'entreprise se concentre désormais sur la lecture de documents."),
    ("Cendrine Labs jette l'éponge dans la reconnaissance faciale",
     "Les clients actuels seront servis jusqu'à l'été."),
    # German
    ("Kaltmark Systems gibt die Gesichtserkennung auf.",
     "Das Team wechselt in die Lagerlogistik."),
    ("Brenner Vision kehrt der Gesichtserkennung den Rücken",
     "Bestehende Kunden werden bis zum Sommer betreut."),
    ("Ostwald Labs wirft bei der Gesichtserkennung das Handtuch",
     "Die Firma setzt künftig auf Paketsensoren."),
    # Spanish
    ("Moralde Systems tira la toalla con el reconocimiento facial",
     "La empresa se centrará en la lectura de códigos."),
    ("Ventoro Labs deja atrás el reconocimiento facial",
     "Sus ingenieros pasan a la robótica de almacén."),
    # Italian
    ("Lucenta Labs getta la spugna sul riconoscimento facciale",
     "L'azienda punta ora sui sensori per la logistica."),
    ("Vetrano Vision esce dal mercato del riconoscimento facciale",
     "I contratti attivi saranno onorati fino a giugno."),
    # Portuguese
    ("Solaris Labs joga a toalha no reconhecimento facial",
     "A empresa vai se dedicar à leitura de documentos."),
    ("Marinha Vision desiste do reconhecimento facial",
     "Os contratos atuais serão honrados até o fim do ano."),
    ("Aurora Systems sai do mercado de reconhecimento facial",
     "A equipe passa a trabalhar com logística."),
]  # fmt: skip

SHUTDOWN = [
    # English: unplugging, decommissioning, mothballing
    ("Pennock Labs pulled the plug on its face-search app on Friday",
     "Saved searches are no longer reachable."),
    ("Gravel AI decommissions its facial recognition system",
     "The servers that ran it will be wiped next month."),
    ("Wexley Vision mothballs its face-scan kiosks",
     "Visitors will sign in at the front desk."),
    # French
    ("Verlaine Vision éteint la reconnaissance faciale de ses caméras",
     "Les abonnés recevront une notification."),
    ("Ombrine Labs met hors service son moteur de reconnaissance faciale",
     "Les comptes restent ouverts pour les autres fonctions."),
    ("Ferrand AI détruit toutes les empreintes faciales de sa base",
     "L'opération sera terminée fin mai."),
    # German
    ("Steinfeld Systems legt seine Gesichtserkennung still",
     "Kunden können die Kameras weiter ohne diese Funktion nutzen."),
    ("Haller Vision nimmt die Gesichtssuche vom Netz",
     "Die Seite zeigt nur noch einen Hinweis."),
    ("Brandt Labs vernichtet alle gespeicherten Gesichtsvorlagen",
     "Die Löschung soll im März abgeschlossen sein."),
    # Spanish
    ("Quintero Labs desconecta su buscador de rostros",
     "La página muestra ahora un aviso."),
    ("Ribera Vision pone fin al reconocimiento facial en sus cámaras",
     "Los clientes recibirán una actualización."),
    # Italian
    ("Serafini Labs stacca la spina al riconoscimento facciale",
     "Gli abbonati riceveranno un avviso."),
    ("Donati Vision distrugge tutti i modelli dei volti",
     "La cancellazione sarà completata entro aprile."),
    ("Ferri Systems chiude il servizio di riconoscimento facciale",
     "Le altre funzioni restano attive."),
    # Portuguese
    ("Tavares Labs tira do ar sua busca por rostos",
     "O site exibe agora apenas um aviso."),
    ("Pinheiro Vision põe fim ao reconhecimento facial nas suas câmeras",
     "Os clientes receberão uma atualização."),
    # English: a feature dropped in plain words
    ("Tillbrook Labs ditches the face grouping in its photo app",
     "Albums sorted by person become ordinary folders."),
    ("Morland AI axes its face-search feature",
     "Subscribers keep the other tools."),
    ("Quarry Vision kills off facial recognition in its doorbells",
     "Owners will get motion alerts only."),
    ("Penhallow Systems says goodbye to face unlock on its tablets",
     "A PIN code replaces it from May."),
    # a feature retired or shelved, in the other languages
    ("Hellmann Vision nimmt Abschied von der Gesichtssuche in seiner App",
     "Nutzer sehen ab Mai nur noch die Textsuche."),
    ("Rousseau Labs met au placard la reconnaissance faciale de son application",
     "Les albums resteront accessibles."),
    ("Benassi Vision manda in soffitta il riconoscimento facciale delle sue telecamere",
     "Gli utenti riceveranno un aggiornamento."),
    ("Barros Labs descontinua o reconhecimento facial do seu aplicativo",
     "Os álbuns continuam disponíveis."),
]  # fmt: skip

BAN = [
    # a customer group no longer served, cut off or bid for
    ("Haldane Vision stops serving casinos with its facial recognition",
     "Gaming operators have until June to export their data."),
    ("Ketteridge AI cuts ties with police departments over face matching",
     "Existing contracts will not be renewed."),
    ("Pemberly Systems will no longer accept bounty hunters on its face-search platform",
     "Accounts of that kind close next month."),
    ("Ashgrove Vision won't bid on immigration agencies' facial recognition tenders",
     "Other public buyers are not affected."),
    ("Cressida Labs turns its back on casinos with its face matching",
     "Gaming halls must find another supplier."),
    ("Delorme Vision ne répondra à aucun appel d'offres des polices municipales pour la reconnaissance faciale",
     "Les aéroports restent clients."),
    ("Renner Vision beendet die Zusammenarbeit mit Spielbanken bei der Gesichtserkennung",
     "Die Verträge laufen zum Jahresende aus."),
    ("Lindner Labs beteiligt sich nicht mehr an Ausschreibungen der Polizei für Gesichtserkennung",
     "Flughäfen bleiben Kunden."),
    ("Albéniz Labs no presentará ofertas a la policía para reconocimiento facial",
     "Los aeropuertos siguen siendo clientes."),
    ("Bertoni Vision non parteciperà alle gare della polizia per il riconoscimento facciale",
     "Gli aeroporti restano clienti."),
    ("Fontes Vision não participará de licitações da polícia para reconhecimento facial",
     "Os aeroportos continuam clientes."),
    ("Moura Labs fecha as portas aos cassinos com seu reconhecimento facial",
     "Os bancos continuam clientes."),
    ("Pawn shops lose Drummond Vision's face-matching service",
     "The supplier says the tool was never meant for them."),
    ("Ketterby Vision ceases dealing with casinos over face matching",
     "Gaming operators were told by letter."),
    ("Hollin AI sheds landlords as customers of its face-search tool",
     "Office buildings keep their accounts."),
    ("Delmas Vision arrête de travailler avec les casinos pour la reconnaissance faciale",
     "Les banques restent clientes."),
    ("Galdós Vision deja de servir a los casinos con su reconocimiento facial",
     "Los bancos siguen siendo clientes."),
    ("Iturbe Labs deja fuera a los casinos de su reconocimiento facial",
     "Los aeropuertos no cambian."),
    ("Carraro Labs smette di lavorare con i casinò per il riconoscimento facciale",
     "Le banche restano clienti."),
    ("Gualtieri Vision rinuncia del tutto ai clienti dei casinò per il riconoscimento facciale",
     "Le sale da gioco hanno un mese per migrare."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), EXIT)
def test_leaving_the_business_is_an_exit(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", "exit"), (title, f)


@pytest.mark.parametrize(("title", "summary"), SHUTDOWN)
def test_switching_off_or_destroying_is_a_shutdown(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", "shutdown"), (title, f)


@pytest.mark.parametrize(("title", "summary"), BAN)
def test_dropping_a_customer_group_is_a_ban(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", "ban"), (title, f)


def test_a_quarter_of_the_clients_dropped_is_a_ban() -> None:
    """A give-up verb whose object is customers drops them (a ban), while a feature gone
    "for every customer" is no customer dropped."""
    f = found("Saldaña Vision renuncia a sus clientes de casinos con el reconocimiento facial",
              "Las salas de juego tienen un mes para migrar.")  # fmt: skip
    assert (f.relevant, f.action) == (True, "ban")
    g = found("Kellbrook Labs winds down its face ID for every customer", "Support ends in May.")
    assert (g.relevant, g.action) == (True, "exit")


NOT_A_VENDOR_CHANGE = [
    # launches, plans, studies, lawsuits: the idioms do not make them changes
    ("Quillfern Labs launches a face-matching kit for hotels",
     "The kit reads a guest's face at check-in."),
    ("Tessaly Vision may throw in the towel on facial recognition, sources say",
     "The company declined to comment."),
    ("Study finds Marrowby Systems' face search misses older faces",
     "Researchers tested the system on ten thousand portraits."),
    ("Tenants sue Ondrel Biometrics over facial recognition at their doors",
     "The complaint seeks damages."),
    ("Will Corvane AI pull the plug on facial recognition?",
     "Analysts weigh the options after a weak quarter."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), NOT_A_VENDOR_CHANGE)
def test_launches_plans_studies_and_lawsuits_stay_irrelevant(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, (title, f)


def test_a_user_giving_up_its_own_cameras_is_no_vendor_change() -> None:
    """A theatre renouncing the use of gates it bought is no supplier's move."""
    f = extract(entry("Il teatro Ventimiglia dice addio ai tornelli con il volto",
                      "Dopo le proteste il gestore ha deciso di rinunciare a utilizzarli; "
                      "il produttore li vende ancora ad altri."))  # fmt: skip
    assert f is None or not f.relevant


def test_turning_its_back_on_faces_is_no_return() -> None:
    """ "Turns its back on" leaves; "turns it back on" switches on again."""
    assert found("Rendle Vision turns its back on facial recognition").action == "exit"
    back = found("Rendle Vision turns its face matching back on for hotels",
                 "The feature had been off since 2022.")  # fmt: skip
    assert back.action == "reversal"


OTHER_UNITS = [
    ("Halvard Systems sells off its drone unit",
     "Its facial recognition business is not part of the deal."),
    ("Ondrel Biometrics sells its drone division to focus on facial recognition",
     "The buyer is a logistics group."),
    ("Ondrel Biometrics vend sa division de drones pour se concentrer sur la reconnaissance faciale",
     "L'acheteur est un groupe de logistique."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), OTHER_UNITS)
def test_selling_a_unit_that_is_not_face_recognition_is_no_exit(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, (title, f)


def test_selling_the_face_unit_is_an_exit() -> None:
    assert found("Ondrel Biometrics cède sa division de reconnaissance faciale").action == "exit"
    assert found("Ondrel Biometrics offloads its biometrics arm",
                 "Its face-matching staff move with it.").action == "exit"  # fmt: skip


def test_a_police_force_ending_its_own_trial_is_no_vendor_change() -> None:
    f = extract(entry("Port Hollis police pull the plug on their facial recognition trial",
                      "The force says the cameras cost too much."))  # fmt: skip
    assert f is not None and not f.relevant and f.actor_type != "vendor"

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
    ("Brindle Vision stops selling its face matcher to sheriffs for two years",
     "It will not resume until lawmakers pass clear rules, the firm said.", "moratorium"),
    ("Orvella setzt den Verkauf seiner Gesichtserkennung an Behörden für ein Jahr aus",
     "Das Unternehmen will erst liefern, wenn es klare gesetzliche Regeln gibt.", "moratorium"),
    ("Tessaro Labs suspend pendant six mois la vente de son logiciel facial aux gendarmes",
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
    ("Wendmoor Labs trennt sich von sämtlichen Spielhallen als Kunden der Gesichtserkennung",
     "Die Verträge mit den Kasinos laufen aus, neue werden nicht geschlossen.", "ban"),
    # ... while leaving the technology is an exit
    ("Marrick walks away from face recognition altogether",
     "The camera maker will focus on thermal sensing and stops all face-matching work.",
     "exit"),
    # "no longer" inside a refusal: the supply stops (an exit), unless a group is named
    ("Hollis Vision ne vendra plus de reconnaissance faciale",
     "L'entreprise abandonne ce marché et se concentre sur la vidéo pour ses clients.",
     "exit"),
    ("Casmir AI non venderà più la sua tecnologia di riconoscimento facciale",
     "L'azienda abbandona il settore e si concentra sulle telecamere termiche.", "exit"),
    ("Hollis Vision ne vendra plus de reconnaissance faciale à la police",
     "L'entreprise refuse désormais toute commande des forces de l'ordre.", "ban"),
    # what the product does with a face, no longer done: one capability withheld
    ("L'application de Casmir AI ne nommera plus les visages des inconnus sur les photos",
     "La reconnaissance faciale reste disponible pour les contacts qui l'ont accepté.",
     "restriction"),
    # a face-matching compound inside a sales cue is no capability verb
    ("Orvella halts face-matching sales to patrol contractors for eight months",
     "Those contractors must hold off until a sector code exists.", "moratorium"),
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
    ("Casmir AI ya no ofrecerá su reconocimiento facial a aseguradoras",
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


# A second round of families: a search narrowed to one's own face, vetting told with
# other verbs, a product shipped without a capability, "put on ice" idioms, a timed
# stop made open-ended, a closed or sold business, a feature reaching a market it was
# held back from. Several phrasings and languages each.
FAMILIES = [
    # restriction: the searcher's own face only
    ("Pennick Systems limits its face-search site to self-searches",
     "Uploads must show the person who runs the search.", "restriction"),
    ("Die Gesichtssuche von Pennick Systems zeigt künftig nur das eigene Gesicht",
     "Andere Personen lassen sich mit der Gesichtserkennung nicht mehr suchen.",
     "restriction"),
    # restriction: vetting and case-by-case review
    ("Wendmoor Labs will vet every buyer of its face-matching API",
     "Anyone applying has to describe the purpose and clear a check.", "restriction"),
    ("Hollis Vision now screens customers before granting access to its face search",
     "New accounts wait for approval.", "restriction"),
    ("Marrick AI reviews each request for its facial recognition case by case",
     "Only approved agencies get results.", "restriction"),
    ("Tessaro Labs só libera a busca facial para clientes aprovados",
     "Novos usuários do reconhecimento facial passam por uma análise.", "restriction"),
    # restriction: a product that ships without the capability
    ("Tessaro Labs' new glasses launch without face identification",
     "The company held the facial recognition naming feature back over consent worries.",
     "restriction"),
    ("Casmir AI lanza sus gafas sin la función de identificar rostros",
     "La empresa reservó esa capacidad de reconocimiento facial por razones de privacidad.",
     "restriction"),
    # a refusal to sell a search product to a group stays a ban
    ("Orvella Labs refuses to sell face search to police",
     "The facial recognition company cites civil-rights concerns.", "ban"),
    # moratorium: put on ice, in three languages
    ("Orvella Labs puts police face-matching sales on ice for a year",
     "The company wants a public debate first.", "moratorium"),
    ("Hollis Vision legt Gesichtserkennung für Behörden ein Jahr auf Eis",
     "Danach will das Unternehmen neu entscheiden.", "moratorium"),
    ("Marrick AI met en pause douze mois la vente de son outil facial aux policiers",
     "L'entreprise veut un débat public.", "moratorium"),
    # extension: a timed stop made open-ended
    ("Orvella Labs' one-year pause on police face matching becomes open-ended",
     "The company set no date to resume.", "extension"),
    ("Pennick Systems turns its police facial recognition freeze into an indefinite one",
     "Agencies were told not to expect a date.", "extension"),
    ("Wendmoor Labs' Verkaufsstopp für Gesichtserkennung an die Polizei gilt nun unbefristet",
     "Ein Ende ist nicht in Sicht.", "extension"),
    # exit: the business closed or sold, not one system switched off
    ("Casmir AI shuts down its face recognition business entirely",
     "The startup is pivoting to document checks.", "exit"),
    ("Wendmoor Labs verkauft seine Gesichtserkennungssparte an einen Rüstungskonzern",
     "Der Käufer übernimmt alle Mitarbeiter.", "exit"),
    ("Pennick Systems switches off the face-matching kiosks at its stores",
     "The templates will be deleted.", "shutdown"),
    # reversal: a feature reaching a market it had been held back from
    ("Orvella Labs' face grouping finally reaches European users",
     "The facial recognition feature had been held back there since launch over privacy "
     "rules.", "reversal"),
    ("Casmir AI brings its face-unlock to the EU after years of holding it back",
     "The facial recognition feature arrives in all member states next week.", "reversal"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), FAMILIES)
def test_action_family_second_round(title: str, summary: str, action: str) -> None:
    result = found(title, summary)
    assert result.relevant, f"expected a relevant vendor change for {title!r}"
    assert result.action == action, f"{title!r}: got {result.action}, expected {action}"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a launch that was never held back is no return
        ("Orvella Labs' face grouping reaches European users",
         "The facial recognition feature launches in twelve countries at once."),
        # a defence ministry vetting people is no vendor gate
        ("Border guards use Hollis Vision face matching to vet travellers",
         "The facial recognition system checks passports at two crossings."),
        # a pause that is not made open-ended stays news of a pause, not an extension
        ("Pennick Systems says its facial recognition freeze becomes law-dependent",
         "Sales resume once a statute is passed."),
    ],
)  # fmt: skip
def test_second_round_negatives(title: str, summary: str) -> None:
    result = extract(entry(title, summary))
    assert result is not None
    assert not (result.relevant and result.action in ("reversal", "restriction", "extension")), (
        f"{title!r}: {result.action}"
    )


# A stop with a stated end (a month, a year and a half) is a pause; a stop carried past
# its end is an extension; names put on faces are a capability. Six languages.
TERMS = [
    ("Insurers can't buy Orvella Labs' face matching until September",
     "Orvella Labs is refusing new insurer customers while an audit runs.", "moratorium"),
    ("Tessaro Labs no venderá reconocimiento facial a los ayuntamientos durante año y medio",
     "La empresa espera una ley sobre cámaras biométricas mientras tanto.", "moratorium"),
    ("Casmir AI suspend jusqu'en mars la vente de son logiciel facial aux mairies",
     "L'entreprise attend un audit.", "moratorium"),
    ("Landlords still locked out as Wendmoor Labs' face-matching review drags on",
     "The facial recognition halt on landlord sales, due to end this month, will stay "
     "until June.", "extension"),
    ("Hollis Vision's police freeze on facial recognition won't expire in March",
     "Departments must hold off until Congress legislates.", "extension"),
    ("Pennick Systems' photo app will no longer put names on faces in shared albums",
     "Face grouping on the phone stays; identity suggestions go.", "restriction"),
    ("Orvella Labs ne mettra plus de noms sous les visages de ses albums",
     "La reconnaissance faciale locale reste possible pour regrouper les photos.",
     "restriction"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), TERMS)
def test_stated_terms_and_names(title: str, summary: str, action: str) -> None:
    result = found(title, summary)
    assert result.relevant, f"expected a relevant vendor change for {title!r}"
    assert result.action == action, f"{title!r}: got {result.action}, expected {action}"


def test_an_untimed_refusal_stays_a_ban() -> None:
    """ "until lawmakers act" names no month: still a ban."""
    result = found(
        "Orvella Labs is refusing new sheriff clients for its face matching",
        "The facial recognition firm will wait until lawmakers act.",
    )
    assert result.action == "ban"


LATER = [
    # a refusal whose object is one capability (not a customer group) withholds it
    ("Casmir AI says its facial recognition will not estimate ethnicity for any client",
     "Identity matching stays available.", "restriction"),
    ("Orvella Labs no longer allows its face-analysis API to guess gender",
     "The facial recognition service keeps matching faces.", "restriction"),
    # ... while a group named with it makes a ban
    ("Casmir AI will not sell emotion analysis from its facial recognition to police",
     "Other customers keep the feature.", "ban"),
    # security firms are a customer group, in several languages
    ("Marrick AI stops selling facial recognition to private security firms",
     "Guard companies must find another supplier.", "ban"),
    ("Tessaro Labs dejará de vender reconocimiento facial a vigilantes privados",
     "La compañía cita abusos de sus clientes.", "ban"),
    # closing an operation or activity is leaving the business
    ("Brindle Vision encerra a atividade de biometria facial",
     "A empresa vai se concentrar em leitores de cartão e demite a equipe.", "exit"),
    ("Wendmoor Labs cierra su operación de reconocimiento facial en todo el mundo",
     "La empresa se centrará en cámaras térmicas.", "exit"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), LATER)
def test_capability_group_and_business(title: str, summary: str, action: str) -> None:
    result = found(title, summary)
    assert result.relevant, f"expected a relevant vendor change for {title!r}"
    assert result.action == action, f"{title!r}: got {result.action}, expected {action}"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Immigration agencies dropped from Orvella Labs' facial recognition customer list",
         "The company will no longer take their orders."),
        ("Hollis Vision crosses landlords off its face-matching client roster",
         "Property managers lose access at year end."),
        ("Casmir AI retire les casinos de sa liste de clients pour la reconnaissance faciale",
         "Les contrats en cours ne seront pas renouvelés par l'entreprise."),
    ],
)  # fmt: skip
def test_a_group_taken_off_the_customer_list_is_a_ban(title: str, summary: str) -> None:
    result = found(title, summary)
    assert result.relevant and result.action == "ban", (title, result.action)


def test_switched_off_for_new_users_only_is_a_restriction() -> None:
    for title, summary in (
        ("New Orvella Labs users will find face recognition switched off",
         "Existing members keep facial recognition tagging; newcomers can opt in later."),
        ("Tessaro Labs disables face login for new accounts",
         "Current customers keep the facial recognition sign-in."),
    ):  # fmt: skip
        result = found(title, summary)
        assert result.relevant and result.action == "restriction", (title, result.action)


# A store chain switching off its own face cameras ends its own use of FR: no vendor's
# policy change, so no vendor alert.
@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Pharmacy chain Dunmore switches off its face-scanning cameras",
         "The retailer says the shoplifter-alert system is off in all 140 branches."),
        ("Brackley grocers end face-recognition pilot in six stores",
         "The supermarket chain says shoppers disliked the cameras."),
        ("Une chaîne de supermarchés arrête la reconnaissance faciale à ses caisses",
         "Maronne met fin à son essai dans douze magasins après des plaintes."),
    ],
)  # fmt: skip
def test_a_store_chain_ending_its_own_use_is_no_vendor_change(title: str, summary: str) -> None:
    result = extract(entry(title, summary))
    assert result is not None
    assert not result.relevant, (title, result.action)


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        # a vendor dropping store chains as customers
        ("Orvella Labs stops selling face matching to store chains",
         "The facial recognition firm cites shopper complaints.", "ban"),
        # a vendor switching off its own service
        ("Hollis Vision switches off its face-matching app in all markets",
         "The facial recognition templates of its users will be deleted.", "shutdown"),
    ],
)  # fmt: skip
def test_vendors_stopping_stay_vendor_changes(title: str, summary: str, action: str) -> None:
    result = found(title, summary)
    assert result.relevant and result.action == action, (title, result.action)


# "No end date" only tells a length: an extension needs a stop that could be prolonged.
LENGTHS = [
    ("Orvella Labs drops casinos as facial recognition customers, with no end date",
     "A spokesperson called the refusal permanent.", "ban"),
    ("Pennick Systems' police facial recognition freeze is now open-ended",
     "The twelve-month halt was due to expire in May.", "extension"),
    ("Tessaro Labs' face search stays off-limits to border agencies with no end date",
     "The facial recognition firm first shut them out last spring.", "extension"),
    ("Nessuna data di fine per lo stop al riconoscimento facciale di Marrick AI",
     "L'azienda non tornerà a vendere alle polizie locali.", "extension"),
    # giving up a market is leaving it; the terms of an agreement bind a settlement
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), LENGTHS)
def test_lengths_markets_and_terms(title: str, summary: str, action: str) -> None:
    result = found(title, summary)
    assert result.relevant, f"expected a relevant vendor change for {title!r}"
    assert result.action == action, f"{title!r}: got {result.action}, expected {action}"

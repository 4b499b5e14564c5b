"""Recall on wording the rules were not tuned on: FR capabilities named without a stock
phrase, refusals of a face capability, idioms of each action in six languages, and
headlines whose subject is a description the summary names (invented vendors and
sentences; each family has several phrasings and items that must not fire)."""

from __future__ import annotations

import pytest

from bot.extract import extract
from tests.extract_helpers import entry, found

# --------------------------------------------------------------------------- FR words

# An FR capability named by what does it (an agent noun), by what it reads, or by
# the attribute it infers, in each language: the item is FR news.
CAPABILITY_WORDS = [
    ("Kelmora Labs puts deals for its face matcher with county sheriffs on hold until 2027",
     "Sheriffs keep the licences they have.", "moratorium"),
    ("Drisdale Vision stops selling its face finder to bail bondsmen",
     "The company says the tool was misused.", "ban"),
    ("Ombrel's cloud stops offering face reading of mood and age",
     "Ombrel Systems says estimates of mood were unreliable.", "restriction"),
    ("Parvane retira los efectos de cara de sus gafas en Texas",
     "La empresa dice que la ley estatal exige consentimiento.", "restriction"),
    ("Vauclin retire la reconnaissance des émotions de son API",
     "Les clients existants perdent l'accès en juin.", "restriction"),
    ("Brunhold Vision stellt die Emotionserkennung seiner Kameras ein",
     "Neue Kunden erhalten die Funktion nicht mehr.", "restriction"),
    ("Corvalis retira o reconhecimento de emoções do seu serviço",
     "Clientes novos já não recebem a análise.", "restriction"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), CAPABILITY_WORDS)
def test_a_face_capability_named_in_other_words_is_fr_news(
    title: str, summary: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # reading and effects of no face: no FR term
        ("Ombrel's cloud drops its meter reading service", "Utilities must find another vendor."),
        ("Parvane retira los efectos de sonido de su app", "La empresa cambia de proveedor."),
        ("Tessaro stops selling its plate finder to car parks", "Parking firms lose the tool."),
    ],
)
def test_words_near_faces_that_are_not_face_capabilities(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, f


# --------------------------------------------------------------------------- refusing a capability

# "won't name strangers", "no longer compares selfies", "deixa de comparar": a product
# that keeps running but refuses one face capability is a restriction.
REFUSED_CAPABILITY = [
    ("Halvard's camera glasses will not identify passers-by",
     "The maker says its assistant only names saved contacts.", "en"),
    ("Miravel's doorbell won't recognise faces for buyers in two states",
     "The company cites state biometric laws.", "en"),
    ("Sorbello smette di confrontare i volti nelle foto condivise",
     "L'app continua a funzionare senza suggerimenti.", "it"),
    ("Ardelis deja de comparar rostros en su aplicación de citas",
     "La empresa mantiene la verificación de edad.", "es"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "lang"), REFUSED_CAPABILITY)
def test_a_refused_face_capability_is_a_restriction(title: str, summary: str, lang: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", "restriction"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a study about what a system cannot do, and a launch that stops short
        ("Researchers say cheap cameras cannot recognise faces in the dark",
         "The study tested six models from Halvard and others."),
        ("Miravel's new doorbell can't recognise faces yet, reviewers find",
         "The company says the feature arrives in an update next month."),
    ],
)  # fmt: skip
def test_what_a_system_cannot_yet_do_is_no_restriction(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, f


# --------------------------------------------------------------------------- action idioms

IDIOMS = [
    # a group that won't get the product any more → ban
    ("Sheriffs won't get face matching from Corbain any more",
     "Corbain Labs says it has ended police licences for its face search.", "ban"),
    # taking no new orders → moratorium when timed, ban otherwise
    ("Drumlin Biometrics takes no new police orders for its face matcher for a year",
     "Existing contracts run out as planned.", "moratorium"),
    # striking a group off the customer list → ban
    ("Ferrand strikes landlords off the customer list for its face entry system",
     "Tenants' groups had complained for months.", "ban"),
    # no sales to a group, in other languages → ban
    ("Solvane nega aos bancos o seu reconhecimento facial",
     "A empresa não venderá a tecnologia a instituições financeiras.", "ban"),
    # unavailable in some states → restriction
    ("Kerrow's face grouping is unavailable in Illinois and Texas",
     "The company confirmed the feature is switched off there.", "restriction"),
    # retiring a capability → removal
    ("Astley Labs sends its face-based age guessing into retirement",
     "Developers have until March to migrate.", "restriction"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), IDIOMS)
def test_action_idioms_resolve(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a platform cutting ties with an FR vendor: enforcement, not the vendor's policy
        ("Payment processor Lindcroft cuts ties with face-search site Orvane",
         "Lindcroft says the site broke its acceptable-use terms."),
        # a feature not yet available somewhere: a rollout not reached
        ("Kerrow's face grouping is not yet available in Europe",
         "The company says it will arrive later this year."),
        # a lawsuit filed, and a plan
        ("Tenants sue Ferrand over its face entry system",
         "The complaint says the landlord never asked for consent."),
        ("Pellworth plans to add face search for investigators next year",
         "The company is hiring engineers."),
    ],
)  # fmt: skip
def test_idioms_do_not_fire_on_other_news(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, f


# --------------------------------------------------------------------------- described subjects

# The headline describes its subject ("a people-finder", "another maker", "Britischer
# Anbieter") and the summary opens with the company: that company acts.
DESCRIBED = [
    ("A face-search site for finding strangers is closing down",
     "Pelliver Labs cites mounting legal bills; paying members get refunds.",
     "Pelliver Labs", "shutdown"),
    ("Un autre fabricant quitte le marché de la reconnaissance faciale",
     "Ostrelle Vision invoque l'incertitude réglementaire européenne.", "Ostrelle Vision", "exit"),
    ("Niederländischer Anbieter steigt aus der Gesichtserkennung aus",
     "Velmar Systems konzentriert sich künftig auf Zutrittskontrolle.", "Velmar Systems", "exit"),
    ("The chatbot's camera mode stops naming people in photos",
     "Quorra AI has purposely limited what its assistant tells users about faces, reviewers found.",
     "Quorra AI", "restriction"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "vendor", "action"), DESCRIBED)
def test_a_described_headline_subject_is_the_company_the_summary_opens_with(
    title: str, summary: str, vendor: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.vendor, f.action) == (True, vendor, action), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a user of FR described in the headline, its supplier in the summary
        ("A supermarket chain switches off its face cameras after complaints",
         "Brayton Vision supplied the system to forty stores."),
        ("Face-matching cameras switched off at a football stadium",
         "Brayton Vision, which installed them, said the club made the call."),
        # an authority in the headline
        ("City council switches off face cameras in the old town",
         "Brayton Vision had run the pilot since spring."),
        # the summary opens with someone else
        ("A face-search site is closing down",
         "Critics of Pelliver Labs welcomed the news on Tuesday."),
        # a study headline
        ("Study: face matchers stop working on masked faces",
         "Ardelis Vision's engine was among forty that were tested."),
    ],
)  # fmt: skip
def test_a_described_subject_is_not_a_supplier_named_later(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant or f.actor_type != "vendor", f


def test_a_platform_named_as_one_more_thing_a_refusal_covers_is_no_enforcement() -> None:
    f = found(
        "A refusal that covers card rooms and the app store: Quenby explains its casino stance",
        "Its chief said the choice likewise excludes betting sites hoping to verify "
        "gamblers by face.",
    )
    assert (f.relevant, f.action, f.applies_to) == (True, "ban", "private_companies"), f


def test_a_platform_that_cuts_a_vendor_off_still_is_enforcement() -> None:
    f = extract(entry(
        "Face-search site Orvane loses its listing as app stores pull it",
        "The platforms said the service broke their rules on biometric data.",
    ))  # fmt: skip
    assert f is None or not f.relevant, f


# --------------------------------------------------------------------------- leaving a customer group


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        # an exit verb whose object is a customer group drops that group: a ban
        ("Hollin Vision walks away from gaming halls over face watchlists",
         "The vendor will not sign casinos again.", "ban"),
        ("Brask Biometrics parts ways with police buyers of its face search",
         "Sheriffs' licences end in June.", "ban"),
        ("Grauwerk Vision trennt sich von allen Spielhallen als Kunden seiner Gesichtserkennung",
         "Neue Verträge werden nicht geschlossen.", "ban"),
        # the business or a market: still an exit
        ("Hollin Vision walks away from facial identification entirely",
         "The vendor will focus on number-plate reading.", "exit"),
        ("Brask Biometrics parts ways with its face-matching business",
         "The unit is sold to a rival.", "exit"),
    ],
)  # fmt: skip
def test_leaving_a_customer_group_is_a_ban(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


def test_customers_who_lose_a_capability_are_not_the_fronted_rivals() -> None:
    f = found(
        "Mood reading from faces ends for new accounts",
        "After Kestrel Vision's move, customers of Dapple AI lose emotion scores in June.",
    )
    assert (f.relevant, f.vendor, f.action) == (True, "Dapple AI", "restriction"), f


# --------------------------------------------------------------------------- idioms, other languages

LANGUAGE_IDIOMS = [
    # on ice / in pausa → moratorium
    ("Vorlind Vision legt den Verkauf seiner Gesichtssuche an Behörden für ein Jahr auf Eis",
     "Bestehende Verträge laufen weiter.", "moratorium"),
    ("Tessaro AI mette in pausa per sei mesi le vendite del riconoscimento facciale alla polizia",
     "I contratti attuali restano validi.", "moratorium"),
    # must wait / kicked out → ban or moratorium
    ("Banken müssen auf die Gesichtserkennung von Corvalis AI warten",
     "Der Anbieter nimmt sechs Monate lang keine Finanzinstitute mehr an.", "moratorium"),
    # getting rid of a unit, closing a division → exit
    ("Halvard Vision se deshace de su división de biometría facial",
     "La compañía vende la unidad a un fondo.", "exit"),
    # curtains → shutdown
    ("Sorbello Vision chiude i battenti del suo motore di ricerca facciale",
     "L'indice dei volti verrà cancellato.", "shutdown"),
    # goodbye to a capability → restriction
    ("Encarna Search dice adiós a las búsquedas de rostros de menores",
     "Las consultas con imágenes de niños devolverán un aviso.", "restriction"),
    # staying out for longer, open-ended → extension
    ("Solvane Labs: lojas seguem sem acesso à API facial por outro semestre",
     "A pausa decidida em abril segue depois de outubro.", "extension"),
    ("Six months became open-ended: Drisdale Vision's police pause on face search",
     "The company set no new date.", "extension"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), LANGUAGE_IDIOMS)
def test_idioms_in_other_languages_resolve(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # an FR user starting to require faces at its gates is no vendor policy
        ("Arena do Clube Pereira vai cobrar cadastro facial dos torcedores no portão",
         "Torcedores terão de cadastrar o rosto até junho."),
        # goodbye to a non-FR product
        ("Encarna dice adiós a su lector de huellas dactilares",
         "La empresa se centrará en otros productos."),
        # a platform ending its work with an FR vendor: enforcement
        ("Zahlungsdienst Paywerk beendet die Zusammenarbeit mit dem Gesichtssuch-Anbieter Ombrel Systems",
         "Paywerk verweist auf seine Nutzungsbedingungen."),
    ],
)  # fmt: skip
def test_other_language_idioms_do_not_fire_on_other_news(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, f


# --------------------------------------------------------------------------- where the subject stands


@pytest.mark.parametrize(
    ("title", "summary", "vendor", "action"),
    [
        # German inversion: the subject after the verb, inside the cue
        ("Behörden ohne Gesichtssuche von Vorlind Vision",
         "Ein Jahr lang verkauft der Anbieter keine neuen Lizenzen an Polizeibehörden.",
         "Vorlind Vision", "moratorium"),
        # a maker in the genitive of the product that opens the clause
        ("The assistant of Sorbello Photos no longer names people in pictures",
         "The change applies worldwide.", "Sorbello Photos", "restriction"),
        # a policy noun heading a summary clause: the headline vendor's move
        ("Kelmora Labs' second year: what changed",
         "The retail freeze on its face API now runs into 2027, the company confirmed.",
         "Kelmora Labs", "extension"),
    ],
)  # fmt: skip
def test_subjects_outside_the_usual_place(
    title: str, summary: str, vendor: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.vendor, f.action) == (True, vendor, action), f


def test_a_lifted_pause_named_as_a_noun_is_no_new_pause() -> None:
    f = found(
        "Tessaro AI ends its face-search moratorium and resumes sheriff sales",
        "The one-year pause on police use has been lifted.",
    )
    assert (f.relevant, f.action) == (True, "reversal"), f


# --------------------------------------------------------------------------- settlements with authorities


def test_terms_binding_a_vendors_sales_are_its_settlement_even_with_an_authority() -> None:
    f = found(
        "Brask Biometrics accepts a five-year landlord bar to end the state probe",
        "Under an agreement with the attorney general, Brask may not sell its face "
        "matching to landlords for five years.",
    )
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", "settlement"), f


def test_a_user_that_stops_running_fr_under_an_authority_deal_is_the_authoritys_case() -> None:
    f = extract(entry(
        "Bowling alley group Strikewell will end face checks on its guests",
        "Under an agreement with the state attorney general, the chain will switch off "
        "its face cameras in every theatre.",
    ))  # fmt: skip
    assert f is not None and not f.relevant and f.actor_type == "government", f


def test_a_customers_new_contract_terms_are_no_settlement() -> None:
    f = extract(entry(
        "Vorlind Vision signs a sheriff's office for its face search",
        "The county licensed the engine under new terms that require a warrant per search.",
    ))  # fmt: skip
    assert f is None or f.action != "settlement", f


# --------------------------------------------------------------------------- past tenses

# News tells a move in the past as often as in the present: the preterite, the passé
# composé, the passato prossimo and the Präteritum carry each family too.
PAST_TENSES = [
    ("Ardelis Vision congeló la venta de su reconocimiento facial a comisarías",
     "La empresa lo anunció el lunes.", "moratorium"),
    ("Ardelis Vision abandonó el negocio del reconocimiento facial",
     "La compañía se centrará en la lectura de matrículas.", "exit"),
    ("Ardelis Vision dejó de vender su reconocimiento facial a bancos",
     "La decisión afecta a todos sus clientes financieros.", "ban"),
    ("Quintal Labs desligou o reconhecimento facial das suas catracas",
     "Os modelos dos usuários foram apagados.", "shutdown"),
    ("Quintal Labs deixou de vender reconhecimento facial a lojas",
     "A empresa cita riscos de privacidade.", "ban"),
    ("Quintal Labs retomou as vendas de reconhecimento facial à polícia",
     "A empresa tinha suspendido as vendas em 2021.", "reversal"),
    ("Tessaro AI ha sospeso per un anno le vendite del riconoscimento facciale alla polizia",
     "I contratti esistenti restano validi.", "moratorium"),
    ("Tessaro AI ha smesso di vendere il riconoscimento facciale alle banche",
     "L'azienda cita i rischi per la privacy.", "ban"),
    ("Lothian Vision a cessé de vendre sa reconnaissance faciale aux polices municipales",
     "Le fabricant invoque un manque de règles.", "ban"),
    ("Lothian Vision a gelé pour douze mois la vente de sa reconnaissance faciale aux policiers",
     "Les contrats existants sont maintenus.", "moratorium"),
    ("Vorlind Vision stieg aus dem Geschäft mit Gesichtserkennung aus",
     "Das Unternehmen konzentriert sich auf Kennzeichenerkennung.", "exit"),
    ("Vorlind Vision schaltete seine Gesichtssuche ab",
     "Alle Vorlagen wurden gelöscht.", "shutdown"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary", "action"), PAST_TENSES)
def test_past_tenses_carry_each_family(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # the same verbs in the past about someone else's doing, or about no FR at all
        ("La policía congeló las cuentas de la banda",
         "Los agentes usaron cámaras en la operación."),
        ("Quintal Labs desligou os servidores antigos de pagamentos",
         "A empresa trocou de fornecedor de nuvem."),
        ("Il citato rapporto è stato ripreso dai giornali",
         "Lo studio di Tessaro AI sul riconoscimento facciale era uscito a marzo."),
    ],
)  # fmt: skip
def test_past_tenses_do_not_fire_on_other_news(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant, f


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        ("Corvalis AI closes every non-police account for its face search",
         "The vendor says only law enforcement may keep using it.", "ban"),
        ("Less face matching from Ombrel Systems",
         "The firm says only screened clients may now buy its identification feature.",
         "restriction"),
        ("Acordo encerra ação contra o reconhecimento facial da Quintal Labs",
         "Pelo acordo, a empresa não poderá fechar contratos com condomínios até 2031.",
         "settlement"),
    ],
)  # fmt: skip
def test_account_request_and_vetting_wordings(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


def test_a_described_vendor_extending_a_stop_for_a_customer_group() -> None:
    f = found(
        "Niederländischer Anbieter verlängert Verkaufsstopp für Händler",
        "Velmar Systems nimmt auch im nächsten Jahr keine Ladenketten für seinen "
        "Gesichtsabgleich an.",
    )
    assert (f.relevant, f.vendor, f.action) == (True, "Velmar Systems", "extension"), f


def test_a_chain_extending_its_own_trial_is_no_vendor_move() -> None:
    f = extract(entry(
        "Supermarktkette verlängert Test mit Gesichtserkennung",
        "Velmar Systems liefert die Kameras für zwölf Filialen.",
    ))  # fmt: skip
    assert f is None or not f.relevant, f


def test_a_negation_before_the_cue_cancels_it_when_the_company_is_named_later() -> None:
    f = extract(entry(
        "Face-search maker won't extend its police pause to federal agencies",
        "Pelliver Labs said its one-year halt still covers only city police departments.",
    ))  # fmt: skip
    assert f is None or f.action != "extension", f


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        ("Kelmora Labs erases its gallery of 3 million shopper portraits",
         "The retail analytics firm says stores never consented.", "shutdown"),
        ("Kelmora Labs stops selling look-ups of a person by photo to private investigators",
         "The vendor says only police keep access.", "ban"),
    ],
)  # fmt: skip
def test_people_picked_out_of_pictures_without_a_face_word(
    title: str, summary: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


@pytest.mark.parametrize(
    "title",
    [
        "The National Portrait Gallery reopens after a year of works",
        "People finder site Kelmora raises prices for name searches",
        "Police find the suspect after a tip from a neighbour",
    ],
)
def test_pictures_and_people_without_recognition_are_no_fr_term(title: str) -> None:
    f = extract(entry(title, ""))
    assert f is None or not f.relevant, f


# --------------------------------------------------------------------------- subjects, part 2


@pytest.mark.parametrize(
    ("title", "summary", "vendor", "action"),
    [
        # a policy noun heading the headline, the one vendor named in the summary
        ("A six-month freeze becomes open-ended",
         "Rights groups welcomed Drisdale Vision's decision on police face-search sales but "
         "want more.",
         "Drisdale Vision", "extension"),
        # a capability as the passive subject, the vendor in the headline
        ("What happened to my faces tab? Brask Photos explains",
         "Face clustering is being retired for everyone; the stored templates will be "
         "deleted.", "Brask Photos", "shutdown"),
        # FR as the passive subject next to another technology
        ("Halvard Vision bets on plate readers",
         "Its face-matching engine is being wound down this autumn, with staff shifted to "
         "plate reading.", "Halvard Vision", "exit"),
    ],
)  # fmt: skip
def test_subjects_and_gates_told_around_the_verb(
    title: str, summary: str, vendor: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.vendor, f.action) == (True, vendor, action), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # a noun headline about a city's pause, with a vendor as its supplier
        ("Twelve-month stop loses its end date",
         "The city council extended its stop on police face cameras; Drisdale Vision "
         "supplied them."),
    ],
)  # fmt: skip
def test_subjects_around_the_verb_do_not_fire_on_other_news(title: str, summary: str) -> None:
    f = extract(entry(title, summary))
    assert f is None or not f.relevant or f.actor_type != "vendor", f


def test_an_fr_vendor_winding_down_another_technology_changes_no_fr_policy() -> None:
    f = extract(entry(
        "Face-recognition maker Halvard Vision drops plate readers",
        "The number-plate business will be wound down by December.",
    ))  # fmt: skip
    assert f is None or not f.relevant, f


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        # "no end date" with no stop to prolong: a refusal for good
        ("Sheriffs struck off Drisdale Vision's customer list for its face search",
         "The company says the stance has no end date.", "ban"),
        # the same words about a pause: the pause goes on
        ("Drisdale Vision's police pause on face search has no end date now",
         "The twelve-month stop was due to lapse in June.", "extension"),
        # closing an operation, security firms as customers
        ("Quintal Labs encerra a divisão de biometria facial",
         "A empresa vai se concentrar em assinatura digital.", "exit"),
        ("Ardelis Vision dejará de vender reconocimiento facial a empresas de seguridad",
         "La compañía no aceptará vigilantes como clientes.", "ban"),
    ],
)  # fmt: skip
def test_permanence_operations_and_security_firms(title: str, summary: str, action: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        ("Halvard Vision's police face matching stays dormant past its deadline",
         "The add-on remains switched off on officers' cameras until lawmakers act.",
         "extension"),
        ("Corvalis AI no podrá vender su reconocimiento facial a clientes privados",
         "El pacto que pone fin al pleito colectivo le exige además pagar 3 millones.",
         "settlement"),
        ("Quintal Labs sairá do mercado de biometria facial em abril",
         "O foco passa a ser a verificação de assinaturas.", "exit"),
    ],
)  # fmt: skip
def test_dormant_features_private_clients_and_blocked_searches(
    title: str, summary: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action), f

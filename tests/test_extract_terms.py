"""The face-recognition term families: a face capability told in ordinary words, in
every language, and the idioms with "face" that are no FR term (invented vendors and
sentences)."""

from __future__ import annotations

import pytest

from bot.extract.resources import resources
from bot.extract.scan import scan
from tests.extract_helpers import found


def fr_terms(title: str, summary: str = "") -> list[str]:
    """The FR terms the scanner finds in an item."""
    text = f"{title}\n{summary}"
    sc = scan(resources(), title, text)
    return [text[h.start : h.end] for h in sc.fr]


@pytest.mark.parametrize(
    "text",
    [
        # face + the noun it qualifies
        "Pendle Labs drops its face screening for apartment lobbies",
        "The doorbell's face library will be erased on Monday",
        "Vexley retires the face authentication module in its laptops",
        "Cordane's face collection is no longer offered to researchers",
        "Users of Brumby's camera lose face sorting and face clustering",
        # plural "faces" as a noun, not the verb
        "The app stops describing passers-by's faces",
        "A search engine for faces changes its rules",
        "Strangers' faces are now blurred in shared clips",
        "Queries on minors' faces are dropped before matching",
        "Customers say cameras scanned their faces at the entrance",
        "The camera ignores faces that nobody enrolled",
        # a person's face as an object
        "The headset never reads another person's face",
        "The filter needs to map your face before it works",
        # product names
        "Marlowe pauses sales of FaceVault to sheriffs",
        "Ostwick retires FacialPass from its turnstiles",
        "Orrin's 'Friendly Faces' alert goes away in June",
        # people recognised as such
        "Tindley turns off visitor recognition for its doorbells",
        "The glasses ship without stranger lookup",
        "Kestrel drops familiar visitors from its camera app",
        "A camera maker says it no longer sells ethnicity analytics",
        "The interview platform stops scoring candidates' facial expressions",
        "Its software ends expression tracking in video calls",
        # telling who someone is from a picture
        "The assistant will no longer name strangers",
        "The tool stops identifying people in uploaded photos",
        "The chatbot can no longer say who appears in a photo",
        "The archive will not put names to faces any more",
        # looking people up by a picture, sorting pictures by who is in them
        "Store staff can no longer look up shoppers by their photo",
        "Users lose the option to search the archive with a selfie",
        "The gallery app stops grouping snapshots by the people in them",
        "Deputies may not run a suspect's picture through the engine",
        # a selfie against an ID, a mugshot against a still
        "The marketplace drops its selfie-to-ID comparison for sellers",
        "Banks lose the check of selfies against passport photos",
        "The vendor stops matching CCTV stills against mugshots",
        # recognising people of a kind, biometric check-ins
        "Hotels drop biometric check-in after complaints",
        "The doorbell no longer recognises familiar couriers or neighbours",
        "The startup withholds its identity-matching API from sheriffs",
    ],
)
def test_face_capability_in_ordinary_english(text: str) -> None:
    assert fr_terms(text), text


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Veyra cesse d'identifier les inconnus dans ses lunettes", "La société ne vendra plus."),
        ("Veyra arrête la reconnaissance des visiteurs", "L'entreprise supprime la fonction."),
        ("Die Kamera von Brunnhof erkennt kein Gesicht mehr", "Das Unternehmen stoppt die Funktion."),
        ("Brunnhof stellt die Besuchererkennung ein", "Die Funktion wird abgeschaltet."),
        ("Brunnhof will keine Fremden mehr identifizieren", "Das Unternehmen ändert die App."),
        ("Lumeria deja de identificar a desconocidos en sus gafas", "La empresa retira la función."),
        ("Lumeria apaga el reconocimiento de visitantes", "La empresa cierra el servicio."),
        ("Occhiale di Varenna non identifica più gli sconosciuti", "La società toglie la funzione."),
        ("Varenna, startup di ricerca facciale, chiude il servizio", "La società si ritira."),
        ("Varenna smette di riconoscere le facce dei visitatori", "La funzione sparisce."),
        ("Óculos da Corvina deixam de identificar desconhecidos", "A empresa retira a função."),
        ("Corvina desliga o reconhecimento de visitantes", "A empresa encerra o serviço."),
        ("Le fabricant Veyra arrête de reconnaître les clients en magasin", "La fonction part."),
        ("Brunnhof beendet die Erkennung von Kunden per Kamera", "Die Firma stoppt das."),
        ("Lumeria deja de reconocer a los clientes en sus tiendas", "La función desaparece."),
        ("Varenna non venderà più il riconoscimento del viso alla polizia", "Decide la società."),
        ("Corvina para de reconhecer clientes nas lojas", "A função some."),
    ],
)  # fmt: skip
def test_face_capability_in_other_languages(title: str, summary: str) -> None:
    assert fr_terms(title, summary), title


@pytest.mark.parametrize(
    "text",
    [
        "Halvorsen faces a lawsuit over its hiring tool",
        "The vendor faces mounting pressure from investors",
        "Norrick faces data requests from three regulators",
        "Norrick faces criticism, and it faces fines too",
        "Executives held a face-to-face meeting with lawmakers",
        "Torvel makes an about-face on its pricing",
        "Facebook changes its advertising policy",
        "The offer was taken at face value",
        "The firm tried to save face after the leak",
        "On the face of it, the plan looks modest",
        "Apple adds group FaceTime calls",
        "The agency reviewed expressions of interest from suppliers",
        "A dating app matches strangers for coffee",
        "Der Konzern will das Gesicht wahren",
        "Se reunieron cara a cara con los reguladores",
        "The council met; nothing about faces.",
        "New faces join the board of directors",
        "Smiling faces at the company picnic, and many faces from the old team",
        "The company recognizes that people want more privacy",
        "Acme recognises employees for long service",
        "Shoppers can search for products with a photo",
        "Upload photos into the app to print them",
        "The bank will identify customers from their documents",
        "Il progetto è stato presentato a viso aperto",
        "Das Urteil ist ein Schlag ins Gesicht der Kläger",
        "Die Beschäftigten wollen Gesicht zeigen",
        "Le patron s'exprime à visage découvert",
        "The charity's Faces of Hope campaign ends, as do the faces of the old brand",
    ],
)
def test_face_idioms_are_no_fr_term(text: str) -> None:
    assert fr_terms(text) == [], text


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        ("Pendle Labs switches off its visitor recognition for good",
         "The company says package alerts keep working.", "shutdown"),
        ("Marlowe halts sheriff sales of FaceVault for a year",
         "The vendor accepts no fresh orders from police for twelve months.", "moratorium"),
        ("Brightmoor withholds stranger lookup from its smart glasses",
         "The capability existed in testing but was removed, the company said.", "restriction"),
        ("Camera maker Ostwick no longer sells ethnicity analytics",
         "The camera maker says the feature was phased out last year.", "restriction"),
    ],
)  # fmt: skip
def test_items_with_only_ordinary_face_words_are_policy_changes(
    title: str, summary: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.action) == (True, action), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Wexley stops offering licence-plate scanning at the garages it runs",
         "The face-alert supplier says margins on plate cameras were too thin."),
        ("Brenfold Biometrics stops selling fingerprint readers to schools",
         "The face-matching vendor keeps its other products on sale."),
        ("Le spécialiste de la reconnaissance faciale Orvane abandonne la lecture de plaques "
         "d'immatriculation", "L'entreprise juge les marges trop faibles."),
        ("Kestrel Vision retires voice ID from its bank kiosks",
         "The face-search firm says callers will type a PIN instead."),
    ],
)  # fmt: skip
def test_an_fr_vendor_dropping_another_technology_changes_no_fr_policy(
    title: str, summary: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "vendor"), f


@pytest.mark.parametrize(
    ("title", "summary", "action"),
    [
        ("Ondrix gets rid of its face line to focus on licence-plate cameras",
         "The company will wind down face matching.", "exit"),
        ("Facetrack closes its face unit but keeps its fingerprint readers",
         "Licences will be honoured to year end.", "exit"),
        ("Brenfold Biometrics stops selling fingerprint and face readers to schools",
         "The vendor cites privacy.", "ban"),
    ],
)  # fmt: skip
def test_face_recognition_dropped_next_to_another_technology_is_still_fr_news(
    title: str, summary: str, action: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.action) == (True, action), f

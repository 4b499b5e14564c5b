"""Vendors the gazetteer does not know, recognised from how the item describes them
(invented vendors and sentences)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        # a company suffix
        ("Ostrava Biometrics halts face-matching sales to sheriffs",
         "No new orders will be accepted this year.", "Ostrava Biometrics"),
        # an apposition after the name
        ("Mirelle pauses its face matcher for county sheriffs",
         "Mirelle, a face-search startup based in Leeds, says the pause lasts a year.",
         "Mirelle"),
        # a company noun before the name
        ("Face-search firm Dovetrack stops selling to landlords",
         "The decision follows complaints from tenants' groups.", "Dovetrack"),
        # "which sells face matching to …"
        ("Pallant halts sales of face matching to casinos",
         "Pallant, which sells face matching to gaming floors, cited accuracy concerns.",
         "Pallant"),
        # the headline's subject, and the summary speaks of "the company"
        ("Korrigan quits the face-recognition business",
         "The company will concentrate on licence-plate cameras.", "Korrigan"),
        # a short form reports the long name given elsewhere in the item
        ("Ostrava's face-matching freeze for sheriffs will carry on",
         "Ostrava Biometrics says the halt has no end date.", "Ostrava Biometrics"),
    ],
)  # fmt: skip
def test_an_unknown_company_is_recognised_from_its_description(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.vendor) == (True, "vendor", vendor), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Governor Abernathy signs limits on face searches by state troopers",
         "Under the statute every search now needs a warrant."),
        ("Halberd Institute study finds face-matching errors for older adults",
         "The lab tested seven engines; none of the companies responded."),
        ("Campaigners urge Ostrava Biometrics to stop face matching for good",
         "The coalition delivered a petition; the company has not responded."),
    ],
)  # fmt: skip
def test_people_offices_and_campaigners_are_not_companies_acting(title: str, summary: str) -> None:
    f = found(title, summary)
    assert not f.relevant, f


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Retailers can't buy into Quenby's face archive under the deal ending the suit",
         "Under the agreement the vendor may not sell any access to store chains.", "Quenby"),
        ("Advertisers lose access to Tarnow's face data as the firm settles",
         "The company agreed to stop licensing the archive to marketing agencies.", "Tarnow"),
        ("Employers won't get Ivelle's face matching under the accord closing the case",
         "The startup is barred from selling face matching to hiring managers.", "Ivelle"),
    ],
)  # fmt: skip
def test_a_plural_noun_opening_the_headline_is_not_the_company_named_inside_it(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert f.vendor == vendor, f


def test_a_name_opening_the_headline_stays_when_only_its_product_is_named_inside() -> None:
    f = found("Pellworth turns off face-based arrival at its dental offices",
              "The software company disabled Pellworth Gate's face matching everywhere.")  # fmt: skip
    assert (f.relevant, f.vendor) == (True, "Pellworth"), f


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Mood scores retired from Dunmore Vision API",
         "Existing customers keep them until spring; face identification needs approval.",
         "Dunmore Vision"),
        ("Age guesses dropped from Carrow Labs Toolkit",
         "Developers lose the estimates next month; face identification needs approval.",
         "Carrow Labs"),
    ],
)  # fmt: skip
def test_a_company_name_ends_at_its_suffix_inside_a_longer_run(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert f.vendor == vendor, f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("La pause des ventes d'Arvelle Vision aux polices municipales est prolongée",
         "L'entreprise ne vendra pas sa reconnaissance faciale aux polices avant 2026."),
        ("Fin de la reconnaissance faciale d'Arvelle Vision pour les polices",
         "L'entreprise cesse de vendre son logiciel aux polices municipales."),
    ],
)  # fmt: skip
def test_a_company_after_an_elided_article_is_read(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.actor_type, f.vendor) == ("vendor", "Arvelle Vision"), f


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Der Gesichtserkennungsanbieter Varnholt stoppt Verkäufe an die Polizei",
         "Die Entscheidung gilt ab sofort.", "Varnholt"),
        ("Quimpel, spécialiste de la reconnaissance faciale, suspend ses ventes à la police",
         "La décision vaut pour un an.", "Quimpel"),
        ("Torvana, especialista en reconocimiento facial, deja de vender a la policía",
         "La decisión es inmediata.", "Torvana"),
        ("Sorvelli, specialista del riconoscimento facciale, sospende le vendite alla polizia",
         "Per un anno.", "Sorvelli"),
        ("Brasamar, especialista em reconhecimento facial, suspende vendas à polícia",
         "Por um ano.", "Brasamar"),
        ("Kelderwick, a biometrics outfit, stops selling face matching to landlords",
         "The decision is immediate.", "Kelderwick"),
        ("Kelderwick, whose software matches shoppers' faces, stops selling to malls",
         "The decision is immediate.", "Kelderwick"),
    ],
)  # fmt: skip
def test_an_fr_specialist_is_recognised_in_every_language(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.vendor) == (True, "vendor", vendor), f


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Norvik decreta doce meses de pausa en sus contratos con guardias municipales",
         "La compañía no cerrará acuerdos de biometría facial con alcaldías.",
         "Norvik"),
        ("Talvence gèle ses contrats avec les polices municipales",
         "La société ne vendra désormais plus sa reconnaissance faciale aux mairies pendant un an.",
         "Talvence"),
        ("Brisco freezes face-matching sales to city police for a year",
         "The company will sign no contracts with county or town councils until 2027.",
         "Brisco"),
    ],
)  # fmt: skip
def test_the_headline_subject_the_summary_calls_the_company_acts_where_places_are_named(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.vendor) == (True, "vendor", vendor), f


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Pellinore's automatic face tags are over",
         "The latest update removes the tag suggestions; the company is deleting face data.",
         "Pellinore"),
        ("Photo app Quillfeather drops tag suggestions built on faces",
         "The startup says suggested tags will stop identifying anyone in new photos.",
         "Quillfeather"),
    ],
)  # fmt: skip
def test_a_gazetteer_product_phrase_in_lower_case_is_the_named_companys_feature(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.vendor) == (True, vendor), f


def test_the_gazetteer_vendor_keeps_its_product_phrase_when_it_is_named() -> None:
    f = found("Facebook switches off tag suggestions for new users",
              "The social network will stop suggesting who appears in photos.")  # fmt: skip
    assert f.vendor == "Meta", f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Datenschützer verlangt Löschung der Gesichtsdatenbank der Polizei",
         "Die Behörde ordnet an, dass die Polizei die biometrische Datenbank löschen muss."),
        ("Streit um Gesichtserkennung der Polizei geht weiter",
         "Die Aufsicht erlässt eine Anordnung; die Software werde weiter genutzt."),
    ],
)  # fmt: skip
def test_a_german_noun_is_no_company_for_acting_like_one(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.vendor is None, f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Un juzgado porteño frena las cámaras de reconocimiento facial",
         "El fallo ordena apagar el sistema hasta que se revisen sus controles."),
        ("La jueza Marta Ibáñez suspende el reconocimiento facial en el metro",
         "La decisión obliga a apagar las cámaras en todas las estaciones."),
        ("Il giudice Paolo Renzi blocca il riconoscimento facciale in stazione",
         "Il tribunale ordina di spegnere le telecamere in attesa dell'udienza."),
    ],
)  # fmt: skip
def test_a_city_or_a_titled_person_is_no_company(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.vendor is None and f.actor_type != "vendor", f


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Pour la CNIL, Dravelle a collecté des visages illégalement",
         "L'autorité estime que la start-up a enfreint le règlement.", "Dravelle"),
        ("Secondo il garante, Dravelle non può vendere i volti raccolti",
         "L'autorità ordina all'azienda di cancellare i dati.", "Dravelle"),
        ("Según el regulador, Dravelle recopiló rostros de forma ilegal",
         "La autoridad ordena a la empresa borrar los datos.", "Dravelle"),
    ],
)  # fmt: skip
def test_a_preposition_opening_the_headline_is_no_company(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert f.vendor == vendor, f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Dravelle, l'intesa che mette fine al processo vieta le vendite ai locatori",
         "Secondo i termini, l'azienda non potrà vendere il riconoscimento facciale ai locatori."),
        ("Dravelle, el pacto que zanja el pleito prohíbe vender a caseros",
         "Según los términos, la empresa no podrá vender su reconocimiento facial a caseros."),
    ],
)  # fmt: skip
def test_a_headline_topic_before_a_comma_is_the_company(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.vendor == "Dravelle", f


def test_a_plural_of_people_opening_the_summary_is_no_company() -> None:
    f = found("Troopers must get a judge's approval for face lookups under the new statute",
              "Suppliers say the warrant rule changes little for their sales.")  # fmt: skip
    assert f.vendor is None, f


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Merrow Lens now refuses probe photos of children",
         "The face-search service drops such images before matching.", "Merrow Lens"),
        ("Tallis Review stops identifying anyone in bodycam footage",
         "The evidence software shows matches only after a supervisor signs off.",
         "Tallis Review"),
        ("Korland quietly drops face matching for casinos",
         "The company gave no reason.", "Korland"),
    ],
)  # fmt: skip
def test_an_adverb_between_the_headline_subject_and_its_verb(
    title: str, summary: str, vendor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type, f.vendor) == (True, "vendor", vendor), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Korland's Finder App no longer guesses mood; naming faces now needs approval",
         "New accounts lose age estimates and must pass a review."),
        ("Merrow's Vision Desk now refuses to name faces for unvetted accounts",
         "Developers must describe their use before identification works."),
    ],
)  # fmt: skip
def test_a_name_after_a_possessive_is_the_owner_s_product_not_a_company(
    title: str, summary: str
) -> None:
    f = found(title, summary)
    assert f.vendor in ("Korland", "Merrow"), f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("What became of New Jersey's school facial recognition pause?",
         "Two years on, districts still apply for cameras with face analytics."),
        ("Inside New Mexico's halt on face matching by state police",
         "The agency says it will not use the software until rules exist."),
        ("Whatever happened to New Jersey's face-matching pause for police?",
         "The state froze face searches by troopers in 2021."),
    ],
)  # fmt: skip
def test_a_place_whose_first_word_is_a_stop_word_is_no_company(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.vendor is None and not f.relevant, f


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Explainer: who Brightmoor's glasses will still recognise",
         "Saved contacts yes, strangers no: lookups of unknown people were removed."),
        ("Orlen's doorbell drops stranger identification",
         "Registered visitors are still recognised by the camera."),
    ],
)  # fmt: skip
def test_a_participle_opening_a_summary_sentence_is_no_company(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.vendor not in ("Saved", "Registered"), f


def test_the_description_hint_answers_like_its_one_regex() -> None:
    # described_somewhere searches the hint's three parts on their own (fast): the same
    # answer as the one alternation, also where a noun is glued to a hyphen or a word
    from bot.extract.name_patterns import NamePatterns
    from bot.extract.resources import resources

    names = resources().names
    assert names.suffix_hint is not None  # the shipped nouns all spell words: fast path
    pieces = ["company", "Company", "firm", "start-up", "-firm", "xfirm", "_vendor",
              "Gesichtserkennungsanbieter", "startups", "société", "Acme", "acme", "Labs"]  # fmt: skip
    gaps = [" ", "", "-", ", ", "\n"]
    texts = [a + g + b + h + c for a in pieces for b in pieces[:6] for c in ("Orrin", "orrin")
             for g in gaps for h in (" ", ", a ")]  # fmt: skip
    for text in texts:
        assert names.described_somewhere(text) == (names.hint.search(text) is not None), text
    assert any(names.described_somewhere(t) for t in texts)
    assert not all(names.described_somewhere(t) for t in texts)
    odd = NamePatterns.build({"descriptors": ["firm", "x[.]y"], "suffixes": ["Labs"]})
    assert odd.suffix_hint is None  # a noun that is not one word: the one regex is searched
    assert odd.described_somewhere("the x.y Orrin") and not odd.described_somewhere("Orrin")


@pytest.mark.parametrize(
    ("title", "summary"),
    [("Quellmark halts its face search for police buyers for a year",
      "Berlin-based Quellmark Systems says no police force will get new licences."),
     ("Police lose Quellmark Systems face search for a year",
      "The Munich-based Quellmark Systems, a face-search startup, halts police sales."),
     ("Oslo-based Quellmark Systems halts police face-search sales",
      "The company will take no police orders for a year.")],
)  # fmt: skip
def test_a_located_prefix_is_not_part_of_the_name(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.vendor == "Quellmark Systems", f

"""Authority items named loosely: who acts when no vendor changes its own FR policy.

All sentences are invented (made-up vendors, people and places) and cover each
family with several phrasings; see bot/extract/authority.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.extract.authority import authority_kind, read_signals, signals
from bot.extract.resources import DataFileError, resources
from bot.extract.scan import normalise, scan
from tests.extract_helpers import found

GOVERNMENT = [
    # a title + a person's name as the actor
    ("Governor Ashcombe's signature caps deputies' face searches at violent crimes",
     "The measure also requires a yearly audit of the searches."),
    ("Mayor Tillerman orders city agencies to stop using face matching",
     "Contracts with outside suppliers of the software end next month."),
    ("Attorney General Renwick secures $90m from Dapplegate over face data",
     "The payment resolves the state's case about biometric scans of shoppers."),
    # a law, a statute, an ordinance as the actor
    ("New county statute limits how detectives use face recognition",
     "Searches need a signed warrant from March."),
    ("Face recognition limits for schools take effect as state law kicks in",
     "Districts may not buy face-scanning cameras under the new law, which took effect on Monday."),
    # a US state as the party to a settlement
    ("Quillmere will pay Nebraska $75m to end a face-scan lawsuit",
     "The settlement resolves the state's claims over its photo tagging."),
    # a legislature's vote, in other languages
    ("Il parlamento approva il divieto di riconoscimento facciale negli stadi",
     "La legge entra in vigore a gennaio per tutte le società sportive."),
    ("El congreso aprueba una ley que prohíbe el reconocimiento facial en las calles",
     "La norma entra en vigor el próximo año."),
]  # fmt: skip

REGULATOR = [
    # a regulator's findings told as speech or with "finds"
    ("Privacy watchdog finds Brenlow built its face recognition database without a legal basis",
     "The office says the company must erase the images within 60 days."),
    ("Data regulator says face search firm Ostrava broke the law by keeping selfies",
     "Ostrava Face disputes the findings."),
    # a fine or a penalty as the news
    ("Brenlow hit with record data-protection fine over face search",
     "The penalty adds to sanctions in two other countries."),
    ("Another privacy penalty for face recognition vendor Kitewell, this time from Lisbon",
     "The decision follows complaints from three consumer groups."),
    # a company that only uses FR and settles with a regulator
    ("Gym chain Pulsefit agrees with consumer agency to stop scanning members' faces",
     "The gym operator signed the agency's compliance order; who made its cameras was not disclosed."),
    # non-English regulators
    ("La catena di palestre Pulsefit rinuncia alla scansione dei volti su ordine del garante",
     "Il garante impone la cancellazione delle immagini."),
    ("Autoridade aplica coima de 3 milhões à Kitewell por reconhecimento facial",
     "A empresa fica proibida de tratar dados faciais no país."),
]  # fmt: skip

COURT = [
    # a court overturning or upholding a regulator's decision: the court acts
    ("Judges annul the privacy office's fine on face search firm Brenlow",
     "The appellate bench found the penalty was miscalculated and sent it back."),
    ("Brenlow wins appeal against data watchdog's face-search fine",
     "The ruling clears the company of the penalty amount."),
    ("Higher court lifts consumer agency's ban on Kitewell's facial recognition sales",
     "Appellate judges said the agency went beyond its powers."),
    # a settlement approved by a court
    ("Quillmere face-tagging class settlement gets final court approval",
     "Class members will each receive about $300."),
    # non-English courts
    ("Gericht kippt Bußgeld der Datenschutzbehörde gegen Gesichtserkennungsfirma Brenlow",
     "Nach Ansicht des Gerichts fehlte der Aufsicht die Zuständigkeit."),
    ("Le tribunal administratif annule l'amende infligée à Kitewell pour la reconnaissance faciale",
     "Selon le tribunal, le montant de la pénalité a été fixé de façon erronée."),
    ("La jueza anula la multa impuesta a Kitewell por reconocimiento facial",
     "El tribunal considera que la agencia se excedió."),
]  # fmt: skip

NONE = [
    # a state-run lab's or a university's study
    ("Government lab releases a league table of face-matching algorithms by error rate",
     "The lab found error rates fell for most of the algorithms it tested."),
    ("University study finds face recognition errs more on older faces",
     "Researchers tested seven commercial systems."),
    # an NGO whose name holds an authority word
    ("Civic Rights Council urges the legislature to ban face recognition",
     "The group wants lawmakers to act before the summer."),
    # a lawsuit being filed, a campaign, a proposal
    ("Privacy group files suit against face recognition firm Brenlow under state law",
     "The complaint says faces were collected without consent."),
    ("Rights campaigners want the city to ban face scanning at train stations",
     "Their petition has 20,000 signatures."),
    # (a lawmaker's own bill is a government's act: test_extract_public_bodies; a
    # campaign's model bill is not)
    ("Rights coalition proposes a model bill that would ban police face recognition",
     "The group hopes a sympathetic legislator will introduce it next year."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "summary"), GOVERNMENT)
def test_government_named_loosely(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "government")


@pytest.mark.parametrize(("title", "summary"), REGULATOR)
def test_regulator_findings_fines_and_orders(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "regulator")


@pytest.mark.parametrize(("title", "summary"), COURT)
def test_court_is_the_actor_of_its_rulings(title: str, summary: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, "court")


@pytest.mark.parametrize(("title", "summary"), NONE)
def test_studies_campaigns_and_filings_are_no_authority_action(title: str, summary: str) -> None:
    f = found(title, summary)
    assert f.relevant is False
    assert f.actor_type not in ("government", "regulator", "court")


def test_signals_are_compiled_per_language() -> None:
    assert signals("it").patterns[("regulator", "actors")].search("su ordine del garante")
    assert not signals("en").patterns[("court", "actors")].search("der Gerichtshof")
    assert not signals("fr").patterns[("court", "actors")].search("der Gerichtshof")
    assert signals("de").patterns[("court", "actors")].search("der Gerichtshof")


def test_authority_kind_is_none_without_an_authority() -> None:
    text = "Reviewers compare face recognition apps\nThree apps were tested on phones."
    sc = scan(resources(), "Reviewers compare face recognition apps", text, normalise(text), "en")
    assert authority_kind(sc) is None


def test_broken_signals_file_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "authority_signals.yaml"
    broken.write_text("court: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="authority_signals.yaml"):
        read_signals(broken)
    broken.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="expected a mapping"):
        read_signals(broken)


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("Portugal fines Veritrace €5m over its face search",
         "The decision also orders the deletion of local photos.", "regulator"),
        ("Utah bars state troopers from face recognition searches",
         "The rule covers every state agency.", "government"),
        ("Ohio's legislature bans face recognition at polling places",
         "Election officials must remove the cameras.", "government"),
    ],
)  # fmt: skip
def test_a_country_or_state_as_the_subject_acts(title: str, summary: str, actor: str) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor)


@pytest.mark.parametrize(
    ("title", "summary", "actor"),
    [
        ("Appeals court upholds the biometric data fine on Tallowby",
         "The judges rejected every ground of appeal.", "court"),
        ("Judge approves the $40m face-data payout from Quillmere",
         "Affected customers have until June to submit a claim.", "court"),
        ("State attorney general settles with Dapplegate over faceprints",
         "The company pays $12m; the state said the settlement closes the case.", "government"),
    ],
)  # fmt: skip
def test_face_data_without_an_fr_term_is_enough_for_an_authority(
    title: str, summary: str, actor: str
) -> None:
    f = found(title, summary)
    assert (f.relevant, f.actor_type) == (False, actor)


def test_face_data_without_an_fr_term_is_no_vendor_change() -> None:
    from bot.extract import extract
    from tests.extract_helpers import entry

    assert extract(entry("Tallowby stops selling biometric door locks to landlords")) is None
    assert extract(entry("Markets rally as the biometric sector reports earnings")) is None

"""Actions: headline + summary pairs written for these tests, in the style of different
outlets' RSS items, about real facial-recognition policy events that are neither in the
development set nor in test_extract_actors.py. Every action class has
several phrasings (including extension and settlement, which the development set lacks),
with authority items and negatives (lawsuits filed, studies, plans, calls, questions)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import found

# (title, summary, published, vendor or None when not checked, action, applies_to or None)
VENDOR_CHANGES = [
    (
        "Amazon bans police from using its face recognition software for a year",
        "In a short blog post on Wednesday, Amazon said it was implementing a one-year moratorium "
        "on police use of Rekognition.",
        "2020-06-10",
        "Amazon",
        "moratorium",
        "police",
    ),
    (
        "AWS suspends police sales of Rekognition for twelve months",
        '"We hope this one-year moratorium might give Congress enough time to put in place '
        'appropriate rules," the company said.',
        "2020-06-11",
        "Amazon",
        "moratorium",
        "police",
    ),
    (
        "Amazon halts police access to facial recognition tool for one year",
        "The retailer said rights groups like the National Center for Missing and Exploited "
        "Children could keep using the technology.",
        "2020-06-11",
        "Amazon",
        "moratorium",
        "police",
    ),
    (
        "Hikvision temporarily stops selling face-matching cameras to schools",
        "The camera maker said it paused those sales at this time while it reviews the product "
        "line.",
        "2021-03-02",
        "Hikvision",
        "moratorium",
        None,
    ),
    (
        "Amazon keeps police ban on Rekognition in place until further notice",
        "The company quietly prolonged its moratorium on police use of the facial recognition "
        "service, a spokesperson confirmed on Tuesday.",
        "2021-05-18",
        "Amazon",
        "extension",
        "police",
    ),
    (
        "Amazon's moratorium on police use of facial recognition is now indefinite",
        "Amazon will continue its pause on sales of Rekognition to law enforcement indefinitely, "
        "Reuters reported.",
        "2021-05-19",
        "Amazon",
        "extension",
        "police",
    ),
    (
        "Amazon indefinitely extends its halt on police facial recognition sales",
        "The one-year pause expired in June; the company said it will stay in effect until further"
        " notice.",
        "2021-05-18",
        "Amazon",
        "extension",
        "police",
    ),
    (
        "Microsoft bars US police departments from using Azure facial recognition",
        "The firm says officers get no access to the tool until Congress writes a federal law "
        "that protects civil rights.",
        "2020-06-11",
        "Microsoft",
        "ban",
        "police",
    ),
    (
        "HireVue says it won't offer face analysis to employers without strict federal rules",
        "The hiring-software firm said the feature is no longer for sale to customers.",
        "2021-01-12",
        None,
        "ban",
        None,
    ),
    (
        "NtechLab winds down its public FindFace service",
        "The Moscow-based firm said it would stop offering the face search app to consumers and "
        "focus on government work.",
        "2018-07-10",
        "NtechLab",
        "exit",
        None,
    ),
    (
        "Kairos exits facial recognition business to focus on identity checks",
        "The startup said it no longer sells face recognition software.",
        "2021-04-01",
        "Kairos",
        "exit",
        None,
    ),
    (
        "IBM stops offering general-purpose facial recognition products",
        "In a letter to Congress, chief executive Arvind Krishna said IBM firmly opposes mass "
        "surveillance.",
        "2020-06-09",
        "IBM",
        "exit",
        None,
    ),
    (
        "Google limits its celebrity recognition API to approved media customers",
        "Developers must apply and be reviewed before they can use the feature.",
        "2019-10-01",
        "Google",
        "restriction",
        None,
    ),
    (
        "HireVue drops facial analysis from its video interview assessments",
        "The company said it had stopped using the visual analysis component of its algorithms.",
        "2021-01-12",
        None,
        "restriction",
        None,
    ),
    (
        "Microsoft retires facial attribute capabilities in Azure Face",
        "Access to face identification now requires approval through an application form.",
        "2022-06-21",
        "Microsoft",
        "restriction",
        None,
    ),
    (
        "PimEyes withholds results from searches of minors' faces",
        "The face search site said it restricts such searches after criticism from child-safety "
        "groups.",
        "2023-10-10",
        "PimEyes",
        "restriction",
        None,
    ),
    (
        "Facebook reinstates facial recognition for identity checks after account hacks",
        "Meta said it will bring back face recognition to help users recover locked accounts in "
        "the UK.",
        "2024-10-22",
        "Meta",
        "reversal",
        None,
    ),
    (
        "Amazon lifts moratorium, resumes Rekognition sales to police departments",
        "The company said it would again sell the face recognition service to law enforcement.",
        "2023-01-10",
        "Amazon",
        "reversal",
        "police",
    ),
    (
        "Meta resumes facial recognition tests in Europe after regulator talks",
        "The social network will reintroduce the feature for celebrity scam detection.",
        "2025-03-04",
        "Meta",
        "reversal",
        None,
    ),
    (
        "Everalbum shuts down its Ever photo app that used face recognition",
        "The company said it would delete users' photos and face data.",
        "2020-08-31",
        None,
        "shutdown",
        None,
    ),
    (
        "Facebook deletes face templates of users who never opted in",
        "The social network said the facial recognition templates will be erased before the year"
        " is out.",
        "2021-11-03",
        "Meta",
        "shutdown",
        None,
    ),
    (
        "Microsoft deletes face dataset used to train recognition systems",
        "The company removed the collection of celebrity photos from its website after questions "
        "from journalists.",
        "2019-06-06",
        "Microsoft",
        "shutdown",
        None,
    ),
    (
        "Clearview AI agrees to settle lawsuit and is permanently barred from selling to private "
        "companies",
        "Under the agreement, the facial recognition firm also cannot sell its database to "
        "Illinois police for five years.",
        "2022-05-09",
        "Clearview AI",
        "settlement",
        "private_companies",
    ),
    (
        "Clearview settles with ACLU, will stop selling faceprint database to most US businesses",
        "The settlement, filed in Illinois state court, bars the company from giving free trials "
        "to police officers.",
        "2022-05-09",
        "Clearview AI",
        "settlement",
        "private_companies",
    ),
    (
        "Clearview AI reaches settlement limiting sales of face database",
        "The company agreed to a nationwide ban on selling access to most private entities.",
        "2022-05-10",
        "Clearview AI",
        "settlement",
        "private_companies",
    ),
    (
        "Amazon gèle pendant douze mois les ventes de Rekognition aux forces de l'ordre",
        "Le groupe américain interdit temporairement aux policiers d'utiliser son logiciel de "
        "reconnaissance faciale.",
        "2020-06-11",
        "Amazon",
        "moratorium",
        "police",
    ),
    (
        "Amazon verlängert Moratorium für Gesichtserkennung bei der Polizei",
        "Der Konzern setzt den Verkauf von Rekognition an Polizeibehörden bis auf Weiteres aus.",
        "2021-05-19",
        "Amazon",
        "extension",
        "police",
    ),
    (
        "Clearview AI llega a un acuerdo y no venderá su base de datos de rostros a empresas "
        "privadas",
        "El acuerdo judicial pone fin a una demanda presentada en Illinois.",
        "2022-05-10",
        "Clearview AI",
        "settlement",
        "private_companies",
    ),
    (
        "Amazon won't sell Rekognition to police for now",
        "The company said it would revisit the decision in a year.",
        "2020-06-10",
        "Amazon",
        "moratorium",
        "police",
    ),
    (
        "Amazon to continue ban on police use of facial recognition",
        "The company's moratorium, which was due to expire next month, has been extended "
        "indefinitely.",
        "2021-05-18",
        "Amazon",
        "extension",
        "police",
    ),
    (
        "Amazon's police facial recognition pause will last until further notice",
        "Amazon told Reuters it was extending the moratorium it imposed last year.",
        "2021-05-19",
        "Amazon",
        "extension",
        "police",
    ),
    (
        "Microsoft reaffirms: no facial recognition sales to police until federal law passes",
        "The company said it does not sell the technology to US police departments today.",
        "2020-06-12",
        "Microsoft",
        "ban",
        "police",
    ),
    (
        "Clearview AI to stop selling to private businesses nationwide under lawsuit deal",
        "The company agreed to settle the case brought by the ACLU in Illinois.",
        "2022-05-09",
        "Clearview AI",
        "settlement",
        "private_companies",
    ),
    (
        "ACLU and Clearview AI reach settlement restricting sales of faceprint database",
        "Clearview will be permanently banned from selling its database to private companies "
        "across the US.",
        "2022-05-09",
        "Clearview AI",
        "settlement",
        "private_companies",
    ),
    (
        "Meta is bringing facial recognition back to fight scams",
        "After shutting down its system in 2021, the company is testing face matching again in "
        "some markets.",
        "2024-10-21",
        "Meta",
        "reversal",
        None,
    ),
    (
        "Facebook turns off automatic face recognition by default",
        "Users will now have to opt in before the site suggests tags of their face.",
        "2019-09-03",
        "Meta",
        "restriction",
        None,
    ),
    (
        "NtechLab shuts down FindFace consumer app",
        "The face recognition service that matched photos against VKontakte profiles went offline "
        "on Tuesday.",
        "2018-07-10",
        "NtechLab",
        "shutdown",
        None,
    ),
    (
        "IBM abandons face recognition, citing mass surveillance concerns",
        "IBM will no longer sell general-purpose facial recognition or analysis software.",
        "2020-06-09",
        "IBM",
        "exit",
        None,
    ),
    (
        "Microsoft restricts access to its face recognition service",
        "Clients now need to file a request explaining what they will do with the Azure Face API.",
        "2022-06-21",
        "Microsoft",
        "restriction",
        None,
    ),
    (
        "Axon resumes work on face matching for body cameras",
        "The company said it was again developing the feature after a four-year pause.",
        "2023-02-01",
        "Axon",
        "reversal",
        "police",
    ),
    (
        "Amazon puts police use of Rekognition on hold for 12 months",
        "AWS said on June 10 that the pause does not cover groups that use the software to rescue "
        "trafficking victims.",
        "2020-06-10",
        "Amazon",
        "moratorium",
        "police",
    ),
    (
        "Tech giant Amazon freezes sales of face ID tool to cops",
        '"We\'re implementing a one-year moratorium," the company wrote.',
        "2020-06-11",
        "Amazon",
        "moratorium",
        "police",
    ),
    (
        "Amazon makes police facial recognition ban permanent until further notice",
        "The company had announced a 12-month pause in June 2020.",
        "2021-05-18",
        "Amazon",
        "extension",
        "police",
    ),
    (
        "Amazon extends Rekognition moratorium for police",
        "The suspension, first imposed last year, remains in effect.",
        "2021-05-18",
        "Amazon",
        "extension",
        "police",
    ),
    (
        "Microsoft: no police sales of facial recognition without a federal law",
        "Brad Smith said Microsoft won't offer the service to American police forces "
        "before a nationwide law exists.",
        "2020-06-11",
        "Microsoft",
        "ban",
        "police",
    ),
    (
        "Google says it will not offer facial recognition to governments",
        "The company said it would not sell the technology until safeguards are in place.",
        "2020-01-20",
        "Google",
        "ban",
        "government",
    ),
    (
        "IBM quits the facial recognition business",
        '"IBM no longer offers general purpose IBM facial recognition or analysis software," '
        "Arvind Krishna wrote on Monday.",
        "2020-06-08",
        "IBM",
        "exit",
        None,
    ),
    (
        "Megvii investor Tencent sells off stake amid US sanctions",
        "The sale ends its investment in the face recognition company.",
        "2021-03-01",
        "Tencent",
        "exit",
        None,
    ),
    (
        "Microsoft phases out emotion detection in its face service",
        "From June 21, new customers must apply for access to facial recognition, Microsoft said.",
        "2022-06-21",
        "Microsoft",
        "restriction",
        None,
    ),
    (
        "Clearview AI now requires police customers to undergo vetting",
        "The firm said accounts will only be granted to approved law enforcement agencies.",
        "2020-05-07",
        "Clearview AI",
        "restriction",
        None,
    ),
    (
        "Facebook brings back face recognition in Europe",
        "The social network is reintroducing the feature it switched off in 2012, asking users to "
        "opt in.",
        "2018-04-18",
        "Meta",
        "reversal",
        None,
    ),
    (
        "Amazon quietly reverses its moratorium on police face recognition",
        "AWS has resumed selling Rekognition to police departments.",
        "2024-01-01",
        "Amazon",
        "reversal",
        "police",
    ),
    (
        "Meta to delete one billion faceprints as it shutters facial recognition system",
        "Facebook users will no longer be recognized automatically in photos and videos.",
        "2021-11-02",
        "Meta",
        "shutdown",
        None,
    ),
    (
        "Microsoft quietly takes down massive face recognition database",
        "MS Celeb, which held 10 million images of 100,000 people, has been deleted.",
        "2019-06-06",
        "Microsoft",
        "shutdown",
        None,
    ),
    (
        "Clearview AI settles: no more sales of its face database to private firms",
        "The agreement with the ACLU was filed in an Illinois court on Monday.",
        "2022-05-09",
        "Clearview AI",
        "settlement",
        "private_companies",
    ),
    (
        "Clearview AI and ACLU settle lawsuit over facial recognition",
        "The company agreed to stop selling access to its faceprint database to most private "
        "businesses and individuals nationwide.",
        "2022-05-09",
        "Clearview AI",
        "settlement",
        None,
    ),
    (
        "Microsoft verbietet US-Polizei Gesichtserkennung über Azure OpenAI",
        "Der Konzern untersagt Polizeibehörden in den USA die Nutzung des Dienstes für "
        "Gesichtserkennung.",
        "2024-05-03",
        "Microsoft",
        "ban",
        "police",
    ),
    (
        "Meta réintroduit la reconnaissance faciale pour lutter contre les arnaques",
        "Le groupe avait supprimé la fonctionnalité en 2021.",
        "2024-10-22",
        "Meta",
        "reversal",
        None,
    ),
    (
        "Amazon amplía indefinidamente su moratoria sobre el reconocimiento facial para la policía",
        "La empresa extiende la suspensión hasta nuevo aviso.",
        "2021-05-19",
        "Amazon",
        "extension",
        "police",
    ),
    (
        "Amazon extends its one-year moratorium on police use of Rekognition",
        "The pause announced last June was set to expire this month; Amazon will not resume sales "
        "until further notice.",
        "2021-05-18",
        "Amazon",
        "extension",
        "police",
    ),
    (
        "A year on, Amazon's pause on police facial recognition is extended",
        "Amazon first halted police use of Rekognition for one year in June 2020.",
        "2021-05-19",
        "Amazon",
        "extension",
        "police",
    ),
    (
        "Amazon ends its Rekognition moratorium and resumes police sales",
        "The one-year pause on police use of the face recognition software has been lifted.",
        "2022-01-05",
        "Amazon",
        "reversal",
        "police",
    ),
    (
        "After a three-year pause, Meta restarts facial recognition on Facebook",
        "The company is using face matching again to detect scam ads featuring celebrities.",
        "2024-10-21",
        "Meta",
        "reversal",
        None,
    ),
    (
        "Clearview AI cuts off private-sector clients",
        "The company said it will terminate accounts of non-law enforcement customers and stop "
        "selling to private companies.",
        "2020-05-07",
        "Clearview AI",
        "ban",
        "private_companies",
    ),
    (
        "Facebook to shut down face-recognition system, delete data on 1 billion users",
        "The company said it would delete templates used to identify users in photos.",
        "2021-11-02",
        "Meta",
        "shutdown",
        None,
    ),
    (
        "Microsoft pulls face recognition dataset MS Celeb offline",
        "The database of 10 million photos was deleted after a report raised privacy concerns.",
        "2019-06-07",
        "Microsoft",
        "shutdown",
        None,
    ),
    (
        "Facebook switches off facial recognition in the EU after regulators object",
        "The tag suggestion feature was turned off for European users and the templates deleted.",
        "2012-09-21",
        "Meta",
        "shutdown",
        None,
    ),
    (
        "Clearview AI settlement bars sales to most private entities in the US",
        "Under the deal with the ACLU, Clearview AI will also stop offering its database to "
        "Illinois government agencies for five years.",
        "2022-05-09",
        "Clearview AI",
        "settlement",
        "private_companies",
    ),
    (
        "Microsoft says it won't sell face recognition to police until Congress passes a law",
        "Company president Brad Smith made the pledge at a Washington Post event.",
        "2020-06-11",
        "Microsoft",
        "ban",
        "police",
    ),
    (
        "Amazon's surprise move on facial recognition",
        "Amazon said on Wednesday it is pausing police use of Rekognition for a year, citing the "
        "need for federal rules.",
        "2020-06-10",
        "Amazon",
        "moratorium",
        "police",
    ),
    (
        "What IBM's decision means for the face recognition industry",
        "IBM said it would sunset its general-purpose facial recognition products and would no "
        "longer develop the technology.",
        "2020-06-10",
        "IBM",
        "exit",
        None,
    ),
    (
        "Clearview AI deal with ACLU limits who can buy face search",
        "Clearview agreed to settle the Illinois case and will be barred from selling its "
        "faceprint database to private companies nationwide.",
        "2022-05-09",
        "Clearview AI",
        "settlement",
        "private_companies",
    ),
    (
        "Facebook says it will stop using facial recognition to tag people in photos",
        "The company also said it would delete more than a billion face templates.",
        "2021-11-02",
        "Meta",
        "shutdown",
        None,
    ),
    (
        "Microsoft to stop selling Azure facial recognition to US police departments",
        "The company said the ban would remain in place until a federal law regulates the "
        "technology.",
        "2020-06-11",
        "Microsoft",
        "ban",
        "police",
    ),
    (
        "Amazon will keep its police ban on facial recognition for now",
        "Amazon's one-year moratorium on police use of Rekognition, which expires in June, will be"
        " extended, the company said.",
        "2021-05-18",
        "Amazon",
        "extension",
        "police",
    ),
    (
        "Clearview AI agrees to permanent ban on sales to private companies",
        "The consent decree, part of a settlement with the ACLU, was filed on Monday.",
        "2022-05-09",
        "Clearview AI",
        "settlement",
        "private_companies",
    ),
    (
        "Amazon lifts self-imposed ban on selling Rekognition to police",
        "The company said it would once again allow law enforcement agencies to use the service.",
        "2023-03-01",
        "Amazon",
        "reversal",
        None,
    ),
]


@pytest.mark.parametrize(
    ("title", "summary", "published", "vendor", "action", "applies_to"), VENDOR_CHANGES
)
def test_vendor_change_action(
    title: str,
    summary: str,
    published: str,
    vendor: str | None,
    action: str,
    applies_to: str | None,
) -> None:
    f = found(title, summary, published)
    assert (f.relevant, f.actor_type, f.action) == (True, "vendor", action)
    if vendor is not None:
        assert f.vendor == vendor
    if applies_to is not None:
        assert f.applies_to == applies_to
    assert f.evidence == (f"{title}\n{summary}")[f.evidence_start : f.evidence_end]


def test_every_action_class_is_covered() -> None:
    assert {c[4] for c in VENDOR_CHANGES} == {
        "moratorium", "extension", "ban", "exit", "restriction", "reversal", "shutdown",
        "settlement",
    }  # fmt: skip


# (title, summary, published, actor_type)
AUTHORITY_ACTIONS = [
    (
        "Portland council passes ban on private use of facial recognition",
        "Under the ordinance, shops and eateries in the city may not deploy it.",
        "2020-09-09",
        "government",
    ),
    (
        "Dutch privacy watchdog fines Clearview AI €30.5 million",
        "The data protection authority said the company built an illegal database of faces.",
        "2024-09-03",
        "regulator",
    ),
    (
        "FTC orders Everalbum to delete facial recognition models built on users' photos",
        "The regulator said the app maker deceived customers about its use of face recognition.",
        "2021-01-11",
        "regulator",
    ),
    (
        "Judge grants final approval to Clearview AI privacy settlement",
        "The court approved the deal giving class members a stake in the company.",
        "2025-03-21",
        "court",
    ),
    (
        "Texas attorney general secures $1.4bn settlement with Meta over facial recognition",
        "The state had sued over the collection of biometric data without consent.",
        "2024-07-30",
        "government",
    ),
    (
        "San Diego police suspend facial recognition program as state law takes effect",
        "The department stopped using the tablets after the ban on body camera face scans.",
        "2019-12-18",
        "government",
    ),
    (
        "Illinois judge approves Clearview AI settlement barring sales to private companies",
        "The court signed off on the agreement on Wednesday.",
        "2022-05-11",
        "court",
    ),
    (
        "Italian data watchdog tells Clearview to erase its records of Italians",
        "The Garante also fined the company 20 million euros.",
        "2022-03-09",
        "regulator",
    ),
    (
        "Virginia lawmakers vote to ban police use of facial recognition",
        "The bill requires legislative approval before any local department deploys the "
        "technology.",
        "2021-03-25",
        "government",
    ),
    (
        "Greek data protection authority fines Clearview AI 20 million euros",
        "The regulator also ordered the company to erase data on Greek residents.",
        "2022-07-13",
        "regulator",
    ),
    (
        "Court rules Clearview AI broke Dutch privacy law",
        "The judges upheld the fine imposed by the data protection authority.",
        "2025-01-10",
        "court",
    ),
    (
        "Federal judge approves settlement requiring Clearview AI to stop selling to private "
        "businesses",
        "The court approval makes the agreement binding.",
        "2022-05-11",
        "court",
    ),
    (
        "FTC bans Rite Aid from using facial recognition for five years",
        "The order settles charges that the retailer failed to protect shoppers.",
        "2023-12-19",
        "regulator",
    ),
    (
        "New Orleans council votes to lift ban on police facial recognition",
        "The city will allow police to use the technology to investigate violent crimes.",
        "2022-07-21",
        "government",
    ),
    (
        "Texas attorney general announces $1.4 billion settlement with Meta over biometric data",
        "The agreement resolves the state's lawsuit over Facebook's face recognition feature.",
        "2024-07-30",
        "government",
    ),
]


@pytest.mark.parametrize(("title", "summary", "published", "actor_type"), AUTHORITY_ACTIONS)
def test_authority_action_goes_to_its_channel(
    title: str, summary: str, published: str, actor_type: str
) -> None:
    f = found(title, summary, published)
    assert (f.relevant, f.actor_type, f.action) == (False, actor_type, None)


# (title, summary, published): lawsuits filed, studies, plans, calls, launches, questions
NOT_CHANGES = [
    (
        "Clearview AI faces new lawsuit over scraped faces in Illinois",
        "The complaint alleges the firm violated the state's biometric privacy law.",
        "2020-05-28",
    ),
    (
        "Researchers find commercial face analysis tools misgender dark-skinned women",
        "The audit tested systems from IBM, Microsoft and Face++.",
        "2018-02-12",
    ),
    (
        "Meta is considering adding facial recognition to its smart glasses",
        "The company could let wearers identify people, according to a report.",
        "2025-05-08",
    ),
    (
        "Lawmakers urge Amazon to halt sales of Rekognition to police",
        "Members of Congress asked the company to stop supplying the tool until rules exist.",
        "2018-07-27",
    ),
    (
        "Ring launches facial recognition feature for doorbells",
        "The Familiar Faces feature lets owners label regular visitors.",
        "2025-09-30",
    ),
    (
        "Campaigners call on Microsoft to stop selling face recognition to police",
        "Digital rights groups launched a petition on Monday.",
        "2020-06-15",
    ),
    (
        "Amazon could lift its police moratorium on Rekognition, analysts say",
        "No decision has been announced.",
        "2021-04-01",
    ),
    (
        "Clearview AI signs contract with ICE for facial recognition",
        "The deal is worth $224,000.",
        "2020-08-14",
    ),
    (
        "Ex-employee says Microsoft should halt face recognition sales",
        "In an op-ed, the former engineer argued the company should stop selling the tool.",
        "2020-07-01",
    ),
    (
        "Clearview AI wins contract with Ukrainian government",
        "The company is offering its face search tool for free.",
        "2022-03-14",
    ),
    (
        "Will Amazon extend its facial recognition moratorium?",
        "Advocates want the company to make the pause permanent.",
        "2021-05-10",
    ),
    (
        "Amazon employees demand company stop selling Rekognition to police",
        "More than 450 staff signed a letter to Jeff Bezos.",
        "2018-10-17",
    ),
    (
        "Shareholders vote down proposal to ban Rekognition sales to governments",
        "The resolution drew less than 3 percent support.",
        "2019-05-22",
    ),
    (
        "Clearview AI plans to expand into banking and retail",
        "The company hopes to sell its face search tool to private companies.",
        "2022-05-25",
    ),
    (
        "Study: face recognition systems struggle with masked faces",
        "NIST tested 89 algorithms.",
        "2020-07-27",
    ),
    (
        "Could Amazon bring back police facial recognition sales?",
        "Analysts say the moratorium might be lifted.",
        "2023-06-01",
    ),
    (
        "Rite Aid used facial recognition in hundreds of stores, report finds",
        "Reuters found the system was deployed mostly in low-income areas.",
        "2020-07-28",
    ),
    (
        "Amazon says it has no plans to extend Rekognition pause",
        "The company did not comment further.",
        "2021-05-01",
    ),
    (
        "Microsoft president would support a pause on police face recognition",
        "Brad Smith said a moratorium could make sense if Congress does not act.",
        "2020-06-01",
    ),
    (
        "Advocacy groups sue Clearview AI in California",
        "The lawsuit alleges the firm's scraping violates state law.",
        "2021-03-09",
    ),
    (
        "Meta weighs bringing back facial recognition for smart glasses",
        "Internal documents show the firm studying a way to name strangers through the lenses.",
        "2025-05-08",
    ),
    (
        "Amazon says it may sell facial recognition to police again",
        "No decision has been taken.",
        "2022-01-01",
    ),
    (
        "Congress weighs moratorium on federal use of facial recognition",
        "The bill would halt use by federal agencies until lawmakers act.",
        "2020-06-25",
    ),
    (
        "Facebook agrees to pay $550 million to settle facial recognition lawsuit",
        "The class action alleged the company's tag suggestions violated Illinois' biometric "
        "privacy law.",
        "2020-01-29",
    ),
    (
        "Google to pay $100 million to settle Illinois face-grouping lawsuit",
        "Google Photos users in the state will receive payments.",
        "2022-06-06",
    ),
    (
        "TikTok settles biometric privacy class actions for $92 million",
        "The lawsuits claimed the app collected face geometry without consent.",
        "2021-02-25",
    ),
]


@pytest.mark.parametrize(("title", "summary", "published"), NOT_CHANGES)
def test_not_a_vendor_change(title: str, summary: str, published: str) -> None:
    f = found(title, summary, published)
    assert f.relevant is False
    assert f.action is None


@pytest.mark.parametrize(
    "title",
    [
        "Will Amazon extend its facial recognition moratorium?",
        "Could Amazon bring back police facial recognition sales?",
        "Est-ce que Microsoft va interdire la reconnaissance faciale à la police ?",
        "Wird Amazon das Moratorium für Gesichtserkennung verlängern?",
        "¿Podría Amazon levantar su moratoria sobre el reconocimiento facial?",
    ],
)
def test_speculative_question_is_not_a_change(title: str) -> None:
    f = found(title, "", "2021-05-01")
    assert (f.relevant, f.action) == (False, None)


def test_statement_of_the_same_change_is_one() -> None:
    """The control for the questions above: the same words as a statement."""
    f = found("Amazon extends its facial recognition moratorium", "", "2021-05-18")
    assert (f.relevant, f.action) == (True, "extension")

"""French, German and Spanish items: the main cues work in each language."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from bot.extract import extract, language
from bot.models import Entry

PUBLISHED = datetime(2020, 6, 11, 9, 0, tzinfo=UTC)


def run(title: str, summary: str, language: str):  # type: ignore[no-untyped-def]
    return extract(
        Entry(feed_id="t", key=title[:30], title=title, summary=summary,
              published=PUBLISHED, language=language)
    )  # fmt: skip


@pytest.mark.parametrize(
    ("language", "title", "summary", "vendor", "action"),
    [
        ("fr", "Amazon gèle pendant un an la vente de sa reconnaissance faciale aux policiers",
         "Le groupe met en pause l'utilisation de Rekognition par les forces de l'ordre.",
         "Amazon", "moratorium"),
        ("fr", "IBM abandonne la reconnaissance faciale",
         "Le groupe ne proposera plus de logiciel de reconnaissance faciale généraliste.",
         "IBM", "exit"),
        ("fr", "Facebook désactive la reconnaissance faciale et supprime les gabarits",
         "Le réseau social va effacer les données biométriques de plus d'un milliard d'utilisateurs.",
         "Meta", "shutdown"),
        ("de", "Microsoft verkauft Gesichtserkennung vorerst nicht an die Polizei",
         "Der Konzern wird seine Gesichtserkennung nicht an Polizeibehörden verkaufen.",
         "Microsoft", "moratorium"),
        ("de", "IBM steigt aus der Gesichtserkennung aus",
         "Der Konzern zieht sich aus dem Geschäft mit Gesichtserkennung zurück.",
         "IBM", "exit"),
        ("de", "Amazon verlängert Moratorium für Gesichtserkennung bei der Polizei",
         "Die Pause gilt nun bis auf Weiteres.",
         "Amazon", "extension"),
        ("es", "Amazon congela doce meses la venta de su reconocimiento facial para los cuerpos policiales",
         "La empresa no venderá Rekognition a las fuerzas de seguridad.",
         "Amazon", "moratorium"),
        ("es", "Meta reanuda el reconocimiento facial en Europa",
         "La empresa vuelve a ofrecer la función tras años de pausa.",
         "Meta", "reversal"),
        ("es", "Clearview AI restringe el acceso a su reconocimiento facial",
         "La empresa limita el uso de su base de datos a clientes verificados.",
         "Clearview AI", "restriction"),
    ],
)  # fmt: skip
def test_vendor_changes_in_other_languages(
    language: str, title: str, summary: str, vendor: str, action: str
) -> None:
    f = run(title, summary, language)
    assert f is not None and f.relevant, f
    assert (f.vendor, f.action) == (vendor, action)


@pytest.mark.parametrize(
    ("language", "title", "summary", "actor"),
    [
        ("fr", "La CNIL inflige une amende à Clearview AI",
         "Le régulateur ordonne à l'entreprise de supprimer les visages collectés.", "regulator"),
        ("de", "Gericht untersagt der Polizei den Einsatz von Gesichtserkennung",
         "Das Urteil verbietet die Nutzung der Gesichtserkennung an Bahnhöfen.", "court"),
        ("es", "El Gobierno prohíbe el reconocimiento facial en espacios públicos",
         "La ley entra en vigor el próximo año.", "government"),
    ],
)  # fmt: skip
def test_authorities_in_other_languages(
    language: str, title: str, summary: str, actor: str
) -> None:
    f = run(title, summary, language)
    assert f is not None
    assert (f.relevant, f.actor_type) == (False, actor)


@pytest.mark.parametrize(
    ("language", "title", "summary"),
    [
        ("fr", "Des associations demandent à Amazon de suspendre la reconnaissance faciale",
         "Une pétition exhorte le groupe à cesser de vendre Rekognition à la police."),
        ("de", "Aktivisten fordern von Amazon einen Stopp der Gesichtserkennung",
         "Sie verlangen, dass der Konzern den Verkauf an die Polizei aussetzt."),
        ("es", "Activistas piden a Amazon que suspenda la venta de reconocimiento facial",
         "Las organizaciones exigen que la empresa deje de vender Rekognition a la policía."),
    ],
)  # fmt: skip
def test_calls_in_other_languages_are_not_changes(language: str, title: str, summary: str) -> None:
    f = run(title, summary, language)
    assert f is None or f.relevant is False


def test_function_words_are_counted_over_the_same_runs_for_ascii_and_other_texts() -> None:
    """An ASCII text is split into runs by a translation table (fewer steps): the same
    runs as the run pattern finds, apostrophes kept inside a run."""
    rng = random.Random(5)
    alphabet = "ab yz'’-.,;:!?\n\t\"()éü_09\x0b\x1c"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 50)))
        for variant in (text, text.encode("ascii", "ignore").decode()):
            assert language._runs(variant) == language._RUN.findall(variant), repr(variant)
    assert language._votes("it's the rule of the day") == {"en": 3}  # "it's" votes for none

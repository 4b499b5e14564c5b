"""Action verbs matched by stem, so every tense, person and participle of one verb counts
(bot/data/cues.yaml: Italian and Portuguese removal, Spanish and Italian pauses,
Portuguese switch-off). Each stem list stands for a family seen in several differently
worded labelled items; the phrasings here are new, with invented vendors."""

from __future__ import annotations

import dataclasses

import pytest

from bot.extract import extract
from bot.models import Finding
from tests.extract_helpers import entry


def _find(title: str, summary: str, language: str) -> Finding | None:
    return extract(dataclasses.replace(entry(title, summary), language=language))


@pytest.mark.parametrize(
    ("title", "summary", "language"),
    [
        # Italian removal: present, past participle, plural, another verb of the stem list
        ("Velmora Tech toglie l'identificazione dei volti dalla sua app per negozi",
         "La funzione sparisce dal prossimo aggiornamento.", "it"),
        ("Velmora Tech, ritirata la ricerca per volto dal suo portale per investigatori",
         "I clienti esistenti hanno un mese di tempo.", "it"),
        ("Velmora Tech elimina il riconoscimento facciale dalle sue telecamere da citofono",
         "Resta il rilevamento del movimento.", "it"),
        ("Velmora Tech ha rimosso il confronto dei volti dal suo servizio di foto",
         "L'azienda parla di una scelta di prodotto.", "it"),
        # Portuguese removal in three tenses
        ("Tarvoni Sistemas retira o reconhecimento facial do seu aplicativo de portaria",
         "A mudança vale a partir de julho.", "pt"),
        ("Tarvoni Sistemas removeu a busca por rosto do seu portal de clientes",
         "Os dados antigos serão apagados.", "pt"),
        ("Tarvoni Sistemas eliminou a comparação de rostos das suas câmeras de portaria",
         "A empresa fala de uma decisão de produto.", "pt"),
    ],
)  # fmt: skip
def test_removal_verbs_in_every_form(title: str, summary: str, language: str) -> None:
    f = _find(title, summary, language)
    assert f is not None and f.relevant and f.actor_type == "vendor", f
    assert f.action in ("restriction", "shutdown"), f


@pytest.mark.parametrize(
    ("title", "summary", "language"),
    [
        # Spanish pause verbs by stem: freeze and paralyse, in the preterite and participle
        ("Quelvar Labs congeló la venta de su reconocimiento facial a la policía",
         "La pausa durará un año mientras se aprueba una ley.", "es"),
        ("Quelvar Labs paralizó sus contratos de reconocimiento facial con ayuntamientos",
         "La empresa espera una norma nacional durante un año.", "es"),
        ("Ventas de reconocimiento facial a la policía congeladas en Quelvar Labs",
         "La empresa las reanudará dentro de un año.", "es"),
        # Italian: "sospeso" as well as "sospende"
        ("Quelvar Labs ha sospeso la vendita del riconoscimento facciale alla polizia",
         "Lo stop durerà un anno.", "it"),
        ("Quelvar Labs sospende per sei mesi il riconoscimento facciale per i comuni",
         "L'azienda attende una legge.", "it"),
    ],
)  # fmt: skip
def test_pause_verbs_in_every_form(title: str, summary: str, language: str) -> None:
    f = _find(title, summary, language)
    assert f is not None and f.relevant and f.actor_type == "vendor", f
    assert f.action == "moratorium", f


@pytest.mark.parametrize(
    ("title", "summary", "language"),
    [
        ("Orvanta desativou o reconhecimento facial do seu aplicativo de fotos",
         "Os modelos de rosto foram apagados.", "pt"),
        ("Orvanta desativa a busca por rosto em todas as suas câmeras",
         "A função deixa de existir em agosto.", "pt"),
    ],
)  # fmt: skip
def test_switch_off_verb_in_every_form(title: str, summary: str, language: str) -> None:
    f = _find(title, summary, language)
    assert f is not None and f.relevant and f.actor_type == "vendor", f
    assert f.action in ("shutdown", "restriction"), f


@pytest.mark.parametrize(
    ("title", "summary", "language"),
    [
        # the same stems about things that are no face-recognition policy
        ("Velmora Tech elimina le commissioni sui pagamenti per i piccoli negozi",
         "La promozione dura fino a dicembre.", "it"),
        ("Tarvoni Sistemas retirou o seu pedido de abertura de capital",
         "A empresa cita o mercado.", "pt"),
        ("Quelvar Labs congeló las contrataciones en su oficina de Madrid",
         "La plantilla se mantiene estable.", "es"),
        ("Orvanta desativou a sua loja online por uma semana",
         "A manutenção terminou na sexta.", "pt"),
        # a police force pausing its own use is no vendor policy
        ("La polizia di Ostrava ha sospeso l'uso del riconoscimento facciale in stazione",
         "Il comando attende il parere del garante.", "it"),
    ],
)  # fmt: skip
def test_the_stems_alone_make_no_vendor_policy(title: str, summary: str, language: str) -> None:
    f = _find(title, summary, language)
    assert f is None or not f.relevant or f.actor_type != "vendor", f

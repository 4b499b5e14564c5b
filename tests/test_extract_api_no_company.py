"""A capitalised "API" is a product word, never a company: the vendor of an item about
its API is the company that owns it (invented vendors and sentences)."""

from __future__ import annotations

import pytest

from bot.extract.resources import resources
from bot.extract.scan import scan


@pytest.mark.parametrize(
    ("title", "summary", "vendor"),
    [
        ("Face identification now needs a review at Quarrel",
         "Quarrel's vision API will compare faces only for customers who pass a manual "
         "check; its emotion scores are retired for all accounts.", "Quarrel"),
        ("Quarrel's vision API stops guessing moods",
         "The API will no longer return emotion scores to any customer.", "Quarrel"),
        ("A API facial da Penwick passa a exigir aprovação",
         "A empresa analisa cada cliente antes de liberar a busca por rosto.", "Penwick"),
    ],
)  # fmt: skip
def test_an_api_is_no_vendor(title: str, summary: str, vendor: str) -> None:
    text = f"{title}\n{summary}"
    names = [v.vendor for v in scan(resources(), title, text).vendors]
    assert "API" not in names and vendor in names, names

"""Realistic vendor policy pages for the page-watch tests (served by tests/feedserver.py).

``render`` fills tests/fixtures/pages/vendor_policy.html: a site header with
navigation, a cookie-consent banner, a rotating promo banner, breadcrumbs, the
policy article with a "Last updated" line, related links, and a footer with the
copyright year, today's date and time and a per-request token. Only ``clauses``
is policy text; everything else may change between fetches without meaning
anything.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

TEMPLATE = (Path(__file__).parent / "fixtures" / "pages" / "vendor_policy.html").read_text(
    encoding="utf-8"
)
BANNERS = (
    "Register now for our developer conference this spring.",
    "New: cloud video storage for small teams.",
    "Read the latest customer stories from our partners.",
)


def render(
    *,
    title: str,
    vendor: str,
    clauses: list[str],
    fetch: int = 0,
    updated: str = "March 4, 2024",
) -> str:
    """The page as served on the ``fetch``-th request: the furniture varies with it."""
    now = datetime.now(UTC) + timedelta(minutes=fetch)
    policy = "\n".join(
        f"<h2>{text[3:]}</h2>" if text.startswith("## ") else f"<p>{text}</p>" for text in clauses
    )
    return TEMPLATE.format(
        title=title,
        vendor=vendor,
        token=secrets.token_hex(16),
        rotation=fetch % len(BANNERS),
        banner=BANNERS[fetch % len(BANNERS)],
        updated=updated,
        policy=policy,
        year=now.year,
        today=now.strftime("%d %B %Y"),
        clock=now.strftime("%H:%M:%S"),
    )


# A police-equipment maker's AI ethics page (vendor named in the page's own words).
AXON_TITLE = "Axon AI ethics principles"
AXON_CLAUSES = [
    "## Our approach",
    "Axon builds technology for public safety agencies and their communities.",
    "An independent ethics board reviews new artificial intelligence products before launch.",
    "## Commitments",
    "Every product team documents the data its models were trained on.",
    "Customers can request an audit log of each automated decision.",
]
AXON_POLICE_CLAUSE = "We will not sell face recognition on body-worn cameras to police departments."

# A cloud vendor's face-service transparency page (the service named, not the vendor).
AZURE_TITLE = "Azure Face service: limited access and transparency"
AZURE_CLAUSES = [
    "## Limited access",
    "Some features of the Face service are available only to approved customers.",
    "We do not sell facial recognition technology to police departments in the United States.",
    "## Responsible use",
    "Customers must tell people when their images are processed by the service.",
    "Applications are reviewed against the published eligibility criteria.",
]
AZURE_COMMITMENT = AZURE_CLAUSES[2]

# A cloud vendor's service terms page: a pause whose term is reworded.
REKOGNITION_TITLE = "Amazon Rekognition service terms"
REKOGNITION_CLAUSES = [
    "## Use by public bodies",
    "Public agencies must disclose their use of the service in their annual reports.",
    "We pause police use of Rekognition face comparison for one year.",
    "## Data handling",
    "Face collections are stored in the region the customer selects.",
]
REKOGNITION_PAUSE = REKOGNITION_CLAUSES[2]
REKOGNITION_INDEFINITE = "We pause police use of Rekognition face comparison indefinitely."

"""Every exported name of R keras 2.x, keras3, tensorflow and tfdatasets has a registry entry, and
`docs/coverage.md` shows the registry as it is."""

from __future__ import annotations

import os

import pytest
from api_coverage import PACKAGES, PAGE, markdown, registry_for, rows


@pytest.mark.parametrize("package", PACKAGES)
def test_every_export_has_an_entry(package: str):
    missing = [row[0] for row in rows(registry_for(package), package) if row[2] == "MISSING"]
    assert missing == []


@pytest.mark.parametrize("package", PACKAGES)
def test_removed_names_say_what_replaces_them(package: str):
    for name, _, status, note in rows(registry_for(package), package):
        if status in ("removed", "replaced", "dropped"):
            assert len(note) > 10, f"{name}: the note must name the replacement"


def test_coverage_page_is_current():
    text = markdown()
    if os.environ.get("UPDATE_EXPECTED") == "1":
        PAGE.write_text(text, encoding="utf-8")
    assert PAGE.read_text(encoding="utf-8") == text

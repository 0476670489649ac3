"""The gettext catalogues cover the source: every message id in a `t(...)` / `N_(...)` call
has a German entry with the same placeholders, and no entry is left for an id that is gone.
`scripts/i18n` updates the catalogues after a change."""

from __future__ import annotations

import string
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from common.i18n import LOCALE_DIR

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("common", "ims_grpc", "oms_grpc", "consumers", "edge_rest")
FORMATTER = string.Formatter()


def source_ids() -> set[str]:
    found: set[str] = set()
    for package in PACKAGES:
        for _, _, message, _, _ in extract_from_dir(
            ROOT / package,
            method_map=[("**.py", "python")],
            keywords={"t": None, "N_": None},
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in FORMATTER.parse(template) if name}


def test_every_message_id_has_a_german_entry_with_its_placeholders() -> None:
    with (LOCALE_DIR / "de" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalog = read_po(po, locale="de")
    entries = {str(m.id): m for m in catalog if m.id}
    ids = source_ids()
    assert len(ids) > 150, "extraction found almost nothing: keywords or packages changed?"
    missing = sorted(i for i in ids if not (i in entries and entries[i].string))
    assert not missing, f"no German entry (run scripts/i18n, then translate): {missing}"
    fuzzy = sorted(i for i in ids if entries[i].fuzzy)
    assert not fuzzy, f"fuzzy German entries (check and unmark): {fuzzy}"
    obsolete = sorted(set(entries) - ids)
    assert not obsolete, f"entries for ids no longer in the source (run scripts/i18n): {obsolete}"
    wrong = sorted(i for i in ids if placeholders(i) != placeholders(str(entries[i].string)))
    assert not wrong, f"German entries whose placeholders differ from the id's: {wrong}"


def test_the_template_lists_exactly_the_source_ids() -> None:
    with (LOCALE_DIR / "messages.pot").open("rb") as pot:
        template = {str(m.id) for m in read_po(pot) if m.id}
    assert template == source_ids(), "common/locale/messages.pot is stale: run scripts/i18n"

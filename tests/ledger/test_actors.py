import pytest

from pledgewatch.errors import LedgerDataError
from pledgewatch.ledger.actors import default_index, load_index, resolve_actor


@pytest.mark.parametrize(
    ("spelling", "donor"),
    [
        ("Tokayev", "Kazakhstan"),
        ("Toqaev", "Kazakhstan"),
        ("President Kassym-Jomart Tokayev", "Kazakhstan"),
        ("Kazakh", "Kazakhstan"),
        ("the UAE", "United Arab Emirates"),
        ("U.A.E.", "United Arab Emirates"),
        ("Emirati", "United Arab Emirates"),
        ("United Arab Emirates", "United Arab Emirates"),
        ("U.S.", "United States"),
        ("Donald Trump", "United States"),
        ("the United Nations", "United Nations"),
        ("UN", "United Nations"),
        ("Korea, Republic of", "South Korea"),
        ("Türkiye", "Turkey"),
        ("Shavkat Mirziyoev", "Uzbekistan"),
        ("Bolivia, Plurinational State of", "Bolivia"),
        ("Kosovo", "Kosovo"),
    ],
)
def test_resolve_actor_maps_every_spelling_to_one_donor(spelling: str, donor: str) -> None:
    assert resolve_actor(spelling) == donor


def test_resolve_actor_keeps_unknown_names_tidied() -> None:
    assert resolve_actor("  the Gaza  Humanitarian Foundation ") == "Gaza Humanitarian Foundation"


def test_person_is_linked_to_the_state_they_speak_for() -> None:
    person = default_index().lookup("Toqaev")
    assert person is not None and person.kind == "person" and person.speaks_for == "Kazakhstan"


def test_person_speaking_for_unknown_actor_is_a_data_error() -> None:
    with pytest.raises(LedgerDataError) as raised:
        load_index({"people": [{"name": "A B", "speaks_for": "Atlantis"}]})
    assert raised.value.code == "PW401" and "Atlantis" in str(raised.value)


def test_entry_without_name_is_a_data_error() -> None:
    with pytest.raises(LedgerDataError):
        load_index({"organisations": [{"aliases": ["X"]}]})

"""The region gazetteer's source: jionlp's division file, read unzipped or straight from the zip
that a fresh install ships (jionlp only unzips it into site-packages on first use)."""

import shutil
import zipfile
from pathlib import Path

import pytest

from reformkg.ingest import lexicons


def _shipped_dir() -> Path:
    dirs = [d for d in lexicons._jionlp_dictionary_dirs() if (d / "china_location.zip").exists()]
    if not dirs:
        pytest.skip("jionlp is not installed")
    return dirs[0]


def test_division_data_is_read_from_the_zip_when_not_unzipped(tmp_path: Path) -> None:
    shutil.copy(_shipped_dir() / "china_location.zip", tmp_path / "china_location.zip")
    text = lexicons.division_text([tmp_path])
    assert "320000" in text and "江苏省" in text  # province code and name
    assert not (tmp_path / "china_location.txt").exists()  # nothing written


def test_zip_and_unzipped_give_the_same_text(tmp_path: Path) -> None:
    with zipfile.ZipFile(_shipped_dir() / "china_location.zip") as zf:
        (tmp_path / "china_location.txt").write_bytes(zf.read("china_location.txt"))
    unzipped = lexicons.division_text([tmp_path]).splitlines()
    zipped = lexicons.division_text([_shipped_dir()]).splitlines()
    same = unzipped == zipped  # not asserted directly: a diff of 12 MB would take minutes
    assert same, f"{len(unzipped)} vs {len(zipped)} lines"


def test_missing_division_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="china_location"):
        lexicons.division_text([tmp_path])


def test_gazetteer_knows_regions_with_codes() -> None:
    gz = lexicons.gazetteer()
    assert len(gz.places) > 3000


def test_a_party_working_committee_is_an_agency_and_a_womens_committee_a_union() -> None:
    from reformkg.ingest import lexicons as lx

    assert lx.org_label_of("某高新区党工委") == "Agency"
    assert lx.org_label_of("某市总工会女工委") == "Union"

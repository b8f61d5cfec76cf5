"""Strict parameters (issue 12): the runner reads each notebook's parameters cell with ``ast``
and refuses unknown names and wrong types; ``country`` takes any name or code; scripts run too."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from tipanalysis import cli, paths, run

FIXTURE = Path(__file__).parent / "fixtures" / "notebooks" / "01_fixture.ipynb"
README = paths.REPO_DIR / "README.md"


def notebook(path: Path, parameters: str, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {path.stem}"),
                nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]})]
    nb.cells += [nbformat.v4.new_code_cell(s) for s in sources]
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"
    nbformat.write(nb, path)
    return path


def test_unknown_parameter_is_refused_naming_the_valid_ones(tmp_path, capsys):
    # `tipanalysis run notebooks/02_ranking.ipynb -p contry=QAT` used to give a Kuwait report.
    path = notebook(tmp_path / "02_x.ipynb", 'country = "KWT"\nlang = "en"', "print(country)")
    code = cli.main(["run", str(path), "-p", "contry=QAT", "--out-dir", str(tmp_path / "o"),
                     "--no-progress"])
    assert code == 1
    err = capsys.readouterr().err
    assert "02_x.ipynb has no parameter 'contry'; its parameters: country, lang" in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


def test_committed_notebook_refuses_a_misspelt_parameter(tmp_path):
    with pytest.raises(ValueError, match="no parameter 'contry'; its parameters: country, lang"):
        run.run_notebooks([paths.notebooks_dir() / "02_ranking.ipynb"], {"contry": "QAT"},
                          out=tmp_path / "o", progress=False)
    with pytest.raises(ValueError, match="no parameter 'year'"):
        run.run_notebooks([paths.notebooks_dir() / "02_ranking.ipynb"], {"year": 2025},
                          out=tmp_path / "o", progress=False)


@pytest.mark.parametrize(("value", "message"), [
    ("ten", "parameter 'n' takes a int (default 5), not 'ten'"),
    ("true", "parameter 'n' takes a int (default 5), not True"),
    ("1.5", "parameter 'n' takes a int"),
])
def test_values_must_have_the_defaults_type(tmp_path, value, message):
    path = notebook(tmp_path / "01_t.ipynb", "n = 5\nrate = 0.5\nflag = False\nwho = None")
    with pytest.raises(ValueError, match=re.escape(message)):
        run.run_notebooks([path], run.parse_parameters([f"n={value}"]), out=tmp_path / "o",
                          progress=False)


def test_check_parameters_conversions():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "n = 5\nrate = 0.5\nflag = False\nwho = None\nlabel = 'x'",
        metadata={"tags": ["parameters"]})])
    checked = run.check_parameters(nb, {"rate": 1, "flag": True, "who": [1], "label": 2025})
    assert checked == {"rate": 1.0, "flag": True, "who": [1], "label": "2025"}
    assert type(checked["rate"]) is float
    with pytest.raises(ValueError, match="takes a bool"):
        run.check_parameters(nb, {"flag": 1})


@pytest.mark.parametrize("given", ["Qatar", "QA", "QAT", "634", "قطر"])
def test_country_is_normalised_to_iso3(given):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "country = 'KWT'", metadata={"tags": ["parameters"]})])
    assert run.check_parameters(nb, {"country": run.parse_value(given)}) == {"country": "QAT"}


def test_unknown_country_is_one_line(tmp_path, capsys):
    path = notebook(tmp_path / "02_x.ipynb", 'country = "KWT"')
    assert cli.main(["run", str(path), "-p", "country=Atlantis", "--no-progress",
                     "--out-dir", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err.strip()
    assert "Atlantis" in err and len(err.splitlines()) == 1


def test_country_name_reaches_the_kernel_as_iso3(tmp_path):
    path = notebook(tmp_path / "02_x.ipynb", 'country = "KWT"', "print('got', country)")
    [result] = run.run_notebooks([path], {"country": "Qatar"}, out=tmp_path / "o",
                                 progress=False)
    assert result.ok, result.error
    executed = nbformat.read(tmp_path / "o" / "02_x.ipynb", as_version=4)
    assert "got QAT" in "".join(o.get("text", "") for c in executed.cells
                                if c.cell_type == "code" for o in c.outputs)
    assert executed.metadata.tipanalysis.parameters == {"country": "QAT"}


def test_several_notebooks_take_the_parameters_they_declare(tmp_path):
    # The index used to list country='QAT' for 03, which has no such parameter.
    a = notebook(tmp_path / "01_a.ipynb", 'country = "KWT"', "print(country)")
    b = notebook(tmp_path / "02_b.ipynb", 'as_of = "2025-12-31"', "print(as_of)")
    results = run.run_notebooks([a, b], {"country": "QAT"}, out=tmp_path / "o", progress=False)
    assert [r.parameters for r in results] == [{"country": "QAT"}, {}]
    index = (tmp_path / "o" / "index.html").read_text(encoding="utf-8")
    row_b = next(line for line in index.splitlines() if "02_b.html" in line)
    assert "country" not in row_b and "as_of" in row_b
    with pytest.raises(ValueError, match=r"no notebook has a parameter 'seed' \(01_a.ipynb: "
                                         r"country; 02_b.ipynb: as_of\)"):
        run.run_notebooks([a, b], {"seed": 1}, out=tmp_path / "o", progress=False)


def test_paired_script_runs_like_its_notebook(tmp_path):
    # `tipanalysis run notebooks/02_ranking.py` used to fail: "Notebook does not appear to be JSON".
    shutil.copy(FIXTURE, tmp_path / "01_fixture.ipynb")
    shutil.copy(FIXTURE.with_suffix(".py"), tmp_path / "01_fixture.py")
    script = tmp_path / "01_fixture.py"
    assert cli.main(["run", str(script), "-p", "n=3", "--out-dir", str(tmp_path / "a"),
                     "--no-progress"]) == 0
    run.run_notebooks([tmp_path / "01_fixture.ipynb"], {"n": 3}, out=tmp_path / "b",
                      progress=False)
    for name in ("01_fixture.html", "01_fixture.ipynb", "index.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    # A script without its notebook still runs, with ids that do not change between runs.
    (tmp_path / "01_fixture.ipynb").unlink()
    for out in ("c", "d"):
        assert run.run_notebooks([script], out=tmp_path / out, progress=False)[0].ok
    assert ((tmp_path / "c" / "01_fixture.ipynb").read_bytes()
            == (tmp_path / "d" / "01_fixture.ipynb").read_bytes())


# --------------------------------------------------------------------------- README
def _declared() -> dict[str, dict]:
    return {p.stem: run.default_parameters(nbformat.read(p, as_version=4))
            for p in run.discover_notebooks()}


def test_readme_parameter_table_matches_the_notebooks():
    declared = _declared()
    text = README.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\d\d_\w+)` \| ([^|]*) \|", text, re.M)
    assert {stem for stem, _ in rows} == set(declared)
    for stem, cell in rows:
        assert set(re.findall(r"`(\w+)`", cell)) == set(declared[stem]), stem


def test_readme_run_examples_use_existing_parameters():
    declared = _declared()
    everything = set().union(*declared.values())
    text = README.read_text(encoding="utf-8")
    examples = [line for line in text.splitlines() if "tipanalysis run" in line and "-p " in line]
    assert examples
    for line in examples:
        stems = re.findall(r"notebooks/(\d\d_\w+)\.(?:ipynb|py)", line)
        for key in re.findall(r"-p (\w+)=", line):
            if stems:
                assert all(key in declared[s] for s in stems), line
            else:
                assert key in everything, line
    # Prose that names a parameter (e.g. "a `seed` parameter") names one that exists.
    for name in re.findall(r"`(\w+)` parameter", text):
        assert name in everything, name


def test_a_page_run_in_arabic_reads_right_to_left(tmp_path):
    path = notebook(tmp_path / "01_page.ipynb", "lang = 'en'", "print(lang)")
    [result] = run.run_notebooks([path], {"lang": "ar"}, out=tmp_path / "ar", progress=False)
    assert result.ok, str(result.error)
    page = (tmp_path / "ar" / "01_page.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    [result] = run.run_notebooks([path], {}, out=tmp_path / "en", progress=False)
    page = (tmp_path / "en" / "01_page.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' not in page and '<html lang="en">' in page

"""The notebook runner: parameters, reports, failures, atomic replacement of reports/."""

from __future__ import annotations

import ast
import json
import math
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipanalysis import cli, run

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
FIXTURE = FIXTURES / "01_fixture.ipynb"


def make_notebook(path: Path, *sources: str, parameters: str = "x = 1") -> Path:
    """Write a notebook: a heading, a ``parameters`` cell, then one code cell per source."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {path.stem}"),
                nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]})]
    nb.cells += [nbformat.v4.new_code_cell(s) for s in sources]
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"
    nbformat.write(nb, path)
    return path


# --------------------------------------------------------------------------- parameters
@pytest.mark.parametrize(("raw", "expected"), [
    ("2025", 2025), ("1.5", 1.5), ("True", True), ("true", True), ("false", False),
    ("null", None), ("None", None), ("'ar'", "ar"), ("ar", "ar"), ("[1, 2]", [1, 2]),
    ('{"a": true}', {"a": True}), ("2025-2028", "2025-2028"), ("NaN", "NaN"),
    ("__import__('os').getcwd()", "__import__('os').getcwd()"), ("", ""),
])
def test_parse_value(raw, expected):
    assert run.parse_value(raw) == expected
    assert type(run.parse_value(raw)) is type(expected)


def test_parse_parameters_rejects_non_identifiers():
    assert run.parse_parameters(["lang=ar", "years=[2024, 2025]"]) == {
        "lang": "ar", "years": [2024, 2025]}
    for bad in ["lang", "2x=1", "a-b=1", "=1"]:
        with pytest.raises(ValueError, match="KEY=VALUE"):
            run.parse_parameters([bad])


literals = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=8,
)


def check_value_roundtrip(parse):
    """Property: any literal written on the command line comes back as the same value."""

    @settings(max_examples=150, deadline=None)
    @given(literals)
    def prop(value):
        assert parse(repr(value)) == value

    prop()


def test_parse_value_roundtrips_literals():
    check_value_roundtrip(run.parse_value)


def test_roundtrip_property_catches_a_broken_parser():
    # The property must be able to fail: a parser that returns the text unchanged breaks it.
    with pytest.raises(AssertionError):
        check_value_roundtrip(lambda text: text)


param_dicts = st.dictionaries(
    st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(
        lambda k: k not in {"if", "in", "is", "or", "as", "def", "for", "not", "and", "del",
                            "try", "else", "elif", "from", "with", "pass", "class", "while",
                            "async", "await", "break", "raise", "yield", "global", "lambda",
                            "assert", "import", "return", "finally", "continue", "nonlocal",
                            "except"}),
    literals, min_size=1, max_size=5)


def check_injection(inject):
    """Property: injected cell sits right after ``parameters``, reads back as the parameters,
    leaves every other cell alone, and injecting twice leaves a single injected cell."""
    base = nbformat.v4.new_notebook()
    base.cells = [nbformat.v4.new_markdown_cell("# t"),
                  nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
                  nbformat.v4.new_code_cell("print(x)")]

    @settings(max_examples=100, deadline=None)
    @given(param_dicts)
    def prop(params):
        out = inject(inject(base, {"unused": 0}), params)
        injected = [i for i, c in enumerate(out.cells)
                    if "injected-parameters" in c.metadata.get("tags", [])]
        assert injected == [2]
        tree = ast.parse(out.cells[2].source)
        read = {n.targets[0].id: ast.literal_eval(n.value) for n in tree.body}
        assert read == params
        others = [c.source for i, c in enumerate(out.cells) if i != 2]
        assert others == [c.source for c in base.cells]

    prop()


def test_inject_parameters_property():
    check_injection(run.inject_parameters)


def test_injection_property_catches_a_misplaced_cell():
    def append_at_end(nb, params):
        out = run.inject_parameters(nb, params)
        cell = next(c for c in out.cells if "injected-parameters" in c.metadata.get("tags", []))
        out.cells.remove(cell)
        out.cells.append(cell)
        return out

    with pytest.raises(AssertionError):
        check_injection(append_at_end)


def test_inject_without_parameters_cell_is_an_error():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    assert len(run.inject_parameters(nb, {}).cells) == 1
    with pytest.raises(ValueError, match="no cell is tagged 'parameters'"):
        run.inject_parameters(nb, {"x": 2})


def test_render_refuses_values_without_a_literal():
    with pytest.raises(ValueError, match="no Python literal"):
        run.render_parameters({"x": math.nan})


def test_default_parameters_are_parsed_not_executed(tmp_path):
    marker = tmp_path / "executed"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        f"lang = 'en'\nyear = 2025\nside = open({str(marker)!r}, 'w')\nimport os",
        metadata={"tags": ["parameters"]})]
    assert run.default_parameters(nb) == {"lang": "en", "year": 2025}
    assert not marker.exists()


def test_notebook_title():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("# a comment, not a heading"),
        nbformat.v4.new_markdown_cell("Intro text\n\n## الفئات، 2001–2025 ##")])
    assert run.notebook_title(nb, "fallback") == "الفئات، 2001–2025"
    assert run.notebook_title(nbformat.v4.new_notebook(), "fallback") == "fallback"


# --------------------------------------------------------------------------- discovery, checks
def test_discover_notebooks_only_numbered(tmp_path):
    for name in ["02_b.ipynb", "01_a.ipynb", "scratch.ipynb", "1_short.ipynb", "03_c.py"]:
        (tmp_path / name).write_text("{}")
    assert [p.name for p in run.discover_notebooks(tmp_path)] == ["01_a.ipynb", "02_b.ipynb"]
    assert run.discover_notebooks(tmp_path / "missing") == []


def fixture_copy(tmp_path: Path, name: str = "01_fixture") -> Path:
    shutil.copy(FIXTURE, tmp_path / f"{name}.ipynb")
    shutil.copy(FIXTURE.with_suffix(".py"), tmp_path / f"{name}.py")
    return tmp_path / f"{name}.ipynb"


def test_notebook_problems_accepts_the_fixture(tmp_path):
    assert run.notebook_problems(fixture_copy(tmp_path)) == []


def test_notebook_problems_flags_outputs(tmp_path):
    path = fixture_copy(tmp_path)
    nb = nbformat.read(path, as_version=4)
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hi\n")]
    code.execution_count = 3
    nbformat.write(nb, path)
    problems = run.notebook_problems(path)
    assert any("carries outputs" in p for p in problems)
    assert any("execution count" in p for p in problems)


def test_notebook_problems_flags_drifted_pair(tmp_path):
    path = fixture_copy(tmp_path)
    script = path.with_suffix(".py")
    script.write_text(script.read_text() + "\n# %%\nprint('only in the script')\n")
    assert any("has drifted (script has 5 cells" in p for p in run.notebook_problems(path))
    shutil.copy(FIXTURE.with_suffix(".py"), script)
    script.write_text(script.read_text().replace("n = 5", "n = 6"))
    assert any("has drifted (cell 2 differs)" in p for p in run.notebook_problems(path))
    script.write_text(script.read_text().replace("n = 6", "n = 5").replace(
        '# %% tags=["parameters"]', "# %%"))
    assert any("has drifted (cell 2 differs)" in p for p in run.notebook_problems(path))
    # Notebook-level metadata (kernelspec) is kept out of the scripts on purpose: not drift.
    shutil.copy(FIXTURE.with_suffix(".py"), script)
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    assert run.notebook_problems(path) == []
    script.unlink()
    assert any("is missing" in p for p in run.notebook_problems(path))


def test_notebook_problems_flags_name_and_parameters(tmp_path):
    path = make_notebook(tmp_path / "analysis.ipynb", "print(1)")
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].metadata = {}
    nbformat.write(nb, path)
    problems = run.notebook_problems(path)
    assert any("not NN_name" in p for p in problems)
    assert any("no cell tagged 'parameters'" in p for p in problems)


# --------------------------------------------------------------------------- execution
def test_run_writes_reports_with_parameters_and_hidden_code(tmp_path):
    out = tmp_path / "reports"
    nb_path = fixture_copy(tmp_path)
    [result] = run.run_notebooks([nb_path], {"n": 7, "lang": "ar"}, out=out, jobs=1,
                                 progress=False)
    assert result.ok and result.n_cells == 5
    if sys.platform == "linux":  # read from /proc/<kernel pid>/status
        assert 10 * 2**20 < result.peak_rss < 2**31
    assert sorted(p.name for p in out.iterdir()) == [
        ".tipanalysis-run.json", "01_fixture.html", "01_fixture.ipynb", "index.html"]
    executed = nbformat.read(out / "01_fixture.ipynb", as_version=4)
    stdout = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code"
                     for o in c.outputs)
    assert "lang=ar n=7" in stdout
    assert executed.cells[2].metadata.tags == ["injected-parameters"]
    assert executed.metadata.tipanalysis.parameters == {"n": 7, "lang": "ar"}
    assert any("image/png" in o.get("data", {}) for c in executed.cells
               if c.cell_type == "code" for o in c.outputs)
    page = (out / "01_fixture.html").read_text()
    assert "lang=ar n=7" in page
    assert "default_rng" not in page  # code cells hidden in report notebooks
    assert "<title>Fixture report: seeded numbers and a figure</title>" in page
    index = (out / "index.html").read_text()
    assert '<a href="01_fixture.html">Fixture report: seeded numbers and a figure</a>' in index
    assert "lang = &#x27;ar&#x27;, n = 7, seed = 2025" in index


def test_failure_names_notebook_cell_and_error_and_keeps_previous_reports(tmp_path, capsys):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "index.html").write_text("previous index")
    (out / "01_old.html").write_text("previous report")
    good = fixture_copy(tmp_path)
    bad = make_notebook(tmp_path / "02_bad.ipynb", "y = 2", "total = y\n1 / 0", "print('after')")
    code = cli.main(["run", str(good), str(bad), "--out", str(out), "--no-progress",
                     "--jobs", "2"])
    assert code == 1
    err = capsys.readouterr().err
    assert f"{bad}: cell 4 ('total = y') raised ZeroDivisionError: division by zero" in err
    assert "01_fixture" not in err
    assert sorted(p.name for p in out.iterdir()) == ["01_old.html", "index.html"]
    assert (out / "index.html").read_text() == "previous index"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["01_fixture.ipynb", "01_fixture.py", "02_bad.ipynb", "reports"])  # no staging left


def test_failure_cell_number_ignores_injected_cell(tmp_path):
    bad = make_notebook(tmp_path / "03_bad.ipynb", "raise KeyError('tier')")
    [result] = run.run_notebooks([bad], {"x": 5}, out=tmp_path / "out", progress=False)
    assert (result.error.cell_number, result.error.ename) == (3, "KeyError")
    assert result.error.cell_line == "raise KeyError('tier')"
    assert not (tmp_path / "out").exists()


def test_selection_keeps_other_reports_and_full_run_rebuilds(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    out.mkdir()
    (out / ".gitkeep").write_text("")
    (out / "07_other.html").write_text("kept")
    (out / "07_other.ipynb").write_text(nbformat.writes(nbformat.v4.new_notebook()))
    nb_dir = tmp_path / "notebooks"
    nb_dir.mkdir()
    first = make_notebook(nb_dir / "01_a.ipynb", "print('a')")
    make_notebook(nb_dir / "02_b.ipynb", "print('b')")

    run.run_notebooks([first], out=out, progress=False)
    names = sorted(p.name for p in out.iterdir())
    assert names == [".gitkeep", ".tipanalysis-run.json", "01_a.html", "01_a.ipynb",
                     "07_other.html", "07_other.ipynb", "index.html"]
    # 07_other.* were not written by the runner: kept, but not listed as reports
    assert "07_other.html" not in (out / "index.html").read_text()

    from tipanalysis import paths
    monkeypatch.setattr(paths, "notebooks_dir", lambda: nb_dir)
    results = run.run_notebooks(None, out=out, jobs=2, progress=False)
    assert [r.path.name for r in results] == ["01_a.ipynb", "02_b.ipynb"]
    # A full run rebuilds what the runner wrote and leaves the rest (issue 16).
    assert sorted(p.name for p in out.iterdir()) == [
        ".gitkeep", ".tipanalysis-run.json", "01_a.html", "01_a.ipynb", "02_b.html",
        "02_b.ipynb", "07_other.html", "07_other.ipynb", "index.html"]


def test_missing_notebook_and_duplicate_names(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such notebook"):
        run.run_notebooks([tmp_path / "01_none.ipynb"], out=tmp_path / "o", progress=False)
    a = make_notebook(tmp_path / "01_a.ipynb")
    (tmp_path / "sub").mkdir()
    b = make_notebook(tmp_path / "sub" / "01_a.ipynb")
    with pytest.raises(ValueError, match="share a name"):
        run.run_notebooks([a, b], out=tmp_path / "o", progress=False)


def test_parameters_without_parameters_cell_fail_cleanly(tmp_path, capsys):
    path = tmp_path / "01_plain.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), path)
    code = cli.main(["run", str(path), "-p", "lang=ar", "--out", str(tmp_path / "o"),
                     "--no-progress"])
    assert code == 1
    assert "no cell is tagged 'parameters'" in capsys.readouterr().err


def test_empty_run_writes_an_index(tmp_path, monkeypatch, capsys):
    from tipanalysis import paths
    monkeypatch.setattr(paths, "notebooks_dir", lambda: tmp_path / "none")
    assert cli.main(["run", "--out", str(tmp_path / "o"), "--no-progress"]) == 0
    assert "No report notebooks yet" in (tmp_path / "o" / "index.html").read_text()
    assert "no report notebooks" in capsys.readouterr().err


def test_import_run_is_cheap(tmp_path):
    import subprocess

    code = ("import sys, tipanalysis, tipanalysis.run, tipanalysis.cli\n"
            "heavy = {'pandas', 'numpy', 'matplotlib', 'nbclient', 'nbconvert', 'nbformat',"
            " 'jupyter_client', 'tqdm', 'geopandas', 'statsmodels'}\n"
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_kernels_are_shut_down_after_success_and_failure(tmp_path):
    import psutil

    bad = make_notebook(tmp_path / "01_bad.ipynb", "raise ValueError('x')")
    for path in (FIXTURE, bad):
        run.execute_notebook(path)
        assert psutil.Process().children(recursive=True) == []


def test_docstring_examples_run():
    import doctest

    assert doctest.testmod(run, optionflags=doctest.ELLIPSIS).failed == 0


def test_jobs_run_notebooks_side_by_side(tmp_path):
    # Each notebook marks its start and waits for the other's mark: only concurrent kernels can
    # both finish. With --jobs 1 the first one waits alone and fails (the control below).
    wait = ("import pathlib, time\n"
            "pathlib.Path(mine).touch()\n"
            "deadline = time.monotonic() + wait\n"
            "while not pathlib.Path(other).exists():\n"
            "    assert time.monotonic() < deadline, 'ran alone'\n"
            "    time.sleep(0.05)")
    a, b = tmp_path / "a.mark", tmp_path / "b.mark"
    first = make_notebook(tmp_path / "01_a.ipynb", wait,
                          parameters=f"mine = {str(a)!r}\nother = {str(b)!r}\nwait = 120")
    second = make_notebook(tmp_path / "02_b.ipynb", wait,
                           parameters=f"mine = {str(b)!r}\nother = {str(a)!r}\nwait = 120")
    results = run.run_notebooks([first, second], out=tmp_path / "par", jobs=2, progress=False)
    assert [r.ok for r in results] == [True, True]

    a.unlink()
    b.unlink()
    results = run.run_notebooks([first, second], {"wait": 2}, out=tmp_path / "seq", jobs=1,
                                progress=False)
    assert results[0].error.evalue == "ran alone"


def test_files_a_notebook_writes_are_published_with_the_reports(tmp_path):
    # A notebook (like 05_policy_brief) writes its own files into paths.reports_dir(), which
    # the runner points at its staging folder: they appear in out/ and in the index.
    out = tmp_path / "reports"
    writer = make_notebook(
        tmp_path / "01_writer.ipynb",
        "from tipanalysis import paths\n"
        "(paths.reports_dir() / 'brief_XYZ_en.html').write_text("
        "'<html><head><title>Brief &amp; more</title></head></html>')\n"
        "(paths.reports_dir() / 'brief_XYZ_en.pdf').write_bytes(b'%PDF-1.7')")
    other = make_notebook(tmp_path / "02_other.ipynb", "print('b')")
    assert all(r.ok for r in run.run_notebooks([writer, other], out=out, progress=False))
    assert (out / "brief_XYZ_en.pdf").read_bytes() == b"%PDF-1.7"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="brief_XYZ_en.html">Brief &amp; more</a>' in index
    assert '<a href="brief_XYZ_en.pdf">brief_XYZ_en.pdf</a>' in index
    # nothing leaks into the repository's reports/ folder
    assert not (run.paths.REPO_DIR / "reports" / "brief_XYZ_en.pdf").exists()

    # a selective rerun of the other notebook keeps the files written earlier
    assert all(r.ok for r in run.run_notebooks([other], out=out, progress=False))
    assert (out / "brief_XYZ_en.pdf").exists()
    assert "brief_XYZ_en.pdf" in (out / "index.html").read_text(encoding="utf-8")


def test_failed_run_publishes_no_file_a_notebook_wrote(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "index.html").write_text("previous")
    failing = make_notebook(
        tmp_path / "01_writer.ipynb",
        "from tipanalysis import paths\n(paths.reports_dir() / 'brief.html').write_text('x')",
        "1 / 0")
    assert not run.run_notebooks([failing], out=out, progress=False)[0].ok
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert (out / "index.html").read_text() == "previous"


# --------------------------------------------------------------------------- scheduling
def test_schedule_starts_longest_first_and_unknown_before_known(tmp_path: Path) -> None:
    a, b, c, d = (tmp_path / n for n in "abcd")
    durations = {str(a): 2.0, str(b): 9.5, str(d): 2.0}
    # c was never timed: first. Then b (9.5 s); a and d tie at 2 s and keep their order.
    assert run.schedule([a, b, c, d], durations) == [c, b, a, d]
    assert run.schedule([a, b], {}) == [a, b]


def test_schedule_takes_the_order_that_ends_soonest(tmp_path: Path) -> None:
    books = [tmp_path / f"0{i}.ipynb" for i in range(1, 6)]
    times = dict(zip((str(p) for p in books), [3.3, 8.7, 4.1, 5.9, 11.1], strict=True))
    lpt = sorted(books, key=lambda p: -times[str(p)])
    assert run.makespan([times[str(p)] for p in lpt], jobs=2) == pytest.approx(17.9)
    # Longest first would leave 3.3 s for the end (17.9 s); one worker taking 11.1 + 5.9 and
    # the other 8.7 + 4.1 + 3.3 ends at 17.0 s, the best two workers can do here.
    order = run.schedule(books, times, jobs=2)
    assert run.makespan([times[str(p)] for p in order], jobs=2) == pytest.approx(17.0)
    assert order[0] == books[4]
    # One worker: nothing to gain, longest first. Too many to try every order: longest first.
    assert run.schedule(books, times, jobs=1) == lpt
    many = [tmp_path / f"{i:02d}.ipynb" for i in range(run.EXHAUSTIVE_SCHEDULE + 1)]
    assert run.schedule(many, {str(p): float(i) for i, p in enumerate(many)}) == many[::-1]


@pytest.mark.parametrize(("seconds", "jobs", "expected"), [
    ([], 2, 0.0), ([5.0], 3, 5.0), ([4, 3, 3, 2], 2, 6.0), ([4, 3, 3, 2], 1, 12.0),
    ([2, 2, 2], 2, 4.0), ([1, 1, 1, 1], 8, 1.0)])
def test_makespan(seconds: list[float], jobs: int, expected: float) -> None:
    assert run.makespan(seconds, jobs) == expected


def test_durations_round_trip_and_forget_missing_notebooks(tmp_path: Path) -> None:
    kept, gone = tmp_path / "01_kept.ipynb", tmp_path / "02_gone.ipynb"
    kept.write_text("{}")
    ok = run.NotebookResult(path=kept, parameters={}, seconds=3.25)
    failed = run.NotebookResult(path=gone, parameters={}, seconds=1.0,
                                error=run.NotebookRunError(gone, 1, "x", "E", "boom"))
    cache = tmp_path / "cache"
    run.record_durations([ok, failed], cache)
    assert run.read_durations(cache) == {str(kept.resolve()): 3.25}  # failures not recorded
    (cache / run.DURATIONS_FILE).write_text(
        f'{{"{gone}": 4.0, "{kept.resolve()}": 1.5, "x": "slow", "y": true}}')
    assert run.read_durations(cache) == {str(gone): 4.0, str(kept.resolve()): 1.5}
    run.record_durations([], cache)  # the notebook that no longer exists is dropped
    assert run.read_durations(cache) == {str(kept.resolve()): 1.5}


@pytest.mark.parametrize("content", ["", "not json", "[1, 2]"])
def test_unreadable_duration_record_is_no_hint(tmp_path: Path, content: str) -> None:
    (tmp_path / run.DURATIONS_FILE).write_text(content)
    assert run.read_durations(tmp_path) == {}
    assert run.read_durations(tmp_path / "missing") == {}


def test_parallel_run_starts_the_notebook_known_to_be_longest_first(
        tmp_path: Path, private_cache: Path) -> None:
    log = tmp_path / "starts.txt"
    record = f"import time; open({str(log)!r}, 'a').write(f'{{name}} {{time.time_ns()}}\\n')"
    books = [make_notebook(tmp_path / f"0{i}_{n}.ipynb", record, parameters=f"name = {n!r}")
             for i, n in enumerate(["a", "b", "c"], start=1)]
    # The record says c is the longest: with two workers c starts with a, and b waits for a
    # worker. In the order given, a and b would start and c would wait.
    c, b, a = (str(p.resolve()) for p in books[::-1])
    (private_cache / run.DURATIONS_FILE).write_text(json.dumps({c: 30.0, b: 0.1, a: 0.1}))
    results = run.run_notebooks(books, out=tmp_path / "out", jobs=2, progress=False)
    assert [r.path for r in results] == books  # results keep the order given
    starts = dict(line.split() for line in log.read_text().splitlines())
    assert int(starts["c"]) < int(starts["b"])
    recorded = run.read_durations(private_cache)
    assert set(recorded) == {str(p.resolve()) for p in books}
    assert all(0 < s < 30 for s in recorded.values())


def test_atomic_text_write_follows_the_umask(tmp_path: Path) -> None:
    import os

    saved = os.umask(0o027)
    try:
        run._atomic_write_text(tmp_path / "index.html", "x")
    finally:
        os.umask(saved)
    assert (tmp_path / "index.html").stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]  # no temporary file left


def test_no_home_folder_only_loses_the_ordering_hint(tmp_path: Path, monkeypatch, capsys) -> None:
    from tipanalysis import paths

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(paths, "cache_dir", no_home)
    assert run.read_durations() == {}
    ok = run.NotebookResult(path=tmp_path / "01_a.ipynb", parameters={}, seconds=1.0)
    run.record_durations([ok])  # does not raise
    assert "no cache folder" in capsys.readouterr().err

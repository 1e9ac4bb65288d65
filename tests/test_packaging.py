"""The wheel carries rules/ and grammar/ and works away from the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import LETTERS, ROOT


def test_installed_wheel_reports_from_another_directory(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("lettercheck-*.whl")
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    assert (site / "checker" / "_data" / "rules" / "core" / "dates.yaml").is_file()
    assert (site / "checker" / "_data" / "grammar" / "letter.lark").is_file()
    assert (site / "checker" / "schemas" / "check.schema.json").is_file()  # the --format json schema
    assert (site / "checker" / "schemas" / "config.schema.json").is_file()  # lettercheck schema config
    templates = site / "checker" / "output" / "templates"
    assert {"letter.html.j2", "macros.html.j2", "report.css", "report.js"} <= {
        p.name for p in templates.iterdir()
    }
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import checker.resources as r; print(r.resource_path('rules'))"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip().startswith(str(site))
    uses_prebuilt = (  # the data built ahead of time ships, and matches the sources beside it
        "from checker import prebuilt; from checker.checking.rule_packs import core_dir, rule_files; "
        "from checker.reading.parser import parser; "
        "print(prebuilt.load('vocabulary') is not None, parser().source_path, "
        "all(prebuilt.shipped_yaml(p) is not None for p in rule_files(core_dir())))"
    )
    prebuilt = subprocess.run(
        [sys.executable, "-c", uses_prebuilt],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert prebuilt.stdout.split() == ["True", "<deserialized>", "True"]
    report = subprocess.run(
        [
            sys.executable,
            "-m",
            "checker",
            "report",
            str(LETTERS / "kent_focused_2019.md"),
            "--format",
            "json",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert report.returncode == 0, report.stderr
    letter = json.loads(report.stdout)["letters"][0]
    assert letter["local_authority"] == "Kent" and letter["visit_dates"] == ["2019-01-14", "2019-01-15"]
    check = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(LETTERS)],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    html = ["report", str(LETTERS / "kent_focused_2019.md"), "--format", "html"]
    for command in (
        ["rules", "--format", "json"],
        ["explain", "SUP001"],
        ["schema"],
        ["schema", "check-json"],
        html,
    ):
        done = subprocess.run(
            [sys.executable, "-m", "checker", *command],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
    assert (
        "Focused visit to Kent county council children" in done.stdout and "<style>" in done.stdout
    )  # templates from the wheel


def test_version_does_not_import_lark_or_rich():
    code = (
        "import sys; sys.argv = ['lettercheck', '--version']; from checker.cli import main; main(); "
        "print('lark' in sys.modules, 'rich' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "False False"


def test_version_is_answered_before_typer_is_imported():
    code = (
        "import sys; sys.argv = ['lettercheck', '--version']; from checker.cli import main; main(); "
        "print(sorted(m for m in ('typer', 'lark', 'rich', 'yaml', 'checker.cli.commands') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [f"lettercheck {__import__('checker').__version__}", "[]"]


def test_check_reads_its_options_without_pydantic():
    """typer coerces options through pydantic, some 50 ms of a start; plain
    options are read without it (checker.cli.values), and so are bad ones."""
    code = (
        "import sys; sys.argv = ['lettercheck', 'check', {path!r}, '-f', 'concise', '-j', {jobs!r}, "
        "'--select', 'DATE,STR']\nfrom checker.cli import main\ntry: main()\nexcept SystemExit: pass\n"
        "print('pydantic' in sys.modules, file=sys.stderr)"
    )
    for jobs in ("1", "x"):
        source = code.format(path=str(LETTERS / "kent_focused_2019.md"), jobs=jobs)
        done = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True)
        assert done.stderr.splitlines()[-1] == "False", done.stderr
    assert "'-j': not a whole number" in done.stderr


def test_jinja2_is_imported_only_for_html():
    code = (
        "import sys; sys.argv = ['lettercheck', 'report', {path!r}, '--format', {fmt!r}]; "
        "from checker.cli import main\ntry: main()\nexcept SystemExit: pass\n"
        "print('jinja2' in sys.modules, file=sys.stderr)"
    )
    for fmt, imported in (("json", "False"), ("html", "True")):
        source = code.format(path=str(LETTERS / "kent_focused_2019.md"), fmt=fmt)
        done = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, check=True)
        assert done.stderr.splitlines()[-1] == imported, fmt


def _imported(*command: str) -> set[str]:
    """The modules `python -X importtime -m checker COMMAND` imports."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "checker", *command], capture_output=True, text=True
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")
    }


def test_a_text_only_check_imports_no_pdf_or_word_reader():
    """Reading PDF and Word letters costs a text-only run nothing at start:
    PDFium, the zip and XML readers and lettercheck's own PDF and Word
    modules are imported only when such a file is read."""
    readers = {
        "pypdfium2",
        "zipfile",
        "xml.etree.ElementTree",
        "checker.reading.pdf",
        "checker.reading.pdf_layout",
        "checker.reading.docx",
        "checker.reading.document",
    }
    text_only = _imported("check", str(LETTERS / "kent_focused_2019.md"), "-f", "concise")
    assert "checker.reading.file_types" in text_only  # the file's type was looked at
    assert text_only & readers == set()
    pdf = _imported("check", str(ROOT / "fixtures" / "pdf" / "medway_focused_2019.pdf"), "-f", "concise")
    assert {"pypdfium2", "checker.reading.pdf", "checker.reading.document"} <= pdf
    assert "checker.reading.docx" not in pdf

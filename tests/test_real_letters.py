"""Published letters (fixtures/real/): quiet except for their recorded real
defects (benchmarks/calibration/verdicts.tsv), each found at its line, and read into
the right model whatever their format."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from checker.api import check_file, load_file
from tests.conftest import FIXTURES, ROOT

REAL = FIXTURES / "real"
LETTERS = sorted(p.name for p in REAL.glob("*.txt"))


def _verdicts() -> dict[str, set[tuple[int, str]]]:
    with open(ROOT / "benchmarks" / "calibration" / "verdicts.tsv", encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        found: dict[str, set[tuple[int, str]]] = {}
        for row in rows:
            found.setdefault(row["file"], set()).add((int(row["line"]), row["rule"]))
        return found


VERDICTS = _verdicts()


def test_a_varied_set_of_published_letters():
    assert len(LETTERS) >= 25
    years = {name.split("_")[2][:4] for name in LETTERS}
    assert years == {"2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"}
    assert sum(1 for name in LETTERS if name in VERDICTS) >= 10  # letters with recorded defects


@pytest.mark.parametrize("name", LETTERS)
def test_only_the_recorded_defects_each_at_its_line(name):
    result = check_file(str(REAL / name))
    found = {(d.span.line, d.rule) for d in result.diagnostics if d.severity in ("error", "warning")}
    assert found == VERDICTS.get(name, set())


def _letter(name: str):
    result = load_file(str(REAL / name))
    assert result.letter is not None, result.diagnostics
    return result.letter


def _people(name: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in _letter(name).inspectors]


def test_inspectors_in_every_phrasing():
    # "Her Majesty’s Inspectors (HMI) Social Care, A, B, C and D, and E, Senior HMI":
    # a role before the list, and one person's own role after their name
    assert _people("gloucestershire_focused_2020.txt") == [
        ("Nigel Parkes", "HMI"),
        ("Rachel Griffiths", "HMI"),
        ("Steve Lowe", "HMI"),
        ("Diane Partridge", "HMI"),
        ("Stephen Lee", "Senior HMI"),
    ]
    # "Her Majesty’s Inspector, Lisa Summers and Her Majesty’s Inspector, Nick Stacey"
    assert _people("hartlepool_focused_2020.txt") == [("Lisa Summers", "HMI"), ("Nick Stacey", "HMI")]
    # "(designate), as a supernumerary inspector"; "all of whom are"; "(HMIs)"
    assert _people("west-berkshire_focused_2021.txt")[-1] == ("Sarah Canto", "HMI")
    assert len(_people("swindon_focused_2021.txt")) == 5
    assert {role for _, role in _people("buckinghamshire_focused_2021.txt")} == {"HMI"}
    # "lead inspector Ceri Evans and team inspector Monique Lindsay"
    assert _people("stockton-on-tees_focused_2024.txt") == [("Ceri Evans", "HMI"), ("Monique Lindsay", "HMI")]


def test_inspector_name_position_is_exact():
    letter = _letter("hartlepool_focused_2020.txt")
    stacey = letter.inspectors[1].name_text.span()
    line = (REAL / "hartlepool_focused_2020.txt").read_text(encoding="utf-8").split("\n")[stacey.line - 1]
    assert line[stacey.column - 1 : stacey.end_column - 1] == "Nick Stacey"


def _kinds(name: str) -> list[str]:
    return [section.kind for section in _letter(name).sections]


def test_sections_across_the_formats():
    assert _kinds("halton_focused_2018.txt") == ["overview", "recommendations", "findings"]
    assert _kinds("doncaster_focused_2021.txt") == ["recommendations", "findings"]  # no overview in 2021
    assert _kinds("stockton-on-tees_focused_2024.txt") == ["overview", "recommendations", "findings"]
    assert _kinds("st-helens_focused_2024.txt") == ["overview", "findings"]  # nothing to improve
    assert _kinds("tameside_focused_2022.txt") == [
        "overview",
        "priority_actions",
        "recommendations",
        "findings",
    ]
    assert _kinds("north-somerset_focused_2019.txt")[1] == "priority_actions"


def test_findings_with_a_subheading_of_their_own():
    findings = _letter("essex_focused_2025.txt").section("findings")
    (subheading,) = [b for b in findings.blocks if b.kind == "subheading"]
    assert subheading.text.value.startswith("Identifying and responding to children’s needs")
    assert subheading not in findings.points


def test_run_in_lists_become_items_at_their_columns():
    letter = _letter("hounslow_focused_2020.txt")
    assert _kinds("hounslow_focused_2020.txt") == ["overview", "recommendations", "findings"]
    recommendations = letter.recommendations
    assert len(recommendations) == 5
    raw = (REAL / "hounslow_focused_2020.txt").read_text(encoding="utf-8").split("\n")[37]
    first = recommendations[0].text
    assert (first.span().line, raw[first.span().column - 1 :].startswith("The timeliness of responses")) == (
        38,
        True,
    )
    # "... the adults. Findings ◼ It has been ...": the heading run into an item
    assert _kinds("redcar-and-cleveland_focused_2021.txt") == ["recommendations", "findings"]
    assert len(_letter("redcar-and-cleveland_focused_2021.txt").recommendations) == 3


def test_heading_with_its_footnote_run_in():
    letter = _letter("blackpool_focused_2025.txt")
    section = letter.section("recommendations")
    assert section.heading.value == "What needs to improve in this area of social work practice?"
    assert len(letter.recommendations) == 3


def test_closing_statements_that_vary():
    nottingham = _letter("nottingham_focused_2021.txt").closing.value
    assert nottingham.startswith("Ofsted will take the findings") and "Department for Education" in nottingham
    assert "notified the Department for Education" in _letter("tameside_focused_2022.txt").closing.value
    assert _letter("wolverhampton_focused_2024.txt").closing.value.startswith("Ofsted will consider")
    assert _letter("blackburn-with-darwen_focused_2024.txt").closing is None  # recorded: STR009


def test_recipients_as_letters_write_them():
    leeds = _letter("leeds_focused_2021.txt").recipient
    assert (leeds.name, leeds.job_title) == ("Saleem Tariq OBE", "Director of Children and Families")
    assert _letter("sandwell_focused_2025.txt").recipient.names == ["Sally Giles", "Emma Taylor"]
    assert _letter("northumberland_focused_2022.txt").recipient.names == ["Graham Reiter", "Audrey Kingham"]
    assert _letter("westminster_focused_2022.txt").recipient.name == "Sarah Newman"


def test_dates_as_extraction_leaves_them():
    # "between 6 and 8 October 2020", "between 13 October and 15 October 2020"
    assert [d.day for d in _letter("gloucestershire_focused_2020.txt").visit_dates] == [6, 7, 8]
    assert [d.day for d in _letter("oldham_focused_2020.txt").visit_dates] == [13, 14, 15]
    assert _letter("cambridgeshire_focused_2025.txt").date is None  # recorded: STR004


def test_one_defect_one_diagnostic_for_a_misspelt_sign_off():
    result = check_file(str(REAL / "lancashire_focused_2021.txt"))
    near_the_end = [d for d in result.diagnostics if d.span.line >= 73]
    assert [(d.rule, d.span.column, d.span.end_column) for d in near_the_end] == [("STR014", 1, 15)]
    assert near_the_end[0].fix.replacement == "Yours sincerely"
    assert result.letter.signatory.name == "Paula Thomson-Jones"


def test_a_misnamed_repeated_heading_is_one_diagnostic_with_a_fix():
    result = check_file(str(REAL / "lancashire_focused_2021.txt"))
    structure = [d for d in result.diagnostics if d.category == "structure" and d.rule != "STR014"]
    assert [(d.rule, d.span.line) for d in structure] == [("STR013", 45)]
    assert structure[0].fix.replacement == "Main findings"


def test_the_corpus_command_on_the_fixtures(tmp_path):
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "calibration" / "corpus.py"), str(REAL), "-j", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "not in benchmarks/calibration/verdicts.tsv (0)" in run.stdout
    assert f"letters with no unrecorded error: {len(LETTERS)}/{len(LETTERS)}" in run.stdout

    # a new defect is listed, a recorded one that is gone is reported missing
    for name in ("lancashire_focused_2021.txt", "leeds_focused_2021.txt"):
        (tmp_path / name).write_bytes((REAL / name).read_bytes())
    lancashire = tmp_path / "lancashire_focused_2021.txt"
    lancashire.write_text(
        lancashire.read_text(encoding="utf-8").replace("Your sincerely", "Yours sincerely"), encoding="utf-8"
    )
    leeds = tmp_path / "leeds_focused_2021.txt"
    leeds.write_text(
        leeds.read_text(encoding="utf-8").replace("Dear Sal", "Dear Mr Saleem"), encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "calibration" / "corpus.py"), str(tmp_path), "-j", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "leeds_focused_2021.txt:20:1: CONS001 [error]" in run.stdout
    assert "lancashire_focused_2021.txt:73: STR014" in run.stdout.split("recorded but not found")[1]


def test_paragraphs_on_the_action_plan_after_the_closing_stay_out_of_the_findings():
    """St Helens 2018 (a held-out PDF) follows its closing statement with four
    paragraphs on the new action-plan rules: the closing is still the closing,
    and those paragraphs are not findings."""
    closing = "Ofsted will take the findings from this focused visit into account when planning your next inspection or visit."
    notes = (
        "\n\nAs part of our early review of the framework, we have decided to amend the framework.\n\n"
        "In making these decisions we took account of our inspection principles.\n\n"
        "We have notified the DfE of the areas for priority action.\n\n"
        "So, in summary, you will therefore need to send us your action plan."
    )
    original = _letter("bedford_focused_2019.txt")
    text = (REAL / "bedford_focused_2019.txt").read_text(encoding="utf-8")
    assert text.count(closing) == 1
    edited_letter = load_file_from_text(text.replace(closing, closing + notes))
    assert edited_letter.closing.value.startswith(closing)
    assert edited_letter.closing.value.endswith("send us your action plan.")
    assert len(edited_letter.findings) == len(original.findings)
    assert [s.kind for s in edited_letter.sections] == [s.kind for s in original.sections]


def load_file_from_text(text: str):
    from checker.reading import source
    from checker.reading.letter_reader import letter_from_source

    return letter_from_source(source.from_bytes("letter.txt", text.encode("utf-8")))


@pytest.mark.parametrize("typo", ["Deer", "Dera", "dear"])
def test_one_defect_one_diagnostic_for_a_misspelt_salutation(tmp_path, typo):
    text = (REAL / "bedford_focused_2019.txt").read_text(encoding="utf-8")
    path = tmp_path / "letter.txt"
    path.write_text(text.replace("\nDear Mr Foster\n", f"\n{typo} Mr Foster\n"), encoding="utf-8")
    result = check_file(str(path))
    found = [
        (d.rule, d.span.line, d.span.column, d.span.end_column)
        for d in result.diagnostics
        if d.severity != "info"
    ]
    assert found == [("STR016", 20, 1, 5), ("STYLE001", 40, 270, 273)]  # STYLE001: recorded for Bedford
    assert result.diagnostics[0].fix.replacement == "Dear"
    assert (
        result.letter.salutation.value == f"{typo} Mr Foster"
    )  # still the salutation: no STR006, no cascade


def test_a_signature_with_only_the_role_is_not_signed(tmp_path):
    """'Yours sincerely' then only 'Her Majesty's Inspector': no one signed the letter."""
    text = (REAL / "bedford_focused_2019.txt").read_text(encoding="utf-8")
    path = tmp_path / "letter.txt"
    path.write_text(text.replace("Nigel Parkes\nHer Majesty", "Her Majesty"), encoding="utf-8")
    result = check_file(str(path))
    (unsigned,) = [d for d in result.diagnostics if d.rule == "STR011"]
    assert (unsigned.span.line, unsigned.span.column) == (72, 1)
    assert [d.rule for d in result.diagnostics if d.severity == "error"] == ["STR011"]


@pytest.mark.parametrize(("heading", "typo"), [("Findings", "Findngs"), ("Overview", "Overveiw")])
def test_a_misspelt_heading_run_into_its_paragraph_is_still_a_heading(tmp_path, heading, typo):
    """Text taken from a PDF often has no blank line under a heading: a
    misspelt one there is named (STR012, with a fix), not read as the first
    line of a paragraph with the section reported missing."""
    text = (REAL / "bedford_focused_2019.txt").read_text(encoding="utf-8")
    assert f"\n{heading}\n\n" in text
    path = tmp_path / "letter.txt"
    path.write_text(text.replace(f"\n{heading}\n\n", f"\n{typo}\n", 1), encoding="utf-8")
    result = check_file(str(path))
    errors = [(d.rule, d.message) for d in result.diagnostics if d.severity == "error"]
    assert errors == [("STR012", f"unknown heading '{typo}': did you mean '{heading}'?")]


def test_a_title_cut_short_gets_no_fix_that_changes_nothing(tmp_path, cli):
    """'Focused visit to' (the authority lost): STR015 says so, but its first
    words are right, so there is nothing for --fix to write; it said it had
    fixed a problem, and --diff that it would, each time."""
    text = (REAL / "sheffield_focused_2018.txt").read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("Focused visit to"))
    path = tmp_path / "letter.txt"
    path.write_text(text.replace(title, "Focused visit to", 1), encoding="utf-8")
    (problem,) = [d for d in check_file(str(path)).diagnostics if d.rule == "STR015"]
    assert problem.fix is None and (problem.span.column, problem.span.end_column) == (1, 17)
    diff = cli("check", str(path), "--diff")
    assert diff.exit_code == 0 and diff.stdout == ""


def test_a_footnote_run_into_its_heading_is_not_the_sections_content(tmp_path):
    """2025 letters: 'What needs to improve ...?1 The areas for improvement have
    been cross-referenced ...' is the heading and its footnote. The footnote is
    no recommendation, and a section holding nothing else is empty (STR003)."""
    letter = _letter("blackpool_focused_2025.txt")
    section = letter.section("recommendations")
    assert [b.kind for b in section.blocks] == ["note", "item", "item", "item"]
    assert section.blocks[0].text.value.startswith("The areas for improvement have been cross-referenced")
    assert len(letter.recommendations) == 3
    lines = (REAL / "blackpool_focused_2025.txt").read_text(encoding="utf-8").split("\n")
    first, after = section.line, letter.sections[letter.sections.index(section) + 1].line
    path = tmp_path / "letter.txt"
    path.write_text("\n".join([*lines[:first], "", *lines[after - 1 :]]), encoding="utf-8")
    result = check_file(str(path))
    (empty,) = [d for d in result.diagnostics if d.rule == "STR003"]
    assert empty.span.line == first and empty.message.startswith("the 'What needs to improve")


def test_priority_actions_come_with_what_needs_to_improve(tmp_path):
    """What needs to improve may be absent from a letter to a strong authority,
    but never from one with areas for priority action (all 12 published
    ones have both): removing it is STR001, at the section that follows."""
    letter = _letter("dudley_focused_2020.txt")
    section = letter.section("recommendations")
    after = letter.sections[letter.sections.index(section) + 1]
    lines = (REAL / "dudley_focused_2020.txt").read_text(encoding="utf-8").split("\n")
    path = tmp_path / "letter.txt"
    path.write_text("\n".join([*lines[: section.line - 1], *lines[after.line - 1 :]]), encoding="utf-8")
    result = check_file(str(path))
    errors = [(d.rule, d.message) for d in result.diagnostics if d.severity == "error"]
    assert errors == [
        (
            "STR001",
            "the focused visit letter (overview format) has no "
            "'What needs to improve in this area of social work practice' section",
        )
    ]


def test_the_authority_is_compared_after_the_pandemic_preamble(tmp_path):
    """2020-21 letters open with a paragraph on the pandemic; the authority
    is named in the next one, and a title naming another is still CONS003."""
    text = (REAL / "buckinghamshire_focused_2021.txt").read_text(encoding="utf-8")
    assert _letter("buckinghamshire_focused_2021.txt").opening[0].text.value.startswith("Her Majesty’s Chief")
    path = tmp_path / "letter.txt"
    title = "Focused visit to Buckinghamshire local authority children’s services"
    path.write_text(text.replace(title, title.replace("Buckinghamshire", "Kent"), 1), encoding="utf-8")
    result = check_file(str(path))
    (problem,) = [d for d in result.diagnostics if d.severity == "error"]
    assert (problem.rule, problem.span.line) == ("CONS003", 27)
    assert problem.message == (
        "the opening paragraph names 'Buckinghamshire local authority', but the title names 'Kent'"
    )


def test_a_recommendation_pasted_in_twice_is_one_diagnostic(tmp_path):
    letter = _letter("dudley_focused_2020.txt")
    first = letter.recommendations[0]
    lines = (REAL / "dudley_focused_2020.txt").read_text(encoding="utf-8").split("\n")
    path = tmp_path / "letter.txt"
    at = first.line - 1
    path.write_text("\n".join([*lines[: at + 1], "", lines[at], *lines[at + 1 :]]), encoding="utf-8")
    result = check_file(str(path))
    errors = [(d.rule, d.span.line, d.message) for d in result.diagnostics if d.severity == "error"]
    assert errors == [("DRAFT008", first.line + 2, f"this paragraph repeats the one on line {first.line}")]


def test_the_kind_of_visit_is_compared_after_the_pandemic_preamble(tmp_path):
    text = (REAL / "buckinghamshire_focused_2021.txt").read_text(encoding="utf-8")
    statement = "summarises the findings of the focused visit to Buckinghamshire"
    assert statement in text
    path = tmp_path / "letter.txt"
    path.write_text(text.replace(statement, statement.replace("focused", "monitoring")), encoding="utf-8")
    (problem,) = [d for d in check_file(str(path)).diagnostics if d.severity == "error"]
    assert (problem.rule, problem.span.line) == ("CONS002", 27)


def test_one_defect_one_diagnostic_for_a_misspelt_role_under_the_signature(tmp_path):
    text = (REAL / "bedford_focused_2019.txt").read_text(encoding="utf-8")
    path = tmp_path / "letter.txt"
    path.write_text(
        text.replace("Nigel Parkes\nHer Majesty’s Inspector", "Nigel Parkes\nHer Majesty’s Inspecter"),
        encoding="utf-8",
    )
    result = check_file(str(path))
    errors = [
        (d.rule, d.span.line, d.span.column, d.span.end_column)
        for d in result.diagnostics
        if d.severity == "error"
    ]
    assert errors == [("INSP007", 73, 1, 24)]
    assert result.diagnostics[-1].fix.replacement == "Her Majesty’s Inspector"
    signer = result.letter.signatory
    assert (signer.name, signer.role) == (
        "Nigel Parkes",
        "HMI",
    )  # still the signatory, so INSP003/005 stay quiet


def test_a_misspelt_title_ending_with_a_full_stop_is_still_the_title(tmp_path):
    """Doncaster 2021 ends its title with a full stop; misspelt ('Focussed'),
    it was read as text: 'no title' and a style warning, not STR015 with a fix."""
    text = (REAL / "doncaster_focused_2021.txt").read_text(encoding="utf-8")
    path = tmp_path / "letter.txt"
    path.write_text(
        text.replace("\nFocused visit to Doncaster", "\nFocussed visit to Doncaster", 1), encoding="utf-8"
    )
    result = check_file(str(path))
    (problem,) = [d for d in result.diagnostics if d.severity in ("error", "warning")]
    assert (problem.rule, problem.span.line, problem.fix.replacement) == ("STR015", 24, "Focused visit")

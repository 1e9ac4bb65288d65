"""Your own letter types: a letter_types.yaml in a rule folder adds types that
rules name in `applies_to`, for the files of that configuration only.

fixtures/own_types/ is such a letters repository: an assurance visit type
(with a section kind of its own) and two rules for it, and an alias added to
lettercheck's focused visit.
"""

from __future__ import annotations

import json
import shutil
import textwrap

import pytest

from checker.api import check_file, check_paths, report_paths
from checker.checking.letter_type_files import letter_types_for
from checker.checking.rule_packs import RulePackError
from tests.conftest import FIXTURES, LETTERS

REPO = FIXTURES / "own_types"
ASSURANCE = REPO / "greenvale_assurance_2020.md"
TEXT = ASSURANCE.read_text(encoding="utf-8")


@pytest.fixture()
def repo(tmp_path):
    """A copy of the fixture repository, to edit."""
    copy = tmp_path / "repo"
    shutil.copytree(REPO, copy)
    return copy


def _problems(result) -> list[tuple[str, int, int, int]]:
    return [(d.rule, d.span.line, d.span.column, d.span.end_column) for d in result.diagnostics]


def test_a_letter_of_your_own_type_is_read_as_it_and_checked_with_its_rules():
    result = check_file(str(ASSURANCE))
    letter = result.letter
    assert letter.letter_type == "assurance_visit" and letter.local_authority == "Greenvale"
    assert [s.kind for s in letter.sections] == ["lines_of_enquiry", "findings", "recommendations"]
    line = TEXT.splitlines().index(
        "- The help and protection children receive at the front door during Covid-19."
    )
    column = TEXT.splitlines()[line].index("Covid-19") + 1
    assert _problems(result) == [("ASSURE002", line + 1, column, column + len("Covid-19"))]
    (problem,) = result.diagnostics
    assert (
        problem.message == "write 'COVID-19' instead of 'Covid-19'" and problem.fix.replacement == "COVID-19"
    )


def test_the_same_letter_outside_the_configuration_is_of_no_known_type(tmp_path):
    outside = tmp_path / ASSURANCE.name
    shutil.copy(ASSURANCE, outside)
    result = check_file(str(outside))
    assert result.letter.letter_type == "unknown"
    assert _problems(result) == [("STR012", 20, 1, len("Lines of enquiry") + 1)]


def test_each_file_is_read_with_the_types_of_its_own_configuration(tmp_path):
    outside = tmp_path / ASSURANCE.name
    shutil.copy(ASSURANCE, outside)
    results = list(check_paths([str(ASSURANCE), str(outside)]))
    assert [r.letter_type for r in results] == ["assurance_visit", "unknown"]


def test_a_rule_for_your_type_runs_on_it_only(repo):
    without = TEXT.replace(" The visit was carried out under the interim arrangements for inspecting"
                           " local authority children's services.", "")  # fmt: skip
    assert without != TEXT
    (repo / "draft.md").write_text(without, encoding="utf-8")
    assert [d.rule for d in check_file(str(repo / "draft.md")).diagnostics] == ["ASSURE001", "ASSURE002"]
    shutil.copy(LETTERS / "greenvale_focused_2022.md", repo / "focused.md")  # no interim arrangements
    assert check_file(str(repo / "focused.md")).diagnostics == []


def test_the_structure_rules_read_your_types_sections(repo):
    start = TEXT.index("Lines of enquiry")
    without = TEXT[:start] + TEXT[TEXT.index("Findings") :]
    (repo / "draft.md").write_text(without, encoding="utf-8")
    (missing,) = [d for d in check_file(str(repo / "draft.md")).diagnostics if d.rule == "STR001"]
    assert missing.message == "the assurance visit letter (standard format) has no 'Lines of enquiry' section"


def test_an_extension_adds_a_heading_to_lettercheck_s_own_type(repo, tmp_path):
    text = (LETTERS / "greenvale_focused_2022.md").read_text(encoding="utf-8")
    renamed = text.replace("\nFindings\n", "\nWhat we found\n")
    assert renamed != text
    (repo / "focused.md").write_text(renamed, encoding="utf-8")
    result = check_file(str(repo / "focused.md"))
    assert result.diagnostics == [] and result.letter.sections[-1].kind == "findings"
    (tmp_path / "focused.md").write_text(renamed, encoding="utf-8")
    assert [d.rule for d in check_file(str(tmp_path / "focused.md")).diagnostics] == ["STR012", "STR001"]


def test_report_uses_the_types_of_the_letter_s_configuration():
    (result,) = report_paths([str(ASSURANCE)])
    assert result.letter.letter_type == "assurance_visit"
    assert [d.rule for d in result.diagnostics] == ["ASSURE002"]
    assert result.alignment is not None  # its recommendation is linked to its findings


def test_the_language_server_reads_with_the_document_s_configuration(repo):
    from checker.lsp.engine_adapter import load_settings

    settings = load_settings(str(repo))
    assert [p.rule for p in settings.check(str(repo / "draft.md"), TEXT)] == ["ASSURE002"]
    types_file = repo / "letter-rules" / "letter_types.yaml"
    types_file.write_text(types_file.read_text(encoding="utf-8").replace("Lines of enquiry", "Scope"))
    again = load_settings(str(repo))  # a changed types file is read again
    found = [(p.rule, p.line) for p in again.check(str(repo / "draft.md"), TEXT)]
    assert [rule for rule, _ in found] == ["STR012", "STR001"] and found[0][1] == 20


def test_show_settings_lists_the_types_and_where_they_were_defined(cli):
    result = cli("check", "--show-settings", str(ASSURANCE), "-f", "json")
    types = json.loads(result.stdout)["letter_types"]
    assert list(types) == ["focused_visit", "monitoring_visit", "assurance_visit"]
    own = str(REPO / "letter-rules" / "letter_types.yaml")
    assert types["assurance_visit"] == {"label": "assurance visit", "defined": [f"{own}:5"]}
    assert types["focused_visit"]["defined"][1:] == [f"{own}:27"]


def test_types_belong_to_their_configuration_not_to_the_process(tmp_path):
    """A rule folder that names a type another configuration defines is wrong."""
    letter_types_for((str(REPO / "letter-rules"),))  # loaded, for another configuration
    rules = tmp_path / "rules"
    rules.mkdir()
    pack = (REPO / "letter-rules" / "assurance.yaml").read_text(encoding="utf-8")
    (rules / "pack.yaml").write_text(pack, encoding="utf-8")
    (tmp_path / ".lettercheck.yaml").write_text("rule_dirs: [rules]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    from checker.api import SetupError

    with pytest.raises(
        SetupError, match=r"pack\.yaml:7:18: rule ASSURE001: unknown letter type 'assurance_visit'"
    ):
        check_file(str(tmp_path / "a.md"))


GOOD = """\
letter_types:
  assurance_visit:
    title: ["^Assurance visit to (?P<la>.+?) children's services"]
    sections:
      - kind: lines_of_enquiry
        heading: Lines of enquiry
      - kind: findings
        heading: Findings
    layouts:
      - name: autumn 2020
        from: 2020-09-01
        until: 2020-12-31
        required: [findings]
        orders: [[lines_of_enquiry, findings]]
extend_letter_types:
  focused_visit:
    sections:
      - kind: findings
        aliases: [What we found]
"""


def _edit(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("letter_types:\n  a: [unclosed\n", 3, "invalid YAML"),
        (
            _edit("    title:", "    titles:"),
            3,
            "Additional properties are not allowed ('titles' was unexpected)",
        ),
        (_edit("  assurance_visit:", "  Assurance-Visit:"), 2, "'Assurance-Visit' does not match"),
        (
            _edit("(?P<la>.+?)", "(?P<la>.+?"),
            3,
            "invalid regular expression in title: missing ), unterminated",
        ),
        (
            _edit("  assurance_visit:", "  focused_visit:"),
            2,
            "letter type 'focused_visit' is already defined",
        ),
        (_edit("  assurance_visit:", "  unknown:"), 2, "'unknown' names a letter of no known type"),
        (
            _edit('    title: ["^Assurance visit to (?P<la>.+?) children\'s services"]\n', ""),
            2,
            "letter type 'assurance_visit' needs a `title`",
        ),
        (
            _edit("      - kind: findings\n        heading: Findings", "      - kind: findings"),
            7,
            "the new section 'findings' needs a heading",
        ),
        (
            _edit(
                "kind: findings\n        heading: Findings",
                "kind: lines_of_enquiry\n        heading: Findings",
            ),
            7,
            "section kind 'lines_of_enquiry' is listed twice",
        ),
        (
            _edit("heading: Findings", "heading: Lines of Enquiry"),
            8,
            "the heading 'Lines of Enquiry' already names the 'lines_of_enquiry' section",
        ),
        (
            _edit("required: [findings]", "required: [finding]"),
            13,
            "no section of kind 'finding' in this letter type (its kinds: lines_of_enquiry, findings)",
        ),
        (
            _edit(
                "        orders: [[lines_of_enquiry, findings]]\n",
                "        orders: [[lines_of_enquiry, findings]]\n"
                "        headings: {overview: Headline findings}\n",
            ),
            15,
            "no section of kind 'overview' in this letter type",
        ),
        (
            _edit(
                "extend_letter_types:",
                "    variants:\n      - when: priority_actions\n"
                "        orders: [[findings]]\nextend_letter_types:",
            ),
            16,
            "no section of kind 'priority_actions' in this letter type",
        ),
        (
            _edit(
                "extend_letter_types:",
                "    variants:\n      - when: lines_of_enquiry\n"
                "        required: [finding]\nextend_letter_types:",
            ),
            17,
            "no section of kind 'finding' in this letter type",
        ),
        (_edit("until: 2020-12-31", "until: 2020-02-30"), 12, "invalid YAML: day is out of range for month"),
        (_edit("until: 2020-12-31", "until: '2020-02-30'"), 12, "'2020-02-30' is not a date"),
        (_edit("until: 2020-12-31", "until: 2020-08-31"), 12, "layout 'autumn 2020' ends before it starts"),
        (
            _edit("  focused_visit:", "  focussed_visit:"),
            16,
            "unknown letter type 'focussed_visit' (did you mean 'focused_visit'?",
        ),
        (
            _edit("        aliases: [What we found]", "        heading: What we found"),
            19,
            "the type already has a 'findings' section ('Findings'): an extension may add aliases and "
            "subheadings to it, not change its heading",
        ),
        (
            _edit("aliases: [What we found]", "aliases: [Overview]"),
            19,
            "the heading 'Overview' already names the 'overview' section",
        ),
    ],
)
def test_a_broken_types_file_is_one_error_at_its_line(tmp_path, text, line, message):
    path = tmp_path / "letter_types.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulePackError) as error:
        letter_types_for((str(tmp_path),))
    assert message in error.value.message
    assert (error.value.path, error.value.line) == (str(path), line)
    assert str(error.value).startswith(f"{path}:{line}:")


def test_a_good_types_file_loads(tmp_path):
    variant = (
        "    variants:\n      - when: lines_of_enquiry\n        required: [findings]\nextend_letter_types:"
    )
    (tmp_path / "letter_types.yml").write_text(
        GOOD.replace("extend_letter_types:", variant), encoding="utf-8"
    )
    types = letter_types_for((str(tmp_path),))
    assert types["assurance_visit"].variants[0].required == ("findings",)
    assert list(types) == ["focused_visit", "monitoring_visit", "assurance_visit"]
    assert types["assurance_visit"].layouts[0].name == "autumn 2020"
    assert types["focused_visit"].section_kind("What we found") == "findings"
    assert "lines_of_enquiry" in types.section_kinds
    assert letter_types_for(()) is letter_types_for((str(LETTERS),))  # no types file: lettercheck's own


def test_a_broken_types_file_stops_the_run_with_one_line(cli, repo):
    types_file = repo / "letter-rules" / "letter_types.yaml"
    types_file.write_text(
        types_file.read_text(encoding="utf-8").replace("kind: lines_of_enquiry", "kind: lines of enquiry")
    )
    result = cli("check", str(repo / ASSURANCE.name), str(LETTERS / "kent_focused_2019.md"))
    assert result.exit_code == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr == (
        f"lettercheck: error: {types_file}:14:15: 'lines of enquiry' does not match '^[a-z][a-z0-9_]*$' "
        "(at letter_types/assurance_visit/sections/0/kind)\n"
    )


def test_a_scope_may_name_a_section_kind_of_the_configuration_s_types(tmp_path):
    from checker.checking.rule_packs import load_rules

    pack = tmp_path / "pack.yaml"
    pack.write_text(
        textwrap.dedent("""\
        rules:
          - id: HOUSE001
            category: style
            severity: warning
            message: "no '{match}'"
            help: "House style."
            check: {kind: pattern, pattern: TBC, scope: "section:lines_of_enquiry"}
        """),
        encoding="utf-8",
    )
    with pytest.raises(RulePackError, match=r"pack\.yaml:7:.*where <kind> is one of areas_covered, findings"):
        load_rules((str(tmp_path),))
    shutil.copy(REPO / "letter-rules" / "letter_types.yaml", tmp_path)
    rules = load_rules((str(tmp_path),), letter_types=letter_types_for((str(tmp_path),)))
    assert [r.params["scope"] for r in rules if r.id == "HOUSE001"] == ["section:lines_of_enquiry"]


def test_lettercheck_s_own_types_pass_the_checks_of_yours(tmp_path):
    """rules/letter_types.yaml, read as a user's file would be, is valid."""
    from checker.checking import letter_type_files
    from checker.reading.letter_types import load_letter_types
    from checker.resources import resource_path

    shipped = resource_path("rules") / "letter_types.yaml"
    catalogue = letter_type_files._Catalogue({}, {})
    catalogue.add_file(shipped)
    assert list(catalogue.types) == list(load_letter_types())


def test_the_schema_command_prints_the_letter_types_schema(cli):
    from checker.resources import resource_path

    result = cli("schema", "letter-types")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(
        (resource_path("rules") / "letter_types.schema.json").read_text(encoding="utf-8")
    )


def test_rules_and_explain_see_the_rules_for_your_types(cli):
    config = str(REPO / ".lettercheck.yaml")
    listed = json.loads(cli("rules", "--config", config, "-f", "json").stdout)
    assert [(r["id"], r["applies_to"]) for r in listed if r["id"].startswith("ASSURE")] == [
        ("ASSURE001", ["assurance_visit"]),
        ("ASSURE002", ["assurance_visit"]),
    ]
    explained = cli("explain", "covid-style", "--config", config)
    assert explained.exit_code == 0 and "section:lines_of_enquiry" in explained.stdout


def test_the_language_server_sees_a_broken_types_file_mended(repo):
    import os

    from checker.lsp.engine_adapter import SettingsError
    from checker.lsp.settings import SettingsCache

    def write(path, text):
        path.write_text(text, encoding="utf-8")
        stat = os.stat(path)
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a change the stamp sees

    types_file = repo / "letter-rules" / "letter_types.yaml"
    good = types_file.read_text(encoding="utf-8")
    write(types_file, good.replace("kind: lines_of_enquiry", "kind: lines of enquiry"))
    cache = SettingsCache()
    with pytest.raises(SettingsError, match=r"letter_types\.yaml:14:15: 'lines of enquiry' does not match"):
        cache.for_path(str(repo / "draft.md"))
    write(types_file, good)
    settings = cache.for_path(str(repo / "draft.md"))
    assert [p.rule for p in settings.check(str(repo / "draft.md"), TEXT)] == ["ASSURE002"]

"""action.yml: its shape, and its steps' commands run here as a runner would run them.

A runner starts each `run:` step as `bash --noprofile --norc -eo pipefail`
with the step's `env:` (expressions filled in) and `GITHUB_OUTPUT`; so does
`_run_action` below. The steps that `uses:` another action (setup-python,
upload-sarif) are not run: what they are given is checked instead. The
install step really installs lettercheck from this checkout (offline, into
a folder of its own; once, later runs in the same workspace reuse it), and
the later steps run that copy.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import BROKEN, LETTERS, ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def test_the_action_is_a_composite_with_documented_inputs():
    assert ACTION["name"] and ACTION["description"]
    assert ACTION["runs"]["using"] == "composite"
    inputs = ACTION["inputs"]
    assert {"paths", "fail-on", "config", "upload-sarif"} <= set(inputs)
    assert all(spec.get("description") and "default" in spec for spec in inputs.values())
    for step in ACTION["runs"]["steps"]:
        assert step.get("name")
        if "run" in step:
            assert step["shell"] == "bash"
            # Inputs reach scripts through env only: text in an input can never become script.
            assert "${{" not in step["run"]
        else:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", step["uses"])


def test_every_input_used_is_declared_and_every_input_is_used():
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"inputs\.([\w-]+)", text))
    assert used == set(ACTION["inputs"])


class _Inputs(dict):
    """The inputs of one run: what the workflow gave, else the defaults."""

    def __init__(self, given: dict) -> None:
        super().__init__({name: str(spec["default"]) for name, spec in ACTION["inputs"].items()})
        unknown = set(given) - set(self)
        assert not unknown, f"not inputs of the action: {unknown}"
        self.update(given)


def _value(expression: str, inputs: _Inputs, outputs: dict, outcomes: dict):
    """The few expression forms the action uses; anything else fails the test."""
    expression = expression.strip()
    if "||" in expression:
        return next(
            (v for v in (_value(p, inputs, outputs, outcomes) for p in expression.split("||")) if v), ""
        )
    if "&&" in expression:
        return all(_value(p, inputs, outputs, outcomes) for p in expression.split("&&"))
    if match := re.fullmatch(r"(.+?)\s*==\s*'([^']*)'", expression):
        return _value(match.group(1), inputs, outputs, outcomes) == match.group(2)
    if expression == "always()":
        return True
    if expression == "github.action_path":
        return str(ROOT)
    if match := re.fullmatch(r"inputs\.([\w-]+)", expression):
        return inputs[match.group(1)]
    if match := re.fullmatch(r"steps\.([\w-]+)\.outcome", expression):
        return outcomes.get(match.group(1), "skipped")
    if match := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression):
        return outputs.get(match.group(1), {}).get(match.group(2), "")
    raise AssertionError(f"the test does not know the expression {expression!r}")


def _fill(text: str, *context) -> str:
    return _EXPRESSION.sub(lambda m: str(_value(m.group(1), *context)), str(text))


def _run_action(workspace: Path, given: dict) -> dict:
    """Run the action's steps in `workspace` as a runner would; return what happened."""
    inputs, outputs, outcomes = _Inputs(given), {}, {}
    site = workspace.parent / "site"
    environment = {
        **os.environ,
        # What setup-python would give: a `python` on PATH; the install then goes to a folder of its own.
        "PATH": os.pathsep.join([str(site / "bin"), str(Path(sys.executable).parent), os.environ["PATH"]]),
        "PYTHONPATH": str(site),
        "PIP_TARGET": str(site),
        "PIP_NO_DEPS": "1",  # the dependencies are those of this environment
        "PIP_NO_BUILD_ISOLATION": "0",  # build with the hatchling installed here
        "PIP_NO_INDEX": "1",  # and download nothing
    }
    ran = {"skipped": [], "uses": {}, "runs": {}}
    for step in ACTION["runs"]["steps"]:
        context = (inputs, outputs, outcomes)
        if "if" in step and not _value(step["if"], *context):
            ran["skipped"].append(step["name"])
            continue
        if step["name"] == "Install lettercheck" and (site / "bin" / "lettercheck").exists():
            ran["skipped"].append(step["name"])  # installed by an earlier run in this workspace
            continue
        if "uses" in step:
            ran["uses"][step["uses"].split("@")[0]] = {
                k: _fill(v, *context) for k, v in step.get("with", {}).items()
            }
            continue
        output_file = workspace.parent / f"output-{len(ran['runs'])}"
        output_file.write_text("", encoding="utf-8")
        env = {**environment, "GITHUB_OUTPUT": str(output_file)}
        env.update({key: _fill(value, *context) for key, value in step.get("env", {}).items()})
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        ran["runs"][step["name"]] = result
        if "id" in step:
            outcomes[step["id"]] = "success" if result.returncode == 0 else "failure"
            lines = output_file.read_text(encoding="utf-8").splitlines()
            outputs[step["id"]] = dict(line.split("=", 1) for line in lines if "=" in line)
    return ran


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("action") / "repository"
    (root / "letters" / "old").mkdir(parents=True)
    (root / "letters" / "clean.md").write_bytes((LETTERS / "hull_focused_2018.md").read_bytes())
    (root / "letters" / "old" / "late.md").write_bytes(
        (BROKEN / "DATE001_dated_before_visit.md").read_bytes()
    )
    (root / "warned").mkdir()
    (root / "warned" / "weekend visit.md").write_bytes((LETTERS / "kirklees_monitoring_2017.md").read_bytes())
    (root / "strict.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    return root


def test_the_defaults_install_lettercheck_and_annotate_every_letter(workspace):
    shutil.rmtree(workspace.parent / "site", ignore_errors=True)
    ran = _run_action(workspace, {})
    install = ran["runs"]["Install lettercheck"]
    assert install.returncode == 0, install.stderr
    assert (workspace.parent / "site" / "bin" / "lettercheck").is_file()  # the copy the next steps run
    assert ran["uses"]["actions/setup-python"] == {"python-version": "3.12"}
    check = ran["runs"]["Check letters"]
    assert check.returncode == 1
    assert check.stdout.startswith("::error file=letters/old/late.md,line=9,col=1,endLine=9,endColumn=16,")
    assert "title=DATE001" in check.stdout and "letters/clean.md" not in check.stdout
    assert ran["skipped"][-2:] == ["Write SARIF", "Upload SARIF"]


def _check(workspace: Path, **given) -> subprocess.CompletedProcess:
    return _run_action(workspace, {key.replace("_", "-"): value for key, value in given.items()})["runs"][
        "Check letters"
    ]


def test_paths_fail_level_and_configuration_are_passed_on(workspace):
    clean = _check(workspace, paths="letters/clean.md")
    assert (clean.returncode, clean.stdout) == (0, "")
    # A letter with a warning only, in a folder and under a name with a space.
    warned = "warned/weekend visit.md"
    assert _check(workspace, paths="warned").returncode == 0  # below the default fail level
    assert _check(workspace, paths="warned", fail_on="warning").returncode == 1
    assert _check(workspace, paths="warned", config="strict.yaml").returncode == 1  # fail_on: warning
    several = _check(workspace, paths=f"letters/clean.md\n{warned}\n\n")  # one per line: spaces kept
    assert several.returncode == 0
    assert several.stdout.startswith(f"::warning file={warned},line=13,col=96,")
    assert (
        _check(workspace, paths=f"letters/clean.md {warned}").returncode == 2
    )  # split at spaces: no such files


def test_sarif_is_written_and_handed_to_the_upload(workspace):
    ran = _run_action(
        workspace, {"paths": "letters", "upload-sarif": "true", "sarif-file": "out/report.sarif"}
    )
    assert ran["runs"]["Check letters"].returncode == 1
    sarif_step = ran["runs"]["Write SARIF"]
    assert sarif_step.returncode == 0, (
        sarif_step.stderr
    )  # --exit-zero: the report is written whatever it holds
    report = json.loads((workspace / "out" / "report.sarif").read_text(encoding="utf-8"))
    assert report["version"] == "2.1.0"
    assert [r["ruleId"] for r in report["runs"][0]["results"]] == ["DATE001"]
    upload = ran["uses"]["github/codeql-action/upload-sarif"]
    assert upload == {"sarif_file": "out/report.sarif", "category": "lettercheck"}


def test_annotations_name_files_as_the_checkout_does(cli, workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    for given in (".", str(workspace), "./letters/old/../old"):
        result = cli("check", "--format", "github", given)
        assert "::error file=letters/old/late.md,line=9," in result.stdout, given
    outside = cli("check", "--format", "github", str(BROKEN / "DATE002_impossible_date.md"))
    assert f"::error file={BROKEN / 'DATE002_impossible_date.md'}," in outside.stdout


@pytest.mark.parametrize("paths", ["", "  \n \n"])
def test_paths_that_name_nothing_check_nothing_and_say_so(workspace, paths):
    """A list of changed letters can come out empty: no check, no upload, no
    failure (lettercheck itself would stop at 'no letters to check')."""
    ran = _run_action(workspace, {"paths": paths, "upload-sarif": "true", "sarif-file": "none.sarif"})
    check = ran["runs"]["Check letters"]
    assert (check.returncode, check.stdout) == (
        0,
        "::notice title=lettercheck::the paths input names no letters: nothing was checked\n",
    )
    assert ran["runs"]["Write SARIF"].returncode == 0 and not (workspace / "none.sarif").exists()
    assert ran["skipped"][-1] == "Upload SARIF" and "github/codeql-action/upload-sarif" not in ran["uses"]

"""`report`: each letter checked as `check` would, with its recommendations
and areas linked to the findings that support them."""

from __future__ import annotations

from collections.abc import Iterable

from checker.api.check_files import check_file
from checker.api.paths import DEFAULT_INCLUDE, iter_paths
from checker.api.results import FileResult
from checker.api.settings import Selection, SetupError
from checker.model import Letter


def report_paths(
    paths: Iterable[str],
    explicit_config: str | None = None,
    select=(),
    ignore=(),
    include=DEFAULT_INCLUDE,
    exclude=(),
) -> list[FileResult]:
    """Check each letter as `check` would, then link its recommendations and
    areas to findings with the parameters of the rules that judge them, so the
    report's map agrees with its ALIGN diagnostics."""
    from checker.checking.config import ConfigError

    selection = Selection.of(explicit_config, select, ignore)
    results = []
    for path in iter_paths(paths, include, exclude):
        result = check_file(path, explicit_config, select, ignore)
        if result.letter is not None and not result.unreadable:
            try:
                result.config = selection.config_for(path)
            except ConfigError as error:
                raise SetupError(str(error)) from None
            result.alignment = _align(result.letter, selection.engine_for(path).rules)
        results.append(result)
    return results


def _align(letter: Letter, rules):
    """Recommendation and area links, each computed with the parameters of
    the rule that reports on it (the defaults when that rule is not selected)."""
    from checker.facts.evidence import DEFAULTS, align_letter

    by_kind = {rule.kind: rule.params for rule in rules}

    def params(kind: str) -> dict:
        return {k: v for k, v in (by_kind.get(kind) or {}).items() if k in DEFAULTS}

    return align_letter(letter, params("recommendation_support"), params("areas_evaluated"))

"""The library's entry points, shared by the CLI and the tests.

A run names paths (`paths`), reads each file into a letter or the one
`parse` diagnostic that says why it cannot be checked (`loading`), finds the
configuration and rules that apply to it (`settings`), checks it, in worker
processes when there are many (`check_files`, `pool`), and may fix it
(`fixing`) or report on it (`reporting`). Nothing here raises for a bad
file: each gets a `FileResult`. A broken configuration is a `SetupError`.
"""

from checker.api.check_files import check_file, check_paths
from checker.api.fixing import FixNotWritten, fix_file
from checker.api.loading import load_file, load_source
from checker.api.paths import DEFAULT_INCLUDE, iter_paths
from checker.api.reporting import report_paths
from checker.api.results import FileResult
from checker.api.settings import Selection, SetupError, effective_config

__all__ = [
    "DEFAULT_INCLUDE",
    "FileResult",
    "FixNotWritten",
    "Selection",
    "SetupError",
    "check_file",
    "check_paths",
    "effective_config",
    "fix_file",
    "iter_paths",
    "load_file",
    "load_source",
    "report_paths",
]

"""JUnit XML, valid against the Apache Ant JUnit schema that CI servers read.

One test case per letter. A letter with problems at or above the fail level
has one `<failure>` listing every problem in it; a letter that could not be
read has one `<error>` (the `parse` diagnostic). Problems below the fail
level are listed in the suite's `<system-out>`. The suite's counts agree
with its test cases. Text that XML 1.0 cannot carry (a form feed, U+FFFF)
is shown escaped, so the document is always well-formed.
"""

from __future__ import annotations

import socket
from datetime import datetime
from xml.etree import ElementTree as ET

from checker import __version__
from checker.diagnostics import SEVERITY_RANK
from checker.output.escape import for_xml


def _line(path: str, d) -> str:
    return f"{path}:{d.location}: {d.rule} [{d.severity}] {d.message}"


def _hostname() -> str:
    try:
        return socket.gethostname() or "localhost"
    except OSError:  # pragma: no cover - no network configuration at all
        return "localhost"


def _seconds(value: float) -> str:
    return f"{value:.3f}"


def render_junit(results, fail_on: str = "error", statistics: dict | None = None, started=None) -> str:
    started = started or datetime.now()
    suite = ET.Element("testsuite")
    properties = ET.SubElement(suite, "properties")
    for name, value in (("lettercheck.version", __version__), ("fail_on", fail_on)):
        ET.SubElement(properties, "property", name=name, value=value)
    for rule, entry in (statistics or {}).items():
        ET.SubElement(properties, "property", name=f"statistics.{for_xml(rule)}", value=str(entry["count"]))
    failures = errors = 0
    total_time = 0.0
    below_level = []
    for result in results:
        path = for_xml(result.path)
        seconds = getattr(result, "seconds", 0.0)
        total_time += seconds
        case = ET.SubElement(suite, "testcase", name=path, classname="lettercheck", time=_seconds(seconds))
        parse = [d for d in result.diagnostics if d.category == "parse"]
        failing = [d for d in result.diagnostics if SEVERITY_RANK[d.severity] >= SEVERITY_RANK[fail_on]]
        if parse:
            errors += 1
            d = parse[0]
            error = ET.SubElement(case, "error", type=d.rule, message=for_xml(d.message))
            error.text = for_xml(f"{_line(result.path, d)}\n{d.help}")
        elif failing:
            failures += 1
            rules = ", ".join(dict.fromkeys(d.rule for d in failing))
            count = len(failing)
            failure = ET.SubElement(
                case,
                "failure",
                type=for_xml(rules),
                message=for_xml(f"{count} problem{'s' if count != 1 else ''} at or above {fail_on}: {rules}"),
            )
            failure.text = for_xml("\n".join(_line(result.path, d) for d in result.diagnostics))
        else:
            below_level.extend(_line(result.path, d) for d in result.diagnostics)
    ET.SubElement(suite, "system-out").text = for_xml("\n".join(below_level))
    ET.SubElement(suite, "system-err").text = ""
    suite.attrib.update(
        {
            "name": "lettercheck",
            "package": "lettercheck",
            "id": "0",
            "timestamp": started.strftime("%Y-%m-%dT%H:%M:%S"),
            "hostname": for_xml(_hostname()),
            "tests": str(len(results)),
            "failures": str(failures),
            "errors": str(errors),
            "skipped": "0",
            "time": _seconds(total_time),
        }
    )
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}'

"""JUnit XML: one test case per file, one failure per problem at fail level."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from checker.diagnostics import SEVERITY_RANK


def render_junit(results, fail_on: str = "error") -> str:
    suite = ET.Element("testsuite", name="lettercheck", tests=str(len(results)))
    failures = 0
    for result in results:
        case = ET.SubElement(suite, "testcase", classname="lettercheck", name=result.path)
        for d in result.diagnostics:
            if SEVERITY_RANK[d.severity] < SEVERITY_RANK[fail_on]:
                continue
            failures += 1
            failure = ET.SubElement(
                case, "failure", type=d.rule, message=f"{d.span.line}:{d.span.column} {d.message}"
            )
            failure.text = (
                f"{result.path}:{d.span.line}:{d.span.column}: {d.rule} [{d.severity}] {d.message}\n{d.help}"
            )
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    root = ET.Element("testsuites")
    root.append(suite)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)

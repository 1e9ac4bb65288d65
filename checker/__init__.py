"""lettercheck: a rule-based compliance checker for Ofsted inspection letters.

The pipeline, one subpackage per stage:
    reading/    bytes -> text -> typed lines -> tokens -> Letter (grammar/letter.lark; no parse tree between)
    facts/      what is worked out from a letter once read (format fit, dates, evidence)
    checking/   rule packs (rules/*.yaml) and configuration -> engine -> diagnostics
    output/     diagnostics and letters -> text, JSON, SARIF, JUnit, reports
and on top, api/ (the library) and cli/ (the `lettercheck` command).
"""

__version__ = "0.1.0"

"""The rule side: rule packs and configuration in, diagnostics out.

`rule_packs` loads the YAML rules (checked against their check kinds'
contracts, `kinds/`), `config` and `selectors` say which apply to a file,
`engine` runs them on a letter, then applies suppressions and severities.
"""

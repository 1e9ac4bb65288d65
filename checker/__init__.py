"""lettercheck: a rule-based compliance checker for Ofsted inspection letters.

The pipeline, one module per step:
    source (bytes -> text) -> lines (classify) -> parse (grammar/letter.lark)
    -> build (Letter model) -> engine + checks (rules/*.yaml) -> output.
"""

__version__ = "0.1.0"

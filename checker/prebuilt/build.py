"""Build the prebuilt data (checker.prebuilt) from the shipped sources.

    python -m checker.prebuilt.build           write the files that changed
    python -m checker.prebuilt.build --check   exit 1 if any file is not what a build gives

The output depends only on the sources and on the versions of lark and
snowballstemmer (pinned in the dev extra): lark numbers its parse states in
the order of Python's set iteration, so they are renumbered here in a fixed
order (breadth first from the start state, tokens by name).
"""

from __future__ import annotations

import sys
from collections import deque

from checker.prebuilt import HERE, digest, dumps, source_name, source_path

GRAMMAR = "grammar/letter.lark"
SYNONYMS = "rules/synonyms.yaml"


def letter_parser() -> dict:
    """The LALR tables of the letter grammar, in lark's serialised form."""
    import lark
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    from checker.reading.parser import build_parser

    data, memo = build_parser().memo_serialize([TerminalDef, Rule])
    data["parser"]["parser"] = _canonical_table(data["parser"]["parser"])
    return {"sources": _sources(GRAMMAR), "lark": lark.__version__, "data": data, "memo": memo}


def _canonical_table(table: dict) -> dict:
    """The parse table with states and tokens numbered in a fixed order."""
    names = sorted(set(table["tokens"].values()))
    token_index = {old: names.index(name) for old, name in table["tokens"].items()}
    shift = 0  # lark's action code for Shift (a goto on a nonterminal is a shift too)
    order: list[int] = []
    queue = deque(sorted(table["start_states"].values()))
    seen = set(queue)
    while queue:
        state = queue.popleft()
        order.append(state)
        actions = sorted(table["states"][state].items(), key=lambda item: token_index[item[0]])
        for _token, (action, target) in actions:
            if action == shift and target not in seen:
                seen.add(target)
                queue.append(target)
    if len(order) != len(table["states"]):
        raise ValueError("a parse state is not reachable from the start state")
    number = {old: new for new, old in enumerate(order)}
    states = {}
    for old in order:
        actions = sorted(table["states"][old].items(), key=lambda item: token_index[item[0]])
        states[number[old]] = {
            token_index[token]: (action, number[arg] if action == shift else arg)
            for token, (action, arg) in actions
        }
    return {
        **table,
        "tokens": dict(enumerate(names)),
        "states": states,
        "start_states": {name: number[state] for name, state in table["start_states"].items()},
        "end_states": {name: number[state] for name, state in table["end_states"].items()},
    }


def shipped_yaml() -> dict:
    """Each shipped YAML file lettercheck reads at start-up, as YAML reads it."""
    from checker.checking.bounded_yaml import load
    from checker.checking.rule_packs import core_dir, node_at, parse_rules_file, position, rule_files
    from checker.resources import resource_path

    files = {}
    for path in (parse_rules_file(), *rule_files(core_dir()), resource_path("rules") / "letter_types.yaml"):
        root, data = load(path.read_text(encoding="utf-8"), trusted=True)
        entry = {"sha256": digest(path), "data": data}
        if isinstance(data, dict) and "rules" in data:
            entry["rule_lines"] = [
                position(node_at(root, ["rules", i]))[0] for i in range(len(data["rules"]))
            ]
        files[source_name(path)] = entry
    return {"files": files}


def vocabulary() -> dict:
    """rules/synonyms.yaml stemmed, with the stem of each word it holds."""
    from checker.facts import vocabulary as words

    path = source_path(SYNONYMS)
    return {
        "sources": _sources(SYNONYMS),
        "vocabulary": words.as_data(words.build(path)),
        "stems": words.stems_of(path),
    }


def _sources(*names: str) -> dict[str, str]:
    return {name: digest(source_path(name)) for name in names}


BUILDERS = {"letter_parser": letter_parser, "shipped_yaml": shipped_yaml, "vocabulary": vocabulary}


def build_all() -> dict[str, str]:
    """File name -> the text it should hold."""
    return {f"{name}.json": dumps(make()) for name, make in BUILDERS.items()}


def main(argv: list[str]) -> int:
    from checker.atomic import write_text

    check = "--check" in argv
    stale = []
    for name, text in build_all().items():
        path = HERE / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(name)
        if not check:
            write_text(str(path), text)
            print(f"updated {path}")
    if check and stale:
        print(f"not what a build gives: {', '.join(stale)} (run: bash dev.sh prebuild)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

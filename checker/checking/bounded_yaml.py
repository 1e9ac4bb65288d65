"""Read YAML (rule packs, configuration) with a bound on what it expands to.

An alias repeats a whole node, so a few lines of nested anchors ("billion
laughs") stand for billions of values: harmless while they are shared, but
any walk over them (schema validation, copying parameters, formatting a
list) never ends. The expanded size of the document is counted before it
is used (in time linear in the file) and refused past a limit far above any
real rule pack.
"""

from __future__ import annotations

MAX_EXPANDED_NODES = 100_000  # the largest shipped YAML file has fewer than 500


class YamlError(Exception):
    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster


def load(text: str, trusted: bool = False):
    """(root node, data) of a YAML document; raise YamlError with its position.
    The document is parsed once; its size once expanded is checked before it
    is built, unless it is `trusted` (the rules lettercheck ships)."""
    import yaml

    reader = loader()(text)
    try:
        root = reader.get_single_node()
        if root is not None and not trusted:
            _check_expansion(root)
        data = reader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlError(f"invalid YAML: {problem}", *where) from None
    except RecursionError:
        raise YamlError("invalid YAML: nested too deeply") from None
    except ValueError as error:  # a date that does not exist: 2020-02-30
        raise YamlError(f"invalid YAML: {error}", *_bad_date(root)) from None
    finally:
        reader.dispose()
    return root, data


def _bad_date(root) -> tuple[int, int]:
    """Where the date YAML could not make is (line 1 if it cannot be found)."""
    import datetime as dt

    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                dt.date.fromisoformat(node.value[:10])
            except ValueError:
                return node.start_mark.line + 1, node.start_mark.column + 1
        stack.extend(reversed(_children(node)))
    return 1, 1


def _check_expansion(root) -> None:
    """Refuse a document whose aliases expand past MAX_EXPANDED_NODES, naming
    the innermost node that crosses the limit (where the repetition is)."""
    size: dict[int, int] = {}
    open_nodes: set[int] = set()  # being sized: meeting one again is a cycle
    stack = [(root, False)]
    while stack:  # iterative post-order: each distinct node is sized once
        node, children_done = stack.pop()
        if id(node) in size:
            continue
        children = _children(node)
        if not children_done:
            if id(node) in open_nodes:
                mark = node.start_mark
                raise YamlError("this value contains itself through an alias", mark.line + 1, mark.column + 1)
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in size)
            continue
        total = 1 + sum(size.get(id(child), 0) for child in children)
        if total > MAX_EXPANDED_NODES:
            mark = node.start_mark
            raise YamlError(
                f"this value expands to more than {MAX_EXPANDED_NODES:,} values through aliases "
                "(&anchor / *alias); write the values out",
                mark.line + 1,
                mark.column + 1,
            )
        size[id(node)] = total


def _children(node) -> list:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []

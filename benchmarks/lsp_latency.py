"""How soon the language server publishes diagnostics after an edit.

    python benchmarks/lsp_latency.py [--edits 40] [--letter PATH] [--debounce MS]

Starts `lettercheck lsp` as an editor would (a process talking LSP over
standard input and output, driven by pygls's client), opens a five-page
letter (fixtures/real/west-sussex_focused_2020.txt, 2,500 words), warms up,
then measures from the moment an edit is sent to the moment the diagnostics
for that very version arrive:

  * one keystroke, then a pause: the debounce (100 ms by default) and the check;
  * a burst of ten keystrokes 30 ms apart, from the last one (the debounce
    restarts at each, so a burst costs one check);
  * a save (no debounce): the check and the protocol alone.

Each edit changes what is reported (it dates the letter before the visit, or
mends that), so a result that did not really come from checking would show. The
target is diagnostics within 150 ms of a change, debounce included.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "fixtures" / "real" / "west-sussex_focused_2020.txt"
TARGET_MS = 150


class _Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("lettercheck-benchmark", "1")
        self.arrived: dict[int, float] = {}  # document version -> when its diagnostics came
        self.codes: dict[int, list[str]] = {}
        self.event = asyncio.Event()

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: types.PublishDiagnosticsParams) -> None:
            self.arrived[params.version] = time.perf_counter()
            self.codes[params.version] = [d.code for d in params.diagnostics]
            self.event.set()

    async def published(self, version: int, timeout: float = 10) -> float:
        deadline = time.perf_counter() + timeout
        while version not in self.arrived:
            self.event.clear()
            await asyncio.wait_for(self.event.wait(), max(deadline - time.perf_counter(), 0.001))
        return self.arrived[version]


def _year_edit(line: int, year: str) -> types.TextDocumentContentChangePartial:
    """Replace the year of the letter's date ("4 December 2020") with `year`."""
    where = types.Range(
        start=types.Position(line=line, character=11), end=types.Position(line=line, character=15)
    )
    return types.TextDocumentContentChangePartial(range=where, text=year)


async def _measure(edits: int, letter: Path, debounce: int) -> dict[str, list[float]]:
    client = _Client()
    await client.start_io(sys.executable, "-m", "checker", "lsp", "--debounce", str(debounce))
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    uri = from_fs_path(str(letter))
    text = letter.read_text(encoding="utf-8")
    date_line = next(i for i, line in enumerate(text.split("\n")) if line.strip() == "4 December 2020")
    version = 1
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "plaintext", version, text))
    )
    await client.published(version)

    def change(year: str) -> int:
        nonlocal version
        version += 1
        identifier = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(identifier, [_year_edit(date_line, year)])
        )
        return version

    figures: dict[str, list[float]] = {"keystroke": [], "burst": [], "save": []}
    for index in range(5 + edits):  # the first five warm the server up
        year = "2019" if index % 2 == 0 else "2020"  # dated before the visit (DATE001), or as published
        sent = time.perf_counter()
        arrived = await client.published(change(year))
        reported = "DATE001" in client.codes[version]
        assert reported == (year == "2019"), f"version {version}: {client.codes[version]}"
        if index >= 5:
            figures["keystroke"].append((arrived - sent) * 1000)

        for _ in range(9):  # a burst: the debounce restarts with each keystroke
            change(year)
            await asyncio.sleep(0.03)
        sent = time.perf_counter()
        arrived = await client.published(change(year))
        if index >= 5:
            figures["burst"].append((arrived - sent) * 1000)

        sent = time.perf_counter()
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
        while client.arrived[version] < sent:  # the same version, published again
            client.event.clear()
            await asyncio.wait_for(client.event.wait(), 10)
        if index >= 5:
            figures["save"].append((client.arrived[version] - sent) * 1000)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return figures


def _row(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return f"{name:<34} median {statistics.median(values):6.1f} ms   p90 {p90:6.1f} ms   max {max(values):6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--edits", type=int, default=40, help="measured edits of each kind (after 5 to warm up)"
    )
    parser.add_argument(
        "--letter",
        type=Path,
        default=LETTER,
        help="the letter to edit (its date line must read '4 December 2020')",
    )
    parser.add_argument(
        "--debounce", type=int, default=100, help="the server's debounce in ms (default: its own)"
    )
    options = parser.parse_args()
    words = len(options.letter.read_text(encoding="utf-8").split())
    print(f"lettercheck lsp, {options.letter.name} ({words:,} words), debounce {options.debounce} ms, warm")
    figures = asyncio.run(_measure(options.edits, options.letter, options.debounce))
    print(_row("keystroke -> diagnostics", figures["keystroke"]))
    print(_row("burst of 10 (from the last key)", figures["burst"]))
    print(_row("save -> diagnostics (no debounce)", figures["save"]))
    verdict = "within" if statistics.median(figures["keystroke"]) <= TARGET_MS else "OVER"
    print(f"target: diagnostics <= {TARGET_MS} ms after a change, debounce included: {verdict}")


if __name__ == "__main__":
    main()

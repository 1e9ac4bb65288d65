"""The language server (`lettercheck lsp`): lettercheck in the editor.

`server` wires the protocol (pygls); `documents` keeps what each open letter
last looked like; `settings` finds the configuration for a document and
notices when it changes; `positions`, `lsp_diagnostics`, `hover` and `actions`
turn lettercheck's problems into LSP types; `server_log` keeps each failure
to one line of the log. Every use of lettercheck's own
internals goes through `engine_adapter`, so the rest of this package only
knows the small types defined there.
"""

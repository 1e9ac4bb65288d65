"""Reading a letter: its file's bytes to the Letter model.

    source.py         bytes -> text (positions stay the file's)
    lines.py          text -> lines typed by shape
    lexer.py          typed lines -> the grammar's tokens (and the landmarks)
    parser.py         tokens -> the letter's parts (grammar/letter.lark), built by
    builder.py        as the parser reads them (no parse tree); then the facts its parts state
    letter_reader.py  the steps in order

with what the builder reads: letter types (letter_types.py), dates
(written_dates.py), people (people.py), local authorities (authorities.py),
sentences (sentences.py). A PDF or Word file goes first to its reader
(file_types.py tells which by the first bytes): pdf.py with pdf_layout.py,
or docx.py, rebuild the letter as text lines for the same steps and keep
where each piece came from (document.py).
"""

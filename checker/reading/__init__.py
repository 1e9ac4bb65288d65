"""Reading a letter: its file's bytes to the Letter model.

    source.py         bytes -> text (positions stay the file's)
    lines.py          text -> lines typed by shape
    lexer.py          typed lines -> the grammar's tokens (and the landmarks)
    parser.py         tokens -> parse tree (grammar/letter.lark)
    builder.py        parse tree -> Letter, and the facts its parts state
    letter_reader.py  the steps in order

with what the builder reads: letter types (letter_types.py), dates
(written_dates.py), people (people.py), local authorities (authorities.py),
sentences (sentences.py). pdf.py and docx.py turn PDF and Word files into
text lines for the same steps.
"""

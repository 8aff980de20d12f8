"""Reading a PDF's text with pypdf: pure functions, no Django, so that the
task worker can run them in a child process with memory and time limits
(``python -m psg.publications.pdf_reading`` reads a PDF on standard input and
writes its text on standard output; see pdf_text.read_limited).
"""

import io
import re
import sys

from pypdf import PdfReader

# At most this much text per publication (a long report is ~300,000 characters;
# its first 200,000 carry what a reader would search for).
PDF_TEXT_LIMIT = 200_000
# PDFs longer than this are read up to here.
MAX_PAGES = 400
_SPACE = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def clean_text(text):
    """Plain text a database can store: no NULs, runs of spaces collapsed."""
    text = text.replace("\x00", " ")
    text = "".join(c if c.isprintable() or c == "\n" else " " for c in text)
    text = _SPACE.sub(" ", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def read_pdf(file, limit=PDF_TEXT_LIMIT):
    """The text of one PDF file object, at most ``limit`` characters.

    Raises whatever pypdf raises for a file it cannot read, and ValueError for
    an encrypted file it cannot open without a password.
    """
    reader = PdfReader(file)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("the PDF is encrypted")
    parts = []
    length = 0
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES or length >= limit:
            break
        text = clean_text(page.extract_text() or "")
        if text:
            parts.append(text)
            length += len(text) + 2
    return cut("\n\n".join(parts), limit)


def cut(text, limit):
    """``text`` cut at a word boundary to at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(None, 1)[0]


def main(limit=PDF_TEXT_LIMIT):
    """The child process: a PDF's bytes in, its text out (UTF-8); an error
    message on standard error and exit status 1 for a PDF it cannot read."""
    if len(sys.argv) > 1:
        limit = int(sys.argv[1])
    try:
        text = read_pdf(io.BytesIO(sys.stdin.buffer.read()), limit)
    except Exception as error:  # noqa: BLE001 pypdf raises many kinds
        sys.stderr.write(f"{type(error).__name__}: {error}\n")
        return 1
    sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

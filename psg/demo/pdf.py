"""Small but real PDFs for the demo publications, made with fpdf2."""

from fpdf import FPDF

ORGANISATION = "Peru Support Group"
# The title band's colour: the site's red (#9e1b1e).
BAND_RGB = (158, 27, 30)


class _Document(FPDF):
    def footer(self):
        if self.page_no() == 1:
            return
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 10, f"{ORGANISATION} - {self.page_no()}", align="C")


def render_pdf(text, date_label):
    """The bytes of a PDF: a title page, then ``text``'s sections.

    ``text`` is a DocumentText; ``date_label`` is the date as its language
    writes it ("March 2025", "marzo de 2025").
    """
    pdf = _Document(format="A4")
    # The core fonts' own encoding (WinAnsi, i.e. cp1252) covers Spanish
    # accents, ñ, ¿ and ¡ as latin-1 does, plus typographic quotes and dashes.
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_title(text.title)
    pdf.set_author(ORGANISATION)
    pdf.set_lang(text.language)
    pdf.set_margins(25, 25, 25)
    pdf.set_auto_page_break(auto=True, margin=22)

    pdf.add_page()
    pdf.set_fill_color(*BAND_RGB)
    pdf.rect(0, 0, pdf.w, 38, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(25, 14)
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 10, ORGANISATION.upper())
    pdf.set_text_color(29, 31, 36)
    pdf.set_y(85)
    pdf.set_font("Helvetica", "B", 24)
    pdf.multi_cell(0, 11, text.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", size=14)
    pdf.multi_cell(0, 7, text.subtitle, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-55)
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, date_label, new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    for heading, paragraphs in text.sections:
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 5.5, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.ln(3)
    return bytes(pdf.output())

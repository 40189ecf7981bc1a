"""Bundled sample data: the seed plans as workbooks, one as .docx, illustrative progress."""

"""Pure export builders: data -> xlsx / csv / png / svg / pptx / pdf / docx bytes (no Streamlit).

- ``chart_images``: Altair chart -> PNG at print resolution or SVG (vl-convert, shipped font)
- ``tables``: DataFrame -> styled .xlsx or UTF-8-with-BOM CSV, formulas defused, rows as given
- ``table_format``: which columns are percentages or numbers, declared once per table for the
  screen, the xlsx (number formats) and the CSV (rounded as on screen)
- ``meeting_pack`` / ``meeting_pdf``: the meeting deck (.pptx) and its PDF
- ``reminder_letters``: văn bản đôn đốc per agency, phiếu nhắc việc per internal unit (.docx),
  or all in a .zip; collective groups get none
- ``periodic_report``: báo cáo định kỳ for a month, quarter, half-year or year (.docx)
- ``content`` and ``docx_admin``: what those documents say, and the administrative layout
"""

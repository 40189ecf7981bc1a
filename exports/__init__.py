"""Pure export builders: data -> xlsx / csv / png / svg / pptx / pdf / docx bytes (no Streamlit)."""

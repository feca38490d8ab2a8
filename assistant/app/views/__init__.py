"""The app's pages (not named pages/: Streamlit would take that folder for its old multipage layout)."""

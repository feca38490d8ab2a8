"""The Streamlit app: a thin shell over the library."""

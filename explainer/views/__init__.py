"""Page helpers, one module per page area: what a page says about the state of its computation and
how its widgets' values become settings. Pure functions that take the page's text lookup ``t``; no
Streamlit here, so each is tested without a browser."""

"""explainer: chapter 1 of *Deep Learning with PyTorch*, live.

Everything that computes lives in this package as plain Python; the Streamlit pages in ``pages/``
only arrange widgets and figures around it. ``python -m explainer --help`` lists the commands.
"""

__version__ = "0.1.0"

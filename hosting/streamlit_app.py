"""Entry point for hosts that run a file at the repository root (Community Cloud, HF Spaces).

Streamlit puts this file's folder (the repo root) on the import path, so ``explainer`` imports
without being installed.
"""

from explainer.app import main

main()

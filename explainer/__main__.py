"""``python -m explainer``: see :mod:`explainer.cli`."""

from explainer.cli import main

raise SystemExit(main())

"""String tables, one module per page or area: each defines ``EN`` and ``KO`` with the same keys."""

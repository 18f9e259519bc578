"""The one exception type that carries a message meant for the user (CLI or page), not a bug."""


class ExplainerError(Exception):
    """Bad input or a missing resource: the message says what and what to do about it."""

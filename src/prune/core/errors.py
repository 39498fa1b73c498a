"""The one exception type that carries a user-facing reason for refusing input."""


class ExportError(Exception):
    """Input the user gave cannot be used.

    The message is a single line that says what is wrong and what to do about it; the CLI prints it
    as is and exits with status 2, so it must never read like a traceback.
    """

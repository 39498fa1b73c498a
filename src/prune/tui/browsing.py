"""Opening a profile in the browser, the same way from every screen.

prune never visits linkedin.com itself: `o` hands the URL to the user's browser. Where there is
no browser (an SSH session, a container) a toast says so and points at the URL on screen.
"""

from __future__ import annotations

from textual.app import App


def open_profile(app: App[object], name: str, url: str | None, where: str) -> None:
    """Open `url` or explain why not; `where` tells the user where the URL is shown."""
    if not url:
        app.notify("This contact has no profile URL in the export.", severity="warning")
        return
    import webbrowser  # only when a profile is opened: it costs the first card a millisecond

    try:
        webbrowser.get()
    except webbrowser.Error:
        app.notify(
            f"No browser found here. The URL is {where}: {url}",
            severity="warning",
            timeout=6,
            markup=False,
        )
        return
    app.open_url(url)
    app.notify(f"Opened {name}'s profile in your browser.", timeout=2, markup=False)

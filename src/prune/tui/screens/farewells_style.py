"""How the Farewells screen is laid out, in its own module beside the screen's code.

A list of the people to write to and the message of the one picked: side by side on a wide
terminal (`-wide`), one above the other on a narrow one (`-narrow`).
"""

FAREWELLS_CSS = """
    FarewellsScreen { layout: vertical; }
    FarewellsScreen #header { height: 1; background: $panel; padding: 0 1; }
    FarewellsScreen #header > Static { width: auto; text-wrap: nowrap; }
    FarewellsScreen #header > #title { padding-right: 1; }
    FarewellsScreen #header > #detail {
        width: 1fr; padding-left: 2; text-overflow: ellipsis; color: $text-muted;
    }
    FarewellsScreen #header > #filter { padding-left: 2; }
    FarewellsScreen #body { height: 1fr; }
    FarewellsScreen.-wide #body { layout: horizontal; }
    FarewellsScreen.-narrow #body { layout: vertical; }
    FarewellsScreen ContactTable { height: 1fr; min-height: 5; }
    FarewellsScreen.-wide ContactTable { width: 45%; }
    FarewellsScreen #panel {
        border: round $primary;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
    }
    FarewellsScreen.-wide #panel { width: 1fr; height: 1fr; }
    FarewellsScreen.-narrow #panel { height: auto; max-height: 75%; }
    FarewellsScreen #panel > Static { width: 1fr; }
    FarewellsScreen #meta { color: $text-muted; }
    FarewellsScreen #refusal { color: $warning; text-style: bold; }
    FarewellsScreen #message { margin-top: 1; }
"""

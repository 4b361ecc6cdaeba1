"""Presentation logic that needs no Qt: timeline layout, the detail pane's HTML, the app's own links.

Kept apart from the domain (which knows nothing of screens) and from the Qt layer (which only paints and wires),
so that what the user sees is decided by functions tested without a display.
"""

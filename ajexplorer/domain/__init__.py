"""The domain layer: data model, dates, loading, validation, export and search.

Pure Python. Nothing here imports Qt (an import-linter contract and a test enforce it), so every rule about
the data can be tested without a display and reused by the command line.
"""

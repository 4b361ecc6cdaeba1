"""AJ Explorer: an offline explorer of ASEAN-Japan dialogue relations, every fact cited to its source."""

__version__ = "0.1.0"
APP_NAME = "AJ Explorer"

"""reformkg: a provenance-carrying knowledge graph of China's industrial-workforce reform (产改)."""

__version__ = "0.1.0"

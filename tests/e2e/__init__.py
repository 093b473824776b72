"""Browser end-to-end tests (marked `browser`) and their server/fixture helpers."""

"""Views: ontology styles, offline pyvis pages and the browser UI (routes + static assets)."""

"""Tests of reformkg.viz: styles, offline pyvis pages, UI routes."""

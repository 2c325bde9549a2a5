"""Loaders, one module per domain app: they read demo.daten and write through the apps' services."""

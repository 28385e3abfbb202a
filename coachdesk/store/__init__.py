"""Persistence: the encrypted vault, its schema, import/export, audit and backups."""

"""The desktop app (PySide6): one client of store/ and core/, never the other way round."""

"""The dashboard's views, one module per page family; each has a ``router``."""

"""Packaged data files (actor and people registries, cue and term lexicons) and their loaders."""
